"""How the job ended decides the remedy (session 6, a class of the learn-half lawyer reading): the
ground the employer gave, who proposed an agreed ending, who declined to renew, an open-ended contract
— read from new wording both ways — and the conclusion that opens with the remedy for that ending, with
the worker's numbers. Real guides, real facts reader, real tools."""

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideBook, load_guides
from assistant.consult.plan import ConsultPlan
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


@pytest.fixture(scope="module")
def book() -> GuideBook:
    return load_guides()


def plan(book: GuideBook, issues: list[str], question: str) -> ConsultPlan:
    return plan_with_tools(question, [(issue, 1.0) for issue in issues], book=book)


# --- reading the ending --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("公司搞组织架构调整，我们组整个没了，叫我月底走人", "objective_change"),
        ("厂子搬去隔壁省了，我没跟着去，就把我辞了", "objective_change"),
        ("说我绩效不达标，直接把我开了", "incapacity"),
        ("病休了大半年，医疗期满了公司就通知解除", "medical"),
        ("主管说我上个月旷工三天，算严重违纪，把我开除了", "fault"),
        ("试用期第二个月，说我不符合录用条件让我走", "probation"),
        ("效益不好，公司裁员把我裁掉了", "layoff"),
        ("老板跑了，厂子倒闭了", "closure"),
        ("经理一句话就让我走了，啥也没说", "none"),
    ],
)
def test_the_ground_the_employer_gave_is_read(text: str, ground: str) -> None:
    assert facts(text).get("ending_ground") == ground


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("领导找我谈，说公司主动提出协商解除", "proposed_by", "employer"),
        ("是我自己提的离职，跟公司协商解除的", "proposed_by", "worker"),
        ("合同到期公司说不续了", "renewal_declined_by", "employer"),
        ("合同到期了，公司说工资不变接着签，我不想续了", "renewal_declined_by", "worker"),
        ("合同到期了，公司说工资不变接着签，我不想续了", "renewal_terms", "same"),
        ("公司要降薪续签，我没同意", "renewal_terms", "worse"),
        ("我早就签了无固定期限合同", "open_ended", True),
        ("前后签过两次合同，这是第三次到期", "fixed_terms", 2),
    ],
)
def test_who_ended_it_and_on_what_terms_is_read(text: str, name: str, value: object) -> None:
    assert facts(text).get(name) == value


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("公司要搬迁，我还没决定跟不跟去", "termination"),  # a ground, but nothing has ended yet
        ("怕被辞退，上周旷工了一天", "termination"),  # a fault feared, not a dismissal
        ("我想跟公司签无固定期限合同，他们不给签", "open_ended"),
        ("签无固定期限劳动合同要满足什么条件", "open_ended"),  # the act asked about, not a contract held
        ("我是兼职，每周干三天", "ending_ground"),
        ("我要辞职，老板不让我走", "termination_dismissed"),
    ],
)
def test_look_alikes_are_not_read_as_an_ending(text: str, name: str) -> None:
    got = facts(text)
    if name.startswith("termination_"):
        assert got.get("termination") != name.removeprefix("termination_")
    else:
        assert name not in got


def test_a_notice_said_in_the_next_clause_is_read() -> None:
    got = facts("通知我下周就不用来了，也没提前一个月说")
    assert got.get("termination") == "dismissed" and got.get("notice_given") is False


# --- the remedy for that ending opens the answer --------------------------------------------------


def test_changed_circumstances_without_notice_open_with_n_plus_one_not_2n(book: GuideBook) -> None:
    got = plan(
        book,
        ["unlawful_termination", "severance_compensation"],
        "公司搞业务调整把我们部门撤销了，叫我这周就走，没提前通知，干了3年，月薪9000，能拿多少",
    )
    first = opening(got)
    assert "27000" in first and "9000" in first and "36000" in first  # N, the month in lieu, the total
    assert "54000" in first and "违法" in first  # 2N only when the ground or procedure fails
    assert any(ref.article == 40 and ref.item == 3 for ref in got.conclusion[0].cite)


def test_a_dismissal_with_no_ground_opens_with_2n(book: GuideBook) -> None:
    first = opening(
        plan(book, ["unlawful_termination"], "老板没任何理由就把我开了，干了两年，月薪6000，能赔多少")
    )
    assert "违法解除" in first and "24000" in first


def test_a_fault_dismissal_says_the_employer_must_prove_it(book: GuideBook) -> None:
    first = opening(
        plan(book, ["severance_compensation"], "公司说我严重违纪把我开除了，干了4年，月薪7000，补偿能有多少")
    )
    assert first.startswith("要看") and "不用付经济补偿" in first and "证据由单位拿" in first
    assert "56000" in first  # 2N when it cannot prove it


def test_an_agreement_the_worker_proposed_owes_nothing(book: GuideBook) -> None:
    first = opening(
        plan(book, ["severance_compensation"], "是我自己先提出协商解除的，公司同意了，能要补偿吗")
    )
    assert first.startswith("没有")


def test_an_agreement_the_employer_proposed_owes_n(book: GuideBook) -> None:
    got = plan(book, ["severance_compensation"], "公司主动提出协商解除，我干了两年半，月薪8000，补偿该给多少")
    assert "24000" in opening(got)


def test_a_worker_who_quits_an_open_ended_contract_gets_no_severance(book: GuideBook) -> None:
    first = opening(plan(book, ["contract_expiry_renewal"], "我签的无固定期限合同，现在想辞职，能要补偿吗"))
    assert first.startswith("没有") and "欠薪" in first  # unless she leaves on a 38 ground


def test_an_open_ended_contract_cannot_end_by_expiry(book: GuideBook) -> None:
    first = opening(
        plan(book, ["contract_expiry_renewal"], "我是无固定期限合同，公司说合同到期了让我走，合法吗")
    )
    assert first.startswith("不合法") and "两倍" in first


@pytest.mark.parametrize(
    "question",
    [
        "我签的是无固定期限合同，现在单位要我改签一年的固定期限合同，我可以不签吗",
        "我已经签了无固定期限合同，还能被辞退吗",
    ],
)
def test_a_worker_who_holds_an_open_ended_contract_is_not_told_how_to_get_one(
    book: GuideBook, question: str
) -> None:
    # Session 9 (lawyers' class F3, what the asker already has): the opening is what the contract held
    # protects — terms change only by agreement (35), it ends only on a statutory ground — not the
    # conditions for obtaining one (10 years, two fixed terms).
    first = opening(plan(book, ["contract_expiry_renewal"], question))
    assert "连续干满10年" not in first and "两次固定期限" not in first
    assert "协商一致" in first and "两倍赔偿金" in first


@pytest.mark.parametrize(
    "question", ["我在厂里干了快八年，能要求签无固定期限合同吗", "签无固定期限劳动合同要满足什么条件"]
)
def test_a_worker_who_asks_for_one_still_gets_the_conditions(book: GuideBook, question: str) -> None:
    first = opening(plan(book, ["contract_expiry_renewal"], question))
    assert "连续干满10年" in first


def test_the_worker_who_refused_the_same_terms_gets_nothing(book: GuideBook) -> None:
    first = opening(plan(book, ["contract_expiry_renewal"], "合同到期公司说原条件续签，我不想续了，有补偿吗"))
    assert first.startswith("没有")


def test_ending_after_two_fixed_terms_is_unlawful(book: GuideBook) -> None:
    first = opening(
        plan(
            book,
            ["contract_expiry_renewal"],
            "连续签了两次固定期限合同，这次到期公司不续了，干了6年，月薪6000，能要什么",
        )
    )
    assert "无固定期限" in first and "36000" in first and "二倍工资" in first


def test_closure_owes_n_with_the_figure(book: GuideBook) -> None:
    first = opening(plan(book, ["severance_compensation"], "公司破产了，我干了7年，月薪5500，补偿怎么算"))
    assert "38500" in first and "破产" in first


def test_the_income_lost_after_a_dismissal_is_reinstatement_or_2n(book: GuideBook) -> None:
    first = opening(
        plan(book, ["unlawful_termination"], "被违法辞退以后在家待了三个月，这段时间的工资能要吗")
    )
    assert first.startswith("能") and "回去上班" in first and "两倍" in first


def test_when_nothing_is_owed_lists_the_cases(book: GuideBook) -> None:
    first = opening(plan(book, ["severance_compensation"], "哪些情况下公司可以不给经济补偿"))
    assert "自己辞职" in first and "退休" in first and "严重违纪" in first


@pytest.mark.parametrize(
    ("text", "dismissed"),
    [
        ("矿上单方面解除了劳动合同，一分钱没给", True),
        ("生意不行，公司跟我解除了劳动合同", True),
        ("我想和公司解除合同，回老家", False),  # the worker ends it
        (
            "万一公司解除合同，我会不会被扣工资",
            False,
        ),  # feared (a supposition asking its money is read as meant)
    ],
)
def test_the_employer_ending_the_contract_is_a_dismissal(text: str, dismissed: bool) -> None:
    assert (facts(text).get("termination") == "dismissed") is dismissed


def test_a_protected_worker_is_told_the_dismissal_is_unlawful_before_the_figures_are_known(
    book: GuideBook,
) -> None:
    first = opening(plan(book, ["unlawful_termination"], "我在哺乳期，公司说要裁员把我也裁了，怎么赔"))
    assert "哺乳期" in first and "违法解除" in first and "两倍" in first


def test_a_closed_plant_is_told_to_claim_n_first(book: GuideBook) -> None:
    got = plan(book, ["unlawful_termination"], "工厂被环保部门关停了，厂里跟大家解除了合同，我们该怎么办")
    first = opening(got)
    assert first.startswith("先") and "经济补偿" in first and "两倍" not in first


def test_which_resignations_are_paid_is_answered_with_the_list(book: GuideBook) -> None:
    first = opening(plan(book, ["employee_resignation"], "员工在什么情形下辞职可以拿到经济补偿"))
    assert first.startswith("要看") and "工资" in first and "社保" in first
