"""Personal data (PIPL): redaction of resident ID numbers, mobile numbers, bank card numbers and
e-mail addresses. Pure functions, plus a logging filter that applies them to every log record."""

from __future__ import annotations

import logging
import re
from typing import Any

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# Digits not glued to other digits (a card number inside a longer digit run is not a card number).
_ID18 = re.compile(r"(?<!\d)(\d{17}[\dXx])(?![\dXx])")
_ID15 = re.compile(r"(?<!\d)(\d{15})(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d(?:[-\s]?\d{4}){2})(?!\d)")
# A card number is written whole or in groups of four (6222 0212 …): digits joined by dashes in other
# shapes (a build id 20261205-013422-4463) are not one.
_CARD = re.compile(r"(?<![\d-])(\d{13,19}|\d{4}(?:[-\s]\d{4}){2,3}(?:[-\s]\d{1,3})?)(?![\d-])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# A long digit run that the worker labels as a card or account number is personal data whatever its
# checksum: workers mistype, and a mistyped card number is still theirs. The label may be followed by
# a few words (号码, 是, （农行）) but not by the end of a clause.
_LABELLED_ACCOUNT = re.compile(
    r"(?P<label>卡|账号|帐号|账户|帐户)(?P<gap>[^\d。，,；;！!？?\n]{0,8}?)"
    r"(?P<digits>(?<![\d-])\d(?:[- \u3000]?\d){11,}[Xx]?(?![\d-]))"
)

ID_MASK = "[身份证号已隐藏]"
MOBILE_MASK = "[手机号已隐藏]"
CARD_MASK = "[银行卡号已隐藏]"
EMAIL_MASK = "[邮箱已隐藏]"


def id18_valid(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == number[17].upper()


def id15_plausible(number: str) -> bool:
    """15-digit IDs (issued before 1999) have no checksum: check the birth date (YYMMDD at 6–11)."""
    if len(number) != 15 or not number.isdigit():
        return False
    month, day = int(number[8:10]), int(number[10:12])
    return 1 <= month <= 12 and 1 <= day <= 31 and number[0] != "0"


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _replace(text: str, id_mask: str, mobile_mask: str, card_mask: str, email_mask: str) -> str:
    if not text:
        return text
    text = _EMAIL.sub(email_mask, text)
    text = _ID18.sub(lambda m: id_mask if id18_valid(m.group(1)) else m.group(0), text)
    text = _ID15.sub(lambda m: id_mask if id15_plausible(m.group(1)) else m.group(0), text)
    text = _MOBILE.sub(mobile_mask, text)
    text = _LABELLED_ACCOUNT.sub(lambda m: m.group("label") + m.group("gap") + card_mask, text)

    def card(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(1))
        return card_mask if 13 <= len(digits) <= 19 and luhn_valid(digits) else m.group(0)

    return _CARD.sub(card, text)


def redact(text: str) -> str:
    """Replace personal identifiers with placeholders; other numbers (sums, dates) stay."""
    return _replace(text, ID_MASK, MOBILE_MASK, CARD_MASK, EMAIL_MASK)


def strip_identifiers(text: str) -> str:
    """Personal identifiers removed, for reading what a question is about: 身份证110101…被扣着 is
    身份证被扣着, and an ID number is not a sum of money."""
    return _replace(text, "", "", "", "")


def redact_data(value: Any) -> Any:
    """`redact` applied to every string inside lists, tuples and dict values (keys are kept)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(v) for v in value]
    return value


class RedactingFilter(logging.Filter):
    """Redacts the formatted message and string arguments of every record passing through."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        if isinstance(record.msg, str) and isinstance(record.args, tuple) and record.args:
            # Some formatters read the arguments themselves (uvicorn's access log unpacks its five):
            # keep them, redacted, as long as the line they make is clean.
            args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
            try:
                clean = redact(record.msg) == record.msg and redact(record.msg % args) == record.msg % args
            except (TypeError, ValueError):
                clean = False
            if clean:
                record.args = args
                return True
        record.msg = redact(message)
        record.args = ()
        return True


def install_log_redaction(logger: logging.Logger | None = None) -> None:
    """Attach the filter to every handler of the root logger (filters on loggers miss propagation)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
