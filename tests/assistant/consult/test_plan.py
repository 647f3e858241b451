"""Which issue's guide answers: a faint issue does not speak for a question that is about another one,
even when the strongest issue has no guide of its own."""

from datetime import date
from pathlib import Path

from assistant.consult.facts import CaseFacts
from assistant.consult.guides import load_guides
from assistant.consult.plan import plan_consultation

GUIDE = """
id = "probation_test"
issues = ["probation"]
title = "试用期"
reviewed = "2026-12-05"
[[answers]]
kind = "verdict"
  [[answers.branches]]
  say = "试用期工资不能低于约定工资的80%。"
"""


def _plan(tmp_path: Path, issues: list[tuple[str, float]]) -> list[str]:
    (tmp_path / "probation_test.toml").write_text(GUIDE, encoding="utf-8")
    book = load_guides(tmp_path)
    plan = plan_consultation("离职一年多了，工资还能要吗", CaseFacts(date(2026, 12, 5)), issues, (), book)
    return plan.guides


def test_a_faint_issue_does_not_answer_when_the_strong_one_has_no_guide(tmp_path: Path) -> None:
    # arbitration_procedure (no guide here) is what the question is about; probation barely registers.
    assert _plan(tmp_path, [("arbitration_procedure", 0.5), ("probation", 0.15)]) == []


def test_a_second_issue_of_comparable_strength_still_answers(tmp_path: Path) -> None:
    assert _plan(tmp_path, [("arbitration_procedure", 0.5), ("probation", 0.3)]) == ["probation_test"]
