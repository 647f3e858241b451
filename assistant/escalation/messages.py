"""What the worker reads when a conversation goes to a lawyer: the safety message for danger to
life (always first in the reply), the hand-off notice with the ticket number and expected response
time, and the hotline and legal-aid options when no lawyer can take it in time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

EMERGENCY_LINES = (
    "如果您或身边的人正处在危险中，请立即拨打 110（报警）或 120（急救）。",
    "心里很难受、想不开的时候，请拨打 12356 全国心理援助热线，有人愿意听您说。",
)
VIOLENCE_LINE = "请先保证自己和他人的安全，千万不要动手，冲动之下可能要承担刑事责任；欠的钱、受的委屈，工会律师会帮您依法讨回。"
THREAT_LINE = "如果有人威胁您的人身安全，请保存好聊天、录音等证据，立即拨打 110 报警。"
UNION_HOTLINE = "12351"
LEGAL_AID_HOTLINE = "12348"


def safety_message(danger_codes: Iterable[str]) -> str:
    """The safety block that opens the first reply when a message signals danger to life."""
    codes = set(danger_codes)
    lines = ["【安全提示】您的生命安全最重要。", *EMERGENCY_LINES]
    if "danger_violence" in codes:
        lines += [VIOLENCE_LINE, THREAT_LINE]
    lines.append(
        f"劳动权益问题可以拨打 {UNION_HOTLINE} 职工服务热线。我们已经把您的情况转给工会律师，会尽快联系您。"
    )
    return "\n".join(lines)


def format_time(moment: datetime) -> str:
    return f"{moment.month}月{moment.day}日 {moment:%H:%M}"


def handoff_notice(
    ticket_number: str,
    expected_by: datetime,
    *,
    in_service_hours: bool = True,
    lawyer_available: bool = True,
    service_hours_text: str = "",
) -> str:
    """The worker's confirmation that a lawyer will take the case. When it is outside service hours,
    or no lawyer can take it in time, it also gives the 12351 hotline and legal-aid options."""
    lines = [
        f"您的问题已转给工会律师，工单号 {ticket_number}。",
        f"预计在 {format_time(expected_by)} 前回复，律师的答复会直接出现在这个对话里。",
    ]
    if not in_service_hours:
        lines.append(f"现在是非服务时间（{service_hours_text}），律师上班后会优先处理。")
    if not lawyer_available:
        lines.append("目前排队的工单较多，律师可能无法及时处理。")
    if not (in_service_hours and lawyer_available):
        lines += [
            f"着急的话，可以先拨打 {UNION_HOTLINE} 职工服务热线（各地总工会），或拨打 {LEGAL_AID_HOTLINE} 法律援助热线、"
            "到当地法律援助中心或劳动人事争议仲裁院的法律援助工作站申请免费法律帮助。",
        ]
    return "\n".join(lines)
