"""Baseline rankers for side-by-side comparison with the full pipeline (same index, same run)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from assistant.retrieval import HybridRetriever

Key = tuple[str, int, int]


def _key(retriever: HybridRetriever, row: int) -> Key:
    unit = retriever.units[row]
    return (unit.law, unit.article_no or 0, unit.sub or 0)


def bm25_ranker(retriever: HybridRetriever) -> Callable[[str], list[Key]]:
    """Plain BM25 over jieba tokens of the question, in-force statutes only."""
    allowed = retriever._allowed_mask_default()

    def rank(question: str) -> list[Key]:
        scores = np.where(allowed, retriever.index.bm25.scores(retriever.tokenizer.tokenize(question)), -1.0)
        return [_key(retriever, int(r)) for r in np.argsort(-scores)[:10]]

    return rank


def dense_ranker(retriever: HybridRetriever) -> Callable[[str], list[Key]]:
    """The embedding model alone (best chunk per article), in-force statutes only."""
    allowed = retriever._allowed_mask_default()

    def rank(question: str) -> list[Key]:
        return [_key(retriever, row) for row in _dense_rows(retriever, question, allowed)[:10]]

    return rank


def _dense_rows(retriever: HybridRetriever, question: str, allowed: np.ndarray) -> list[int]:
    assert retriever.embedder is not None
    hits = retriever.index.vectors.query(retriever.embedder.embed_query(question), 200)
    rows: list[int] = []
    for chunk_id, _ in hits:
        row = retriever.row_of_chunk(chunk_id)
        if row is not None and allowed[row] and row not in rows:
            rows.append(row)
    return rows


def rrf_ranker(retriever: HybridRetriever, k0: int = 60) -> Callable[[str], list[Key]]:
    """Reciprocal-rank fusion of the two baselines, the usual off-the-shelf hybrid."""
    allowed = retriever._allowed_mask_default()

    def rank(question: str) -> list[Key]:
        scores = np.where(allowed, retriever.index.bm25.scores(retriever.tokenizer.tokenize(question)), -1.0)
        fused: dict[int, float] = {}
        for r, row in enumerate(np.argsort(-scores)[:100]):
            fused[int(row)] = fused.get(int(row), 0.0) + 1.0 / (k0 + r + 1)
        for r, row in enumerate(_dense_rows(retriever, question, allowed)[:100]):
            fused[row] = fused.get(row, 0.0) + 1.0 / (k0 + r + 1)
        return [_key(retriever, row) for row, _ in sorted(fused.items(), key=lambda kv: -kv[1])[:10]]

    return rank


def full_ranker(retriever: HybridRetriever) -> Callable[[str], list[Key]]:
    def rank(question: str) -> list[Key]:
        return [
            (h.unit.law, h.unit.article_no or 0, h.unit.sub or 0)
            for h in retriever.search(question, k=10).hits
        ]

    return rank


def unlearned_ranker(retriever: HybridRetriever) -> Callable[[str], list[Key]]:
    """The full pipeline without what was learned from labelled questions (the article prior and
    the example questions) and with the hand-set fusion weights: the figure to watch when changing
    the curated knowledge, on the sets the prior was trained on, where `full` has memorised the
    answers."""
    plain = HybridRetriever(
        retriever.index, retriever.embedder, retriever.knowledge, retriever.tokenizer, use_prior=False
    )
    plain._issue_vectors = retriever._issue_vectors  # the same issue vectors, not embedded again

    def rank(question: str) -> list[Key]:
        return [
            (h.unit.law, h.unit.article_no or 0, h.unit.sub or 0) for h in plain.search(question, k=10).hits
        ]

    return rank


RANKERS = {
    "bm25": bm25_ranker,
    "dense": dense_ranker,
    "rrf": rrf_ranker,
    "full": full_ranker,
    "unlearned": unlearned_ranker,
}
