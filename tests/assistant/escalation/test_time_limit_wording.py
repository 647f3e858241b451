"""Time limits read from the spoken ways of saying a job ended (离的职, 辞的工): the arbitration year
counted from the end of the job escalates once passed, and not before."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.escalation.policy import decide

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "message",
    ["去年10月份离的职，老板还欠我一万二，我一直没去要，现在还来得及吗", "前年3月辞的工，加班费一直没给"],
)
def test_a_passed_limit_is_read_from_a_split_verb(message: str) -> None:
    codes = {r.code for r in decide(message, today=TODAY).reasons}
    assert "time_limit_passed" in codes


def test_a_recent_ending_said_the_same_way_does_not_escalate() -> None:
    assert not decide("上个月离的职，工资还差三千没结", today=TODAY).escalate


def test_the_consultation_dates_the_end_of_the_job_from_a_split_verb() -> None:
    facts = extract_facts(["去年10月份离的职，老板还欠我一万二"], TODAY)
    assert facts.get("end_date") == "2025-10-01" and facts.latest_dates() == {"end_date": "2025-10-31"}
