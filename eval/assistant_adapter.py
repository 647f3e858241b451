"""Runs the real assistant (retrieval → answer → verification → escalation) for the evaluation
harness, turn by turn, and checks every citation the worker would see independently of the
assistant's own verifier."""

from __future__ import annotations

import re
import time

from assistant.answer.service import AnswerService
from assistant.followup import Turn
from assistant.retrieval import HybridRetriever
from eval.answers import AnswerRecord
from ingest.parse import extract_citations


def shown_citations(text: str) -> list[tuple[str, int, int]]:
    """Every 《X》第N条 the answer text shows, as (law short name, article, sub)."""
    # Quoted article text (Markdown blockquotes) may itself refer to other articles; those are the
    # statute's words, not the assistant's citations.
    # The same holds for an article quoted inline in 「…」 (审批办法第三条 quotes 劳动法第三十六条).
    own_words = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    own_words = re.sub(r"「[^「」]*」", "", own_words)
    return [(law, article, sub or 0) for law, article, sub in extract_citations(own_words)]


class AssistantUnderTest:
    def __init__(self, service: AnswerService, retriever: HybridRetriever) -> None:
        self.service = service
        self.retriever = retriever

    def __call__(self, turns: list[str], question: str) -> AnswerRecord:
        history: list[Turn] = []
        for earlier in turns:
            prepared = self.service.prepare(earlier, history)
            answer = self.service.answer(prepared)
            history.append(
                Turn(
                    earlier, prepared.rewrite.query, [c.as_citation() for c in answer.citations], answer.text
                )
            )
        started = time.perf_counter()
        prepared = self.service.prepare(question, history)
        answer = self.service.answer(prepared)
        seconds = time.perf_counter() - started
        retrieved = [(h.unit.law, h.unit.article_no or 0, h.unit.sub or 0) for h in prepared.result.hits]
        source_keys = {(s.unit.law, s.unit.article_no or 0, s.unit.sub or 0) for s in prepared.sources}
        cited = [
            (c.unit.law, c.unit.article_no or 0, c.unit.sub or 0)
            for c in answer.citations
            if c.unit.article_no is not None and not c.unit.is_case
        ]
        invalid: list[str] = []
        for law, article, sub in set(shown_citations(answer.text)) | set(cited):
            try:
                unit = self.retriever.index.store.get_article(law, article, sub or None)
            except LookupError:
                invalid.append(f"{law} {article}: not in the store")
                continue
            if not unit.in_force:
                invalid.append(f"{law} {article}: {unit.validity}")
            elif (unit.law, article, sub) not in source_keys:
                invalid.append(f"{law} {article}: not among the retrieved sources")
        return AnswerRecord(
            answer=answer.text,
            citations=cited,
            retrieved=retrieved,
            escalate=answer.escalation.suggested,
            escalation_reasons=[str(r) for r in answer.escalation.reasons],
            confidence=answer.confidence.level,
            mode=answer.mode,
            seconds=seconds,
            invalid_citations=invalid,
            quantities=answer.plan.quantities() if answer.plan is not None else {},
            facts=answer.plan.facts.values() if answer.plan is not None else {},
            selected=list(answer.plan.selected) if answer.plan is not None else [],
        )
