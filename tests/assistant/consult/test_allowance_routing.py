"""A question about an allowance or subsidy (餐补, 住房补贴, 夜班补助) is answered on that pay item — owed as
agreed, social insurance no set-off — not opened with unpaid social insurance or the arbitration time limit
because 交了社保 or 被辞退了 was told in passing (session 11, class T)."""

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


def test_an_allowance_asked_beside_paid_insurance_is_not_answered_with_unpaid_insurance(
    service: AnswerService,
) -> None:
    text = _opening(service, "单位社保一直给我交着，就是说好的夜班补贴三个月没发了，这个能要吗")
    assert text.startswith("要看约定") and "第四条第（四）项" in text and "第三十条第一款" in text
    assert "不交是违法" not in text and "社会保险登记" not in text


def test_an_allowance_asked_after_a_dismissal_is_answered_on_the_allowance(service: AnswerService) -> None:
    text = _opening(service, "上个月被公司辞退了，之前每个月的住房补贴公司停了半年，现在还能要回来吗")
    assert text.startswith("能要，离职了也能要") and "第二十七条第四款" in text


def test_a_social_insurance_subsidy_stays_with_the_social_insurance_guide(service: AnswerService) -> None:
    text = _opening(service, "公司不给交社保，每月多发两百块社保补贴，这样合法吗")
    assert text.startswith("不合法") and "社会保险" in text
