"""Denial read in a worker's words, shared by topic detection (assistant/retrieval/query.py) and the facts
record (assistant/consult/facts.py): the words of denial themselves live in corpus/ (taxonomy.toml
[negation], consult/facts.toml [harm] denied_before); this is only how a match is read."""

from __future__ import annotations

import re


def denied_before(before: str, denial: re.Pattern[str]) -> bool:
    """The words just before a phrase deny it (没有加班, 不是工伤) — unless they ask (是不是工伤, 有没有被辞退:
    an A-not-A question, the word before the denial repeating its last character)."""
    found = denial.search(before)
    if found is None:
        return False
    at = found.start("neg")
    return not (at > 0 and before[at - 1] == found.group("neg")[-1])
