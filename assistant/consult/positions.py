"""The employer's stated position, rebutted by name (corpus/consult/employer_positions.toml).

Workers quote what the boss, HR or the site told them ("三天不来算自动离职", "试用期不交社保", "辞职就不给
工资"). An answer that explains the topic but never takes that claim on leaves the worker with the
employer's word against the law's. When the question quotes such a position — an employer-side speaker,
a verb of saying, and a claim of a known kind in the words after it — the plan names the claim and
answers it with the clause that decides it. Session 15: anyone's claim is judged the same way (a colleague,
a relative, the other side's lawyer, 听说/网上说, the worker's own belief when asked about), named back as its
teller, and a fear about the claim (会不会…) opens with the verdict on it. Pure: the table and the question
are the inputs."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import ClauseRef, Condition, GuideError, cite_problem, table_rows, word_list
from assistant.consult.kinds import asked_clause

POSITIONS_PATH = CORPUS_DIR / "consult" / "employer_positions.toml"
# How far (characters) the claim may sit after the verb of saying: the rest of one telling, not a later
# sentence about something else.
_REACH = 40
# A quote longer than this is cut to the claim's own words.
_MAX_QUOTE = 24
_CLAUSE_END = re.compile(r"[，,。？?！!；;\n]")
_SENTENCE_END = re.compile(r"[。？?！!；;\n]")
_OPEN_QUOTE = re.compile(r"^[\s:：“”\"'「」]+")
_ASKED_TAIL = re.compile(
    r"(?:也|都)?(?:是)?(?:这样|这)?(?:合法|违法|犯法|对|是真的|可以|能|有效|算数|正常)?的?(?:吗|么|嘛|吧)[？?]?$"
)
_CLOSE_QUOTE = re.compile(r"[\s“”\"'「」]+$")


@dataclass(frozen=True)
class Position:
    """One kind of employer claim and the sentence that answers it."""

    id: str
    claims: tuple[re.Pattern[str], ...]
    say: str
    cite: tuple[ClauseRef, ...]
    unless: Condition | None = None
    # The verdict word when asked whether the claim holds, where the form's would overstate it (a claim
    # partly right: 不一定 rather than 不对).
    verdict: str | None = None
    # Words in the question that take the case out of the claim's kind, where no fact names it yet (超龄,
    # 挂靠: the relationship denied may truly not be an employment one).
    unless_words: tuple[re.Pattern[str], ...] = ()
    # Words the question must hold somewhere for the claim to be of this kind, where the claim's own words do
    # not say it (会被开除 is a threat of retaliation only beside the right asserted: 投诉, 仲裁, 要加班费).
    needs_words: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Form:
    """An asked form that asks whether the claim holds, and the verdict word that answers it."""

    words: tuple[str, ...]
    verdict: str
    # A fear about the claim (会不会…, 是不是白…): the verdict on the claim opens whatever else the
    # clause names, without a verdict word of its own (the rebuttal's sentence is the answer).
    fear: bool = False


@dataclass(frozen=True)
class PositionTable:
    speakers: tuple[str, ...]
    says: tuple[str, ...]
    forms: tuple[Form, ...]
    positions: tuple[Position, ...]
    # Anyone else whose claim the worker asks about (同事, 网上, 律师 — session 15): named as said by them.
    others: tuple[str, ...] = ()
    # Verbs of hearsay that name their own source (听说, 网上说, 有人说): the claim is theirs.
    hearsay: tuple[str, ...] = ()
    # Verbs of the worker's own belief (我觉得, 我以为): a claim too, rebutted only when asked about.
    beliefs: tuple[str, ...] = ()

    def without(self, ids: set[str]) -> PositionTable:
        return PositionTable(
            self.speakers,
            self.says,
            self.forms,
            tuple(p for p in self.positions if p.id not in ids),
            self.others,
            self.hearsay,
            self.beliefs,
        )


@dataclass(frozen=True)
class Rebuttal:
    """A position the question quotes: the sentence naming and answering it, and whether the question
    asks about the claim itself (then the rebuttal opens, led by ``verdict``)."""

    position: str
    text: str
    cite: tuple[ClauseRef, ...]
    quote: str
    verdict: str | None  # the verdict word when the asked clause asks whether the claim holds ("" for a fear)


def _optional_patterns(raw: Mapping[str, Any], key: str, label: str) -> tuple[re.Pattern[str], ...]:
    """A position's optional list of regular expressions (none where the entry leaves it out)."""
    words = raw.get(key)
    return tuple(re.compile(p) for p in word_list(words, f"{label}.{key}")) if words else ()


def parse_positions(data: Mapping[str, Any], where: str = "employer_positions.toml") -> PositionTable:
    """The table from its TOML data; a malformed entry raises GuideError naming it."""
    speakers = word_list(data.get("speakers"), f"{where}: speakers")
    says = word_list(data.get("says"), f"{where}: says")
    forms = []
    for i, raw in enumerate(data.get("forms", [])):
        verdict = raw.get("verdict") if isinstance(raw, dict) else None
        fear = bool(raw.get("fear")) if isinstance(raw, dict) else False
        if not isinstance(verdict, str) or (not verdict.strip() and not fear):
            raise GuideError(f"{where}: forms[{i}]：要有 verdict（判断词）")
        forms.append(Form(word_list(raw.get("words"), f"{where}: forms[{i}].words"), verdict.strip(), fear))
    positions: list[Position] = []
    seen: set[str] = set()
    fields = {"id", "claims", "say", "cite", "unless", "verdict", "unless_words", "needs_words"}
    for label, raw in table_rows(data, "position", where, fields):
        pid = raw.get("id")
        if not isinstance(pid, str) or not pid or pid in seen:
            raise GuideError(f"{label}：id 缺失或重复")
        seen.add(pid)
        say = raw.get("say")
        if not isinstance(say, str) or "{quote}" not in say:
            raise GuideError(f"{label}（{pid}）：say 要用 {{quote}} 点出单位的原话")
        try:
            claims = tuple(re.compile(p) for p in word_list(raw.get("claims"), f"{label}.claims"))
            unless_words = _optional_patterns(raw, "unless_words", label)
            needs_words = _optional_patterns(raw, "needs_words", label)
        except re.error as exc:
            raise GuideError(f"{label}（{pid}）：claims 正则有误：{exc}") from exc
        cites = raw.get("cite")
        if not isinstance(cites, list) or not cites:
            raise GuideError(f"{label}（{pid}）：要有 cite（据以反驳的条款）")
        refs = tuple(ClauseRef.parse(c) for c in cites)
        unless = Condition.parse(raw["unless"]) if raw.get("unless") else None
        verdict = raw.get("verdict")
        if verdict is not None and (not isinstance(verdict, str) or not verdict.strip()):
            raise GuideError(f"{label}（{pid}）：verdict 要是判断词")
        positions.append(Position(pid, claims, say.strip(), refs, unless, verdict, unless_words, needs_words))
    if not positions:
        raise GuideError(f"{where}：没有 position")

    def optional(name: str) -> tuple[str, ...]:
        return word_list(data[name], f"{where}: {name}") if name in data else ()

    return PositionTable(
        speakers,
        says,
        tuple(forms),
        tuple(positions),
        optional("others"),
        optional("hearsay"),
        optional("beliefs"),
    )


@lru_cache(maxsize=4)
def load_positions(path: Path = POSITIONS_PATH) -> PositionTable:
    with path.open("rb") as handle:
        return parse_positions(tomllib.load(handle), path.name)


def check_positions(
    table: PositionTable,
    lookup: Callable[[str, int, int | None], Any],
    fact_names: set[str] | frozenset[str] | None = None,
) -> list[tuple[str, str, str]]:
    """(position, clause, problem) for every cited clause missing from the store, out of force or
    without the paragraph or item named, and every `unless` naming an unknown fact."""
    problems: list[tuple[str, str, str]] = []
    for position in table.positions:
        for ref in position.cite:
            if (problem := cite_problem(ref, lookup)) is not None:
                problems.append((position.id, str(ref), problem))
        if fact_names is not None and position.unless is not None:
            for name in sorted(position.unless.names - set(fact_names)):
                problems.append((position.id, name, f"条件用到了未知的事实名：{position.unless.source}"))
    return problems


def _names_teller(clause: str, table: PositionTable) -> bool:
    return any(w in clause for w in (*table.speakers, *table.others))


@dataclass(frozen=True)
class _Telling:
    """Where a telling's words start (just after its verb) and who tells them: ``who`` is how the
    rebuttal names the teller (单位说, 同事说, 网上说, 你觉得), or None when the words are not a claim to
    judge (the worker telling the boss, or no one named)."""

    at: int
    who: str | None
    belief: bool = False  # the worker's own belief: judged only when asked about


_EMPLOYER = "单位说"


def _tellings(text: str, table: PositionTable) -> list[_Telling]:
    """Each telling in the question and who tells it. The speaker is in the verb's own clause (老板说…),
    or, when that clause names no one (…，他又说… / …，说…), in the clause before it (老板不批，说辞职要
    赔钱); the worker telling the boss (我跟老板说…) tells no claim. Anyone's claim is judged the same
    way (session 15): the employer's side (named 单位), anyone else named (同事说), hearsay naming its
    own source (听说, 网上说), and the worker's own belief (我觉得)."""
    out: dict[int, _Telling] = {}
    verbs = [(v, "say") for v in table.says]
    verbs += [(v, "hearsay") for v in table.hearsay] + [(v, "belief") for v in table.beliefs]
    for verb, kind in sorted(verbs, key=lambda pair: -len(pair[0])):
        for m in re.finditer(re.escape(verb), text):
            if m.end() in out:
                continue  # a longer verb ending here decided it (听说 before 说)
            if kind == "hearsay":
                out[m.end()] = _Telling(m.end(), verb)
                continue
            clauses = _CLAUSE_END.split(text[: m.start()])
            clause = clauses[-1].strip()
            pronoun = False
            if (
                not _STAND_INS.sub("", clause)
                and kind == "say"
                and (len(clauses) > 1 or _PRONOUN.search(clause))
            ):
                # 我问人事，她说…: the one asked answers (the nearest clause with words: …费用，，说…).
                pronoun = bool(_PRONOUN.search(clause))
                earlier = [c for c in reversed(clauses[:-1]) if c.strip()]
                # 他 (or no one) is the one named last in this sentence (老板…，没签过合同，现在他说…;
                # 上司只给了…，…，强硬地说…).
                sentence = _SENTENCE_END.split(text[: m.start()])[-1]
                named = [c for c in earlier if c in sentence and _names_teller(c, table)]
                earlier = named[:1] + earlier
                clause = earlier[0] if earlier else ""
            elif kind == "say" and (_WORKER_TELLS.search(clause) or clause.rstrip().endswith(("我", "俺"))):
                out[m.end()] = _Telling(m.end(), None)
                continue
            if any(s in clause for s in table.speakers):
                # 对方律师说, 公司的法务说: the employer's side, named as the clause names it.
                named = [f"{s}{j}{o}" for s in table.speakers for o in table.others for j in ("", "的")]
                named = sorted((n for n in named if n in clause), key=len, reverse=True)
                out[m.end()] = _Telling(m.end(), f"{named[0]}说" if named else _EMPLOYER)
            elif named := sorted((o for o in table.others if o in clause), key=len, reverse=True):
                # Named back to the worker: 我妈说 → 你妈说.
                out[m.end()] = _Telling(m.end(), re.sub(r"^[我俺]", "你", named[0]) + "说")
            elif kind == "belief" and (not _STAND_INS.sub("", clause) or re.search(r"[我俺]", clause)):
                out[m.end()] = _Telling(m.end(), f"你{verb}", belief=True)
            elif pronoun:
                # 她说试用合同还没生效, whoever she is: a claim told to the worker, judged the same way.
                out[m.end()] = _Telling(m.end(), "对方说")
            else:
                out[m.end()] = _Telling(m.end(), None)
    return [out[at] for at in sorted(out)]


# Words that leave a clause before the verb naming nobody new (…，现在又说…): the speaker is the one
# of the clause before.
_STAND_INS = re.compile(
    r"他们|她们|人家|现在|后来|然后|结果|但是|反而|居然|竟然|一直|老是|强硬地|明确|直接|当面|口头|一口咬定|还|又|就|"
    r"却|但|可|也|都|总|他|她|\s"
)
_PRONOUN = re.compile(r"他|她|人家")
# The worker's own narration taking up again after a telling (…，我担心… / …，我想问…).
_WORKER_RESUMES = re.compile(
    r"[，,]\s*(?:我|俺)(?:有点|很|也|就|还|现在|已经)?(?:担心|害怕|怕|想|觉得|以为|问|不知道)"
)
# The worker is the one telling (我跟老板说, 我问人事): what follows is not the employer's claim.
_WORKER_TELLS = re.compile(r"(?:我|俺)[^，,]{0,3}(?:跟|和|对|向|找|问|给)")


def find_rebuttal(
    question: str, table: PositionTable, values: Mapping[str, Any] | None = None
) -> Rebuttal | None:
    """The first position the question quotes (someone tells the claim, or the worker asks about their
    own belief), or None."""
    text = unicodedata.normalize("NFKC", question).lower()
    tellings = _tellings(text, table)
    if not any(t.who for t in tellings):
        return None
    best: tuple[_Telling, Position, int, int] | None = None
    for position in table.positions:
        if position.unless is not None and values is not None and position.unless.holds(values) is True:
            continue
        if any(p.search(text) for p in position.unless_words):
            continue
        if position.needs_words and not any(p.search(text) for p in position.needs_words):
            continue
        for pattern in position.claims:
            for m in _matches(pattern, text, tellings):
                # The nearest telling before the claim, in the same sentence, tells it.
                before = [t for t in tellings if t.at <= m.start() and m.start() - t.at <= _REACH]
                if not before or not before[-1].who or _SENTENCE_END.search(text, before[-1].at, m.start()):
                    continue
                if _WORKER_RESUMES.search(text, before[-1].at, m.start()):
                    continue  # 听说…，我有点担心会被扣押身份证: the worker's own words again
                if any(t.who != before[-1].who and m.start() < t.at <= m.end() for t in tellings):
                    continue  # another teller's words in the span (老板说…，辞职的同事说…不给工资)
                if before[-1].belief and _asked_verdict(question, table, m.start()) is None:
                    continue  # the worker's own view, told but not asked about
                if best is None or m.start() < best[2]:
                    best = (before[-1], position, m.start(), m.end())
                break
    if best is None:
        return None
    telling, position, claim_start, claim_end = best
    said_at = telling.at
    end = _CLAUSE_END.search(text, claim_end)
    start = said_at if claim_start - said_at <= _MAX_QUOTE // 2 else claim_start
    # The worker's own characters (a full-width comma stays one) where normalising kept the positions.
    source = question if len(question) == len(text) else text
    quote = source[start : end.start() if end else len(source)]
    quote = _CLOSE_QUOTE.sub("", _OPEN_QUOTE.sub("", quote))
    quote = _ASKED_TAIL.sub("", quote)
    if len(quote) > _MAX_QUOTE:
        quote = _CLOSE_QUOTE.sub("", source[claim_start:claim_end])
    verdict = _asked_verdict(question, table, claim_start)
    if verdict and position.verdict:
        verdict = position.verdict
    return Rebuttal(
        position.id,
        position.say.replace("{who}", telling.who or _EMPLOYER).replace("{quote}", quote),
        position.cite,
        quote,
        verdict,
    )


def _matches(pattern: re.Pattern[str], text: str, tellings: list[_Telling]) -> list[re.Match[str]]:
    """The claim's matches in order, each telling's own too: the worker's narration may hold the same
    words before the telling (合同到期，HR说合同到期…不用给补偿) and a match from there would swallow it."""
    found = {m.start(): m for m in pattern.finditer(text)}
    for telling in tellings:
        if telling.who and (m := pattern.search(text, telling.at)) is not None:
            found.setdefault(m.start(), m)
    return [found[at] for at in sorted(found)]


def _asked_verdict(question: str, table: PositionTable, claim_start: int) -> str | None:
    """The verdict word when what is asked is whether the claim holds: the asked clause carries one of
    the forms and is either the claim's own clause (老板说试用期不交社保合法吗) or asks about nothing
    else (…，这合法吗)."""
    text = unicodedata.normalize("NFKC", question).lower()
    clause = asked_clause(text).lower()
    if not clause:
        clause = _CLAUSE_END.split(text.strip().rstrip("？?。！!"))[-1]
    form = next((f for f in table.forms if any(w in clause for w in f.words)), None)
    if form is None:
        return None
    if form.fear:
        return form.verdict
    at = text.rfind(clause)
    if at <= claim_start < at + len(clause):
        return form.verdict
    rest = clause
    for word in sorted((*form.words, *_FILLER), key=len, reverse=True):
        rest = rest.replace(word, "")
    return form.verdict if not re.sub(r"[\s？?。！!，,]", "", rest) else None


# Words a bare "is that so" clause is made of besides its form (这样合法吗, 他们这么说对吗).
_FILLER = (
    "这样",
    "这么",
    "这个",
    "这",
    "那",
    "他们",
    "他",
    "她",
    "公司",
    "老板",
    "单位",
    "说",
    "做",
    "的",
    "吗",
    "呢",
    "么",
)
