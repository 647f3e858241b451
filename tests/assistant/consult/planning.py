"""One way for the consultation tests to plan an answer the way the service does: the real facts
reader, the real guides and the real worker tools, on the day the team's wording is dated."""

from __future__ import annotations

from datetime import date
from functools import cache

from assistant.answer import AnswerService
from assistant.consult.answer_examples import Choice
from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideBook, load_guides
from assistant.consult.owed import OwedTable
from assistant.consult.own_figures import FigureTable
from assistant.consult.plan import ConsultPlan, plan_consultation
from assistant.consult.toolbridge import deadline_computations, default_tool_runner
from eval.consult_metrics import opening as split_opening

TODAY = date(2026, 12, 5)


@cache
def guide_book() -> GuideBook:
    return load_guides()


def plan_with_tools(
    question: str,
    issues: list[tuple[str, float]],
    *,
    codes: tuple[str, ...] = (),
    book: GuideBook | None = None,
    owed: OwedTable | None = None,
    own_figures: FigureTable | None = None,
) -> ConsultPlan:
    """Plan `question` for these scored issues (and escalation codes), facts read from the question; ``owed``: the
    table of rights also owed, ``own_figures``: the table of the worker's own figures (None: the shipped ones)."""
    return plan_consultation(
        question,
        extract_facts([question], TODAY),
        issues,
        codes,
        book or guide_book(),
        default_tool_runner(lambda: TODAY),
        lambda values: deadline_computations(values, TODAY),
        owed=owed,
        own_figures=own_figures,
    )


def plan_with_choice(
    question: str,
    issues: list[tuple[str, float]],
    learned: Choice | None,
    *,
    by_meaning: tuple[str, ...] = (),
) -> ConsultPlan:
    """Plan `question` as the service does with the learned classifier's choice given (None: without it)."""
    return plan_consultation(
        question,
        extract_facts([question], TODAY),
        issues,
        (),
        guide_book(),
        default_tool_runner(lambda: TODAY),
        by_meaning=by_meaning,
        learned=learned,
    )


def ranked(*issues: str | tuple[str, float]) -> list[tuple[str, float]]:
    """Issues as retrieval would score them: in the given order, 1.0, 0.9, … unless a score is given."""
    return [issue if isinstance(issue, tuple) else (issue, 1.0 - 0.1 * i) for i, issue in enumerate(issues)]


def opening(p: ConsultPlan) -> str:
    assert p.conclusion, "no conclusion"
    return p.conclusion[0].text


def first_of(service: AnswerService, question: str) -> str:
    """The first sentence of the conclusion the whole service answers with (below any safety block)."""
    _, first = split_opening(service.ask(question).text)
    return first


def service_plan(service: AnswerService, question: str) -> ConsultPlan:
    """The plan the whole service makes for a first message (its conclusion not empty)."""
    plan = service.prepare(question, []).request.plan
    assert plan is not None and plan.conclusion
    return plan


def conclusion_text(plan: ConsultPlan) -> str:
    return " ".join(s.text for s in plan.conclusion)


def conclusion_cites(plan: ConsultPlan, law: str, article: int) -> bool:
    """Whether a sentence of the conclusion rests on that article of that law."""
    return any(ref.law == law and ref.article == article for s in plan.conclusion for ref in s.cite)
