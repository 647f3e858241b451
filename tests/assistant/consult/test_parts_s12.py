"""Every part of a question answered and the decisive fact used (session 12, classes C, K and E): the
months of the 停工留薪期 asked beside its wage, the worker's own fault after an injury, sick leave refused
and the worker dismissed, and the employer asking how to dismiss for less."""

from datetime import date

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.consult.kinds import asked_parts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def _conclusion(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


def test_the_length_of_the_paid_leave_asked_beside_its_wage_is_a_part_of_its_own() -> None:
    question = "工伤后厂里叫我回家养着，停工留薪期有几个月？这段时间工资照发吗？"
    assert len(asked_parts(question)) == 2


def test_both_the_months_and_the_wage_of_the_paid_leave_are_answered(service: AnswerService) -> None:
    text = service.ask("工伤后厂里叫我回家养着，停工留薪期有几个月？这段时间工资照发吗？").text
    conclusion = opening(text)[1]
    # Said once: the reasons do not repeat the months the opening gives (class S).
    assert "\n- 停工留薪期一般不超过12个月" not in text
    assert "一般不超过12个月" in conclusion and "延长" in conclusion
    assert "原工资福利待遇不变" in conclusion
    # In the order asked: the months first.
    assert conclusion.index("12个月") < conclusion.index("原工资福利待遇不变")


def test_the_length_asked_alone_is_answered_with_33_2(service: AnswerService) -> None:
    conclusion = _conclusion(service, "工伤骨折在家休养，最长能休多久？")
    assert "一般不超过12个月" in conclusion and "第三十三条第二款" in conclusion


def test_fault_asked_after_an_injury_is_answered_first_with_the_exclusions(service: AnswerService) -> None:
    conclusion = _conclusion(service, "搬货时我自己没站稳从梯子上摔下来，是我自己的错，这种能算工伤吗")
    assert conclusion.startswith("能算")
    assert "醉酒" in conclusion and "自残" in conclusion and "第十六条" in conclusion


def test_fault_asked_as_a_second_part_is_answered(service: AnswerService) -> None:
    conclusion = _conclusion(
        service, "在车间被冲床压伤了手，工伤期间工资照发吗？我操作失误会不会影响算工伤？"
    )
    assert "照发" in conclusion and "有没有过错不影响工伤" in conclusion


def test_sick_leave_refused_and_dismissed_for_absence_is_judged_as_a_dismissal(
    service: AnswerService,
) -> None:
    text = service.ask(
        "我发高烧住了一周院，请病假领导没批，出院后公司以旷工为由把我辞退了，我在公司做了两年"
    ).text
    conclusion = opening(text)[1]
    assert "不算旷工" in conclusion and "两倍赔偿金" in conclusion and "第四十二条第（三）项" in conclusion
    # The medical period the years told give.
    assert "医疗期至少3个月" in text


def test_an_owner_who_says_what_business_he_runs_is_the_employer() -> None:
    facts = extract_facts(["我是开火锅店的，想让一个干了三年的服务员走人，要赔多少"], TODAY)
    assert facts.values().get("asker") == "employer"
    # A driver telling what he drives is a worker.
    assert extract_facts(["我是开货车的，干了三年被老板辞退了"], TODAY).values().get("asker") != "employer"


def test_an_employer_asking_how_to_pay_less_is_told_its_duties(service: AnswerService) -> None:
    conclusion = _conclusion(
        service, "我是开火锅店的，想辞退一个干了三年的服务员，要赔多少，怎么做才能少赔点"
    )
    assert conclusion.startswith("单位辞退员工要有法定理由")
    assert "3个月工资" in conclusion and "6个月工资" in conclusion
    # Never the worker's remedies in the second person.
    assert "你不回去上班" not in conclusion and "别签" not in conclusion


def test_an_employer_asking_what_to_do_gets_its_steps_not_the_workers(service: AnswerService) -> None:
    conclusion = _conclusion(service, "我们是开超市的，有个收银员总迟到，想辞退她，该怎么处理")
    assert conclusion.startswith("先确认辞退有法定理由")
    assert "两倍赔偿金" in conclusion and "先别签" not in conclusion
