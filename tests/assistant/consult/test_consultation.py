"""Answers that answer (issue 13), through the real answer service on the test index: a direct
conclusion in the form the question asks for, with the worker's facts; one clarifying question whose
answer the next message uses; the urgent steps before any law; the deciding clause shown."""

from collections.abc import Iterator
from datetime import date

import pytest

from assistant.answer import Answer, AnswerService
from assistant.answer.fake_llm import FakeLLM, RunningServer, serve_in_thread
from assistant.answer.llm import build_messages
from assistant.config import Settings
from assistant.followup import Turn
from assistant.runtime import Runtime
from eval.consult_metrics import opening, opening_form_ok
from tests.conftest import make_settings

TODAY = date(2026, 12, 5)


def ask(service: AnswerService, *messages: str) -> Answer:
    turns: list[Turn] = []
    for earlier in messages[:-1]:
        prepared = service.prepare(earlier, turns)
        answer = service.answer(prepared)
        turns.append(
            Turn(earlier, prepared.rewrite.query, [c.as_citation() for c in answer.citations], answer.text)
        )
    return service.ask(messages[-1], turns)


def conclusion(answer: Answer) -> str:
    return opening(answer.text)[1]


def test_a_figure_question_gets_the_figure_for_the_workers_facts(service: AnswerService) -> None:
    answer = ask(service, "工作满三年了，今年年假有几天，周末算不算")
    first = conclusion(answer)
    assert "5天" in first and "周末" in first
    assert "《职工带薪年休假条例》第三条第一款" in first  # the clause it rests on, not only the article
    assert opening_form_ok(answer.text, "figure")
    assert answer.verification["removed"] == 0


def test_the_clarifying_question_is_asked_once_and_its_answer_is_used(service: AnswerService) -> None:
    first = ask(service, "年假一年有几天啊")
    assert first.plan is not None and first.plan.ask_fact == "cumulative_work_years"
    assert "还需要确认" in first.text
    second = ask(service, "年假一年有几天啊", "参加工作12年了")
    assert "10天" in conclusion(second)
    assert second.plan is not None and second.plan.ask is None


def test_a_verdict_question_opens_with_the_verdict(service: AnswerService) -> None:
    answer = ask(service, "周六加班了一整天，公司说给调休，不给加班费，合法吗")
    first = conclusion(answer)
    assert first.startswith("合法")
    assert "第四十四条第（二）项" in first  # 休息日 is item (二), not item (一)


def test_the_workers_numbers_are_used_and_the_monthly_limit_is_said(service: AnswerService) -> None:
    answer = ask(service, "月薪4350，平时下班加班两个钟，加班费怎么算")
    assert "月工资4350元" in answer.text  # the facts it read are shown back
    assert "36小时" in answer.text and "已经超过" in answer.text
    assert "150%" in conclusion(answer)


def test_violence_comes_first_with_police_and_the_right_to_leave(service: AnswerService) -> None:
    answer = ask(service, "去办公室要工资，主管叫两个人把我打了一顿，头上缝了五针")
    before, _ = opening(answer.text)
    assert "110" in before and "验伤" in before
    assert "《劳动合同法》第三十八条第二款" in before  # may leave at once, without notice
    assert before.index("110") < before.index("第三十八条")


def test_a_death_at_work_says_do_not_sign_today_before_any_law(service: AnswerService) -> None:
    answer = ask(service, "老公在工地从架子上摔下来没抢救过来，包工头说给20万私了，让今天签字")
    before, _ = opening(answer.text)
    assert before.index("先别") < before.index("《")  # not signing comes before any citation
    assert "1年内" in before and "一次性工亡补助金" in before
    assert "200000元" in before  # the offer is named and weighed, not ignored


def test_a_child_at_work_must_stop_working_first(service: AnswerService) -> None:
    answer = ask(service, "我儿子今年才14，在厂里上夜班，老板还扣他工资")
    before, _ = opening(answer.text)
    assert "停止工作" in before and "人社局" in before


def test_the_deciding_clause_is_shown_in_the_legal_basis(service: AnswerService) -> None:
    answer = ask(service, "公司说没休完的年假年底作废，合法吗")
    basis = answer.text.split("**法律依据**", 1)[1]
    assert "第三款：单位确因工作需要不能安排职工休年休假的" in basis
    assert conclusion(answer).startswith("不合法")


def test_guided_steps_replace_the_generic_ones(service: AnswerService) -> None:
    answer = ask(service, "公司说没休完的年假年底作废，合法吗")
    steps = answer.text.split("**下一步怎么做**", 1)[1]
    assert "休年假的申请" in steps  # the leave guide's own step
    assert "**找劳动保障监察**" not in steps  # the generic list is not repeated under a guide
    assert "12348" in steps and "12351" in steps  # legal aid and the union line stay


def test_the_api_object_carries_the_facts_and_the_consultation(service: AnswerService) -> None:
    data = ask(service, "在超市理货快7个月了，劳动合同到现在都没给签，月薪3800").as_dict()
    assert data["facts"]["monthly_wage"] == 3800
    assert data["facts"]["contract_signed"] is False
    assert data["consultation"]["kind"] in ("verdict", "figure", "action")


@pytest.fixture(scope="module")
def fake_llm() -> Iterator[tuple[FakeLLM, RunningServer]]:
    fake = FakeLLM()
    server = serve_in_thread(fake.app)
    yield fake, server
    server.stop()


def test_llm_mode_gets_the_facts_the_guide_and_opens_with_the_safety_steps(
    runtime: Runtime, built_settings: Settings, fake_llm: tuple[FakeLLM, RunningServer]
) -> None:
    fake, server = fake_llm
    settings = make_settings(
        built_settings.data_dir,
        answer_mode="llm",
        llm_base_url=server.url + "/v1",
        llm_timeout_s=2.0,
        llm_retries=0,
    )
    service = AnswerService(runtime.retriever, settings, today=lambda: TODAY)
    prepared = service.prepare("去要工资被主管打了一顿，月薪5000，头上缝了五针", [])
    prompt = build_messages(prepared.request)[1].content
    assert "<facts>" in prompt and "monthly_wage：5000" in prompt
    answer = service.answer(prepared)
    assert answer.mode == "llm"
    assert (
        answer.text.index("110") < answer.text.index("**结论**")
        if "**结论**" in answer.text
        else "110" in answer.text[:400]
    )
    assert answer.verification["removed"] >= 0
    guided = service.prepare("公司说没休完的年假年底作废，合法吗", [])
    assert "<guide>" in build_messages(guided.request)[1].content


def test_when_the_next_step_is_arbitration_the_draft_application_is_offered(service: AnswerService) -> None:
    answer = ask(service, "加班了半年一分加班费没给，我该怎么要")
    assert answer.plan is not None and answer.plan.documents == ["arbitration"]
    assert "仲裁申请书草稿" in answer.text.split("**下一步怎么做**", 1)[1]


def test_figures_come_from_the_tools_with_their_formula(service: AnswerService) -> None:
    answer = ask(service, "我月工资3480，上周六加了8个小时班，也没给补休，加班费该给多少？")
    assert answer.plan is not None
    quantities = answer.plan.quantities()
    assert quantities["overtime_hourly_min"] == 40.0 and quantities["overtime_pay"] == 320.0
    first = conclusion(answer)
    assert "40" in first and "200%" in first
    assert "3480 ÷ 21.75 ÷ 8 = 20.00" in answer.text.split("**怎么算的**", 1)[1]


def test_a_known_deadline_is_counted_to_the_day(service: AnswerService) -> None:
    answer = ask(service, "2025年12月20号被公司辞退了，补偿一直没给，现在还能去仲裁吗")
    assert answer.plan is not None
    assert answer.plan.quantities()["arbitration_deadline"] == "2026-12-20"
    assert "2026年12月20日" in answer.text and "还剩15天" in answer.text


def test_articles_cited_only_by_steps_are_listed_not_quoted(service: AnswerService) -> None:
    answer = ask(service, "公司说没休完的年假年底作废，合法吗")
    basis = answer.text.split("**法律依据**", 1)[1].split("**下一步怎么做**", 1)[0]
    # 第二十七条 backs a step (the one-year limit): its line is there, its text is not.
    line = next(line for line in basis.splitlines() if "劳动争议调解仲裁法》第二十七条" in line)
    following = basis.split(line, 1)[1].lstrip("\n")
    assert not following.startswith(">")
    assert "劳动争议申请仲裁的时效期间为一年" not in basis


def test_a_deadline_the_tools_count_as_near_sends_the_case_to_a_lawyer(service: AnswerService) -> None:
    # 12月20号 last year: 15 days are left of the one-year limit — the policy sees the count too.
    answer = ask(service, "2025年12月20号被公司辞退了，补偿一直没给，现在还能去仲裁吗")
    assert answer.escalation.suggested
    assert any("仲裁时效" in reason for reason in answer.escalation.reasons)


def test_a_guided_answer_is_not_low_confidence(service: AnswerService) -> None:
    answer = ask(service, "公司说没休完的年假年底作废，合法吗")
    assert answer.confidence.level == "high"


def test_a_dismissed_worker_is_never_steered_into_resigning(service: AnswerService) -> None:
    answer = ask(service, "公司说我干不了这个活，让我月底走人，也没说给补偿，我能拿什么")
    assert answer.plan is not None and "employee_resignation" not in answer.plan.guides
    assert "辞职信" not in answer.text


def test_a_death_at_home_is_not_called_a_work_death(service: AnswerService) -> None:
    answer = ask(service, "我爸是在家里休息的时候突发脑溢血去世的，单位说不算工伤，家里能拿到什么")
    assert answer.plan is not None and "death_at_work" not in [b.guide_id for b in answer.plan.situations]
    assert "这是工亡" not in answer.text


def test_unpaid_insurance_is_not_assumed(service: AnswerService) -> None:
    answer = ask(service, "社保一直正常交着，我想辞职，能要经济补偿吗")
    assert "单位没依法给你交社保" not in answer.text


def test_the_employer_asking_is_told_what_it_owes(service: AnswerService) -> None:
    answer = ask(service, "我是老板，员工干了两年，合同到期我不想续了，要给补偿吗")
    assert "你是用人单位一方" in answer.text
    assert "申请劳动争议仲裁" not in answer.text.split("**下一步怎么做**", 1)[1]


def test_a_figure_two_guides_compute_is_computed_and_shown_once(service: AnswerService) -> None:
    answer = ask(service, "在厂里干了3年8个月，厂里说要裁员让我月底走，月工资平均6000，补偿能拿多少")
    assert answer.plan is not None
    assert [c.tool for c in answer.plan.computations].count("severance") == 1
    assert "24000" in conclusion(answer)
