"""Session 22 (parts22, issue 13): every part the worker asked gets its answer. Class 1: an opening whose words
reach none of the parts answers the part asked in its own form — a verdict answers 这合法吗, and the figure asked
after it (能拿多少, 怎么赔偿) gets its own sentence rather than being taken as answered. Class 2: a part whose topic
no weighed guide covers (能算工伤吗 beside 能评几级, only the benefits guide weighed) is answered by the guide its
words name, after the opening. Class 3: a part's answer that opens with the condition the sentence before it just
said (要看单位辞退你的理由：) goes on without saying it twice. Class 4 (facts calling for a second answer): a contract
never signed told as the employer never having the worker sign it (没让我签合同) is read, so a dismissal gets the
double wage beside its 2N. Both ways: one part asked gets nothing added. The wording is the team's own."""

import pytest

from assistant.consult.answer_examples import Choice
from assistant.consult.facts import extract_facts
from assistant.consult.kinds import load_markers
from assistant.consult.plan import Sentence, _part_of_form, _without_said_lead

from .planning import TODAY, plan_with_choice, plan_with_tools, ranked

# --- class 1: the verdict opening does not swallow the figure asked after it -------------------------------


# The classifier's choice the service pins (the verdict of the injury's circumstances): its ask words reach
# neither part, as in the learn-half reading.
COUNTS = Choice("work_injury_recognition/counts", 0.9)
TEETH = "上班的时候被铁门撞掉了一颗门牙，后来牙根裂了只能拔掉，这个属于工伤吗？"


def test_recognition_asked_then_how_to_compensate_gets_both() -> None:
    p = plan_with_choice(TEETH + "单位应该怎么赔偿？", ranked("work_injury_recognition"), COUNTS)
    texts = [s.text for s in p.conclusion]
    assert "认定为工伤" in texts[0]
    assert any("伤残补助金" in t for t in texts[1:])
    assert all(s.cite for s in p.conclusion)


def test_recognition_asked_alone_gets_no_benefits_sentence() -> None:
    p = plan_with_choice(TEETH, ranked("work_injury_recognition"), COUNTS)
    assert "认定为工伤" in p.conclusion[0].text
    assert not any("伤残补助金" in s.text for s in p.conclusion)


# --- class 2: the part's topic is a guide that was not weighed ---------------------------------------------


def test_grade_and_recognition_asked_both_answered_with_the_grade_opening() -> None:
    p = plan_with_tools(
        "我搬钢管时扭伤了腰，腰椎横突骨折了两处，能算工伤吗？大概能评几级？", ranked("work_injury_benefits")
    )
    texts = [s.text for s in p.conclusion]
    assert "几级" in texts[0]
    assert any("认定为工伤" in t for t in texts[1:])
    assert p.selected[0].startswith("work_injury_benefits/")


def test_grade_asked_alone_gets_no_recognition_sentence() -> None:
    p = plan_with_tools(
        "我搬钢管时扭伤了腰，腰椎横突骨折了两处，大概能评几级？", ranked("work_injury_benefits")
    )
    assert not any("认定为工伤" in s.text for s in p.conclusion)


# --- class 3: the same lead is not said twice ---------------------------------------------------------------


def test_dismissal_asked_lawful_then_how_compensated_says_the_lead_once() -> None:
    p = plan_with_tools("单位可以单方面解除劳动合同吗？单位应该怎么补偿我？", ranked("unlawful_termination"))
    leads = [s.text.partition("：")[0] for s in p.conclusion if "：" in s.text[:17]]
    assert len(leads) == len(set(leads))
    assert any("两倍赔偿金" in s.text for s in p.conclusion)


def test_a_lead_said_before_is_dropped_and_another_lead_kept() -> None:
    said = [Sentence("要看理由：有过错的可以解除。", ())]
    assert _without_said_lead("要看理由：没有理由的是违法解除。", said) == "没有理由的是违法解除。"
    assert _without_said_lead("要看工龄：每满1年1个月工资。", said) == "要看工龄：每满1年1个月工资。"


def test_the_part_an_unreaching_opening_answers_is_the_last_of_its_form() -> None:
    markers = load_markers()
    parts = ("老板把我辞了，这样做对不对", "我能拿到多少钱")
    assert _part_of_form(parts, "verdict", markers) == 0
    assert _part_of_form(parts, "figure", markers) == 1
    assert _part_of_form(parts, "action", markers) == 1  # no part of its form: the last part


# --- class 4: no contract told as the employer never having the worker sign (facts call for a second answer) ---


@pytest.mark.parametrize(
    "told",
    [
        "进厂的时候老板没让我签劳动合同，干了三年",
        "单位从来没叫我签过合同，现在要我走人",  # was read as signed (签过…合同)
        "入职时公司没有要求我签书面合同",
    ],
)
def test_the_employer_never_having_the_worker_sign_is_no_contract(told: str) -> None:
    assert extract_facts([told], TODAY).values().get("contract_signed") is False


def test_the_employer_not_having_a_paper_signed_is_not_the_contract() -> None:
    assert extract_facts(["老板没让我签字就把工资扣了"], TODAY).values().get("contract_signed") is None


def test_dismissed_after_years_never_asked_to_sign_gets_the_double_wage_beside_2n() -> None:
    p = plan_with_tools(
        "在一家小饭馆干了两年多，老板一直没叫我签劳动合同，上周无缘无故把我开了，能要什么赔偿？",
        ranked("unlawful_termination"),
    )
    joined = "".join(s.text for s in p.conclusion)
    assert "赔偿金" in joined
    assert "二倍工资" in joined
