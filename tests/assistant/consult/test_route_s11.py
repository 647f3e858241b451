"""Session 11 (route11): the relationship and the route decided before the answer, third parties, and the
asker — classes R, F (a third party's share) and W that lawyers found on unseen answers.

- the civil route: a household or a private person named as the hirer is 民法典 1192, said outright; a hire
  off the street (劳务市场, 打零工) opens with who hired and the deciding question; the civil route asked where
  a unit hired is answered with the 工伤 route, not the arbitration procedure;
- a third party: a co-worker's beating is not the employer's violence; the employer's own beating asked
  算工伤吗 is answered on 工伤 (14(3)); 能报警吗 after a beating is answered yes, not with the wage crime; a
  liability share told (对方负70%) decides 14(6) and what the other side owes;
- the asker: 单位想辞退我 and 我开了三年货车 are the worker; 我们公司想辞退一个员工 is the employer.

Questions are the team's own, asked through the real answer service."""

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def _told(question: str) -> dict[str, object]:
    return extract_facts([question], TODAY).values()


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


# --- the asker ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "asker"),
    [
        ("单位想辞退我，我该怎么办", None),
        ("公司想辞退我们几个老员工，能要补偿吗", None),
        ("公司要辞退，说我业绩差，给多少补偿", None),  # the asker's own case, object left out
        ("我开了三年货车，公司从来不给加班费", None),  # a driver, not one who runs a business
        ("我们公司想辞退一个员工，要给多少补偿", "employer"),
        ("我开了一家小饭馆，员工上班时烫伤了手", "employer"),
        ("我家装修请的师傅从梯子上摔下来了，我要赔多少", "employer"),
        ("我是一家人力资源公司，派到酒店的员工滑倒摔伤了，谁负责", "employer"),
        ("我是一个小承包商，手下工人从架子上摔下来了", "employer"),
        ("工人干活时摔伤了腰，我方已经送医，应该赔付工人多少", "employer"),
        ("我是老板的司机，送货时被车撞了", None),  # the boss's driver, not the boss
        ("我是包工头手下的小工，干活摔伤了", None),
        ("我是公司员工，被辞退了", None),
    ],
)
def test_the_asker_is_the_worker_unless_the_employer_speaks_of_another(
    question: str, asker: str | None
) -> None:
    assert _told(question).get("asker") == asker


def test_a_spouse_told_with_的_is_a_relative_asking() -> None:
    told = _told("我的老婆在厂里上班时被叉车撞伤了，能赔多少")
    assert told.get("asker") == "family" and told.get("relation") == "老婆"


def test_a_worker_the_employer_wants_to_dismiss_is_not_addressed_as_the_employer(
    service: AnswerService,
) -> None:
    text = service.ask("单位想辞退我，我该怎么办").text
    assert "你是用人单位一方" not in text


# --- who hired: a household, a private person, a hire off the street ---------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "casual"),
    [
        ("我给一户人家装修，从梯子上摔下来了", "private_person", None),
        ("在劳务市场被人叫去卸货，从车上摔下来了", None, True),
        ("平时打零工，帮人搬家扭伤了腰", None, True),
        ("在劳务市场找活，被叫去工地搬砖摔伤了", None, None),  # a site: the contractor chain decides
        ("在厂里打零工，手被机器压伤了", None, None),
    ],
)
def test_who_hired_is_read_where_it_decides_the_route(
    question: str, kind: str | None, casual: bool | None
) -> None:
    told = _told(question)
    assert told.get("employer_kind") == kind
    assert told.get("casual_hire") == casual


def test_a_household_hire_is_told_the_civil_route_outright(service: AnswerService) -> None:
    first = _opening(service, "我给一户人家装修，从梯子上摔下来，房主不管，我能告他吗")
    assert first.startswith("能") and "不算工伤" in first
    assert "第一千一百九十二条" in first and "先分清" not in first


def test_a_home_help_asking_who_pays_is_told_the_household_pays_by_fault(service: AnswerService) -> None:
    first = _opening(service, "我是住家保姆，在主家擦窗户时摔伤了，谁赔")
    assert first.startswith("能，找雇你的人赔") and "过错" in first and "先分清" not in first


def test_a_hire_off_the_street_opens_with_who_hired_and_the_deciding_question(service: AnswerService) -> None:
    text = service.ask("我在劳务市场被一个老板叫去卸货，干了一天，从车上摔下来腿骨折了，能告他要赔偿吗").text
    first = opening(text)[1]
    assert "谁给你发的工钱" in first and "公司还是个人" in first
    assert "第一千一百九十二条" in first and "第十七条第二款" in first
    # No 工伤 route promised before the hirer is known.
    assert "单位应当在30日内为你申请工伤认定" not in text


def test_the_civil_route_asked_where_a_site_hired_is_answered_with_the_work_injury_route(
    service: AnswerService,
) -> None:
    first = _opening(service, "在工地干活被钢管砸伤了，我想直接起诉老板要人身损害赔偿，行吗，还是只能走工伤")
    assert first.startswith("一般不能绕开工伤") and "工伤认定" in first
    assert "先申请仲裁" not in first


# --- a third party ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "third_party"),
    [
        ("同事在车间跟我吵架，把我打伤了", True),
        ("工友喝多了拿酒瓶把我打伤了", True),
        ("工友和组长一起把我打了", None),  # the employer's people among them
        ("同事被机器压伤了", None),  # no one did harm
    ],
)
def test_a_co_workers_beating_is_a_third_partys(question: str, third_party: bool | None) -> None:
    assert _told(question).get("third_party_harm") == third_party


def test_a_co_workers_beating_is_not_answered_as_the_employers_violence(service: AnswerService) -> None:
    text = service.ask("同事在车间跟我吵架把我打伤了，能找谁赔").text
    assert "第十四条第（三）项" in text
    assert "单位殴打" not in text and "单位用暴力" not in text


def test_beaten_by_the_boss_and_asking_about_work_injury_gets_the_work_injury_answer(
    service: AnswerService,
) -> None:
    first = _opening(service, "老板打伤了我，算工伤吗")
    assert first.startswith("能申请工伤") and "第十四条第（三）项" in first
    assert "报警" in first and "第三十八条" in first


def test_asking_whether_to_call_the_police_after_a_beating_is_answered_yes(service: AnswerService) -> None:
    first = _opening(service, "去办公室要工资，主管叫两个人把我打了一顿，能报警吗")
    assert first.startswith("能，马上报警")
    assert "拒不支付劳动报酬罪" not in first


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("下班路上被电动车撞了，交警认定对方负70%责任", 70),
        ("被车撞了，交警说司机占七成责任", 70),
        ("上班路上跟人相撞，我负30%的责任", 70),
        ("下班路上出了车祸，交警判了同等责任", 50),
        ("社保我自己承担30%", None),  # no accident, no fault
    ],
)
def test_a_liability_share_is_read_as_the_other_sides(question: str, share: int | None) -> None:
    assert _told(question).get("other_party_share") == share


def test_a_share_told_decides_the_commute_injury_and_what_the_other_side_owes(service: AnswerService) -> None:
    first = _opening(service, "下班路上被电动车撞了，交警认定对方负70%责任，工伤还能报吗")
    assert first.startswith("能认定工伤") and "70%" in first
    assert "先看事故责任" not in first
    # Medical costs the other side paid are not paid twice (最高法工伤行政规定 8(3)).
    assert "不再重复付" in first and "工伤保险行政案件若干问题的规定》第八条" in first


def test_a_main_own_share_is_told_the_commute_injury_fails(service: AnswerService) -> None:
    first = _opening(service, "上班路上骑车和一辆小车相撞，交警定我负主要责任，对方负30%，算工伤吗")
    assert first.startswith("一般不能认定工伤") and "30%" in first


def test_a_platform_worker_hurt_by_a_third_party_is_asked_the_relation_before_work_injury(
    service: AnswerService,
) -> None:
    text = service.ask("我是外卖骑手，送餐路上被人抢劫捅伤了，算工伤吗").text
    assert opening(text)[1].startswith("要看你和")
    assert "劳动关系" in opening(text)[1]
    assert "属于工伤：单位应当在30日内" not in text


@pytest.mark.parametrize(
    "question",
    [
        "我是老板，厂里一个员工的手指被冲床切断了，现在在医院，我该怎么办",
        "我们是一家小公司，有个工人在车间干活时手被机器压伤了，住院了，我们该怎么办",
    ],
)
def test_an_employer_asking_about_its_injured_worker_is_told_its_own_duties(
    service: AnswerService, question: str
) -> None:
    text = service.ask(question).text
    assert opening(text)[1].startswith("先把工人送医治伤") and "30日内" in opening(text)[1]
    assert "为你申请" not in text and "你本人、家属或工会" not in text


def test_a_relative_asking_about_a_household_hire_is_not_told_you_were_hired(service: AnswerService) -> None:
    first = _opening(service, "我姐在一户人家当住家保姆，擦玻璃时从窗台上摔下来了，主家不肯赔，能找主家要吗")
    assert first.startswith("能，找雇人的主家赔") and "不算工伤" in first
    assert "雇你的人" not in first


def test_a_dispatch_agency_asking_about_an_injured_worker_is_told_its_liability(
    service: AnswerService,
) -> None:
    first = _opening(service, "我们是劳务派遣公司，派到工厂的一个员工在车间摔伤了，工伤该谁申请、谁负责")
    assert first.startswith("先由派遣公司负责") and "第十条第一款" in first
    assert "你本人或家属" not in first
