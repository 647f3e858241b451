import pytest

from eval.answer_metrics import (
    binary_scores,
    citation_scores,
    key_point_coverage,
    key_point_present,
    recall_curve,
)


def test_key_point_matcher_is_literal_after_normalisation() -> None:
    answer = "用人单位应当向劳动者每月支付二倍的工资；加班工资不低于工资的１５０％。"
    assert key_point_present("二倍的工资", answer)
    assert key_point_present("150%|百分之一百五十", answer)  # full-width digits and ％ fold
    assert key_point_present("三倍|二倍", answer)  # any alternative
    assert not key_point_present("经济补偿", answer)
    assert key_point_coverage(["二倍的工资", "经济补偿", "每月"], answer) == pytest.approx(2 / 3)
    assert key_point_coverage([], answer) == 0.0


def test_citation_scores_hand_computed() -> None:
    gold = [("劳动合同法", 82, 0), ("劳动合同法", 10, 0)]
    assert citation_scores([("劳动合同法", 82, 0), ("劳动法", 16, 0)], gold) == (0.5, 0.5, True)
    assert citation_scores([], gold) == (None, 0.0, False)
    assert citation_scores([("劳动法", 16, 0)], gold) == (0.0, 0.0, False)


def test_binary_scores_hand_computed() -> None:
    pairs = [(True, True), (True, True), (True, False), (False, True), (False, False), (False, False)]
    s = binary_scores(pairs)
    assert s["tp"] == 2 and s["fn"] == 1 and s["fp"] == 1 and s["tn"] == 2
    assert s["precision"] == pytest.approx(2 / 3) and s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3) and s["false_positive_rate"] == pytest.approx(1 / 3)


def test_binary_scores_are_not_applicable_without_a_denominator() -> None:
    no_positives = binary_scores([(False, False), (False, True)])
    assert no_positives["recall"] is None and no_positives["f1"] is None
    assert no_positives["precision"] == 0.0 and no_positives["false_positive_rate"] == 0.5
    nothing_flagged = binary_scores([(True, False), (False, False)])
    assert nothing_flagged["precision"] is None and nothing_flagged["recall"] == 0.0
    assert nothing_flagged["f1"] == 0.0  # there were positives and none was found
    only_positives = binary_scores([(True, True)])
    assert only_positives["false_positive_rate"] is None and only_positives["f1"] == 1.0


def test_recall_curve() -> None:
    assert recall_curve([1, 3, None, 10], max_k=3) == [0.25, 0.25, 0.5]
