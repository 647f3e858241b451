"""Checking a lawyer's reply with the answer layer's citation verifier.

An AI answer may cite only what was retrieved for it; a lawyer may cite any article in force. So the
verifier runs with the AI draft's sources (for [n] markers) and accepts a named article outside them
when the store has it in force. What it would remove — an article that does not exist, a repealed or
superseded version, a bare 第N条 with no law — is reported back instead: a lawyer's text is never
silently edited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.answer.models import Source
from assistant.answer.verify import CitationResolver, CitationVerifier, _Group, _Item

from .desk import InvalidCitations

# What the lawyer is told about each citation that cannot go out (the verifier's statuses).
_WHY = {
    "invented": "法规库中没有这部法规或这一条",
    "wrong_version": "已废止、已失效或不是现行版本",
    "out_of_set": "不是现行有效的条文",
    "bad_marker": "编号指向的依据不存在",
    "ok": "无法核实",
}


class _OpenSetVerifier(CitationVerifier):
    def __init__(self, sources: Sequence[Source], resolver: CitationResolver) -> None:
        super().__init__(sources, resolver)
        self.extra: dict[tuple[str, int, int], Any] = {}

    def _check(self, group: _Group, item: _Item) -> None:
        super()._check(group, item)
        if item.status == "out_of_set" and group.law is not None:
            unit = self.resolver.lookup(group.law, item.article, item.sub)
            if unit is not None and unit.in_force:
                item.status = "ok"
                self.extra.setdefault((unit.law, item.article, item.sub or 0), unit)


def _draft_sources(draft_citations: Sequence[dict[str, Any]], resolver: CitationResolver) -> list[Source]:
    sources: list[Source] = []
    for citation in sorted(draft_citations, key=lambda c: c.get("n", 0)):
        article = citation.get("article")
        if not citation.get("law") or article is None:
            continue
        unit = resolver.lookup(citation["law"], int(article), citation.get("sub"))
        if unit is not None:
            sources.append(Source(int(citation.get("n", len(sources) + 1)), unit, "article"))
    # The verifier numbers sources 1..n by position: keep the draft's numbering only when it is dense.
    if [s.n for s in sources] != list(range(1, len(sources) + 1)):
        sources = [Source(i + 1, s.unit, s.kind) for i, s in enumerate(sources)]
    return sources


def verify_lawyer_reply(
    body: str, draft_citations: Sequence[dict[str, Any]], resolver: CitationResolver
) -> list[dict[str, Any]]:
    """The verified citations of ``body`` (draft sources it refers to, then articles it names).
    Raises InvalidCitations listing what cannot be verified."""
    sources = _draft_sources(draft_citations, resolver)
    verifier = _OpenSetVerifier(sources, resolver)
    verifier.verify(body)
    if verifier.report.removed:
        raise InvalidCitations(sorted({f"{r.citation}（{_WHY[r.kind]}）" for r in verifier.report.removed}))
    cited = [s for s in sources if s.n in verifier.report.valid_sources]
    seen = {s.key() for s in cited}
    extra = [unit for key, unit in verifier.extra.items() if key not in seen]
    cited += [Source(len(sources) + i + 1, unit, "article") for i, unit in enumerate(extra)]
    return [s.as_citation() for s in cited]
