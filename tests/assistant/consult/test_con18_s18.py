"""Contract, wage and severance questions answered as asked (session 18, con18), both ways, in our own wording:

- the clauses a labour contract must hold (劳动合同法 17), and a contract lacking one (81, 18: still in force,
  the employer is ordered to correct it) — while the double wage and a contract's invalid terms keep theirs;
- severance split at 2008 (劳动合同法 97(3), 劳动法 28) — while the plain formula keeps its answer;
- pay owed after the business changed hands (劳动合同法 33, 34): the unit that took over answers — while
  plain arrears and tenure after a merger keep theirs;
- years without a contract and without insurance, quitting: N for resigning over the insurance (38(1)(3), 46)
  first, the double wage with its time limit said (劳动合同法实施条例 7) — months without keep the plain claim;
- leaving blocked until a replacement is found (劳动合同法 37: no approval needed) — while a dismissal told
  with the same words keeps the double wage;
- a relocation and a refusal to pay told in other words (厂要搬, 这笔钱不给你) reach their answers — while
  a refused certificate or contract does not turn into a wage question, nor carrying goods into a move."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService

from .planning import first_of


@pytest.mark.parametrize(
    "question",
    [
        "签劳动合同的时候，合同里必须有哪些内容？",
        "劳动合同的必备条款是什么",
        "一份正规的劳动合同应该包括哪些内容",
    ],
)
def test_mandatory_clauses_are_listed(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert first.startswith("劳动合同必须写明九项")
    assert "劳动报酬" in first and "社会保险" in first and "第十七条" in first


def test_a_missing_clause_does_not_void_the_contract(service: AnswerService) -> None:
    first = first_of(service, "老板给的合同上没写工资，这合同还算数吗")
    assert first.startswith("算数")
    assert "第八十一条" in first


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("进厂三个月了还没签劳动合同，能要多少钱", "第八十二条"),
        ("合同里写着工伤自负，这条有效吗", "无效"),
    ],
)
def test_contract_look_alikes_keep_their_answers(service: AnswerService, question: str, words: str) -> None:
    first = first_of(service, question)
    assert "九项" not in first and not first.startswith("算数") and words in first


@pytest.mark.parametrize(
    "question",
    ["我是2005年进的厂，经济补偿要分成两段算吗", "经济补偿金分段计算是怎么回事"],
)
def test_severance_split_at_2008(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "2008年1月1日" in first and "第九十七条第三款" in first


def test_plain_severance_formula_is_not_split(service: AnswerService) -> None:
    first = first_of(service, "被辞退了，经济补偿怎么计算？")
    assert "分两段" not in first


@pytest.mark.parametrize(
    "question",
    ["老板把厂转让了，之前欠的工资现在找谁要", "店卖给别人以后，老板欠我的工资谁来付"],
)
def test_owner_change_debts_name_the_unit(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "接手的单位" in first and "第三十三条" in first


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("厂里拖欠了我两个月工资，我该去哪里讨", "投诉"),
        ("我们厂合并到别的公司了，工龄会不会清零", "工龄"),
    ],
)
def test_owner_change_look_alikes_keep_theirs(service: AnswerService, question: str, words: str) -> None:
    first = first_of(service, question)
    assert "接手的单位" not in first and words in first


def test_relocation_in_other_words(service: AnswerService) -> None:
    first = first_of(service, "单位仓库要搬去邻市，我不愿意跟着去，该怎么办")
    assert "客观情况发生重大变化" in first and "第四十条第（三）项" in first


def test_carrying_goods_is_no_relocation(service: AnswerService) -> None:
    first = first_of(service, "我在公司搬货的时候闪了腰，这算工伤吗")
    assert "客观情况发生重大变化" not in first


def test_refused_pay_in_other_words(service: AnswerService) -> None:
    first = first_of(service, "说好年底结的工钱，领导现在说这笔钱不给你了，我该怎么办")
    assert "对这个问题，系统还不能直接给出结论" not in first
    assert "工资" in first and "第五十条" in first


@pytest.mark.parametrize("question", ["公司迟迟不给我开离职证明怎么办", "公司一直不给我签合同，怎么办"])
def test_refused_papers_are_no_wage_question(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "工资必须按约定的日期" not in first and "欠多少写下来" not in first


def test_leaving_blocked_until_replaced(service: AnswerService) -> None:
    first = first_of(service, "没签合同，在饭馆干了两个月想辞职，老板不放人，说等找到人顶替才能走，怎么办")
    assert first.startswith("能走，不需要单位批准") and "第三十七条" in first


def test_replacement_said_of_a_dismissal_keeps_the_double_wage(service: AnswerService) -> None:
    first = first_of(service, "没签合同干了三个月，公司找到人顶替我的岗位就把我辞了，能要二倍工资吗")
    assert "不需要单位批准" not in first and "第八十二条" in first


def test_years_without_a_contract_say_the_double_wage_time_limit(service: AnswerService) -> None:
    answer = service.ask("在工厂做计件，干了七年多没签合同也没交社保，想辞职，能要哪些补偿").text
    first = first_of(service, "在工厂做计件，干了七年多没签合同也没交社保，想辞职，能要哪些补偿")
    assert "第三十八条第一款第（三）项" in first and "经济补偿" in first
    assert "可能已经要不到" in answer


def test_months_without_a_contract_keep_the_plain_double_wage(service: AnswerService) -> None:
    answer = service.ask("干了5个月没签合同也没交社保，我想辞职，能要什么补偿？").text
    assert "二倍工资" in answer and "可能已经要不到" not in answer
