"""Answers for objects real questions ask that no guide answer held (session 16, content16, issue 13), both
ways, in our own wording:

- what an arbitration application needs (要准备哪些材料 / 要带什么 / 申请书写什么): the materials open — the written
  application with copies, the parties, the claims with facts and reasons, evidence and witnesses (劳动争议调解
  仲裁法 28) — while "how / where to apply" keeps the where-to-apply answer;
- a death not from work (非因工死亡 / 病故 / 病逝): the family's funeral grant and pension from pension insurance
  (社会保险法 17), never the 工亡 tariff — while a death at work keeps the 工亡 benefits (工伤保险条例 39)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


@pytest.mark.parametrize(
    "question",
    [
        "去劳动仲裁需要带哪些材料",
        "我们几个工友要申请劳动仲裁，要提交什么",
        "仲裁申请书写些什么？我不太会写",
    ],
)
def test_arbitration_materials_open_with_what_the_application_holds(
    service: AnswerService, question: str
) -> None:
    _, first = opening(service.ask(question).text)
    assert "申请书" in first and "证据" in first and "副本" in first
    assert "第二十八条" in first


def test_where_to_apply_keeps_its_answer(service: AnswerService) -> None:
    _, first = opening(service.ask("劳动仲裁去哪里申请？").text)
    assert "劳动争议仲裁委员会" in first
    assert "证据和证据来源" not in first


@pytest.mark.parametrize(
    "question",
    [
        "职工非因工死亡，家属能领哪些钱",
        "我们单位一个员工病故了，不是工伤，公司要给家属什么",
    ],
)
def test_a_death_not_from_work_gets_the_pension_grants_not_the_work_death_tariff(
    service: AnswerService, question: str
) -> None:
    _, first = opening(service.ask(question).text)
    assert "丧葬补助金" in first and "抚恤金" in first
    assert "社会保险法》第十七条" in first
    assert "一次性工亡补助金" not in first


def test_an_illness_death_at_the_post_keeps_the_work_death_benefits(service: AnswerService) -> None:
    # 工伤保险条例 15(1): at the post, dead within 48 hours — never "不按工亡赔".
    _, first = opening(
        service.ask("我爸在车间上班时突发脑溢血，送医院抢救了一天后病逝，家里能领什么钱？").text
    )
    assert "不按工亡赔" not in first
    assert "工亡" in first


def test_a_death_at_work_keeps_the_work_death_benefits(service: AnswerService) -> None:
    text = service.ask("我弟弟在工地上被钢筋砸死了，工亡能赔多少钱").text
    assert "一次性工亡补助金" in text
    assert "not_at_work" not in facts("我弟弟在工地上被钢筋砸死了，工亡能赔多少钱")
    assert "不按工亡赔" not in text
