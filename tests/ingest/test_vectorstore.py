"""Dense search served from memory must give what Chroma gives: same articles, same order."""

from __future__ import annotations

import numpy as np

from assistant.config import Settings
from ingest.embed import FakeEmbedder
from ingest.index import open_index
from ingest.vectorstore import ChromaVectorStore, InMemoryVectorStore

QUESTIONS = [
    "老板拖欠工资三个月不发",
    "工伤认定要交什么材料",
    "外卖骑手和平台算不算劳动关系",
    "试用期被辞退有没有补偿",
]


def test_memory_mirror_returns_the_same_hits_as_chroma(built_settings: Settings) -> None:
    chroma = open_index(built_settings.data_dir)
    memory = open_index(built_settings.data_dir, dense_search="memory")
    assert isinstance(chroma.vectors, ChromaVectorStore)
    assert isinstance(memory.vectors, InMemoryVectorStore)
    assert memory.vectors.count() == chroma.vectors.count() == chroma.manifest["counts"]["chunks"]
    embedder = FakeEmbedder()
    for question in QUESTIONS:
        vector = embedder.embed_query(question)
        for where in (None, {"is_case": True}, {"is_case": False}):
            expected = chroma.vectors.query(vector, 20, where)
            got = memory.vectors.query(vector, 20, where)
            # Chroma's HNSW is approximate and its graph is built by several threads, so on a rare build it
            # misses one exact neighbour deep in the list (seen once in CI, session 7). The memory mirror is
            # exact: it must match Chroma at the top, never score worse at any rank, and share nearly all
            # of the 20 (an HNSW miss costs at most a couple).
            got_scores, expected_scores = [s for _, s in got], [s for _, s in expected]
            assert len(got) == len(expected), (question, where)
            assert np.allclose(got_scores[:5], expected_scores[:5], atol=1e-4), (question, where)
            assert all(g >= e - 1e-4 for g, e in zip(got_scores, expected_scores, strict=True)), (
                question,
                where,
            )
            shared = {chunk for chunk, _ in got} & {chunk for chunk, _ in expected}
            assert len(shared) >= len(expected) - 2, (question, where, len(shared))
            for rank, ((got_id, score), (expected_id, _)) in enumerate(
                zip(got[:5], expected[:5], strict=True)
            ):
                tied = any(
                    abs(score - other) < 1e-5
                    for j, other in enumerate(expected_scores)
                    if j != rank and abs(j - rank) <= 3
                )
                assert tied or got_id == expected_id, (question, where, rank)
