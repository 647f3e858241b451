"""Session 22 (issue 13, fixed22): the open-ended contract a worker has earned — two fixed terms in a row or ten
years with the employer — is said, with its clause, whatever was asked at the term's end (劳动合同法 14(2)(1)(3),
48, 87, 82(2); 解释（二） 第十一条第二款), with its conditions: the worker asks or agrees to renew, no ground of 39 or
40(1)(2). The opposite cases stay as they were: one fixed term, the worker leaving, a fault ground told. The
questions are the team's own paraphrases."""

from __future__ import annotations

from assistant.consult.facts import extract_facts
from assistant.consult.owed import OwedTable, load_owed
from assistant.consult.plan import ConsultPlan
from tests.assistant.consult.planning import TODAY, plan_with_tools, ranked

NOTHING_OWED = OwedTable(())
WITHOUT_THIS = load_owed().without({"open_ended_right"})


def plan(question: str, issues: list[tuple[str, float]], owed: OwedTable | None = None) -> ConsultPlan:
    return plan_with_tools(question, issues, owed=owed)


def opening(result: ConsultPlan) -> str:
    return " ".join(s.text for s in result.conclusion)


def cited(result: ConsultPlan) -> set[tuple[str, int, int | None, int | None]]:
    return {(ref.law, ref.article, ref.paragraph, ref.item) for s in result.conclusion for ref in s.cite}


def _added(question: str, issues: list[tuple[str, float]], words: str) -> ConsultPlan:
    """The open-ended right follows the direct answer, and is absent without the entry."""
    result = plan(question, issues)
    assert "owed/open_ended_right" in result.selected
    assert result.selected.index("owed/open_ended_right") > 0
    assert words not in result.conclusion[0].text
    assert any(words in s.text for s in result.conclusion[1:])
    assert words not in opening(plan(question, issues, WITHOUT_THIS))
    return result


def test_two_fixed_terms_ended_while_another_point_is_asked_get_the_open_ended_right() -> None:
    result = _added(
        "前后跟公司签了两份合同，每份两年，这个月到期公司讲不续了，还扣着我上个月的提成不给，怎么要回来",
        ranked("wage_arrears"),
        "无固定期限",
    )
    said = opening(result)
    # The condition (no fault, no 40(1)(2)), the unlawful ending and its remedies, the practice line.
    assert "严重违纪" in said and "不能胜任" in said
    assert "违法终止" in said and "两倍赔偿金" in said and "二倍工资" in said
    assert "工会律师" in said
    laws = cited(result)
    assert any(law == "劳动合同法" and art == 14 and item == 3 for law, art, _, item in laws)
    assert any("解释（二）" in law and art == 11 and para == 2 for law, art, para, _ in laws)


def test_ten_years_at_the_expiry_get_the_open_ended_right() -> None:
    result = _added(
        "在这个单位上了十一年班，合同月底到期，领导说不续了，押金五百也不退，怎么办",
        ranked("deposit_and_documents"),
        "连续干满10年",
    )
    assert any(law == "劳动合同法" and art == 14 and item == 1 for law, art, _, item in cited(result))


def test_the_second_term_not_renewed_while_the_worker_wants_to_stay_is_told_the_right() -> None:
    _added(
        "第二份劳动合同下个月就到期了，单位通知说不再续签，到期以后我还能接着干吗",
        ranked("contract_expiry_renewal"),
        "无固定期限",
    )


def test_the_renewed_term_running_out_again_is_an_expiry_not_a_dismissal() -> None:
    """又到期了 / 这次到期 / 第二份到期: the term's end told without 合同 (facts.toml expired, expired_noun)."""
    again = extract_facts(["跟老板续签过一回合同，现在又到期了，老板让我卷铺盖走人，能拿多少"], TODAY)
    assert again.get("fixed_terms") == 2 and again.get("termination") == "expired"
    this_time = extract_facts(["合同续签了一次，这次到期单位说不要我了，补偿怎么算"], TODAY)
    assert this_time.get("fixed_terms") == 2 and this_time.get("termination") == "expired"
    # A term still running is no expiry: the employer's push stays a dismissal.
    running = extract_facts(["合同还没到期，老板就让我走人"], TODAY)
    assert running.get("termination") == "dismissed"


def test_the_second_term_running_out_answered_with_n_now_says_the_open_ended_right() -> None:
    question = "跟厂里续签过一次合同，现在又到期了，厂里叫我走人，月薪五千干了六年，能拿多少"
    result = plan(question, ranked("severance_compensation", "contract_expiry_renewal"))
    assert "无固定期限" in opening(result) and "违法终止" in opening(result)


def test_the_worker_leaving_at_the_second_expiry_is_not_promised_the_open_ended_contract() -> None:
    question = "连着签了两次固定期限合同，这回到期我自己不想干了，公司要给补偿吗"
    facts = extract_facts([question], TODAY)
    assert facts.get("renewal_declined_by") == "worker" and facts.get("termination") == "expired"
    result = plan(question, ranked("contract_expiry_renewal", "employee_resignation"))
    assert "owed/open_ended_right" not in result.selected
    assert "违法终止" not in opening(result) and "不能只拿" not in opening(result)


def test_a_fault_ground_told_at_the_second_expiry_is_not_answered_as_an_unlawful_ending() -> None:
    question = "签过两次合同了，这次到期公司说我严重违反规章制度不续签，补偿有没有"
    result = plan(question, ranked("severance_compensation", "contract_expiry_renewal"))
    assert "owed/open_ended_right" not in result.selected
    assert "违法终止" not in opening(result)


def test_one_fixed_term_at_its_end_stays_an_n_answer() -> None:
    question = "只签了一份三年的合同，到期了公司不续，社保也断了两个月，怎么办"
    result = plan(question, ranked("social_insurance", "contract_expiry_renewal"))
    assert "owed/open_ended_right" not in result.selected
    assert "无固定期限" not in opening(result)


def test_the_expiry_guide_routes_the_disputed_point_to_a_union_lawyer_with_the_interpretation() -> None:
    result = plan("第二次合同到期了，公司不跟我续签，补偿怎么算", ranked("contract_expiry_renewal"))
    assert "owed/open_ended_right" not in result.selected  # the opening says it itself
    assert "工会律师" in result.conclusion[0].text
    assert any("解释（二）" in law and art == 11 and para == 2 for law, art, para, _ in cited(result))


def test_fixed_terms_told_by_their_rhythm_count_as_terms_in_a_row() -> None:
    """一年一签 / 每两年签一次 with the years served longer than one term, 签过好几次: two or more fixed terms."""
    rhythm = extract_facts(["我们店里合同都是一年一签，我在这干了四年多，这回到期店长说不续了"], TODAY)
    assert rhythm.get("fixed_terms", 0) >= 2 and rhythm.get("termination") == "expired"
    every = extract_facts(["合同每两年签一次，已经干了五年，单位说这次到期就不续了"], TODAY)
    assert every.get("fixed_terms", 0) >= 2
    many = extract_facts(["前后续签过好几次合同了，这次到期公司说不再续签"], TODAY)
    assert many.get("fixed_terms", 0) >= 2
    # Within the first term nothing has been renewed yet: no count is read.
    first = extract_facts(["合同一年一签，我才干了十个月就被辞退了"], TODAY)
    assert first.get("fixed_terms") is None


def test_a_rhythm_of_fixed_terms_at_the_expiry_gets_the_open_ended_right() -> None:
    question = "合同一年一签，在这个厂干了五年多了，这次到期厂里说不续，工资还拖着一个月没发，怎么办"
    result = plan(question, ranked("wage_arrears"))
    assert "owed/open_ended_right" in result.selected
    assert "无固定期限" not in opening(plan(question, ranked("wage_arrears"), WITHOUT_THIS))


def test_ten_years_counted_over_a_merger_at_the_expiry_get_the_open_ended_right() -> None:
    question = "公司被收购了，收购前我在原公司干了六年，收购后又干了五年，现在合同到期新老板不续签，怎么办"
    result = plan(question, ranked("contract_expiry_renewal", "employer_change"))
    assert "owed/open_ended_right" in result.selected
    assert "加起来已经满10年" in opening(result)
    assert "加起来已经满10年" not in opening(
        plan(question, ranked("contract_expiry_renewal", "employer_change"), WITHOUT_THIS)
    )
