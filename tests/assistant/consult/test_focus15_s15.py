"""The asked clause's object, and every asked part gets its sentence (session 15, issue 13: the classes
"answers a different question" and "part dropped"). A clause that points back (这样合法吗, 他们这么做合法吗) asks
about the acts told just before it: each the opening does not speak for gets its verdict; a part that names
its topic only by the taxonomy's words (这个算工伤吗) is answered, not dropped. Look-alikes keep their openings."""

from pathlib import Path

import pytest

from assistant.answer import AnswerService
from assistant.consult.guides import GuideError
from assistant.consult.referents import load_referents, parse_referents
from eval.consult_metrics import opening


def _conclusion(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


# --- the words that point back -------------------------------------------------------------------------


def test_a_demonstrative_of_an_act_points_back_and_one_of_time_does_not() -> None:
    words = load_referents()
    assert words.refers("这样合法吗")
    assert words.refers("他们这么做合法吗")
    assert words.refers("公司的做法对不对")
    assert not words.refers("这个月工资什么时候发")
    assert not words.refers("干了这么多年能拿多少")
    assert not words.refers("能要多少钱")


def test_the_table_must_list_its_words(tmp_path: Path) -> None:
    with pytest.raises(GuideError):
        parse_referents({"refer": {"words": []}})
    with pytest.raises(GuideError):
        parse_referents({})


# --- the asked clause's object opens -------------------------------------------------------------------


def test_this_asked_after_a_second_sentence_answers_that_sentences_act(service: AnswerService) -> None:
    # 这样 points to the fine told right before it: its verdict is said, beside the opening.
    conclusion = _conclusion(service, "厂里一直没给我们交社保。现在又规定迟到一次罚五十，这样合法吗")
    assert "罚款不在其中" in conclusion


def test_a_verdict_asked_of_two_acts_told_together_answers_both(service: AnswerService) -> None:
    conclusion = _conclusion(service, "单位收了我们每人500块押金，也没给交社保，这样合法吗？")
    assert "押金" in conclusion and "必须为职工交社会保险" in conclusion
    assert conclusion.startswith("不合法")


def test_an_act_outside_the_chain_of_acts_is_background(service: AnswerService) -> None:
    # 摔下来骨折了 is why the dismissal matters, not one more act asked about: no 是不是工伤 sentence.
    conclusion = _conclusion(
        service, "在工地干活从脚手架上摔下来骨折了，单位说医疗期只有三个月，到期就辞退，能这样吗"
    )
    assert "应当认定为工伤" not in conclusion


def test_a_clause_that_names_its_own_object_keeps_it(service: AnswerService) -> None:
    # 扣我身份证 is named in the asked clause itself: the deposit told before is not what is asked.
    conclusion = _conclusion(
        service, "一直没签合同，进厂时交了500块押金，身份证也被扣着，他们扣我身份证这样合法吗？"
    )
    assert conclusion.startswith("不合法") and "身份证" in conclusion
    assert "押金" not in conclusion.split("。")[1]


def test_a_single_topic_question_keeps_its_opening(service: AnswerService) -> None:
    conclusion = _conclusion(service, "我在厂里干了三年，社保一直没交，老板说这是我自己同意的，这样合法吗")
    assert conclusion.startswith("不合法。单位必须为职工交社会保险")


def test_a_month_named_with_this_is_not_a_reference(service: AnswerService) -> None:
    conclusion = _conclusion(service, "这个月工资还没发，老板说下个月一起发，这样合法吗")
    assert conclusion.startswith("不合法") and "工资" in conclusion


# --- every asked part gets its sentence ----------------------------------------------------------------


def test_is_it_a_work_injury_asked_beside_how_to_be_paid_is_answered_first(service: AnswerService) -> None:
    conclusion = _conclusion(
        service, "搬货时被叉车撞了脚，骨头裂了，医生让休息两个月。这个算工伤吗？单位该怎么赔？"
    )
    assert "应当认定为工伤" in conclusion and "伤残等级" in conclusion
    assert conclusion.index("应当认定为工伤") < conclusion.index("伤残等级")


def test_a_part_is_not_filled_with_another_point_of_its_topic(service: AnswerService) -> None:
    # 能评上伤残吗 names the benefits guide, whose first verdict is the wage while off work: not its answer.
    conclusion = _conclusion(service, "被钢筋砸伤了头，缝了六针，能评上伤残吗？大概赔多少？")
    assert "应当照发" not in conclusion
