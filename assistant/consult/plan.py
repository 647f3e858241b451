"""The consultation plan: from the worker's facts, the detected issues and the escalation signals to
what the answer must say — the urgent steps first, then a direct conclusion in the form the question
asks for, the one fact still needed, the reasons, what can be claimed (computed by the worker tools),
the steps specific to the case, the evidence and the mistakes to avoid.

Pure: the guides (corpus/guides/), the facts and a tool runner are its inputs; both generation modes
render from the same plan (the offline composer writes it out; the LLM gets it as context)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from assistant.consult.answer_examples import Choice
from assistant.consult.asked_points import AskedPoint, AskedPointTable, find_asked_point, load_asked_points
from assistant.consult.differences import DifferenceTable, Pair, find_difference, load_differences
from assistant.consult.facts import DATE_FACTS, QUANTITY_NAMES, CaseFacts, load_lexicon
from assistant.consult.guides import (
    AnswerKind,
    ClauseRef,
    Guide,
    GuideAnswer,
    GuideBook,
    Statement,
    load_points,
)
from assistant.consult.kinds import (
    KindMarkers,
    asked_clause,
    asked_parts,
    asked_text,
    asks_for_heads,
    asks_remedy_after_status,
    load_markers,
    question_kind,
)
from assistant.consult.offers import SIGNED_FACTS, OfferTable, compare_offer, load_offers
from assistant.consult.owed import OwedTable, also_owed, load_owed, opening_text
from assistant.consult.own_figures import FigureTable, load_own_figures, with_own_figures
from assistant.consult.places import province_full_name
from assistant.consult.positions import PositionTable, Rebuttal, find_rebuttal, load_positions
from assistant.consult.precedence import PrecedenceRule, load_answer_rules, load_precedence
from assistant.consult.predicates import (
    Family,
    PredicateTable,
    beside,
    find_family,
    load_predicates,
    route_for,
    said_words,
)
from assistant.consult.referents import (
    answer_referents,
    issue_named,
    names_topic,
    overlaps,
    part_topic_answer,
    referred,
)
from assistant.consult.stages import StageTable, apply_stages, load_stages

MAX_ISSUE_GUIDES = 2  # detected issues whose guides shape one answer
MAX_CANDIDATE_GUIDES = 3  # detected issues whose guides are weighed for it
# The dispute stages at or past an arbitration applied for (assistant/consult/facts.py DISPUTE_STAGES).
ARBITRATION_PASSED = frozenset({"arbitration", "award", "judgment_first", "judgment_final", "enforcement"})
SECOND_ISSUE_SHARE = 0.5  # a second issue counts when its detection score is at least this share
# Session 26: a part is another answer's own point when that answer's ask words reach this many characters of it.
NAMED_PART_MIN_CHARS = 3
MAX_PARTS = 3  # asked parts of one question the opening answers (辞退了补偿按几个月算？年假能折现吗？)
MAX_HEADS = 4  # heads of claim one opening names when all of them are asked for (我能要哪些钱)
EVIDENCE_NAMED = 4  # items of the topic's evidence list named after an evidence predicate's opening
# Retrieval's say in which answer speaks (bench/answer_choice_bench.py measured the settings out of fold):
# "none", "select" (between a guide's answers of equal word fit, and for its default answer of the
# asked kind), "both" (also between candidate guides of equal word fit).
SUPPORT_USE = "both"
# The forms that, asked in so many words, outrank an answer of another form matched only by a
# circumstance told outside the asked clause (bench/openings_bench.py, session 9).
FORM_OVER_CIRCUMSTANCE: frozenset[str] = frozenset({"figure"})

Support = Mapping[tuple[str, int], float]
# The facts that say who asks: an answer's branch naming one was written for that asker (session 17, plan17).
ASKER_FACTS = frozenset({"asker", "worker_spoken_of"})


def support_of(answer: GuideAnswer | None, support: Support | None) -> float:
    """How high retrieval ranks the articles this answer's conclusions rest on (1/rank of the best)."""
    if answer is None or not support or SUPPORT_USE == "none":
        return 0.0
    return max(
        (support.get((ref.law, ref.article), 0.0) for s in answer.branches for ref in s.cite), default=0.0
    )


@dataclass(frozen=True)
class Computation:
    """A tool's result as the answer shows it: the formula with the numbers, the clauses applied."""

    tool: str
    title: str
    formula: str
    quantities: dict[str, Any]
    cite: tuple[ClauseRef, ...] = ()
    assumptions: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    # The amounts it computed (a severance whose cap could not be checked without the city has one).
    amounts: tuple[str, ...] = ()
    applies: bool = True  # the facts name the situation the tool is for (a job ended, a dismissal …)

    @property
    def usable(self) -> bool:
        """Worth showing: complete, or a figure computed with what is still missing named (N months
        before the wage is known; an amount whose cap needs the city)."""
        return not self.missing or bool(self.amounts) or bool(self.quantities)


ToolRunner = Callable[[str, Mapping[str, Any]], Computation | None]


@dataclass(frozen=True)
class Sentence:
    text: str
    cite: tuple[ClauseRef, ...] = ()


@dataclass(frozen=True)
class SituationBlock:
    guide_id: str
    title: str
    steps: tuple[Sentence, ...]
    shown: bool = True  # session 16: a quiet situation speaks its answers but shows no block (quiet_when)


@dataclass
class ConsultPlan:
    kind: AnswerKind
    facts: CaseFacts
    situations: list[SituationBlock] = field(default_factory=list)
    conclusion: list[Sentence] = field(default_factory=list)
    conclusion_kind: AnswerKind | None = None  # the form the conclusion takes (None: no guide applied)
    ask: str | None = None  # one short clarifying question
    ask_fact: str | None = None
    reasons: list[Sentence] = field(default_factory=list)
    claims: list[Sentence] = field(default_factory=list)
    computations: list[Computation] = field(default_factory=list)
    steps: list[Sentence] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    mistakes: list[Sentence] = field(default_factory=list)
    guides: list[str] = field(default_factory=list)
    facts_shown: list[str] = field(default_factory=list)  # 按你说的：月工资4350元 …
    documents: list[str] = field(default_factory=list)  # drafts worth offering (arbitration)
    also: list[Sentence] = field(default_factory=list)  # other guides' conclusions, first among reasons
    asked_in_words: bool = False  # the conclusion's guide answer was chosen by the question's own words
    selected: list[str] = field(default_factory=list)  # "guide/answer" of each voice, the conclusion's first
    learned: str | None = None  # the answer the example questions chose (guide/answer), when they chose

    @property
    def guided(self) -> bool:
        return bool(self.conclusion)

    def refs(self) -> list[ClauseRef]:
        """Every clause the plan cites, in order of first use (they must be among the sources)."""
        seen: dict[ClauseRef, None] = {}
        groups: Iterable[Sequence[Sentence]] = [
            *(block.steps for block in self.situations if block.shown),
            self.conclusion,
            self.reasons,
            self.claims,
            self.steps,
            self.mistakes,
        ]
        for group in groups:
            for sentence in group:
                for ref in sentence.cite:
                    seen.setdefault(ref, None)
        for computation in self.computations:
            for ref in computation.cite:
                seen.setdefault(ref, None)
        return list(seen)

    def quantities(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for computation in self.computations:
            out.update(computation.quantities)
        return out

    def as_dict(self) -> dict[str, Any]:
        """What the API returns about the consultation (besides the answer text)."""
        return {
            "kind": self.kind,
            "conclusion_kind": self.conclusion_kind,
            "guides": list(self.guides),
            "situations": [block.guide_id for block in self.situations],
            "ask": self.ask,
            "ask_fact": self.ask_fact,
            "selected": list(self.selected),
            "documents": list(self.documents),
            "computations": [
                {
                    "tool": c.tool,
                    "title": c.title,
                    "formula": c.formula,
                    "quantities": dict(c.quantities),
                    "articles": [str(ref) for ref in c.cite],
                    "assumptions": list(c.assumptions),
                    "missing": list(c.missing),
                }
                for c in self.computations
            ],
        }


# --- formatting ----------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def format_value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, DayRange) and (label := range_label(str(value), value.until)) is not None:
        return label
    if name in DATE_FACTS or name.endswith(("deadline", "_date", "deadline_from", "_earliest", "_latest")):
        try:
            day = date.fromisoformat(str(value))
            return f"{day.year}年{day.month}月{day.day}日"
        except ValueError:
            return str(value)
    if isinstance(value, float):
        if abs(value - round(value)) < 1e-9:
            return f"{int(round(value))}"
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def fill(template: str, values: Mapping[str, Any]) -> str | None:
    """The sentence with its {placeholders} filled, or None when a value it needs is unknown."""
    missing = [name for name in _PLACEHOLDER.findall(template) if values.get(name) is None]
    if missing:
        return None
    text = _PLACEHOLDER.sub(lambda m: format_value(m.group(1), values[m.group(1)]), template)
    # A range (…之间) before a word of nearness (前后, 左右) says it twice.
    return re.sub(r"之间(?:前后|左右)", "之间", text)


def _sentences(statements: Iterable[Statement], values: Mapping[str, Any]) -> list[Sentence]:
    out = []
    for statement in statements:
        if statement.when.holds(values) is not True:
            continue
        text = fill(statement.say, values)
        if text is not None:
            out.append(Sentence(text, statement.cite))
    return out


def range_label(first_day: str, until: str | None) -> str | None:
    """A date known only to its year or month is shown as said (2018年, 2025年3月), not as its first
    day (2018年1月1日 would be a fact the worker never gave)."""
    if until is None:
        return None
    try:
        first, last = date.fromisoformat(first_day), date.fromisoformat(until)
    except ValueError:
        return None
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"{first.year}年"
    last_of_month = calendar.monthrange(last.year, last.month)[1]
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) and last.day == last_of_month:
        return f"{first.year}年{first.month}月"
    if first < last:
        # 去年年底, 上半年, 一年前: the range itself — its first day alone would be a day never told.
        end = (
            f"{last.month}月{last.day}日"
            if last.year == first.year
            else f"{last.year}年{last.month}月{last.day}日"
        )
        return f"{first.year}年{first.month}月{first.day}日至{end}之间"
    return None


class DayRange(str):
    """A date fact known only to its month or year, in the planning values: it compares, and the tools
    parse it, as its first day (an ISO string); sentences show it as the worker said it."""

    until: str

    def __new__(cls, first_day: str, until: str) -> DayRange:
        obj = super().__new__(cls, first_day)
        obj.until = until
        return obj


def facts_shown(facts: CaseFacts) -> list[str]:
    display = load_lexicon().sections.get("display", {})
    shown = []
    for name, fact in sorted(facts.facts.items(), key=lambda item: (item[1].turn, item[0])):
        template = display.get(name)
        if not template or fact.note:  # derived facts are not the worker's words
            continue
        said = range_label(str(fact.value), fact.until)  # 2025年 / 2025年3月: shown as said, no 约
        value = said or format_value(name, fact.value)
        approximate = fact.approximate and said is None
        shown.append(
            template[0].replace("{v}", ("约" if approximate and "约" not in template[0] else "") + value)
        )
    return shown


# --- planning ------------------------------------------------------------------------------------


GAPPED_MIN = 4  # ask words this long also match with a few characters inserted (没说过什么录用条件)
GAP = 3  # at most this many characters, inside one clause


@lru_cache(maxsize=8192)
def _gapped(word: str) -> re.Pattern[str] | None:
    """跟正式工 also finds 跟厂里正式工, 没说过录用条件 also 没说过什么录用条件: a word split once, with up to
    GAP characters of the same clause between its halves."""
    if len(word) < GAPPED_MIN:
        return None
    splits = [
        f"({re.escape(word[:k])})[^，。！？；、,.!?;\\s]{{1,{GAP}}}({re.escape(word[k:])})"
        for k in range(1, len(word))
    ]
    return re.compile("|".join(splits))


@lru_cache(maxsize=4096)
def _coverage(words: tuple[str, ...], text: str) -> int:
    return len(_covered(words, text))


@lru_cache(maxsize=4096)
def _covered(words: tuple[str, ...], text: str) -> frozenset[int]:
    """The positions of the text inside any occurrence of the words (a word split by a short gap too)."""
    covered: set[int] = set()
    present = set(text)
    for word in words:
        if not word:
            continue
        start = text.find(word)
        while start >= 0:
            covered.update(range(start, start + len(word)))
            start = text.find(word, start + 1)
        # Only a word whose every character is in the text can match with a gap (keeps it cheap).
        pattern = _gapped(word) if present.issuperset(word) else None
        if pattern is not None:
            for m in pattern.finditer(text):
                for group in range(1, (m.lastindex or 0) + 1):
                    if m.start(group) >= 0:
                        covered.update(range(m.start(group), m.end(group)))
    return frozenset(covered)


def coverage(words: Iterable[str], question: str) -> int:
    """How much of the question the ask words cover: the characters inside any of their occurrences.
    Several words of one answer (突发 … 心梗) outweigh one longer word that only mentions a circumstance
    (包工头), and a word said twice (迟到 … 迟到) counts twice."""
    return _coverage(tuple(words), question.lower())


def subject_words(answer: GuideAnswer) -> tuple[str, ...]:
    """The answer's ask words that name a subject: those that only mark the form of a question
    (能不能, 合法吗, 怎么办 — corpus/consult/question_kinds.toml) say nothing about what it is about."""
    markers = load_markers().all_words
    return tuple(word for word in answer.asks if word not in markers)


def focus_match(answer: GuideAnswer | None, question: str) -> int:
    """How much of the asked clause (the one holding the question's marker, kinds.asked_clause) the
    answer's ask words cover: 0 when they cover only the background told before it. The words of the
    form count too (工伤的赔偿金是怎么算: 怎么算 is asked of the injury figure as much as 赔偿金 is)."""
    if answer is None:
        return 0
    clause = asked_clause(question)
    return coverage(answer.asks, clause) if clause else 0


def can_open(answer: GuideAnswer, values: Mapping[str, Any] | None) -> bool:
    """Could this answer open for this asker, given the facts read (session 17, plan17)? A branch without a
    condition, or one whose condition holds, opens (an ``unknown(x)`` branch asks for x); a condition left
    undecided only by the figures its own tool will compute may still open. With no facts given, any may."""
    if values is None:
        return True
    for statement in answer.branches:
        holds = statement.when.holds(values)
        if holds is True and (answer.tool or fill(statement.say, values) is not None):
            return True
        if holds is None and answer.tool:
            unknown = {n for n in statement.when.names if values.get(n) is None}
            if unknown <= QUANTITY_NAMES:
                return True
    return False


def _select_answer(
    guide: Guide,
    question: str,
    kind: AnswerKind,
    support: Support | None = None,
    values: Mapping[str, Any] | None = None,
) -> GuideAnswer | None:
    """The guide's answer to what was asked: among those whose ask words occur in the question, one
    of the question's kind before others, then the one whose words cover most of the question; else its
    first answer of that kind, else its first answer; equal coverage goes to the answer of the asked
    clause. ``support`` (retrieval's rank of each article, 1/rank) breaks what the words leave open:
    between answers of equal word fit, and which of the kind's answers is the default when no ask word
    is said (工伤认定这事先做什么: how to apply when retrieval ranks the application clauses first, not
    the guide's first action answer). (Counting the asked clause's words extra within a
    guide was measured on 194 unseen questions on 2026-12-05: no opening better, and the background often
    names the ground the asked remedy rests on — 签的无固定期限合同，想辞职，能要补偿吗.)"""
    # Session 17 (plan17): the default (no ask word said) is chosen, with the facts given, among the answers
    # one of whose branches can hold for this asker: a fact-bound answer (the employer's exposure, asked by
    # nobody) that retrieval ranks first must not open nothing. Answers named by the question's words are
    # weighed as before (one that cannot open leaves the opening to the next guide: a rider stabbed on a
    # delivery is asked the relation first, not told the violence answer of a worker at his post).
    answers = list(guide.answers)
    if values is not None:
        answers = [a for a in answers if can_open(a, values)] or answers
    scored = []
    for index, answer in enumerate(guide.answers):
        if answer.own_asks is not None and not coverage(answer.own_asks, question):
            # A narrower answer named only by the words of the one it refines: that one answers (评了
            # 九级 … 一次性补助金能拿吗 is not asking who pays, though the payer answer is a verdict).
            continue
        covered = coverage(answer.asks, question)
        if covered:
            # The form asked for next (合法吗 asks for a verdict even when 不给加班费 is also said),
            # then the most words.
            # Equal coverage: the answer whose words fall in the asked clause (评了九级 … 一次性工伤医疗补助金
            # 怎么算: the lump sums on leaving, not the grade's amount).
            focused = focus_match(answer, question)
            sup = support_of(answer, support)
            scored.append((answer.kind == kind, covered, focused, sup, -index, focused > 0, answer))
    if values is not None:
        # An answer the words name but written wholly for another asker is as if absent (老板会被处罚吗 asked by
        # the worker: not the employer's own exposure); none left, the default speaks. Any other answer the words
        # name that cannot hold keeps its place: the guide is then not this case's, and says nothing (a stoppage's
        # 生活费 rule for an injured worker paid 生活费, consult_dev).
        scored = [item for item in scored if item[6] in answers or not _for_asker_only(item[6])]
        # Those written for who asks go first (the employer's exposure before the worker's remedy, 老板问：没交社保
        # 被投诉了，单位会有什么后果).
        scored = [item for item in scored if _written_for_asker(item[6], values)] or scored
    same_kind = [a for a in answers if a.kind == kind]
    if support and same_kind:
        same_kind.sort(key=lambda a: -support_of(a, support))
    if scored:
        best = max(scored, key=lambda item: item[:5])
        clause = asked_clause(question)
        span = "" if clause else predicate_span(question)
        if span and not coverage(subject_words(best[6]), span):
            # A question with no marker of its kind asks in its last clause (停工留薪期快满了，伤还没好，怎么
            # 延长): the answer whose subject that clause names opens, not the one the background names more
            # of (the wage while off work for 停工留薪). Session 13, class N.
            named = [(coverage(subject_words(item[6]), span), item[:5], item) for item in scored]
            reach, _, item = max(named, key=lambda entry: entry[:2])
            if reach and not _same_act(best[6], item[6], question, span):
                return item[6]
        asked, told = _asked_by_rule(clause, question)
        if asked and not _reaches(best[6], asked + told, question):
            # The object asked (the remedy of an ending told) outranks the background status that
            # matched more words (病假期间 … 被解雇 … 怎么得到补偿: the ending's remedy, not sick pay); where
            # no answer of the guide names the remedy, its answer to the ending does (孕期被辞退 … 补偿标准:
            # the protection that makes it 2N, not the nursing hours 哺乳期 matched).
            for said in (asked, told):
                reaching = [
                    item
                    for item in scored
                    if _reaches(item[6], said, question) and _situation_told(item[6], question)
                ]
                if reaching:
                    return max(reaching, key=lambda item: item[:5])[6]
        if clause and not coverage(subject_words(best[6]), question):
            # The point asked is named in the asked clause (这段时间工资怎么算) and the best answer was
            # chosen by the form of the question alone (怎么算, 能不能: none of its subject words said):
            # the answer whose subject the clause names speaks, whatever its form (session 9, class "the
            # opening answers an adjacent question": the grade tariff for the wage while off work). A
            # verdict may answer a figure asked (原工资照发), a step answers neither 多少 nor 合法吗. (Also
            # overriding a best answer whose subject only the background names was measured on the
            # team's sets, 2026-12-05: more openings lost than gained — 想辞职 … 要给我补偿吗.)
            forms = {kind, "verdict"} if kind == "figure" else {kind}
            named = [
                (coverage(subject_words(item[6]), clause), item[:5], item)
                for item in scored
                if item[6].kind in forms
            ]
            reach, _, item = max(named, key=lambda entry: entry[:2], default=(0, (), best))
            if reach:
                return item[6]
        if kind in FORM_OVER_CIRCUMSTANCE and not best[0] and same_kind and not best[5]:
            # 多少 / 怎么算 is said in so many words: a verdict answer that a circumstance (没补休)
            # matched does not answer it; the guide's figure answer does — unless the answer found
            # names what the asked clause asks about (工伤认定要多久 asks how the procedure runs).
            # So with 合法吗 / 能不能 (session 9): a step that 走人 matched in the background does not say
            # whether the ending was lawful; the guide's verdict does.
            return same_kind[0]
        return best[6]
    loose = [
        (answer.kind == kind, spread, support_of(answer, support), -index, answer)
        for index, answer in enumerate(guide.answers)
        if (spread := spread_match(answer.own_asks or answer.asks, question))
    ]
    if loose:
        # No ask word is said as written, but the halves of one stand apart in a sentence (工伤期间是老板给
        # 员工发工资 … 工伤期间工资): that answer names the point asked better than the default of the kind,
        # which is often a narrow one (出院 for a question about who pays the wage). Session 10.
        return max(loose, key=lambda item: item[:4])[4]
    return same_kind[0] if same_kind else (answers[0] if answers else None)


@lru_cache(maxsize=4096)
def predicate_span(question: str) -> str:
    """Where a question with no marker of its kind (asked_clause is empty) asks: its last clause (…伤还没好，
    怎么延长 → 怎么延长). Empty when that clause leans on the background (还能, 还算: kinds [still]) or tells
    what someone said."""
    clauses = [c.strip() for c in _CLAUSES.split(question) if c.strip()]
    if not clauses:
        return ""
    last = clauses[-1].lower()
    if any(word in last for word in load_markers().still) or any(word in last for word in _REPORTED):
        return ""
    return last


def _same_act(background: GuideAnswer, asked: GuideAnswer, question: str, span: str) -> bool:
    """Do the background's words and the last clause's name one act (逼我辞职 … 要不要写辞职信: both 辞职)? Then
    the background tells the circumstance the asked act is done in, and its answer (pressured to resign: don't
    write the letter yet) is the more specific one."""
    text = question.lower()
    said = [w for w in subject_words(background) if w in text]
    named = [w for w in subject_words(asked) if w in span]
    return any(a[i : i + 2] in b for a in said for i in range(len(a) - 1) for b in named)


# A clause that tells what someone said (总包说只能先垫一部分) is their position, background to the question.
_REPORTED = ("说", "讲", "称", "表示")


SPREAD_MIN = 5  # ask words this long may match with their halves apart in one sentence
SPREAD_HALF = (
    3  # the longer half at least this long: two common two-character words (没有 … 补偿) are no match
)
_SENTENCES = re.compile(r"[。？?！!；;\n]")


def spread_match(words: Iterable[str], question: str) -> int:
    """The characters of the ask words (five or more long) whose two halves, of two characters or more
    each and one of three or more, stand in order within one sentence of the question, however far apart: 工伤期间 … 发工资 for
    工伤期间工资. Weighed only when no ask word of a guide is said as written (plan._select_answer)."""
    total = 0
    sentences = [s for s in _SENTENCES.split(question.lower()) if s]
    for word in words:
        if len(word) < SPREAD_MIN:
            continue
        for k in range(2, len(word) - 1):
            head, tail = word[:k], word[k:]
            if max(len(head), len(tail)) < SPREAD_HALF:
                continue
            if any((at := s.find(head)) >= 0 and s.find(tail, at + k) >= 0 for s in sentences):
                total += len(word)
                break
    return total


_CLAUSES = re.compile(r"[，,。？?！!；;：:\n]")


def _asked_by_rule(clause: str, question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The phrasings of an answer rule's asked point said in the asked clause, and those of its told
    point said in the question (an ending by the employer); empty when no rule holds. A question with no
    marker of its kind (我应该如何得到补偿) asks in its last clause."""
    clause = clause or next((c for c in reversed(_CLAUSES.split(question)) if c.strip()), "")
    points = load_points()
    text, clause = question.lower(), clause.lower()
    for rule in load_answer_rules():
        asked, told = points.get(rule.asked), points.get(rule.told)
        if asked is None or told is None:
            continue
        ending = tuple(word for word in told.words if word in text)
        said = tuple(word for word in asked.words if word in clause)
        if ending and said:
            return said, ending
    return (), ()


def _reaches(answer: GuideAnswer, said: tuple[str, ...], question: str) -> bool:
    """One of the answer's own ask words, said in the question, holds or is held by a phrasing said."""
    text = question.lower()
    return any(ask in text and (ask in word or word in ask) for ask in answer.asks for word in said)


def _situation_told(answer: GuideAnswer, question: str) -> bool:
    """A narrower answer (``refines``) speaks for the remedy only in its own situation: the words of the
    answer it refines are said too (开除 … 能要赔偿吗 after a theft is not the refused transfer's money)."""
    if answer.own_asks is None:
        return True
    return bool(coverage([word for word in answer.asks if word not in answer.own_asks], question))


DeadlineRunner = Callable[[Mapping[str, Any]], list[Computation]]


def rule_holds(rule: PrecedenceRule, values: Mapping[str, Any], question: str, told: str) -> bool:
    """The question asks its point, if it names one (its phrasings cover part of the question, a few
    characters between halves allowed as for ask words), and its facts hold, if it names some (with
    ``said``: one of its words is in what the worker told)."""
    if rule.asked is not None:
        point = load_points().get(rule.asked)
        if point is None or not coverage(point.words, question):
            return False
    if rule.when is not None and rule.when.holds(values) is not True:
        return False
    return not rule.said or any(word in told for word in rule.said)


def apply_precedence(
    guides: Sequence[Guide],
    book: GuideBook,
    values: Mapping[str, Any],
    question: str,
    told: str,
    rules: Sequence[PrecedenceRule],
) -> tuple[list[Guide], frozenset[str]]:
    """The candidate guides after the rules that hold: a yielding guide leaves, and the leading guides
    take its place (those already weighed move up to it; those the facts rule out stay out). A rule with
    none of its yielding guides among the candidates changes nothing: it settles which of two raised
    topics leads, not what the question is about (an injury told beside an overtime question). Also the
    ids of the guides a ``first`` rule makes answer first."""
    out = list(guides)
    first: set[str] = set()
    by_id = {g.id: g for g in book.guides}
    for rule in rules:
        at = next((i for i, g in enumerate(out) if g.id in rule.yields), None)
        if at is None or not rule_holds(rule, values, question, told):
            continue
        leads = [
            guide
            for guide_id in rule.lead
            if (guide := by_id.get(guide_id)) is not None
            and not (guide.unless is not None and guide.unless.holds(values) is True)
        ]
        moved = [g for g in leads if g not in out[:at]]  # a leading guide weighed before it stays
        # A yielding guide leaves, or with ``first`` goes right after the leading ones (its steps still
        # matter: the one-year 工伤认定 application beside 先别签).
        kept = [g for g in out if g.id in rule.yields] if rule.first else []
        rest = [g for g in out if g.id not in rule.yields and g not in moved]
        at = sum(1 for g in out[:at] if g in rest)
        out = rest[:at] + moved + kept + rest[at:]
        if rule.first:
            first.update(g.id for g in leads)
    return out, frozenset(first)


def plan_consultation(
    question: str,
    facts: CaseFacts,
    issues: Sequence[tuple[str, float]],
    codes: Iterable[str],
    book: GuideBook,
    run_tool: ToolRunner | None = None,
    deadlines: DeadlineRunner | None = None,
    by_meaning: Iterable[str] = (),
    earlier: Sequence[str] = (),
    support: Support | None = None,
    precedence: Sequence[PrecedenceRule] | None = None,
    positions: PositionTable | None = None,
    differences: DifferenceTable | None = None,
    asked_points: AskedPointTable | None = None,
    offers: OfferTable | None = None,
    stages: StageTable | None = None,
    predicates: PredicateTable | None = None,
    learned: Choice | None = None,
    owed: OwedTable | None = None,
    own_figures: FigureTable | None = None,
) -> ConsultPlan:
    """``issues``: detected taxonomy issue ids with their scores, strongest first; ``codes``: the
    escalation reason codes of the conversation (the safety screen's findings); ``deadlines``: the
    time limits the facts allow to compute (their quantities prefixed: arbitration_deadline …);
    ``by_meaning``: issues found only by the question's vector, whose guides conclude only when the
    question uses one of their answers' words (a faint likeness must not give a confident verdict);
    ``earlier``: the worker's earlier messages: a message that only adds facts keeps their question's
    kind and asks (24年9月1号进去的，一个月5500 after 走之前能不能让他们赔点钱); ``support``: the articles
    retrieval ranked best for this question with 1/rank (service.retrieval_support), which break the ties
    the question's words leave between answers and between candidate guides; ``precedence``: the rules
    of corpus/consult/precedence.toml (which topic leads when the facts or the point asked settle it);
    ``positions``: the employer positions a question may quote, rebutted by name
    (corpus/consult/employer_positions.toml, only those whose clauses are in the store); ``differences``:
    the pairs a 区别 question may ask to tell apart (corpus/consult/differences.toml); ``offers``: what an
    offered sum is set against (corpus/consult/offers.toml); ``asked_points``: the points asked inside a
    topic whose own guide answer opens (corpus/consult/asked_points.toml); ``predicates``: the predicate
    families (how to prove it, where to go, still in time?) whose answer opens when the asked part asks one
    and the topic's own choice does not answer it (corpus/consult/predicates.toml); ``learned``: the guide answer
    the learned classifier is confident the question asks for (consult/answer_examples.py), which opens where
    no listed word names the point asked, or where the classifier all but rules out the one they named;
    ``owed``: the rights the facts give beside the point asked (corpus/consult/also_owed.toml, session 21);
    ``own_figures``: the rules in months a year the opening states as the worker's months when the tools have them
    (corpus/consult/own_figures.toml, session 23)."""
    told = " ".join([*earlier, question]).lower()
    kind = question_kind(question, earlier)
    question = asked_text(question, earlier)
    plan = ConsultPlan(kind=kind, facts=facts, facts_shown=facts_shown(facts))
    values: dict[str, Any] = dict(facts.values())
    values.update({n: DayRange(str(f.value), f.until) for n, f in facts.facts.items() if f.until is not None})
    # Session 26 (the learn-half reading, class "the place told, the standard still 省里的"): 我在洪泽，工伤十级 —
    # the province's standard is named by its province (按江苏省的标准), 省里的 only when none is told.
    province = values.get("province")
    values["province_standard"] = (
        f"{province_full_name(province)}的标准" if isinstance(province, str) and province else "省里的标准"
    )
    code_set = set(codes)
    for computation in deadlines(values) if deadlines is not None else []:
        plan.computations.append(computation)
        values.update({k: v for k, v in computation.quantities.items() if v is not None and "_" in k})

    # 1. Situations before law: violence, a death, a serious injury, a child at work, a deadline to sign.
    for situation in book.situations:
        raised = bool(code_set.intersection(situation.codes))
        if not raised and situation.trigger is not None:
            raised = situation.trigger.holds(values) is True
        if not raised or (situation.unless is not None and situation.unless.holds(values) is True):
            continue
        steps = _sentences(situation.steps, values)
        if steps:
            shown = situation.quiet_when is None or situation.quiet_when.holds(values) is not True
            plan.situations.append(SituationBlock(situation.id, situation.title, tuple(steps), shown))
            plan.claims += _sentences(situation.claims, values)
            plan.mistakes += _sentences(situation.mistakes, values)
            plan.evidence += [e for e in situation.evidence if e not in plan.evidence]

    # 2. The conclusion to what was asked: a raised situation's answer of the question's kind first
    # (签不签 after a death: 今天先别签), then the issues' guides; reasons, claims and steps follow.
    guides: list[Guide] = []
    best = issues[0][1] if issues else 0.0
    for issue_id, score in issues:
        guide = book.for_issue(issue_id)
        if guide is None or guide in guides:
            continue
        if guide.unless is not None and guide.unless.holds(values) is True:
            continue  # the facts rule it out (a dismissed worker is not asking how to resign)
        # Measured against the strongest issue even when that one has no guide: a faint issue must not
        # answer a question that is really about another one.
        if score < SECOND_ISSUE_SHARE * best:
            # A faint issue whose guide the facts make the one to answer (a disability grade → the
            # benefits guide, 7级 … 没签合同 … 能赔多少) is weighed all the same: the facts, not the
            # strength of a background word (没有劳动合同), decide which case it is.
            if guide.leads_when is not None and guide.leads_when.holds(values) is True:
                guides.append(guide)
            continue
        if len(guides) < MAX_CANDIDATE_GUIDES:
            guides.append(guide)
    if not any(_match(_select_answer(g, question, kind, support, values), question) for g in guides):
        # No detected issue's guide answers what was asked: a guide the facts name may (a background
        # issue, 被裁了 before 失业金能领吗, must not take the opening from the asked one).
        guides += _joined(book, guides, values)
    rules = load_precedence() if precedence is None else precedence
    guides, first = apply_precedence(guides, book, values, question, told, rules)
    # The topics a precedence rule sets aside on these facts (session 25: 开除我，只给一个月工资 is the ending's offer,
    # not wages withheld): the learned choice does not bring one of them in to open.
    yielded = {
        guide_id
        for rule in rules
        if rule.bars_learned and rule_holds(rule, values, question, told)
        for guide_id in rule.yields
    }
    # The point asked inside the topic (护理费 of a work injury, 还来得及吗 of its recognition, 有效吗 of a
    # labour contract): the answer written for it opens, and the guides it displaces give way.
    point = find_asked_point(
        question, kind, values, load_asked_points() if asked_points is None else asked_points
    )
    pinned = _pinned(point, book, values)
    if point is not None and pinned is not None and point.quiets:
        # A point asked past the emergency (the grade an injury will get): the situation's first steps
        # (先治伤, 30日内申请) would open an answer to a worker already past them; its answers still speak.
        plan.situations = [
            replace(block, shown=False) if block.guide_id in point.quiets else block
            for block in plan.situations
        ]
    if point is not None and point.over:
        # A point that only mends one guide's misreading opens only where that guide would open.
        would_open = _by_match(guides, question, kind, values, support, first)[:1]
        if not any(g.id in point.over for g in would_open):
            pinned = None
    displaced: frozenset[str] = point.displaces if point is not None and pinned is not None else frozenset()
    # The guide an asked point pins was named by the question's own words (the point's word groups), even
    # where its issue was found only by meaning (session 15: 哺乳期…合同到期…是不是自动结束).
    point_guide = pinned[0] if point is not None and pinned is not None else None
    family: Family | None = None
    topic: Guide | None = None
    if pinned is None:
        # No narrower point asked: the predicate the asked part asks (怎么证明, 去哪告, 还来得及吗) may be one
        # the topic's own choice does not answer; its family's answer for this topic opens (session 14).
        family, topic, pinned = _predicate_pin(
            question,
            kind,
            values,
            guides,
            book,
            support,
            first,
            load_predicates() if predicates is None else predicates,
        )
        displaced = family.displaces if family is not None and pinned is not None else displaced

    def named_by_predicate(guide: Guide) -> bool:
        """The predicate's answer for this guide was chosen by the question's own words (a term asked 是什么意思
        names it), so an issue found only by meaning may speak it."""
        return (
            family is not None
            and pinned is not None
            and guide is pinned[0]
            and any(route.said and route.ref == f"{guide.id}/{pinned[1].id}" for route in family.routes)
        )

    if pinned is None and learned is not None and learned.ref.partition("/")[0] not in yielded:
        # No listed word names the point asked: the answer the learned classifier is sure of opens (session 19).
        pinned = _learned_pin(learned, question, kind, values, guides, book, support, first)
        if pinned is not None:
            plan.learned = learned.ref
            # Chosen for the whole question, as an asked point's guide is for its words: an issue found only
            # by meaning does not silence it (session 20: 入职半年了公司一直不肯跟我签劳动合同，我该怎么办 lost
            # its whole conclusion when the choice was the unsigned contract's 怎么办).
            point_guide = pinned[0]
    if pinned is not None:
        guides = [pinned[0], *(g for g in guides if g is not pinned[0] and g.id not in displaced)]
        first = first | {pinned[0].id}
    # The candidates answer in the order their words fit the question; a third issue's guide speaks
    # only when it fits better than one of the first two (怀孕8个月…夜班…扣我绩效: the women workers'
    # guide, not the deductions one).
    pool = _by_match(guides, question, kind, values, support, first)  # weighed again for each asked part
    guides = pool[:MAX_ISSUE_GUIDES]
    faint = set(by_meaning)
    raised = {block.guide_id for block in plan.situations}
    raised_guides = [g for g in book.situations if g.id in raised and g.answers]
    if pinned is not None and displaced:
        # A situation the asked point displaces (the arbitration time limit beside 工伤认定还来得及吗) keeps its
        # urgent steps but does not speak the conclusion — unless the worker's own facts raise it (a deadline
        # computed from the dates told is more specific than the point's general rule). A situation the point
        # also quiets gives way whatever raised it (session 18: who is liable for a death at work is answered,
        # not the death block's 先别签字).
        quieted = point.quiets if point is not None else frozenset()
        raised_guides = [
            g
            for g in raised_guides
            if g.id not in displaced
            or (g.id not in quieted and g.trigger is not None and g.trigger.holds(values) is True)
        ]
    speakers = _speakers(
        [g for g in raised_guides if any(a.kind == kind for a in g.answers)], guides, question, kind
    )
    stand_in: set[str] = set()  # a raised situation speaking in another form than the one asked
    if (
        not speakers
        and raised_guides
        and not any(_of_kind(g, question, kind) or _fits(g, question, kind) for g in guides)
    ):
        # No candidate guide has an answer of the asked form, nor one the question's words select
        # (脚趾被锯掉一截，怎样赔偿 with only the site-wages issue detected): the raised situation's first
        # step speaks rather than another matter's default answer (the wages guide's 不合法).
        speakers = raised_guides[:1]
        stand_in = {raised_guides[0].id}
    wanting: list[Computation] = []  # asked for and about this case, but an input is missing
    opening_decided = False  # the opening is a verdict or a step no missing input would change
    # The opening is a verdict no missing input would change, whatever its polarity (能去。/ 不用赔。).
    opening_verdict_decided = False
    opening: GuideAnswer | None = None
    opening_guide: Guide | None = None
    employer_opening = (
        False  # the opening branch was written for the employer asking (its condition names asker)
    )
    if run_tool is not None:
        for name in tools_asked(guides, question, earlier):
            if not any(c.tool == name for c in plan.computations):
                computation = run_tool(name, values)
                if computation is None or not computation.applies:
                    continue
                if computation.usable:
                    _take(plan, values, computation)
                if computation.missing:
                    wanting.append(computation)
    wanting.sort(key=lambda c: c.usable)  # a figure not computed at all asks first
    ordered = _by_match(guides, question, kind, values, support, first)
    # An asked clause that refers back (这样合法吗, 他们这么做合法吗) asks about the acts told just before it
    # (session 15); a point or predicate pinned decides first. Those the opening does not speak for get their
    # sentences after it. (Letting the first act told open instead, whatever the topic the message's words
    # chose, was measured on 2026-12-06: one verdict of the unseen set lost, none gained — left out.)
    referents = referred(question, pool, names_topic) if pinned is None else ()
    if referents and ordered and _answers_act(ordered[0], referents[0].told, question, kind, support, values):
        # The guide that opens already speaks to the act referred to (工伤职工不能随便辞退 for 到期就辞退，能这样吗).
        referents = ()
    for guide in [*speakers[:1], *ordered]:
        answer = _select_answer(guide, question, kind, support, values)
        if pinned is not None and guide is pinned[0] and not _refines(answer, pinned[1]):
            # The point's answer, unless the guide's own choice is a narrower case of it named in the
            # question's words (单位拖过了期限: what the employer's delay costs it, within the time limit).
            answer = pinned[1]
        if answer is None:
            continue
        if guide in speakers and answer.kind != kind and guide.id not in stand_in:
            answer = None
        elif (
            bool(plan.conclusion)
            or (
                faint.intersection(guide.issues)
                and not named_by_predicate(guide)
                and guide is not point_guide
            )
        ) and not coverage(subject_words(answer), question):
            # A second voice (once another guide has spoken — a faint first guide that says nothing must
            # not silence the next), or an issue found only by meaning, speaks in the conclusion only when the
            # question asks about it in so many words — its subject, not only the form (能不能, 合法吗).
            answer = None
        elif opening is not None and _inside_opening_point(answer, opening, question):
            # The words that call this second voice all lie inside the phrasing of a point the opening
            # answers: it answers that point again, for another procedure (工伤认定要什么材料，去哪儿申请: the
            # arbitration filing's bare 材料 and 去哪 sit in 要什么材料 and 去哪儿申请, the 工伤认定
            # application's own point), and that procedure's steps, claims and mistakes are not this
            # question's either.
            continue
        if answer is not None:
            if (
                answer.tool
                and run_tool is not None
                and not any(c.tool == answer.tool for c in plan.computations)
            ):
                # Run once per answer: a guide's own tools may already have computed it.
                computation = run_tool(answer.tool, values)
                if computation is not None:
                    _take(plan, values, computation)
            own = next((c for c in plan.computations if c.tool == answer.tool), None)
            chosen = _branch(answer, values)
            # The conclusion stands whatever the figures or the tool's missing inputs turn out to be.
            decided = chosen is not None and not _more_facts_would_change(
                answer, chosen[0], values, own.missing if own is not None else ()
            )
            if chosen is not None:
                statement, text = chosen
                plan.selected.append(f"{guide.id}/{answer.id}")
                opens = not plan.conclusion
                if not opens:
                    # One voice opens the answer; what another guide adds leads the reasons.
                    lead = sum(1 for s in plan.reasons if s in plan.also)
                    plan.reasons.insert(lead, Sentence(text, statement.cite))
                    plan.also.append(plan.reasons[lead])
                else:
                    opening, opening_guide = answer, guide
                    employer_opening = "asker" in statement.when.names
                    plan.conclusion.append(Sentence(text, statement.cite))
                    # Asked in so many words (or a raised situation speaks): the team's guide answers
                    # this very question, which the answer's confidence reflects.
                    plan.asked_in_words = (
                        guide in speakers
                        or (pinned is not None and guide is pinned[0])
                        or any(w in question.lower() for w in answer.asks)
                    )
                if plan.conclusion_kind is None:
                    plan.conclusion_kind = answer.kind
                if (
                    statement.ask
                    and values.get(statement.ask) is None
                    and plan.ask is None
                    and not opening_decided
                    and not _moot(statement.ask, values)
                    # A second voice asks only about what the asked clause raises: the overtime guide
                    # speaking for 加班费 in the background of 九级伤残 … 能拿多少 does not ask which overtime.
                    and (opens or _names_clause(answer, question))
                ):
                    plan.ask_fact = statement.ask
                    plan.ask = guide.ask_for(statement.ask)
                plan.reasons += _sentences(answer.reasons, values)
                if opens:
                    # A verdict no missing input would change and that denies what was asked (没有。
                    # 不能。) leaves no figure to compute: asking for the start date would hold the worker up.
                    opening_decided = (
                        decided and answer.kind == "verdict" and text.startswith(load_markers().denials)
                    )
                    opening_verdict_decided = decided and answer.kind == "verdict"
            if plan.ask is None and own is not None and not decided:
                # The tool could not compute: ask for the first missing fact a guide knows how to ask.
                for name in own.missing:
                    if _moot(name, values):
                        continue
                    if (text := guide.ask_for(name) or book.ask_text(name)) is not None:
                        plan.ask_fact, plan.ask = name, text
                        break
        if guide in speakers:
            continue  # a situation's claims, steps and mistakes are already in the plan
        plan.guides.append(guide.id)
        plan.claims += [
            s
            for s in _sentences(guide.claims, values)
            if s not in plan.claims and not _same_point(s, plan.claims)
        ]
        plan.steps += [s for s in _sentences(guide.steps, values) if s not in plan.steps]
        plan.mistakes += [s for s in _sentences(guide.mistakes, values) if s not in plan.mistakes]
        plan.evidence += [e for e in guide.evidence if e not in plan.evidence]
    if family is not None and pinned is not None:
        _name_evidence(plan, family, topic, pinned)
    if referents and opening is not None and not speakers:
        # The acts referred to that the opening's guide does not speak for.
        others = [r for r in referents if opening_guide is None or r.guide.id != opening_guide.id]
        answer_referents(plan, others, question, kind, values)
    if opening is not None and opening_guide is not None:
        _answer_other_parts(
            plan,
            question,
            opening,
            opening_guide,
            pool,
            values,
            run_tool,
            keep_first=opening_guide in speakers,
            book=book,
        )
        if asks_for_heads(question) or (
            bool(plan.selected) and asks_remedy_after_status(question, plan.selected[0], values)
        ):
            # 能要赔偿吗 after a story of being managed: the status verdict opens, the remedies follow.
            _name_heads(plan, book, values, run_tool)
    table = offers or load_offers()
    dont_sign_said = [table.unsigned is not None and table.unsigned.said_in(s.text) for s in plan.conclusion]
    if values.get("asker") != "employer" and (
        comparison := compare_offer(
            values,
            plan.computations,
            run_tool,
            offers,
            unsigned_said=any(dont_sign_said),
        )
    ):
        # The sum offered set against what the law gives on these facts, right after the opening: the
        # worker weighing an offer needs the figure beside it (session 12, class K).
        plan.computations += comparison.added
        # Session 26: asked whether it is enough (还能要别的吗, 够不够): the comparison is the answer and opens.
        # Not after a signature (签完了还能要吗): what the paper settled is the question, and its answer opens.
        # Nor before a 先别签 already opening (要不要签: the situation's don't-sign is the answer, the figure follows).
        signed = any(values.get(name) for name in SIGNED_FACTS)
        first_says_no = bool(dont_sign_said) and dont_sign_said[0]
        asked = table.is_asked(question) and not signed and not first_says_no
        at = 0 if asked else min(1, len(plan.conclusion))
        plan.conclusion.insert(at, Sentence(comparison.text, comparison.cite))
        plan.selected.append("offers/compared")
        if plan.conclusion_kind is None:
            plan.conclusion_kind = plan.kind
    rebuttal = find_rebuttal(question, load_positions() if positions is None else positions, values)
    if rebuttal is not None:
        _rebut(plan, rebuttal)
    pair = find_difference(question, load_differences() if differences is None else differences)
    if pair is not None:
        _tell_apart(plan, pair)
    # The stage reached and who asks (corpus/consult/stages.toml, session 14): no step of a stage already
    # passed, 怎么办 opened with the step after it, an employer told its duty, a colleague that the worker acts.
    apply_stages(
        plan,
        question,
        values,
        load_stages() if stages is None else stages,
        opening_guide.id if opening_guide is not None else None,
        employer_opening,
    )
    if plan.conclusion:
        # Session 23 (issue 13, class "the amount asked sits below an adjacent topic"): the money asked, the years
        # told — the opening states the months the tools computed, not the rule in months a year.
        _state_own_figures(
            plan, question, kind, values, load_own_figures() if own_figures is None else own_figures
        )
        # Session 21 (issue 13): a right the worker's own facts give beside the point asked (the double wage of
        # a worker who never signed and is leaving, a fixed term run on in pregnancy, the years that carry over
        # a merger, an injured worker's leaving lump sums): one sentence each after the direct answer, unless
        # the opening says it already (corpus/consult/also_owed.toml).
        _add_owed(plan, values, opening_guide, load_owed() if owed is None else owed)
        _drop_unasked_yes(plan, [*earlier, question])
    if plan.ask is None:
        # A figure the question asks for could not be computed: ask for exactly the input it lacks —
        # only a figure asked for (多少, or the figure named: 补偿, 加班费), not one a guide merely runs.
        named = set(_tools_named(question.lower()))
        # The figure the asked clause is about: the opening's own tools, or one the clause names (加班费 in
        # the background of 九级伤残 … 能拿多少 is not the figure asked, so its kind is not asked for).
        clause = asked_clause(question).lower() or question.lower()
        about = set(_tools_named(clause))
        if opening is not None and opening_guide is not None:
            about |= {opening.tool} if opening.tool else set()
            about |= set(opening_guide.tools)
        for computation in wanting:
            if kind != "figure" and (computation.tool not in named or opening_decided):
                continue
            if kind != "figure" and opening_verdict_decided and computation.tool not in about:
                # Session 13: a settled verdict of a guide that does not run this figure: its inputs
                # (the start date for N after a non-compete's 补偿) are not what the worker needs now.
                continue
            if kind == "figure" and opening is not None and computation.tool not in about:
                continue
            name = next(
                (m for m in computation.missing if book.ask_text(m) is not None and not _moot(m, values)),
                None,
            )
            if name is not None:
                plan.ask_fact, plan.ask = name, book.ask_text(name)
                break
    if plan.ask and values.get("asker") in ("family", "colleague"):
        plan.ask = about_relative(plan.ask, values.get("relation"))
    elif plan.ask and (values.get("asker") == "employer" or values.get("worker_spoken_of") is True):
        # Session 16 (issue 13): the employer asking is asked about its worker (员工是哪一天开始上班的), not
        # about itself (你是哪一天开始上班的); so is one who speaks of the worker only (employer16).
        plan.ask = plan.ask.replace("你们", "员工").replace("你", "员工")
    never_hired = values.get("applicant") is True and not {"service_months", "start_date"} & values.keys()
    if values.get("dispute_stage") in ARBITRATION_PASSED:
        pass  # arbitration already applied for (or past): no application form is offered again
    elif not never_hired and any(arbitration_advised(s.text) for s in plan.steps + plan.conclusion):
        # The next step is arbitration: the 劳动仲裁申请书 draft (assistant/documents) is offered — never to an
        # applicant never hired, who has no labour relation to arbitrate (session 14).
        plan.documents.append("arbitration")
    # A reason that repeats what the opening now says (two answers of one guide both carry 停工留薪期一般不超过
    # 12个月 on 33(2)) is said once: in the opening (session 12, class S). The claims stay whole: they are
    # the list of heads the worker can take away, the opening's figure among them.
    plan.reasons = [s for s in plan.reasons if not _repeats(s, plan.conclusion)]
    return plan


def _state_own_figures(
    plan: ConsultPlan, question: str, kind: AnswerKind, values: Mapping[str, Any], table: FigureTable
) -> None:
    """The opening's rule in months a year (两倍赔偿金（每满1年2个月工资）) as the worker's months (按你说的工龄是12个月
    工资), when the question asks the figure or the money of an ending and a tool computed it on the years told."""
    points = load_points()
    asked = kind in table.kinds or any(
        (point := points.get(name)) is not None and coverage(point.words, question) for name in table.points
    )
    if not asked:
        return
    plan.conclusion = [
        replace(s, text=with_own_figures(s.text, values, table, fill)) for s in plan.conclusion
    ]


# The shortest run of words two sentences on the same clauses must share to make the same point.
_REPEAT_CHARS = 12
# The same for a sentence that adds a clause or two of its own beside the other's.
_REPEAT_CHARS_ADDING = 15


# 不用走劳动仲裁 / 不按劳动仲裁的1年算 / 劳动仲裁委一般不受理: arbitration named only to rule it out (session 14:
# an applicant or a civil claim offered the arbitration draft it was just told it does not need).
_NOT_BEFORE = re.compile(r"(?:不用|不必|无需|不按|不走|别走|不是|不适用|不能|不去)[先走去申请按劳动]{0,4}$")
_NOT_AFTER = re.compile(r"^[委会]?(?:一般)?不(?:予)?受理")


def arbitration_advised(text: str) -> bool:
    """Does the sentence send the worker to arbitration (and so the 劳动仲裁申请书 draft is worth offering)?"""
    return any(
        not _NOT_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
        and not _NOT_AFTER.match(text[m.end() :])
        for m in re.finditer("仲裁", text)
    )


def _repeats(sentence: Sentence, said: Sequence[Sentence]) -> bool:
    """Does an earlier sentence already make this one's point: its clauses cover this one's and the two
    share a run of words (not only a clause quoted in both)?"""
    if not sentence.cite:
        return False
    clauses = set(sentence.cite)
    for other in said:
        if other is sentence:
            continue
        shared = len(clauses & set(other.cite))
        if shared < len(clauses) and (shared * 2 < len(clauses) or len(clauses) - shared > 2):
            # Session 25: a sentence that adds a clause or two of its own (the one-year 工伤认定 before a benefits
            # overview already said) still repeats the other when most of its clauses are the other's and a longer
            # run of words is shared.
            continue
        least = _REPEAT_CHARS if shared == len(clauses) else _REPEAT_CHARS_ADDING
        match = SequenceMatcher(None, sentence.text, other.text, autojunk=False).find_longest_match()
        if match.size >= least:
            return True
    return False


# A guide opening that starts with a verdict word standing alone as a sentence (不合法。 不能。 不算。).
# The guide's own bare verdict word after the rebuttal's: a negative one repeats it, a positive one (能。 — you may
# resign with N) answers another question than the claim's and reads as a contradiction right after 不合法。
_BARE_VERDICT = re.compile(
    r"^(?:不合法|违法|不能|不可以|不对|不算|不行|没有|无效|不算数|能|可以|要付|有)[。！]"
)


# A guide's bare "yes" word standing alone as the opening's first sentence (能。 能要。 有补偿。).
_BARE_YES = re.compile(r"^(?:能|可以|能要|可以要|能拿|可以拿|有|有补偿|算|要付)[。！]")


def _drop_unasked_yes(plan: ConsultPlan, asked: Sequence[str]) -> None:
    """A bare 能。 opens only an answer to a yes/no question: asked 能补偿多少钱 / 如何认定 / 赔偿多少 with no
    能不能 / 吗 anywhere, it answers nothing asked and reads as a verdict on another question (session 25, class
    "a stray yes opening a figure or a how question": the learn half's 能。 / 能要。 before the amount). The
    sentence after it stands on its own. A bare denial (没有。 不能。) stays: it answers a figure asked (nothing is
    owed)."""
    if not plan.conclusion or any(load_markers().asks_anywhere(text, "verdict") for text in asked):
        return
    plan.conclusion[0] = _without_bare_yes(plan.conclusion[0])
    # So with a further voice's reason that opens with its own guide's 能要。 (the reasons list is no answer to a
    # yes/no question either).
    plan.reasons = [_without_bare_yes(reason) for reason in plan.reasons]


def _without_bare_yes(sentence: Sentence) -> Sentence:
    bare = _BARE_YES.match(sentence.text)
    rest = sentence.text[bare.end() :].lstrip() if bare else ""
    return Sentence(rest, sentence.cite) if rest else sentence


def _add_owed(
    plan: ConsultPlan, values: Mapping[str, Any], opening_guide: Guide | None, table: OwedTable
) -> None:
    """The rights the facts give that the opening leaves out, one sentence each after it, with its clauses."""
    guide_id = (
        opening_guide.id
        if opening_guide is not None
        else plan.selected[0].split("/")[0]
        if plan.selected
        else None
    )
    said = {entry.id: entry.said for entry in table.entries}
    for addition in also_owed(values, guide_id, opening_text(plan.conclusion), fill, table):
        plan.conclusion.append(Sentence(addition.text, addition.statement.cite))
        plan.selected.append(f"owed/{addition.id}")
        # The claims list does not repeat it (the no-contract guide's own 二倍工资 head, on the same clause), nor
        # do the reasons (a guide's own "你是9级伤残：…还能领一次性工伤医疗补助金" on the same clause).
        key = addition.statement.cite[0]
        plan.claims = [c for c in plan.claims if key not in c.cite]
        plan.reasons = [
            r
            for r in plan.reasons
            if not (key in r.cite and any(word in r.text for word in said[addition.id]))
        ]


def _rebut(plan: ConsultPlan, rebuttal: Rebuttal) -> None:
    """The employer's position the worker quotes is named and answered in the opening (session 11, class
    P: "三天不来算自动离职" left standing while the topic was explained). Asked whether the claim holds
    (…这合法吗), the rebuttal opens with the verdict, taking over the verdict word the guide's opening
    began with; asked something else (能要多少, 怎么办), the answer to that opens and the rebuttal follows
    it at once."""
    if any(rebuttal.quote in s.text for s in plan.conclusion):
        return  # the guide's own answer already names the claim
    if rebuttal.verdict is None and plan.conclusion:
        plan.conclusion.insert(1, Sentence(rebuttal.text, rebuttal.cite))
    else:
        lead = f"{rebuttal.verdict}。" if rebuttal.verdict else ""
        if plan.conclusion and lead and (bare := _BARE_VERDICT.match(plan.conclusion[0].text)):
            # One verdict opens: the guide's own bare 不合法。 would only repeat (or blur) the rebuttal's.
            first = plan.conclusion[0]
            plan.conclusion[0] = Sentence(first.text[bare.end() :].lstrip(), first.cite)
        plan.conclusion.insert(0, Sentence(lead + rebuttal.text, rebuttal.cite))
        if plan.conclusion_kind is None:
            plan.conclusion_kind = "verdict"
    plan.selected.append(f"positions/{rebuttal.position}")


def _tell_apart(plan: ConsultPlan, pair: Pair) -> None:
    """辞退和辞职有什么区别: the difference opens, each side in its clause with its citation (session 11,
    class P: a 区别 question answered with one side's formula or the dismissal steps); what the guide
    concluded for the worker's case follows it."""
    if any(s.text == pair.say for s in plan.conclusion):
        return
    if plan.conclusion and (bare := _BARE_VERDICT.match(plan.conclusion[0].text)):
        # The guide's own bare 能。 after the difference answers a yes/no nobody asked (辞职好还是等开除好).
        first = plan.conclusion[0]
        plan.conclusion[0] = Sentence(first.text[bare.end() :].lstrip(), first.cite)
    plan.conclusion.insert(0, Sentence(pair.say, pair.cite))
    if plan.conclusion_kind is None:
        plan.conclusion_kind = plan.kind
    plan.selected.append(f"differences/{pair.id}")


def about_relative(ask: str, relation: Any) -> str:
    """A clarifying question put to a relative asking on the worker's behalf speaks of the worker in the
    third person (他是哪一天受伤的): the one asking did not get hurt, and 你 would ask them about themselves."""
    female = isinstance(relation, str) and relation in load_lexicon().words("people", "kin_female")
    return ask.replace("你", "她" if female else "他")


def _inside_opening_point(answer: GuideAnswer, opening: GuideAnswer, question: str) -> bool:
    """Do the answer's subject words reach the question only inside the phrasings of the points
    (corpus/consult/points.toml) the opening answer holds? Only the points an answer takes whole
    (extend): their phrasings are full (要什么材料), while the others hold bare words many guides share
    (补偿, 辞退) for the precedence rules."""
    asks = set(opening.asks)
    held = tuple(
        w for point in load_points().values() if point.extend and asks & set(point.words) for w in point.words
    )
    if not held:
        return False
    text = question.lower()
    reached = _covered(subject_words(answer), text)
    return bool(reached) and reached <= _covered(held, text)


def _refines(answer: GuideAnswer | None, broader: GuideAnswer) -> bool:
    """Is the answer a narrower case of the broader one (``refines``: it holds all of its words)?"""
    return (
        answer is not None
        and answer is not broader
        and answer.own_asks is not None
        and set(broader.asks) <= set(answer.asks)
    )


def _pinned(
    point: AskedPoint | None, book: GuideBook, values: Mapping[str, Any]
) -> tuple[Guide, GuideAnswer] | None:
    """The guide and answer an asked point names, unless the guide is not usable or the facts rule it out."""
    if point is None:
        return None
    return _usable_answer(book, point.guide, point.answer, values)


def _usable_answer(
    book: GuideBook, guide_id: str, answer_id: str, values: Mapping[str, Any]
) -> tuple[Guide, GuideAnswer] | None:
    """A guide answer by its ids, unless its guide is not usable or the facts rule the guide out."""
    guide = next((g for g in book.guides if g.id == guide_id), None)
    if guide is None or (guide.unless is not None and guide.unless.holds(values) is True):
        return None
    answer = next((a for a in guide.answers if a.id == answer_id), None)
    return (guide, answer) if answer is not None else None


def _learned_pin(
    learned: Choice,
    question: str,
    kind: AnswerKind,
    values: Mapping[str, Any],
    guides: Sequence[Guide],
    book: GuideBook,
    support: Support | None,
    first: frozenset[str],
) -> tuple[Guide, GuideAnswer] | None:
    """The guide answer the learned classifier chose, unless the words chose another in so many words (the
    opening's ask words stand in the asked clause) and the classifier does not all but rule that one out
    (its probability above ``named_ratio`` × the choice's: 评了10级，能赔偿多少钱 names 赔偿 of what an injury
    brings in general, which the classifier rules out for the grade's amounts), its guide is not usable or
    the facts rule it out, or no branch of it can hold for this asker. (Keeping the words' answer where it has
    the form the words asked and the learned one has another was measured, session 19: no opening better out of
    fold, and on unseen questions it kept 12 openings the lawyers preferred changed — 什么样的赔偿 is read as
    an action asked, the 2N figure is what is wanted.)"""
    guide_id, _, answer_id = learned.ref.partition("/")
    found = _usable_answer(book, guide_id, answer_id, values)
    if found is None or not can_open(found[1], values):
        return None
    guide, answer = found
    if guides:
        ordered = _by_match(guides, question, kind, values, support, first)
        chosen = _select_answer(ordered[0], question, kind, support, values)
        if chosen is answer:
            return None
        if chosen is not None and focus_match(chosen, question) > 0:
            ref = f"{ordered[0].id}/{chosen.id}"
            named = learned.probability_of(ref)
            if not learned.knows(ref) or named > learned.named_ratio * learned.probability:
                return None
            if _names_its_own_term(chosen, answer, question):
                return None
    return guide, answer


# Session 27 (a check reader, class "a benefit named in full answered as another": 二级伤残，可以领多少一次性伤残补助金
# was opened with the two leaving sums — 1至4级伤残不领这两项): an ask word this long names one item (伤残补助金, 停工留薪期,
# 经济补偿金), and when the asked clause says it and the learned answer's words do not, the words' answer opens.
NAMED_TERM_MIN_CHARS = 5


def _names_its_own_term(chosen: GuideAnswer, learned: GuideAnswer, question: str) -> bool:
    clause = asked_clause(question) or question
    terms = [w for w in chosen.asks if len(w) >= NAMED_TERM_MIN_CHARS and w in clause]
    return any(not any(term in w or w in term for w in learned.asks) for term in terms)


def _predicate_pin(
    question: str,
    kind: AnswerKind,
    values: Mapping[str, Any],
    guides: Sequence[Guide],
    book: GuideBook,
    support: Support | None,
    first: frozenset[str],
    table: PredicateTable,
) -> tuple[Family | None, Guide | None, tuple[Guide, GuideAnswer] | None]:
    """The predicate family the asked part asks, the topic (the guide that would otherwise open) and the
    guide answer that answers the predicate for that topic — none when no family is asked, no guide was
    weighed (a topic must be found first), or the topic's own choice already answers the predicate (the
    evidence guide's answer on recordings, the arbitration guide's time limit)."""
    family = find_family(question, table)
    if family is None or not (guides or family.topicless):
        return None, None, None
    ordered = _by_match(guides, question, kind, values, support, first)
    # The topic is what the question is about: the first candidate that is not one of the family's own guides.
    topic = next((g for g in ordered if g.id not in family.homes), ordered[0]) if ordered else None
    route = route_for(family, question, topic.id if topic is not None else None, values)
    would = ordered[0] if ordered else None
    own = _select_answer(would, question, kind, support, values) if would is not None else None
    if (
        route is not None
        and route.said
        and would is not None
        and own is not None
        and route.ref == f"{would.id}/{own.id}"
    ):
        pass  # the topic's own answer, named by the question's words: it opens as the predicate's answer
    elif (
        would is not None
        and own is not None
        and (
            family.answered_by(f"{would.id}/{own.id}")
            or (family.own_words and _reaches(own, said_words(question, family), question))
        )
    ):
        # The topic's own answer serves: listed, or written for the predicate's very words (the arrears
        # guide's 时效 answer).
        # The topic's choice answers the predicate — unless it is the family's own guide answering in general
        # where a route fitted to the topic behind it names that guide's narrower answer (怎么证明我加过班: the
        # overtime proof rule, not how to prove a job).
        if not (
            would.id in family.homes
            and route is not None
            and route.fitted
            and route.guide == would.id
            and route.answer != own.id
            and f"{would.id}/{own.id}" not in family.keeps
            # …and the home's answer was not chosen by what the asked part names besides the predicate (怎么
            # 证明我在这干过: proving the job is what is asked).
            and not coverage(subject_words(own), beside(question, family))
        ):
            return None, None, None
    elif own is not None and family.own_first and coverage(subject_words(own), beside(question, family)):
        return None, None, None
    if route is None:
        return None, None, None
    guide = next((g for g in book.guides if g.id == route.guide), None)
    if guide is None or (guide.unless is not None and guide.unless.holds(values) is True):
        return None, None, None
    answer = next((a for a in guide.answers if a.id == route.answer), None)
    if answer is None or _branch(answer, values) is None:
        return None, None, None
    return family, topic, (guide, answer)


def _name_evidence(
    plan: ConsultPlan, family: Family, topic: Guide | None, pinned: tuple[Guide, GuideAnswer]
) -> None:
    """After a predicate's opening (怎么证明 → who must prove it), the evidence the topic's guide lists for
    this kind of case, in one line: the burden rule says who proves, the list says with what."""
    opened = f"{pinned[0].id}/{pinned[1].id}"
    plan.selected.append(f"predicates/{family.id}")
    if not family.lead or topic is None or not topic.evidence or not plan.selected[:1] == [opened]:
        return
    if topic.id == pinned[0].id:
        return
    items = "；".join(topic.evidence[:EVIDENCE_NAMED]).rstrip("。")
    plan.conclusion.insert(1, Sentence(f"{family.lead}{items}。"))


def _answers_act(
    guide: Guide,
    told: str,
    question: str,
    kind: AnswerKind,
    support: Support | None,
    values: Mapping[str, Any] | None = None,
) -> bool:
    """Does the guide's answer to the question name the act told (its subject words in the told clauses)?"""
    answer = _select_answer(guide, question, kind, support, values)
    return answer is not None and coverage(subject_words(answer), told) > 0


def _moot(name: str, values: Mapping[str, Any]) -> bool:
    """Do the facts already settle this fact, so that asking for it would ask what the worker told (a
    grade after a death, the kind of overtime after hours of one kind: [moot] in
    corpus/consult/question_kinds.toml)?"""
    settled = load_markers().moot.get(name)
    return settled is not None and settled.holds(values) is True


def _answer_other_parts(
    plan: ConsultPlan,
    question: str,
    opening: GuideAnswer,
    opening_guide: Guide,
    pool: Sequence[Guide],
    values: dict[str, Any],
    run_tool: ToolRunner | None,
    keep_first: bool = False,
    book: GuideBook | None = None,
) -> None:
    """A question asking two things (辞退了，补偿按几个月算？另外没休的年假能折现吗？) is answered in both
    parts: each part the opening does not answer selects its own answer, in its own form, from the
    candidate guides with the shared facts; a part whose subject no guide answer names is left out rather
    than filled with a background issue (the opening already speaks for the question as a whole). The parts
    are answered in the order asked unless ``keep_first`` (a raised situation opens)."""
    parts = asked_parts(question)
    if len(parts) < 2:
        return
    markers = load_markers()
    # The part the opening answers: the one whose asked clause its words reach (a word of the background
    # — 欠条 before 能去查住址吗 — does not make it the answer to that part); none: the last part of its form.
    own = [coverage(opening.asks, asked_clause(part) or part) for part in parts]
    answered = (
        own.index(max(own))
        if max(own) > 0
        else _part_of_form(
            parts,
            opening.kind,
            markers,
            # Named by a phrase (需要我签字, 3 characters or more): a two-character word (起诉, 赔偿) names the
            # topic the opening speaks for, not another point.
            lambda part: _named_by_other(part, opening, opening_guide),
        )
    )
    said = {s.text for s in plan.conclusion}
    chosen: set[int] = {id(opening)}
    # Which part each conclusion sentence answers: the answer is read in the order the worker asked
    # (一年没签合同，这合法吗？能要多少钱？ → 不合法 first, then the figure), whichever part chose the guides.
    answers_part: dict[str, int] = {s.text: answered for s in plan.conclusion}
    entries: dict[str, str] = (
        {plan.conclusion[0].text: f"{opening_guide.id}/{opening.id}"} if plan.conclusion else {}
    )
    for index, part in enumerate(parts):
        if index == answered or len(plan.conclusion) >= MAX_PARTS:
            continue
        part_kind = markers.kind_of(part)
        where = asked_clause(part) or part
        best: tuple[tuple[bool, int, int], Guide, GuideAnswer] | None = None
        # A part whose asked clause names nothing but its form (这合法吗, 可以吗) asks about the act its own
        # sentence tells, which the opening's guide speaks for: an answer of that guide in the part's form,
        # selected by the part's words (its form words count), answers it (session 10, class "two questions,
        # one answered": 一年没签合同，这合法吗？能要多少钱？ got only the figure).
        form_only = not any(
            coverage(subject_words(a), where)
            for g in pool
            if (a := _select_answer(g, part, part_kind, None, values))
        )
        for position, guide in enumerate(pool):
            answer = _select_answer(guide, part, part_kind, None, values)
            if answer is None or id(answer) in chosen:
                continue
            # The part names what this answer is about (its subject, not only the form: 能不能, 多少).
            named = coverage(subject_words(answer), where)
            if not named and form_only and answer.kind == part_kind:
                # The act the part tells (扣了500块说是罚款，这合法吗) names the answer; within the opening's
                # guide its form words do too (the act is the one the opening speaks about).
                named = coverage(answer.asks if guide is opening_guide else subject_words(answer), part)
            if not named:
                continue
            if guide is opening_guide and (
                answer.kind != part_kind
                or (
                    answer.kind == opening.kind
                    and coverage(answer.asks, where) <= coverage(opening.asks, where)
                )
            ):
                # Within the opening's guide only a part asked in another form, answered in that form
                # (工资照发吗 beside 鉴定要多久): two figures of one guide are mostly one question asked
                # twice (几级赔多少？怎么计算？), and an answer of another form strays from the part. A
                # part of the same form whose asked clause this answer's words reach further than the
                # opening's is another point (停工留薪期有几个月 beside 这段时间工资怎么算: session 12).
                continue
            score = (answer.kind == part_kind, named, -position)
            if best is None or score > best[0]:
                best = (score, guide, answer)
        via_topic = best is None  # no answer's words name the part: its topic's answer of its form may
        outside = False  # answered by a guide that was not weighed for the question
        if best is None:
            found = part_topic_answer(question, part, part_kind, pool, opening, opening_guide, chosen)
            if found is None:
                found = _topic_sum(part, part_kind, pool, opening, values, chosen)
            if found is None and book is not None and part_kind != "action":
                # Session 22, class "an asked part dropped": the part's topic is no candidate guide (能评上工伤
                # 吗 beside 能评多少级, where only the benefits guide was weighed): a guide its asked clause names
                # by the taxonomy's own words answers it, as part_topic_answer would within the pool. Not a how
                # (怎么申请): the opening's own answer and steps say how its matter is pursued, and another
                # topic's procedure named by a shared word (申请) would contradict it (the lead, after the
                # blind reading: a nursing allowance's 鉴定 then told to go to arbitration).
                named = [g for g in book.guides if g not in pool and issue_named(g, where)]
                found = part_topic_answer(where, where, part_kind, named, opening, opening_guide, chosen)
                outside = found is not None
            if found is None:
                continue
            best = ((True, 0, 0), *found)
        _, guide, answer = best
        if answer.tool and run_tool is not None and not any(c.tool == answer.tool for c in plan.computations):
            computation = run_tool(answer.tool, values)
            if computation is not None and computation.usable:
                _take(plan, values, computation)
        branch = _branch(answer, values)
        if branch is None or branch[1] in said:
            continue
        statement, text = branch
        verdict, sep, rest = text.partition("。")
        if sep and len(verdict) < REPEATED_VERDICT_MIN:
            # The same rule already said, now with the verdict this part asks (没有。 + the rule): said once, with it.
            same = next((i for i, s in enumerate(plan.conclusion) if s.text == rest), None)
            if same is not None:
                plan.conclusion[same] = Sentence(text, plan.conclusion[same].cite)
                said.add(text)
                if f"{guide.id}/{answer.id}" not in plan.selected:
                    plan.selected.append(f"{guide.id}/{answer.id}")
                continue
        if _repeats_verdict(text, plan.conclusion):
            continue
        if via_topic and overlaps(text, plan.conclusion):
            # A part answered through its topic whose answer says what an earlier sentence already says
            # (the ending's verdict inside the remedy's 这样辞退是违法解除): said once.
            continue
        restated = _drop_restated(text, statement.cite, plan.conclusion)
        if restated is None:
            # Said already: not again among the reasons either, where a second voice waits to move up.
            plan.reasons = [s for s in plan.reasons if s.text != text]
            plan.also = [s for s in plan.also if s.text != text]
            continue
        text = restated
        sentence = Sentence(text, statement.cite)
        # The same words may already lead the reasons as another guide's voice: they move up.
        plan.reasons = [s for s in plan.reasons if s.text != text]
        plan.also = [s for s in plan.also if s.text != text]
        plan.conclusion.append(sentence)
        # A guide not weighed for the question does not take the opening: its sentence follows the opening's.
        answers_part[text] = max(index, answered) if outside else index
        entries[text] = f"{guide.id}/{answer.id}"
        if f"{guide.id}/{answer.id}" not in plan.selected:
            plan.selected.append(f"{guide.id}/{answer.id}")
        said.add(text)
        chosen.add(id(answer))
    # A raised situation that speaks (a death on the way home: 先要看能不能认定工亡) keeps the opening: what
    # comes first there is decided by the danger, not by the order of the questions.
    if not keep_first and any(index < answered for index in answers_part.values()):
        order = {s.text: (answers_part.get(s.text, answered), n) for n, s in enumerate(plan.conclusion)}
        plan.conclusion.sort(key=lambda s: order[s.text])
        # The voice that now opens leads plan.selected too (what the API reports as the opening).
        voices = [entries[s.text] for s in plan.conclusion if s.text in entries]
        plan.selected = list(dict.fromkeys([*voices, *plan.selected]))
    # Two parts' answers opening with the same condition (要看单位辞退你的理由：): the later one says it once.
    plan.conclusion = [
        replace(s, text=_without_said_lead(s.text, plan.conclusion[:n]))
        for n, s in enumerate(plan.conclusion)
    ]


# The longest lead (要看单位辞退你的理由：) a part's answer drops when a sentence before it opens with the same words.
SAID_LEAD_MAX = 16


def _without_said_lead(text: str, conclusion: Sequence[Sentence]) -> str:
    """The text without its lead when an earlier sentence of the conclusion opens with the same lead (两个回答都以
    “要看单位辞退你的理由：” 开头): the later part's answer goes on from what it adds, not from the condition said
    just before it (session 22, the parts answered once the opening no longer took the last one)."""
    lead, colon, body = text.partition("：")
    if (
        colon
        and body
        and len(lead) <= SAID_LEAD_MAX
        and any(s.text.startswith(lead + colon) for s in conclusion)
    ):
        return body
    return text


def _take(plan: ConsultPlan, values: dict[str, Any], computation: Computation) -> None:
    """A computation the plan shows, its quantities joining the values the answers' sentences are filled from."""
    plan.computations.append(computation)
    values.update({k: v for k, v in computation.quantities.items() if v is not None})


def _named_by_other(part: str, opening: GuideAnswer, opening_guide: Guide) -> int:
    """How far another answer of the opening's guide names the part's asked clause (its longest cover, in
    characters); 0 below NAMED_PART_MIN_CHARS — a two-character word (起诉, 赔偿) names the topic the opening speaks
    for, not another point."""
    best = max(
        (
            coverage(other.asks, asked_clause(part) or part)
            for other in opening_guide.answers
            if other is not opening
        ),
        default=0,
    )
    return best if best >= NAMED_PART_MIN_CHARS else 0


def _part_of_form(
    parts: Sequence[str], form: AnswerKind, markers: KindMarkers, named: Callable[[str], int] | None = None
) -> int:
    """The part an opening whose words reach no part answers: the last part asked in its form — a verdict
    opening answers 公司的作法对不对, not the 能获得多少赔付 after it, which is then answered on its own (session
    22, class "an asked part dropped": the figure part was taken as answered by the verdict and never got its
    sentence); with no part of its form, the last part (the question is asked at the end).

    ``named``: whether another answer of the opening's guide names a part's asked clause. Such a part is its own
    point and is left to that answer (session 26, class "an asked part dropped": 可以单方解除吗？说辞退，需要我签字
    吗？ — the dismissal's verdict took the signature part, which its own answer then never got)."""
    same = [n for n, part in enumerate(parts) if markers.kind_of(part) == form]
    if named is not None:
        strength = {n: named(parts[n]) for n in range(len(parts))}
        free = [n for n in same if not strength[n]]
        if free:
            return free[-1]
        same = same or list(range(len(parts)))
        if len(same) > 1 and len({strength[n] for n in same}) > 1:
            # Session 28 (learn re-reading, class "the second part's own answer never said": 月薪包括奖金吗？另外，年限
            # 最高不超过12年是什么意思？): every part is named by another answer — the one named least is the
            # opening's, the one another answer names most keeps that answer.
            return min(same, key=lambda n: (strength[n], -n))
    return same[-1] if same else len(parts) - 1


def _topic_sum(
    part: str,
    part_kind: AnswerKind,
    pool: Sequence[Guide],
    opening: GuideAnswer,
    values: Mapping[str, Any],
    chosen: set[int],
) -> tuple[Guide, GuideAnswer] | None:
    """Session 17 (parts17), class "the sum asked beside another point" (应定几级？工厂应给多少赔偿？ / 能判几
    级？能有多少赔偿？): a part asking a sum of money in general words (多少赔偿: a figure the tool lexicon names,
    [tool_asks] in corpus/consult/facts.toml) that no answer's own words name is asked the topic's computed
    sum: the first candidate guide's figure answer that runs a calculation, when it is not the opening (the
    opening answered another part: the grade no one can promise) and one of its branches holds."""
    where = (asked_clause(part) or part).lower()
    if part_kind != "figure" or not _tools_named(where):
        return None
    for guide in pool:
        for answer in guide.answers:
            if answer.kind != "figure" or not answer.tool or answer is opening or id(answer) in chosen:
                continue
            if opening.tool == answer.tool or _branch(answer, values) is None:
                continue
            return guide, answer
    return None


# Session 22 (harm22, class "a condition stated twice"): a later part's clause (between ；/。) is the same condition
# again when this share of its character pairs already stands in an earlier conclusion sentence citing one of its
# clauses (the commuting rule said by the commute answer and again by what an injury brings). Measured on the
# learn half (2026-12-07).
RESTATED_SHARE = 0.5
# More character pairs of its own than this, the clause adds something (也不能因为生育辞退).
RESTATED_NEW_PAIRS = 12
RESTATED_MIN_CHARS = 10  # a shorter clause (能认定的，) is a link, not a condition
_SEGMENT = re.compile(r"[^；。]+[；。]?")
_PUNCT = re.compile(r"[，、：；。（）“”,:;()\s]")


def _pairs(text: str) -> set[str]:
    bare = _PUNCT.sub("|", text)
    return {bare[i : i + 2] for i in range(len(bare) - 1) if "|" not in bare[i : i + 2]}


def _drop_restated(text: str, cite: Sequence[ClauseRef], said: Sequence[Sentence]) -> str | None:
    """A later part's answer without the clauses that state again a condition an earlier conclusion sentence on
    the same clause already states (session 22: 上下班途中 … 非本人主要责任 said by the commute answer, then by
    the answer on what the injury brings); None when nothing else is left. Only sentences sharing a cited
    clause count: two guides may use the same words for different rules."""
    earlier: set[str] = set()
    earlier_cites: set[ClauseRef] = set()
    for sentence in said:
        if set(sentence.cite) & set(cite):
            earlier |= _pairs(sentence.text)
            earlier_cites |= set(sentence.cite)
    if not earlier:
        return text
    # A sentence citing no clause the earlier ones do not is on the same rule: a clause of it that restates the
    # condition, whatever it adds around it (要看是不是交通事故：在上下班的合理时间…), makes the whole sentence the
    # same condition again, its rest the condition's other side (不是交通事故的 … 不能认定): said once.
    same_rule = set(cite) <= earlier_cites
    kept: list[str] = []
    dropped = False
    for segment in _SEGMENT.findall(text):
        pairs = _pairs(segment)
        if len(_PUNCT.sub("", segment)) >= RESTATED_MIN_CHARS and pairs:
            if len(pairs & earlier) / len(pairs) >= RESTATED_SHARE and (
                same_rule or len(pairs - earlier) <= RESTATED_NEW_PAIRS
            ):
                dropped = True
                continue
        kept.append(segment)
    if not dropped:
        return text
    if same_rule:
        return None
    rest = "".join(kept).strip()
    if len(_PUNCT.sub("", rest)) < RESTATED_MIN_CHARS:
        return None
    return rest[:-1] + "。" if rest.endswith("；") else rest


# A verdict sentence this long names its subject (能认定劳动关系。): a second answer opening with it answers the
# same point again (session 12: two guides' answers to 算不算员工 both opened with it, the opening read twice). A
# bare 不合法。 or 能。 does not count, since two parts may ask about two different acts.
REPEATED_VERDICT_MIN = 5


def _repeats_verdict(text: str, conclusion: Sequence[Sentence]) -> bool:
    """True when the text's first sentence, a verdict naming its subject, already opens a conclusion sentence —
    or when the whole text, short of a bare verdict word before it (没有。/ 能。), is already said inside one
    (session 20: 能要经济补偿吗，标准是什么 answered twice by the same rule, once after "没有。")."""
    head, sep, rest = text.partition("。")
    if (
        bool(sep)
        and len(head) >= REPEATED_VERDICT_MIN
        and any(s.text.startswith(head + "。") for s in conclusion)
    ):
        return True
    body = rest if sep and len(head) < REPEATED_VERDICT_MIN and rest else text
    return len(body) >= 2 * REPEATED_VERDICT_MIN and any(body in s.text for s in conclusion)


def _name_heads(
    plan: ConsultPlan, book: GuideBook, values: dict[str, Any], run_tool: ToolRunner | None = None
) -> None:
    """我能要哪些钱 after a story of several wrongs (no contract, wages unpaid, an injury): after the
    opening, each further head of claim the story's facts name ([heads.named_by] in
    corpus/consult/question_kinds.toml) gets one line — the first claim its guide makes on these facts,
    with its clause. Facts, not words: detected issues and ask words also name the stages and
    circumstances of one case (申请工伤认定 beside 评了七级), which are not further heads."""
    markers = load_markers()
    spoken = {entry.split("/")[0] for entry in plan.selected[:1]}
    spoken |= {entry.split("/")[0] for entry in plan.selected[1:] if _voiced(entry, plan, book, values)}
    heads: list[Sentence] = []
    for guide_id, named in markers.head_when.items():
        guide = next((g for g in book.guides if g.id == guide_id), None)
        if guide is None or guide_id in spoken or named.holds(values) is not True:
            continue
        if spoken & set(markers.covered_by.get(guide_id, ())):
            continue  # session 27: the opening's guide already tells this head (the severance answer's 2N)
        if guide.unless is not None and guide.unless.holds(values) is True:
            continue
        shown_before = {s.text for s in _sentences(guide.claims, values)}
        if run_tool is not None and any(c.placeholders for c in guide.claims):
            # Session 28: the head's own figure where its inputs are told (二倍工资约…元), never a question for them —
            # only for a guide whose claims name a figure (no deadline or form notes for a head that states a rule).
            for name in dict.fromkeys(a.tool for a in guide.answers if a.tool):
                if any(c.tool == name for c in plan.computations):
                    continue
                computation = run_tool(name, values)
                if (
                    computation is not None
                    and computation.applies
                    and computation.usable
                    and not computation.missing
                ):
                    _take(plan, values, computation)
        claim = next(iter(_sentences(guide.claims, values)), None)
        if claim is None or any(claim.text == s.text for s in plan.conclusion):
            continue
        if _same_point(claim, [*plan.conclusion, *heads]):
            continue
        heads.append(claim)
        # A claim of this guide listed under the values before its figure was computed (最多11个月) gives way to it.
        stale = shown_before - {s.text for s in _sentences(guide.claims, values)}
        plan.claims = [s for s in plan.claims if s.text not in stale]
        plan.selected.append(f"{guide.id}/claims")
        if len(heads) >= MAX_HEADS - 1:
            break
    if heads:
        plan.claims = [s for s in plan.claims if s.text not in {h.text for h in heads}]
        # One line each, numbered, after the lead: 你说的其他几项也可以一并主张：（1）……（2）……
        lead = markers.heads_lead
        for number, head in enumerate(heads, 1):
            plan.conclusion.append(
                Sentence(f"{lead if number == 1 else ''}（{number}）{head.text}", head.cite)
            )


def _voiced(entry: str, plan: ConsultPlan, book: GuideBook, values: Mapping[str, Any]) -> bool:
    """Session 18 (harm18, class "every told head in the opening's list"): a further guide whose voice only
    leads the reasons (the insurance guide's 能解除并要经济补偿 under a dismissal's 2N) has not named its head
    in the opening: its claim still joins the list. Entries that are not a guide's answer count as voiced."""
    guide_id, _, answer_id = entry.partition("/")
    guide = next((g for g in book.guides if g.id == guide_id), None)
    answer = None if guide is None else next((a for a in guide.answers if a.id == answer_id), None)
    if answer is None:
        return True
    branch = _branch(answer, values)
    return branch is None or any(branch[1] in s.text for s in plan.conclusion)


def _joined(book: GuideBook, guides: Sequence[Guide], values: Mapping[str, Any]) -> list[Guide]:
    """Guides whose facts name their case (`joins_when`) though retrieval did not detect their issue:
    they come last, and are weighed only when no detected guide's words fit the question."""
    return [
        guide
        for guide in book.all()
        if guide not in guides
        and guide.joins_when is not None
        and guide.joins_when.holds(values) is True
        and not (guide.unless is not None and guide.unless.holds(values) is True)
    ]


def tools_asked(guides: Sequence[Guide], question: str, earlier: Sequence[str] = ()) -> list[str]:
    """The calculations that answer what was asked, whichever guide answer is chosen: a detected
    issue's guide's own tools, the tools of its answers whose words the question uses (合法吗 … 加班费
    给多少 asks the overtime figure too), and the tools the question names in so many words (能拿多少
    补偿, 双倍工资, 加班费: corpus/consult/facts.toml [tool_asks]). A figure for a question not asked
    never runs: an annual-leave question names no severance, and its guide has none."""
    asked = _asked_by_words(guides, question.lower())
    for message in reversed(earlier):
        if asked:
            break
        asked = _asked_by_words(guides, message.lower())  # the last message only added facts
    return list(dict.fromkeys([name for guide in guides for name in guide.tools] + asked))


def _asked_by_words(guides: Sequence[Guide], text: str) -> list[str]:
    names = [
        a.tool for guide in guides for a in guide.answers if a.tool and any(word in text for word in a.asks)
    ]
    return names + _tools_named(text)


def _tools_named(text: str) -> list[str]:
    """The worker tools whose figure the text names in so many words (补偿, 加班费: [tool_asks])."""
    return [
        name
        for name, words in load_lexicon().sections.get("tool_asks", {}).items()
        if any(word in text for word in words)
    ]


def _same_point(sentence: Sentence, said: Sequence[Sentence]) -> bool:
    """A claim resting on two or more of the articles another claim already rests on makes the same
    point (two guides' words for 违法解除 → 赔偿金, 劳动合同法 48 and 87): it is said once."""
    articles = {ref.key[:2] for ref in sentence.cite}
    if len(articles) >= 2 and any(len(articles & {ref.key[:2] for ref in s.cite}) >= 2 for s in said):
        return True
    # The same head of claim on clauses another claim already rests on (two guides' "经济补偿：每满1年…"
    # on 劳动合同法 47(1)): the same point in other words, said once (session 9, a doubled bullet).
    head = _claim_head(sentence.text)
    clauses = set(sentence.cite)
    return bool(head and clauses) and any(
        _claim_head(s.text) == head and clauses <= set(s.cite) for s in said
    )


def _claim_head(text: str) -> str:
    """The head a claim names before its colon (经济补偿：…), or empty."""
    head, colon, _ = text.partition("：")
    return head if colon and len(head) <= 12 else ""


def _match(answer: GuideAnswer | None, question: str) -> int:
    """How specifically the question asks for this answer: the characters its ask words cover (0: none)."""
    return coverage(answer.asks, question) if answer is not None else 0


def _by_match(
    guides: Sequence[Guide],
    question: str,
    kind: AnswerKind,
    values: Mapping[str, Any],
    support: Support | None = None,
    first: frozenset[str] = frozenset(),
) -> list[Guide]:
    """The detected issues' guides in the order they answer: a guide whose facts make it the one
    to answer (a disability grade → the benefits guide, or a precedence rule's ``first``) first, then the one whose answer the question
    asks for most specifically (搬去江西 … 补偿 opens with the relocation answer of the layoff guide
    even when 离职 made resignation the strongest issue); ties go to the answer resting on the article
    retrieval ranks higher, then keep the issues' order."""
    answers = [_select_answer(guide, question, kind, support, values) for guide in guides]
    # Between guides the asked clause mostly breaks ties: the background often names the ground of the
    # claim (三个月没发工资 … 直接走能拿补偿不: the arrears guide's answer, not severance in general). But
    # when the asked clause names a subject of its own (要怎么辞才能拿到补偿, not only 这样合法吗), an answer
    # whose words reach it goes before one that only the background matches (没交社保 …: how to resign,
    # not how to make the employer pay in).
    clause_asks = any(_names_clause(answer, question) for answer in answers)
    scored = []
    for position, (guide, answer) in enumerate(zip(guides, answers, strict=True)):
        matched = _match(answer, question)
        # A precedence rule's ``first`` outranks a guide's own leads_when (a disability grade makes the
        # benefits guide lead, but a graded worker being dismissed is answered on the dismissal first).
        leads = (
            2
            if guide.id in first
            else int(guide.leads_when is not None and guide.leads_when.holds(values) is True)
        )
        kind_matched = answer is not None and answer.kind == kind and matched > 0
        focused = focus_match(answer, question)
        reaches = clause_asks and focused > 0
        sup = support_of(answer, support) if SUPPORT_USE == "both" else 0.0
        # Session 17 (plan17): an answer the words name and written for this asker (its branch that holds names
        # the asker: the employer's own exposure, 我会被罚吗 from a shop owner who signed no contract) goes before
        # another guide's answer written for the worker (the fine on a worker's wage), whatever their forms.
        for_asker = matched > 0 and _written_for_asker(answer, values)
        scored.append(
            (leads, matched > 0, for_asker, kind_matched, reaches, matched, focused, sup, -position, guide)
        )
    return [item[-1] for item in sorted(scored, key=lambda item: item[:9], reverse=True)]


def _written_for_asker(answer: GuideAnswer | None, values: Mapping[str, Any]) -> bool:
    """Was this answer written as a whole for who asks (every branch names the asker or a worker only spoken of:
    the employer's exposure), and does one of its branches hold for these facts? An answer with one employer
    branch among the worker's (an uninsured contractor's injury) is weighed as before."""
    if answer is None or not (values.get("asker") or values.get("worker_spoken_of")):
        return False
    return _for_asker_only(answer) and _branch(answer, values) is not None


def _for_asker_only(answer: GuideAnswer) -> bool:
    """Does every branch of the answer name who asks (written wholly for the employer asking, say)?"""
    return bool(answer.branches) and all(ASKER_FACTS & statement.when.names for statement in answer.branches)


def _names_clause(answer: GuideAnswer | None, question: str) -> bool:
    """Does the asked clause name what this answer is about (its subject words, not only its form)?"""
    clause = asked_clause(question)
    return answer is not None and bool(clause) and coverage(subject_words(answer), clause) > 0


def _of_kind(guide: Guide, question: str, kind: AnswerKind) -> bool:
    answer = _select_answer(guide, question, kind)
    return answer is not None and answer.kind == kind


def _fits(guide: Guide, question: str, kind: AnswerKind) -> bool:
    return _match(_select_answer(guide, question, kind), question) > 0


def _answered_in_words(guides: Sequence[Guide], question: str, kind: AnswerKind) -> bool:
    """Does a candidate guide have an answer of the asked form that the question's words select?"""
    for guide in guides:
        answer = _select_answer(guide, question, kind)
        if answer is not None and answer.kind == kind and _match(answer, question) > 0:
            return True
    return False


def _speakers(
    situations: Sequence[Guide], guides: Sequence[Guide], question: str, kind: AnswerKind
) -> list[Guide]:
    """The raised situations that may speak the conclusion, the one asked about in words first (重伤
    and 今天就要我签字 → 要不要签 is answered by the signing situation). A situation not asked about in
    words gives way to a guide answer of the question's kind that is (its urgent steps still open the
    answer): 工伤到底谁去申请 is answered by the work-injury guide, not by 先把伤治好."""

    def fit(guide: Guide) -> int:
        return max((coverage(a.asks, question) for a in guide.answers if a.kind == kind), default=0)

    ordered = sorted(situations, key=lambda g: fit(g) > 0, reverse=True)
    if ordered and fit(ordered[0]) == 0 and _answered_in_words(guides, question, kind):
        return []
    return ordered


def _branch(answer: GuideAnswer, values: Mapping[str, Any]) -> tuple[Statement, str] | None:
    for statement in answer.branches:
        if statement.when.holds(values) is not True:
            continue
        text = fill(statement.say, values)
        if text is not None:
            return statement, text
    return None


def _more_facts_would_change(
    answer: GuideAnswer, chosen: Statement, values: Mapping[str, Any], inputs: Iterable[str] = ()
) -> bool:
    """Would the figures, or the inputs a tool still lacks, change this conclusion: did a branch before
    the chosen one stay undecided for want of one of them (in its condition, or in its sentence)? When
    none did, the conclusion stands whatever they are (no compensation for a worker who proposed the
    agreement), and asking for the start date would only hold the worker up."""
    wanted = QUANTITY_NAMES | set(inputs)
    for statement in answer.branches:
        if statement is chosen:
            return False
        unknown = {n for n in statement.when.names | statement.placeholders if values.get(n) is None}
        if unknown & wanted and statement.when.holds(values) is not False:
            return True
    return False
