"""What kind of answer a question asks for: a verdict (合法吗), a figure (多少, 怎么算) or an action
(怎么办, 要不要签). The markers live in corpus/consult/question_kinds.toml."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import KINDS, AnswerKind, Condition, GuideError

# A particle closes a sentence: only punctuation or spaces after it, up to the end or a sentence's end.
_CLOSES = r"(?=[？?！!。.，,\s]*(?:$|[。？?！!]))"
# A yes/no question in the A-not-A form (给不给, 发不发, 算没算): one character, 不 or 没, the same character.
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")


@dataclass(frozen=True)
class KindMarkers:
    markers: dict[AnswerKind, tuple[str, ...]]
    # A question that asks two things: the last marker's kind gives way to this one when both occur
    # (加班费该给多少？一个月加这么多合法吗 asks for the figure, which states the verdict on the way).
    outranked_by: dict[AnswerKind, AnswerKind] = field(default_factory=dict)
    # Particles that ask a yes/no question when they close a sentence (能算工伤不？): [final] in the file.
    final: dict[AnswerKind, tuple[str, ...]] = field(default_factory=dict)
    # Words that make the asked clause lean on the background (还能, 还算): [still] in the file.
    still: tuple[str, ...] = ()
    # How a verdict that denies what was asked opens (没有。 不能。): [denials] in the file. Such a
    # verdict needs no figure, so no input for one is asked for.
    denials: tuple[str, ...] = ()
    # Words of an asked clause that ask for every head of claim at once (能要哪些钱, 这些都能要回来吗):
    # [heads] in the file, with the words that lead the heads beyond the opening.
    heads: tuple[str, ...] = ()
    heads_lead: str = ""
    # guide id → the facts that name its head of claim in the worker's story (contract_signed == false).
    head_when: dict[str, Condition] = field(default_factory=dict)
    # fact name → the facts that settle it already, so it is never asked (a grade after a death):
    # [moot] in the file.
    moot: dict[str, Condition] = field(default_factory=dict)
    # A status verdict (guide/answer ids) that, when ``status_when`` holds (the facts decide a labour
    # relation) and the asked clause asks a remedy (``status_words``), is followed by the heads the facts
    # name: [heads.after_status] in the file (session 13, class S: status decided, remedy left out).
    status_answers: tuple[str, ...] = ()
    status_when: Condition | None = None
    status_words: tuple[str, ...] = ()
    # Session 27: guide id → the guides whose opening already tells its head ([heads.covered_by]): the severance
    # guide's opening says the 2N of an unlawful dismissal, so the dismissal's head is not listed again after it.
    covered_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Session 28: a rule's meaning or basis asked (是什么意思, 依据是什么): [explain] in the file. A sentence holding one
    # is an asked part of a question of several parts, of the verdict form (the rule with its condition); the
    # kind of a whole question is not read from them.
    explain: tuple[str, ...] = ()

    @property
    def all_words(self) -> frozenset[str]:
        return frozenset(word for words in self.markers.values() for word in words)

    def kind_of(self, question: str) -> AnswerKind:
        """The kind of the question's last marker (ties: the longer marker); a verdict for a rule's meaning asked
        (是什么意思); action when none."""
        if (kind := self.marked(question)) is not None:
            return kind
        return "verdict" if self.explains(question) else "action"

    def explains(self, text: str) -> bool:
        lowered = text.lower()
        return any(word in lowered for word in self.explain)

    def asks_anywhere(self, text: str, kind: AnswerKind) -> bool:
        """Does any marker of this kind stand anywhere in the text — a word, a closing particle (能算工伤不？), or,
        for a verdict, the A-not-A form (给不给发, 还发不发) — whatever kind the question's last marker gives?"""
        lowered = text.lower()
        if any(word in lowered for word in self.markers.get(kind, ())):
            return True
        if any(re.search(re.escape(p) + _CLOSES, lowered) for p in self.final.get(kind, ())):
            return True
        return kind == "verdict" and _A_NOT_A.search(lowered) is not None

    def marked(self, question: str) -> AnswerKind | None:
        """The kind of the question's last marker (ties: the longer marker); None when it has none."""
        found = self.last_marker(question)
        return found[2] if found is not None else None

    def last_marker(self, question: str) -> tuple[int, int, AnswerKind] | None:
        """Where the marker that decides the question's kind stands (start, end) and its kind: the last
        one, or the last of the kind that outranks it when the question asks both."""
        text = question.lower()
        best: tuple[int, int, AnswerKind] | None = None
        for kind, words in self.markers.items():
            for word in words:
                for m in re.finditer(re.escape(word), text):
                    candidate = (m.end(), len(word), kind)
                    if best is None or candidate[:2] > best[:2]:
                        best = candidate
        for kind, particles in self.final.items():
            for particle in particles:
                for m in re.finditer(re.escape(particle) + _CLOSES, text):
                    candidate = (m.end(), len(particle), kind)
                    if best is None or candidate[:2] > best[:2]:
                        best = candidate
        if best is None:
            return None
        stronger = self.outranked_by.get(best[2])
        if stronger is not None and any(word in text for word in self.markers[stronger]):
            end, length = max(
                (m.end(), len(word))
                for word in self.markers[stronger]
                for m in re.finditer(re.escape(word), text)
            )
            return (end - length, end, stronger)
        return (best[0] - best[1], best[0], best[2])


@lru_cache(maxsize=2)
def load_markers(path: Path = CORPUS_DIR / "consult" / "question_kinds.toml") -> KindMarkers:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    data = raw.get("kinds", {})
    markers: dict[AnswerKind, tuple[str, ...]] = {}
    for kind in KINDS:
        words = data.get(kind)
        if not isinstance(words, list) or not words:
            raise GuideError(f"{path.name}: [kinds].{kind} must be a non-empty list")
        markers[kind] = tuple(w.lower() for w in words)
    outranked: dict[AnswerKind, AnswerKind] = {}
    for weaker, stronger in raw.get("outranked_by", {}).items():
        if weaker not in KINDS or stronger not in KINDS or weaker == stronger:
            raise GuideError(
                f"{path.name}: [outranked_by].{weaker} = {stronger!r} must name two different kinds"
            )
        outranked[weaker] = stronger
    final: dict[AnswerKind, tuple[str, ...]] = {}
    for kind, particles in raw.get("final", {}).items():
        if kind not in KINDS or not isinstance(particles, list):
            raise GuideError(f"{path.name}: [final].{kind} must be a list of particles of a known kind")
        final[kind] = tuple(p.lower() for p in particles)
    still = raw.get("still", {}).get("words", [])
    if not isinstance(still, list) or not all(isinstance(w, str) and w for w in still):
        raise GuideError(f"{path.name}: [still].words must be a list of words")
    denials = raw.get("denials", {}).get("openings", [])
    if not isinstance(denials, list) or not all(isinstance(w, str) and w for w in denials):
        raise GuideError(f"{path.name}: [denials].openings must be a list of words")
    heads = raw.get("heads", {})
    words, lead = heads.get("words", []), heads.get("lead", "")
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise GuideError(f"{path.name}: [heads].words must be a list of words")
    if words and (not isinstance(lead, str) or not lead.strip()):
        raise GuideError(f"{path.name}: [heads].lead must say how the further heads are introduced")
    named_by = heads.get("named_by", {})
    if not isinstance(named_by, dict) or not all(isinstance(c, str) and c for c in named_by.values()):
        raise GuideError(f"{path.name}: [heads.named_by] maps a guide id to a facts condition")
    after = heads.get("after_status", {})
    answers, remedy, holds = after.get("answers", []), after.get("words", []), after.get("when")
    if not isinstance(answers, list) or not all(isinstance(a, str) and "/" in a for a in answers):
        raise GuideError(f"{path.name}: [heads.after_status].answers must list guide/answer ids")
    if not isinstance(remedy, list) or not all(isinstance(w, str) and w for w in remedy):
        raise GuideError(f"{path.name}: [heads.after_status].words must be a list of words")
    if answers and not (isinstance(holds, str) and holds):
        raise GuideError(f"{path.name}: [heads.after_status].when must give the facts of the verdict")
    moot = raw.get("moot", {})
    if not isinstance(moot, dict) or not all(isinstance(c, str) and c for c in moot.values()):
        raise GuideError(f"{path.name}: [moot] maps a fact name to a facts condition")
    covered = heads.get("covered_by", {})
    if not isinstance(covered, dict) or not all(
        isinstance(ids, list) and all(isinstance(g, str) and g for g in ids) for ids in covered.values()
    ):
        raise GuideError(f"{path.name}: [heads.covered_by] maps a guide id to a list of guide ids")
    return KindMarkers(
        markers,
        outranked,
        final,
        tuple(w.lower() for w in still),
        tuple(denials),
        tuple(w.lower() for w in words),
        lead.strip(),
        {guide_id: Condition.parse(source) for guide_id, source in named_by.items()},
        {name: Condition.parse(source) for name, source in moot.items()},
        tuple(answers),
        Condition.parse(holds) if answers else None,
        tuple(w.lower() for w in remedy),
        {guide_id: tuple(ids) for guide_id, ids in covered.items()},
        tuple(w.lower() for w in raw.get("explain", {}).get("words", [])),
    )


# 那加班费呢？ / 社保呢 / 那年假怎么说: a follow-up that names a subject of its own (session 7). It keeps the
# earlier facts and the earlier question's form, but what it asks about is its own words, not the earlier
# question's (which would answer the earlier subject again).
_ELLIPTICAL = re.compile(r"^\s*(?:那|那么|还有|另外|再问一下)?[^，,。；;！!？?]{1,16}呢\s*[？?]?\s*$")


def asked_text(question: str, earlier: Sequence[str] = ()) -> str:
    """The words the question is asked in: a message that only adds facts (22年5月10号进的厂，工资6800)
    continues the last earlier message that asked something (老板把我开了，能要赔偿吗), so both are read."""
    markers = load_markers()
    if markers.marked(question) is not None or _ELLIPTICAL.search(question):
        return question
    for text in reversed(earlier):
        if markers.marked(text) is not None:
            return f"{text}\n{question}"
    return question


# What ends a clause: the asked clause runs between two of these around the deciding marker.
_CLAUSE_END = re.compile(r"[，,。？?！!；;：:\n]")


@lru_cache(maxsize=4096)  # read once per question, asked again for every guide answer weighed
def asked_clause(question: str) -> str:
    """The clause that carries the question — the one holding the marker that decides its kind (…医生说
    得养三个月，单位能赔几个月的工资吗 → 单位能赔几个月的工资吗); what comes before it is background. Empty
    when the question has no marker (an action asked by telling the facts), or when the clause asks
    whether something still holds given the background (撞我的司机已经赔了钱，我还能申请工伤吗: the
    background is what it is about)."""
    markers = load_markers()
    found = markers.last_marker(question)
    if found is None:
        return ""
    start, end, _ = found
    before = [m.end() for m in _CLAUSE_END.finditer(question, 0, start)]
    after = _CLAUSE_END.search(question, end)
    clause = question[(before[-1] if before else 0) : (after.start() if after else len(question))].strip()
    if any(word in clause.lower() for word in markers.still):
        return ""
    return clause


_SENTENCE_END = re.compile(r"[。？?！!；;\n]")


@lru_cache(maxsize=4096)
def asked_parts(question: str) -> tuple[str, ...]:
    """The sentences of a question that each ask something (a marker in them): 辞退了，补偿按几个月算？
    另外没休的年假能折现吗？ asks two things. One part (or none) for a question that asks one thing,
    however much background it tells first."""
    markers = load_markers()
    parts: list[str] = []
    for sentence in _SENTENCE_END.split(question):
        sentence = sentence.strip()
        if sentence and (markers.marked(sentence) is not None or markers.explains(sentence)):
            parts += _clause_parts(sentence, markers)
    return tuple(parts)


# What separates the clauses of one sentence when looking for several asked clauses: the clause ends, and the
# spaces of a question spoken into the phone (去哪里告 要多久能拿到).
_PART_CLAUSE_END = re.compile(r"[，,：:、\s]+")


def _clause_parts(sentence: str, markers: KindMarkers) -> list[str]:
    """Session 17 (parts17), class "several things asked in one sentence" (能不能认定工伤，能赔多少 / 要不要签，签了
    还能不能告 / 去哪里告 要多久): a sentence whose clauses carry two or more markers of their own asks each of
    them. Each part is the sentence's unmarked (background) clauses with its own marked clause, so that the
    part reads the facts told and asks only its own point; a sentence with one marked clause is one part."""
    clauses = [c for c in _PART_CLAUSE_END.split(sentence) if c]
    asked = [n for n, clause in enumerate(clauses) if markers.marked(clause) is not None]
    if len(asked) < 2:
        return [sentence]
    background = [n for n in range(len(clauses)) if n not in asked]
    return ["，".join(clauses[i] for i in sorted([*background, n])) for n in asked]


def asks_for_heads(question: str) -> bool:
    """Does the asked clause ask for every head of claim the facts before it name (我能要哪些钱 after a
    list of what went wrong), rather than one of them?"""
    words = load_markers().heads
    clause = asked_clause(question).lower()
    if not clause:
        # No marker of a kind (公司应该赔我什么): the question is asked in its last clause.
        clause = _CLAUSE_END.split(question.strip().rstrip("？?。！!"))[-1].lower()
    return bool(clause) and any(word in clause for word in words)


def asks_remedy_after_status(question: str, opening: str, values: Mapping[str, Any]) -> bool:
    """Does a status verdict (``opening``: the guide/answer that opened) decide a labour relation on the
    facts, with the asked clause asking what follows (能要赔偿吗 after the facts of being managed)?"""
    markers = load_markers()
    if opening not in markers.status_answers or markers.status_when is None:
        return False
    if markers.status_when.holds(values) is not True:
        return False
    clause = (
        asked_clause(question).lower() or _CLAUSE_END.split(question.strip().rstrip("？?。！!"))[-1].lower()
    )
    return any(word in clause for word in markers.status_words)


def question_kind(question: str, earlier: Sequence[str] = ()) -> AnswerKind:
    """The kind the question asks for. A message that only adds facts (22年5月10号进的厂，工资6800)
    continues the worker's earlier question, so it takes the kind of the last earlier message that
    asked something; with none, an action."""
    markers = load_markers()
    for text in [question, *reversed(earlier)]:
        if (kind := markers.marked(text)) is not None:
            return kind
    return "action"
