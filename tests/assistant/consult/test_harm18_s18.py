"""Answers that could cost a worker a right, fixed as classes (session 18, harm18), both ways, in our own wording:

- nursing asked by a worker whose grade is already set: apply to the appraisal committee for the 生活自理障碍
  assessment (工伤保险条例 22(3), 23, 34; re-assessment 28) — not arbitration; nursing while off work keeps its answer;
- a fee charged at hiring with a paper signed for part of it back: unlawful in itself, the whole sum ordered
  back (劳动合同法 9, 84(2)) — not a settlement to revoke; a dismissal settlement keeps its answer;
- an agency or a company named beside 东家 is not a household; a nanny placed by a 中介 still is;
- 我是劳务中介招去的 is the worker, not the agency asking;
- a graded worker (7–10) asking what a dismissal would bring: protected (劳动合同法 42(2)), 2N (48, 87), and the
  lump sums (工伤保险条例 37) — a grade asked alone keeps the tariff;
- dismissed without a contract and without insurance, asking what can be claimed: the double wage (82), the 2N
  and the insurance arrears (社会保险法 63) all in the opening's list — an insured worker hears no arrears."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService

from .planning import first_of


@pytest.mark.parametrize(
    "question",
    [
        "我五级伤残已经评完了，现在瘫在床上要人伺候，护理费能申请吗",
        "评了三级工伤以后一直没拿过生活护理费，该去哪里要",
        "尘肺病评了四级，这两年病重了离不开人照顾，护理费怎么弄",
    ],
)
def test_graded_worker_nursing_goes_to_the_appraisal_committee(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert first.startswith("生活护理费要先经鉴定确认")
    assert (
        "不是劳动仲裁" in first
        and "劳动能力鉴定委员会" in first
        and "生活自理障碍" in first
        and "50%" in first
    )
    assert "第二十八条" in service.ask(question).text


def test_nursing_before_any_grade_keeps_its_answer(service: AnswerService) -> None:
    first = first_of(service, "工伤住院期间家里人陪护，护理费谁出")
    assert not first.startswith("生活护理费要先经鉴定确认")
    assert "单位负责" in first


def test_graded_worker_asking_nursing_in_hospital_hears_the_employer_first(service: AnswerService) -> None:
    first = first_of(service, "我工伤八级，住院期间老婆陪护的护理费单位该给吗")
    assert first.startswith("治伤期间（停工留薪期）生活不能自理需要护理的，由单位负责")


@pytest.mark.parametrize(
    "question",
    [
        "进厂的时候交了400块押金，走的时候厂里让我签字只退200，剩下的能要吗",
        "入职交了工服费600，后来签了个协议同意只退一半，我亏了吗",
    ],
)
def test_hiring_fee_signed_for_part_is_still_unlawful(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert first.startswith("不合法，签了字也一样")
    assert "全部退还" in first and "第八十四条" in first
    assert "要过协议这一关" not in service.ask(question).text


def test_hiring_fee_without_a_signature_keeps_the_deposit_answer(service: AnswerService) -> None:
    first = first_of(service, "公司让新员工交500押金，这合法吗")
    assert first.startswith("不合法。单位招人")


def test_dismissal_settlement_signed_keeps_its_answer(service: AnswerService) -> None:
    first = first_of(service, "公司辞退我，让我签了离职协议只给了一个月工资，签了还能反悔吗")
    assert "签了字也一样" not in first


def test_agency_placed_worker_at_a_company_is_not_a_household_helper(service: AnswerService) -> None:
    first = first_of(service, "中介介绍我去东家干活，东家是家公司，两个月没发工资，能申请仲裁吗")
    assert "劳动仲裁" in first
    assert "直接给家庭或个人干活" not in first


def test_nanny_placed_by_an_agency_is_still_a_household_helper(service: AnswerService) -> None:
    first = first_of(service, "中介介绍我去雇主家当保姆，雇主欠了我两个月工钱不给，怎么办")
    assert "劳务关系" in first


def test_recruited_by_an_agency_is_the_worker_asking(service: AnswerService) -> None:
    text = service.ask("我是劳务中介招去的，在一家纸箱厂干了一个月，工资一直不给").text
    assert "你是用人单位一方" not in text


@pytest.mark.parametrize(
    "question",
    [
        "我七级工伤，在厂里做了九年，万一被辞退能拿到什么",
        "十级伤残，干了十五年，要是被开除的话能赔多少",
    ],
)
def test_graded_worker_asking_about_dismissal_hears_the_protection(
    service: AnswerService, question: str
) -> None:
    first = first_of(service, question)
    # Session 26: a dismissal supposed with the amount asked (要是被开除的话能赔多少) is read as the ending meant, and the
    # protected worker's answer opens with the unlawful ending and its 2N (劳动合同法 42(2), 87).
    assert first.startswith("单位不能随便辞退你") or ("不能以" in first and "违法解除" in first)
    assert "两倍赔偿金" in first and "第四十二条第（二）项" in first and "第三十七条" in first


def test_grade_asked_alone_keeps_the_tariff(service: AnswerService) -> None:
    first = first_of(service, "九级伤残能赔多少钱")
    assert "单位不能随便辞退你" not in first


@pytest.mark.parametrize(
    "question",
    [
        "在公司干了两年被老板辞了，合同一直没签，社保也没交，能要哪些钱",
        "没签合同没有保险，做了一年多被开除了，我能要求什么",
    ],
)
def test_dismissed_without_contract_or_insurance_hears_every_head(
    service: AnswerService, question: str
) -> None:
    first = first_of(service, question)
    assert "二倍工资" in first or "另付你一个月工资" in first
    assert "补缴" in first and "第六十三条" in first
    assert "赔偿金" in first


def test_insured_worker_dismissed_without_contract_hears_no_arrears(service: AnswerService) -> None:
    first = first_of(service, "被辞退了，没签劳动合同，社保一直正常交的，能要哪些钱")
    assert "二倍工资" in first
    assert "补缴" not in first


@pytest.mark.parametrize(
    "question",
    [
        "劳务所送我去一家纸厂干活，讲好的工钱三个月没发，劳务所推给厂里，我找谁要",
        "通过中介进了一家物流公司，两个月工资一直拖着，是找中介还是找公司",
    ],
)
def test_agency_placement_wages_are_the_employers_with_arbitration(
    service: AnswerService, question: str
) -> None:
    first = first_of(service, question)
    assert first.startswith("工资由雇你的一方付")
    assert "劳动仲裁" in first and "第五十八条" in first
    assert "劳务关系，不是劳动关系" not in first


def test_agency_fee_question_keeps_the_fee_answer(service: AnswerService) -> None:
    first = first_of(service, "中介介绍工作收了我800块中介费，工作没干成，钱不退，怎么办")
    assert not first.startswith("工资由雇你的一方付")


def test_dismissed_with_insurance_unpaid_and_no_injury_is_not_a_work_injury(service: AnswerService) -> None:
    first = first_of(service, "在超市干了十个月被辞了，没签合同没有保险，能要回什么钱")
    assert "工伤待遇" not in first
    assert "二倍工资" in first or "多付你一个月工资" in first


def test_injured_and_dismissed_without_insurance_keeps_the_injury_benefits(service: AnswerService) -> None:
    first = first_of(service, "干活摔伤了腿，后来被辞退，合同也没签保险也没交，能要什么")
    assert "工伤" in first
