"""The facts a verdict turns on, read from the worker's words (assistant/consult/relation_facts.py): each
class fires on the ways workers say it and stays quiet on its look-alikes (a negated sign, the term of a
restriction, a retirement told as a date)."""

from datetime import date

import pytest

from assistant.consult.facts import FACT_NAMES, extract_facts
from assistant.consult.relation_facts import RELATION_FACT_NAMES

TODAY = date(2026, 12, 5)


def facts(text: str, *earlier: str) -> dict[str, object]:
    return extract_facts([*earlier, text], TODAY).values()


def test_the_new_facts_are_fact_names_the_guides_may_use() -> None:
    assert RELATION_FACT_NAMES <= FACT_NAMES


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        ("站点每天给我们排班，上班要打卡，超时就罚款，钱是每个月站点发", 4),
        ("穿公司的工服，只能接公司派的单，不能拒单", 3),
        ("每天必须上线10个小时，每月公司给我发底薪", 2),
        ("主播公会规定每天直播8小时，迟到扣钱", 3),
    ],
)
def test_the_signs_of_labour_management_are_counted_once_per_group(text: str, signs: int) -> None:
    assert facts(text)["control_signs"] == signs


@pytest.mark.parametrize(
    "text",
    [
        "没有人给我排班，也没罚款制度，按单结钱",
        "不用打卡，也不用参加早会",
        "我在家带孩子，问问年假怎么算",
    ],
)
def test_a_sign_negated_or_absent_is_not_counted(text: str) -> None:
    assert "control_signs" not in facts(text)


def test_pay_and_a_uniform_alone_are_one_sign_not_management() -> None:
    assert facts("在家做手工活，按件算，每个月老板给我结一次钱，还发了工服")["control_signs"] == 1


def test_nobody_caring_after_an_accident_is_not_freedom_to_work() -> None:
    assert "autonomy" not in facts("送餐路上摔伤了，站点没人管")


@pytest.mark.parametrize(
    "text",
    ["众包骑手，想跑就跑", "什么时候出车自己定，可以随时下线", "单也可以不接，不跑也没人管"],
)
def test_a_worker_who_decides_when_to_work_is_read(text: str) -> None:
    assert facts(text)["autonomy"] is True


def test_a_worker_who_cannot_decide_is_not_read_as_free() -> None:
    assert "autonomy" not in facts("不能自己决定什么时候上线，站长排班")


def test_months_of_non_compete_compensation_unpaid_follow_the_time_since_leaving() -> None:
    got = facts("辞职都五个月了，签了竞业协议，竞业补偿一分没给过")
    assert got["nc_comp_paid"] is False
    assert got["months_since_left"] == 5
    assert got["nc_unpaid_months"] == 5


def test_months_of_compensation_told_as_such_are_read_directly() -> None:
    got = facts("签了竞业限制，公司已经三个月没给补偿了")
    assert got["nc_unpaid_months"] == 3


def test_compensation_paid_each_month_is_read_as_paid() -> None:
    got = facts("离职后竞业补偿每个月按时到账，我能去同行吗")
    assert got["nc_comp_paid"] is True
    assert "nc_unpaid_months" not in got


def test_the_restriction_term_is_not_the_time_since_leaving() -> None:
    got = facts("竞业协议写着离职两年内不能去同行，补偿没约定")
    assert "months_since_left" not in got


def test_compensation_that_stopped_is_unpaid() -> None:
    assert facts("竞业补偿给了两个月就停了")["nc_comp_paid"] is False


def test_compensation_words_without_a_non_compete_are_not_read() -> None:
    assert "nc_comp_paid" not in facts("被辞退了，经济补偿一分没给")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("我是研发部的技术总监，签了竞业协议", "senior"),
        ("我就是个普通收银员，也让签竞业限制", "ordinary"),
        ("流水线操作工，根本没接触过商业秘密，竞业协议有效吗", "ordinary"),
    ],
)
def test_the_post_bound_by_a_non_compete(text: str, level: str) -> None:
    assert facts(text)["position_level"] == level


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("公司花了两万送我去上海进修，签了服务期", "special"),
        ("单位出钱让我考了焊工证，约定服务期三年", "special"),
        ("就是一周的入职培训，也说要签服务期", "general"),
        ("师傅带了我一个月，现在辞职要我赔培训费", "general"),
    ],
)
def test_the_kind_of_training_behind_a_bond(text: str, kind: str) -> None:
    got = facts(text)
    assert got["training_kind"] == kind
    assert got["training_named"] is True


def test_a_bond_named_without_its_training_leaves_the_kind_unknown() -> None:
    got = facts("签了服务期协议，现在想走")
    assert got["training_named"] is True
    assert "training_kind" not in got


@pytest.mark.parametrize(
    ("text", "term", "probation"),
    [
        ("合同签了两年，试用期六个月", 24, 6),
        ("签了一年的合同，三个月试用期", 12, 3),
        ("3年期合同，试用期是半年", 36, 6),
        ("两年合同，试用期三个月", 24, 3),
    ],
)
def test_the_contract_term_and_the_probation_it_set(text: str, term: int, probation: int) -> None:
    got = facts(text)
    assert got["contract_term_months"] == term
    assert got["probation_months"] == probation


def test_a_dismissal_in_probation_without_a_shown_cause() -> None:
    assert facts("试用期快满了，领导说我不适合这个岗位就让我走")["probation_cause_unproven"] is True
    assert "probation_cause_unproven" not in facts("说我不合适，把我调到别的岗位")


@pytest.mark.parametrize(
    ("text", "arranged"),
    [
        ("车间主任天天叫我们晚上留下加班，说没走审批不算", True),
        ("公司规定加班要报备，我是自己留下加班的", False),
    ],
)
def test_who_arranged_the_overtime(text: str, arranged: bool) -> None:
    got = facts(text)
    assert got["overtime_arranged"] is arranged
    assert got["overtime_approval_rule"] is True


def test_overtime_forbidden_is_not_arranged() -> None:
    assert facts("公司不让加班，规定加班要审批，我自己留下加了班").get("overtime_arranged") is False
    assert "overtime_arranged" not in facts("公司不让加班，可活干不完")


@pytest.mark.parametrize(("text", "months"), [("连着两个月没发工资", 2), ("三个多月没给工钱了", 3)])
def test_months_of_wages_owed_told_months_first(text: str, months: int) -> None:
    assert facts(text)["unpaid_months"] == months


def test_months_before_an_unpaid_non_wage_are_not_wages_owed() -> None:
    assert "unpaid_months" not in facts("签了竞业，三个月没给竞业补偿")


def test_a_reply_to_the_months_question_fills_it() -> None:
    record = extract_facts(
        ["签了竞业协议，公司没给过补偿，我还要遵守吗", "4个月"], TODAY, asked="nc_unpaid_months"
    )
    assert record.get("nc_unpaid_months") == 4
