"""Session 15 (gaps15, issue 13): the object asked inside a topic, not the topic's stock answer
(corpus/consult/asked_points.toml: contract_expiry_protected, commercial_insurance_injury,
no_contract_sign_after_year). Look-alikes keep their own answers. Questions written for these tests, asked
through the real answer service."""

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


# --- it fires -----------------------------------------------------------------------------------------


def test_contract_expiring_while_nursing_runs_on_not_nursing_hours(service: AnswerService) -> None:
    first = _opening(service, "老婆生完孩子还在喂奶，单位说劳动合同期满了要终止，这样合法吗")
    assert first.startswith("现在不能终止") and "第四十五条" in first
    assert "哺乳时间" not in first


def test_expiry_found_only_by_meaning_still_opens_with_the_extension(service: AnswerService) -> None:
    first = _opening(
        service, "我在哺乳期，孩子才8个月，合同下个月就到期了，公司说到期就不续了，合同是不是自动结束？"
    )
    assert first.startswith("现在不能终止")
    assert "两个方面" not in first


def test_employer_asking_of_a_nursing_worker_is_told_it_cannot_end_at_expiry(service: AnswerService) -> None:
    first = _opening(service, "我们公司有个员工合同到期时正在哺乳期，企业可以不续签吗")
    assert first.startswith("不能到期就终止") and "第四十五条" in first
    assert not first.startswith("可以不续签")


def test_injury_claim_after_employer_liability_insurance_paid_is_yes(service: AnswerService) -> None:
    first = _opening(service, "工地上受伤了，公司买的雇主责任险已经赔了我三万，我还能申请工伤吗")
    assert "工伤照样能认定" in first and "第十七条第二款" in first


def test_a_year_without_contract_asking_how_to_sign_gets_the_deemed_contract(service: AnswerService) -> None:
    first = _opening(service, "在公司干了一年半一直没签合同，现在想让公司补签，怎么才能签上")
    assert "无固定期限劳动合同" in first and "第十四条第三款" in first
    assert (
        "对方催你签字" not in service.ask("在公司干了一年半一直没签合同，现在想让公司补签，怎么才能签上").text
    )


# --- look-alikes keep their own answers ---------------------------------------------------------------


def test_nursing_hours_asked_without_expiry_keep_the_nursing_answer(service: AnswerService) -> None:
    first = _opening(service, "我在哺乳期，公司每天给多长时间喂奶")
    assert "1小时" in first


def test_an_expiry_without_pregnancy_keeps_the_general_rule(service: AnswerService) -> None:
    first = _opening(service, "合同下个月到期了，公司说不续签，能不续吗")
    assert not first.startswith("现在不能终止")


def test_pressure_to_sign_today_is_still_read(service: AnswerService) -> None:
    assert "对方催你签字" in service.ask("人事让我现在就把解除协议签了，不签就不给工资，怎么办").text


def test_insurance_the_employer_never_bought_is_the_social_insurance_make_up(service: AnswerService) -> None:
    first = _opening(service, "干了两年公司一直没给我们买保险，现在能让他补吗")
    assert first.startswith("先去投诉，让单位补缴") and "不能代替" not in first


def test_insurance_not_bought_with_an_injury_told_keeps_the_injury_answer(service: AnswerService) -> None:
    text = service.ask("公司没给我买保险，我上班摔伤了，怎么办").text
    assert "让单位补缴" not in opening(text)[1]


def test_insurance_not_bought_for_a_worker_in_hospital_keeps_who_pays(service: AnswerService) -> None:
    text = service.ask("人还在医院躺着，腿可能保不住了，老板说没买保险，医药费谁出").text
    assert "让单位补缴" not in opening(text)[1]
