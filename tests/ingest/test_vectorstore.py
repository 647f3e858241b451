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
            # HNSW is approximate; at this size with ef_search 200 it finds the exact neighbours: the same
            # scores at every rank, and the same chunk wherever its score is not tied with a neighbour's
            # (chunks of equal text score equally and may come in either order).
            got_scores, expected_scores = [s for _, s in got], [s for _, s in expected]
            assert np.allclose(got_scores, expected_scores, atol=1e-4), (question, where)
            for rank, ((got_id, score), (expected_id, _)) in enumerate(zip(got, expected, strict=True)):
                tied = any(
                    abs(score - other) < 1e-5
                    for j, other in enumerate(expected_scores)
                    if j != rank and abs(j - rank) <= 3
                )
                assert tied or got_id == expected_id, (question, where, rank)


def test_filters_and_small_k() -> None:
    store = InMemoryVectorStore()
    vectors = np.eye(4, dtype=np.float32)
    store.add(["a", "b", "c", "d"], vectors, [{"is_case": i % 2 == 0, "law": f"L{i}"} for i in range(4)])
    assert store.query(vectors[1], 1) == [("b", 1.0)]
    assert [i for i, _ in store.query(vectors[1], 10, {"is_case": True})] == ["a", "c"]
    assert [i for i, _ in store.query(vectors[2], 2, {"law": {"$in": ["L2", "L3"]}})] == ["c", "d"]
    store.add(["e"], vectors[:1], [{"is_case": True, "law": "L4"}])  # filters see added rows
    assert {i for i, _ in store.query(vectors[0], 10, {"is_case": True})} == {"a", "c", "e"}
