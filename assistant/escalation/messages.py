"""The safety message that opens the reply when the safety screen fires (the hand-off notice itself is
assistant/tickets/desk.py's worker_notice). Its lines live in ``corpus/escalation.toml``
([safety_messages]): the emergency lines always, then the lines of each category that fired (a death:
请先别在任何协议上签字; a child: 先停止工作 …), then the union hotline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .rules import CODE_CATEGORY, SafetyMessages

UNION_HOTLINE = "12351"
LEGAL_AID_HOTLINE = "12348"

# Used only when a rules file has no [safety_messages] table (a custom file written for an older
# version): the block must never be empty.
_FALLBACK = SafetyMessages(
    emergency=(
        "如果您或身边的人正处在危险中，请立即拨打 110（报警）或 120（急救）。",
        "心里很难受、想不开的时候，请拨打 12356 全国心理援助热线，有人愿意听您说。",
    ),
    footer=f"劳动权益问题可以拨打 {UNION_HOTLINE} 职工服务热线。我们已经把您的情况转给工会律师，律师的答复会出现在这个对话里。",
)


def safety_message(categories: Iterable[str], messages: SafetyMessages | None = None) -> str:
    """The safety block for the categories (or reason codes) that fired, each category's lines once,
    in the order the rules file gives."""
    config = messages if messages is not None and messages.emergency else _FALLBACK
    wanted = {CODE_CATEGORY.get(c, c) for c in categories}
    calm = bool(wanted) and wanted <= set(config.calm)  # session 16: a death long past needs no 110/120
    lines = [
        (config.calm_header or config.header) if calm else config.header,
        *(() if calm else config.emergency),
    ]
    order = list(config.order) + sorted(wanted - set(config.order))
    for category in order:
        if category in wanted:
            lines += [line for line in config.categories.get(category, ()) if line not in lines]
    if config.footer:
        lines.append(config.footer)
    return "\n".join(lines)


_SENTENCE = re.compile(r"[。!！?？\n]+")
_CLAUSE = re.compile(r"[,，;；。!！?？\n…]+")


def _span(text: str, at: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    start = max((m.end() for m in breaks.finditer(text, 0, at)), default=0)
    end = next((m.start() for m in breaks.finditer(text, at)), len(text))
    return start, end


def death_told_past(
    texts: Sequence[str],
    found: Sequence[tuple[int | None, str]],
    past: re.Pattern[str],
    now: re.Pattern[str] | None,
) -> bool:
    """Session 16 (issue 13): every death the screen found is told as past — a time before it in its sentence
    (我老公去年八月在工地上摔下来人没了, 三个月前出事走了) and no marker of the present in its own clause (刚才, 现在,
    还在抢救): a family asking what it is owed, not someone to save. ``found``: (turn, evidence) per death."""
    if not found:
        return False
    for turn, evidence in found:
        text = texts[turn] if turn is not None and 0 <= turn < len(texts) else ""
        at = text.find(evidence) if evidence else -1
        if at < 0:
            return False
        s_start, _ = _span(text, at, _SENTENCE)
        c_start, c_end = _span(text, at, _CLAUSE)
        if not past.search(text, s_start, at + len(evidence)):
            return False
        if now is not None and now.search(text, c_start, max(c_end, at + len(evidence))):
            return False
    return True
