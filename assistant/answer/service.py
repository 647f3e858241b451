"""From a question to a verified answer: rewrite a follow-up, retrieve, generate (LLM or offline),
verify every citation, judge confidence, suggest escalation, render the final markdown."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import unicodedata
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol, TypeVar

import numpy as np

from assistant.answer.consult_render import render_situations, source_numbers
from assistant.answer.models import (
    Answer,
    Confidence,
    GenerationRequest,
    Generator,
    IssueFacet,
    Source,
)
from assistant.answer.offline import OfflineComposer
from assistant.answer.prompts import leaks_system_prompt
from assistant.answer.render import LOW_CONFIDENCE_NOTE, case_excerpt, render_tail
from assistant.answer.sources import PROCEDURE_REF, RetrieverResolver, build_sources, procedure_source
from assistant.answer.verify import CitationVerifier, VerificationReport, split_segments
from assistant.config import Settings
from assistant.consult.answer_examples import Choice, load_answer_chooser
from assistant.consult.article_text import asks_article_text
from assistant.consult.asked_points import AskedPointTable, check_asked_points, load_asked_points
from assistant.consult.differences import DifferenceTable, check_differences, load_differences
from assistant.consult.facts import (
    FACT_NAMES,
    QUANTITY_NAMES,
    Fact,
    answers_question,
    extract_facts,
    only_sets_the_scene,
)
from assistant.consult.guides import GuideBook, check_guides, load_guides
from assistant.consult.kinds import asked_text
from assistant.consult.offers import OfferTable, check_offers, load_offers
from assistant.consult.owed import OwedTable, check_owed, load_owed
from assistant.consult.plan import ConsultPlan, ToolRunner, plan_consultation
from assistant.consult.positions import PositionTable, check_positions, load_positions
from assistant.consult.precedence import PrecedenceRule, check_precedence, load_precedence
from assistant.consult.predicates import PredicateTable, check_predicates, load_predicates
from assistant.consult.routing import IssueEvidence, IssueRouter, load_router
from assistant.consult.stages import StageTable, check_stages, load_stages
from assistant.consult.told_events import mark_untold_death
from assistant.consult.toolbridge import deadline_computations, default_tool_runner
from assistant.escalation import EscalationDecision, deadlines_of, decide, safety_prefix, suggest_escalation
from assistant.escalation.handoff import without_handoff
from assistant.escalation.policy import today_in_china
from assistant.followup import Rewrite, Turn, rewrite_followup
from assistant.retrieval import HybridRetriever, RetrievalResult
from assistant.retrieval.query import DirectRef

log = logging.getLogger(__name__)

# Fused retrieval scores (assistant/retrieval/retriever.py) of the best article an answer cites, set on
# eval/datasets/retrieval_dev.jsonl (2026-11-25): a gold article was in the top three for 93% of
# questions scoring >= 1.3, ~70% for 1.1-1.3, ~50% for 0.75-1.1 and 25% below. Re-check them when the
# fusion weights change. The score maps the same curve onto 0..1.
HIGH_SCORE = 1.25
MEDIUM_SCORE = 0.75
_SCORE_CURVE = ((0.6, 0.75, 1.0, 1.3), (0.2, 0.3, 0.5, 0.9))
INTERRUPTED_NOTE = "\n\n（AI 回答中断，下面是根据条文自动整理的回答。）\n\n"
# Replies to a first message that raises no labour question (你好, 在吗, asdf, 今天天气怎么样): no
# articles are forced on it, and no lawyer is asked to look at it unless the worker wants one.
NOT_A_QUESTION = (
    "我是工会法务云的劳动法律咨询助手，可以回答工资、劳动合同、工伤、社保、加班、辞退等劳动用工方面的问题。"
    "请把你遇到的情况说具体一些，例如：“在工地干了三个月，包工头一直不发工资怎么办？”"
)
IN_DANGER = (
    "你不是一个人在扛。如果愿意，可以说说遇到了什么事（比如被欠了多少工资、多久了），"
    "工会律师会看到，帮你一起想办法。"
)
ASKS_FOR_A_PERSON = (
    "好的。请简单说说你遇到的情况（用工方式、工作多久、涉及金额），工会律师看到后处理起来更快。"
    "工会职工服务热线 12351 也可以直接拨打。"
)


# The screen's readings that do not by themselves tell a case at work: a request for a person, the
# model's unsure reading, and a threat (danger_violence), which tells one only with a fact beside it
# (被威胁, 被打: the worker is its object) — 我要让他血债血偿 threatens and tells no case. Despair
# (danger_self_harm) always keeps its own reply.
NOT_A_CASE_OF_ITS_OWN_CODES = frozenset({"explicit_request", "danger_possible", "danger_violence"})
# Facts (corpus/consult/facts.toml) that place a message at work: pay, service, the workplace, an
# injury, violence or a threat against the worker, a job applicant.
WORK_FACTS = frozenset(
    {
        "monthly_wage",
        "average_monthly_wage",
        "service_months",
        "work_setting",
        "injured",
        "injury_date",
        "threatened",
        "violence",
        "applicant",
    }
)
AGAINST_THE_WORKER = frozenset({"threatened", "violence"})


@dataclass
class Prepared:
    """Everything decided before generation starts (and shown in the stream's first event)."""

    question: str
    rewrite: Rewrite
    result: RetrievalResult
    request: GenerationRequest
    timings_ms: dict[str, float]
    started: float = field(default_factory=time.perf_counter)
    negative_feedback: int = 0  # 没用 votes earlier in the conversation (an escalation trigger)
    lead: str | None = None  # safety block and urgent steps, computed once (shown first, also in a stream)
    screen: EscalationDecision | None = None  # the policy on the words alone, made once per question

    @property
    def sources(self) -> list[Source]:
        return self.request.sources


@dataclass
class StreamEvent:
    kind: Literal["delta", "done"]
    text: str = ""
    answer: Answer | None = None


def _fallback_reason(exc: BaseException) -> str:
    name = type(exc).__name__
    if isinstance(exc, TimeoutError | asyncio.TimeoutError) or "Timeout" in name:
        return "llm_timeout"
    return "llm_error"


# A conclusion from the team's issue guide (its clauses checked against the store) is more than a
# retrieval score says: a guide chosen by the question's own words answers that very question.
GUIDED_ASKED_SCORE = 0.9
GUIDED_SCORE = 0.7


def assess_confidence(prepared: Prepared, report: VerificationReport) -> Confidence:
    cited = [s for s in prepared.sources if s.n in report.valid_sources and s.kind != "case"]
    grounded = [s for s in cited if s.kind == "article"]
    if not grounded:
        return Confidence("low", 0.1, ["没有找到能够核实的法条依据"])
    plan = prepared.request.plan
    guided = plan is not None and plan.guided and bool(plan.refs())
    if any(s.direct for s in grounded):
        level, score = "high", 0.95
    elif guided and plan is not None:
        retrieved = max(s.score for s in grounded)
        level, score = ("high", GUIDED_ASKED_SCORE) if plan.asked_in_words else ("medium", GUIDED_SCORE)
        if retrieved >= HIGH_SCORE:
            level, score = "high", max(score, float(np.interp(retrieved, *_SCORE_CURVE)))
    else:
        top = max(s.score for s in grounded)
        score = round(float(np.interp(top, *_SCORE_CURVE)), 3)
        level = "high" if top >= HIGH_SCORE else "medium" if top >= MEDIUM_SCORE else "low"
    reasons: list[str] = []
    if report.removed:
        # Some of what the model wrote could not be checked: do not call the rest certain.
        reasons.append("回答中有无法核实的引用已被删除")
        if level == "high":
            level, score = "medium", min(score, 0.7)
    if level == "low":
        reasons.insert(0, "检索到的条文与问题的匹配度不高")
    return Confidence(level, score, reasons)  # type: ignore[arg-type]  # level is one of the literals


class AnswerService:
    def __init__(
        self,
        retriever: HybridRetriever,
        settings: Settings,
        llm: Generator | None = None,
        guides: GuideBook | None = None,
        tools: ToolRunner | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.retriever = retriever
        self.settings = settings
        self.offline = OfflineComposer()
        if llm is None and settings.answer_mode == "llm":
            from assistant.answer.llm import LLMGenerator

            llm = LLMGenerator(settings)
        self.llm = llm
        self.resolver = RetrieverResolver(retriever)
        self.guides = usable_guides(guides if guides is not None else load_guides(), retriever)
        # Which topic leads (corpus/consult/precedence.toml): a rule naming a guide left out, a fact or a
        # point that does not exist is logged and left out, so it cannot yield a guide to nothing.
        self.precedence = usable_rules(load_precedence(), self.guides)
        # The employer positions a worker may quote, rebutted by name: one citing a clause this store
        # lacks is logged and left out, so a rebuttal never cites what cannot be shown.
        self.positions = usable_positions(load_positions(), retriever)
        self.differences = usable_differences(load_differences(), retriever)
        # The points asked inside a topic (corpus/consult/asked_points.toml): one naming an answer of a guide
        # left out (a clause not in this store) is logged and left out.
        self.asked_points = usable_asked_points(load_asked_points(), self.guides)
        # The predicate families (corpus/consult/predicates.toml): a route naming an answer of a guide left
        # out is left out with it (session 14).
        self.predicates = usable_predicates(load_predicates(), self.guides)
        self.offers = usable_offers(load_offers(), retriever)
        # The rights the facts give beside the point asked (corpus/consult/also_owed.toml, session 21): an
        # entry citing a clause this store lacks is logged and left out.
        self.owed = usable_owed(load_owed(), retriever)
        # The stage reached and who asks (corpus/consult/stages.toml): an entry citing a clause this store
        # lacks is logged and left out.
        self.stages = usable_stages(load_stages(), retriever)
        # The learned choice of the answer asked (corpus/learned/answer_chooser.json, session 19): where no
        # listed word names it. None when absent or switched off; it needs the embedder's meaning vector.
        self.chooser = load_answer_chooser()
        embedder = getattr(retriever, "embedder", None)
        if self.chooser is not None and self.chooser.embedder != getattr(embedder, "name", None):
            self.chooser = None  # fitted on another embedder's vectors (the fake one in tests has none)
        self.today = today or (lambda: settings.reference_date or today_in_china())
        self.tools = tools if tools is not None else default_tool_runner(self.today)
        # The learned issue router (corpus/learned/issue_router.json): which issues' guides may answer,
        # from the keyword topics and the retrieval evidence together. None: the keyword topics alone.
        self.router: IssueRouter | None = load_router()
        self.evidence = IssueEvidence(retriever.knowledge.issues, self.guides)

    @property
    def mode(self) -> str:
        return "llm" if self.llm is not None else "offline"

    # --- before generation ---------------------------------------------------------------------

    def prepare(self, question: str, turns: Sequence[Turn] = (), negative_feedback: int = 0) -> Prepared:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        rewrite = rewrite_followup(question, turns, self.retriever.matcher.find)
        asked = self.asked_fact(turns)
        if turns and (
            (asked is not None and answers_question(question, asked, self.today()))
            or (
                asked_text(question, [t.question for t in turns]) != question
                and only_sets_the_scene(question, self.today())
            )
        ):
            # "参加工作12年了" answers the clarifying question of the previous answer, and "是在东莞"
            # asking nothing tells where the case just told happened: either is read as the previous
            # question completed, for retrieval as for the plan (searched alone, 是在东莞 found a stray
            # issue and no answer).
            rewrite = Rewrite(f"{turns[-1].query}，{question.strip()}", rewrite.context_laws, "clarification")
        t0 = time.perf_counter()
        timings["rewrite"] = (t0 - started) * 1000
        result = self.retriever.search(
            rewrite.query, k=self.settings.answer_articles, context_laws=rewrite.context_laws
        )
        t1 = time.perf_counter()
        timings["retrieve"] = (t1 - t0) * 1000
        cases = self.retriever.search_cases(rewrite.query, k=self.settings.answer_cases, statutes=result)
        t2 = time.perf_counter()
        timings["cases"] = (t2 - t1) * 1000
        plan, screen = self.consult(question, turns, result, rewrite)
        guide_units = [
            u for ref in plan.refs() if (u := self.retriever.lookup(DirectRef(*ref.key))) is not None
        ]
        timings["consult"] = (time.perf_counter() - t2) * 1000
        sources = build_sources(result, cases, self.retriever.lookup(PROCEDURE_REF), guide_units)
        topics = result.understanding.topics
        request = GenerationRequest(
            question=question.strip(),
            query=rewrite.query,
            sources=sources,
            topics=[issue.name for issue, _ in topics],
            topic_notes=[issue.description for issue, _ in topics if issue.description],
            history=[t.question for t in turns],
            issues=[
                IssueFacet(
                    issue.name,
                    issue.description,
                    frozenset((a.law, a.article, a.sub or 0) for a in issue.articles),
                )
                for issue, _ in topics
            ],
            plan=plan,
        )
        return Prepared(
            question.strip(), rewrite, result, request, timings, started, negative_feedback, screen=screen
        )

    def asked_fact(self, turns: Sequence[Turn]) -> str | None:
        """The fact the previous answer asked the worker for (its clarifying question), if any."""
        return self.guides.asked_fact(turns[-1].answer) if turns and turns[-1].answer else None

    def consult(
        self, question: str, turns: Sequence[Turn], result: RetrievalResult, rewrite: Rewrite | None = None
    ) -> tuple[ConsultPlan, EscalationDecision]:
        """The worker's facts from the whole conversation, the plan the guides make of them, and the
        policy's reading of the words alone (its codes raise the situations; the safety block reuses it)."""
        asked = self.asked_fact(turns)
        messages = [t.question for t in turns] + [question]
        facts = extract_facts(messages, self.today(), asked)
        screen = decide(question, [t.question for t in turns], today=self.today())
        # Session 16: a death the banner stands on is one the screen reads as a person's, in this case.
        mark_untold_death(facts, screen, messages)
        despair = {r.evidence for r in screen.reasons if r.category == "self_harm"}
        for reason in screen.reasons:
            # 想着死咗就一了百了: the words the screen reads as despair are nobody's death (session 23).
            if reason.category == "death" and not facts.has("death") and reason.evidence not in despair:
                # The safety screen reads deaths in more wordings than the facts' word list (人还是走了
                # after 抢救, 病死的): one reading of a death, so the death situation (今天先别签, the
                # 48-hour rule) opens the answer rather than the injury steps.
                facts.add(Fact("death", True, reason.evidence, reason.turn or 0))
        # An injury the severity line leaves to the assistant opens no ticket but still raises its situation.
        wished = {r.code for r in screen.reasons if r.category == "death" and r.evidence in despair}
        codes = [code for code in screen.situation_codes if code not in wished]
        issues = [(issue.id, score) for issue, score in result.understanding.topics]
        by_meaning = set(result.understanding.topics_by_meaning)
        if self.router is not None and (similarities := self.issue_similarities(result)):
            routed = self.evidence.route(
                self.router,
                without_handoff(unicodedata.normalize("NFKC", question)) or question,
                result.understanding.topics,
                result.understanding.topics_by_meaning,
                similarities,
                [(h.unit.law, h.unit.article_no or 0) for h in result.hits if not h.unit.is_case],
            )
            issues, by_meaning = routed.issues, by_meaning | routed.faint
        asked_points = self.asked_points
        if asks_article_text(question, self.retriever.matcher, result.understanding.direct_refs):
            # "X第二条怎么规定的" asks for the article's words: they open the answer (the direct quote),
            # not an issue guide that the article's subject happens to raise, nor a point asked of one
            # (session 15: 工伤保险条例第十四条怎么规定的 is not the recognition rule's overview).
            issues = []
            asked_points = AskedPointTable(())
        # A reply to a clarifying question is planned as the question it completes; a request for a
        # person (我要找律师) is not what the answer is about (the escalation policy handles it).
        asked_as = rewrite.query if rewrite is not None and rewrite.rule == "clarification" else question
        asked_as = without_handoff(unicodedata.normalize("NFKC", asked_as)) or asked_as
        today = self.today()
        plan = plan_consultation(
            asked_as,
            facts,
            issues,
            codes,
            self.guides,
            self.tools,
            lambda values: deadline_computations(values, today, facts.latest_dates()),
            by_meaning=by_meaning,
            earlier=[t.question for t in turns],
            support=retrieval_support(result),
            precedence=self.precedence,
            positions=self.positions,
            differences=self.differences,
            asked_points=asked_points,
            offers=self.offers,
            owed=self.owed,
            stages=self.stages,
            predicates=self.predicates,
            learned=self.learned_answer(asked_as, result),
        )
        return plan, screen

    def learned_answer(self, question: str, result: RetrievalResult) -> Choice | None:
        """The guide answer the learned classifier is sure the question asks for, if any."""
        analysis = result.analysis
        if self.chooser is None or analysis is None or analysis.vector is None:
            return None
        return self.chooser.choose(question, analysis.vector)

    def issue_similarities(self, result: RetrievalResult) -> dict[str, float]:
        """The question's likeness in meaning to each issue (empty without a vector that reads meaning)."""
        analysis = result.analysis
        if analysis is None or analysis.vector is None:
            return {}
        return self.retriever.issue_similarities(analysis.vector)

    # --- generation ----------------------------------------------------------------------------

    def _verifier(self, prepared: Prepared) -> CitationVerifier:
        # Whatever the model was talked into, a sentence repeating the system prompt is never shown.
        return CitationVerifier(prepared.sources, self.resolver, reject=leaks_system_prompt)

    @staticmethod
    def _tells_a_work_situation(prepared: Prepared) -> bool:
        """A message no topic phrase and no issue's meaning recognised may still tell a case at work:
        the screen reads its structure (a hand crushed by a press, a death in a trench, an ID card kept,
        a child of fifteen at work) and the facts read a wage, a length of service or a workplace.
        Such a message is answered as a labour question (the safety block still first) rather than
        told to describe its case (session 23: 切纸刀把我四个手指齐齐切断了 was asked to say more).
        Despair alone and a request for a person keep their own replies, which fit them better."""
        screen = prepared.screen
        codes = set(screen.situation_codes) if screen is not None else set()
        situations = codes - NOT_A_CASE_OF_ITS_OWN_CODES
        if "danger_self_harm" in codes or ("explicit_request" in codes and not situations):
            return False
        plan = prepared.request.plan
        told = set(plan.facts.facts) if plan is not None else set()
        if "danger_violence" in codes and not situations:
            # Threats read alone tell a case when the worker is their object, not their author.
            return bool(told & AGAINST_THE_WORKER)
        return bool(situations or told & WORK_FACTS)

    def _reply_without_articles(self, prepared: Prepared) -> Answer | None:
        """The answer to a first message that raises no labour question, or None for a real question.
        Only the escalation rules (danger, a request for a person) can send it to a lawyer."""
        if prepared.result.understanding.recognized or prepared.request.history:
            return None
        if self._tells_a_work_situation(prepared):
            return None
        confidence = Confidence("low", 0.0, ["没有识别出具体的劳动法律问题"])
        escalation = suggest_escalation(
            prepared.question, confidence, (), negative_feedback=prepared.negative_feedback, recognized=False
        )
        prefix = safety_prefix(prepared.question)
        body = "**结论**\n\n" + (
            IN_DANGER if prefix else ASKS_FOR_A_PERSON if escalation.suggested else NOT_A_QUESTION
        )
        prepared.timings_ms["total"] = (time.perf_counter() - prepared.started) * 1000
        return Answer(
            question=prepared.question,
            query=prepared.rewrite.query,
            text=prefix + body,
            body=body,
            citations=[],
            cases=[],
            sources=[],
            confidence=confidence,
            escalation=escalation,
            mode="offline",
            fallback_reason=None,
            verification=VerificationReport().public(),
            timings_ms=dict(prepared.timings_ms),
            recognized=False,
        )

    def answer(self, prepared: Prepared) -> Answer:
        if (reply := self._reply_without_articles(prepared)) is not None:
            return reply
        t0 = time.perf_counter()
        mode, reason, text = "offline", None, ""
        if self.llm is not None:
            try:
                text = self.llm.generate(prepared.request)
                mode = "llm"
                if not text.strip():
                    mode, reason = "offline", "llm_empty"
            except Exception as exc:  # noqa: BLE001 - any LLM failure falls back to the offline answer
                reason = _fallback_reason(exc)
                log.warning("LLM failed, answering offline: %s: %s", type(exc).__name__, exc)
        if mode == "offline":
            text = self.offline.generate(prepared.request)
        t1 = time.perf_counter()
        verifier = self._verifier(prepared)
        body = verifier.verify(text)
        prepared.timings_ms["generate"] = (t1 - t0) * 1000
        prepared.timings_ms["verify"] = (time.perf_counter() - t1) * 1000
        return self.finish(prepared, body, verifier.report, mode, reason)

    def ask(self, question: str, turns: Sequence[Turn] = (), negative_feedback: int = 0) -> Answer:
        return self.answer(self.prepare(question, turns, negative_feedback))

    async def astream(self, prepared: Prepared) -> AsyncIterator[StreamEvent]:
        """Verified text as it is generated, then the finished answer. The deltas always add up to
        the final answer's text."""
        if (reply := self._reply_without_articles(prepared)) is not None:
            for segment in split_segments(reply.text, final=True)[0]:
                yield StreamEvent("delta", segment)
            yield StreamEvent("done", answer=reply)
            return
        t0 = time.perf_counter()
        shown: list[str] = []
        # Danger to life: the safety message (emergency numbers) is the very first thing shown, then
        # the urgent steps of the situation (报警验伤, 先别签字 …), before any law.
        prefix = self.lead(prepared)
        if prefix:
            yield StreamEvent("delta", prefix)
        mode, reason = "offline", None
        report = VerificationReport()
        if self.llm is not None:
            verifier = self._verifier(prepared)
            try:
                async for piece in self.llm.astream(prepared.request):
                    if out := verifier.feed(piece):
                        shown.append(out)
                        yield StreamEvent("delta", out)
                if out := verifier.close():
                    shown.append(out)
                    yield StreamEvent("delta", out)
                mode = "llm" if "".join(shown).strip() else "offline"
                reason = None if mode == "llm" else "llm_empty"
            except Exception as exc:  # noqa: BLE001 - any LLM failure falls back to the offline answer
                reason = _fallback_reason(exc)
                log.warning("LLM stream failed, answering offline: %s: %s", type(exc).__name__, exc)
                if shown:
                    reason = "llm_interrupted"
                    shown.append(INTERRUPTED_NOTE)
                    yield StreamEvent("delta", INTERRUPTED_NOTE)
            report = verifier.report
        if mode == "offline":
            verifier = self._verifier(prepared)
            async for piece in self.offline.astream(prepared.request):
                if out := verifier.feed(piece):
                    shown.append(out)
                    yield StreamEvent("delta", out)
            if out := verifier.close():
                shown.append(out)
                yield StreamEvent("delta", out)
            report = _merge(report, verifier.report)
        prepared.timings_ms["generate"] = (time.perf_counter() - t0) * 1000
        answer = self.finish(prepared, "".join(shown), report, mode, reason)
        tail = answer.text[len(prefix) + len("".join(shown)) :]
        if tail:
            yield StreamEvent("delta", tail)
        yield StreamEvent("done", answer=answer)

    def lead(self, prepared: Prepared) -> str:
        """What opens the reply before the answer itself: the safety block when this message signals
        danger to life, then the urgent steps of the situations the conversation raises, verified
        like any text that cites. "" when there is neither."""
        if prepared.lead is None:
            safety = safety_prefix(prepared.question, prepared.request.history, prepared.screen)
            plan = prepared.request.plan
            urgent = ""
            if plan is not None and plan.situations:
                verifier = self._verifier(prepared)
                urgent = verifier.verify(render_situations(plan, source_numbers(prepared.sources)))
                urgent = urgent.strip() + "\n\n" if urgent.strip() else ""
            prepared.lead = safety + urgent
        return prepared.lead

    # --- after generation ----------------------------------------------------------------------

    def finish(
        self,
        prepared: Prepared,
        body: str,
        report: VerificationReport,
        mode: str,
        fallback_reason: str | None,
    ) -> Answer:
        confidence = assess_confidence(prepared, report)
        sources = prepared.sources
        grounded = [s for s in sources if s.n in report.valid_sources and s.kind == "article"]
        escalation = suggest_escalation(
            prepared.question,
            confidence,
            prepared.request.history,
            verified_citations=len(grounded),
            negative_feedback=prepared.negative_feedback,
            today=self.today(),
            deadlines=deadlines_of(prepared.request.plan.as_dict()["computations"])
            if prepared.request.plan
            else (),
        )
        procedure = procedure_source(sources)
        plan = prepared.request.plan
        cited = [s for s in sources if s.n in report.valid_sources and s.kind != "case"]
        if plan is not None:
            # The guide's clauses shown in the urgent steps, the computations and the next steps.
            planned = {ref.key for ref in plan.refs()}
            cited += [s for s in sources if s.kind != "case" and s.key() in planned and s not in cited]
        guided = plan is not None and (plan.guided or bool(plan.steps))
        if procedure is not None and procedure not in cited and not guided:
            cited.append(procedure)  # 下一步 cites it for the time limit
        cited.sort(key=lambda s: s.n)
        cases = [s for s in sources if s.kind == "case"]
        tail = render_tail(
            cited,
            cases,
            prepared.request.topics,
            prepared.request.query,
            procedure,
            plan,
            sources,
            check=lambda text: _without_note(self._verifier(prepared).verify(text)).strip() if text else text,
        )
        # The note follows the body: in a stream the body has already been shown when confidence is known.
        text = body + (("\n\n" + LOW_CONFIDENCE_NOTE) if confidence.level == "low" else "") + tail
        text = self.lead(prepared) + text
        prepared.timings_ms["total"] = (time.perf_counter() - prepared.started) * 1000
        return Answer(
            question=prepared.question,
            query=prepared.rewrite.query,
            text=text,
            body=body,
            citations=cited,
            cases=cases,
            sources=sources,
            confidence=confidence,
            escalation=escalation,
            mode=mode,
            fallback_reason=fallback_reason,
            verification=report.public(),
            timings_ms=dict(prepared.timings_ms),
            topics=list(prepared.request.topics),
            case_excerpts=[case_excerpt(s) for s in cases],
            plan=prepared.request.plan,
        )


def _merge(first: VerificationReport, second: VerificationReport) -> VerificationReport:
    return VerificationReport(
        checked=first.checked + second.checked,
        valid_sources=first.valid_sources | second.valid_sources,
        removed=first.removed + second.removed,
        corrected_markers=first.corrected_markers + second.corrected_markers,
        dropped_sentences=first.dropped_sentences + second.dropped_sentences,
        rejected_sentences=first.rejected_sentences + second.rejected_sentences,
    )


SUPPORT_DEPTH = 10  # retrieved articles whose rank may decide between guide answers of equal word fit


def retrieval_support(result: RetrievalResult) -> dict[tuple[str, int], float]:
    """Each of the best retrieved articles with 1/rank: how strongly retrieval reads the question as
    being about the clauses an answer rests on (cases and the added time-limit article do not count)."""
    support: dict[tuple[str, int], float] = {}
    for hit in result.hits:
        if hit.unit.is_case or hit.unit.article_no is None:
            continue
        if len(support) >= SUPPORT_DEPTH:
            break
        support.setdefault((hit.unit.law, hit.unit.article_no), 1.0 / (len(support) + 1))
    return support


def usable_rules(rules: tuple[PrecedenceRule, ...], book: GuideBook) -> tuple[PrecedenceRule, ...]:
    """The precedence rules whose guides, facts and points all exist (the rest logged and left out)."""
    problems = check_precedence(rules, book, FACT_NAMES | QUANTITY_NAMES)
    for problem in problems:
        log.error("precedence rule left out: %s", problem)
    bad = {p.guide for p in problems}
    return tuple(r for r in rules if r.id not in bad)


def _store_lookup(retriever: HybridRetriever) -> Callable[[str, int, int | None], object]:
    """A clause of this store by law, article and paragraph (None when absent): what every load check reads."""

    def lookup(law: str, article: int, sub: int | None) -> object:
        return retriever.lookup(DirectRef(law, article, sub))

    return lookup


class _Trimmable(Protocol):
    def without(self, ids: set[str]) -> Any: ...


_Table = TypeVar("_Table", bound=_Trimmable)


def _left_out(table: _Table, problems: Sequence[tuple[Any, ...]], what: str) -> _Table:
    """The table without the entries a load check found a problem in (entry id first), each logged."""
    for problem in problems:
        log.error("%s left out: %s", what, ": ".join(str(part) for part in problem))
    return table.without({str(problem[0]) for problem in problems}) if problems else table


def usable_positions(table: PositionTable, retriever: HybridRetriever) -> PositionTable:
    """The employer positions whose every clause is in this store and in force (the rest logged)."""
    return _left_out(
        table,
        check_positions(table, _store_lookup(retriever), FACT_NAMES | QUANTITY_NAMES),
        "employer position",
    )


def usable_differences(table: DifferenceTable, retriever: HybridRetriever) -> DifferenceTable:
    """The 区别 pairs whose every clause is in this store and in force (the rest logged)."""
    return _left_out(table, check_differences(table, _store_lookup(retriever)), "difference")


def usable_asked_points(table: AskedPointTable, book: GuideBook) -> AskedPointTable:
    """The asked points whose answer is in a usable guide (its clauses all in this store) and whose
    condition and displaced guides exist (the rest logged and left out)."""
    return _left_out(table, check_asked_points(table, book, FACT_NAMES | QUANTITY_NAMES), "asked point")


def usable_predicates(table: PredicateTable, book: GuideBook) -> PredicateTable:
    """The predicate families' routes whose answer is in a usable guide and whose condition and topics
    exist (the rest logged and left out)."""
    return _left_out(table, check_predicates(table, book, FACT_NAMES | QUANTITY_NAMES), "predicate route")


def usable_offers(table: OfferTable, retriever: HybridRetriever) -> OfferTable:
    """The figures an offer is set against whose every clause is in this store and in force."""
    return _left_out(
        table, check_offers(table, _store_lookup(retriever), FACT_NAMES | QUANTITY_NAMES), "offer comparison"
    )


def usable_owed(table: OwedTable, retriever: HybridRetriever) -> OwedTable:
    """The rights beside the point asked whose every clause is in this store and in force (the rest logged)."""
    return _left_out(
        table, check_owed(table, _store_lookup(retriever), FACT_NAMES | QUANTITY_NAMES), "right also owed"
    )


def usable_stages(table: StageTable, retriever: HybridRetriever) -> StageTable:
    """The stages and asker notes whose every clause is in this store and in force (the rest logged)."""
    return _left_out(
        table,
        check_stages(table, _store_lookup(retriever), FACT_NAMES | QUANTITY_NAMES),
        "stage or asker note",
    )


def usable_guides(book: GuideBook, retriever: HybridRetriever) -> GuideBook:
    """The guides whose every clause is in this store and in force. A guide failing the check (an
    operator's index without a law it cites) is left out whole, loudly: half a guide could conclude
    without the clause its conclusion stands on."""
    lookup = _store_lookup(retriever)
    problems = check_guides(book, lookup)
    if not problems:
        return book
    bad = {p.guide for p in problems}
    for problem in problems:
        log.error("issue guide left out: %s", problem)
    return GuideBook(
        tuple(g for g in book.guides if g.id not in bad), tuple(g for g in book.situations if g.id not in bad)
    )


_REMOVED_NOTE = re.compile(r"\s*（说明：回答中有 \d+ 处无法在法规库中核实的法条引用，已删除。）")


def _without_note(text: str) -> str:
    """The rendered steps and formulas without the verifier's note: anything it removed there was the
    system's own wording (a tool's remark), and the note would only confuse the worker."""
    return _REMOVED_NOTE.sub("", text)
