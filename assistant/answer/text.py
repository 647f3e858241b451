"""Shortening an article's text for display without cutting a clause (or a reference in it) in half."""

from __future__ import annotations

import re


def trim_at_clause(text: str, limit: int) -> str:
    """Shorten to whole clauses, so a reference inside the quote is never cut in half (the verifier
    recognises an article's own words only clause by clause)."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(p, 0, limit) for p in "，；。,;")
    head = text[:cut] if cut > limit // 3 else text[:limit]
    return head.rstrip("，、；：,;") + "……"


def one_line(text: str) -> str:
    """An article's paragraphs joined: a quote sits in one list item, and a line break would end it."""
    return re.sub(r"\s*\n\s*", "", text.strip())
