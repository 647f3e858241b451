"""Numbers, money, durations and dates as workers write them: 4350, 四千五, 两万五, 1.2万, 5k, 三年半,
两个钟, 前年11月, 上个月, 3月5号. Pure functions, no I/O; every reader returns the words it read."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from lunardate import LunarDate

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
CN_DIGIT |= {"八": 8, "九": 9}
CN_CHARS = "零〇一二两俩三四五六七八九十百千万"
# A number as written: Arabic (with decimals), or Chinese numerals, or a mix such as 3千5 / 1万2.
NUMBER = rf"(?:\d+(?:\.\d+)?|[{CN_CHARS}])(?:[\d.{CN_CHARS}]*)"


def parse_cn_number(text: str) -> float | None:
    """Chinese or Arabic numerals, including the colloquial short forms of money: 四千五 = 4500,
    两万五 = 25000, 3千5 = 3500, 1万2 = 12000, 十来 = 10. None when the text is not a number."""
    text = text.strip().replace("俩", "两")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    total = 0.0
    # Split at 万 first (两万五千 = 2·10000 + 5000), then handle 千/百/十 inside each part.
    if "万" in text:
        head, _, tail = text.partition("万")
        head_value = parse_cn_number(head) if head else 1.0
        if head_value is None:
            return None
        total = head_value * 10000
        if not tail:
            return total
        # 两万五 / 1万2: a single trailing digit counts in thousands.
        if len(tail) == 1 and (tail in CN_DIGIT or tail.isdigit()):
            return total + _digit(tail) * 1000
        tail_value = parse_cn_number(tail.lstrip("零〇"))
        return None if tail_value is None else total + tail_value
    for unit_char, unit in (("千", 1000), ("百", 100)):
        if unit_char in text:
            head, _, tail = text.partition(unit_char)
            head_value = parse_cn_number(head) if head else 1.0
            if head_value is None:
                return None
            value = head_value * unit
            if not tail:
                return value
            if len(tail) == 1 and (tail in CN_DIGIT or tail.isdigit()):
                return value + _digit(tail) * unit / 10  # 四千五 = 4500, 三百五 = 350
            tail_value = parse_cn_number(tail.lstrip("零〇"))
            return None if tail_value is None else value + tail_value
    if "十" in text:
        head, _, tail = text.partition("十")
        head_value = _digit(head) if head else 1
        tail_value = _digit(tail) if tail else 0
        if head_value is None or tail_value is None:
            return None
        return float(head_value * 10 + tail_value)
    if len(text) == 1 and text in CN_DIGIT:
        return float(CN_DIGIT[text])
    if len(text) == 4 and all(ch in CN_DIGIT for ch in text):  # a year written digit by digit: 二〇二五
        return float("".join(str(CN_DIGIT[ch]) for ch in text))
    return None


def _digit(ch: str) -> int | None:
    if ch.isdigit():
        return int(ch)
    return CN_DIGIT.get(ch)


# --- money --------------------------------------------------------------------------------------

MONEY_UNIT = r"(?:元|块钱|块|圆|rmb|RMB)"
# 4350 / 4350元 / 4千3 / 四千五 / 1.2万 / 5k / 八千多块 / 两万五.
_MONEY = re.compile(
    rf"(?<![\d.{CN_CHARS}几])(?P<num>\d+(?:\.\d+)?\s*(?:多|来)?\s*(?:万|千|w|k|W|K)\d?|\d+(?:\.\d+)?"
    rf"|[{CN_CHARS}几]*[{CN_CHARS}](?:多|来)?万?)"
    rf"\s*(?P<more>多|来|出头|左右)?\s*(?P<unit>{MONEY_UNIT})?"
)


@dataclass(frozen=True)
class Money:
    yuan: float
    text: str
    start: int
    end: int
    approximate: bool = False


def money_at(text: str, pos: int, need_unit: bool = False) -> Money | None:
    """A sum of money starting at ``pos`` (after optional filler like 是/有/才/大概), or None.
    Without a unit (元/块) a sum needs three digits or a 千/万 multiplier: 工资3个月 is no sum."""
    filler = _FILLER.match(text, pos)
    found = _MONEY.match(text, filler.end() if filler else pos)
    if not found:
        return None
    raw = found.group("num").replace(" ", "")
    unit, more = found.group("unit"), found.group("more")
    value = _money_value(raw)
    # 四千五一个月: the numeral ran into the next word's 一; take the longest prefix that parses.
    while value is None and len(raw) > 1 and not raw[0].isdigit():
        raw, unit, more = raw[:-1], None, None
        value = _money_value(raw)
    if value is None:
        return None
    end = found.end() if unit or more else found.start() + len(found.group("num"))
    if unit is None and raw != found.group("num").replace(" ", ""):
        end = found.start() + len(raw)
    if not unit and re.match(r"\s*(?:个|年|月|天|日|号|小时|钟|岁|%|人|次|级|倍|周|点|分)", text[end:]):
        # 九千一个月: the 一 is the next word's (一个月), not a hundreds digit; read 九千 with 一个月 after.
        if raw.endswith("一") and len(raw) > 2 and re.match(r"\s*个月", text[end:]):
            shorter = _money_value(raw[:-1])
            if shorter is not None and re.search(r"[万千百]", raw[:-1]):
                end -= 1
                return Money(shorter, text[found.start() : end], found.start(), end, bool(more))
        return None
    has_multiplier = bool(re.search(r"[万千百wk]", raw.lower()))
    if need_unit and not unit:
        return None
    if not unit and not has_multiplier and value < 100:
        return None
    approximate = bool(more) or bool(re.search(r"多|来|几|[一二三四五六七八九]{2}[十百千万]", raw))
    return Money(value, text[found.start() : end], found.start(), end, approximate)


_FILLER = re.compile(
    r"\s*(?:是|有|才|就|只有|只|大概|差不多|税前|税后|到手|拿|能拿|给|为|:|：|约|大约|一共|共|平均|一般|基本"
    r"|一直|都|固定|也就|就是|发|开|算|定的|定|说好|说好的|谈的|谈好|在)*\s*"
)


def _money_value(raw: str) -> float | None:
    """The lower bound of a sum as written: 40多万 → 400000, 十几万 → 110000, 几千 → 2000."""
    lowered = re.sub(r"多|来", "", raw.lower())
    # 七八千 / 五六万: two neighbouring digits give a range; its lower end is the sum.
    lowered = re.sub(r"([一二三四五六七八九])[一二三四五六七八九](?=[十百千万])", r"\1", lowered)
    if "几" in lowered:
        lowered = re.sub(r"^几", "二", lowered).replace("几", "一")
    if re.fullmatch(r"\d+(?:\.\d+)?(万|w)\d?", lowered):
        head, tail = re.split(r"万|w", lowered)
        return float(head) * 10000 + (int(tail) * 1000 if tail else 0)
    if re.fullmatch(r"\d+(?:\.\d+)?(千|k)\d?", lowered):
        head, tail = re.split(r"千|k", lowered)
        return float(head) * 1000 + (int(tail) * 100 if tail else 0)
    return parse_cn_number(lowered)


# --- durations ----------------------------------------------------------------------------------

_DURATION = re.compile(
    rf"(?P<qual>快|将近|差不多|接近|大概|大约|已经|有|满|足足|整整|刚满|刚)?\s*(?P<num>\d+(?:\.\d+)?|[{CN_CHARS}几半]+)\s*"
    r"(?P<ge>个)?\s*(?P<more>多|来)?\s*(?P<unit>年|个?月|周|星期|天|日)(?P<tail>多|半)?"
)
# Session 21 (issue 13, "a tenure told as a span of two numbers"): 七八年, 三四个月, 一两年, 二十七八年 — two
# neighbouring numerals, the time somewhere between them. Read as their middle, approximate, with both ends
# kept (the figures that turn on the years are then given for both: assistant/consult/toolbridge.py).
_NEIGHBOURS = re.compile(
    r"(?P<head>(?:[一二三四五六七八九]?十)?)(?P<low>[一二两三四五六七八九])(?P<high>[两二三四五六七八九])"
)


@dataclass(frozen=True)
class Duration:
    months: float  # best reading in months (days as a fraction of a month)
    text: str
    start: int
    end: int
    approximate: bool = False
    # A span told as two neighbouring numbers (七八年): its two ends in months; None otherwise.
    low: float | None = None
    high: float | None = None


def duration_at(text: str, pos: int) -> Duration | None:
    """A duration at ``pos``; 3年8个月 and 两年零三个月 are read whole."""
    first = _duration_at(text, pos)
    if first is None or "年" not in first.text:
        return first
    rest = _duration_at(text, first.end + (1 if text[first.end : first.end + 1] in ("零", "又") else 0))
    if rest is None or "年" in rest.text or "月" not in rest.text:
        return first
    return Duration(
        first.months + rest.months, text[first.start : rest.end], first.start, rest.end, rest.approximate
    )


def _duration_at(text: str, pos: int) -> Duration | None:
    m = _DURATION.match(text, pos)
    if not m:
        return None
    num_text = m.group("num")
    span = _NEIGHBOURS.fullmatch(num_text)
    if span and _digit(span.group("high")) != (_digit(span.group("low")) or 0) + 1:
        span = None
    low = high = None
    if num_text == "半":
        n = 0.5
    elif span:
        tens = parse_cn_number(span.group("head")) if span.group("head") else 0.0
        low, high = (
            (tens or 0.0) + (_digit(span.group("low")) or 0),
            (tens or 0.0) + (_digit(span.group("high")) or 0),
        )
        n = (low + high) / 2
    else:
        n_parsed = (
            parse_cn_number(num_text.replace("几", "三")) if "几" in num_text else parse_cn_number(num_text)
        )
        if n_parsed is None:
            return None
        n = n_parsed
    unit = m.group("unit")
    if unit == "年":
        months = n * 12
        step = 12.0
    elif unit in ("月", "个月"):
        months, step = n, 1.0
    elif unit in ("周", "星期"):
        months, step = n * 7 / 30.44, 7 / 30.44
    else:
        months, step = n / 30.44, 1 / 30.44
    if m.group("tail") == "半":
        months += step / 2
    approximate = bool(m.group("more") or m.group("tail") == "多" or "几" in num_text)
    if approximate:
        months += step / 4  # 三年多: a little more than three years; 十来年: about ten, mostly a little more
    if m.group("more") == "来" and low is None:
        # 十来年 / 二十来年: about that many, read as the span from it to one more (session 21, issue 13).
        low, high = n, n + 1
    if low is not None and high is not None:
        return Duration(months, text[m.start() : m.end()], m.start(), m.end(), True, low * step, high * step)
    if m.group("qual") in ("快", "将近", "接近"):
        months -= min(step / 12 if unit == "年" else step / 4, months / 10)
        approximate = True
    return Duration(months, text[m.start() : m.end()], m.start(), m.end(), approximate)


def find_durations(text: str) -> list[Duration]:
    out: list[Duration] = []
    pos = 0
    while pos < len(text):
        found = duration_at(text, pos)
        if found and found.end > found.start:
            out.append(found)
            pos = found.end
        else:
            pos += 1
    return out


# --- dates --------------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?:(?P<year>\d{4}|二[〇零]\d\d|二[〇零][一二三四五六七八九〇零]{2})\s*年"
    # 24年6月10号: a two-digit year, only where a month follows (干了24年 is a duration).
    r"|(?<![\d.])(?P<year2>\d{2})\s*年(?=\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)"
    r"|(?P<rel>今年|去年|前年|大前年|明年))?\s*"
    r"(?:(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?"
    r"(?:\s*(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号)|(?P<part>上旬|中旬|下旬|初|中|底|末))?"
    r"|(?P<season>年底|年末|年初|年头|上半年|下半年|年中|春节|过年))?"
)
# 2024.6.10 / 2024-06-10 / 2024/6/10 / 24.6.10, and 2024.6 / 2024年6 (a month).
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<year>\d{4}|\d{2})\s*[./\-]\s*(?P<month>\d{1,2})(?:\s*[./\-]\s*(?P<day>\d{1,2}))?(?![\d.%])"
)
# 上个月20号 / 上月底 / 这个月初: a day within a month named relative to today.
_DAY_OF_MONTH = re.compile(
    r"\s*(?:(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:号|日)|(?P<end>底|末)|(?P<start>初))"
)
_MONTH_WORDS = ("上上个月", "上上月", "上个月", "上月", "这个月", "本月")
# Words before a two-digit year that make 24年6个月 / 干了24年 a duration, not a date.
_DURATION_BEFORE = re.compile(r"(?:干|做|了|满|有|快|近|共|工作|工龄)\s*$")
_RELATIVE_DAY = re.compile(
    r"(?P<word>今天|今日|昨天|昨日|前天|大前天|上周|上个?星期|上个?礼拜|这周|本周|上上个?月|上个?月|这个月|本月|月初)"
    r"(?P<weekday>[一二三四五六日天](?![\d一二三四五六七八九十]))?"
    rf"|(?P<num>\d+|[{CN_CHARS}几半]+)\s*(?P<ge>个)?\s*(?P<more>多)?\s*(?P<unit>天|日|周|星期|个?月|年)(?P<tail>多|半)?"
    r"\s*(?:前|以前|之前)"
)
# 去年这个时候, 前年这时候, 去年同期: about the same day that many years ago.
_SAME_TIME = re.compile(r"\s*(?:的)?\s*(?:这个时候|这时候|这会儿|这个时间|这段时间|同期|这个季节)")
SAME_TIME_DAYS = 31  # either side of the day a year (or two) ago


@dataclass(frozen=True)
class DateRead:
    earliest: date
    latest: date
    text: str
    start: int
    end: int

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _cn_int(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_cn_number(text)
    return int(value) if value is not None else None


def find_dates(text: str, today: date) -> list[DateRead]:
    """Calendar dates and relative days as (earliest, latest) ranges: 2025年3月5日, 去年3月, 前年11月,
    3月5号 (this year, or last year when that would be in the future), 上个月, 三天前, 两个月前, 年底."""
    found: list[DateRead] = list(_lunar_dates(text, today))
    taken: list[range] = [range(d.start, d.end) for d in found]
    for m in _DATE.finditer(text):
        if m.group("rel") in ("去年", "前年", "大前年") and not (m.group("month") or m.group("season")):
            if same := _SAME_TIME.match(text, m.end()):
                point = _shift_year(today, {"去年": -1, "前年": -2, "大前年": -3}[m.group("rel")])
                span = timedelta(days=SAME_TIME_DAYS)
                found.append(
                    DateRead(
                        point - span,
                        min(point + span, today),
                        text[m.start() : same.end()],
                        m.start(),
                        same.end(),
                    )
                )
                taken.append(range(m.start(), same.end()))
                continue
        if m.end() == m.start() or not (m.group("month") or m.group("season") or m.group("year")):
            continue
        if any(m.start() in r or m.end() - 1 in r for r in taken):
            continue
        if m.group("rel") and not (m.group("month") or m.group("season")) and m.group("rel") == "今年":
            continue  # 今年 alone (今年32岁, 今年的年假) names no day
        year_text, rel = m.group("year"), m.group("rel")
        if m.group("year2"):
            if _DURATION_BEFORE.search(text[: m.start("year2")]):
                continue  # 干了12年3月 / 有24年6月: a length of time
            year_text = str(2000 + int(m.group("year2")))
        if year_text:
            year = _cn_int(year_text) if not year_text.isdigit() else int(year_text)
        elif rel:
            year = today.year + {"今年": 0, "去年": -1, "前年": -2, "大前年": -3, "明年": 1}[rel]
        else:
            year = None
        month = _cn_int(m.group("month"))
        day = _cn_int(m.group("day"))
        if year is not None and not 1980 <= year <= today.year + 1:
            continue
        if month is not None and not 1 <= month <= 12:
            continue
        season = m.group("season")
        explicit_year = year is not None
        y = year if year is not None else today.year
        if month is not None:
            last = calendar.monthrange(y, month)[1]
            if day is not None and not 1 <= day <= last:
                continue
            earliest = date(y, month, day or 1)
            latest = date(y, month, day or last)
            part = m.group("part")
            if part in ("底", "末"):  # 8月底: the month's last day, as people mean it of an ending
                earliest = latest
            elif part in ("上旬", "初"):
                latest = date(y, month, 10)
            elif part in ("中旬", "中"):
                earliest, latest = date(y, month, 11), date(y, month, 20)
            elif part == "下旬":
                earliest = date(y, month, 21)
            if not explicit_year and earliest > today:  # 11月 said in March means last November
                earliest, latest = _shift_year(earliest, -1), _shift_year(latest, -1)
        elif season:
            ranges = {
                "年底": ((11, 15), (12, 31)),
                "年末": ((11, 15), (12, 31)),
                "年初": ((1, 1), (2, 28)),
                "年头": ((1, 1), (2, 28)),
                "春节": ((1, 15), (2, 28)),
                "过年": ((1, 15), (2, 28)),
                "上半年": ((1, 1), (6, 30)),
                "下半年": ((7, 1), (12, 31)),
                "年中": ((5, 1), (8, 31)),
            }[season]
            earliest, latest = date(y, *ranges[0]), date(y, *ranges[1])
        else:
            earliest, latest = date(y, 1, 1), date(y, 12, 31)
        found.append(DateRead(earliest, latest, m.group(0).strip(), m.start(), m.end()))
        taken.append(range(m.start(), m.end()))
    for m in _NUMERIC_DATE.finditer(text):
        if any(m.start() in r for r in taken):
            continue
        year = int(m.group("year")) + (2000 if len(m.group("year")) == 2 else 0)
        month, day = int(m.group("month")), _cn_int(m.group("day"))
        if not (1980 <= year <= today.year + 1 and 1 <= month <= 12):
            continue
        if len(m.group("year")) == 2 and day is None:
            continue  # 24.6 is a number more often than a month
        last = calendar.monthrange(year, month)[1]
        if day is not None and not 1 <= day <= last:
            continue
        found.append(
            DateRead(
                date(year, month, day or 1), date(year, month, day or last), m.group(0), m.start(), m.end()
            )
        )
        taken.append(range(m.start(), m.end()))
    for m in _RELATIVE_DAY.finditer(text):
        if any(m.start() in r for r in taken):
            continue
        word = m.group("word")
        end = m.end()
        if word in _MONTH_WORDS and (day_of := _DAY_OF_MONTH.match(text, m.end())):
            # 上个月20号 is one day; 上月底 the month's last days; 这个月初 its first ones.
            first, last_day = _relative_word(word, today)
            last_day = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
            end = day_of.end()
            if day_of.group("day"):
                n = _cn_int(day_of.group("day"))
                if n is None or not 1 <= n <= last_day.day:
                    continue
                earliest = latest = first.replace(day=n)
            elif day_of.group("end"):
                earliest = latest = last_day
            else:
                earliest, latest = first, first + timedelta(days=9)
            found.append(DateRead(earliest, min(latest, today), text[m.start() : end], m.start(), end))
            continue
        if word:
            earliest, latest = _relative_word(word, today)
            if m.group("weekday") and ("周" in word or "星期" in word or "礼拜" in word):
                # 上周三 / 这周一: one day of that week.
                offset = "一二三四五六".find(m.group("weekday"))
                earliest = latest = earliest + timedelta(days=offset if offset >= 0 else 6)
                if earliest > today:
                    continue
        else:
            num = m.group("num")
            unit = m.group("unit")
            more = m.group("more") or m.group("tail") == "多"
            if "几" in num or more:
                # 几个月前, 十几天前, 一年多前, 三个多月前: between the fewest and the most the words allow
                # (几 is 2 to 9, 多 up to one unit more) — no one day inside is the one told.
                low = parse_cn_number(num.replace("几", "二")) if "几" in num else parse_cn_number(num)
                high = parse_cn_number(num.replace("几", "九")) if "几" in num else low
                if low is None or high is None:
                    continue
                if more:
                    high += 1
                latest, earliest = _units_before(today, low, unit), _units_before(today, high, unit)
                found.append(DateRead(earliest, latest, m.group(0), m.start(), m.end()))
                continue
            n = 0.5 if num == "半" else parse_cn_number(num)
            if n is None:
                continue
            if m.group("tail") == "半":
                n += 0.5
            if unit in ("天", "日"):
                earliest = latest = today - timedelta(days=round(n))
            elif unit in ("周", "星期"):
                earliest = latest = today - timedelta(days=round(n * 7))
            elif unit == "年":
                whole = int(n)
                point = add_months(today, -12 * whole) - timedelta(days=round((n - whole) * 365))
                earliest, latest = point - timedelta(days=60), point + timedelta(days=60)
            else:
                whole = int(n)
                point = add_months(today, -whole) - timedelta(days=round((n - whole) * 30))
                earliest, latest = point - timedelta(days=10), point + timedelta(days=10)
        found.append(DateRead(earliest, min(latest, today), m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


# 农历: 腊月二十八, 正月初八, 去年冬月, 农历三月十五, 十月初三. A date is lunar when it says so, names a
# month only the lunar calendar has (正月, 冬月, 腊月), or counts its days the lunar way (初八, 廿三).
_LUNAR = re.compile(
    r"(?:(?P<rel>今年|去年|前年|大前年)|(?P<year>\d{4})\s*年)?\s*(?P<mark>农历|阴历|老历)?\s*"
    r"(?P<month>正|冬|腊|十一|十二|[一二三四五六七八九十]|\d{1,2})\s*月(?:份)?\s*"
    r"(?P<day>初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十"
    r"|\d{1,2}\s*(?:号|日)?)?"
)
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}


def _lunar_day(text: str) -> int | None:
    if text.startswith("初"):
        return _cn_int(text[1:])
    if text.startswith("廿"):
        return 20 + (_cn_int(text[1:]) or 0)
    return _cn_int(re.sub(r"\s*(?:号|日)$", "", text))


def _lunar_dates(text: str, today: date) -> Iterator[DateRead]:
    for m in _LUNAR.finditer(text):
        month_text, day_text = m.group("month"), m.group("day") or ""
        lunar = bool(m.group("mark")) or month_text in _LUNAR_MONTHS or day_text[:1] in ("初", "廿")
        if not lunar:
            continue
        month = _LUNAR_MONTHS.get(month_text) or _cn_int(month_text)
        day = _lunar_day(day_text) if day_text else None
        if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 30):
            continue
        this_year = LunarDate.from_solar_date(today.year, today.month, today.day).year
        if m.group("year"):
            years = [int(m.group("year"))]
        elif m.group("rel"):
            years = [this_year + {"今年": 0, "去年": -1, "前年": -2, "大前年": -3}[m.group("rel")]]
        else:
            years = [this_year, this_year - 1]  # the latest such day that is not in the future
        for year in years:
            try:
                first = LunarDate(year, month, day or 1).to_solar_date()
                following = LunarDate(year + (month == 12), month % 12 + 1, 1).to_solar_date() - timedelta(
                    days=1
                )
                last = first if day is not None else following
            except ValueError:
                break
            if first <= today or len(years) == 1:
                yield DateRead(
                    first,
                    min(last, today) if first <= today else last,
                    m.group(0).strip(),
                    m.start(),
                    m.end(),
                )
                break


def _units_before(today: date, n: float, unit: str) -> date:
    """The day n days, weeks, months or years before today."""
    if unit in ("天", "日"):
        return today - timedelta(days=round(n))
    if unit in ("周", "星期"):
        return today - timedelta(days=round(n * 7))
    months = n * 12 if unit == "年" else n
    whole = int(months)
    return add_months(today, -whole) - timedelta(days=round((months - whole) * 30))


def _shift_year(day: date, years: int) -> date:
    last = calendar.monthrange(day.year + years, day.month)[1]
    return date(day.year + years, day.month, min(day.day, last))


def _relative_word(word: str, today: date) -> tuple[date, date]:
    if word in ("今天", "今日"):
        return today, today
    if word in ("昨天", "昨日"):
        return today - timedelta(days=1), today - timedelta(days=1)
    if word == "前天":
        return today - timedelta(days=2), today - timedelta(days=2)
    if word == "大前天":
        return today - timedelta(days=3), today - timedelta(days=3)
    if word in ("这周", "本周"):
        return today - timedelta(days=today.weekday()), today
    if word.startswith("上") and ("周" in word or "星期" in word or "礼拜" in word):
        monday = today - timedelta(days=today.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if word.startswith("上上"):
        first = add_months(today.replace(day=1), -2)
        return first, date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    if word.startswith("上"):
        first = add_months(today.replace(day=1), -1)
        return first, date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return today.replace(day=1), today  # 这个月, 本月, 月初
