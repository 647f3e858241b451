"""The consultation metrics of `lawcloud eval answers`: opening form, verdicts, figures, own words,
safety first — each both ways."""

from eval.consult_metrics import (
    figures,
    key_points_own,
    opening,
    opening_form_ok,
    safety_first_ok,
    verdict_of,
)

FIGURE = "**结论**\n\n你今年有5天带薪年休假（《职工带薪年休假条例》第三条第一款[1]）。\n\n**为什么**\n\n- ……"
RULE_ONLY = "**结论**\n\n与你的问题最相关的规定是：\n\n- 《劳动法》第四十四条[1]：「……」"
VERDICT = "**结论**\n\n不合法。年休假由单位统筹安排……"
ACTION = "**先做这几件事：对方催你签字**\n\n1. 先别签。\n\n**结论**\n\n今天先别签字，把协议带回去……"


def test_opening_is_the_conclusions_first_paragraph_after_any_safety_block() -> None:
    before, first = opening(ACTION)
    assert "先做这几件事" in before and first.startswith("今天先别签字")


def test_opening_form_by_kind() -> None:
    assert opening_form_ok(FIGURE, "figure")
    assert not opening_form_ok(RULE_ONLY, "figure")
    assert opening_form_ok(VERDICT, "verdict")
    assert not opening_form_ok(RULE_ONLY, "verdict")
    assert opening_form_ok(ACTION, "action")
    assert not opening_form_ok(FIGURE, "action")


def test_verdicts_answer_the_question_as_asked() -> None:
    assert verdict_of(VERDICT, "年假作废合法吗") == "no"
    assert verdict_of(VERDICT, "年假作废是不是违法") == "yes"  # 不合法 answers 是违法 with yes
    assert verdict_of("**结论**\n\n能。单位辞退你要给补偿。", "能要补偿吗") == "yes"
    assert verdict_of("**结论**\n\n要看你为什么走：……", "有补偿吗") == "depends"
    assert verdict_of(RULE_ONLY, "合法吗") is None


def test_figures_are_checked_against_the_computed_quantities_and_the_text() -> None:
    got = figures(
        {"overtime_hourly_min": 37.5, "deadline": "2027-03-14", "verdict": "no"},
        {"overtime_hourly_min": 37.5, "deadline": "2027-03-15"},
        "每小时不低于37.5元，最晚2027年3月14日",
    )
    assert got["overtime_hourly_min"] == {"expected": 37.5, "actual": 37.5, "correct": True, "written": True}
    assert got["deadline"]["correct"] is False and got["deadline"]["written"] is True
    assert "verdict" not in got
    assert figures({"severance_amount": 21000}, {}, "")["severance_amount"]["correct"] is False


def test_key_points_in_quoted_statute_text_do_not_count_as_own_words() -> None:
    answer = (
        "**结论**\n\n要看情况。\n\n- 《劳动法》第四十四条[1]：「支付不低于工资的百分之二百」\n\n> 百分之二百"
    )
    assert key_points_own(["百分之二百"], answer) == {"百分之二百": False}
    assert key_points_own(["要看"], answer) == {"要看": True}


def test_safety_first() -> None:
    assert safety_first_ok(ACTION)
    assert not safety_first_ok(FIGURE)
