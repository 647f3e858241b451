"""Issue guides: the team's legal knowledge for each labour issue, written once as data in
corpus/guides/*.toml and checked by code.

A guide says, for one issue of the taxonomy (corpus/taxonomy.toml), what workers ask about it and
the conclusion for each branch of the facts that decide it, what the worker can claim, the steps
and time limits specific to the issue, the evidence that wins it, and the mistakes that lose it.
Every sentence carries the clauses it rests on (law, article, paragraph, item); `check_guides`
verifies each against the article store (exists, in force, the paragraph and item exist) when the
service starts and in the tests, so a guide citing a repealed or missing clause never ships.

Situations (corpus/guides/situations.toml) are guides for what comes before the law: violence
against the worker, a death, a serious injury, a child at work, pressure to sign a settlement. They
open the answer, in both modes.

Conditions (`when`) are small expressions over fact names (assistant/consult/facts.py) and the
tools' quantities: ``service_months >= 12 and contract_signed == false``, ``known(monthly_wage)``.
A condition that needs a fact the conversation does not have is undecided, and its branch is skipped;
the guide's `facts` list says which missing fact to ask about first."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from assistant.config import CORPUS_DIR
from ingest.lawnames import short_law_name
from ingest.numerals import CN_NUM_CHARS, article_label, cn_to_int, int_to_cn

GUIDES_DIR = CORPUS_DIR / "guides"
AnswerKind = Literal["verdict", "figure", "action"]
KINDS: tuple[AnswerKind, ...] = ("verdict", "figure", "action")


class GuideError(ValueError):
    """A guide file that cannot be used: names the file and what is wrong."""


# --- clause references ----------------------------------------------------------------------------

_CLAUSE = re.compile(
    rf"^\s*《?(?P<law>[^《》\s]+?)》?\s*第(?P<article>[{CN_NUM_CHARS}\d]+)条(?:之(?P<sub>[一二三四五六七八九十]+))?"
    rf"(?:第(?P<para>[{CN_NUM_CHARS}\d]+)款)?(?:第?[（(](?P<item>[{CN_NUM_CHARS}]+)[）)]项)?\s*$"
)


@dataclass(frozen=True)
class ClauseRef:
    """One citable clause: an article, or a paragraph (款) of it, or an item (项) of that."""

    law: str
    article: int
    sub: int | None = None
    paragraph: int | None = None
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> ClauseRef:
        """《劳动合同法》第三十八条第一款第（二）项 / 劳动法 第四十四条第（二）项 / 刑法 第二百七十六条之一."""
        m = _CLAUSE.match(text)
        if not m:
            raise GuideError(f"无法识别的条文引用：{text!r}（应写成 劳动合同法 第三十八条第一款第（二）项）")
        return cls(
            short_law_name(m.group("law")),
            cn_to_int(m.group("article")),
            cn_to_int(m.group("sub")) if m.group("sub") else None,
            cn_to_int(m.group("para")) if m.group("para") else None,
            cn_to_int(m.group("item")) if m.group("item") else None,
        )

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.law, self.article, self.sub or 0)

    @property
    def label(self) -> str:
        """第三十八条第一款第（二）项."""
        out = article_label(self.article, self.sub)
        if self.paragraph:
            out += f"第{int_to_cn(self.paragraph)}款"
        if self.item:
            out += f"第（{int_to_cn(self.item)}）项"
        return out

    def __str__(self) -> str:
        return f"《{self.law}》{self.label}"


def split_paragraphs(text: str) -> list[str]:
    """An article's paragraphs (款), as stored: one per line."""
    return [p.strip() for p in text.strip().splitlines() if p.strip()]


_ITEM = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")


def clause_text(article_text: str, ref: ClauseRef) -> str | None:
    """The words of the clause ``ref`` names inside its article, or None when the article has no such
    paragraph or item. An item is shown after its paragraph's lead-in (有下列情形之一的：……（二）…),
    since neither means anything alone."""
    paragraphs = split_paragraphs(article_text)
    if ref.paragraph is None and ref.item is None:
        return "".join(paragraphs)
    items_of: dict[int, list[tuple[str, str]]] = {}
    plain: list[int] = []
    for index, para in enumerate(paragraphs):
        if _ITEM.match(para):
            owner = plain[-1] if plain else index
            items_of.setdefault(owner, []).append((_ITEM.match(para).group(1), para))  # type: ignore[union-attr]
        else:
            plain.append(index)
    if ref.paragraph is not None:
        if ref.paragraph > len(plain):
            return None
        lead_index = plain[ref.paragraph - 1]
    else:
        lead_index = plain[0] if plain else 0
    lead = paragraphs[lead_index]
    if ref.item is None:
        return lead
    # Items written inside the paragraph (（一）…；（二）…) or on lines of their own.
    inline = re.split(r"(?=[（(][一二三四五六七八九十]+[）)])", lead)
    if len(inline) > 1:
        head, parts = inline[0], inline[1:]
    else:
        head, parts = lead, [p for _, p in items_of.get(lead_index, [])]
    for part in parts:
        m = _ITEM.match(part)
        if m and cn_to_int(m.group(1)) == ref.item:
            return head.rstrip() + "……" + part.strip().rstrip("；;")
    return None


# --- conditions -----------------------------------------------------------------------------------

_ALLOWED = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.Compare,
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.In,
    ast.NotIn,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.Call,
    ast.Tuple,
    ast.List,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
)
_FUNCTIONS = frozenset({"known", "unknown"})


class Unknown(Exception):
    """A condition needs a fact the conversation does not have."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(frozen=True)
class Condition:
    source: str
    tree: ast.Expression | None
    names: frozenset[str]

    @classmethod
    def parse(cls, source: str) -> Condition:
        # A condition may be written over several lines in a table (also_owed.toml): one line for the parser.
        source = " ".join((source or "").split())
        if not source:
            return cls("", None, frozenset())
        text = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", source))
        try:
            tree = ast.parse(text, mode="eval")
        except SyntaxError as exc:
            raise GuideError(f"条件写法有误：{source!r}（{exc.msg}）") from exc
        names: set[str] = set()
        for node in ast.walk(tree):
            if not isinstance(node, _ALLOWED):
                raise GuideError(f"条件中不允许 {type(node).__name__}：{source!r}")
            if isinstance(node, ast.Call):
                if (
                    not isinstance(node.func, ast.Name)
                    or node.func.id not in _FUNCTIONS
                    or len(node.args) != 1
                ):
                    raise GuideError(f"条件中只能用 known(x) / unknown(x)：{source!r}")
            if isinstance(node, ast.Name) and node.id not in _FUNCTIONS and node.id not in ("True", "False"):
                names.add(node.id)
        return cls(source, tree, frozenset(names))

    def holds(self, values: Mapping[str, Any]) -> bool | None:
        """True / False, or None when a fact it needs is unknown."""
        if self.tree is None:
            return True
        try:
            return bool(_evaluate(self.tree.body, values))
        except Unknown:
            return None


def _evaluate(node: ast.AST, values: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in ("True", "False"):
            return node.id == "True"
        if node.id not in values or values[node.id] is None:
            raise Unknown(node.id)
        return values[node.id]
    if isinstance(node, ast.Call):
        arg = node.args[0]
        name = arg.id if isinstance(arg, ast.Name) else None
        present = name is not None and values.get(name) is not None
        return present if node.func.id == "known" else not present  # type: ignore[attr-defined]
    if isinstance(node, ast.BoolOp):
        # Three-valued: "a or b" is true when either is, even if the other is unknown.
        results: list[Any] = []
        for value in node.values:
            try:
                results.append(bool(_evaluate(value, values)))
            except Unknown as unknown:
                results.append(unknown)
        if isinstance(node.op, ast.And):
            if any(r is False for r in results):
                return False
        elif any(r is True for r in results):
            return True
        for r in results:
            if isinstance(r, Unknown):
                raise r
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, values)
        return not operand if isinstance(node.op, ast.Not) else -operand
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b}
        if isinstance(node.op, ast.Div):
            return left / right if right else float("inf")
        return ops[type(node.op)](left, right)
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(_evaluate(e, values) for e in node.elts)
    if isinstance(node, ast.Compare):
        left = _evaluate(node.left, values)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = _evaluate(comparator, values)
            ok = {
                ast.Eq: lambda a, b: a == b,
                ast.NotEq: lambda a, b: a != b,
                ast.Lt: lambda a, b: a < b,
                ast.LtE: lambda a, b: a <= b,
                ast.Gt: lambda a, b: a > b,
                ast.GtE: lambda a, b: a >= b,
                ast.In: lambda a, b: a in b,
                ast.NotIn: lambda a, b: a not in b,
            }[type(op)](left, right)
            if not ok:
                return False
            left = right
        return True
    raise GuideError(f"不支持的条件：{ast.dump(node)}")


# --- the guide model ------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?::[^{}]*)?\}")


@dataclass(frozen=True)
class Statement:
    """A sentence of a guide with the clauses it rests on, shown when its condition holds."""

    say: str
    cite: tuple[ClauseRef, ...] = ()
    when: Condition = field(default_factory=lambda: Condition.parse(""))
    ask: str | None = None  # a fact to ask about when this (general) statement is what is shown

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(_PLACEHOLDER.findall(self.say))


@dataclass(frozen=True)
class FactQuestion:
    name: str
    ask: str  # the short clarifying question, in the worker's words


@dataclass(frozen=True)
class GuideAnswer:
    """One thing workers ask about an issue (几天 / 合法吗 / 要不要签), with its conclusion per branch."""

    id: str
    kind: AnswerKind
    asks: tuple[str, ...]  # words in the question that select it; empty: the default for its kind
    branches: tuple[Statement, ...]
    reasons: tuple[Statement, ...] = ()
    tool: str | None = None  # a worker tool whose quantities the sentences use
    # A narrower answer's own words (without those it takes from the answer it refines): it answers
    # only when one of them is said, whatever its kind.
    own_asks: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Guide:
    id: str
    issues: tuple[str, ...]  # taxonomy issue ids it answers
    title: str
    reviewed: str
    path: Path
    facts: tuple[FactQuestion, ...] = ()
    answers: tuple[GuideAnswer, ...] = ()
    claims: tuple[Statement, ...] = ()
    steps: tuple[Statement, ...] = ()
    evidence: tuple[str, ...] = ()
    mistakes: tuple[Statement, ...] = ()
    # Situations only: the escalation reason codes and the facts condition that raise it.
    codes: tuple[str, ...] = ()
    trigger: Condition | None = None
    unless: Condition | None = None  # a graver situation, or facts that rule this guide out
    leads_when: Condition | None = None  # facts that make this guide the one to answer first
    # Facts that name this guide's case (部门撤销…让他走人 is a dismissal): it joins the candidates even
    # when retrieval did not detect its issue, and speaks only when its words fit the question best.
    joins_when: Condition | None = None
    # Situations only (session 16): facts under which the situation is raised for its answers but shows no
    # block of steps (a death word that tells no death in this case: the benefits are answered, no banner).
    quiet_when: Condition | None = None
    tools: tuple[str, ...] = ()  # worker tools run whenever their inputs are known (for claims)
    priority: int = 0

    def statements(self) -> Iterable[Statement]:
        for answer in self.answers:
            yield from answer.branches
            yield from answer.reasons
        yield from self.claims
        yield from self.steps
        yield from self.mistakes

    def citations(self) -> list[ClauseRef]:
        seen: dict[ClauseRef, None] = {}
        for statement in self.statements():
            for ref in statement.cite:
                seen.setdefault(ref, None)
        return list(seen)

    def ask_for(self, name: str) -> str | None:
        return next((f.ask for f in self.facts if f.name == name), None)


@dataclass(frozen=True)
class GuideBook:
    guides: tuple[Guide, ...]
    situations: tuple[Guide, ...]

    def for_issue(self, issue_id: str) -> Guide | None:
        return next((g for g in self.guides if issue_id in g.issues), None)

    def all(self) -> tuple[Guide, ...]:
        return self.guides + self.situations

    def ask_text(self, name: str) -> str | None:
        for guide in self.all():
            if (text := guide.ask_for(name)) is not None:
                return text
        return None

    def asked_fact(self, answer_text: str) -> str | None:
        """Which fact an earlier answer asked the worker about (its clarifying question is in it)."""
        for guide in self.all():
            for fact in guide.facts:
                if fact.ask and fact.ask in answer_text:
                    return fact.name
        return None


def _statements(raw: Any, where: str) -> tuple[Statement, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise GuideError(f"{where}：应为数组")
    out = []
    for i, entry in enumerate(raw):
        if isinstance(entry, str):
            entry = {"say": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("say"), str) or not entry["say"].strip():
            raise GuideError(f"{where}[{i}]：每一条都要有 say（一句话）")
        unknown = set(entry) - {"say", "cite", "when", "ask"}
        if unknown:
            raise GuideError(f"{where}[{i}]：不认识的字段 {sorted(unknown)}")
        cites = entry.get("cite", [])
        if isinstance(cites, str):
            cites = [cites]
        try:
            refs = tuple(ClauseRef.parse(c) for c in cites)
            condition = Condition.parse(entry.get("when", ""))
        except GuideError as exc:
            raise GuideError(f"{where}[{i}]：{exc}") from exc
        out.append(Statement(entry["say"].strip(), refs, condition, entry.get("ask")))
    return tuple(out)


POINTS_PATH = CORPUS_DIR / "consult" / "points.toml"


@dataclass(frozen=True)
class Point:
    """A point a question may ask (the papers to bring, the grade), in its equivalent phrasings."""

    id: str
    words: tuple[str, ...]
    # Whether an answer holding one phrasing takes them all (false: the point only tells a precedence
    # rule what was asked — 要签吗 is said of many guides' answers, whose word fit must stay as written).
    extend: bool = True


@lru_cache(maxsize=4)
def load_points(path: Path = POINTS_PATH) -> dict[str, Point]:
    """The points a question may ask, each in its equivalent phrasings (corpus/consult/points.toml)."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GuideError(f"{path.name}：TOML 格式错误：{exc}") from exc
    points: dict[str, Point] = {}
    for i, raw in enumerate(data.get("point", [])):
        words = raw.get("words") if isinstance(raw, dict) else None
        if not isinstance(raw.get("id"), str) or not isinstance(words, list) or not words:
            raise GuideError(f"{path.name}：point[{i}] 要有 id 和非空的 words")
        if raw["id"] in points:
            raise GuideError(f"{path.name}：point id 重复：{raw['id']}")
        if not all(isinstance(w, str) and w.strip() for w in words):
            raise GuideError(f"{path.name}：point[{i}].words 里有空词")
        if not isinstance(raw.get("extend", True), bool):
            raise GuideError(f"{path.name}：point[{i}].extend 应为 true 或 false")
        phrasings = tuple(dict.fromkeys(w.strip().lower() for w in words))
        points[raw["id"]] = Point(raw["id"], phrasings, raw.get("extend", True))
    return points


def with_points(asks: tuple[str, ...], points: Mapping[str, Point]) -> tuple[str, ...]:
    """An answer written for one phrasing of a point answers all of them (需要哪些材料 as 要什么材料)."""
    extra = [
        w
        for point in points.values()
        if point.extend and set(point.words) & set(asks)
        for w in point.words
        if w not in asks
    ]
    return asks + tuple(dict.fromkeys(extra))


def parse_guide(
    path: Path,
    data: Mapping[str, Any],
    situation: bool = False,
    points: Mapping[str, Point] | None = None,
) -> Guide:
    where = path.name
    points = load_points() if points is None else points
    for key in ("id", "title", "reviewed"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise GuideError(f"{where}：缺少 {key}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["reviewed"]):
        raise GuideError(f"{where}：reviewed 应为 YYYY-MM-DD")
    facts = tuple(
        FactQuestion(f["name"], f["ask"].strip()) for f in data.get("facts", []) if isinstance(f, dict)
    )
    if len(facts) != len(data.get("facts", [])) or any(not f.ask for f in facts):
        raise GuideError(f"{where}：facts 的每一项都要有 name 和 ask")
    answers = []
    for i, raw in enumerate(data.get("answers", [])):
        kind = raw.get("kind")
        if kind not in KINDS:
            raise GuideError(f"{where}：answers[{i}].kind 应为 verdict、figure 或 action")
        branches = _statements(raw.get("branches"), f"{where} answers[{i}].branches")
        if not branches:
            raise GuideError(f"{where}：answers[{i}] 至少要有一个 branch")
        asks = with_points(tuple(a.lower() for a in raw.get("asks", [])), points)
        own = asks
        if refines := raw.get("refines"):
            # A narrower case of an earlier answer (打七折 of 试用期工资): it takes that answer's words
            # too, so it wins exactly when its own words are said as well (a tie goes to the earlier).
            parent = next((a for a in answers if a.id == refines), None)
            if parent is None:
                raise GuideError(f"{where}：answers[{i}].refines = {refines!r} 应为它前面某个 answer 的 id")
            asks = asks + tuple(a for a in parent.asks if a not in asks)
        answers.append(
            GuideAnswer(
                id=str(raw.get("id") or f"{data['id']}-{i}"),
                kind=kind,
                asks=asks,
                branches=branches,
                reasons=_statements(raw.get("reasons"), f"{where} answers[{i}].reasons"),
                tool=raw.get("tool"),
                own_asks=own if refines else None,
            )
        )
    issues = tuple(data.get("issues", [data["id"]]))
    trigger = Condition.parse(data.get("trigger", "")) if situation and data.get("trigger") else None
    unless = Condition.parse(data.get("unless", "")) if data.get("unless") else None
    leads_when = Condition.parse(data.get("leads_when", "")) if data.get("leads_when") else None
    joins_when = Condition.parse(data.get("joins_when", "")) if data.get("joins_when") else None
    quiet_when = Condition.parse(data.get("quiet_when", "")) if situation and data.get("quiet_when") else None
    return Guide(
        id=data["id"],
        issues=issues,
        title=data["title"],
        reviewed=data["reviewed"],
        path=path,
        facts=facts,
        answers=tuple(answers),
        claims=_statements(data.get("claims"), f"{where} claims"),
        steps=_statements(data.get("steps"), f"{where} steps"),
        evidence=tuple(data.get("evidence", [])),
        mistakes=_statements(data.get("mistakes"), f"{where} mistakes"),
        codes=tuple(data.get("codes", [])),
        trigger=trigger,
        unless=unless,
        leads_when=leads_when,
        joins_when=joins_when,
        quiet_when=quiet_when,
        tools=tuple(data.get("tools", [])),
        priority=int(data.get("priority", 0)),
    )


@lru_cache(maxsize=4)
def load_guides(directory: Path = GUIDES_DIR, points_path: Path = POINTS_PATH) -> GuideBook:
    """Every guide in corpus/guides/ (situations in situations.toml), each answer given the phrasings of
    the points it asks (``points_path``). Raises GuideError naming the file and the problem; the content
    is checked against the store by ``check_guides``."""
    points = load_points(points_path)
    guides: list[Guide] = []
    situations: list[Guide] = []
    if not directory.is_dir():
        return GuideBook((), ())
    for path in sorted(directory.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise GuideError(f"{path.name}：TOML 格式错误：{exc}") from exc
        if path.stem == "situations":
            for i, raw in enumerate(data.get("situation", [])):
                situations.append(parse_guide(path, raw, situation=True, points=points))
                if not situations[-1].codes and situations[-1].trigger is None:
                    raise GuideError(f"{path.name}：situation[{i}] 需要 codes 或 trigger")
        else:
            guides.append(parse_guide(path, data, points=points))
    ids = [g.id for g in guides + situations]
    if len(ids) != len(set(ids)):
        raise GuideError(f"指南 id 重复：{sorted({i for i in ids if ids.count(i) > 1})}")
    return GuideBook(tuple(guides), tuple(sorted(situations, key=lambda g: -g.priority)))


# --- checking against the store -------------------------------------------------------------------


@dataclass(frozen=True)
class GuideProblem:
    guide: str
    ref: str
    problem: str

    def __str__(self) -> str:
        return f"{self.guide}: {self.ref}: {self.problem}"


def word_list(raw: Any, where: str) -> tuple[str, ...]:
    """A non-empty list of words from a data table, stripped and lower-cased; anything else raises
    GuideError naming where (the employer positions and differences tables share it)."""
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x.strip() for x in raw):
        raise GuideError(f"{where}：应为非空的字符串数组")
    return tuple(x.strip().lower() for x in raw)


def table_rows(
    data: Mapping[str, Any], key: str, where: str, fields: set[str] | frozenset[str]
) -> Iterable[tuple[str, dict[str, Any]]]:
    """The rows ``[[key]]`` of a data table with a label naming each (``where: key[i]``); a row that is not a
    table or carries a field not in ``fields`` raises GuideError naming it (the employer positions, the
    differences and the asked points share it)."""
    for i, raw in enumerate(data.get(key, [])):
        label = f"{where}: {key}[{i}]"
        if not isinstance(raw, dict):
            raise GuideError(f"{label}：应为表")
        unknown = set(raw) - fields
        if unknown:
            raise GuideError(f"{label}：不认识的字段 {sorted(unknown)}")
        yield label, raw


def cite_problem(ref: ClauseRef, lookup: Callable[[str, int, int | None], Any]) -> str | None:
    """Why a cited clause cannot be shown (not in the store, not in force, no such paragraph or item), in
    the words the load check reports; None when it can. The one check every cited table shares (guides,
    employer positions, differences)."""
    unit = lookup(ref.law, ref.article, ref.sub)
    if unit is None:
        return "法规库中没有这一条"
    if not unit.in_force:
        return f"不是现行有效的条文（{unit.validity}）"
    if (ref.paragraph or ref.item) and clause_text(unit.text, ref) is None:
        return "条文中没有这一款或这一项"
    return None


def check_guides(
    book: GuideBook,
    lookup: Any,
    issue_ids: Iterable[str] = (),
    tools: Iterable[str] | None = None,
    fact_names: Iterable[str] | None = None,
) -> list[GuideProblem]:
    """Every clause a guide cites exists in the store, is in force and has the paragraph and item it
    names; every issue id is in the taxonomy; every tool exists. ``lookup(law, article, sub)`` returns
    the current StoredUnit or None."""
    problems: list[GuideProblem] = []
    known_issues = set(issue_ids)
    tool_names = set(tools) if tools is not None else None
    for guide in book.all():
        for issue in guide.issues if guide.trigger is None and not guide.codes else ():
            if known_issues and issue not in known_issues:
                problems.append(GuideProblem(guide.id, issue, "taxonomy 中没有这个问题类型"))
        for ref in guide.citations():
            if (problem := cite_problem(ref, lookup)) is not None:
                problems.append(GuideProblem(guide.id, str(ref), problem))
        if tool_names is not None:
            for name in [a.tool for a in guide.answers if a.tool] + list(guide.tools):
                if name not in tool_names:
                    problems.append(GuideProblem(guide.id, name, "没有这个计算工具"))
        if fact_names is not None:
            for condition in (
                guide.trigger,
                guide.unless,
                guide.leads_when,
                guide.joins_when,
                guide.quiet_when,
            ):
                for name in sorted((condition.names - set(fact_names)) if condition is not None else ()):
                    problems.append(
                        GuideProblem(guide.id, name, f"条件用到了未知的事实名：{condition.source}")
                    )
        for statement in guide.statements():
            if statement.ask and not guide.ask_for(statement.ask):
                problems.append(GuideProblem(guide.id, statement.ask, "ask 指向的事实没有写在 facts 里"))
            if fact_names is not None:
                unknown = (statement.when.names - set(fact_names)) if statement.when.tree else set()
                for name in sorted(unknown):
                    problems.append(
                        GuideProblem(guide.id, name, f"条件用到了未知的事实名：{statement.when.source}")
                    )
    return problems
