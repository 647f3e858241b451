"""Session 10 (fix10b): defects other engineers found and left, mended by class.

- hurt at work by someone outside the employer (a driver, a customer, a robber): the injury at work leads
  (工伤保险条例 14(1)/(3)) with the civil claim against that person alongside (最高法工伤行政规定 8), never
  民法典 1192 nor the employer-violence steps (劳动合同法 38, 88) — 1192 stays where a household hired;
- a death told with an accident gets no sudden-illness reasoning (15(1), 48 小时); a death from illness does;
- a claim presumes the fact it pays for (owed wages, a resignation): listed only when that fact is told;
- a relative asking is asked about the worker in the third person (他/她是哪天受的伤), never 你.

Questions are the team's own, asked through the real answer service."""

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.consult.plan import about_relative

TODAY = date(2026, 12, 5)


# --- facts -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "third_party"),
    [
        ("我在面包店站柜台，一辆小车冲进店里把我撞伤了", True),
        ("我送快递的时候被一个顾客打伤了鼻子", True),
        ("晚上值班时遇到抢劫，我被歹徒砍伤了", True),
        ("我在车间干活被冲床压伤了手", None),  # the work itself did the harm
        ("组长因为我顶嘴把我打伤了", None),  # the employer's people: its violence, not a third party's
        ("我是货车司机，装货时从车斗上摔下来骨折了", None),  # the worker's own job, not another driver
    ],
)
def test_harm_by_someone_outside_the_employer_is_read_in_its_clause(
    question: str, third_party: bool | None
) -> None:
    assert extract_facts([question], TODAY).get("third_party_harm") == third_party


@pytest.mark.parametrize(
    ("question", "owed"),
    [
        ("老板一直拖着我们的工钱不给", True),
        ("我们十几个人在工地上讨薪", True),
        ("干完活老板不给钱", True),
        ("工资拖了两个月了", True),
        ("我在工地干活，从楼上摔下来了", None),
    ],
)
def test_wages_owed_are_read_only_when_told(question: str, owed: bool | None) -> None:
    assert extract_facts([question], TODAY).get("wages_owed") == owed


def test_a_question_to_a_relative_speaks_of_the_worker() -> None:
    assert about_relative("你是哪天受的伤？", "老公") == "他是哪天受的伤？"
    assert about_relative("你是哪天受的伤？", "妈") == "她是哪天受的伤？"


# --- answers -----------------------------------------------------------------------------------------


def test_a_shop_worker_hit_by_a_driver_is_answered_on_the_work_injury_route(service: AnswerService) -> None:
    text = service.ask("我在一家水果店当店员，上班时一个司机倒车撞进店里，把我的腿撞骨折了，怎么办").text
    assert "工伤认定" in text
    assert "第一千一百九十二条" not in text  # no private employer was told
    assert "给私人干活受伤" not in text
    assert "民事赔偿" in text and "工伤保险行政案件若干问题的规定》第八条" in text


def test_a_courier_beaten_by_a_customer_is_a_work_injury_not_the_employers_violence(
    service: AnswerService,
) -> None:
    text = service.ask("我是快递员，派件的时候被一个客户打伤了头，能算工伤吗").text
    assert "第十四条第（三）项" in text
    assert "第八十八条" not in text and "单位殴打" not in text
    assert "算工伤" in text


def test_a_household_hire_hurt_by_a_third_party_stays_on_the_private_employment_route(
    service: AnswerService,
) -> None:
    text = service.ask("我在雇主家里当保姆，帮雇主去买菜的路上被一辆电动车撞伤了，谁来赔").text
    assert "第一千一百九十二条" in text


def test_a_death_by_accident_gets_no_sudden_illness_reasoning(service: AnswerService) -> None:
    text = service.ask("我哥在厂里被行车吊下来的钢板砸中，人没了，厂里说给十万，我们怎么办").text
    assert "工亡" in text
    assert "48小时" not in text and "突发疾病" not in text


def test_a_death_from_illness_at_the_post_keeps_the_48_hours(service: AnswerService) -> None:
    text = service.ask("我爸在厂里上夜班时突发脑溢血，送医院抢救了一天还是走了，我们怎么办").text
    assert "48小时" in text


def test_a_site_death_claims_no_owed_wages_unless_told(service: AnswerService) -> None:
    untold = service.ask("我弟在工地从塔吊上掉下来摔死了，老板说给三十万，我们该怎么办").text
    assert "被拖欠的全部工资" not in untold and "第八十五条" not in untold
    assert "拒绝冒险作业" not in untold.split("**你可以主张**")[-1].split("**")[0]


def test_owed_wages_on_a_site_are_still_claimed(service: AnswerService) -> None:
    text = service.ask("我们在工地干了半年，包工头拖欠工资不给，能找谁要").text
    assert "被拖欠的全部工资" in text


def test_a_relative_is_asked_about_the_worker_in_the_third_person(service: AnswerService) -> None:
    text = service.ask("我爸给私人家里装修的时候从梯子上摔下来了，雇主该不该赔").text
    asked = text.split("**还需要确认**：")[1].split("告诉我")[0]
    assert "他是哪天" in asked and "你" not in asked
