"""Structured facts the escalation policy reads from a worker's words: sums of money, head counts,
ages and dates (for the arbitration and 工伤认定 time limits). Pure functions, no I/O.

Every extractor returns the evidence (the words it read) with the value, so a lawyer can see why a
ticket was raised."""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from assistant.consult.facts import CaseFacts, load_lexicon
from assistant.consult.numbers import add_months, parse_cn_number
from assistant.privacy import strip_identifiers

from .rules import ChainWording, CollectiveWording, MinorWording

CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUM = CN_DIGITS + "十百千"
_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
CLAUSE_SPLIT = re.compile(r"[,，;；。!！?？\n…]+")
SENTENCE_SPLIT = re.compile(r"[。!！?？\n]+")


# 廿 and 卅 (twenty, thirty) as workers write them in the south and in Wu: 廿几个人, 卅几号人.
_OLD_TENS = str.maketrans({"廿": "二十", "卅": "三十"})


def normalize(text: str) -> str:
    """NFKC (full-width digits and punctuation folded), personal identifiers removed (an ID number
    is neither part of a phrase nor a sum of money), 廿/卅 written out and collapsed whitespace."""
    text = strip_identifiers(unicodedata.normalize("NFKC", text)).translate(_OLD_TENS)
    return re.sub(r"\s+", " ", text).strip()


def parse_number(text: str) -> float | None:
    """Arabic or Chinese numerals, including 几 as an approximate digit (几十 → 20, 十几 → 11) and 半
    (0.5). Returns None for text that is not a number. The numeral itself is read by the consultation
    layer's parser (one reading of 四千五 = 4500, 两万五 = 25000, 1万2 = 12000 for the answer and the
    policy); only the approximations are the screen's own."""
    text = text.strip()
    if not text:
        return None
    if text == "半":
        return 0.5
    if text.startswith("几"):
        text = "二" + text[1:]
    text = text.replace("几", "一")
    # A range reads as its lower end: 八九 → 8, 十七八 → 17, 一二 (years) is not a range.
    if m := _CN_PAIR.match(text):
        text = m.group(1)
    # 二三十, 七八百: a range of tens or hundreds, at its lower end too.
    if m := _CN_PAIR_UNIT.match(text):
        text = m.group(1) + m.group(2)
    return parse_cn_number(text)


_CN_PAIR = re.compile(r"^((?:[一二三四五六七八九]?十)?[二三四五六七八])([三四五六七八九])$")
_CN_PAIR_UNIT = re.compile(r"^([一二三四五六七八])[二三四五六七八九]([十百千万])$")


# --- money -------------------------------------------------------------------------------------

# Financial (capital) numerals, as on an IOU: 陆万元整.
_CAPITALS = str.maketrans("壹贰贰叁肆伍陆柒捌玖拾佰仟萬", "一二二三四五六七八九十百千万")

_MONEY_UNIT = r"(?:元|块钱|块|圆)"
_SALARY_BEFORE = (
    "月薪",
    "月工资",
    "月入",
    "月收入",
    "底薪",
    "年薪",
    "时薪",
    "日薪",
    "每月",
    "每个月",
    "一个月",
)
_SALARY_BEFORE += ("一月", "月均", "平均工资", "缴费基数", "工资标准", "最低工资")
# 年薪二十万，公司说要降到十五万: the new pay, not a disputed sum.
_SALARY_BEFORE += ("降到", "涨到", "调到", "降为", "降至")
_SALARY_BEFORE += ("降薪到", "降薪至", "涨薪到", "调薪到", "工资降到", "降成", "改成")
_SALARY_AFTER = ("一个月", "每月", "/月", "一月", "每个月", "月薪", "一年")
_NOT_MONEY_AFTER = re.compile(r"\s*(年|月|日|号|天|个|小时|岁|%|人|次|件|单|公里|米|斤|平|分钟|级|条|元/)")
_MONEY_CONTEXT = re.compile(r"(欠|工资|工钱|钱|赔|补偿|违约金|罚|扣|薪|给|要|共|总共|一共|借|垫|押金|奖金)")

_ARABIC_WAN = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万|w|千|k)(\d(?![\d万千]))?\s*(多|余|来)?\s*" + _MONEY_UNIT + "?",
    re.IGNORECASE,
)
_ARABIC_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(多|余)?\s*" + _MONEY_UNIT)
_ARABIC_BARE = re.compile(r"(?<![\d.])(\d{4,9})(?![\d.])")
_CN_WAN = re.compile(
    rf"(?<![{CN_NUM}万])([一二两三四五六七八九十][{CN_NUM}]*)(多|来|几)?万([一二三四五六七八九])?(多|余)?"
    + _MONEY_UNIT
    + "?"
)
_CN_UNIT = re.compile(rf"(?<![{CN_NUM}万])([一二两三四五六七八九十][{CN_NUM}]*)(多|来)?" + _MONEY_UNIT)
# 大几万 (50–90 thousand), 十好几万; 七位数 (a seven-digit sum).
_FUZZY_WAN = re.compile(rf"(?<![{CN_NUM}])(?:(大)几|([一二两三四五六七八九]?十)好几)万")
_DIGIT_COUNT = re.compile(r"(?<![\d])([五六七八九5-9])位数")


@dataclass(frozen=True)
class Amount:
    yuan: float
    text: str
    approximate: bool = False  # 6万多: at least this much


def _is_salary(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 6) : start], text[end : end + 4]
    return any(w in before for w in _SALARY_BEFORE) or any(after.startswith(w) for w in _SALARY_AFTER)


def find_amounts(text: str) -> list[Amount]:
    """Sums of money in yuan: 6万多, 4万8, 1.5万, 50000元, 12万, 五万块, 两万多, 十来万, 欠工资8600.
    Monthly or yearly pay (月薪两万多, 年薪20万) is not a disputed sum and is left out."""
    found: list[tuple[int, int, Amount]] = []
    taken: list[range] = []
    text = text.translate(_CAPITALS)

    def add(start: int, end: int, yuan: float, approximate: bool) -> None:
        if any(start in r or end - 1 in r for r in taken):
            return
        taken.append(range(start, end))
        if not _is_salary(text, start, end):
            found.append((start, end, Amount(yuan, text[start:end].strip(), approximate)))

    for m in _FUZZY_WAN.finditer(text):
        tens = parse_number(m.group(2)) if m.group(2) else None
        add(m.start(), m.end(), (tens + 1) * 10000 + 1 if tens else 60001, True)
    for m in _DIGIT_COUNT.finditer(text):
        digits = int(parse_number(m.group(1)) or 0)
        add(m.start(), m.end(), float(10 ** (digits - 1)), False)
    for m in _ARABIC_WAN.finditer(text):
        unit = 10000 if m.group(2).lower() in ("万", "w") else 1000
        value = float(m.group(1)) * unit + (int(m.group(3)) * unit / 10 if m.group(3) else 0)
        add(m.start(), m.end(), value + (1 if m.group(4) else 0), bool(m.group(4)))
    for m in _CN_WAN.finditer(text):
        head = parse_number(m.group(1))
        if head is None:
            continue
        value = head * 10000 + (_DIGIT_VALUE[m.group(3)] * 1000 if m.group(3) else 0)
        approx = bool(m.group(2) or m.group(4))
        add(m.start(), m.end(), value + (1 if approx else 0), approx)
    for m in _ARABIC_UNIT.finditer(text):
        add(m.start(), m.end(), float(m.group(1)) + (1 if m.group(2) else 0), bool(m.group(2)))
    for m in _CN_UNIT.finditer(text):
        value = parse_number(m.group(1))
        if value is not None:
            add(m.start(), m.end(), value + (1 if m.group(2) else 0), bool(m.group(2)))
    for m in _ARABIC_BARE.finditer(text):
        if _NOT_MONEY_AFTER.match(text, m.end()) or len(m.group(1)) >= 11:
            continue
        if _MONEY_CONTEXT.search(text[max(0, m.start() - 8) : m.start()]):
            add(m.start(), m.end(), float(m.group(1)), False)
    return [a for _, _, a in sorted(found, key=lambda t: t[0])]


_MONTHS_N = rf"(\d{{1,3}}|[{CN_NUM}几]+)(来|多|几)?个(多|半)?月"
_OWED = r"没(?:拿|发|给|结|到手|见)|欠|拖|压|一分(?:钱)?(?:都|也)?没|没着落|要不(?:到|回)"
# 二十来个月工资一分没拿; 欠了我十四个月工资: a number of months in arrears, the owing in the clause.
_MONTHS_OWED = (
    re.compile(rf"{_MONTHS_N}(?:的)?(?:工资|工钱|薪水|人工|工钿|钱)?[^。!！?？,，]{{0,8}}?(?:{_OWED})"),
    re.compile(rf"(?:{_OWED})(?:了)?(?:我|俺|我们|俺们|咱)?(?:整整|足足|快|将近)?{_MONTHS_N}"),
)
_PAY_NUMBER = rf"(\d+(?:\.\d+)?|[{CN_NUM}]+)\s*(千|k|K|块钱|块|元)?"
# The monthly pay the months are counted in: 一个月四千, 月薪6500, 每个月5k, 4000一个月.
_MONTHLY = (
    re.compile(
        rf"(?:一个月|每个?月|(?<![个几多])月薪|(?<![个几多])月工资|(?<![个几多\d{CN_NUM}])一月|每月工资)(?:是|有|才|就|大概|差不多|能拿|拿|给|算)?\s*{_PAY_NUMBER}"
    ),
    re.compile(rf"{_PAY_NUMBER}\s*(?:一个月|每个?月|/月)"),
)
_CN_THOUSANDS = re.compile(rf"^([{CN_DIGITS}])千([{CN_DIGITS}])$")


def _monthly_pay(raw: str, unit: str | None) -> float | None:
    if m := _CN_THOUSANDS.match(raw):  # 五千五 is 5,500
        return (parse_number(m.group(1)) or 0) * 1000 + (parse_number(m.group(2)) or 0) * 100
    value = parse_number(raw)
    if value is None:
        return None
    if unit in ("千", "k", "K"):
        value *= 1000
    return value if 800 <= value <= 60000 else None


def find_arrears(text: str) -> Amount | None:
    """Pay owed as months times the monthly pay, when the worker gives both but not the total:
    二十来个月工资一分没拿，一个月四千 is about 80,000 yuan. The product is read per sentence."""
    best: Amount | None = None
    for sentence in SENTENCE_SPLIT.split(text):
        months = [m for p in _MONTHS_OWED for m in p.finditer(sentence)]
        pays = [m for p in _MONTHLY for m in p.finditer(sentence)]
        if not months or not pays:
            continue
        month = max(
            months, key=lambda m: (parse_number(m.group(1)) or 0) + (0.5 if m.group(3) == "半" else 0)
        )
        count = (parse_number(month.group(1)) or 0) + (0.5 if month.group(3) == "半" else 0)
        paid = max(pays, key=lambda m: _monthly_pay(m.group(1), m.group(2)) or 0)
        pay = _monthly_pay(paid.group(1), paid.group(2))
        if count < 2 or not pay:
            continue
        approximate = bool(month.group(2) or month.group(3) == "多")
        amount = Amount(
            count * pay + (1 if approximate else 0),
            f"{month.group(0).strip()}，{paid.group(0).strip()}",
            approximate,
        )
        if best is None or amount.yuan > best.yuan:
            best = amount
    return best


def format_yuan(amount: Amount) -> str:
    value = amount.yuan - (1 if amount.approximate else 0)
    if amount.approximate and value >= 10000:
        # A lower bound (6万多, or a sum estimated at a floor wage) reads best in whole hundreds:
        # 5.79 万元以上, never 5.7999 万元以上.
        value = math.floor(value / 100) * 100
    text = f"{value / 10000:g} 万元" if value >= 10000 else f"{value:g} 元"
    return text + ("以上" if amount.approximate else "")


# --- head counts -------------------------------------------------------------------------------

# Session 14: a count told by its order of magnitude (上百号人, 近百名, 成百上千, 数十个老乡): 上/近/成 a
# hundred or a thousand read as one, 数 as 几 (the fewest it can mean).
_PEOPLE = re.compile(
    rf"((?:上|近|成|数)(?=[十百千])|(?<![{CN_NUM}])(?=[几{CN_NUM}\d]))(\d+|[几{CN_NUM}]+)(多|来|余|几)?(个|号|名|位)?(?:老|新|男|女|正式|临时)?"
    r"(人|工友|骑手|工人|兄弟|师傅|同事|农民工|老乡|员工|职工|伙计|姐妹|司机|搬运工|装卸工|小工|临时工|钢筋工|木工|瓦工|电工|焊工|"
    r"架子工|保安|保洁员?|阿姨|大姐|大妈|环卫工|清洁工|厨师|服务员|店员|快递员|外卖员|送餐员|护工|学徒|女工|男工|操作工|普工)"
)
# Session 14: the workers named first and counted after (项目部的农民工有五十来个, 员工约两百人): the count's groups as above.
_PEOPLE_AFTER = re.compile(
    r"(?:工人|农民工|员工|职工|工友|师傅|骑手|老乡|司机)(?:们)?(?:一共|总共|共)?(?:有|约|大约|大概有|差不多有|将近)\s*"
    rf"((?:上|近|成|数)(?=[十百千])|(?<![{CN_NUM}])(?=[几{CN_NUM}\d]))(\d+|[几{CN_NUM}]+)(多|来|余|几)?(?:个|号|名|位)?(?:人)?"
)
# Dialect and spoken forms count too: 阿拉/伲 (Wu), 我哋/一齐 (Cantonese), 一道, 约好, 全都.
GROUP_MARKERS = re.compile(
    r"我们|俺们|咱们|咱|大伙|大家|工友们|兄弟们|一起|一块|一道|一齐|联名|集体|全体|全厂|全车间|阿拉|伲|我哋|"
    r"约好|说好|讲好|商量好|全都|都去|连我在内|连我|包括我|算上我|加上我|一共"
)
# What a group does or is owed: arrears in any verb (压, 拖, 欠), a stoppage (不上线, 不接单), a
# petition at an office or a door.
DISPUTE_WORDS = re.compile(
    r"欠|讨|拖|克扣|扣|压(?:了|着|咗)|没拿到|唔接单|唔开工|冇(?:出|发|俾)|没发|不给|仲裁|起诉|告|投诉|维权|停工|罢工|堵|上访|闹|要钱|要工资|没结|不结|"
    r"不服|不签|抗议|反对|下线|不上线|不接单|不出车|不开工|信访|一分钱|政府|门口|楼底下|楼下|讨说法|拉横幅"
    # Session 6: the pay the group cannot get (工钱找谁要, 要不回来).
    r"|找谁要|要不(?:到|回)"
    # Session 7: a new employer that denies what the group earned (新公司不认我们以前的工龄).
    r"|不认"
    # Session 12: a pay cut imposed on the group (所有一线员工降薪百分之三十 … 两百多人都很不满).
    r"|降薪|减薪|降(?:了)?工资|工资[^,，。]{0,4}降|不满"
    # … or the years of service struck off at a takeover (以前的工龄不算了 … 大家都不想签).
    r"|(?:工龄|工资|加班)[^,，。]{0,4}不算|不(?:想|愿意?|肯)签"
)
# A group dispute long settled (三年前那回…早就全发到手了) is history, not a case.
SETTLED = re.compile(
    r"(?:早就|早已|已经|都已经|后来)(?:全部?|都)?(?:发|给|拿|结|付|补|要)(?:到手|清|齐|回来|全了|完了)|"
    r"(?:早就|早已|已经)(?:解决|处理完|结案)"
)


@dataclass(frozen=True)
class Headcount:
    people: int
    text: str


def _head_count(m: re.Match[str]) -> float | None:
    """The number of a head count: 三十几 → 30, 上百 → 100, 数十 → 20 (as 几十)."""
    prefix, digits = m.group(1), m.group(2)
    if prefix == "数":
        return parse_number("几" + digits)
    if prefix:
        return parse_number("一" + digits)
    return parse_number(digits)


def find_collective(text: str, min_people: int, wording: CollectiveWording | None = None) -> Headcount | None:
    """A group of at least ``min_people`` workers acting or owed together, in one sentence: 我们三十多个
    工友被欠了半年工资, 我们20个骑手一起被克扣. A layoff of 30 reported by one worker is not one.

    With ``wording`` (session 14) the count is a group in any wording and without a marker when the
    sentence tells a dispute (工地上四五十个农民工的工钱被包工头卷跑了, 上百号人的工资老板说没钱发), unless
    the count is the workplace's size (五十多人的厂, 公司有三百个员工) or the speaker is singled out of it
    (就我一个没发, 我是其中之一)."""
    sentences = [x for x in SENTENCE_SPLIT.split(text) if x.strip()]
    for i, sentence in enumerate(sentences):
        marked = bool(GROUP_MARKERS.search(sentence))
        disputed = _disputed(sentence, wording)
        if SETTLED.search(sentence) or (wording is not None and wording.singled_out.search(sentence)):
            continue
        if wording is not None and disputed and wording.own.search(sentence):
            continue  # 公司员工有三百多人，不支付我的加班费: the speaker's own case beside the workplace's size
        if not disputed:
            # Session 14: the count told first, the dispute in the sentence after it (我们车间一百四十人。这三个月
            # 工资都没发。), unless that one is the speaker's own (老板欠我三个月工资).
            after = sentences[i + 1] if i + 1 < len(sentences) else ""
            if wording is None or not _disputed(after, wording) or SETTLED.search(after):
                continue
            if wording.singled_out.search(after) or wording.own.search(after):
                continue
            if not marked and not wording.workforce.search(sentence):
                continue
        if not marked and wording is None:
            continue
        for m in [*_PEOPLE.finditer(sentence), *(_PEOPLE_AFTER.finditer(sentence) if wording else ())]:
            value = _head_count(m)
            if value is None or value < min_people:
                continue
            if not marked:
                assert wording is not None
                left = max(sentence.rfind(c, 0, m.start()) for c in "，,；;、 ")
                clause_before = sentence[left + 1 : m.start()]
                if wording.size_before.search(clause_before) or wording.size_after.match(sentence, m.end()):
                    continue
            return Headcount(int(value), m.group(0))
    return None


# Words that hold a dispute word and tell none (报告了劳动部门, 告知, 公告): blanked before the dispute is read.
_NOT_DISPUTE = re.compile(r"报告|告知|告诉|公告|广告|告示|警告|预告|通告|忠告|劝告")


def _disputed(sentence: str, wording: CollectiveWording | None) -> bool:
    sentence = _NOT_DISPUTE.sub("□", sentence)
    return bool(DISPUTE_WORDS.search(sentence) or (wording and wording.dispute.search(sentence)))


# --- ages --------------------------------------------------------------------------------------

_AGE = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})(?:[到至\-~、]?(\d{1,2}))?(?:周)?岁")
_CN_RANGE = re.compile(r"^([一二三四五六七八九]?十)([一二三四五六七八九])([一二三四五六七八九])$")
_WORK_WORDS = re.compile(
    r"干活|打工|上班|厂|工地|饭店|餐馆|店里|招|雇|端盘子|夜班|工资|工钱|老板|车间|流水线|干了|做工|搬砖|学徒"
)
_NOT_WORKER = re.compile(r"育儿|接孩子|带孩子|产假|哺乳|照顾|上学|读书|学费|幼儿园|请假|陪")


@dataclass(frozen=True)
class Age:
    years: int
    text: str


_YEAR_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")


def _birth_year(raw: str, today: date) -> int | None:
    digits = raw.translate(_YEAR_DIGITS)
    if not digits.isdigit():
        return None
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= today.year % 100 else 1900
    return year if 1900 <= year <= today.year else None


def _age_value(raw: str) -> float | None:
    rng = _CN_RANGE.match(raw)
    return parse_number(rng.group(1) + rng.group(2)) if rng else parse_number(raw)


def _ages_in(sentence: str, below: int, wording: MinorWording | None, today: date) -> Age | None:
    """An age under ``below`` said in this sentence in any wording, or None."""
    for m in _AGE.finditer(sentence):
        value = _age_value(m.group(1))
        if value is not None and 8 <= value < below:
            return Age(int(value), m.group(0))
    if wording is None:
        return None
    for pattern in wording.age_anchors:
        for m in pattern.finditer(sentence):
            value = _age_value(m.group("n"))
            if value is not None and 8 <= value < below:
                return Age(int(value), m.group(0))
    if m := wording.under_phrases.search(sentence):
        return Age(below - 1, m.group(0))
    for m in wording.grade_markers.finditer(sentence):
        grade = max((g for g in wording.grades if g in m.group(0)), key=len, default=None)
        if grade is None:
            continue
        at = sentence.find(grade, m.start())
        if any(sentence[:at].endswith(w) for w in wording.grade_not_before):
            continue  # 大年初一, 每月初三: a date, not a school year
        if wording.grades[grade] < below:
            return Age(wording.grades[grade], m.group(0))
    for pattern in wording.birth_year:
        for m in pattern.finditer(sentence):
            year = _birth_year(m.group("y"), today)
            if year is not None and 5 <= today.year - year < below:
                return Age(today.year - year, m.group(0))
    return None


def find_minor_at_work(
    text: str, below: int, wording: MinorWording | None = None, today: date | None = None
) -> Age | None:
    """A worker younger than ``below`` (16 for 童工), in any wording the screen knows: 我14岁在饭店端
    盘子, 十五六岁的小孩, 今年才14, 读初二, 小学刚毕业, 2012年出生的, 还没满十六. A child mentioned by
    a working parent (孩子10岁，没法接孩子) does not count: the age and the work must be in one
    sentence that says nothing of looking after a child."""
    today = today or date.today()
    work = wording.work_words if wording else _WORK_WORDS
    not_worker = wording.not_worker if wording else _NOT_WORKER
    if only_planned(text, wording):
        return None
    for sentence in SENTENCE_SPLIT.split(text):
        if not work.search(sentence) or not_worker.search(sentence) or _parent_speaking(sentence, wording):
            continue
        if age := _ages_in(sentence, below, wording, today):
            return age
    return None


def only_planned(text: str, wording: MinorWording | None) -> bool:
    """The work is only planned or asked about for later (寒假想去亲戚饭店帮忙, 明年想出去打工, 满了16
    岁以后能去哪上班) and nothing says a child is at work already: no child at work to report."""
    if wording is None or wording.plan is None or wording.at_work is None:
        return False
    return bool(wording.plan.search(text) and not wording.at_work.search(text))


def _parent_speaking(text: str, wording: MinorWording | None) -> bool:
    """A working parent speaking of a child (俺娃十一了……俺在厂里加班), unless the child is told working there too."""
    if wording is None or wording.parent_markers is None or wording.kin is None:
        return False
    if wording.child_works is not None and wording.child_works.search(text):
        return False
    return bool(wording.parent_markers.search(text) and wording.kin.search(text))


def find_minor_in_conversation(
    texts: list[str], below: int, wording: MinorWording | None, today: date
) -> tuple[Age, int] | None:
    """The age and the work told in different messages or sentences (我外甥今年才十四 / 他在饭馆帮
    厨): counts when nothing in the conversation is about looking after a child. Returns the age and
    the index of the message that told it."""
    work = wording.work_words if wording else _WORK_WORDS
    not_worker = wording.not_worker if wording else _NOT_WORKER
    whole = "\n".join(texts)
    if not work.search(whole) or not_worker.search(whole) or _parent_speaking(whole, wording):
        return None
    if only_planned(whole, wording):
        return None
    for turn, text in enumerate(texts):
        for sentence in SENTENCE_SPLIT.split(text):
            if age := _ages_in(sentence, below, wording, today):
                return age, turn
    return None


# --- chains of employers -----------------------------------------------------------------------


@dataclass(frozen=True)
class Chain:
    parties: int  # kinds of party named
    handovers: int
    text: str


def find_employer_chain(text: str, wording: ChainWording) -> Chain | None:
    """A worker passed along a chain of employers, with the question of who answers for the pay or
    the injury open: 层层转包; 派遣公司 → 外包 → 工厂; 签合同的是A公司，社保是B公司交的，干活在C厂.
    Three kinds of party, or two with two hand-overs or with the parties' own dispute (session 15:
    派遣公司说归厂里管，厂里不认), and something in dispute."""
    if m := wording.explicit.search(text):
        return Chain(0, 0, m.group(0))
    if not wording.dispute.search(text):
        return None
    # A kind of party counts once whatever it is called (厂里, 厂 and 车间 are one employer; 派遣公司
    # and 派遣 are one); a named company counts by its name (物业公司 and 保安公司 are two).
    found: list[tuple[str, re.Match[str]]] = [
        (f"kind{k}", m) for k, p in enumerate(wording.parties) for m in p.finditer(text)
    ]
    if wording.companies is not None:
        found += [("", m) for m in wording.companies.finditer(text)]
    named = [m for _, m in found]
    distinct = {key or m.group(0) for key, m in found}
    handovers = list(wording.handovers.finditer(text))
    # Session 15: two parties and the parties' own dispute (厂里说不归他们管, 两边互相推) are a chain too,
    denied = wording.parties_dispute is not None and wording.parties_dispute.search(text)
    # … and two parties with the work passed down by contract (总包转包给包工头, 挂靠在建筑公司).
    denied = denied or (wording.contracting is not None and wording.contracting.search(text))
    # Session 16: two kinds of go-between firm named apart (劳务派遣公司 … 业务外包) are three parties with the
    # place of work, even unnamed.
    between = _intermediary_kinds(text, wording)
    if between >= 2 and len(distinct) >= 2:
        distinct.add("the place of work")
    if len(distinct) >= 3 or (len(distinct) >= 2 and (len(handovers) >= 2 or denied)):
        first = min(m.start() for m in named)
        last = max(m.end() for m in [*named, *handovers])
        return Chain(len(distinct), len(handovers), text[first:last][:60])
    return None


def _intermediary_kinds(text: str, wording: ChainWording) -> int:
    """How many kinds of go-between firm the text names apart: a match beside another kind's (外包派遣进来的, one
    firm described twice) counts with it as one."""
    spans = sorted(
        (m.start(), m.end(), k)
        for k, p in enumerate(wording.intermediaries)
        for m in p.finditer(text)
        if m.end() > m.start()
    )
    kinds: set[int] = set()
    last_end, last_kind = -10, -1
    for start, end, kind in spans:
        if start - last_end <= 1 and kind != last_kind:
            last_end = max(last_end, end)
            continue
        kinds.add(kind)
        last_end, last_kind = end, kind
    return len(kinds)


# --- dates and time limits ---------------------------------------------------------------------

_TERMINATION = (
    # The verb and its object split (离的职, 离了职, 辞的工): the same ending, said the spoken way.
    r"离职|离的职|离了职|辞职|辞的职|辞了职|辞工|辞的工|辞了工|被辞|辞了|辞退|被开|开除|解除|被裁|裁员"
    r"|离开(?:公司|厂|单位)|走人|不干了|下岗"
    r"|(?:把我|把俺)(?:给)?(?:开|辞|炒|裁)(?:了|掉)"
    # 被老板辞的, 裁掉, 退工, 做到年底就没做了, 从厂里出来, 离开那个厂: other ways of saying it ended.
    r"|被[^,，。]{0,4}(?:辞|开|裁|炒)(?:了|掉|的)?|辞的|裁掉|裁了|退工|离职日期|(?:没|不)(?:做|干)了"
    # 就不在那家物业干了: no longer at the place (the place named between).
    r"|不在[^,，。]{1,8}(?:干|做|上班|干活)了"
    # Session 14: the employer closed (2025年9月份公司倒闭了): the jobs ended with it.
    r"|(?:公司|厂|厂子|工厂|单位|店|企业|作坊)[^,，。]{0,10}(?:倒闭|破产|关门|解散)"
    # Session 12: sent home for good (直接让我回家, 说我们线上的人不需要了), not home to rest or to wait.
    r"|(?:直接|就)(?:让|叫)(?:我|我们|俺|俺们)(?:都)?回家(?![^,，。]{0,3}(?:休息|养|等|过年|探亲))"
    r"|(?:人|我|我们|俺|俺们)(?:都)?不(?:需要|要)了"
    # 走了一年多了: the worker left; not 他/老板/我爸走了 (someone else, or a death).
    r"|(?:(?<=[我俺就])|(?<=^))走了"
    r"|从[^,，。]{0,6}(?:厂|公司|单位|工地|店|超市)[^,，。]{0,3}出来|离开[^,，。]{0,3}(?:厂|公司|单位|工地|店|超市)"
)
_INJURY = r"工伤|出的事|出事|出了事|受的伤|受伤|摔伤|砸伤|压伤|夹伤|烫伤|烧伤|骨折|断的|压断|砸断|切断|截肢"
# 被砸的那次, 被叉车撞了: a harm verb after 被 (as the consultation layer reads an injury).
_INJURY += r"|被[^,，。]{0,4}(?:砸|压|撞|轧|夹|绞|烫|烧|割|切|卷)(?:了|伤|断|到|的|坏)"
# 摔断了腿, 夹断了手指: a limb broken, said with the verb of how.
_INJURY += r"|(?:摔|撞|夹|轧|绞|卷)断"
EVENT = re.compile(rf"(?P<term>{_TERMINATION})|(?P<inj>{_INJURY})")
_N = rf"(\d+|[{CN_NUM}几半]+)"
_QUAL = r"(快|将近|差不多|马上|眼看|快要|就要|下周就?|下个月就?|月底就?|这周就?|明天就?|还?差几天就?)?"
# 一年零三个月, 十一个半月, 十一个多月.
_DURATION = rf"{_QUAL}(?:满)?{_N}(个)?(多|半)?(年|月)(多|半)?(?:零{_N}个?月)?"
# 离职快一年了, 辞职两个月了; not 离职后两年不能去同行 (a non-compete's term) or 离职的时候签了两年.
_EVENT_THEN_DURATION = re.compile(
    rf"(?:{EVENT.pattern})(?:(?!后|时|签|内|差)[^。!！?？,，]){{0,6}}?{_DURATION}(?=了|啦|$|[,，。!！?？]|才|还|都|没|也)"
)
# 辞工的，现在过去一年多了: the time since the event in the clause after it.
_EVENT_COMMA_DURATION = re.compile(
    rf"(?:{EVENT.pattern})[^。!！?？,，]{{0,10}}[,，](?:现在|到现在|至今|如今|已经|这都|都)(?:都|已经)?(?:过去|有)?了?"
    rf"{_DURATION}(?=了|啦|$|[,，。!！?？])"
)
# 辞职后过了快12个月, 离职以后都过去一年了: the time since, told after 后 (not 离职后两年不能去同行).
_EVENT_AFTER_PASSED = re.compile(
    rf"(?:{EVENT.pattern})(?:后|以后|之后)(?:到现在|至今)?(?:已经|都|这都)?(?:过去了?|过了|有)(?:已经|都)?{_DURATION}(?=了|啦|$|[,，。!！?？])"
)
# 开除到现在差一个月就满一年了, 还差二十来天就满一年: the time since, told as what is left of it.
_SHORT_OF = re.compile(
    rf"(?:还)?差(?:不到)?{_N}(?:个)?(来|多)?(天|周|星期|礼拜|月)(?:左右)?(?:就|才)?(?:满|到|够)?{_N}(?:整)?年"
)
_SHORT_UNIT_MONTHS = {"天": 1 / 30.44, "周": 7 / 30.44, "星期": 7 / 30.44, "礼拜": 7 / 30.44, "月": 1.0}
# 一年零两个月前 (session 14): the months after 零 are exact.
_DURATION_THEN_EVENT = re.compile(rf"{_N}(个)?(多)?(年|月)(多|半)?(?:零{_N}个?月)?(?:前|以前|之前)")
# Session 14: 去年的九月份, 2025年的9月 (的 between), 上一年 (去年), and a two-digit year only with its month (25年9月:
# 干了10年 is no date).
_DATE = re.compile(
    r"(?:(?<!\d)(\d{4}|(?<![了满近有])\d{2}(?=年的?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月))年|(去年|前年|今年|大前年|上一年))"
    r"(?:的?(\d{1,2}|[一二三四五六七八九十]{1,2})月份?|的?(年底|年末|年初|年头|上半年|下半年|年中|春节|过年|这个时候|这时候|这会儿|这个月|腊月|正月|春天|夏天|秋天|冬天|国庆|五一|劳动节|中秋|端午|清明|元旦))?"
)
# 干活时, 上班的时候: the words of working set the time of the event that follows.
_WHILE = re.compile(r"(?:的)?(?:时候|时|期间|中)")


@lru_cache(maxsize=1)
def _job_words() -> re.Pattern[str]:
    """The words that make a date the start of the job or the time it ran (2019年入职, 2015年在这家厂
    上班): the consultation layer's own date cues (corpus/consult/facts.toml [dates] start, job_span)."""
    lex = load_lexicon()
    words = {*lex.words("dates", "start"), *lex.words("dates", "job_span")}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _job_date(clause: str, m: re.Match[str], event: re.Match[str]) -> bool:
    """2019年入职的公司把我辞退了: the year is when the job began, not when it ended, so no limit is
    counted from it (session 11, lawyers' class F: a start year read as the leaving date)."""
    end = event.start() if event.start() >= m.end() else min(len(clause), m.end() + 10)
    return any(
        not _WHILE.match(clause, w.end()) and not _GROUND.search(clause, m.end(), w.start())
        for w in _job_words().finditer(clause, m.end(), end)
    )


# Session 14: the employer's ground told before the ending (今年一月初我被公司以不能胜任工作辞退了): a job word in it is
# the ground's, not the job's start.
_GROUND = re.compile(r"(?<![可所难加予])以(?![来后前上下内及外便免])|因为|由于")


# The injury limit runs against the worker only when the injury was never reported or recognised.
_UNREPORTED = re.compile(
    r"(没|不|未|没有)(给|去|帮我|帮)?(报|申请|认定|上报|认(?![识为真可])|办(?!法))|还能(申请|认定|报)|来得及|(?:自己|本人)(去)?申请"
)
_LAST_MONTH = re.compile(r"上上?个?月")
_NOW_MONTH = re.compile(r"现在(?:都|已经|是|都已经|已)?(?:今年)?(\d{1,2}|[一二三四五六七八九十]{1,2})月")


@dataclass(frozen=True)
class TimeLimitFinding:
    limit: str  # 仲裁时效 | 工伤认定申请期限
    days_left_min: int  # earliest reading of the dates
    days_left_max: int  # latest reading
    text: str

    @property
    def passed(self) -> bool:
        return self.days_left_max <= 0

    @property
    def days_left(self) -> int:
        return max(0, (self.days_left_min + self.days_left_max) // 2)


def months_ago(now: date, months: float) -> date:
    whole = int(months)
    return add_months(now, -whole) - timedelta(days=round((months - whole) * 30.44))


def reference_today(texts: list[str], today: date) -> date:
    """ "现在都今年2月了" moves the reference date to that month (the worker's own account of now)."""
    for text in reversed(texts):
        m = _NOW_MONTH.search(text)
        if m:
            month = int(parse_number(m.group(1)) or 0)
            if 1 <= month <= 12:
                return date(today.year, month, min(today.day, 28))
    return today


# The weeks around a festival of the solar calendar or of the lunar one in the solar months it falls in.
_FESTIVALS = {
    "国庆": ((9, 15), (10, 20)),
    "五一": ((4, 15), (5, 20)),
    "劳动节": ((4, 15), (5, 20)),
    "中秋": ((9, 1), (10, 15)),
    "端午": ((5, 20), (6, 30)),
    "清明": ((3, 20), (4, 20)),
    "元旦": ((1, 1), (1, 15)),
}


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _date_range(m: re.Match[str], today: date) -> tuple[date, date] | None:
    digits, relative, month_text, special = m.group(1), m.group(2), m.group(3), m.group(4)
    if relative == "今年" and not month_text and not special:
        return None  # 今年 alone says nothing useful
    offset = {"去年": 1, "上一年": 1, "前年": 2, "大前年": 3, "今年": 0}.get(relative or "", 0)
    year = int(digits) if digits else today.year - offset
    if digits and len(digits) == 2:
        year += 2000
    if not 1990 <= year <= today.year:
        return None
    if month_text:
        month = int(parse_number(month_text) or 0)
        return _month_range(year, month) if 1 <= month <= 12 else None
    if special in ("年底", "年末"):
        return date(year, 11, 15), date(year, 12, 31)
    if special == "腊月":  # the last lunar month: December to mid-February
        return date(year, 12, 1), min(date(year + 1, 2, 15), today)
    if special in ("年初", "年头", "春节", "过年", "正月"):
        return date(year, 1, 1), date(year, 2, 28)
    # Seasons (前年秋天): spring March–May, summer June–August, autumn September–November, winter
    # December to February.
    if special == "春天":
        return date(year, 3, 1), date(year, 5, 31)
    if special == "夏天":
        return date(year, 6, 1), date(year, 8, 31)
    if special == "秋天":
        return date(year, 9, 1), date(year, 11, 30)
    if special == "冬天":
        return date(year, 12, 1), min(date(year + 1, 2, 28), today)
    if special == "上半年":
        return date(year, 1, 1), date(year, 6, 30)
    if special == "下半年":
        return date(year, 7, 1), date(year, 12, 31)
    if special == "年中":
        return date(year, 5, 1), date(year, 8, 31)
    # Session 14: a festival dates the event to its weeks (2025年国庆前被辞退): a range around it, before or after.
    if special in _FESTIVALS:
        (m1, d1), (m2, d2) = _FESTIVALS[special]
        return date(year, m1, d1), date(year, m2, d2)
    if special in ("这个时候", "这时候", "这会儿", "这个月"):
        anchor = date(year, today.month, min(today.day, 28))
        return anchor - timedelta(days=15), anchor + timedelta(days=15)
    return date(year, 1, 1), date(year, 12, 31)


def _elapsed_months(m: re.Match[str], n_group: int) -> tuple[float, float] | None:
    """(min, max) months elapsed for a duration match whose number is group ``n_group``."""
    groups = m.groups()
    qual = groups[n_group - 1] if n_group >= 2 else None
    n = parse_number(groups[n_group])
    if n is None:
        return None
    more, unit, tail = groups[n_group + 2], groups[n_group + 3], groups[n_group + 4]
    extra = groups[n_group + 5] if len(groups) > n_group + 5 else None
    months = n * (12 if unit == "年" else 1)
    step = 12.0 if unit == "年" else 1.0
    if tail == "半" or more == "半":
        months += step / 2
        more = None
    if extra:  # 一年零三个月: exact to the month
        months += parse_number(extra) or 0
        step = 1.0
    if qual:  # 快一年, 下周就满一年: not yet there
        return max(0.0, months - 1), months
    if more or tail == "多":
        return months, months + step
    return months, months + (1 if unit == "年" else step)


def _last_event(text: str, before: int) -> re.Match[str] | None:
    last = None
    for m in EVENT.finditer(text, 0, before):
        last = m
    return last


def find_time_limits(
    texts: list[str], today: date, arbitration_months: int, injury_months: int
) -> list[TimeLimitFinding]:
    """How much is left of the one-year arbitration limit (劳动争议调解仲裁法第二十七条, from the end
    of employment for pay owed) or of the worker's one-year 工伤认定 application limit, read from the
    dates and durations in the conversation. A date counts only in a clause with an event: 离职,
    辞退, 出事, 工伤 ….

    A tenure (在厂里干了快一年) or a contract date (合同去年年底满了) is no event and reads as nothing."""
    now = reference_today(texts, today)
    findings: list[TimeLimitFinding] = []

    def finding(kind: str, earliest: date, latest: date, evidence: str) -> None:
        months = arbitration_months if kind == "term" else injury_months
        label = "仲裁时效" if kind == "term" else "工伤认定申请期限"
        left_min = (add_months(earliest, months) - now).days
        left_max = (add_months(latest, months) - now).days
        findings.append(TimeLimitFinding(label, left_min, left_max, evidence))

    unreported = any(_UNREPORTED.search(t) for t in texts)
    for text in texts:
        for sentence in SENTENCE_SPLIT.split(text):
            for m in _EVENT_COMMA_DURATION.finditer(sentence):
                kind = "term" if m.group("term") else "inj"
                if kind == "inj" and not unreported:
                    continue
                span = _elapsed_months(m, 3)
                if span:
                    finding(kind, months_ago(now, span[1]), months_ago(now, span[0]), m.group(0))
        for sentence in SENTENCE_SPLIT.split(text):
            # 开除到现在差一个月就满一年了, 摔断了腿，到今天差一个月满一年: the ending or the injury
            # before it in the sentence.
            for m in _SHORT_OF.finditer(sentence):
                event = _last_event(sentence, m.start())
                short, years = parse_number(m.group(1)), parse_number(m.group(4))
                if event is None or short is None or not years:
                    continue
                kind = "term" if event.group("term") else "inj"
                if kind == "inj" and not unreported:
                    continue
                left = short * _SHORT_UNIT_MONTHS[m.group(3)]
                vague = left * (0.5 if m.group(2) else 0.0)  # 二十来天: twenty and some
                elapsed = years * 12 - left
                finding(
                    kind, months_ago(now, elapsed), months_ago(now, max(0.0, elapsed - vague)), m.group(0)
                )
        for clause in CLAUSE_SPLIT.split(text):
            event = EVENT.search(clause)
            if not event:
                continue
            kind = "term" if event.group("term") else "inj"
            if kind == "inj" and not unreported:
                continue
            for m in _EVENT_THEN_DURATION.finditer(clause):
                # groups: term, inj, qualifier, number, 个, 多, unit, tail
                span = _elapsed_months(m, 3)
                if span:
                    finding(kind, months_ago(now, span[1]), months_ago(now, span[0]), m.group(0))
            for m in _EVENT_AFTER_PASSED.finditer(clause):
                span = _elapsed_months(m, 3)
                if span:
                    finding(kind, months_ago(now, span[1]), months_ago(now, span[0]), m.group(0))
            for m in _DURATION_THEN_EVENT.finditer(clause):
                n = parse_number(m.group(1))
                if n is None:
                    continue
                months = n * (12 if m.group(4) == "年" else 1) + (6 if m.group(5) == "半" else 0)
                longest = months + (12 if m.group(4) == "年" and m.group(3) else 1)
                if m.group(6) and (extra := parse_number(m.group(6))) is not None:
                    months += extra
                    longest = months + 1
                finding(kind, months_ago(now, longest), months_ago(now, months), m.group(0))
            for m in _DATE.finditer(clause):
                if _job_date(clause, m, event):
                    continue
                span = _date_range(m, now)
                if span:
                    finding(kind, span[0], span[1], m.group(0))
            last = _LAST_MONTH.search(clause)
            if last:
                first = add_months(now.replace(day=1), -(2 if "上上" in last.group(0) else 1))
                finding(kind, first, _month_range(first.year, first.month)[1], last.group(0))
        for date_m, event, words in _dates_before_event(text):
            kind = "term" if event.group("term") else "inj"
            if kind == "inj" and not unreported:
                continue
            span = _date_range(date_m, now)
            if span:
                finding(kind, span[0], span[1], words)
    return findings


# A date that tells the job's span or the pay's period, not an event (2011年7月至今在外企上班, 2017年1月和2月的工资).
_PREAMBLE_NOT_EVENT = re.compile(
    r"至今|到现在|以来|开始|入职|进(?:的|了)?(?:公司|厂|单位|店)|上班|工作|干活|干了|做了|工资|工钱|合同|社保"
)
# An ending threatened, supposed, asked about or happening now (威胁我们辞职, 如果辞职, 公司现在要跟我协商解除),
# not told as done at the date.
_PREAMBLE_NOT_DONE = re.compile(
    r"威胁|逼|如果|要是|假如|万一|会不会|打算|准备|想|现在|正在|马上|要(?:跟|和|与|把)"
)


def _dates_before_event(text: str, reach: int = 2) -> Iterator[tuple[re.Match[str], re.Match[str], str]]:
    """A date told first and its event a clause or two later in the same sentence (去年十二月初厂里说我们
    线上的人不需要了，直接把我辞退了): the long preamble of a forum question. Only where the date's own
    clause holds no event (the clause reading above has it then) and no other date comes between."""
    for sentence in SENTENCE_SPLIT.split(text):
        clauses = [c for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
        for i, clause in enumerate(clauses):
            if EVENT.search(clause):
                continue
            date_m = next(_DATE.finditer(clause), None)
            if date_m is None or _PREAMBLE_NOT_EVENT.search(clause):
                continue
            for later in clauses[i + 1 : i + 1 + reach]:
                if _DATE.search(later) or _PREAMBLE_NOT_DONE.search(later):
                    break
                if event := EVENT.search(later):
                    yield date_m, event, f"{clause}，{later}"
                    break


def fact_time_limits(
    facts: CaseFacts, texts: list[str], today: date, arbitration_months: int, injury_months: int
) -> list[TimeLimitFinding]:
    """The same limits counted from the consultation layer's dates (assistant/consult/facts.py), which
    read endings and injuries in more words (去年12月底走的, 2025年10月被叉车撞了): the end of the job
    for the arbitration limit; the injury for the worker's own 工伤认定 application, only when it was
    never reported or recognised. A date known to its month or year is a range (``Fact.until``), so a
    limit that falls inside it is read as near, not as passed."""
    findings: list[TimeLimitFinding] = []
    if reference_today(texts, today) != today:
        return findings  # 现在都今年2月了: the facts' relative dates were read against another "now"
    unreported = any(_UNREPORTED.search(t) for t in texts)
    for name, label, months in (
        ("end_date", "仲裁时效", arbitration_months),
        ("injury_date", "工伤认定申请期限", injury_months),
    ):
        fact = facts.facts.get(name)
        if fact is None or not isinstance(fact.value, str):
            continue
        if name == "injury_date" and (not unreported or facts.get("injury_stage") == "recognised"):
            continue
        try:
            earliest = date.fromisoformat(fact.value)
            latest = date.fromisoformat(fact.until) if fact.until else earliest
        except ValueError:
            continue
        if earliest > today:
            continue
        words = fact.words.split("…")[0]
        left_min = (add_months(earliest, months) - today).days
        left_max = (add_months(min(latest, today), months) - today).days
        findings.append(TimeLimitFinding(label, left_min, left_max, words))
    return findings
