"""The time status of a finding: is the harm a rule found happening now, still unresolved, settled
long ago, only supposed (a hypothetical, a worry) or someone else's story?

The ticket rules and the safety screen find a harm (an identity card withheld, a crushed hand, a sum
owed, a dismissal whose time limit runs); this module reads the words around it. The markers are
data (``[tense]`` of ``corpus/escalation.toml``); this module only applies them. Pure functions,
no I/O.

How the reading goes, for the finding at ``start:end`` of one message:

1. **now** — a marker of the present (现在, 正在, 还在 …) in the finding's own clause: nothing
   else is read, the harm is current;
2. **hypothetical** — a condition opener (如果, 万一, 要是 …) before the finding in its clause, or
   in an earlier clause of the same sentence when no clause in between asks the question the
   condition leads to (如果手被压断了，厂里没买保险，会怎么赔: both clauses are the condition; 万一
   老板跑了，我那八万块找谁要: the sum is in the question, and real); a worry (会不会, 担心 …)
   before the finding in its clause. A condition set by someone else's speech (老板说要是你走就
   扣你身份证) is theirs, a real coercion, not the worker's supposition;
3. **reported** — a news item or a video before the finding in its sentence, or someone outside
   the family (朋友, 隔壁厂, 有人 …) before it in its sentence while the message asks in general
   (一般, 通常 …): a story, not this worker's case (a relative's case is the worker's case);
4. **settled** — a resolution word of the finding's own class (身份证 → 还给我了, 后来退了; an
   injury → 赔完了, 认定了; a sum → 结清了, 到账了): after the finding, in its sentence or later in
   the conversation; or before it in its message, with no new harm told in between, when it is
   in the finding's clause, right before it (当时赔了十二万) or in a clause that names the same
   harm (工伤的钱前年就赔完了，当时是右手被压断…). A negated, partial or promised resolution (没还,
   赔了一点, 说年底结清) is none, and so is a sum paid that is not the finding's own (欠八万，已经给了
   两万). The class's ``still_open`` words (没还, 不赔, 只给了 …) anywhere from the finding's message
   on outweigh it, and so do the generic unresolved words (到现在, 还没 …) in the resolution's own
   clause — elsewhere they may govern another matter (身份证早还了。加班费还没给). The harm told
   again after it (又, 再次) leaves it open; the screen's classes also need the past told
   (``long_ago``: 前年, 当时, 后来 …);
5. **unresolved** when such a marker is in the finding's sentence, else **open** (told without
   tense: the rules' reading stands).

Which statuses set a finding aside is the class's ``set_aside`` (data). Self-harm, threats and a
child at work now have no class: tense never sets them aside."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .screen import ScreenError, expand

Status = Literal["now", "hypothetical", "reported", "settled", "unresolved", "open"]
STATUSES: tuple[str, ...] = ("now", "hypothetical", "reported", "settled", "unresolved", "open")
SETTABLE: frozenset[str] = frozenset({"hypothetical", "reported", "settled"})
CLAUSE_BREAK = re.compile(r"[,，;；。!！?？\n…]+")
SENTENCE_BREAK = re.compile(r"[。!！?？\n]+")


# A subject pronoun may stand before a clause-initial future word (我以后…, 他哪天…).
_PRONOUNS = frozenset("我你他她它俺咱")


class TenseError(ValueError):
    """The ``[tense]`` table is malformed (unknown status, bad regular expression, missing list)."""


@dataclass(frozen=True)
class TenseClass:
    """What settles one kind of harm, and which readings set it aside."""

    name: str
    resolution: re.Pattern[str] | None
    set_aside: frozenset[str]
    # Words that say this harm is still open (没还, 不赔, 只给了 …): anywhere from the finding's
    # message on, they outweigh a resolution. The generic ``unresolved`` words count only in the
    # resolution's own clause: elsewhere they may govern another matter (身份证早还了。加班费还没给).
    still_open: re.Pattern[str] | None = None
    # A sum right after the resolution that is not the finding's own makes it partial (sums only).
    partial_numbers: bool = False
    # A resolution told before the finding governs it when in its clause, right before it (当时赔了
    # 十二万), or in a clause of the same sentence that names this harm (``topic``).
    topic: re.Pattern[str] | None = None
    # A child at work told of the past by a grown-up (我十四岁那年…现在都二十六了): both must hold.
    grown_now: re.Pattern[str] | None = None
    grown_past: re.Pattern[str] | None = None
    # A worry before the finding (会不会被扣身份证) reads as supposed: only for harms not yet done.
    worry: bool = False
    # Settled only when the finding's or the resolution's sentence also says it was long ago (the
    # safety screen's classes: a recent injury or death "already paid" may be paid badly).
    long_ago: re.Pattern[str] | None = None
    # Only supposed when it is the question asked of a supposed harm (要是以后扣了身份证，我能报警吗:
    # the police are asked about a harm that has not happened); a condition that governs the word
    # itself (要是我去报警…) or a plan (要是不给，我们就报警) leaves it standing.
    asked_of_supposition: bool = False
    # Set aside as reported only when it is a news item or a video (not a friend's story) and its
    # sentence names none of these (the worker and their own: 我, 俺, family): a stranger's beating
    # in the news is no threat to this worker; 老板也说要打断我的腿 beside it still is.
    strangers_only: re.Pattern[str] | None = None


@dataclass(frozen=True)
class TenseWording:
    """The markers of ``[tense]`` (see the module docstring for how each is read)."""

    now: re.Pattern[str]
    condition: re.Pattern[str]
    worry: re.Pattern[str]
    consequent: re.Pattern[str]
    then: re.Pattern[str]
    refusal: re.Pattern[str]
    future: re.Pattern[str]
    their_speech: re.Pattern[str]
    media: re.Pattern[str]
    media_lead: re.Pattern[str]
    other_party: re.Pattern[str]
    our_place: re.Pattern[str]
    hearsay_lead: re.Pattern[str]
    classify: re.Pattern[str]
    future_lead: re.Pattern[str]
    new_harm: re.Pattern[str]
    recur: re.Pattern[str]
    harm_verbs: re.Pattern[str]
    for_them: re.Pattern[str]
    general: re.Pattern[str]
    unresolved: re.Pattern[str]
    negation_before: re.Pattern[str]
    promise_before: re.Pattern[str]
    done_before: re.Pattern[str]
    partial_after: re.Pattern[str]
    partial_number: re.Pattern[str]
    classes: Mapping[str, TenseClass] = field(default_factory=dict)


@dataclass(frozen=True)
class TenseReading:
    status: Status
    marker: str = ""  # the words that decided it

    def sets_aside(self, cls: TenseClass) -> bool:
        return self.status in cls.set_aside


def _either(raw: Any, where: str, lexicons: Mapping[str, str]) -> re.Pattern[str]:
    """One alternation of the list's patterns, with the screen's ``@lexicon`` references expanded."""
    if not isinstance(raw, list) or not raw:
        raise TenseError(f"{where}: 需要一个非空的正则表达式列表")
    try:
        return re.compile("|".join(f"(?:{expand(str(p), lexicons, where)})" for p in raw))
    except (re.error, ScreenError) as exc:
        raise TenseError(f"{where}: 正则表达式有误（{exc}）") from exc


def parse_tense(raw: Mapping[str, Any], where: str, lexicons: Mapping[str, str]) -> TenseWording:
    """Compile the ``[tense]`` table: marker lists and ``[tense.classes.NAME]``."""
    keys = (
        "now",
        "condition",
        "worry",
        "consequent",
        "then",
        "refusal",
        "future",
        "their_speech",
        "media",
        "media_lead",
        "other_party",
        "our_place",
        "hearsay_lead",
        "classify",
        "future_lead",
        "new_harm",
        "recur",
        "harm_verbs",
        "for_them",
        "general",
        "unresolved",
        "negation_before",
        "promise_before",
        "done_before",
        "partial_after",
        "partial_number",
    )
    missing = [k for k in keys if k not in raw]
    if missing:
        raise TenseError(f"{where}: 缺少 {missing}")
    compiled = {k: _either(raw[k], f"{where} {k}", lexicons) for k in keys}
    classes: dict[str, TenseClass] = {}
    for name, c in raw.get("classes", {}).items():
        here = f"{where}.classes.{name}"
        statuses = c.get("set_aside", [])
        unknown = set(statuses) - SETTABLE
        if unknown or not statuses:
            raise TenseError(f"{here}: set_aside 只能取 {sorted(SETTABLE)}，而不是 {sorted(unknown)}")
        if "settled" in statuses and not c.get("resolution") and not c.get("grown_now"):
            raise TenseError(f"{here}: 可以按「已了结」放下的类别需要 resolution")
        classes[str(name)] = TenseClass(
            name=str(name),
            resolution=_either(c["resolution"], f"{here} resolution", lexicons)
            if c.get("resolution")
            else None,
            set_aside=frozenset(statuses),
            still_open=_either(c["still_open"], f"{here} still_open", lexicons)
            if c.get("still_open")
            else None,
            grown_now=_either(c["grown_now"], f"{here} grown_now", lexicons) if c.get("grown_now") else None,
            grown_past=_either(c["grown_past"], f"{here} grown_past", lexicons)
            if c.get("grown_past")
            else None,
            worry=bool(c.get("worry", False)),
            partial_numbers=bool(c.get("partial_numbers", False)),
            topic=_either(c["topic"], f"{here} topic", lexicons) if c.get("topic") else None,
            long_ago=_either(c["long_ago"], f"{here} long_ago", lexicons) if c.get("long_ago") else None,
            asked_of_supposition=bool(c.get("asked_of_supposition", False)),
            strangers_only=_either(c["strangers_only"], f"{here} strangers_only", lexicons)
            if c.get("strangers_only")
            else None,
        )
    return TenseWording(**compiled, classes=classes)


def _spans(text: str, splitter: re.Pattern[str]) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in splitter.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _containing(spans: Sequence[tuple[int, int]], at: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= at < b or (at == b and i == len(spans) - 1):
            return i
    return len(spans) - 1


def sentence_of(text: str, at: int) -> tuple[int, int]:
    """The (start, end) of the sentence of ``text`` that holds offset ``at``."""
    spans = _spans(text, SENTENCE_BREAK)
    return spans[_containing(spans, at)]


def _last_before(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    last = None
    for m in pattern.finditer(text, start, end):
        if m.end() <= end:
            last = m
    return last


def _hypothetical(w: TenseWording, cls: TenseClass, text: str, sentence: tuple[int, int], start: int) -> str:
    """The condition or worry that governs the finding at ``start``, or ""."""
    s0, s1 = sentence
    clauses = [(s0 + a, s0 + b) for a, b in _spans(text[s0:s1], CLAUSE_BREAK)]
    own = _containing(clauses, start)
    c0 = clauses[own][0]
    if cls.worry and (worry := _last_before(w.worry, text, c0, start)):
        return worry.group(0)
    lead = w.future_lead.search(text, c0, start)
    if lead and (lead.start() == c0 or (lead.start() == c0 + 1 and text[c0] in _PRONOUNS)):
        return lead.group(0)
    opener = _last_before(w.condition, text, s0, start)
    if opener is None:
        return ""
    if w.their_speech.search(text, s0, opener.start()):
        return ""  # 老板说要是你走就…: their condition, a real coercion
    first = _containing(clauses, opener.start())
    named = _last_before(w.classify, text, c0, start)
    if own > first and named and start - named.end() <= 4:
        return opener.group(0)  # 假如…，是不是就属于群体性事件: a category asked of the supposition
    if w.then.search(text, opener.end(), start):
        return ""  # 要是不给钱，我们就去堵门: the finding is the consequence, a plan
    if w.refusal.search(text, opener.start(), clauses[own][1]) and not w.future.search(
        text, opener.start(), clauses[own][1]
    ):
        return ""  # 如果公司不给我这八万: the refusal is supposed, the claim is real
    # Every clause after the opener's, up to the finding's own, must still be the condition: a
    # clause that asks (怎么办, 找谁, 会不会 …) is the consequence, and what it names is real.
    for a, b in clauses[first + 1 : own + 1]:
        if w.consequent.search(text, a, b):
            return ""
    return opener.group(0)


def _supposed_grounds(w: TenseWording, text: str, sentence: tuple[int, int], start: int) -> str:
    """The condition whose supposed harm the finding's clause asks about (要是以后老板扣了我的身份
    证不还，我能直接报警吗), or "": the finding must sit in a clause after the condition's that asks
    (others may ask before it: 这算违法吗，可以去派出所吗), the condition must be the worker's (not 老板说要是…),
    and the harm in it must not be a refusal already happening (如果公司一直不发，能告他吗)."""
    s0, s1 = sentence
    clauses = [(s0 + a, s0 + b) for a, b in _spans(text[s0:s1], CLAUSE_BREAK)]
    own = _containing(clauses, start)
    opener = _last_before(w.condition, text, s0, start)
    if opener is None or w.their_speech.search(text, s0, opener.start()):
        return ""
    first = _containing(clauses, opener.start())
    if own <= first or w.then.search(text, opener.end(), start):
        return ""
    condition_end = clauses[own - 1][1]
    if w.refusal.search(text, opener.start(), condition_end) and not w.future.search(
        text, opener.start(), condition_end
    ):
        return ""
    if not w.consequent.search(text, *clauses[own]):
        return ""
    return opener.group(0)


def _reported(w: TenseWording, text: str, clause: tuple[int, int], start: int) -> str:
    """The news item or the outsider's story that the finding belongs to (in its clause), or ""."""
    c0, c1 = clause
    if media := w.media.search(text, c0, start):
        return media.group(0)
    s0, _ = sentence_of(text, start)
    lead = w.media_lead.search(text, s0, start)
    if lead and not w.our_place.search(text, c0, c1):
        return lead.group(0)
    other = w.other_party.search(text, c0, start) or w.hearsay_lead.search(text, s0, start)
    if (
        other
        and w.general.search(text)
        and not w.our_place.search(text, c0, c1)
        and not w.for_them.search(text)
    ):
        return other.group(0)
    return ""


def _resolutions(
    cls: TenseClass, w: TenseWording, texts: Sequence[str], turn: int, at: int
) -> list[tuple[int, re.Match[str]]]:
    """(turn, match) of every resolution of the class for the finding at ``at`` of message
    ``turn``: after it, or before it in its message with no new harm told in between (工伤的钱前年
    就赔完了，当时是右手被压断…); negated, partial and promised ones left out."""
    if cls.resolution is None:
        return []
    found = []
    for t in range(turn, len(texts)):
        text = texts[t]
        clauses = _spans(text, CLAUSE_BREAK)
        for m in cls.resolution.finditer(text):
            if t == turn and m.start() < at:
                if w.new_harm.search(text, m.end(), at):
                    continue
                r0, r1 = clauses[_containing(clauses, m.start())]
                same_clause = r0 <= at < r1
                right_before = at - 2 <= m.end() <= at
                named = (
                    cls.topic is not None
                    and cls.topic.search(text, r0, r1)
                    and sentence_of(text, m.start()) == sentence_of(text, at)
                )
                if not (same_clause or right_before or named):
                    continue
            before = text[max(0, m.start() - 3) : m.start()]
            if w.negation_before.search(before) or w.partial_after.match(text, m.end()):
                continue
            # 当时赔了十二万 (the finding itself) is paid; 已经给了两万 (another sum) is a part.
            own = t == turn and at - 2 <= m.end() <= at
            if cls.partial_numbers and not own and w.partial_number.match(text, m.end()):
                continue
            c_start = clauses[_containing(clauses, m.start())][0]
            promised = _last_before(w.promise_before, text, c_start, m.start())
            if promised and not w.done_before.search(text, promised.end(), m.start()):
                continue
            found.append((t, m))
    return found


def read_tense(
    w: TenseWording, cls: TenseClass, texts: Sequence[str], turn: int, start: int, end: int
) -> TenseReading:
    """The time status of the finding ``texts[turn][start:end]`` (a conversation's worker
    messages, oldest first)."""
    text = texts[turn]
    sentences = _spans(text, SENTENCE_BREAK)
    sentence = sentences[_containing(sentences, start)]
    clauses = _spans(text, CLAUSE_BREAK)
    c0, c1 = clauses[_containing(clauses, start)]
    if now := w.now.search(text, c0, c1):
        return TenseReading("now", now.group(0))
    if cls.asked_of_supposition:
        if marker := _supposed_grounds(w, text, sentence, start):
            return TenseReading("hypothetical", marker)
    elif marker := _hypothetical(w, cls, text, sentence, start):
        return TenseReading("hypothetical", marker)
    if marker := _reported(w, text, (c0, c1), start):
        if cls.strangers_only is None:
            return TenseReading("reported", marker)
        news = w.media.search(text, c0, start) or w.media_lead.search(text, sentence[0], start)
        if news and not cls.strangers_only.search(text, *sentence):
            return TenseReading("reported", news.group(0))
    open_words = w.unresolved.search(text, *sentence)
    if cls.grown_now is not None and cls.grown_past is not None:
        grown = cls.grown_now.search("\n".join(texts[turn:]))
        past = cls.grown_past.search(text, *sentence)
        if grown and past:
            return TenseReading("settled", f"{past.group(0)}…{grown.group(0)}")
    still = None
    if cls.still_open is not None:
        still = next((m for x in texts[turn:] if (m := cls.still_open.search(x))), None)
    for t, m in _resolutions(cls, w, texts, turn, start):
        here = texts[t]
        res_sentence = sentence_of(here, m.start())
        res_clauses = _spans(here, CLAUSE_BREAK)
        r0, r1 = res_clauses[_containing(res_clauses, m.start())]
        outweigh = still or w.unresolved.search(here, r0, r1)
        if outweigh:
            return TenseReading("unresolved", outweigh.group(0))
        for again in w.recur.finditer(here, m.end()):
            a0, a1 = _spans(here, CLAUSE_BREAK)[_containing(_spans(here, CLAUSE_BREAK), again.start())]
            if w.harm_verbs.search(here, a0, a1):
                return TenseReading("open", again.group(0))
        if cls.long_ago is not None and not (
            cls.long_ago.search(text, *sentence) or cls.long_ago.search(here, *res_sentence)
        ):
            continue  # settled, but lately: not unambiguous for the screen
        return TenseReading("settled", m.group(0))
    if open_words:
        return TenseReading("unresolved", open_words.group(0))
    return TenseReading("open")


_ANY = TenseClass("any", None, frozenset({"hypothetical", "reported"}))


def mask_for_booster(
    w: TenseWording, texts: Sequence[str], mask: str, settled: TenseClass | None = None
) -> list[str]:
    """The messages with every clause that a condition governs or that belongs to a news item or
    an outsider's story blanked out (positions kept), and with ``settled``, every sentence that
    class reads as settled long ago: what the recall booster reads. The booster has no span to read
    a tense for, so it is not shown what only might happen, happened to a stranger or was settled
    long ago; the rules still read all of it and never set aside self-harm or threats."""
    out: list[str] = []
    for turn, text in enumerate(texts):
        chars = list(text)
        for c0, c1 in _spans(text, CLAUSE_BREAK):
            if c1 <= c0:
                continue
            end = c1 - 1
            sentence = sentence_of(text, end)
            if _hypothetical(w, _ANY, text, sentence, end) or _reported(w, text, (c0, c1), end):
                chars[c0:c1] = mask * (c1 - c0)
        if settled is not None:
            for s0, s1 in _spans(text, SENTENCE_BREAK):
                if s1 > s0 and read_tense(w, settled, texts, turn, s0, s0 + 1).status == "settled":
                    chars[s0:s1] = mask * (s1 - s0)
        out.append("".join(chars))
    return out
