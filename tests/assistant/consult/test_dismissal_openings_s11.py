"""Dismissal answers open on the facts the worker gave (session 11, the lawyers' classes D and F and two
near-harmful items on unseen questions): a trivial reason given → very likely unlawful, 2N in the
worker's own years; a worker owed pay who stayed away → the written notice of 劳动合同法 38 first, or
旷工 costs the compensation; a graded worker (7–10) dismissed → the two lump sums of 工伤保险条例 37(2)
beside 2N; a start year is never the leaving date, so no time-bar opening rests on it. Real guides,
real facts reader, real tools; the questions are the team's own."""

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideBook, load_guides
from assistant.consult.plan import ConsultPlan
from assistant.escalation.policy import decide
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


@pytest.fixture(scope="module")
def book() -> GuideBook:
    return load_guides()


def plan(book: GuideBook, issues: list[str], question: str) -> ConsultPlan:
    return plan_with_tools(question, ranked(*issues), book=book)


# --- the reason given ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "conduct"),
    [
        ("就因为上班时间看了一眼手机，组长让我卷铺盖走人", "看了一眼手机"),
        ("早上迟到了五分钟，人事通知我被开除了", "迟到了五分钟"),
        ("开会时跟车间主任顶了两句，第二天就说把我辞退", "顶了两句"),
        ("公司说我服务态度差，说我严重违纪把我开了", "服务态度"),
    ],
)
def test_trivial_conduct_named_as_the_reason_is_read_as_its_own_class(text: str, conduct: str) -> None:
    got = facts(text)
    assert got.get("ending_ground") == "trivial" and got.get("trivial_conduct") == conduct


def test_trivial_conduct_without_a_dismissal_is_no_ground() -> None:
    got = facts("车间规定上班玩手机一次罚一百，上周被罚了两次，这样扣钱合法吗")
    assert "ending_ground" not in got and "trivial_conduct" not in got


def test_leave_taken_named_as_the_reason_is_trivial() -> None:
    assert facts("老人住院我请了几天假，回来老板就把我开了").get("ending_ground") == "trivial"


def test_a_quota_not_reached_is_the_incapacity_ground() -> None:
    assert facts("这个月没完成任务，经理直接把我辞退了").get("ending_ground") == "incapacity"


@pytest.mark.parametrize(
    "text",
    [
        "经常玩手机，被公司以严重违纪辞退了",  # repeated conduct: a lawful rule may make it serious
        "主管说我上个月旷工三天，算严重违纪，把我开除了",
        # The employer names 旷工; the worker says leave was taken: whether it happened is to be proven.
        "说我连着两天旷工把我开除了，可我是请了假才没去的",
    ],
)
def test_repeated_or_serious_conduct_stays_a_fault(text: str) -> None:
    assert facts(text).get("ending_ground") == "fault"


def test_trivial_conduct_with_the_years_opens_with_unlawful_and_2n_in_months(book: GuideBook) -> None:
    first = opening(
        plan(book, ["unlawful_termination"], "在这个厂做了十年，班长说我上班刷手机，把我辞退了，这样合法吗")
    )
    assert first.startswith("很可能违法")
    assert "刷手机" in first and "严重违反规章制度" in first and "20个月工资" in first


def test_trivial_conduct_with_a_wage_opens_with_the_2n_figure(book: GuideBook) -> None:
    got = plan(book, ["unlawful_termination"], "迟到了一次就被老板开除了，月薪5500，干了3年，合法吗")
    first = opening(got)
    assert first.startswith("很可能违法") and "33000" in first  # 2 × 3 × 5500
    cited = {(ref.law, ref.article, ref.item) for ref in got.conclusion[0].cite}
    assert any(article == 39 and item == 2 for _, article, item in cited)
    assert any(article == 44 and "解释" in law for law, article, _ in cited)  # the employer proves it


def test_trivial_conduct_asked_what_now_says_not_to_sign_and_to_claim_2n(book: GuideBook) -> None:
    first = opening(plan(book, ["unlawful_termination"], "就因为态度问题被公司辞退了，我现在该怎么办"))
    assert first.startswith("先别签") and "态度问题" in first and "两倍赔偿金" in first


def test_trivial_conduct_asked_for_compensation_says_it_can_be_claimed(book: GuideBook) -> None:
    first = opening(plan(book, ["severance_compensation"], "跟经理拌嘴被开除了，干了两年，这种能要补偿吗"))
    assert first.startswith("能要") and "很可能违法" in first and "拌嘴" in first


# --- absence because pay is owed -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "老板欠了两个月工资不发，我就不去上班了",
        "工资拖着不给，主管发话说再不来就算自动离职",
        "社保一直没交，我在家没去上班，人事说按旷工处理",
    ],
)
def test_staying_away_or_the_threat_of_it_is_read(text: str) -> None:
    assert facts(text).get("stayed_away") is True


def test_a_supposed_absence_is_not_read() -> None:
    assert "stayed_away" not in facts("要是我没去上班，工资照发吗")


def test_owed_pay_and_stayed_away_opens_with_the_written_notice(book: GuideBook) -> None:
    first = opening(
        plan(
            book,
            ["employee_resignation", "wage_arrears"],
            "厂里欠我四个月工资，我已经一个星期没去上班了，老板说三天不来算自动离职，我该怎么办",
        )
    )
    assert first.startswith("马上书面通知单位解除劳动合同")
    assert "未及时足额支付劳动报酬" in first and "旷工" in first and "经济补偿" in first


def test_owed_pay_and_stayed_away_asked_for_n_says_the_notice_comes_first(book: GuideBook) -> None:
    first = opening(
        plan(book, ["severance_compensation"], "公司欠了三个月工资，我就没去上班了，这种情况能要补偿吗")
    )
    assert first.startswith("能要，但要马上补一份书面解除通知") and "旷工" in first


def test_a_relocation_threat_with_nothing_owed_is_left_to_the_relocation_answer(book: GuideBook) -> None:
    got = plan(
        book,
        ["employee_resignation", "layoff_and_shutdown"],
        "工厂要搬到外省，老板说不跟着搬过去的都按自动离职处理，这样合法吗",
    )
    assert not any(s.endswith("/stayed_away") for s in got.selected)
    assert "别就这么不去上班" not in opening(got)


def test_owed_pay_without_staying_away_keeps_the_plain_verdict(book: GuideBook) -> None:
    first = opening(plan(book, ["employee_resignation"], "公司欠了三个月工资，我想辞职，能要经济补偿吗"))
    assert first.startswith("能要经济补偿") and "旷工" not in first


# --- an injured worker dismissed ---------------------------------------------------------------


def test_a_grade_nine_worker_dismissed_is_told_the_lump_sums_beside_2n(book: GuideBook) -> None:
    first = opening(
        plan(
            book,
            ["work_injury_benefits", "unlawful_termination"],
            "评了九级伤残，单位把我辞退了，我能拿哪些钱",
        )
    )
    assert "一次性工伤医疗补助金" in first and "一次性伤残就业补助金" in first
    assert "两倍赔偿金" in first and "再无纠纷" in first


def test_the_lump_sums_come_in_months_where_the_province_is_known(book: GuideBook) -> None:
    first = opening(
        plan(book, ["work_injury_benefits"], "我在东莞上班，工伤评了七级，公司要跟我解除合同，能拿到哪些钱")
    )
    assert "广东" in first and "个月（工伤保险基金付）" in first


def test_a_grade_ten_worker_dismissed_asked_if_lawful_is_not_told_only_expiry(book: GuideBook) -> None:
    first = opening(plan(book, ["work_injury_benefits"], "工伤十级，公司说我不胜任把我辞退了，这合法吗"))
    assert first.startswith("一般不合法") and "劳动合同解除" in first and "一次性伤残就业补助金" in first


# --- dates in their role ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2018年入职的公司上个星期把我开除了", "2018"),  # the end is last week, told in its own words
        ("2018年入职的公司把我开除了", "2018"),
        ("我2016年就在这家厂上班，被老板辞退了", "2016"),
        ("我2016年在这家厂上班被老板辞退了", "2016"),
    ],
)
def test_a_start_year_is_never_the_leaving_date(text: str, year: str) -> None:
    assert not str(facts(text).get("end_date", "")).startswith(year)


def test_a_year_set_by_working_words_with_a_while_is_the_ending() -> None:
    assert facts("2023年上班的时候被辞退了").get("end_date") == "2023-01-01"


def test_a_start_year_opens_no_time_bar() -> None:
    codes = {r.code for r in decide("2018年入职的公司把我辞退了，能要补偿吗", today=TODAY).reasons}
    assert not {"time_limit_passed", "time_limit_near"} & codes


def test_a_leaving_year_long_past_still_opens_the_time_bar() -> None:
    codes = {r.code for r in decide("2016年入职，2023年被辞退，现在还能要补偿吗", today=TODAY).reasons}
    assert "time_limit_passed" in codes
