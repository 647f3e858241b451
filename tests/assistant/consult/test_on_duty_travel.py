"""Hurt on the road while doing the job (session 9, a class lawyers found on unseen questions: a worker
hurt while delivering was answered with the commuting rule, 工伤保险条例 14(6), whose "only a traffic
accident not mainly your fault" would tell a courier's solo fall "不能认定"). Delivering, running orders,
going to a customer on the employer's errand is work itself — 14(1)/(5), no-fault — while the journey to
and from work stays a commute. Questions are the team's own, asked through the real answer service."""

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


@pytest.mark.parametrize(
    "question",
    ["送快递的时候骑电动车被车撞了，算工伤吗", "老板让我骑车去客户那里送货，路上自己摔了，算工伤吗"],
)
def test_hurt_while_doing_the_job_on_the_road_is_not_judged_as_a_commute(
    service: AnswerService, question: str
) -> None:
    assert facts(question).get("on_duty_travel") is True
    conclusion = opening(service.ask(question).text)[1]
    assert conclusion.startswith("一般能认定工伤")
    assert "第十四条第（五）项" in conclusion or "第十四条第（一）项" in conclusion
    assert "不能认定" not in conclusion


@pytest.mark.parametrize(
    "question",
    [
        "下班骑车回家自己摔了一跤，算工伤吗",
        "我去上班的路上被车撞了，算工伤吗",
        "我是送快递的，下班路上被车撞了",
    ],
)
def test_the_journey_to_and_from_work_stays_a_commute(service: AnswerService, question: str) -> None:
    assert "on_duty_travel" not in facts(question)
    assert facts(question).get("commute") is True


@pytest.mark.parametrize("question", ["上班快迟到了，骑电动车摔了一跤", "赶着上班，路上被电动车撞了"])
def test_a_journey_told_by_its_hurry_is_a_commute(question: str) -> None:
    assert facts(question).get("commute") is True
