"""Retrieval's ranking as a tie-breaker between guide answers: when the question's words select none of a
guide's answers of the asked kind, the one resting on the articles retrieval ranks highest speaks; when
the words name the point asked, they decide whatever retrieval ranks first. The wording is the team's own."""

from datetime import date

from assistant.consult.facts import extract_facts
from assistant.consult.guides import load_guides
from assistant.consult.plan import ConsultPlan, Support, plan_consultation, support_of

TODAY = date(2026, 12, 5)
APPLY = {("工伤认定办法", 6): 1.0, ("工伤保险条例", 18): 0.5}  # retrieval reads: how to apply
DEADLINE = {("工伤保险条例", 17): 1.0}  # retrieval reads: the employer's 30 days and the worker's year


def plan(question: str, *issues: str, support: Support | None = None) -> ConsultPlan:
    facts = extract_facts([question], TODAY)
    scored = [(issue, 1.0 - 0.1 * i) for i, issue in enumerate(issues)]
    return plan_consultation(question, facts, scored, (), load_guides(), support=support)


def test_without_words_for_any_answer_the_retrieved_clauses_choose_it() -> None:
    question = "工伤认定这事我该先做什么"
    # Word fit alone leaves the guide's first action answer (the time limits), whatever was asked.
    assert plan(question, "work_injury_recognition").selected == ["work_injury_recognition/deadline"]
    chosen = plan(question, "work_injury_recognition", support=APPLY)
    assert chosen.selected == ["work_injury_recognition/how_to_apply"]
    assert "申请" in chosen.conclusion[0].text
    assert any((r.law, r.article) == ("工伤认定办法", 6) for r in chosen.conclusion[0].cite)


def test_the_questions_own_words_decide_over_the_ranking() -> None:
    # 怎么申请 names the answer: retrieval ranking the deadline clause first does not take it away.
    asked = plan("手受伤了，工伤认定怎么申请", "work_injury_recognition", support=DEADLINE)
    assert asked.selected == ["work_injury_recognition/how_to_apply"]
    # 不给申请 names the other one: the ranking of the application clauses does not take it away either.
    refused = plan("厂里不给申请工伤认定，我该怎么办", "work_injury_recognition", support=APPLY)
    assert refused.selected == ["work_injury_recognition/deadline"]


def test_a_ranking_that_touches_no_answer_changes_nothing() -> None:
    question = "工伤认定这事我该先做什么"
    unrelated = {("劳动法", 44): 1.0, ("劳动合同法", 82): 0.5}
    assert plan(question, "work_injury_recognition", support=unrelated).selected == [
        "work_injury_recognition/deadline"
    ]
    guide = next(g for g in load_guides().all() if g.id == "work_injury_recognition")
    assert all(support_of(a, unrelated) == 0.0 for a in guide.answers)
    assert support_of(guide.answers[0], None) == 0.0


def test_support_reads_the_ranked_articles_not_the_cases() -> None:
    from types import SimpleNamespace

    from assistant.answer.service import SUPPORT_DEPTH, retrieval_support

    def hit(law: str, article: int | None, case: bool = False) -> SimpleNamespace:
        return SimpleNamespace(unit=SimpleNamespace(law=law, article_no=article, is_case=case))

    hits = [
        hit("某案例", None, case=True),
        hit("工伤保险条例", 17),
        hit("工伤保险条例", 17),
        hit("工伤认定办法", 6),
    ]
    hits += [hit("劳动法", n) for n in range(1, 20)]
    support = retrieval_support(SimpleNamespace(hits=hits))  # type: ignore[arg-type]
    assert (
        support[("工伤保险条例", 17)] == 1.0
    )  # a case ranked above it does not count; a second chunk neither
    assert support[("工伤认定办法", 6)] == 0.5
    assert len(support) == SUPPORT_DEPTH
