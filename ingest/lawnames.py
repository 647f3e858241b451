"""Law name normalisation: 《中华人民共和国劳动合同法》 → 劳动合同法."""

from __future__ import annotations

import re

_PREFIX = "中华人民共和国"
_BRACKETS = str.maketrans({"(": "（", ")": "）", "<": "《", ">": "》", "〈": "《", "〉": "》"})


def short_law_name(name: str) -> str:
    """The name users type: without 《》, spaces, the 中华人民共和国 prefix or a trailing (YYYY-MM-DD)."""
    text = name.strip().translate(_BRACKETS)
    text = re.sub(r"[\s　]+", "", text)
    text = re.sub(r"（\d{4}-\d{2}-\d{2}）$", "", text)
    text = text.strip("《》")
    if text.startswith(_PREFIX) and len(text) > len(_PREFIX):
        text = text[len(_PREFIX) :]
    return text


def name_key(name: str) -> str:
    """A comparison key: short name with brackets of both widths unified."""
    return short_law_name(name)
