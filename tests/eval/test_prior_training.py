import numpy as np
import pytest

from assistant.retrieval.learned import PriorError, load_prior
from eval.prior_training import TrainingConfig, TrainingItem, fit_prior, fold_of, out_of_fold

INJURY = ("工伤保险条例", 14, 0)
SEVERANCE = ("劳动合同法", 47, 0)
DOUBLE_PAY = ("劳动合同法", 82, 0)

# Synthetic questions written for this test (not from any data set): three kinds of question, the
# severance kind six times more frequent than the others, as 劳动合同法47 is in the real questions.
SEVERANCE_QS = [f"公司辞退我{n}年工龄怎么赔偿" for n in range(2, 14)] + [
    f"被裁员了工作{n}年补偿几个月工资" for n in range(2, 14)
]
INJURY_QS = [
    "上班路上摔伤算不算工伤",
    "干活时摔伤手指算工伤吗",
    "工地摔伤了能认定工伤吗",
    "下班路上被车撞算工伤吗",
]
DOUBLE_QS = [
    "没签劳动合同能要双倍工资吗",
    "入职半年不签合同双倍工资",
    "老板不签合同要双倍工资",
    "没签合同两倍工资怎么要",
]


def items() -> list[TrainingItem]:
    rows = [(q, SEVERANCE) for q in SEVERANCE_QS] + [(q, INJURY) for q in INJURY_QS]
    rows += [(q, DOUBLE_PAY) for q in DOUBLE_QS]
    return [TrainingItem(f"t{n}", q, (gold,), "synthetic") for n, (q, gold) in enumerate(rows)]


def test_fitted_prior_points_unseen_wording_to_the_right_article() -> None:
    prior = fit_prior(items(), TrainingConfig(min_df=2))
    # Wordings not among the training questions, made of words they share with one kind.
    assert prior.predict("骑车摔伤算工伤不", None, 1)[0][0] == INJURY
    assert prior.predict("一直没签合同可以要双倍工资吗", None, 1)[0][0] == DOUBLE_PAY
    assert prior.predict("公司要辞退我怎么赔偿", None, 1)[0][0] == SEVERANCE
    # Probabilities over every label, summing to one.
    assert sum(p for _, p in prior.predict("摔伤", None, 3)) == pytest.approx(1.0)


def test_frequent_article_does_not_win_a_question_without_evidence_for_it() -> None:
    balanced = fit_prior(items(), TrainingConfig(min_df=2, balance=0.5))
    plain = fit_prior(items(), TrainingConfig(min_df=2, balance=0.0))
    # A question with no known word: the balanced prior leans far less to the frequent article.
    p_balanced = dict(balanced.predict("你好", None, 3))[SEVERANCE]
    p_plain = dict(plain.predict("你好", None, 3))[SEVERANCE]
    assert p_balanced < p_plain


def test_rare_grams_of_single_questions_are_not_kept() -> None:
    prior = fit_prior(items(), TrainingConfig(min_df=3))
    assert all(len(g) <= 2 for g in prior.vocabulary)
    # 骑 / 撞 occur in fewer than three training questions: nothing of them is shipped.
    assert "撞" not in prior.vocabulary and "被车" not in prior.vocabulary
    assert "工伤" in prior.vocabulary


def test_vector_view_is_used_with_its_own_embedder_only() -> None:
    rng = np.random.default_rng(0)
    directions = {
        INJURY: rng.normal(size=16),
        SEVERANCE: rng.normal(size=16),
        DOUBLE_PAY: rng.normal(size=16),
    }
    with_vectors = [
        TrainingItem(i.id, i.text, i.gold, i.source, directions[i.gold[0]] + 0.1 * rng.normal(size=16))
        for i in items()
    ]
    prior = fit_prior(with_vectors, TrainingConfig(min_df=2), embedder="model-a")
    # A question with no known word but the injury questions' vector.
    assert prior.predict("你好", directions[INJURY], 1)[0][0] == INJURY
    words_only = prior.for_embedder("model-b")
    assert words_only.vector_weights is None
    assert prior.for_embedder("model-a") is prior


def test_cross_fitting_never_predicts_from_the_item_itself() -> None:
    data = items() + [TrainingItem("only", "劳务派遣工被退回用工单位", (("劳动合同法", 65, 0),), "synthetic")]
    oof = out_of_fold(data, folds=4, config=TrainingConfig(min_df=2), top=10)
    assert set(oof) == {i.id for i in data}
    # Its article is in no other item: a model that never saw it cannot name it.
    assert ("劳动合同法", 65, 0) not in {key for key, _ in oof["only"]}
    assert {fold_of(i.id, 4) for i in data} == {0, 1, 2, 3}


def test_model_file_round_trip_and_damage(tmp_path) -> None:  # noqa: ANN001
    prior = fit_prior(items(), TrainingConfig(min_df=2), header={"trained_on": {"synthetic": 32}})
    path = tmp_path / "prior.npz"
    prior.save(path)
    loaded = load_prior(path)
    assert loaded is not None and loaded.labels == prior.labels
    assert loaded.header["trained_on"] == {"synthetic": 32}
    text = "公司辞退我怎么赔偿"
    assert [k for k, _ in loaded.predict(text, None, 3)] == [k for k, _ in prior.predict(text, None, 3)]
    assert load_prior(tmp_path / "missing.npz") is None
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(PriorError, match="无法读取"):
        load_prior(tmp_path / "bad.npz")
