"""Session 13, a non-compete's term against the time since leaving (劳动合同法 24(2): counted from leaving,
at most two years): a term that has run out frees the worker whatever was paid; one still running with the
compensation paid binds; a term over two years binds for two. A limit counted from the day the worker left is
not the limit of a compensation that falls due month by month after it (no "时效已经过了" banner), and a
settled verdict does not ask for the start date a severance figure would need. Questions written for these
tests."""

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def test_a_term_run_out_frees_the_worker_and_no_limit_is_told_passed(service: AnswerService) -> None:
    answer = service.ask(
        "前年4月从一家软件公司离职，签了一年半的竞业协议，补偿一直没给过，现在想去以前的竞争对手那上班，会不会被告"
    ).text
    first = opening(answer)[1]
    assert "竞业限制期已经满了" in first and "18个月" in first
    assert "第二十四条第二款" in first
    assert "很可能已经过了" not in answer
    assert "哪一天开始上班" not in answer


def test_a_term_still_running_with_compensation_paid_binds(service: AnswerService) -> None:
    answer = service.ask("今年5月离职，竞业期两年，公司每个月按时打补偿，现在能去对手公司上班吗").text
    first = opening(answer)[1]
    assert first.startswith("现在还不能去")
    assert "24个月" in first


def test_a_term_longer_than_two_years_binds_for_two(service: AnswerService) -> None:
    answer = service.ask("竞业协议上写了离职后五年内不能去同行，补偿按月给了，这个五年有效吗").text
    first = opening(answer)[1]
    assert "不算数" in first and "60个月" in first


def test_wages_owed_with_a_non_compete_keep_the_time_limit_warning(service: AnswerService) -> None:
    # Pay owed at leaving has its limit from the day the job ended: the warning stays.
    answer = service.ask(
        "去年9月离职的，最后两个月工资8000块公司一直没结，还签了竞业限制，现在还能要回工资吗"
    ).text
    assert "时效" in opening(answer)[1] or "时效" in answer.split("**结论**")[0]


def test_a_household_nanny_asking_overtime_is_told_the_agreement_decides(service: AnswerService) -> None:
    # Hired by a family: a 劳务 relation (解释（一）第二条第（四）项), no labour-law rates, court not arbitration.
    answer = service.ask(
        "我在一户人家当住家阿姨三年了，天天从早忙到晚，周末也不让休息，能跟主家要加班费吗"
    ).text
    first = opening(answer)[1]
    assert first.startswith("能要，但按你们的约定要")
    assert "第二条第（四）项" in first
    assert "受的伤" not in first
    assert "150%" not in answer and "1.5倍" not in answer


def test_a_household_nanny_hurt_at_work_still_gets_the_injury_answer(service: AnswerService) -> None:
    answer = service.ask(
        "我给一户人家当保姆，擦窗户时从凳子上摔下来把手腕摔骨折了，主家只肯出医药费，怎么办"
    ).text
    assert "第一千一百九十二条" in answer
    assert not opening(answer)[1].startswith("能要，但按你们的约定要")


def test_an_award_not_paid_is_enforced_not_appealed(service: AnswerService) -> None:
    # The stage told decides: an award or an arbitral mediation document in force and not performed goes to
    # the court for enforcement (劳动争议调解仲裁法 51), not the 15-day appeal of a party who disagrees.
    for question in (
        "仲裁裁决判厂里给我两万八，裁决书早就生效了，厂里到现在一分没给，我接下来怎么办",
        "拿到了仲裁调解书，说好月底前付清，现在过了半个月公司还没给，怎么办",
    ):
        first = opening(service.ask(question).text)[1]
        assert "申请强制执行" in first and "第五十一条" in first
        assert "15日内向法院起诉" not in first


def test_a_worker_who_disagrees_with_the_award_is_told_the_appeal(service: AnswerService) -> None:
    first = opening(service.ask("仲裁裁决只支持了我一部分加班费，我不服，公司那部分也还没给，怎么办").text)[1]
    assert "15日内" in first


def test_an_award_thought_too_small_opens_with_the_days_left_to_sue(service: AnswerService) -> None:
    # Today is 2026-12-05 in the tests' service: received on 2026-11-28 → the last day is 2026-12-13.
    first = opening(
        service.ask("11月28号收到仲裁裁决书，裁决给我的加班费比我算的少了一大半，我该怎么办").text
    )[1]
    assert "15日内向法院起诉" in first and "2026年12月13日" in first and "还剩8天" in first


def test_an_award_received_long_ago_is_told_the_limit_has_passed(service: AnswerService) -> None:
    first = opening(service.ask("今年9月收到的裁决书，当时没在意，现在还能去法院起诉吗").text)[1]
    assert "已经过了" in first and "2026年10月15日" in first
    assert "申请强制执行" not in first
