"""Chinese numerals and article labels (第八十二条, 第二百七十六条之一)."""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUM_CHARS = "零〇一二两三四五六七八九十百千万"


def cn_to_int(text: str) -> int:
    """Parse a Chinese (or Arabic) numeral: 十二 → 12, 一百零五 → 105, 一千二百六十 → 1260, 82 → 82."""
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit == 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + (digit or 0)


def int_to_cn(value: int) -> str:
    """12 → 十二, 105 → 一百零五, 1260 → 一千二百六十 (the form used in article labels)."""
    if value < 0:
        raise ValueError("negative numbers have no article label")
    if value == 0:
        return "零"
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    started, pending_zero = False, False
    for unit, name in units:
        d = value // unit % 10
        if d == 0:
            if started:
                pending_zero = True
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        # "十二" rather than "一十二" when ten is the leading unit.
        if not (unit == 10 and d == 1 and not started):
            parts.append(digits[d])
        parts.append(name)
        started = True
    return "".join(parts)


def article_label(number: int, sub: int | None = None) -> str:
    label = f"第{int_to_cn(number)}条"
    if sub:
        label += f"之{int_to_cn(sub)}"
    return label


_LABEL_RE = re.compile(rf"^第?\s*([{CN_NUM_CHARS}\d]+)\s*条?(?:\s*之\s*([{CN_NUM_CHARS}\d]+))?$")


def parse_article_ref(text: str) -> tuple[int, int | None]:
    """Parse '82', '第八十二条', '八十二', '第二百七十六条之一', '276之一' into (number, sub)."""
    match = _LABEL_RE.match(text.strip())
    if not match:
        raise ValueError(f"not an article number: {text!r}")
    number = cn_to_int(match.group(1))
    sub = cn_to_int(match.group(2)) if match.group(2) else None
    return number, sub
