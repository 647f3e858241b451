"""The safety message for danger to life, always first in the reply (the hand-off notice itself is
assistant/tickets/desk.py's worker_notice)."""

from __future__ import annotations

from collections.abc import Iterable

EMERGENCY_LINES = (
    "如果您或身边的人正处在危险中，请立即拨打 110（报警）或 120（急救）。",
    "心里很难受、想不开的时候，请拨打 12356 全国心理援助热线，有人愿意听您说。",
)
VIOLENCE_LINE = "请先保证自己和他人的安全，千万不要动手，冲动之下可能要承担刑事责任；欠的钱、受的委屈，工会律师会帮您依法讨回。"
THREAT_LINE = "如果有人威胁您的人身安全，请保存好聊天、录音等证据，立即拨打 110 报警。"
MEDICAL_LINE = "受了伤或者身体出了状况，请马上拨打 120 先救人，费用的事之后再说：工伤的救治费用由工伤保险基金或用人单位承担。"
UNION_HOTLINE = "12351"
LEGAL_AID_HOTLINE = "12348"


def safety_message(danger_codes: Iterable[str]) -> str:
    """The safety block that opens the first reply when a message signals danger to life."""
    codes = set(danger_codes)
    lines = ["【安全提示】您的生命安全最重要。", *EMERGENCY_LINES]
    if "danger_violence" in codes:
        lines += [VIOLENCE_LINE, THREAT_LINE]
    if "danger_medical" in codes:
        lines.append(MEDICAL_LINE)
    lines.append(
        f"劳动权益问题可以拨打 {UNION_HOTLINE} 职工服务热线。我们已经把您的情况转给工会律师，律师的答复会出现在这个对话里；"
        "方便的话请留下联系电话，律师可以直接联系您。"
    )
    return "\n".join(lines)
