"""Answers with verified citations: an offline composer and an OpenAI-compatible LLM behind one
interface, citation verification after generation, confidence and the final markdown."""

from assistant.answer.models import Answer, Confidence, Escalation, GenerationRequest, Generator, Source
from assistant.answer.offline import OfflineComposer
from assistant.answer.service import AnswerService, Prepared, StreamEvent
from assistant.answer.verify import CitationVerifier, VerificationReport

__all__ = [
    "Answer",
    "AnswerService",
    "CitationVerifier",
    "Confidence",
    "Escalation",
    "GenerationRequest",
    "Generator",
    "OfflineComposer",
    "Prepared",
    "Source",
    "StreamEvent",
    "VerificationReport",
]
