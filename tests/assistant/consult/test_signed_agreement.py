"""A worker who has already signed an agreement ending the job and asks whether anything can still be
claimed is answered on what the law owes for that ending, with their own years — not only "it is hard
once signed", which can make a worker give up a claim (session 10, a class lawyers found harmful)."""

from datetime import date

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


def test_an_ending_the_employer_announced_and_an_agreement_recorded_was_proposed_by_the_employer() -> None:
    told = extract_facts(["老板说下个月不用来了，叫我签了份协商解除的协议"], date(2026, 12, 5)).values()
    assert told.get("proposed_by") == "employer"
    feared = extract_facts(["怕被辞退，先签了离职协议"], date(2026, 12, 5)).values()
    assert feared.get("proposed_by") != "employer"


def test_signed_after_the_employer_ended_the_job_gets_the_severance_owed(service: AnswerService) -> None:
    opening = _opening(
        service,
        "厂里说效益不好不用来了，让我签了解除协议，月工资6000，干了5年，只给了我3000块，签完了还能要吗",
    )
    assert opening.startswith("能争取。是单位提出")
    assert "30000元" in opening and "5个月工资" in opening  # 5 years at 6,000
    assert "第四十六条第（二）项" in opening and "第三十五条第二款" in opening


def test_years_without_a_wage_still_give_the_months(service: AnswerService) -> None:
    opening = _opening(service, "公司把我辞了，然后让我签了离职协议，我在那里干了八年，签了字还能再要钱吗")
    assert opening.startswith("能争取。是单位提出") and "8个月工资" in opening


def test_a_worker_who_proposed_the_ending_is_told_severance_is_not_owed(service: AnswerService) -> None:
    opening = _opening(service, "是我自己先提出要走的，跟公司签了协商解除协议，签完还能要经济补偿吗")
    assert opening.startswith(
        ("一般不能再要经济补偿", "经济补偿一般要不回了", "没有")
    )  # the agreement's or the severance guide's verdict
    assert "能争取" not in opening and "第四十六条第（二）项" in opening


# Session 11: the signature told in any order or wording (协议…签好字了, 在协议上按了手印) is the case, and the
# agreement guide answers before the dismissal or severance template — which had told a worker who had signed
# to claim 2N and "别签" (the lawyers' harmful class on unseen questions).


def test_a_signature_told_in_any_order_is_read_and_a_request_or_supposition_is_not() -> None:
    def signed(question: str) -> object:
        return extract_facts([question], date(2026, 12, 5)).values().get("agreement_signed")

    assert signed("解除合同的协议书我上周已经签好字了") is True
    assert signed("我在协商解除协议上按了手印") is True
    assert signed("店长让我签了离职协议") is True
    assert signed("单位让我签离职协议，要不要签") is None
    assert signed("如果签了离职协议还能要补偿吗") is None
    assert signed("我签了三年的劳动合同") is None
    assert signed("去年签了实习协议，现在单位拖着工资不发") is None  # an agreement that ends nothing


def test_signed_and_asking_to_claim_opens_on_what_the_signature_settled(service: AnswerService) -> None:
    for question in (
        "店里说不需要我了，解除合同的协议书我上周签好字了，还能找他们要钱吗",
        "在协商解除协议上按了手印，我现在后悔了，还可以要补偿吗",
    ):
        text = service.ask(question).text
        first = opening(text)[1]
        assert first.startswith("能争取"), first
        assert "第三十五条" in first and "第二款" in first and "第四十六条第（二）项" in first
        # Nothing tells a worker who has signed not to sign, nor that signing lost the claim.
        assert "先别签" not in text and "签了就很难再主张" not in text, text


def test_not_yet_signed_is_still_told_to_stop_before_signing(service: AnswerService) -> None:
    first = _opening(service, "经理拿来一份离职协议让我今天签，我要不要签")
    assert first.startswith(("先别急着签", "先别签"))
