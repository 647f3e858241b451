"""A ticket's status in words, the one table every side reads: the worker's ticket panel, the lawyers'
queue and ticket view (API and page), the `lawcloud tickets` list and the queue's error messages. The
same state reads the same to the worker and to the lawyer, so what a lawyer tells a worker on the phone
("工单显示律师已答复") matches what the worker sees. The worker page and the mini-program client keep a
copy for a status the API has not worded yet (tests/api/test_handoff.py checks the copies match)."""

from __future__ import annotations

STATUS_TEXT: dict[str, str] = {
    "pending": "等待律师接单",
    "claimed": "律师已接单，正在处理",
    "answered": "律师已答复",
    "closed": "已办结",
    "reopened": "已重新提交，等待律师处理",
}


def status_text(status: str) -> str:
    return STATUS_TEXT.get(status, status)
