"""A clause, form, rule or order that cuts a statutory right (session 13, class W): the worker asks whether
what the employer wrote or ordered binds them, and the answer opens with the verdict on THAT clause and its
deciding rule — not the topic's stock answer (a resignation's deductions, the grade's tariff, a contract's
validity in general) — and never calls a reasonable transfer the contract allows unlawful."""

import pytest

from assistant.answer import AnswerService
from assistant.consult.asked_points import find_asked_point, load_asked_points
from assistant.consult.facts import extract_facts
from eval.consult_metrics import first_sentence, opening
from tests.assistant.consult.conftest import SERVICE_TODAY


def _opening(service: AnswerService, question: str) -> tuple[str, str]:
    """(the conclusion's first sentence, the whole conclusion paragraph)."""
    answer = service.ask(question)
    text = opening(answer.text)[1]
    return first_sentence(text), text


def _opening2(service: AnswerService, question: str) -> tuple[str, str]:
    """(the conclusion's first two sentences: a short verdict, then its rule), the conclusion paragraph."""
    text = opening(service.ask(question).text)[1]
    return first_sentence(text, 2), text


def test_a_signed_all_settled_form_does_not_take_the_unpriced_overtime(service: AnswerService) -> None:
    first, text = _opening2(
        service,
        "辞职那天人事拿来一张单子，写着工资已结清、双方没有任何争议，我签了字，平时的加班费还能去要吗",
    )
    assert first.startswith("一般还能要") and "加班费" in first and "1年" in first
    assert "第三十五条第一款" in text
    # Not a resignation's deductions or penalties.
    assert "违约金" not in first and "扣工资" not in first


def test_a_signed_injury_settlement_is_weighed_against_the_statutory_benefits(service: AnswerService) -> None:
    first, text = _opening2(
        service, "干活摔断了腿，老板拿了两万块让我签了私了协议，现在鉴定是九级伤残，还能再要吗"
    )
    assert first.startswith("能争取") and "显失公平" in first and "1年" in first
    assert "第二款" in text and "第一百五十二条" in text


def test_an_all_in_pay_clause_opens_with_the_split_not_the_contracts_validity(service: AnswerService) -> None:
    first, text = _opening(
        service, "劳动合同上约定月工资6000元包括加班费，我们每天干十个小时，这样约定有效吗"
    )
    assert "包含加班费" in first and "最低工资" in first
    assert "第四十四条" in text
    assert "欺诈" not in first


def test_a_rule_that_excludes_arranged_work_from_overtime_is_unlawful(service: AnswerService) -> None:
    first, text = _opening(
        service,
        "厂里新出的制度说周六上班算义务劳动，不算加班，可都是车间主任让我们留到晚上的，这个制度合法吗",
    )
    assert first.startswith("不合法") and "加班" in first
    assert "第四十四条" in text and "第三十一条" in text


def test_an_unapproved_flexible_schedule_does_not_remove_weekend_pay(service: AnswerService) -> None:
    first, text = _opening(service, "老板说我们仓库实行不定时工作制，所以周日上班没有加班费，这样对吗")
    assert "批" in first and "200%" in text
    assert "第三十九条" in text


def test_a_reasonable_transfer_under_an_adjustment_clause_opens_with_report_and_object(
    service: AnswerService,
) -> None:
    first, text = _opening(
        service,
        "合同里有一条员工要服从公司安排，现在公司把我从城东的仓库调到城北的仓库，都在本市，工资不变，我可以拒绝吗",
    )
    assert first.startswith("多半合法") and "报到" in first
    assert "照常到原岗位" not in text and "一般不合法" not in text
    assert "第三十九条第（二）项" in text


def test_a_punitive_pay_cutting_transfer_keeps_the_old_post_and_the_38_remedy(service: AnswerService) -> None:
    first, text = _opening(
        service, "经理看我不顺眼，要把我调去看大门，工资降了一半，还说不去就按旷工处理，我该怎么办"
    )
    assert first.startswith("不能因为这个开除你")
    assert "原岗位" in text and "第三十八条第一款" in text and "第（二）项" in text


@pytest.mark.parametrize(
    ("text", "clause", "kind"),
    [
        ("合同约定公司可以根据生产经营需要调整岗位，这次调到隔壁车间，工资没变", True, "mild"),
        ("把我调到外地分公司，说是根据工作需要", True, "harsh"),
        ("公司要把我调岗，工资减半", None, "harsh"),
        ("调到别的部门，工资没有降薪", None, None),
    ],
)
def test_the_transfer_facts_are_read_from_the_worker_s_words(
    text: str, clause: bool | None, kind: str | None
) -> None:
    got = extract_facts([text], SERVICE_TODAY).values()
    assert got.get("transfer_clause") is clause
    assert got.get("transfer_kind") == kind


def test_transfer_facts_are_not_read_without_a_transfer() -> None:
    got = extract_facts(["公司规定上班要服从公司安排，工资不变"], SERVICE_TODAY).values()
    assert "transfer_clause" not in got and "transfer_kind" not in got


def test_a_superiors_word_to_stay_on_is_arranged_overtime() -> None:
    got = extract_facts(["组长叫我们留到九点才走，公司说八点以后不算加班"], SERVICE_TODAY).values()
    assert got["overtime_arranged"] is True


@pytest.mark.parametrize(
    "question",
    [
        # The severance base of an all-in wage is the severance guides' point.
        "工资里包含加班费，被辞退的经济补偿按多少算",
        # A form not yet signed is the should-sign answer's point, not a signed one.
        "公司让我离职前写一份无任何争议的声明，我该写吗",
        # Rest-day work repaid with time off is lawful without the premium: the overtime guide's own answer.
        "星期六被经理叫回来盘点，公司规定说给调休就不算加班费，这样行吗",
        # A transfer or a deduction used as a threat to make a worker resign is the pressure to resign.
        "领导说不主动写辞职信就把我调去守仓库，我要不要写",
        "人事让我自己写辞职信，否则就扣我这个月工资，我怀孕五个月了",
        # A death settled is not a form signed on leaving.
        "我弟在工地出事没了，包工头让我们签了以后互不追究的协议，还能反悔吗",
    ],
)
def test_neighbouring_questions_are_left_to_their_own_answers(question: str) -> None:
    point = find_asked_point(question, "verdict", {}, load_asked_points())
    clause_points = {
        "all_in_pay",
        "settled_form",
        "overtime_excluded_by_rule",
        "transfer_weighed",
        "transfer_refused",
        "deduction_for_leaving",
    }
    assert point is None or point.id not in clause_points


def test_a_refused_transfer_without_the_deciding_facts_opens_on_the_transfer(service: AnswerService) -> None:
    answer = service.ask("领导要把我调到后勤部门，我不愿意去，这样能要到补偿吗")
    first = first_sentence(opening(answer.text)[1], 2)
    assert answer.plan is not None and answer.plan.selected[0].startswith("rules_and_transfer/")
    assert "调岗" in first or "协商一致" in first


def test_docking_a_month_s_pay_for_leaving_is_answered_as_no_such_penalty(service: AnswerService) -> None:
    answer = service.ask("我提前一个月说了要辞职，老板说要扣我一个月工资才放人，他能这样扣吗")
    first = first_sentence(opening(answer.text)[1])
    assert first.startswith("不能因为你辞职就扣工资")
    assert answer.plan is not None and answer.plan.selected[0] == "wage_deduction/on_leaving"
