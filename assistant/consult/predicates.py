"""The predicate the asked clause asks (corpus/consult/predicates.toml), beside its kind (session 14, issue 13).

A question whose topic is found right may ask a predicate the topic's stock answer does not answer: how to
prove it, where to go, whether it is still in time. The kind (verdict / figure / action) gives the opening its
form; the family gives it its subject. A family names, by the topic (the guide that would otherwise open), the
facts and the words of the asked part, the guide answer that answers the predicate; that answer opens and the
topic's guide keeps its reasons, claims and steps.

Pure: the table, the question, the topic guide's id, the topic's own choice and the facts are the inputs. An
entry naming an answer that is not among the usable guides is left out (``check_predicates``)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import Condition, GuideBook, GuideError, table_rows, word_list
from assistant.consult.kinds import asked_clause

PREDICATES_PATH = CORPUS_DIR / "consult" / "predicates.toml"


@dataclass(frozen=True)
class Route:
    """Which guide answer answers the predicate: by the topic, the facts and the words of the asked part."""

    guide: str
    answer: str
    topics: frozenset[str] = frozenset()  # the topic guide is one of these (empty: any)
    when: Condition | None = None  # facts that must hold
    said: tuple[str, ...] = ()  # a word of the asked part (empty: none needed)
    # A word anywhere in the question (empty: none needed): the act the asked part's words hang on (会不会被开除
    # after 我去仲裁: the cause told in the background, the consequence asked).
    cause: tuple[str, ...] = ()
    # Words anywhere in the question that rule the route out (a service period agreed: its own rule answers).
    unless: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.guide}/{self.answer}"

    @property
    def fitted(self) -> bool:
        """Chosen by the topic, the facts or the words, not the family's general answer."""
        return bool(self.topics or self.when is not None or self.said or self.cause)


@dataclass(frozen=True)
class Family:
    id: str
    asks: tuple[str, ...]
    routes: tuple[Route, ...]
    leans: tuple[str, ...] = ()  # ask it only with a word of ``told`` in the question
    told: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    serves: frozenset[str] = frozenset()  # answers that already answer it ("guide/answer")
    displaces: frozenset[str] = frozenset()  # situations that do not speak the opening
    lead: str = ""  # the head of the topic guide's evidence list after the opening (empty: none)
    # The topic's own answer keeps the opening when its subject is named in the asked part besides the
    # family's words (去哪里补交: the make-up answer of the insurance guide, not the dispute route).
    own_first: bool = False
    # The family's own guides (the evidence guide): never the topic; where one would open with an answer
    # that serves, a route fitted to the topic behind it may still choose its better answer.
    homes: frozenset[str] = frozenset()
    # Home answers no fitted route overrides: they answer a narrower question than any topic's route (whether
    # a chat or a recording counts as evidence).
    keeps: frozenset[str] = frozenset()
    # The topic's own answer written with the predicate's very words keeps the opening (the arrears guide's
    # 时效 answer for 还在职欠的工资有时效吗).
    own_words: bool = False
    # Its words are read in the whole question, not only the asked part (是什么意思 is never background), and
    # so are its routes' words.
    anywhere: bool = False
    # A route chosen by words (``said``) may answer with no topic found (服从公司工作安排是什么意思).
    topicless: bool = False
    # Its words, and its routes' words, are read in the asked clause and the message's last clause only, not in
    # every sentence closed by a question mark (怕被开除所以一直没说，加班费怎么算？ asks the overtime pay, the fear
    # is background): ``asked_clauses``.
    clause: bool = False

    def answered_by(self, ref: str) -> bool:
        return ref in self.serves or any(route.ref == ref for route in self.routes)


@dataclass(frozen=True)
class PredicateTable:
    families: tuple[Family, ...]

    def without(self, ids: set[str]) -> PredicateTable:
        """The table without the named families, or the named routes (``family:guide/answer``)."""
        kept = []
        for family in self.families:
            if family.id in ids:
                continue
            routes = tuple(r for r in family.routes if f"{family.id}:{r.ref}" not in ids)
            if routes:
                kept.append(
                    Family(
                        family.id,
                        family.asks,
                        routes,
                        family.leans,
                        family.told,
                        family.unless,
                        family.serves,
                        family.displaces,
                        family.lead,
                        family.own_first,
                        family.homes,
                        family.keeps,
                        family.own_words,
                        family.anywhere,
                        family.topicless,
                        family.clause,
                    )
                )
        return PredicateTable(tuple(kept))


_FAMILY_FIELDS = {
    "id",
    "asks",
    "leans",
    "told",
    "unless",
    "serves",
    "displaces",
    "lead",
    "own_first",
    "homes",
    "keeps",
    "own_words",
    "anywhere",
    "topicless",
    "clause",
    "route",
}
_ROUTE_FIELDS = {"answer", "topics", "when", "said", "cause", "unless"}


def _ref(raw: Any, label: str) -> tuple[str, str]:
    if not isinstance(raw, str) or raw.count("/") != 1 or not all(raw.split("/")):
        raise GuideError(f"{label}：answer 要写成 指南id/回答id")
    guide, answer = raw.split("/")
    return guide, answer


def parse_predicates(data: Mapping[str, Any], where: str = "predicates.toml") -> PredicateTable:
    """The table from its TOML data; a malformed entry raises GuideError naming it."""
    families: list[Family] = []
    seen: set[str] = set()
    for label, raw in table_rows(data, "family", where, _FAMILY_FIELDS):
        fid = raw.get("id")
        if not isinstance(fid, str) or not fid or fid in seen:
            raise GuideError(f"{label}：id 缺失或重复")
        seen.add(fid)
        label = f"{label}（{fid}）"
        asks = word_list(raw.get("asks"), f"{label}.asks")
        leans = word_list(raw["leans"], f"{label}.leans") if "leans" in raw else ()
        told = word_list(raw["told"], f"{label}.told") if "told" in raw else ()
        if bool(leans) != bool(told):
            raise GuideError(f"{label}：leans 和 told 要一起写")
        unless = word_list(raw["unless"], f"{label}.unless") if "unless" in raw else ()
        serves = word_list(raw["serves"], f"{label}.serves") if "serves" in raw else ()
        for ref in serves:
            _ref(ref, f"{label}.serves")
        displaces = word_list(raw["displaces"], f"{label}.displaces") if "displaces" in raw else ()
        lead = raw.get("lead", "")
        if not isinstance(lead, str):
            raise GuideError(f"{label}：lead 应为一句话的开头")
        homes = word_list(raw["homes"], f"{label}.homes") if "homes" in raw else ()
        keeps = word_list(raw["keeps"], f"{label}.keeps") if "keeps" in raw else ()
        names = ("own_first", "own_words", "anywhere", "topicless", "clause")
        flags = [raw.get(name, False) for name in names]
        if not all(isinstance(flag, bool) for flag in flags):
            raise GuideError(f"{label}：{'、'.join(names)} 应为 true 或 false")
        own_first, own_words, anywhere, topicless, clause = flags
        if anywhere and clause:
            raise GuideError(f"{label}：anywhere 和 clause 不能同时为 true")
        routes: list[Route] = []
        for n, route in enumerate(raw.get("route", [])):
            where_route = f"{label}.route[{n}]"
            if not isinstance(route, dict) or set(route) - _ROUTE_FIELDS:
                raise GuideError(f"{where_route}：应为表，字段只能是 {sorted(_ROUTE_FIELDS)}")
            guide, answer = _ref(route.get("answer"), where_route)
            topics = word_list(route["topics"], f"{where_route}.topics") if "topics" in route else ()
            said = word_list(route["said"], f"{where_route}.said") if "said" in route else ()
            cause = word_list(route["cause"], f"{where_route}.cause") if "cause" in route else ()
            ruled_out = word_list(route["unless"], f"{where_route}.unless") if "unless" in route else ()
            when = route.get("when")
            if when is not None and (not isinstance(when, str) or not when.strip()):
                raise GuideError(f"{where_route}：when 应为条件表达式")
            try:
                condition = Condition.parse(when) if when else None
            except GuideError as exc:
                raise GuideError(f"{where_route}：{exc}") from exc
            routes.append(Route(guide, answer, frozenset(topics), condition, said, cause, ruled_out))
        if not routes:
            raise GuideError(f"{label}：至少要有一条 route")
        families.append(
            Family(
                fid,
                asks,
                tuple(routes),
                leans,
                told,
                unless,
                frozenset(serves),
                frozenset(displaces),
                lead.strip(),
                own_first,
                frozenset(homes),
                frozenset(keeps),
                own_words,
                anywhere,
                topicless,
                clause,
            )
        )
    if not families:
        raise GuideError(f"{where}：没有 family")
    return PredicateTable(tuple(families))


@lru_cache(maxsize=4)
def load_predicates(path: Path = PREDICATES_PATH) -> PredicateTable:
    with path.open("rb") as handle:
        return parse_predicates(tomllib.load(handle), path.name)


def check_predicates(
    table: PredicateTable, book: GuideBook, fact_names: Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """(entry, problem) for every route whose answer is not in a usable guide (``family:guide/answer``), whose
    condition names an unknown fact, or whose topics are not guides; and every family whose displaced
    situations do not exist (the family's id)."""
    problems: list[tuple[str, str]] = []
    by_id = {g.id: g for g in book.all()}
    names = set(fact_names) if fact_names is not None else None
    for family in table.families:
        for other in sorted((family.displaces | family.homes) - set(by_id)):
            problems.append((family.id, f"displaces 或 homes 中的 {other} 不是指南或情形"))
        for route in family.routes:
            entry = f"{family.id}:{route.ref}"
            guide = by_id.get(route.guide)
            if guide is None:
                problems.append((entry, f"没有可用的指南 {route.guide}"))
            elif not any(a.id == route.answer for a in guide.answers):
                problems.append((entry, f"指南 {route.guide} 中没有回答 {route.answer}"))
            for topic in sorted(route.topics - set(by_id)):
                problems.append((entry, f"topics 中的 {topic} 不是指南"))
            if names is not None and route.when is not None:
                for name in sorted(route.when.names - names):
                    problems.append((entry, f"条件用到了未知的事实名：{name}"))
    return problems


_CLAUSE_END = re.compile(r"[，,。？?！!；;：:\n]")


_QUESTION = re.compile(r"[^。？?！!；;\n]*[？?]")


@lru_cache(maxsize=4096)
def asked_part(question: str) -> str:
    """Where the question asks: the clause holding its deciding marker, else its last clause (a question
    leaning on its background — 还能仲裁吗 — is still asked in its last clause), and every sentence it closes
    with a question mark (应该找哪个部门解决？那是去年的钱。 asks in its first sentence)."""
    clause = asked_clause(question)
    if not clause:
        clauses = [c for c in _CLAUSE_END.split(question.strip()) if c.strip()]
        clause = clauses[-1] if clauses else ""
    asked = [clause, *(m.group(0) for m in _QUESTION.finditer(question))]
    return "|".join(unicodedata.normalize("NFKC", part).lower().strip() for part in asked if part.strip())


def _read(question: str, family: Family) -> str:
    """Where the family's words are read: the whole question (``anywhere``), the asked and the last clause
    (``clause``), else the asked part."""
    if family.anywhere:
        return unicodedata.normalize("NFKC", question).lower()
    return asked_clauses(question) if family.clause else asked_part(question)


@lru_cache(maxsize=4096)
def asked_clauses(question: str) -> str:
    """The asked clause and the question's last clause, without the rest of the sentences closed by a question
    mark: a clause a figure's marker chose (还有几天年假没休) does not hide the question the message ends on (走了
    以后这些假会不会就没了), and a clause of background (怕被开除所以一直没说) is not read."""
    clauses = [c for c in _CLAUSE_END.split(question.strip()) if c.strip()]
    last = clauses[-1] if clauses else ""
    asked = [asked_part(question).split("|", 1)[0], last]
    return "|".join(unicodedata.normalize("NFKC", part).lower().strip() for part in asked if part.strip())


def find_family(question: str, table: PredicateTable) -> Family | None:
    """The first family (in the table's order) whose words the asked part says (or leans on with a time
    told), none of whose ``unless`` words the question says."""
    text = unicodedata.normalize("NFKC", question).lower()
    for family in table.families:
        if any(word in text for word in family.unless):
            continue
        if any(word in _read(question, family) for word in family.asks):
            return family
        part = asked_clauses(question) if family.clause else asked_part(question)
        if part and any(word in part for word in family.leans) and any(word in text for word in family.told):
            return family
    return None


def said_words(question: str, family: Family) -> tuple[str, ...]:
    """The family's words the asked part says (its ``asks`` and ``leans``)."""
    part = asked_clauses(question) if family.clause else asked_part(question)
    return tuple(word for word in family.asks + family.leans if word in part)


def beside(question: str, family: Family) -> str:
    """The asked part without the family's own words (我该去哪里补交 → 我该补交): what it asks about."""
    part = asked_clauses(question) if family.clause else asked_part(question)
    for word in sorted(family.asks + family.leans, key=len, reverse=True):
        part = part.replace(word, "|")
    return part


def route_for(family: Family, question: str, topic: str | None, values: Mapping[str, Any]) -> Route | None:
    """The first route whose topics name the topic guide, whose facts hold and whose words the asked part
    says, and whose cause the question tells anywhere."""
    part = _read(question, family)
    text = unicodedata.normalize("NFKC", question).lower()
    for route in family.routes:
        if topic is None and not route.said:
            continue  # with no topic found, only a route the question's words choose
        if route.topics and topic not in route.topics:
            continue
        if route.when is not None and route.when.holds(values) is not True:
            continue
        if route.said and not any(word in part for word in route.said):
            continue
        if route.cause and not any(word in text for word in route.cause):
            continue
        if any(word in text for word in route.unless):
            continue
        return route
    return None
