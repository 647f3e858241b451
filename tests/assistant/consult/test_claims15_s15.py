"""Session 15, issue 13 ("X说…，对吗"): a claim the question quotes is judged, whoever made it — the boss,
the other side's lawyer, a colleague, a relative, hearsay, or the worker's own belief asked about — and
when the asked clause asks whether it holds, or fears it, the verdict on the claim opens the answer.
Ten recurring myths (awards, signed-away insurance, the end of a term, the arrears
limit, probation, pregnancy, settlements, late wages, fines) each answered with the clause that decides
it (corpus/consult/employer_positions.toml). Look-alikes: a true claim, the exception itself, the worker's
own narration not asked about."""

import pytest

from assistant.answer import AnswerService
from assistant.consult.positions import find_rebuttal, load_positions
from eval.consult_metrics import opening


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


@pytest.mark.parametrize(
    ("question", "position", "teller"),
    [
        ("对方律师说他们要去法院起诉，所以裁决不生效", "award_void_if_they_sue", "对方律师说“"),
        ("厂里讲仲裁裁决就是一张废纸，不用执行", "award_not_binding", "单位说“"),
        ("工友说签了自愿放弃社保的承诺书，受了伤公司就不负责", "signed_away_insurance", "工友说“"),
        ("人事说合同期满终止没有经济补偿", "term_end_no_severance", "单位说“"),
        ("听说工资拖了超过一年就要不回来了", "arrears_older_than_a_year_lost", "听说“"),
        ("主管讲试用期内随时可以让你走，不用理由", "probation_at_will", "单位说“"),
        ("我妈说哺乳期公司也可以直接辞退", "pregnancy_no_protection", "你妈说“"),
        ("网上都说签了调解书就再也不能反悔", "signed_settlement_final", "网上都说“"),
        ("老板说甲方没给钱，工资等回款了再发", "wages_wait_for_money", "单位说“"),
        ("车间主任说迟到罚款是厂里的规定", "fines_are_policy", "单位说“"),
        ("他说多余三天算自愿离开", "absence_means_resigned", "对方说“"),
        ("上司只给了一个月工资，强硬地说那半个月不做数", "worked_days_unpaid", "单位说“"),
        (
            "没签过合同，老板一直按月发工资，现在他说我是来帮忙的不算员工",
            "no_contract_no_employee",
            "单位说“",
        ),
    ],
)
def test_anyones_claim_of_a_known_kind_is_judged_and_the_teller_named(
    question: str, position: str, teller: str
) -> None:
    found = find_rebuttal(question, load_positions(), {})
    assert found is not None and found.position == position
    assert found.text.startswith(teller) and found.quote in found.text


@pytest.mark.parametrize(
    "question",
    [
        "老板说合同到期了不续签，我能拿到什么",  # true: the term ends; no claim about money
        "老板说合同到期我们会按原条件续签，你不续就没有补偿",  # the exception itself (46(5))
        "我以为试用期不交社保，后来发现要交，现在能补吗",  # the worker's own belief, not asked about
        "提成要等回款才发，老板说这是合同约定的，对吗",  # a commission agreed on payment: not wages held
        "老板说请假一天扣一天工资，对吗",  # unpaid leave is not a fine
        "律师说仲裁裁决15天内不起诉就生效了",  # true
        "公司说今年亏损，年终奖不发了，对吗",  # a bonus, not the wage
        "我62了在小区当保安，公司说我超龄了不是劳动关系",  # past retirement age: maybe truly not
        "老板说旷工三天不给工资，对吗",  # days not worked are not days worked
        "听说新厂入职要交证件，我有点担心会被扣押身份证",  # the worker's own fear after the hearsay
        "家里人觉得少了，想问签了的协议还能不能反悔",  # asked, not claimed
    ],
)
def test_a_true_claim_or_narration_is_not_rebutted(question: str) -> None:
    assert find_rebuttal(question, load_positions(), {}) is None


def test_the_workers_own_belief_is_judged_when_asked_about() -> None:
    found = find_rebuttal("我以为合同到期公司不续签就不用给补偿，是这样吗", load_positions(), {})
    assert found is not None and found.position == "term_end_no_severance"
    assert found.text.startswith("你以为“") and found.verdict == "不对"


def test_part_time_work_is_not_answered_with_the_probation_rule() -> None:
    question = "她说试用期还没过，试用合同还没生效"
    assert find_rebuttal(question, load_positions(), {"part_time": True}) is None
    assert find_rebuttal(question, load_positions(), {}) is not None


def test_asked_whether_an_award_can_be_ignored_the_verdict_opens(service: AnswerService) -> None:
    text = _opening(
        service, "仲裁裁决下来了，老板说仲裁又不是法院判的，裁决书就是一张纸，不理它也没事，是真的吗"
    )
    assert text.startswith("不对。单位说“仲裁又不是法院判的”")
    assert "强制执行" in text and "第五十一条" in text


def test_a_fear_about_the_claim_opens_with_the_verdict_on_it(service: AnswerService) -> None:
    text = _opening(service, "试用期第二个月，经理说试用期想辞退谁就辞退谁不需要理由，我会不会明天就被开了")
    assert text.startswith("单位说“试用期想辞退谁就辞退谁不需要理由”")
    assert "说明理由" in text and "第二十一条" in text


def test_hearsay_about_pregnancy_is_answered_with_the_term_running_on(service: AnswerService) -> None:
    text = _opening(service, "我怀孕三个月了，听人说怀孕的合同到期公司可以直接不续，是真的吗")
    assert text.startswith("不对。听人说“")
    assert "哺乳期结束" in text and "第四十五条" in text


def test_a_true_claim_leaves_the_opening_to_the_guide(service: AnswerService) -> None:
    text = _opening(service, "老板说合同到期了不续签，我能拿到什么")
    assert "没有法律依据" not in text and "“合同到期了不续签”" not in text
