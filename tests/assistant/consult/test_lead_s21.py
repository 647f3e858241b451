"""Session 21: a work-injury disability of grade 7–10 at the end of a fixed term is a lawful ending with N and the
two lump sums (劳动合同法第四十五条 hands it to 工伤保险条例第三十七条第（二）项) — the compensation answer had told such a
worker the contract must run on and its ending was unlawful (2N), as for a pregnancy or an illness. And a leave
prescribed for months (医生开了三个月病休) is not the time served."""

from __future__ import annotations

from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def test_a_grade_nine_worker_whose_term_ran_out_is_owed_n_and_the_lump_sums_not_2n() -> None:
    plan = plan_with_tools(
        "我是九级伤残，合同到期公司终止了，干了5年，月工资5000，经济补偿金怎么算",
        ranked("severance_compensation"),
    )
    first = opening(plan)
    assert "合同到期单位可以终止" in first and "25000" in first
    assert "一次性伤残就业补助金" in first
    assert "违法终止" not in first


def test_a_pregnant_worker_whose_term_ran_out_still_has_it_extended() -> None:
    plan = plan_with_tools(
        "我怀孕五个月，合同到期公司终止了，干了3年，月工资6000，经济补偿金怎么算",
        ranked("severance_compensation"),
    )
    first = opening(plan)
    assert "延续" in first and "违法终止" in first


def test_a_leave_prescribed_for_months_is_not_the_time_served() -> None:
    """医生开了三个月病休 was read as three months in the job once the dismissal after it was read (N = 0.5)."""
    told = extract_facts(["腰疼住院，医生开了两个月病休，才休了半个月公司就发通知解除合同了"], TODAY).values()
    assert "service_months" not in told and told["termination"] == "dismissed"
    assert extract_facts(["工作满十年年假有几天"], TODAY).values()["service_months"] == 120.0


def test_a_right_added_after_the_opening_is_not_said_again_among_the_reasons() -> None:
    plan = plan_with_tools(
        "工伤鉴定了九级伤残，公司说岗位撤销了要跟我解除合同，只给一个月工资补偿，合法吗",
        ranked("unlawful_termination", "work_injury_benefits"),
    )
    assert any("一次性工伤医疗补助金" in s.text for s in plan.conclusion)
    assert not any("一次性工伤医疗补助金" in s.text for s in plan.reasons)


def test_no_contract_told_as_a_thing_not_had_is_read_and_its_double_wage_follows() -> None:
    """Two lawyers reading the check half named a worker with a year and no contract told only N / 2N: 没有劳动合同 /
    连合同都没有 / 没有在厂里签合同 were not read as no contract, so the double wage (82) never followed."""
    for told in [
        "因为没有劳动合同，受伤了找谁",
        "干了一年，连合同都没有",
        "我没有在塑料厂签合同，老板扣我工资",
    ]:
        assert extract_facts([told], TODAY).values()["contract_signed"] is False, told
    assert "contract_signed" not in extract_facts(["劳动合同原件没在我这里"], TODAY).values()
    plan = plan_with_tools(
        "在饭店干了一年，连合同都没有，现在老板说不用来了，能赔多少", ranked("unlawful_termination")
    )
    assert any("二倍工资" in sentence.text for sentence in plan.conclusion)


def test_two_contracts_in_a_row_are_two_not_a_renewal_twice() -> None:
    """连续签了两次 holds 续签了两次 inside it: it was read as three contracts."""
    told = extract_facts(["我跟公司连续签了两次固定期限合同，这次到期公司说不续了"], TODAY).values()
    assert told["fixed_terms"] == 2
    assert extract_facts(["合同续签了两次，现在又到期了"], TODAY).values()["fixed_terms"] == 3
