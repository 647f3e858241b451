"""Ranking metrics over gold sets (pure functions)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def first_hit_rank(ranked: Sequence[tuple], gold: set[tuple]) -> int | None:
    for i, key in enumerate(ranked, start=1):
        if key in gold:
            return i
    return None


def recall_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def all_gold_recall(ranked: Sequence[tuple], gold: set[tuple], k: int) -> float:
    return 1.0 if gold and gold <= set(ranked[:k]) else 0.0


def mrr_at(rank: int | None, k: int) -> float:
    return 1.0 / rank if rank is not None and rank <= k else 0.0


def ndcg_at(ranked: Sequence[tuple], gold: set[tuple], k: int) -> float:
    dcg = sum(1.0 / math.log2(i + 1) for i, key in enumerate(ranked[:k], start=1) if key in gold)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(gold), k) + 1))
    return dcg / ideal if ideal else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[index]


def macro_article_recall(rows: Sequence[tuple[Sequence[tuple], set[tuple]]], k: int) -> float | None:
    """Recall@k per gold article (of the items whose gold holds that article, the share that has it in
    their first k), averaged over articles: one frequent article (劳动合同法47 is 29% of the real
    questions) cannot carry the figure. ``rows``: (ranked keys, gold keys) per item."""
    found: dict[tuple, list[float]] = {}
    for ranked, gold in rows:
        top = set(ranked[:k])
        for key in gold:
            found.setdefault(key, []).append(1.0 if key in top else 0.0)
    if not found:
        return None
    return sum(sum(v) / len(v) for v in found.values()) / len(found)
