"""Session 15 (fear15, issue 13): a feared consequence — 会不会被开除 / 补偿会不会没了 / 会不会要我赔 / 会不会坐牢 —
is answered first, by the clause that decides it for the act the asker plans or did (the consequence family of
corpus/consult/predicates.toml). Look-alikes keep their own answers: a fear told as background before another
question, a fear with no cause told, a cause with no fear asked. Questions written for these tests, asked
through the real answer service."""

import pytest

from assistant.answer import AnswerService
from assistant.consult.guides import GuideError
from assistant.consult.predicates import find_family, load_predicates, parse_predicates, route_for
from eval.consult_metrics import opening


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


# --- it fires -----------------------------------------------------------------------------------------


def test_dismissal_feared_for_going_to_arbitration_is_answered_unlawful_with_2n(
    service: AnswerService,
) -> None:
    first = _opening(service, "我准备去仲裁要回加班费，公司知道了会不会把我辞退")
    assert first.startswith("不能因为这个开除你") and "第八十七条" in first
    assert "仲裁申请书" not in first


def test_dismissal_feared_for_asking_a_contract_is_answered_unlawful(service: AnswerService) -> None:
    first = _opening(service, "干了半年一直没签合同，我想找老板要求签，会不会被炒鱿鱼")
    assert first.startswith("不能因为这个开除你")


def test_severance_feared_lost_when_resigning_over_unpaid_insurance_is_kept(service: AnswerService) -> None:
    first = _opening(service, "单位两年没给我交社保，我要是辞职走人，经济补偿会不会就没了")
    assert first.startswith("不会没") and "第三十八条" in first


def test_severance_on_a_personal_resignation_says_when_there_is_none(service: AnswerService) -> None:
    first = _opening(service, "我是自己想换个环境才辞职，会不会连补偿也没了")
    assert "个人原因" in first and "没有经济补偿" in first


def test_insurance_years_feared_lost_on_changing_jobs_add_up(service: AnswerService) -> None:
    first = _opening(service, "交了八年社保，现在离职去别的城市，以前的会不会白交了")
    assert "累计" in first and "社会保险法" in first


def test_damages_feared_for_leaving_without_notice_name_the_only_penalties(service: AnswerService) -> None:
    first = _opening(service, "我没提前一个月说就不干了，厂里会不会让我赔钱")
    assert first.startswith("不能因为你辞职就扣工资或者要违约金") and "服务期" in first


def test_an_employer_asking_whether_a_leaver_owes_it_is_told_only_the_proved_loss(
    service: AnswerService,
) -> None:
    first = _opening(service, "我们是开饭店的，厨师说不干就不干了，一天招呼都没打，他会不会要赔我们的损失")
    assert first.startswith("不能要违约金，只能要实际损失") and "第九十条" in first


def test_losing_an_arbitration_is_not_a_crime_nor_a_debt(service: AnswerService) -> None:
    first = _opening(service, "我怕去打官司告公司，万一打输了会不会坐牢")
    assert first.startswith("不用倒赔") and "不会因此坐牢" in first and "第五十三条" in first


def test_leave_feared_forfeited_on_resigning_is_paid_not_lost(service: AnswerService) -> None:
    first = _opening(service, "打算年底离职，还有几天年休假没休，走了以后这些假会不会就没了")
    assert "300%" in first and "作废" in first


def test_wages_feared_withheld_on_resigning_are_paid_in_full(service: AnswerService) -> None:
    first = _opening(service, "我跟老板说了要走，这个月的工资会不会被扣下不发")
    assert first.startswith("不能因为你辞职就扣工资")


# --- it does not fire ---------------------------------------------------------------------------------


def test_a_fear_told_as_background_leaves_the_question_asked(service: AnswerService) -> None:
    first = _opening(service, "一直担心被开除所以没敢提，周末加班的加班费怎么算？")
    assert "200%" in first
    assert not first.startswith("不能因为这个开除你")


def test_a_fear_without_a_cause_keeps_the_dismissal_answer(service: AnswerService) -> None:
    first = _opening(service, "公司最近效益不好，我会不会被辞退")
    assert not first.startswith("不能因为这个开除你")


def test_a_penalty_feared_under_an_agreed_service_period_keeps_its_own_rule(service: AnswerService) -> None:
    first = _opening(service, "公司出钱送我去外地学技术，签了五年服务期，现在干了两年想走，会不会要赔违约金")
    assert "服务期" in first and "培训费" in first
    assert not first.startswith("不能因为你辞职就扣工资")


def test_a_cause_without_a_fear_keeps_the_route(service: AnswerService) -> None:
    first = _opening(service, "公司拖欠加班费，我想去仲裁，应该去哪里申请")
    assert "仲裁" in first
    assert not first.startswith("不能因为这个开除你")


# --- the table ----------------------------------------------------------------------------------------


def test_the_fear_and_its_consequence_are_read_in_the_asked_clause_only() -> None:
    table = load_predicates()
    asked = find_family("我去劳动局投诉了，会不会被开除", table)
    assert asked is not None and asked.id == "consequence"
    route = route_for(asked, "我去劳动局投诉了，会不会被开除", "labour_inspection_complaint", {})
    assert route is not None and route.ref == "unlawful_termination/retaliation"
    background = find_family("怕被开除所以一直没说，加班费怎么算？", table)
    assert background is None or background.id != "consequence"


def test_a_route_without_its_cause_told_does_not_answer() -> None:
    family = next(f for f in load_predicates().families if f.id == "consequence")
    route = route_for(family, "会不会被开除", "unlawful_termination", {})
    assert route is None


def test_clause_and_anywhere_together_are_refused() -> None:
    data = {
        "family": [
            {"id": "x", "asks": ["会不会"], "anywhere": True, "clause": True, "route": [{"answer": "a/b"}]}
        ]
    }
    with pytest.raises(GuideError):
        parse_predicates(data)
