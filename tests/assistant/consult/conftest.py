"""The answer service the consultation tests ask through, dated so deadlines and ages do not drift."""

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.config import Settings
from assistant.runtime import Runtime

SERVICE_TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def service(runtime: Runtime, built_settings: Settings) -> AnswerService:
    return AnswerService(runtime.retriever, built_settings, today=lambda: SERVICE_TODAY)
