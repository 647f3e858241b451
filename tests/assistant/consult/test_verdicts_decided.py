"""A verdict decided on the worker's own facts (issue 13, session 7): when the worker has told the facts
a guide's branches turn on, the opening says yes or no with its reason; only when they are missing does
it say what the answer depends on, and then it asks the one question that decides it. Plans are made
from the real guides with the issue given, so these fail only when a guide or a fact reader changes."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import load_guides
from assistant.consult.plan import ConsultPlan, plan_consultation

TODAY = date(2026, 12, 5)


def plan(question: str, *issues: str, earlier: tuple[str, ...] = ()) -> ConsultPlan:
    facts = extract_facts([*earlier, question], TODAY)
    scored = [(issue, 1.0 - 0.1 * i) for i, issue in enumerate(issues)]
    return plan_consultation(question, facts, scored, (), load_guides(), earlier=earlier)


def opening(p: ConsultPlan) -> str:
    assert p.conclusion, "no conclusion"
    return p.conclusion[0].text


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        (
            "跑外卖的，站点给排班，每天早上打卡，差评超时要罚款，每月站点发钱，我跟站点算劳动关系吗",
            "能认定劳动关系",
        ),
        (
            "公司让我们去办了个体户执照再签合作协议，可每天照样考勤打卡，按公司规定扣钱，算不算员工",
            "能认定劳动关系",
        ),
        ("我是众包骑手，什么时候上线全看自己，单子可以不接，这跟平台算劳动关系吗", "不能认定劳动关系"),
        ("送外卖的，没签劳动合同，算不算劳动关系", "要看"),
    ],
)
def test_a_labour_relation_is_decided_on_the_signs_of_management_told(question: str, starts: str) -> None:
    assert opening(plan(question, "platform_employment")).startswith(starts)


def test_without_the_deciding_facts_it_asks_who_manages_the_work() -> None:
    p = plan("送外卖的，没签劳动合同，算不算劳动关系", "platform_employment")
    assert p.ask_fact == "control_signs"
    assert "排班" in (p.ask or "")


def test_a_decided_relation_asks_nothing_about_it() -> None:
    p = plan("站长排班，天天打卡，迟到罚钱，每个月站点发工资，我算站点员工吗", "platform_employment")
    assert p.ask_fact != "control_signs"


def test_a_fine_on_a_managed_rider_is_unlawful() -> None:
    p = plan("我是站点专送，每天打卡，站长按规定罚了我300块，这样罚款合法吗", "platform_employment")
    assert opening(p).startswith("不合法")


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("离职都五个月了，公司一分竞业补偿都没给，我还要遵守竞业限制吗", "不用再遵守"),
        ("上个月离职，签了竞业协议，补偿这个月还没给，我还要遵守吗", ("有效，现在还要遵守", "要继续遵守")),
        ("签了竞业协议，公司不给补偿，还要遵守吗", "要看"),
    ],
)
def test_an_unpaid_non_compete_is_decided_by_the_months_unpaid(
    question: str, starts: str | tuple[str, ...]
) -> None:
    assert opening(plan(question, "non_compete")).startswith(starts)


def test_an_unpaid_non_compete_without_the_months_asks_for_them() -> None:
    p = plan("签了竞业协议，公司不给补偿，还要遵守吗", "non_compete")
    assert p.ask_fact == "nc_unpaid_months"


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("我是公司的研发总监，离职后竞业补偿每月按时到账，这个竞业协议有效吗", "有效"),
        ("我是超市保洁，也签了竞业协议，这协议有效吗", "不能约束你"),
    ],
)
def test_who_a_non_compete_binds_is_decided_by_the_post(question: str, starts: str) -> None:
    assert opening(plan(question, "non_compete")).startswith(starts)


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("离职快半年了一直没收到竞业补偿，我能去竞争对手那上班吗", "能去"),
        ("竞业补偿每个月都按时给着，我能去竞争对手那上班吗", "不能去"),
    ],
)
def test_joining_a_competitor_is_answered_as_asked(question: str, starts: str) -> None:
    assert opening(plan(question, "non_compete")).startswith(starts)


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("公司花了五万送我去国外进修，签了服务期五年，我干了三年就辞职，要赔违约金吗", "要赔"),
        ("就做了三天岗前培训，合同写没干满两年要赔培训费，我辞职要赔违约金吗", "不用赔"),
        ("单位出钱送我考证签了服务期，后来公司裁员把我辞退了，还要我赔违约金，合法吗", "不用赔"),
        ("签了服务期，现在辞职要赔违约金吗", "要看"),
    ],
)
def test_a_training_bond_is_decided_by_the_training_and_the_ending(question: str, starts: str) -> None:
    assert opening(plan(question, "service_period_penalty")).startswith(starts)


def test_a_bond_without_its_training_asks_what_training_it_was() -> None:
    p = plan("签了服务期，现在辞职要赔违约金吗", "service_period_penalty")
    assert p.ask_fact == "training_kind"


def test_a_non_compete_penalty_is_not_answered_by_the_training_guide() -> None:
    p = plan(
        "离职后竞业补偿每个月都给了，我去了竞品公司，公司要我赔违约金，要赔吗",
        "service_period_penalty",
        "non_compete",
    )
    assert p.selected[0].startswith("non_compete/")
    assert opening(p).startswith("要赔")


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("合同签了两年，试用期定了四个月，合法吗", "不合法"),
        ("签了半年的合同，试用期两个月，这样合法吗", "不合法"),
        ("合同签了两年，试用期两个月，合法吗", "合法"),
        ("试用期最长能定多久，合法吗", "要看"),
    ],
)
def test_the_length_of_a_probation_is_decided_by_the_contract_term(question: str, starts: str) -> None:
    assert opening(plan(question, "probation")).startswith(starts)


def test_a_probation_dismissal_without_a_shown_cause_is_unlawful() -> None:
    p = plan("试用期第一个月，经理说我不适合就让我走了，这样辞退合法吗", "probation")
    assert opening(p).startswith("不合法")


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("公司规定加班要审批，可是每天都是组长叫我们留下来加班，没走审批算不算加班", "能要，算加班"),
        ("公司规定加班要先审批，我没申请，是自己留下加班的，算不算加班", "一般不算加班"),
    ],
)
def test_overtime_without_approval_is_decided_by_who_arranged_it(question: str, starts: str) -> None:
    assert opening(plan(question, "overtime")).startswith(starts)


def test_a_wage_below_the_local_minimum_is_unlawful_with_the_gap() -> None:
    from assistant.consult.toolbridge import default_tool_runner

    question = "在东莞的厂里上班，一个月工资才1500块，低于最低工资吗"
    facts = extract_facts([question], TODAY)
    p = plan_consultation(
        question,
        facts,
        [("minimum_wage_payment", 1.0)],
        (),
        load_guides(),
        run_tool=default_tool_runner(lambda: TODAY),
    )
    assert opening(p).startswith("不合法")
    assert "1900" in opening(p) and "400" in opening(p)
