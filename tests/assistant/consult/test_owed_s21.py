"""Session 21 (issue 13): a right the worker's own facts give beside the point asked is named after the direct
answer, with its clause (corpus/consult/also_owed.toml, assistant/consult/owed.py) — the double wage of a worker
who never signed and whose job ends, a fixed term run on in pregnancy, the years carried over a merger, an
injured worker's leaving lump sums. The questions are the team's own paraphrases."""

from __future__ import annotations

from pathlib import Path

from assistant.consult.facts import FACT_NAMES, QUANTITY_NAMES, extract_facts
from assistant.consult.owed import OWED_PATH, OwedTable, also_owed, check_owed, load_owed
from assistant.consult.plan import ConsultPlan, facts_shown, fill
from assistant.retrieval.query import DirectRef
from assistant.runtime import Runtime
from tests.assistant.consult.planning import TODAY, plan_with_tools, ranked

NOTHING_OWED = OwedTable(())


def plan(question: str, issues: list[tuple[str, float]], owed: OwedTable | None = None) -> ConsultPlan:
    return plan_with_tools(question, issues, owed=owed)


def opening(result: ConsultPlan) -> str:
    """The whole opening (结论): the direct answer and what follows it."""
    return " ".join(s.text for s in result.conclusion)


def _lookup(runtime: Runtime):  # noqa: ANN202 - the lookup signature the checks take
    def lookup(law: str, article: int, sub: int | None) -> object:
        return runtime.retriever.lookup(DirectRef(law, article, sub))

    return lookup


def test_every_entry_cites_clauses_that_exist_and_names_known_facts(runtime: Runtime) -> None:
    assert check_owed(load_owed(), _lookup(runtime), FACT_NAMES | QUANTITY_NAMES) == []


def test_an_entry_citing_a_missing_clause_or_an_unknown_fact_is_reported(
    runtime: Runtime, tmp_path: Path
) -> None:
    broken = tmp_path / "also_owed.toml"
    broken.write_text(
        OWED_PATH.read_text(encoding="utf-8")
        .replace("工伤保险条例 第三十七条第（二）项", "工伤保险条例 第三百七十条")
        .replace("transferred == true", "moved_over == true", 1),
        encoding="utf-8",
    )
    problems = check_owed(load_owed(broken), _lookup(runtime), FACT_NAMES | QUANTITY_NAMES)
    assert {(entry, problem) for entry, _, problem in problems} == {
        ("injury_leaving_sums", "法规库中没有这一条"),
        ("years_carry_over", "条件或句子用到了未知的事实名：moved_over"),
    }


def _said_after_opening(result: ConsultPlan, words: str) -> bool:
    """The sentence is in the opening, after its first sentence (the direct answer comes first)."""
    return words not in result.conclusion[0].text and any(words in s.text for s in result.conclusion[1:])


def test_a_worker_without_a_contract_who_is_dismissed_is_told_the_double_wage() -> None:
    question = "在饭店干了五年一直没签合同，老板突然叫我走人，能赔多少"
    with_owed = plan(question, ranked("unlawful_termination"))
    assert "owed/double_wage" in with_owed.selected
    assert _said_after_opening(with_owed, "二倍工资")
    # Five years: the period ended at the first year's end, its limit told, not promised in full.
    assert "可能已经要不到" in opening(with_owed)
    assert any(ref.article == 82 for s in with_owed.conclusion for ref in s.cite)
    without = plan(question, ranked("unlawful_termination"), NOTHING_OWED)
    assert "二倍工资" not in opening(without)


def test_the_claims_list_does_not_repeat_the_added_right() -> None:
    question = "在饭店干了五年一直没签合同，老板突然叫我走人，能赔多少"
    result = plan(question, ranked("unlawful_termination", "no_written_contract"))
    assert "owed/double_wage" in result.selected
    assert not any("二倍工资" in c.text for c in result.claims)
    assert any(
        "二倍工资" in c.text
        for c in plan(question, ranked("unlawful_termination", "no_written_contract"), NOTHING_OWED).claims
    )


def test_a_short_tenure_without_a_contract_gets_the_double_wage_with_its_limit() -> None:
    question = "进厂快八个月了一直没签劳动合同，主管说明天不用来了，我该怎么办"
    result = plan(question, ranked("unlawful_termination"))
    assert "owed/double_wage" in result.selected
    assert "一年内申请劳动仲裁" in opening(result) and "可能已经要不到" not in opening(result)
    assert "二倍工资" not in opening(plan(question, ranked("unlawful_termination"), NOTHING_OWED))


def test_a_worker_without_a_contract_who_quits_is_told_the_double_wage() -> None:
    question = "没有签合同，干了半年，我提出辞职老板不让走，我该怎么维护权益"
    assert "owed/double_wage" in plan(question, ranked("employee_resignation")).selected
    assert "二倍工资" not in opening(plan(question, ranked("employee_resignation"), NOTHING_OWED))


def test_no_double_wage_where_the_opening_says_it_or_no_labour_relation() -> None:
    # Asked about the double wage itself: the opening says it, nothing is added.
    asked = plan("三年没签合同，我辞职了，二倍工资能要几个月", ranked("no_written_contract"))
    assert "owed/double_wage" not in asked.selected
    # The employer asking is told its duty elsewhere.
    employer = plan("我们公司有个员工没签合同，现在要辞退他，要赔多少", ranked("unlawful_termination"))
    assert "owed/double_wage" not in employer.selected


def test_a_worker_still_at_work_without_a_contract_is_told_the_double_wage_beside_another_claim() -> None:
    # Session 27 (class "no contract told in passing beside another dispute"): the double wage runs while the job
    # goes on, so a worker asking about unpaid overtime hears of it too.
    working = plan("公司一直不跟我签合同，加班也没有加班费，怎么办", ranked("overtime"))
    assert "owed/double_wage" in working.selected
    assert _said_after_opening(working, "二倍工资")


def _added(question: str, issues: list[tuple[str, float]], entry: str, words: str) -> None:
    """The entry's sentence follows the direct answer with these facts, and is absent without the table."""
    result = plan(question, issues)
    assert f"owed/{entry}" in result.selected and result.selected.index(f"owed/{entry}") > 0
    assert _said_after_opening(result, words)
    assert words not in opening(plan(question, issues, NOTHING_OWED))


def test_a_fixed_term_expiring_in_pregnancy_is_extended_whatever_was_asked() -> None:
    _added(
        "合同月底到期公司说不续了，我怀孕四个月，这个月工资一直拖着不发怎么办",
        ranked("wage_arrears"),
        "expiry_extended",
        "延续到这种情形消失时",
    )
    _added(
        "孕期合同到期公司不续签，公司扣着我的押金不退怎么办",
        ranked("deposit_and_documents"),
        "expiry_extended",
        "延续到这种情形消失时",
    )


def test_the_extension_is_not_added_where_the_opening_says_it() -> None:
    result = plan(
        "合同到期了公司不续，我正在休产假，公司说给N，这个N怎么算", ranked("severance_compensation")
    )
    assert "owed/expiry_extended" not in result.selected and "延续" in opening(result)


def test_a_merged_workers_years_carry_over_when_the_job_ends() -> None:
    _added(
        "厂子被别的公司合并了，新公司现在把我辞退，能赔多少",
        ranked("unlawful_termination"),
        "years_carry_over",
        "合并计算",
    )
    # Asked the years themselves: the merger guide's answer says it, nothing is added.
    asked = plan(
        "原来的厂被现在的公司收购了，我在原厂干了六年，新公司干了一年就把我辞退了，补偿按几年算",
        ranked("unlawful_termination", "severance_compensation"),
    )
    assert "owed/years_carry_over" not in asked.selected
    # A move between departments of one employer is no change of employer: nothing carries over.
    moved = plan(
        "单位说效益不好要把我调到别的部门，我不同意，它要是辞退我能拿赔偿吗", ranked("rules_and_transfer")
    )
    assert extract_facts(["单位说效益不好要把我调到别的部门"], TODAY).get("employer_merged") is None
    assert "owed/years_carry_over" not in moved.selected


def test_an_injured_worker_graded_seven_to_ten_whose_job_ends_is_told_the_leaving_lump_sums() -> None:
    _added(
        "工伤评了十级，现在公司跟我商量解除合同，补偿怎么算",
        ranked("severance_compensation"),
        "injury_leaving_sums",
        "一次性伤残就业补助金",
    )
    # A grade 5 or 6 dismissed is not told the sums of a worker who asks to leave (36(2) is on the worker's
    # own request; such a dismissal is unlawful under 42).
    values = {"disability_grade": 6, "termination": "dismissed", "left_job": True}
    assert [a.id for a in also_owed(values, None, "", fill)] == []


def test_a_worker_without_a_contract_asking_overtime_before_quitting_is_told_the_double_wage() -> None:
    _added(
        "没签劳动合同，干了两年，老板一直不给加班费，我要辞职了，加班费怎么算",
        ranked("overtime"),
        "double_wage",
        "二倍工资",
    )


def test_a_resignation_handed_in_is_not_shown_as_the_day_the_worker_left() -> None:
    """提出离职 dates the notice, not the leaving (劳动合同法 37): the answer never tells back a leaving date the
    worker did not give; the date still starts the time limits, no later than the leaving would."""
    handed_in = extract_facts(["我妹妹二十天前就提出辞职了，老板一直不放人"], TODAY)
    assert handed_in.get("end_date") == "2026-11-15"
    assert not any("离开单位" in line for line in facts_shown(handed_in))
    left = extract_facts(["我妹妹二十天前就离职了，老板一直不结工资"], TODAY)
    assert any("离开单位" in line for line in facts_shown(left))
