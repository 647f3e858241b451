"""Session 12, classes a lawyer found harmful in answers to case-derived questions nobody had tuned on:
a 2N priced on the basic pay although the worker told the average earned with commission (劳动合同法实施条例 27),
and a commuting accident whose liability the police could not fix told, in effect, "no finding, no 工伤"
(最高人民法院工伤行政规定 第一条第二款: the social insurance department then decides on the evidence). Questions
written for these tests."""

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def test_severance_is_priced_on_the_average_earned_with_commission(service: AnswerService) -> None:
    answer = service.ask(
        "我在公司做销售八年了，合同上底薪3500，加上提成平均下来每月9000左右，公司说我不能胜任要辞退我，违法辞退能赔多少"
    ).text
    first = opening(answer)[1]
    assert "72000元" in first and "144000元" in first  # 8 × 9,000 and twice that
    assert "28000元" not in first  # 8 × the basic pay
    assert "含提成、奖金的月平均工资约9000元" in answer


def test_a_commuting_accident_without_a_liability_finding_is_not_told_it_fails(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "我老公下班骑电动车回家路上被车撞了，交警说路口没监控查不清谁的责任，只给了个事故证明，这还能算工伤吗"
    ).text
    assert "不等于不算工伤" in answer
    assert "第一条第二款" in answer or "第一条第一款、第二款" in answer
    assert "人社局会不予认定" not in answer


def test_a_verdict_naming_its_subject_opens_once(service: AnswerService) -> None:
    # Two parts answered by two guides that both open with 能认定劳动关系。: read twice, it looked like a glitch.
    answer = service.ask(
        "我朋友在一家保洁公司干，签的是合作协议，公司派单、定班、管考勤，每月底薪加提成，"
        "现在公司说合作结束了什么都不给。她算公司员工吗？能要些什么？"
    ).text
    first = opening(answer)[1]
    assert first.startswith("能认定劳动关系。")
    assert answer.count("能认定劳动关系。") == 1


def test_a_worker_asking_whether_to_leave_over_owed_wages_may_leave_at_once(service: AnswerService) -> None:
    # 我能直接走人吗 is a resignation meant, not an ending to ask about; wages told owed without a sum decide it.
    answer = service.ask("讨工资的时候被老板的小舅子打了两拳，嘴角出血了，我能直接走人要补偿吗").text
    first = opening(answer)[1]
    assert first.startswith("能，而且可以马上走。") and "第三十八条第一款第（二）项" in first
    assert "劳动合同是怎么结束的" not in answer


def test_own_wage_or_the_social_average_is_answered_with_the_wage_base(service: AnswerService) -> None:
    # 工伤保险条例 64(2), asked as a choice between two wages (it was answered with the rules for leaving hospital).
    first = opening(service.ask("评了八级伤残，一次性补助是按我的工资还是按当地社平工资算").text)[1]
    assert first.startswith("本人工资是你受伤前12个月平均的月缴费工资") and "第六十四条第二款" in first
    assert "11个月" in first  # grade 8


def test_a_worker_who_has_already_left_over_owed_wages_is_not_told_to_hold_the_letter(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "厂里欠了两个月工资，我受不了就自愿离职了，交接也办完了，到现在工资还没结，怎么办"
    ).text
    first = opening(answer)[1]
    assert first.startswith("你已经走了，欠的工资单位必须结清") and "第九条" in first
    assert "先别写辞职信" not in first
    # Pushed to resign and not yet gone: the letter is still held back.
    pushed = opening(service.ask("公司想让我自愿离职，逼我写辞职信，怎么办").text)[1]
    assert pushed.startswith("先别写辞职信")
