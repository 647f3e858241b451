"""Messages the topic lists missed, in our own wording (session 23, the lead, issues 13 and 14).

A first message that no topic phrase recognised (and, with a reading embedder, no issue's meaning) was told to
describe its case — even when the safety screen read a hand crushed by a press in it. Such a message tells a
case at work: it is answered as one (the safety block first). Written Cantonese is read in Mandarin (老细 →
老板, 出粮 → 发工资). A death wished in despair (不如死了算了) or an idiom (累死了) is nobody's death, for the
topics as for the facts. 硫酸 alone is a chemical at work, not a threat."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.escalation import decide

TODAY = date(2026, 12, 5)


def _conclusion(text: str) -> str:
    return text.split("**结论**", 1)[1].strip().split("\n\n", 1)[0]


@pytest.mark.parametrize("question", ["冲床切断手指", "整条胳膊卷没了"])
def test_a_short_message_telling_a_serious_injury_is_answered_as_a_work_injury(
    service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.recognized and answer.citations
    assert "工伤认定" in _conclusion(answer.text)


@pytest.mark.parametrize("question", ["老细唔出粮点算", "老细拖咗我人工"])
def test_written_cantonese_about_unpaid_wages_is_answered_about_wages(
    service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.recognized and answer.citations
    assert "仲裁" in _conclusion(answer.text) or "投诉" in _conclusion(answer.text)


@pytest.mark.parametrize("question", ["不如死了算了", "要他血债血偿"])
def test_despair_and_a_threat_by_the_worker_keep_the_safety_reply(
    service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.text.startswith("【安全提示】")
    assert answer.citations == [] and not answer.recognized


def test_a_request_for_a_person_keeps_its_reply(service: AnswerService) -> None:
    answer = service.ask("有真人吗")
    assert answer.citations == [] and "工会律师" in answer.text


def test_an_idiom_of_death_beside_unpaid_wages_is_a_wage_question(service: AnswerService) -> None:
    conclusion = _conclusion(service.ask("工地上累死了，老板还不发工资").text)
    assert "停工留薪期" not in conclusion and "工亡" not in conclusion
    assert "欠" in conclusion


@pytest.mark.parametrize("words", ["成天想着死了就一了百了，老板还是不发工资", "这日子还不如死了算了"])
def test_a_death_wished_in_despair_is_no_death_in_the_facts(words: str) -> None:
    assert extract_facts([words], TODAY).get("death") is None


def test_a_death_told_is_still_a_death() -> None:
    assert extract_facts(["我爸在工地上摔下来死了"], TODAY).get("death") is True


def test_acid_spilt_at_work_is_an_injury_and_acid_carried_at_someone_a_threat() -> None:
    spilt = decide("搬硫酸桶的时候漏了，两条腿都烧烂了", [], today=TODAY)
    assert "danger_violence" not in spilt.codes and "death_or_serious_injury" in spilt.codes
    assert "danger_violence" in decide("他说再去要钱就拿硫酸泼我", [], today=TODAY).codes


def test_the_death_banner_does_not_promise_work_death_benefits_for_a_death_at_home(
    service: AnswerService,
) -> None:
    text = service.ask("我爸周末在家里突发脑溢血走了，单位说不是工伤，家里能拿到什么钱").text
    banner = text.split("**结论**", 1)[0]
    assert "先别在任何协议上签字" in banner
    assert "家属依法能拿的待遇有法定标准" in banner and "工亡待遇" not in banner


@pytest.mark.parametrize(
    "question",
    [
        "怀孕五个月，单位找我谈协商解除，给我三个月工资，合法吗",
        "我在哺乳期，干了四年，公司找我协商解除劳动合同，合法吗",
    ],
)
def test_an_agreed_ending_in_pregnancy_or_nursing_is_not_called_unlawful(
    service: AnswerService, question: str
) -> None:
    # 42(4) bars the employer's own ending, not one she agrees to (36): after the blind reading, session 23.
    conclusion = _conclusion(service.ask(question).text)
    assert not conclusion.startswith("不合法") and "协商一致解除本身不违法" in conclusion
    assert "不同意" in conclusion and "经济补偿" in conclusion


def test_a_dismissal_in_pregnancy_is_still_unlawful(service: AnswerService) -> None:
    assert _conclusion(service.ask("我怀孕了，公司要辞退我，合法吗").text).startswith("不合法")


def test_an_agreed_ending_in_a_medical_period_is_not_called_barred(service: AnswerService) -> None:
    conclusion = _conclusion(service.ask("我在医疗期，公司跟我协商一致解除合同了，这样合法吗").text)
    assert conclusion.startswith("协商一致解除本身不违法")


def test_a_thing_broken_off_is_no_injury() -> None:
    assert extract_facts(["订单断了，厂里停工，让我们回家等通知"], TODAY).get("injured") is None
    assert extract_facts(["腿断了，厂里不管"], TODAY).get("injured") is True


def test_pay_in_a_stoppage_is_not_answered_with_the_injured_workers_pay(service: AnswerService) -> None:
    conclusion = _conclusion(
        service.ask("订单断了，厂里宣布停工停产，让我们回家等通知一个多月，这期间工资怎么算").text
    )
    assert "停工留薪期" not in conclusion and "第十二条" in conclusion


def test_a_childs_injury_is_not_sent_to_apply_for_work_injury_recognition(service: AnswerService) -> None:
    # A child under 16 at work is no 工伤 case (the unlawful employer's one-off compensation instead).
    conclusion = _conclusion(
        service.ask("我弟弟才15岁在饭馆后厨打工，手被烫伤了，老板只给了两百块就不管了").text
    )
    assert "要先申请工伤认定" not in conclusion


def test_a_private_boss_on_a_building_site_is_not_settled_as_a_personal_hire(service: AnswerService) -> None:
    # After the blind reading (session 23): the work most often came from a company (人社部意见 7).
    conclusion = _conclusion(
        service.ask("我在工地给私人老板干活，摔伤了腿，老板让我自己承担一部分责任，合理吗").text
    )
    assert conclusion.startswith("先别认") and "工伤认定" in conclusion and "1年内" in conclusion


def test_a_household_job_stays_a_personal_hire(service: AnswerService) -> None:
    conclusion = _conclusion(
        service.ask("我在一户人家帮忙装修，从梯子上摔下来，主家说按过错分担，合理吗").text
    )
    assert "不算工伤" in conclusion
