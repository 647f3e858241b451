"""Classes of answers a labour lawyer found could cost a worker a right (session 5 reading of real
questions, learn half), each tested with new wording through the real answer service: the contract
ended at retirement, a sudden illness at work that is not a work injury, a threat that is about the
pay and not the person, and next steps that fit the stage the worker has reached."""

from datetime import date

import pytest

from assistant.answer import Answer, AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def conclusion(answer: Answer) -> str:
    return opening(answer.text)[1]


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


# --- how the contract ended: retirement ends it by law (劳动合同法 44(2), 实施条例 21) ---------------


@pytest.mark.parametrize(
    "text",
    [
        "我在食品厂干了十来年，上个月办了退休手续，厂里一分补偿都没给",
        "今年满60到了退休年龄，公司就叫我走了",
        "我已经开始领养老金了，老板说合同到此为止",
    ],
)
def test_a_contract_ended_at_retirement_is_read_as_retirement(text: str) -> None:
    assert facts(text).get("termination") == "retired"


@pytest.mark.parametrize(
    "text",
    [
        "我快退休了，厂里突然把我辞退了",
        "离退休年龄还差两年，公司让我走人",
        "我还没到退休年龄，老板就不要我了",
    ],
)
def test_a_worker_not_yet_retired_who_is_let_go_is_dismissed(text: str) -> None:
    assert facts(text).get("termination") == "dismissed"


def test_no_severance_is_promised_when_the_contract_ended_at_retirement(service: AnswerService) -> None:
    answer = service.ask(
        "在工地食堂干了八年，今年到了退休年龄老板就让我回家了，工资一个月4000，能要经济补偿吗"
    )
    first = conclusion(answer)
    assert first.startswith("不能")
    assert "退休" in first and "第四十四条第（二）项" in first
    assert "两倍" not in first and "2N" not in first


def test_a_dismissal_before_retirement_still_gets_the_figure(service: AnswerService) -> None:
    answer = service.ask("我还没到退休年龄，厂里就把我辞退了，干了10年，月工资5000，补偿多少")
    assert "50000" in conclusion(answer)


# --- a sudden illness at work is an illness unless death follows within 48 hours -------------------


def test_a_sudden_illness_is_not_read_as_an_injury() -> None:
    read = facts("我爸在车间干活突然晕倒了，送医院说是心梗，单位说不算工伤")
    assert read.get("ill") is True
    assert "injured" not in read  # 不算工伤 names the category asked about, not an injury
    assert "notice_given" not in read  # 突然晕倒 says nothing about a notice of dismissal


def test_the_family_of_a_worker_ill_at_work_is_not_told_the_injury_fund_pays(service: AnswerService) -> None:
    answer = service.ask("我媳妇在流水线上突然脑溢血，现在人在重症监护室，住院的钱该谁出")
    assert "不该你出" not in answer.text
    assert "不要用自己的职工医保" not in answer.text
    assert "48小时" in answer.text  # the rule that decides whether it is deemed a work injury


def test_an_injury_at_work_still_gets_the_injury_answer(service: AnswerService) -> None:
    answer = service.ask("我在车间被机器压断了手指，住院的钱该谁出")
    assert "工伤保险基金" in answer.text


# --- a threat about the pay is a wage matter, not violence ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "老板威胁我们谁要是辞职就一分工资都不发",
        "主管恐吓我说再去劳动局就开除我",
        "公司威胁要扣我三个月的押金不退",
    ],
)
def test_a_threat_about_money_or_the_job_is_not_a_threat_to_the_person(text: str) -> None:
    assert "threatened" not in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "包工头威胁说再来要钱就找人收拾我",
        "老板恐吓我，说要是去仲裁就卸我一条腿",
        "他威胁我，说不给钱就让我好看",
    ],
)
def test_a_threat_against_the_person_is_still_read(text: str) -> None:
    assert facts(text).get("threatened") is True


def test_a_threat_about_the_pay_does_not_open_with_the_police(service: AnswerService) -> None:
    answer = service.ask("工地老板威胁我们说谁辞工就不结工资，我们五个人能不能直接走")
    assert "110" not in conclusion(answer)


# --- next steps fit the stage: a worker with a grade is not sent to be graded again ----------------


def test_a_worker_with_a_grade_is_not_told_to_apply_for_grading(service: AnswerService) -> None:
    answer = service.ask("我工伤已经鉴定成八级伤残了，公司一直拖着不给钱，下一步该怎么办")
    assert "申请劳动能力鉴定" not in answer.text and "申请鉴定" not in answer.text


def test_a_worker_without_a_grade_is_told_to_apply_for_grading(service: AnswerService) -> None:
    answer = service.ask("我在工地摔断了腿，工伤认定下来了，后面还要办什么")
    assert "劳动能力鉴定" in answer.text


def test_a_worker_whose_job_ended_is_not_told_to_ask_for_a_contract(service: AnswerService) -> None:
    answer = service.ask("在饭店干了半年一直没签合同，上个月被老板辞退了，能要双倍工资吗")
    assert "要求单位签书面劳动合同" not in answer.text


# --- who the work was for: a private person (民法典 1192) or an unlicensed employer -----------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我在东家做住家保姆，拖地滑倒把手腕摔骨折了", "private_person"),
        ("帮村里人家盖房子，从二楼掉下来", "private_person"),
        ("那个厂连营业执照都没有，我在里面压伤了手", "unlicensed"),
        ("包工头没资质，我在他工地上砸伤了脚", "unlicensed"),
    ],
)
def test_who_the_work_was_for_is_read(text: str, kind: str) -> None:
    assert facts(text).get("employer_kind") == kind


@pytest.mark.parametrize(
    "text",
    ["家政公司派我去雇主家当保姆，摔伤了", "在电子厂上班被机器压了手", "我们工厂食堂的阿姨烫伤了"],
)
def test_a_company_keeps_the_work_injury_route(text: str) -> None:
    assert "employer_kind" not in facts(text)


def test_a_household_worker_is_not_told_it_is_a_work_injury(service: AnswerService) -> None:
    answer = service.ask("我给人家当住家保姆，晒被子从阳台摔下来腿骨折了，主家说不管，这算工伤吗")
    first = conclusion(answer)
    assert "不算工伤" in first and "第一千一百九十二条" in first
    assert "这是工亡" not in answer.text


def test_a_death_at_an_unlicensed_workshop_gets_the_one_off_compensation(service: AnswerService) -> None:
    answer = service.ask("我哥在一个没营业执照的小厂干活，被机器卷进去人没了，老板说给十万让今天签字，怎么办")
    first = conclusion(answer)
    assert first.startswith("今天先别签字") and "非法用工单位伤亡人员一次性赔偿办法" in first
    assert "工伤保险条例》第三十九条" not in first


def test_an_over_age_worker_is_not_promised_the_double_wage(service: AnswerService) -> None:
    answer = service.ask("我今年62岁了，在小区做保安干了8个月，一直没签合同，月薪3000，能要双倍工资吗")
    first = conclusion(answer)
    assert first.startswith("要看") and "用工协议" in first


def test_a_worker_of_working_age_still_gets_the_double_wage(service: AnswerService) -> None:
    answer = service.ask("我今年35岁，在小区做保安干了8个月，一直没签合同，月薪3000，能要双倍工资吗")
    assert "用工协议" not in conclusion(answer) and "能要" in conclusion(answer)


# --- a dismissal feared is not a dismissal; a short working day is read ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "请了三天病假，会被开除吗",
        "怕被辞退，一直不敢提加班费",
        "老板说再迟到就开除我",
    ],
)
def test_a_dismissal_only_feared_is_not_read_as_done(text: str) -> None:
    assert facts(text).get("termination") != "dismissed"


def test_a_dismissal_supposed_with_its_money_asked_is_read_as_meant_not_done() -> None:
    # Session 26: 要是公司把我辞退了能拿多少 asks what the ending would bring: the case asked about, the job going on.
    told = facts("要是公司把我辞退了能拿多少")
    assert told.get("dismissal_meant") is True and told.get("still_employed") is True
    assert told.get("end_date") is None


@pytest.mark.parametrize("text", ["上个月公司把我辞退了", "厂里突然把我开除了，会不会违法", "干了两年被炒了"])
def test_a_dismissal_that_happened_is_still_read(text: str) -> None:
    assert facts(text).get("termination") == "dismissed"


@pytest.mark.parametrize(
    ("text", "hours"), [("在超市打零工，每天干3个小时", 3.0), ("一天4个钟头，按小时算钱", 4.0)]
)
def test_a_short_working_day_is_read_without_overtime(text: str, hours: float) -> None:
    read = facts(text)
    assert read.get("daily_hours") == hours and "overtime_hours_per_day" not in read


def test_a_death_in_the_screens_words_opens_with_the_death_steps(service: AnswerService) -> None:
    # 人走了 after 抢救 is a death to the safety screen; the answer must not treat it as an injury.
    answer = service.ask(
        "我叔在厂里上夜班，半夜在车间突然晕倒了，拉到医院抢救了一天，人还是走了，厂里说不关他们的事"
    )
    assert "家人在工作中去世" in answer.text and "先做这几件事：受了伤" not in answer.text
    assert answer.text.index("今天先别") < answer.text.index("**结论**")


# --- a dismissal is never lost behind the issue asked about ----------------------------------------


def test_a_dismissed_worker_without_a_contract_hears_the_dismissal_remedy_once(
    service: AnswerService,
) -> None:
    answer = service.ask("在快餐店干了七个月一直没签合同，前天店长说明天别来了，我能要什么钱")
    claims = answer.text.split("**你可以主张**", 1)[1].split("**", 1)[0]
    assert "二倍工资" in claims  # the issue asked about
    assert claims.count("第八十七条") == 1 and "赔偿金" in claims  # and the dismissal, said once


def test_a_worker_still_employed_is_not_told_about_unlawful_dismissal(service: AnswerService) -> None:
    answer = service.ask("在快餐店干了七个月一直没签合同，现在还在干，我能要什么钱")
    claims = answer.text.split("**你可以主张**", 1)[1].split("**", 1)[0]
    assert "你是被单位辞退的" not in claims


def test_a_double_wage_from_years_ago_is_not_promised_without_the_time_limit(service: AnswerService) -> None:
    answer = service.ask("在电子厂干了3年一直没签合同，月工资5000，上个月被辞退了，能要双倍工资吗")
    first = conclusion(answer)
    assert first.startswith("要看时效") and "无固定期限" in first


def test_a_recent_double_wage_is_still_counted(service: AnswerService) -> None:
    answer = service.ask("在电子厂干了8个月一直没签合同，月工资5000，上个月被辞退了，能要双倍工资吗")
    assert conclusion(answer).startswith("能要") and "35000" in conclusion(answer)


def test_an_assessed_grade_is_answered_with_the_benefits_not_the_emergency(service: AnswerService) -> None:
    answer = service.ask("我爸工伤鉴定成了三级伤残，他能享受哪些待遇")
    first = conclusion(answer)
    assert "申请工伤认定" not in first and "伤残" in first
    assert "先做这几件事：受了伤" not in answer.text


# --- agreed pay beyond the base wage withheld (年终奖, 提成, 绩效奖金): wages, owed on their conditions -----


@pytest.mark.parametrize(
    "text",
    [
        "入职时说好干满一年发两个月工资做年终奖，我干满了，公司说今年效益不好不发了，能要吗",
        "厂里说好的全勤奖，我这个月一天没请假，主管说不发就不发了，这钱能要吗",
        "销售提成按合同是回款后下月发，三个月的提成一万八到现在没给，我能要回来吗",
    ],
)
def test_a_withheld_bonus_or_commission_is_pay_owed(service: AnswerService, text: str) -> None:
    got = conclusion(service.ask(text))
    assert "劳动报酬" in got or "工资" in got
    assert "年休假" not in got and "辞职" not in got[:20]


def test_a_bonus_withheld_after_leaving_depends_on_its_conditions(service: AnswerService) -> None:
    got = conclusion(service.ask("干了快一年，12月初离职了，说好的年终奖公司说人走了就不发，合法吗"))
    assert got.startswith("要看") and "离开" in got and "在职" in got


# --- a death on the way to or from work: only a traffic (or rail, ferry, train) accident counts ------


def test_a_sudden_death_on_the_way_home_is_not_simply_a_work_death(service: AnswerService) -> None:
    answer = service.ask("我老公下夜班的路上突发心梗走了，这算工伤吗")
    assert "一般算" not in answer.text
    assert "交通事故" in answer.text and "突发疾病" in answer.text


def test_a_death_at_the_post_is_still_a_work_death(service: AnswerService) -> None:
    got = conclusion(service.ask("我爸在车间干活时被机器绞进去，人没了，这算工伤吗"))
    assert got.startswith("一般算")


def test_a_fall_on_the_way_home_is_not_promised_a_work_injury(service: AnswerService) -> None:
    got = conclusion(service.ask("下班回家的路上自己在台阶上滑倒摔伤了脚踝，这个能算工伤吗"))
    assert not got.startswith("能") and "交通事故" in got and "不能认定" in got


def test_the_amount_for_a_death_on_the_way_home_comes_after_whether_it_counts(service: AnswerService) -> None:
    got = conclusion(service.ask("我哥下夜班的路上突然心脏病走了，算工伤吗？能赔多少钱？"))
    assert got.startswith("先要看能不能认定工亡") and "突发疾病" in got


# --- the contract ended for an illness: barred inside the medical period, N (+1) after it ----------------


def test_an_ending_after_the_medical_period_opens_with_what_is_owed(service: AnswerService) -> None:
    got = conclusion(
        service.ask("在厂里干了4年，月薪6000，生病住院三个月，医疗期满后厂里说要解除合同，能拿多少")
    )
    assert "24000" in got and "1个月工资" in got and "医疗期内" in got


def test_the_length_of_the_medical_period_is_still_answered_as_asked(service: AnswerService) -> None:
    got = conclusion(service.ask("我生病住院了，医疗期有多长"))
    assert "医疗期" in got and "经济补偿" not in got


# --- a dismissal whose ground is not said: the remedy for each ground, with the worker's figures ----------


def test_a_dismissal_without_a_stated_ground_gets_each_grounds_remedy(service: AnswerService) -> None:
    got = conclusion(service.ask("在公司干了3年，月工资5000，公司把我辞退了，我可以要求什么赔偿？"))
    assert got.startswith("要看") and "30000" in got and "15000" in got and "没有补偿" in got


def test_a_dismissal_on_the_spot_is_still_called_unlawful(service: AnswerService) -> None:
    got = conclusion(service.ask("干了3年月薪5000，老板今天突然叫我明天别来了，也没提前通知，能要多少赔偿"))
    assert "违法" in got and "30000" in got


@pytest.mark.parametrize(
    "text", ["经济补偿是不是最多只能算12年？我干了18年", "被违法辞退，赔偿金也是12年封顶吗"]
)
def test_the_twelve_year_cap_is_answered_with_its_condition(service: AnswerService, text: str) -> None:
    got = conclusion(service.ask(text))
    assert got.startswith("要看你的工资") and "3倍" in got and "不封顶" in got


def test_the_last_weeks_pay_after_leaving_is_owed_in_full(service: AnswerService) -> None:
    got = conclusion(service.ask("我上个月辞职了，老板说没干满一个月不给工资，合法吗"))
    assert got.startswith("不合法") and "一次结清" in got and "解除劳动合同" not in got


def test_a_worker_still_in_the_job_owed_wages_may_leave_and_claim(service: AnswerService) -> None:
    got = conclusion(service.ask("公司拖欠我三个月工资了，我能辞职要经济补偿吗"))
    assert got.startswith("能") and "经济补偿" in got
