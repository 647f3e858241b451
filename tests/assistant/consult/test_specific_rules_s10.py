"""Session 10 (lawyers' classes on unseen questions): a specific rule decides where a general one was
applied, the asker is read right, and no premise the worker did not give is assumed.

- hourly / part-time work (劳动合同法 68-72) is answered on its own rules, not the overtime limits;
- years across a move the employer arranged (外包 → 直签, 关联公司) add up (劳动合同法实施条例 10);
- a death told with nothing of work, or off shift, is not called a work death (工伤保险条例 15(1) against
  社会保险法 17);
- an employer or a labour contractor asking is told its duties, not the injured worker's steps;
- a boss who has fled is not asked to write down the debt; on a building site the general contractor pays.

Questions are the team's own, asked through the real answer service."""

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def conclusion(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


# --- facts -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "part_time"),
    [
        ("我在饭店做小时工，一天干三个钟头", True),
        ("我是钟点工，老板不要我了", True),
        ("我白天在厂里上班，晚上兼职送外卖，厂里把我辞退了", None),  # the case is the full-time job
    ],
)
def test_part_time_work_is_read_unless_it_is_a_side_job(question: str, part_time: bool | None) -> None:
    assert extract_facts([question], TODAY).get("part_time") == part_time


def test_two_spans_around_a_move_the_employer_arranged_add_up() -> None:
    facts = extract_facts(
        ["我先在劳务公司被派到电子厂干了4年，后来厂里让我们直接跟厂里签合同，又干了3年，现在被辞退了"], TODAY
    )
    assert facts.get("earlier_employer_months") == 48.0
    assert facts.get("service_months") == 84.0


@pytest.mark.parametrize(
    ("question", "off_work"),
    [
        ("我弟晚上十点下班回出租屋，半夜突然没了呼吸，人去世了", True),
        ("他不是因工去世的，是在老家病故的", True),
        ("我老公下班回家路上被货车撞了，第二天凌晨去世", None),  # a commute accident is 14(6)
    ],
)
def test_a_death_off_shift_is_read_as_not_at_work(question: str, off_work: bool | None) -> None:
    assert extract_facts([question], TODAY).get("not_at_work") == off_work


@pytest.mark.parametrize(
    ("question", "fled"),
    [
        ("包工头卷钱跑了，工钱一分没给", True),
        ("老板联系不上了", True),
        ("我跑了好几趟劳动局，老板还是不给钱", None),
    ],
)
def test_a_boss_who_fled_is_read_only_when_told(question: str, fled: bool | None) -> None:
    assert extract_facts([question], TODAY).get("boss_absconded") == fled


# --- answers -----------------------------------------------------------------------------------------


def test_an_hourly_worker_let_go_is_answered_on_the_part_time_rules(service: AnswerService) -> None:
    text = conclusion(
        service, "我在便利店做小时工，每天干4个小时，干了一年多，老板说明天不用来了，能要补偿吗"
    )
    assert "第七十一条" in text and "经济补偿" in text
    assert "加班" not in text


def test_years_before_an_outsourcing_to_direct_hire_move_count(service: AnswerService) -> None:
    text = conclusion(
        service,
        "我先在劳务公司被派到电子厂干了4年，后来厂里让我们直接跟厂里签合同，又干了3年，现在被辞退了，补偿按几年算",
    )
    assert "合并计算" in text and "84个月" in text and "7个月工资" in text
    assert "《劳动合同法实施条例》第十条" in text


def test_a_death_after_the_shift_is_not_called_a_work_death(service: AnswerService) -> None:
    text = conclusion(service, "我弟晚上十点下班回出租屋，半夜人就没了，这算工伤吗")
    assert text.startswith("一般不算")
    assert "这是工亡" not in text
    assert "第十七条" in text  # 社会保险法 17: what the family does get


def test_a_death_benefit_asked_with_nothing_of_work_splits_work_and_non_work_death(
    service: AnswerService,
) -> None:
    answer = service.ask("职工病死了，家属能领什么抚恤金，标准是多少")
    text = opening(answer.text)[1]
    assert text.startswith("先分清是不是因工死亡")
    assert "《社会保险法》第十七条" in text
    assert "这是工亡" not in answer.text


def test_a_work_death_is_still_told_first_not_to_sign(service: AnswerService) -> None:
    text = conclusion(service, "我老公在工地上被掉下来的钢管砸中去世了，老板让今天就签协议，怎么办")
    assert text.startswith("今天先别签字。这是工亡")


def test_a_non_work_death_settlement_points_to_the_pension_fund(service: AnswerService) -> None:
    text = conclusion(service, "我爸不是因工去世的，单位拿来一份赔偿协议让我们签，能签吗")
    assert text.startswith("不是因工死亡的")
    assert "《社会保险法》第十七条" in text
    assert "工伤认定和伤残鉴定" not in text


def test_an_employer_asking_about_an_injury_is_told_its_duties(service: AnswerService) -> None:
    text = conclusion(service, "我们公司有个员工在车间被机器夹伤了手，公司要怎么处理，算工伤吗")
    assert "单位要在受伤之日起30日内" in text and "第六十二条第二款" in text
    assert "你本人、家属" not in text


def test_a_labour_contractor_asking_learns_who_bears_the_injury(service: AnswerService) -> None:
    text = conclusion(service, "我是包工头，手下一个工人在工地干活摔伤了腰，我要承担什么")
    assert "把活包给你的那家公司" in text and text.startswith("一般能认定工伤")
    assert "第三条第一款第（四）项" in text


def test_an_employer_dismissing_in_probation_is_told_what_it_must_prove(service: AnswerService) -> None:
    text = conclusion(service, "我们公司有个员工试用期表现不好，想辞退他，要给补偿吗")
    assert text.startswith("要看你能不能证明")
    assert "第三十九条第（一）项" in text
    assert "单位辞退你" not in text


def test_an_employer_whose_worker_resigned_is_answered_as_the_employer(service: AnswerService) -> None:
    text = conclusion(service, "我是老板，员工干了三年自己辞职了，还要给他补偿吗")
    assert text.startswith("一般不用")


def test_a_boss_fled_from_a_site_is_answered_with_who_else_pays(service: AnswerService) -> None:
    text = service.ask("工地老板跑了，欠我们十几个工友半年工资，怎么办").text
    first = opening(text)[1]
    assert "施工总承包单位先行清偿" in first and "工资保证金" in first
    steps = text.split("**下一步怎么做**")[1]
    assert "让包工头把欠每个人的数额写下来并签字" not in steps
    assert "让老板或工头写欠条" not in steps


@pytest.mark.parametrize(
    ("question", "months"),
    [
        ("公司在我入职7个月后无故把我辞退了", 7.0),
        ("进厂两年后被开除了", 24.0),
        ("入职3个月后转正了，现在干了一年", 12.0),
    ],
)
def test_the_time_served_up_to_the_ending_is_the_tenure(question: str, months: float) -> None:
    assert extract_facts([question], TODAY).get("service_months") == months


def test_a_relative_asking_about_an_injury_gets_the_familys_step(service: AnswerService) -> None:
    steps = service.ask("我老公在厂里干活手被机器绞了，厂里不管，我们家属能申请工伤认定吗").text
    steps = steps.split("**下一步怎么做**")[1]
    assert "家属可以替受伤的人申请" in steps and "亲属关系" in steps
    own = service.ask("我在厂里干活手被机器绞了，厂里不管，我能自己申请工伤认定吗").text
    assert "家属可以替受伤的人申请" not in own.split("**下一步怎么做**")[1]


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("我是非全日制的，公司半个月才结一次工资，还说每小时只给10块，合法吗", "多久结一次这一条合法"),
        ("我是非全日制的，公司一个月才结一次工资，合法吗", "不合法"),
    ],
)
def test_a_part_timers_pay_cycle_is_judged_on_the_cycle_told(
    service: AnswerService, question: str, start: str
) -> None:
    assert conclusion(service, question).startswith(start)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("我老婆在店里上班，被老板的亲戚无照驾驶的车撞伤了", None),  # the driver's licence, not the shop's
        ("他驾照被吊销了还开车把我撞了", None),
        ("老板的厂没营业执照，我在里面干活受伤了", "unlicensed"),
    ],
)
def test_only_the_employers_licence_makes_an_unlicensed_employer(question: str, kind: str | None) -> None:
    assert extract_facts([question], TODAY).get("employer_kind") == kind


def test_a_family_asking_how_to_act_on_an_off_shift_death_is_told_whether_it_is_work_first(
    service: AnswerService,
) -> None:
    text = conclusion(service, "我哥傍晚六点下班，半夜在出租屋里去世了，是工伤吗？家属可以自己申请吗")
    assert text.startswith(("先弄清是不是工伤", "一般不算"))
    assert "这是工亡" not in text and not text.startswith("不用等单位")
