import json
from pathlib import Path

import numpy as np
import pytest

from assistant.retrieval import HybridRetriever
from assistant.retrieval.examples import (
    EXAMPLES_PATH,
    ExampleIndex,
    ExampleQuestion,
    ExamplesError,
    load_examples,
    save_examples,
)
from assistant.retrieval.retriever import FusionWeights
from eval.real_questions import real_questions_path
from ingest.embed import EmbeddingCache, FakeEmbedder
from ingest.index import open_index

DOUBLE_PAY = ("劳动合同法", 82, 0)
INJURY = ("工伤保险条例", 14, 0)
# Written for this test.
EXAMPLES = [
    ExampleQuestion("e1", "入职三个月老板一直不签劳动合同", (DOUBLE_PAY, ("劳动合同法", 10, 0))),
    ExampleQuestion("e2", "在车间干活被机器压伤了手算工伤吗", (INJURY,)),
    ExampleQuestion("e3", "下班路上电动车被撞了算不算工伤", (INJURY, ("工伤保险条例", 17, 0))),
]


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.queries = 0

    def embed_query(self, text: str) -> np.ndarray:
        self.queries += 1
        return super().embed_query(text)


def test_nearest_example_points_to_its_articles() -> None:
    embedder = FakeEmbedder()
    index = ExampleIndex.build(EXAMPLES, embedder)
    question = "老板一直不签劳动合同怎么办"
    votes = index.predict(question, embedder.embed_query(question), top=5)
    assert votes[0][0] in {DOUBLE_PAY, ("劳动合同法", 10, 0)}
    assert sum(share for _, share in votes) == pytest.approx(1.0)
    # Two examples agree on 工伤保险条例14: it leads for an injury question.
    injury = "干活时被机器压伤了手"
    assert index.predict(injury, embedder.embed_query(injury), top=3)[0][0] == INJURY
    assert index.predict(injury, None, top=3) == []


def test_leave_one_out_skips_the_identical_question() -> None:
    embedder = FakeEmbedder()
    index = ExampleIndex.build(EXAMPLES, embedder)
    text = EXAMPLES[0].question
    assert index.nearest(text, embedder.embed_query(text), 1)[0][0].id == "e1"
    index.exclude_identical = True
    assert index.nearest(text, embedder.embed_query(text), 1)[0][0].id != "e1"


def test_vectors_come_from_the_embedding_cache_once(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    cache = EmbeddingCache(tmp_path / "cache.sqlite", embedder.name, embedder.dim)
    first = ExampleIndex.build(EXAMPLES, embedder, cache)
    assert embedder.queries == len(EXAMPLES)
    second = ExampleIndex.build(EXAMPLES, embedder, cache)
    assert embedder.queries == len(EXAMPLES)  # nothing embedded again
    assert np.allclose(first.matrix, second.matrix)
    # Embedded as questions: the same vectors as a question embedded directly.
    assert np.allclose(first.matrix[0], embedder.embed_query(EXAMPLES[0].question), atol=1e-6)
    cache.close()


def test_example_file_round_trip_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "examples.json"
    save_examples(path, EXAMPLES, {"what": "test"})
    assert load_examples(path) == EXAMPLES
    assert load_examples(tmp_path / "none.json") == []
    body = json.loads(path.read_text(encoding="utf-8"))
    body["questions"][0]["gold"] = []
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ExamplesError, match="缺少问题或金标条文"):
        load_examples(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ExamplesError, match="无法读取"):
        load_examples(path)


def test_retriever_lifts_the_articles_of_a_near_example(built_settings) -> None:  # noqa: ANN001
    embedder = FakeEmbedder()
    question = "下班路上骑电动车被车撞了"
    weights = FusionWeights(examples=0.0)
    plain = HybridRetriever(open_index(built_settings.data_dir), embedder, weights=weights, use_prior=False)
    lifted = HybridRetriever(plain.index, embedder, weights=FusionWeights(examples=1.0), use_prior=False)
    lifted.examples = ExampleIndex.build(EXAMPLES, embedder)

    def place(result) -> int:  # noqa: ANN001
        found = [(h.unit.law, h.unit.article_no, h.unit.sub or 0) for h in result.hits]
        return found.index(("工伤保险条例", 17, 0)) if ("工伤保险条例", 17, 0) in found else 99

    before, after = plain.search(question, k=30), lifted.search(question, k=30)
    assert place(after) < place(before)
    hit = next(h for h in after.hits if (h.unit.law, h.unit.article_no) == ("工伤保险条例", 17))
    assert "与整理过的同类问题所引条文一致" in hit.reasons


def test_shipped_examples_are_team_questions_only() -> None:
    shipped = load_examples(EXAMPLES_PATH)
    assert len(shipped) > 300
    assert all(q.id.split(":")[0].endswith("_dev") for q in shipped)
    path = real_questions_path()
    if not path.exists():
        pytest.fail(f"real questions not found at {path}")
    forum = {json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line}
    assert not forum & {q.question for q in shipped}
