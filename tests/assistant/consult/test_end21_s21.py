"""Session 21 (end21, issue 13): the answer fits how the asker's job ended. Classes of wording in which the ending
was misread or unread — the worker ending the contract on the employer's ground (我以…为由解除, 因单位…而解除) read
as the employer's dismissal or its proposal, a resignation meant or forced told with 离职, the contract's end told with
期/时间 or a word between, the employer's ending with its words between — and the severance amount's branches for an
expiry and an agreed ending without the wage. All wordings are the team's own paraphrases."""

from __future__ import annotations

from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(question: str) -> dict[str, object]:
    return extract_facts([question], TODAY).values()


def test_the_worker_ending_on_the_employers_ground_is_a_resignation() -> None:
    """为由解除 was read as the employer's dismissal, and 单位 inside the ground as the employer proposing."""
    assert facts("我以厂里没给交社保为由解除了劳动合同，厂里该给补偿吗")["termination"] == "resigned"
    told = facts("本人以单位长期拖欠工资为由，提出解除劳动关系")
    assert told["termination"] == "resigned" and "proposed_by" not in told
    assert facts("员工以公司不发工资为由辞职，能要经济补偿吗")["termination"] == "resigned"
    assert facts("我因为老板克扣工资跟老板解除了合同")["termination"] == "resigned"
    assert facts("因为厂里一直不买社保而解除的合同，有补偿没有")["termination"] == "resigned"


def test_the_employers_ending_on_its_own_ground_stays_a_dismissal() -> None:
    """The opposite error is worse: the employer's 以…为由 (the worker its object) and a worker subject that is
    the employer's (我们公司) stay dismissals; an employer's ending beside a fault of its own stays its ending."""
    assert facts("公司以我旷工三天为由解除了劳动合同")["termination"] == "dismissed"
    assert facts("单位以员工严重违纪为由解除合同，要给补偿吗")["termination"] == "dismissed"
    assert facts("我们厂里以效益不好为由解除了劳动合同")["termination"] == "dismissed"
    assert facts("因为拖欠工资的事吵了一架，公司和我解除了合同")["termination"] == "dismissed"
    assert facts("我因为迟到被公司解除了合同")["termination"] == "dismissed"
    assert "termination" not in facts("我以为公司会和员工协商")


def test_a_resignation_meant_or_forced_told_with_lizhi_is_read() -> None:
    told = facts("我打算下个月离职，年假能折现吗")
    assert told["termination"] == "resigned" and told["leaving_planned"] is True
    assert facts("工伤评了九级，准备离职，能拿哪些钱")["termination"] == "resigned"
    assert facts("厂里两年没买社保，我被迫离职了，补偿怎么算")["termination"] == "resigned"
    own = facts("自己离职的有经济补偿吗")
    assert own["termination"] == "resigned" and own["resigned_own_accord"] is True


def test_a_resignation_negated_is_not_one() -> None:
    """不想离职 / 还没辞职: the worker stays; 我不想走 is no leaving either."""
    assert "termination" not in facts("公司要调我去外地，我不想离职，怎么办")
    assert "termination" not in facts("我还没辞职，公司拖了两个月工资")
    assert "termination" not in facts("领导要我去别的部门，我不想走")


def test_the_workers_proposal_told_as_done_is_a_resignation() -> None:
    assert facts("我已经提出解除合同了，公司扣着工资不给")["termination"] == "resigned"
    assert facts("我提出了解除劳动合同，单位不同意")["termination"] == "resigned"


def test_the_contracts_end_told_with_qi_or_shijian_or_a_word_between_is_an_expiry() -> None:
    assert facts("合同期到了，老板说不签了")["termination"] == "expired"
    assert facts("合同时间到了，能拿补偿吗")["termination"] == "expired"
    assert facts("劳动合同早就到期了，公司一直没说")["termination"] == "expired"
    assert facts("合同到了，单位让我回家")["termination"] == "expired"
    told = facts("合同期限到了，单位没有跟我续签")
    assert told["termination"] == "expired" and told["renewal_declined_by"] == "employer"
    # A contract not yet at its end, or 到了 inside a longer phrase, is no expiry.
    assert facts("合同还没到期，公司就把我辞退了")["termination"] == "dismissed"
    assert "termination" not in facts("合同快到期了，公司会续签吗")
    assert "termination" not in facts("合同到了我手上才发现工资写错了")
    assert "renewal_declined_by" not in facts("公司没续交社保")


def test_the_employers_ending_with_its_words_between_is_a_dismissal() -> None:
    assert facts("单位入职半年后突然解除我的劳动合同")["termination"] == "dismissed"
    assert facts("车间主任通知我，厂里下周一解除合同")["termination"] == "dismissed"
    assert facts("分厂关了，总厂决定与员工解除劳动合同，我在孕期")["termination"] == "dismissed"
    # The worker before 解除, a refusal or a permission between, or a question of the law: no dismissal.
    assert "termination" not in facts("公司不同意我解除合同")
    assert "termination" not in facts("公司可以随时解除合同吗")
    assert "termination" not in facts("公司不让解除合同")


def test_the_amount_after_an_expiry_opens_with_its_condition() -> None:
    """An expiry read right, the wage unknown: the bare standard opened, never the condition of 46(5)."""
    plan = plan_with_tools("劳动合同已经到期了，经济补偿能拿多少", ranked("severance_compensation"))
    assert plan.selected[0] == "severance_compensation/amount"
    assert opening(plan).startswith("合同到期单位不续签")
    figure = plan_with_tools("合同到期了，我在厂里干了4年，补偿能拿多少", ranked("severance_compensation"))
    assert "按你干的时间是4个月工资" in opening(figure)


def test_the_amount_after_an_agreed_ending_opens_with_who_proposed() -> None:
    plan = plan_with_tools("双方协商一致解除了劳动合同，经济补偿怎么算", ranked("severance_compensation"))
    assert plan.selected[0] == "severance_compensation/amount"
    assert opening(plan).startswith("协商解除的，要看是谁先提出")


def test_the_worker_ending_on_the_employers_ground_opens_with_the_compensation_owed() -> None:
    """我以…为由解除 was answered as a dismissal (2N / N / nothing)."""
    plan = plan_with_tools(
        "我以公司一直没交社保为由解除了劳动合同，单位要给补偿吗", ranked("severance_compensation")
    )
    first = opening(plan)
    assert "辞退" not in first and "两倍" not in first and "以此为由书面通知" in first
    owed = plan_with_tools(
        "我以公司拖欠三个月工资为由解除了劳动合同，经济补偿能拿多少", ranked("severance_compensation")
    )
    assert opening(owed).startswith("能拿：单位欠薪")


def test_tenure_told_as_less_than_half_a_year_gives_half_a_months_severance() -> None:
    """工作不到半年 was read as six months, and the dismissal's opening gave one month's N (47(1): half)."""
    told = extract_facts(["在这个厂工作不到半年，厂里突然解除了我的劳动合同"], TODAY)
    assert told.get("service_months") == 5.0
    plan = plan_with_tools(
        "在这个厂工作不到半年，厂里突然解除了我的劳动合同，补偿多少", ranked("severance_compensation")
    )
    assert "0.5个月工资" in opening(plan)
    assert extract_facts(["在厂里干了半年"], TODAY).get("service_months") == 6.0
