"""The object of an asked clause that refers back (corpus/consult/referents.toml): 这样合法吗, 这个字要不要签,
他们这么做合法吗 name no topic of their own; they ask about the acts told just before them, each of which
gets its sentence; and a part of a question that names its topic only by the taxonomy's words (这个算工伤吗)
is answered rather than dropped.

The question, the candidate guides and the taxonomy's issue keywords are the inputs; the answers are chosen
with the plan's own helpers (assistant/consult/plan.py), reached at call time since the plan imports this.
Session 15, issue 13 (classes "answers a different question" and "part dropped")."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import AnswerKind, Guide, GuideAnswer, GuideError
from assistant.consult.kinds import asked_clause
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.query import affirmed

if TYPE_CHECKING:  # plan imports this module; its helpers are reached at call time
    from assistant.consult.plan import ConsultPlan, Sentence

REFERENTS_PATH = CORPUS_DIR / "consult" / "referents.toml"
MAX_REFERENTS = 3  # acts told before one back-referring clause that each get their sentence

_SENTENCE_END = re.compile(r"[。？?！!；;\n]")
_CLAUSE_END = re.compile(r"[，,。？?！!；;：:\n]")


@dataclass(frozen=True)
class ReferentWords:
    words: tuple[str, ...]
    unless: tuple[str, ...]
    joined: tuple[str, ...] = ()  # additive words that join one told act to the one before it (也, 还)
    not_joined: tuple[str, ...] = ()  # the same characters in another sense (还没: not yet)

    def refers(self, clause: str) -> bool:
        """Does the clause point back to an act told before it (这样, 这么做), not to a time (这个月)?"""
        text = clause.lower()
        for word in self.unless:
            text = text.replace(word, "")
        return any(word in text for word in self.words)

    def joins(self, clause: str) -> bool:
        """Is the clause joined to the one before it as one more act (也没交社保, 还说迟到要罚)?"""
        text = clause.lower()
        for word in self.not_joined:
            text = text.replace(word, "")
        return any(word in text for word in self.joined)


def parse_referents(data: Mapping[str, object], where: str = "referents.toml") -> ReferentWords:
    raw = data.get("refer")
    if not isinstance(raw, dict):
        raise GuideError(f"{where}：缺少 [refer]")
    words, unless = raw.get("words"), raw.get("unless", [])
    joined, not_joined = raw.get("joined", []), raw.get("not_joined", [])
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise GuideError(f"{where}：[refer].words 应为非空词表")
    for name, listed in (("unless", unless), ("joined", joined), ("not_joined", not_joined)):
        if not isinstance(listed, list) or not all(isinstance(w, str) and w for w in listed):
            raise GuideError(f"{where}：[refer].{name} 应为词表")
    return ReferentWords(
        tuple(w.lower() for w in words),
        tuple(w.lower() for w in unless),
        tuple(w.lower() for w in joined),
        tuple(w.lower() for w in not_joined),
    )


@lru_cache(maxsize=4)
def load_referents(path: Path = REFERENTS_PATH) -> ReferentWords:
    with path.open("rb") as handle:
        return parse_referents(tomllib.load(handle), path.name)


@dataclass(frozen=True)
class Referent:
    """A candidate guide whose topic a told clause names, with that clause (what its answer is chosen by)."""

    guide: Guide
    told: str


Names = Callable[[Guide, str], bool]


def referred(
    question: str,
    guides: Sequence[Guide],
    names: Names,
    words: ReferentWords | None = None,
) -> tuple[Referent, ...]:
    """The guides whose topics the asked clause refers back to, in the order told: empty unless the asked
    clause points back (这样, 这么做) and names no candidate's topic itself (``names``: does the guide's
    topic occur in a text). The referent is the nearest told clause that names a candidate's topic — in the
    asked clause's own sentence first, else in the sentence before it (…身份证被扣着不还。这样合法吗？) — with
    the acts joined to it by 也 / 还 (…也没交社保，合同也没签，他们这么做合法吗); at most MAX_REFERENTS, each guide
    once, in the order told."""
    text = unicodedata.normalize("NFKC", question)
    clause = asked_clause(text)
    if not clause or not guides:
        return ()
    words = load_referents() if words is None else words
    if not words.refers(clause) or any(names(g, clause) for g in guides):
        return ()
    at = text.rfind(clause)
    before = text[:at] if at >= 0 else ""
    for sentence in reversed([s for s in _SENTENCE_END.split(before) if s.strip()]):
        clauses = [c.strip() for c in _CLAUSE_END.split(sentence) if c.strip()]
        # The act referred to: the nearest clause naming a topic, and the clauses joined to it by an additive
        # word (也没交社保，合同也没签: a list of wrongs); a clause before the chain is background (摔下来骨折了，
        # 单位说到期就辞退，能这样吗 asks about the dismissal, the injury is why it matters).
        nearest = next(
            (i for i in range(len(clauses) - 1, -1, -1) if any(names(g, clauses[i]) for g in guides)), None
        )
        if nearest is None:
            continue
        start = nearest
        while start > 0 and words.joins(clauses[start]):
            start -= 1
        # One act a clause: the first candidate (in the order the guides are weighed) naming it — a second
        # guide whose word the same clause happens to hold (每月多发两百块社保补贴: 每月…发) tells no act of its
        # own. Each guide once, at the first clause naming it, with every clause of the chain that names it
        # (加班到十点，也不给加班费: both tell the overtime act its answer is chosen by).
        told: dict[int, tuple[Guide, list[str]]] = {}
        for part in clauses[start : nearest + 1]:
            guide = next((g for g in guides if names(g, part)), None)
            if guide is not None:
                told.setdefault(id(guide), (guide, []))[1].append(part)
        found = [Referent(guide, "，".join(parts)) for guide, parts in told.values()]
        return tuple(found[:MAX_REFERENTS])
    return ()


def names_topic(guide: Guide, text: str) -> bool:
    """Does the text name the guide's topic: a keyword of one of its issues (corpus/taxonomy.toml), said and
    not denied, or a subject word of one of its answers?"""
    from assistant.consult import plan

    lowered = text.lower()
    return issue_named(guide, lowered) or any(
        plan.coverage(plan.subject_words(answer), lowered) for answer in guide.answers
    )


def part_topic_answer(
    question: str,
    part: str,
    part_kind: AnswerKind,
    pool: Sequence[Guide],
    opening: GuideAnswer,
    opening_guide: Guide,
    chosen: set[int],
) -> tuple[Guide, GuideAnswer] | None:
    """A part that no answer's ask words name (这个属于工伤吗 beside 单位应该怎么赔偿; 公司的作法对不对 beside 能获得
    多少赔付) is not dropped: its topic is the candidate guide the asked clause names by the taxonomy's words
    (工伤), or — when it names none — the one the act told just before it names (referents.referred; 解雇 …
    公司的作法对不对); that guide's answer of the part's form answers it. Within the opening's guide only an
    answer of another form than the opening's (the same form is the same question asked twice). Session 15."""
    from assistant.consult import plan

    where = asked_clause(part) or part
    named = [g for g in pool if names_topic(g, where)]
    if not named:
        end = question.find(part)
        upto = question[: end + len(part)] if end >= 0 else part
        named = [r.guide for r in referred(upto, pool, names_topic)[:1]]
    for guide in named:
        answer = plan._select_answer(guide, part, part_kind)
        if answer is None or answer.kind != part_kind or id(answer) in chosen:
            continue
        if not _shares_pair(plan.subject_words(answer), where):
            # The guide's answer of that form is about another point of the topic (停工留薪期的工资 for
            # 能否评上伤残吗): not this part's answer.
            continue
        if guide is opening_guide and answer.kind == opening.kind:
            continue
        return guide, answer
    return None


def issue_named(guide: Guide, text: str) -> bool:
    """Does the text name the guide's topic by a keyword of one of its issues (corpus/taxonomy.toml), said and
    not denied — the taxonomy's words only, not the subject words of its answers?"""
    lowered = text.lower()
    knowledge = load_knowledge()
    return any(
        affirmed(word, lowered, knowledge)
        for issue in knowledge.issues
        if issue.id in guide.issues
        for word in issue.keywords
    )


def _shares_pair(words: Iterable[str], text: str) -> bool:
    """Does a two-character run of one of the words occur in the text (工伤 of 算工伤 in 这个属于工伤吗)?"""
    lowered = text.lower()
    return any(word[i : i + 2] in lowered for word in words for i in range(len(word) - 1))


# The shortest run two conclusion sentences must share to say the same thing.
_OVERLAP_CHARS = 20


def overlaps(text: str, said: Sequence[Sentence]) -> bool:
    """Does the text share a run of _OVERLAP_CHARS characters with a sentence already said?"""
    return any(
        SequenceMatcher(None, text, s.text, autojunk=False).find_longest_match().size >= _OVERLAP_CHARS
        for s in said
    )


def answer_referents(
    consult: ConsultPlan,
    referents: Sequence[Referent],
    question: str,
    kind: AnswerKind,
    values: Mapping[str, Any],
) -> None:
    """A verdict asked of acts told before it (扣了工资说是罚款，也没交社保，他们这么做合法吗): after the opening,
    one short sentence for each act its guide does not speak for — that guide's answer of the asked kind,
    chosen by the clauses that tell the act — in the order told (session 15, class "part dropped")."""
    from assistant.consult import plan

    if kind != "verdict":
        return
    clause = asked_clause(question)
    said = {s.text for s in consult.conclusion}
    for referent in referents:
        if len(consult.conclusion) >= plan.MAX_PARTS:
            break
        answer = plan._select_answer(referent.guide, f"{referent.told}，{clause}", kind, None, values)
        if answer is None or answer.kind != kind:
            continue
        branch = plan._branch(answer, values)
        if branch is None or branch[1] in said or plan._repeats_verdict(branch[1], consult.conclusion):
            continue
        statement, text = branch
        consult.reasons = [s for s in consult.reasons if s.text != text]
        consult.also = [s for s in consult.also if s.text != text]
        consult.conclusion.append(plan.Sentence(text, statement.cite))
        ref = f"{referent.guide.id}/{answer.id}"
        if ref not in consult.selected:
            consult.selected.append(ref)
        said.add(text)
