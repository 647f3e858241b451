"""Citation verification, after generation, in both modes.

Every 《X》第N条 / X法第N条 / bare 第N条 in the generated text and every [n] marker is checked against
the article store and the numbered sources the answer was generated from:

- invented: the law or the article does not exist in the store;
- wrong_version: the article exists only in a repealed or superseded text, or the citation names a
  version (《劳动合同法》（2007年）…) other than the one in force;
- out_of_set: the article exists but was not among the retrieved sources, so the worker cannot be
  shown the text it relies on;
- bad_marker: [n] points at no source.

Invalid citations are removed from what the worker sees and logged. A sentence whose only support was
an invalid citation is dropped whole, since its claim is unsupported; a sentence that still has a valid
citation keeps its claim and loses only the bad reference. Text copied verbatim from a source (an
article quoting 劳动合同法第八十二条) is the law's own wording: its references must exist but need not be
in the set.

Verification is sentence-local, so the streaming verifier (fed token by token) and the batch verifier
produce the same text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from assistant.answer.models import Source
from ingest.numerals import CN_NUM_CHARS, cn_to_int
from ingest.store import StoredUnit

log = logging.getLogger(__name__)

Status = Literal["ok", "invented", "wrong_version", "out_of_set", "bad_marker"]

_NUM = rf"[{CN_NUM_CHARS}\d]+"
_SUB = r"(?:\s*之\s*([一二三四五六七八九十]+))?"
# One article: 第八十二条 / 第82条 / 82条 (an Arabic number may drop 第), optionally 之一.
_ARTICLE = rf"((?:第\s*({_NUM})\s*条|(\d+)\s*条){_SUB})"
# After a law name: 》, an optional version note （2012年修正）, optional 的 / 规定的, then the article.
_AFTER_NAME = re.compile(
    rf"》?\s*(（[^（）《》]{{0,20}}）|\([^()《》]{{0,20}}\))?\s*(?:的|规定的)?\s*{_ARTICLE}"
)
# The next article of the same law: 第十条、第八十二条, or as the composer writes a list of clauses with
# their source numbers, 第四十六条[3]、第五十条第三款[11] and 第三十八条第一款第（二）项[4]、第四十六条[5]
# (a clause and a marker between two articles of one law, then 、 only).
_CLAUSE_TAIL = rf"(?:\s*第\s*{_NUM}\s*款)?(?:\s*第\s*[（(]\s*{_NUM}\s*[）)]\s*项)?"
_MARKED = r"\s*(?:\[\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\]|【\d{1,3}】)"
_LIST_NEXT = re.compile(
    rf"(?:\s*(?:以及|或者|、|，|,|和|及|与|或)|{_CLAUSE_TAIL}{_MARKED}\s*、|{_CLAUSE_TAIL}\s*、)\s*{_ARTICLE}"
)
_BRACKETED = re.compile(r"《([^《》]{2,60})》")
_UNKNOWN_NAME = re.compile(
    rf"([\u4e00-\u9fff]{{1,20}}(?:法|条例|规定|办法|解释|通知|意见|决定))(?=(?:的)?第\s*{_NUM}\s*条)"
)
_BARE = re.compile(rf"第\s*({_NUM})\s*条{_SUB}")
_RELATIVE = (
    "本法",
    "该法",
    "此法",
    "本条例",
    "该条例",
    "本规定",
    "本办法",
    "本解释",
    "本意见",
    "本通知",
    "本决定",
    "上述法",
)
_MARKER = re.compile(r"\[(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\]|【(\d{1,3})】")
_LEAD_IN = re.compile(r"(?:根据|依据|依照|按照|参照|按|据)$")
_JOINER_BEFORE = re.compile(r"(?:以及|或者|、|和|及|与|或)$")
# "…" too: a quote may join an article's lead-in and one of its items with an ellipsis.
_CLAUSE_BREAK = "，。；：！？!?;:,\n「」“”『』…"

_TERMINATORS = "。！？!?；;"
_OPENERS, _CLOSERS = "「“『", "」”』"
# What may follow a sentence end and still belong to it: markers and closing brackets.
_TRAILER = re.compile(r"(?:[ \t]*(?:\[\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\]|【\d{1,3}】))*[」”』）)]*\n?")
_PARTIAL_TRAILER = re.compile(r"[ \t]*(?:\[[\d,，、\s]*|【\d*)?")

REMOVED_NOTE = "（说明：回答中有 {n} 处无法在法规库中核实的法条引用，已删除。）"


class CitationResolver(Protocol):
    """What verification needs from the store: law names in text, canonical names, article lookup."""

    def find_laws(self, text: str) -> list[tuple[int, int, str]]: ...

    def resolve_law(self, name: str) -> str | None: ...

    def lookup(self, law: str, article: int, sub: int | None) -> StoredUnit | None: ...


@dataclass
class _Item:
    start: int  # the article text, without a leading joiner
    end: int
    joiner_start: int  # where this item's joiner (、和 …) begins; == start for the first item
    article: int
    sub: int | None
    status: Status = "ok"
    n: int | None = None


@dataclass
class _Group:
    """A law name (or nothing, for a bare 第N条) followed by one or more articles."""

    start: int
    name_end: int  # end of the name part (name, 》, version note, 的); == start for bare articles
    end: int
    law: str | None  # canonical short name; None: bare article or unknown law
    written: str  # the name as written
    known: bool  # the name resolves to a law in the store (or the article is bare)
    version: str | None
    items: list[_Item] = field(default_factory=list)
    exempt: bool = False  # inside a verbatim quotation of a source


@dataclass
class Removal:
    kind: Status
    citation: str


@dataclass
class VerificationReport:
    checked: int = 0
    valid_sources: set[int] = field(default_factory=set)
    removed: list[Removal] = field(default_factory=list)
    corrected_markers: int = 0
    dropped_sentences: int = 0
    rejected_sentences: int = 0  # dropped by the text guard (e.g. they repeat the system prompt)

    @property
    def ok(self) -> bool:
        return not self.removed

    def public(self) -> dict[str, object]:
        """What the API may show: counts only. The removed text itself never reaches the worker."""
        return {
            "checked": self.checked,
            "valid": len(self.valid_sources),
            "removed": len(self.removed),
            "removed_by_kind": dict(Counter(r.kind for r in self.removed)),
            "corrected_markers": self.corrected_markers,
            "dropped_sentences": self.dropped_sentences,
            "rejected_sentences": self.rejected_sentences,
        }


def _law_kind(name: str) -> str:
    """法, 条例, 规定, 办法 or 解释: what kind of text a name or a 本… reference denotes."""
    name = re.sub(r"[（(][^（）()]*[）)]$", "", name)
    return next(
        (k for k in ("条例", "规定", "办法", "解释", "决定", "通知", "意见") if name.endswith(k)), "法"
    )


def _num(text: str | None) -> int | None:
    return cn_to_int(text) if text else None


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def split_segments(text: str, final: bool) -> tuple[list[str], str]:
    """Cut text into sentences (with their trailing markers and newline) that can be verified alone.

    With final=False a sentence is released only once what follows it cannot still belong to it
    (a marker arriving in the next token); the unreleased rest is returned.
    """
    segments: list[str] = []
    start, i, depth, n = 0, 0, 0, len(text)
    quote_line = text[:1] == ">"
    while i < n:
        ch = text[i]
        if ch == "\n":
            segments.append(text[start : i + 1])
            start = i = i + 1
            depth = 0
            quote_line = text[i : i + 1] == ">"
            continue
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch in _TERMINATORS and depth == 0 and not quote_line:
            end = _TRAILER.match(text, i + 1).end()  # type: ignore[union-attr]  # the pattern matches ""
            if not final and _PARTIAL_TRAILER.fullmatch(text, end):
                break
            segments.append(text[start:end])
            newline = text[end - 1 : end] == "\n"
            start = i = end
            if newline:
                depth = 0
                quote_line = text[i : i + 1] == ">"
            continue
        i += 1
    rest = text[start:]
    if final and rest:
        segments.append(rest)
        rest = ""
    return segments, rest


class CitationVerifier:
    """Checks the citations of one answer against its numbered sources and the store."""

    def __init__(
        self,
        sources: Sequence[Source],
        resolver: CitationResolver,
        reject: Callable[[str], bool] | None = None,
    ) -> None:
        self.sources = list(sources)
        self.resolver = resolver
        self.reject = reject  # sentences it returns True for are dropped whatever they cite
        self.report = VerificationReport()
        self._by_key: dict[tuple[str, int, int], int] = {}
        self._by_article: dict[tuple[int, int], list[int]] = {}
        self._texts: list[str] = []
        for src in self.sources:
            unit = src.unit
            if src.kind == "case" or unit.article_no is None:
                continue
            self._by_key.setdefault((unit.law, unit.article_no, unit.sub or 0), src.n)
            self._by_article.setdefault((unit.article_no, unit.sub or 0), []).append(src.n)
            self._texts.append(_compact(unit.text))
        self._buffer = ""
        self._line_has_content = False

    # --- public API ----------------------------------------------------------------------------

    def verify(self, text: str) -> str:
        """Verify a whole text; the same result as feeding it in any pieces and closing."""
        return self.feed(text) + self.close()

    def feed(self, chunk: str) -> str:
        self._buffer += chunk
        segments, self._buffer = split_segments(self._buffer, final=False)
        return "".join(self._emit(s) for s in segments)

    def close(self) -> str:
        segments, self._buffer = split_segments(self._buffer, final=True)
        out = "".join(self._emit(s) for s in segments)
        if self.report.removed:
            out = out.rstrip("\n") + "\n\n" + REMOVED_NOTE.format(n=len(self.report.removed))
        return out

    # --- one sentence --------------------------------------------------------------------------

    def _emit(self, segment: str) -> str:
        out = self.verify_segment(segment)
        if out is None:
            self.report.dropped_sentences += 1
            # Keep the line break only if this line already showed something (else drop the line).
            out = "\n" if segment.endswith("\n") and self._line_has_content else ""
        for ch in out:
            if ch == "\n":
                self._line_has_content = False
            elif not ch.isspace():
                self._line_has_content = True
        return out

    def verify_segment(self, segment: str) -> str | None:
        """The sentence with invalid citations removed, or None when it should be dropped."""
        if self.reject is not None and self.reject(segment):
            self.report.rejected_sentences += 1
            log.warning("dropped a sentence rejected by the text guard")
            return None
        groups = self._find_groups(segment)
        edits: list[tuple[int, int, str]] = []
        invalid_named = False
        valid_named: set[int] = set()
        for group in groups:
            for item in group.items:
                self._check(group, item)
                self.report.checked += 1
                if item.status == "ok":
                    if item.n is not None:
                        valid_named.add(item.n)
                else:
                    invalid_named = True
                    cited = segment[group.start : group.name_end] + segment[item.start : item.end]
                    self._log(item.status, cited)
            edit = self._rewrite_group(segment, group)
            if edit:
                edits.append(edit)

        valid_markers: set[int] = set()
        for match in _MARKER.finditer(segment):
            numbers = [int(x) for x in re.split(r"\s*[,，、]\s*", match.group(1) or match.group(2))]
            attached = next((g for g in groups if 0 <= match.start() - g.end <= 1), None)
            keep: list[int] = []
            for number in numbers:
                self.report.checked += 1
                if not 1 <= number <= len(self.sources):
                    self._log("bad_marker", f"[{number}]")
                    continue
                if attached is not None:
                    expected = [i.n for i in attached.items if i.status == "ok" and i.n is not None]
                    if not expected:  # the citation it belongs to is gone (or unverifiable): so is it
                        continue
                    if number not in expected:
                        self.report.corrected_markers += 1
                        number = expected[0]
                if number not in keep:
                    keep.append(number)
            valid_markers.update(keep)
            replacement = "".join(f"[{k}]" for k in keep)
            if replacement != match.group(0):
                edits.append((match.start(), match.end(), replacement))

        valid = valid_named | valid_markers
        if invalid_named and not valid:
            return None
        self.report.valid_sources |= valid
        text = segment
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        if edits:
            text = re.sub(r"[，、,]\s*(?=[。；！？!?;])", "", text)
            text = re.sub(r"([（(])\s*[，、,]?\s*([）)])", "", text)
        return text

    # --- finding citations ---------------------------------------------------------------------

    def _find_groups(self, text: str) -> list[_Group]:
        groups: list[_Group] = []
        taken = [False] * len(text)

        def claim(group: _Group) -> None:
            groups.append(group)
            for i in range(group.start, group.end):
                taken[i] = True

        for match in _BRACKETED.finditer(text):
            written = match.group(1)
            group = self._group_after(text, match.start(), match.end() - 1, written)
            if group is not None:
                group.law = self.resolver.resolve_law(written)
                group.known = group.law is not None
                claim(group)
        for start, end, law in self.resolver.find_laws(text):
            if any(taken[start:end]):
                continue
            group = self._group_after(text, start, end, text[start:end])
            if group is not None:
                group.law, group.known = law, True
                claim(group)
        for match in _UNKNOWN_NAME.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            written = match.group(1)
            relative = written.endswith(_RELATIVE)
            group = self._group_after(text, match.start(1), match.end(1), written)
            if group is not None:
                group.law, group.known = None, relative
                if relative:  # 本法第四十七条: the law under discussion, checked like a bare article
                    group.start = group.name_end = group.items[0].start
                    group.law = self._relative_law(written, groups, group)
                claim(group)
        last_law: str | None = None
        for match in _BARE.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            # A bare article belongs to the law named last before it in the same sentence, if any: the
            # nearest in the text, not the last found (names are found in several passes).
            before = [g for g in groups if g.end <= match.start() and g.law]
            last_law = max(before, key=lambda g: g.end).law if before else None
            group = _Group(
                start=match.start(),
                name_end=match.start(),
                end=match.end(),
                law=last_law,
                written="",
                known=True,
                version=None,
                items=[
                    _Item(
                        match.start(),
                        match.end(),
                        match.start(),
                        cn_to_int(match.group(1)),
                        _num(match.group(2)),
                    )
                ],
            )
            claim(group)
        groups.sort(key=lambda g: g.start)
        for group in groups:
            group.exempt = self._verbatim(text, group)
        return groups

    def _relative_law(self, written: str, groups: list[_Group], group: _Group) -> str | None:
        """The law a 本法 / 本条例 … refers to: the last one of that kind named before it in the same
        sentence (《劳动合同法》第四十六条：「……依照本法第三十八条……」 is 劳动合同法's 38, not another
        source's article 38), provided it has the articles. None: checked like a bare article."""
        kind = _law_kind(written)
        named = [g.law for g in groups if g.law and g.end <= group.start and _law_kind(g.law) == kind]
        if not named:
            return None
        law = named[-1]
        if all(self.resolver.lookup(law, item.article, item.sub) is not None for item in group.items):
            return law
        return None

    @staticmethod
    def _group_after(text: str, start: int, name_end: int, written: str) -> _Group | None:
        match = _AFTER_NAME.match(text, name_end)
        if match is None:
            return None
        first_start = match.start(2)
        items = [
            _Item(
                first_start,
                match.end(),
                first_start,
                cn_to_int(match.group(3) or match.group(4)),
                _num(match.group(5)),
            )
        ]
        end = match.end()
        while (nxt := _LIST_NEXT.match(text, end)) is not None:
            items.append(
                _Item(
                    nxt.start(1), nxt.end(), end, cn_to_int(nxt.group(2) or nxt.group(3)), _num(nxt.group(4))
                )
            )
            end = nxt.end()
        return _Group(
            start=start,
            name_end=first_start,
            end=end,
            law=None,
            written=written,
            known=False,
            version=match.group(1),
            items=items,
        )

    def _verbatim(self, text: str, group: _Group) -> bool:
        """True when the clause around the citation is copied from a source's own text."""
        left = max((text.rfind(c, 0, group.start) for c in _CLAUSE_BREAK), default=-1) + 1
        rights = [p for c in _CLAUSE_BREAK if (p := text.find(c, group.end)) != -1]
        right = min(rights) if rights else len(text)
        clause = _compact(text[left:right])
        # A clause that is little more than the citation itself proves nothing.
        if len(clause) - len(_compact(text[group.start : group.end])) < 6:
            return False
        return any(clause in source for source in self._texts)

    # --- checking ------------------------------------------------------------------------------

    def _check(self, group: _Group, item: _Item) -> None:
        sub = item.sub or 0
        if group.law is None:
            if not group.known:
                item.status = "invented"
                return
            # A bare 第N条 (or 本法第N条): fine if some source is that article.
            candidates = self._by_article.get((item.article, sub), [])
            if candidates:
                item.n = candidates[0]
            else:
                item.status = "ok" if group.exempt else "out_of_set"
            return
        unit = self.resolver.lookup(group.law, item.article, item.sub)
        if unit is None:
            item.status = "invented"
            return
        if not unit.in_force or not self._version_matches(group.version, unit):
            item.status = "wrong_version"
            return
        item.n = self._by_key.get((group.law, item.article, sub))
        if item.n is None and not group.exempt:
            item.status = "out_of_set"

    @staticmethod
    def _version_matches(note: str | None, unit: StoredUnit) -> bool:
        years = re.findall(r"(?:19|20)\d{2}", note or "")
        if not years:
            return True
        current = {d[:4] for d in (unit.version_date, unit.effective_date) if d}
        return all(y in current for y in years)

    def _rewrite_group(self, text: str, group: _Group) -> tuple[int, int, str] | None:
        kept = [i for i in group.items if i.status == "ok"]
        if len(kept) == len(group.items):
            return None
        if kept:
            # Keep the name and the valid articles: 《劳动合同法》第十条、第一百二十条 → 《劳动合同法》第十条.
            parts = [text[group.start : group.name_end]]
            for index, item in enumerate(kept):
                parts.append(
                    text[item.start : item.end] if index == 0 else text[item.joiner_start : item.end]
                )
            return group.start, group.end, "".join(parts)
        # Nothing left: remove the citation with its lead-in (根据 …) or the joiner that attached it.
        start = group.start
        before = text[:start]
        lead = _LEAD_IN.search(before) or _JOINER_BEFORE.search(before)
        if lead:
            start = lead.start()
        end = group.end
        tail = re.match(
            r"(?:的规定|规定)?(?:\s*(?:\[\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\]|【\d{1,3}】))*", text[end:]
        )
        if tail:
            end += tail.end()
        if lead and _LEAD_IN.search(before) and text[end : end + 1] in ("，", ","):
            end += 1
        return start, end, ""

    def _log(self, kind: Status, citation: str) -> None:
        self.report.removed.append(Removal(kind, citation))
        log.warning("citation removed: kind=%s citation=%s", kind, citation)
