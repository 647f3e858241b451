"""Answer-level metrics (pure functions): citations against gold, key points, escalation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

Key = tuple[str, int, int]

_PUNCT_FOLD = str.maketrans(
    {"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "“": '"', "”": '"', "％": "%"}
)


def normalize_for_match(text: str) -> str:
    """NFKC (full-width digits and letters → ASCII), no whitespace, Chinese and ASCII punctuation unified."""
    text = unicodedata.normalize("NFKC", text or "").translate(_PUNCT_FOLD)
    return re.sub(r"\s+", "", text).lower()


def key_point_present(key_point: str, answer: str) -> bool:
    """A key point is present when any of its '|'-separated alternatives occurs in the answer.

    Deterministic and documented in eval/README.md: literal substring match after normalisation,
    so a judge can reproduce every verdict by hand.
    """
    haystack = normalize_for_match(answer)
    return any(alt and normalize_for_match(alt) in haystack for alt in key_point.split("|"))


def key_point_coverage(key_points: Sequence[str], answer: str) -> float:
    if not key_points:
        return 0.0
    return sum(key_point_present(k, answer) for k in key_points) / len(key_points)


def citation_scores(cited: Iterable[Key], gold: Iterable[Key]) -> tuple[float | None, float, bool]:
    """(precision or None when nothing was cited, recall, at least one correct)."""
    cited_set, gold_set = set(cited), set(gold)
    correct = cited_set & gold_set
    precision = len(correct) / len(cited_set) if cited_set else None
    recall = len(correct) / len(gold_set) if gold_set else 0.0
    return precision, recall, bool(correct)


def binary_scores(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float | int | None]:
    """pairs of (expected, predicted) → precision, recall, F1, false-positive rate and counts.

    A rate whose denominator is empty is None (not applicable), never 0.0: recall over a set with no
    must-escalate item, precision when nothing was escalated, the false-positive rate with no
    must-not item. F1 is 0.0 when there were positives and none was found."""
    tp = sum(1 for e, p in pairs if e and p)
    fp = sum(1 for e, p in pairs if not e and p)
    fn = sum(1 for e, p in pairs if e and not p)
    tn = sum(1 for e, p in pairs if not e and not p)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1: float | None = None
    if recall is not None:
        both = (precision or 0.0) + recall
        f1 = 2 * (precision or 0.0) * recall / both if both else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_positive_rate": fp / (fp + tn) if fp + tn else None,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def recall_curve(ranks: Sequence[int | None], max_k: int = 10) -> list[float]:
    """Share of items whose first gold article is within the top k, for k = 1..max_k."""
    if not ranks:
        return [0.0] * max_k
    return [sum(1 for r in ranks if r is not None and r <= k) / len(ranks) for k in range(1, max_k + 1)]
