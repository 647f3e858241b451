"""Session 25 (issue 13): classes from a lawyer's reading of 60 random learn-half answers, in the team's own wording
(never a forum question).

1. A stray yes: a guide's bare 能。 / 能要。 opening an answer to a figure or a how question (能补偿多少钱, 如何认定) with no
   yes/no asked anywhere; a bare denial (没有。) and a yes asked (能要吗) keep theirs.
2. A year or more without a written contract, still working, asked what to do: the contract is deemed open-ended and
   the double wage's months ended at the year (劳动合同法 14(3), 82(1); 实施条例 7) — not the first-year script.
3. A finger lost and its grade or money asked: the typical grade of each kind of finger loss, the money of each grade
   (工伤保险条例 37(1)) and that the committee decides — not "nobody can say"; other injuries keep the general answer.
4. An injury whose recognition nobody has applied for: who applies and by when opens with the benefits (17(1), 17(2));
   no insurance told with 购买 / 参保 is no insurance.
5. The employer's offer told in months of pay (开除我，只给一个月工资): set against N and 2N in months, the ending's
   answer opening rather than wages withheld."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideError
from assistant.consult.offers import load_offers
from assistant.consult.precedence import load_precedence
from tests.assistant.consult.planning import TODAY, conclusion_cites, conclusion_text, service_plan

# Class 1: a bare yes opens only an answer to a yes/no question.


def test_amount_asked_is_not_opened_with_a_bare_yes(service: AnswerService) -> None:
    plan = service_plan(service, "我在厂里干了七年，厂里一直没给我交社保，能补偿多少钱？")
    first = plan.conclusion[0].text
    assert not first.startswith(("能。", "能要。", "可以。"))
    assert "7个月工资" in first


def test_a_yes_asked_keeps_its_yes(service: AnswerService) -> None:
    plan = service_plan(service, "厂里一直没给我交社保，我辞职能要经济补偿吗？")
    assert plan.conclusion[0].text.startswith("能")


# Class 2: a year or more without a contract.


def test_a_year_without_a_contract_is_told_the_contract_is_deemed_open_ended(service: AnswerService) -> None:
    plan = service_plan(service, "我在这家公司干了一年多了，一直没签合同，怎么办？")
    first = plan.conclusion[0].text
    assert "视为单位已经和你订立了无固定期限劳动合同" in first
    assert "最多11个月" in first and "仲裁时效" in first
    assert conclusion_cites(plan, "劳动合同法", 14) and conclusion_cites(plan, "劳动合同法", 82)


def test_half_a_year_without_a_contract_keeps_the_first_year_answer(service: AnswerService) -> None:
    plan = service_plan(service, "我在这家公司干了半年了，一直没签合同，怎么办？")
    assert "视为单位已经和你订立了无固定期限劳动合同" not in plan.conclusion[0].text


# Class 3: a finger's grade.


def test_a_finger_lost_and_its_grade_asked_gets_the_typical_grades(service: AnswerService) -> None:
    plan = service_plan(service, "冲床压断了右手中指和无名指各两节，能评几级？")
    first = plan.conclusion[0].text
    assert "一般是十级" in first and "一般是八级" in first
    assert "十级7个月" in first and "七级13个月" in first
    assert "鉴定委员会" in first
    assert not first.startswith("现在谁也没法准确告诉你")
    assert conclusion_cites(plan, "工伤保险条例", 37)


def test_a_finger_lost_and_the_money_asked_gets_the_typical_grades(service: AnswerService) -> None:
    plan = service_plan(service, "干活时食指被切掉一节，工伤能赔多少钱？")
    assert "一般是十级" in plan.conclusion[0].text


def test_another_injury_keeps_the_general_grading_answer(service: AnswerService) -> None:
    plan = service_plan(service, "手被机器压伤了，能评几级？")
    assert "一般是十级" not in conclusion_text(plan)


def test_the_time_of_grading_asked_is_not_answered_with_the_finger_grades(service: AnswerService) -> None:
    plan = service_plan(service, "食指骨折，已经申请了工伤认定，什么时候做伤残鉴定？")
    assert "一般是十级" not in conclusion_text(plan)


# Class 4: recognition nobody applied for; no insurance in other words.


def test_what_an_injury_brings_opens_with_who_applies_and_by_when(service: AnswerService) -> None:
    plan = service_plan(service, "上班时在车间摔倒骨折住院了，如何赔偿我的损失？")
    first = plan.conclusion[0].text
    assert "1年内可以自己到人社局去报" in first
    assert conclusion_cites(plan, "工伤保险条例", 17)


@pytest.mark.parametrize("told", ["工厂没购买保险", "厂里没有参保", "单位没参加工伤保险"])
def test_no_insurance_told_with_purchase_or_enrolment_words(told: str) -> None:
    facts = extract_facts([f"我在厂里干活受伤了，{told}，怎么办？"], TODAY)
    assert facts.get("injury_insurance") is False


# Class 5: the offer told in months of pay.


@pytest.mark.parametrize(
    ("message", "months"),
    [
        ("我干了3年，公司开除我，只给一个月工资", 1.0),
        ("公司让我走，补偿了我一个半月工资", 1.5),
        ("被公司辞退了，赔偿两个月的工资", 2.0),
    ],
)
def test_an_offer_told_in_months_is_read(message: str, months: float) -> None:
    assert extract_facts([message], TODAY).get("offered_months") == months


@pytest.mark.parametrize(
    "message",
    [
        "公司能赔几个月工资吗",
        "我要求赔三个月工资",
        "公司辞退了我，只给了两个月工资，还欠三个月",
        "公司欠我两个月工资",
    ],
)
def test_a_question_a_demand_or_wages_owed_is_no_offer(message: str) -> None:
    assert extract_facts([message], TODAY).get("offered_months") is None


def test_an_offer_in_months_is_set_against_n_and_2n_and_the_ending_opens(service: AnswerService) -> None:
    plan = service_plan(service, "我干了3年，公司开除我，只给一个月工资，怎么办？")
    text = conclusion_text(plan)
    assert "单位给的1个月工资，比法律规定的少" in text
    assert "经济补偿3个月工资" in text and "赔偿金6个月工资" in text
    assert not plan.selected[0].startswith("wage_arrears")


def test_a_rule_that_bars_the_learned_choice_is_checked_at_load(tmp_path: Path) -> None:
    path = tmp_path / "precedence.toml"
    path.write_text(
        textwrap.dedent(
            """
            [[rule]]
            id = "r"
            when = "known(offered_months)"
            lead = ["unlawful_termination"]
            yield = ["wage_arrears"]
            bars_learned = "yes"
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(GuideError, match="bars_learned"):
        load_precedence(path)


def test_an_offer_wording_in_months_missing_a_sentence_is_refused_at_load(tmp_path: Path) -> None:
    shipped = (Path(__file__).resolve().parents[3] / "corpus" / "consult" / "offers.toml").read_text(
        encoding="utf-8"
    )
    broken = tmp_path / "offers.toml"
    broken.write_text(shipped.replace('between = "单位给的', 'unused = "单位给的', 1), encoding="utf-8")
    with pytest.raises(GuideError, match=r"\[months\]\.between"):
        load_offers(broken)
