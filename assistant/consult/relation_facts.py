"""The facts a verdict turns on where the worker usually tells them in passing (session 7, issue 13).

A guide may open with 能认定劳动关系 / 不用再遵守竞业限制 / 试用期约定得不合法 only when the worker has said
the facts its branches turn on; otherwise it says what the answer depends on and asks one question. These
readers give the guides those facts:

- ``control_signs`` (how many of the groups of labour management were told: the hours and orders set by
  the company, attendance, rules and fines, pay settled monthly, the company's uniform or vehicle, work
  for it alone) and ``autonomy`` (the worker decides when and whether to work) — the elements of
  劳社部发〔2005〕12号 第一条 and the platform factors;
- ``nc_comp_paid``, ``nc_unpaid_months``, ``months_since_left`` and ``position_level`` for a
  non-compete (解释（一）第三十六至三十九条, 劳动合同法24, 解释（二）第十三条);
- ``training_named`` (training or a service period spoken of) and ``training_kind`` (special training the employer paid for, or the ordinary training every employer
  owes) for a training bond (劳动合同法22, 实施条例16, 劳动法68);
- ``probation_months``, ``contract_term_months`` and ``probation_cause_unproven`` (劳动合同法19, 21, 39);
- ``overtime_arranged`` (the employer arranged it, or the worker stayed of their own accord) and
  ``overtime_approval_rule`` (the rules require an approval);
- ``transfer_clause`` (the contract lets the employer adjust post or place) and ``transfer_kind`` (``harsh``:
  pay cut, punitive or out of reach; ``mild``: pay kept and within reach) for a transfer (劳动合同法 29, 35).

Cue words live in corpus/consult/facts.toml ([relation], [covenant], [training], [probation_terms],
[overtime_rule], [transfer]); this module knows only the shapes (a sign not negated just before it, a duration after a
cue). Pure: called by assistant/consult/facts.py with the message and a ``put`` for each reading."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from assistant.consult.numbers import CN_CHARS, duration_at, money_at, parse_cn_number

if TYPE_CHECKING:
    from assistant.consult.facts import CaseFacts

Put = Callable[..., None]

RELATION_FACT_NAMES = frozenset(
    {
        "control_signs",
        "autonomy",
        "nc_comp_paid",
        "nc_unpaid_months",
        "nc_named",
        "nc_term_months",
        "nc_term_over",
        "months_since_left",
        "position_level",
        "training_kind",
        "training_named",
        # Session 14 (class "training cost / service period"): the sum the employer paid for the training,
        # the service period agreed (months), the penalty demanded, and the cap of 劳动合同法 22(2) derived from
        # them with the months served (facts.py).
        "training_cost",
        "bond_months",
        "penalty_demanded",
        "training_penalty_cap",
        "bond_months_left",
        "probation_months",
        "contract_term_months",
        "probation_cause_unproven",
        "overtime_arranged",
        "overtime_approval_rule",
        "transfer_clause",
        "transfer_kind",
    }
)
# The groups of labour management, each counted once (facts.toml [relation]).
CONTROL_GROUPS = ("schedule", "attendance", "discipline", "pay", "identity", "exclusive")
# The groups that show management of the work itself (the others only support it).
MANAGEMENT_GROUPS = ("schedule", "attendance", "discipline", "exclusive")

_CLAUSE = re.compile(r"[,，;；。!！?？\n…]+")
# A negation just before a sign: 没有人给我排班, 也没罚款制度, 不用打卡, 从来不考勤.
# 根本没接触过商业秘密, 不能自己决定, 不用参加早会: a verb may stand between the negation and the sign.
_NEGATED = re.compile(
    r"(?:没有?|不|无|未|不用|不需要|用不着|从不|从来不|从没|不能|不可以|不让|不准|不许)(?:人|谁)?"
    r"(?:给我们?|给|管|要求|用|再|参加|开|接触过?|碰过|掌握|知道)?$"
)
# Pay settled by the company by the month: 每个月站点统一发, 每月由外包公司发钱, 公司每月给我发底薪.
_MONTHLY_PAY = re.compile(r"(?:每个?月|按月|月底|月初|月结)[^，。,；;]{0,10}?(?:发|结|给|打|付)")
# The worker's own say told in shapes a word list cannot hold (session 13, class S): 想接就接, 想拉就拉 (a verb of
# the work doubled; not 想走就走, which is about leaving), a van of their own (自己的小货车: an own e-bike is
# common among managed riders too, so it is no sign), work on several apps at once (两个拉货APP).
_OWN_SAY = re.compile(
    r"想(?P<v>[接跑拉送开播干做出])就(?P=v)"
    r"|(?:自己|自家)的(?:小|旧|二手)?(?:货车|面包车|小货车)"
    r"|(?:两|几|好几|多|三|四)个[^，。,；;]{0,4}?(?:平台|app|软件)",
    re.IGNORECASE,
)
_NUM = rf"(?:\d+(?:\.\d+)?|[{CN_CHARS}几半]+)"
# 花了6000 / 花费两万 / 费用8000: a sum spent, read only beside the training it paid for (RelationReader._cost).
_SPENT = re.compile(r"(?:花了|花费了?|费用(?:是|为|一共|共)?|一共花了?|总共花了?)")
_TERM_AFTER = re.compile(r"\s*(?:内|之内|以内|里|不能|不得|不准|不许|不可以|禁止|都不)")


class _Lexicon(Protocol):
    def words(self, section: str, key: str) -> tuple[str, ...]: ...

    def pattern(self, section: str, key: str) -> str: ...


def _clauses(text: str) -> Iterable[str]:
    return (c for c in _CLAUSE.split(text) if c.strip())


def _negated(text: str, start: int) -> bool:
    return bool(_NEGATED.search(text[max(0, start - 6) : start]))


class RelationReader:
    """Reads the relation, covenant, training, probation and overtime-rule facts of one message."""

    def __init__(self, lex: _Lexicon) -> None:
        self._groups = {g: re.compile(lex.pattern("relation", g)) for g in CONTROL_GROUPS}
        self._autonomy = re.compile(lex.pattern("relation", "autonomy"))
        self._nc_topic = re.compile(lex.pattern("covenant", "topic"))
        self._nc_comp = re.compile(lex.pattern("covenant", "compensation"))
        self._nc_unpaid = re.compile(lex.pattern("covenant", "unpaid"))
        self._nc_paid = re.compile(lex.pattern("covenant", "paid"))
        self._senior = re.compile(lex.pattern("covenant", "senior"))
        self._ordinary = re.compile(lex.pattern("covenant", "ordinary"))
        left = lex.pattern("covenant", "left")
        # 离职四个月了 / 辞职都半年了 / 走了一年多: the time since the worker left.
        self._left = re.compile(
            rf"(?:{left})(?:了|已经|都|快|有|差不多|大概|将近)*(?={_NUM}\s*个?\s*多?\s*(?:年|个?月|周|天))"
        )
        # The restriction's term: 签了两年竞业 / 竞业限制期限为一年 / 竞业协议签的两年 / 离职后两年内不能去同行.
        # The number is read at the group's start (numbers.duration_at).
        topic = lex.pattern("covenant", "topic")
        self._nc_term = re.compile(
            rf"(?P<a>{_NUM})\s*(?:年半?|个?\s*半?\s*月)(?:的)?(?:{topic})"
            rf"|(?:{topic})(?:限制|协议|条款|约定)?(?:期限|期|时间)?(?:签的|签了|约定的?|定的|定了|写的|写了|是|为|有|长达|签)*"
            rf"(?P<b>{_NUM})\s*(?:年|个?\s*月)"
            rf"|离职(?:后|以后|之后)?(?P<c>{_NUM})\s*(?:年|个?\s*月)(?:内|之内|以内)"
        )
        # 三个月没给补偿 / 补偿有四个月没发: months of compensation unpaid, told as such.
        unpaid = lex.pattern("covenant", "unpaid")
        self._nc_months = re.compile(
            rf"(?P<a>{_NUM})\s*个?\s*多?\s*月(?:了)?(?:都|也|一直)?(?:{unpaid})"
            rf"|(?:补偿|竞业金)[^，。]{{0,4}}?(?:有|已经|都)?(?P<b>{_NUM})\s*个?\s*多?\s*月(?:都|也)?(?:{unpaid})"
        )
        # 连着两个月没发工资 / 三个月没给工钱: the months first, then the owing, then the pay (the core
        # reader takes 工资拖了三个月 and 三个月的工资没发; this shape is told as often).
        # Session 29: not months named as a threshold the pay hangs on (没干满三个月不给工资, facts.py _arrears).
        self._months_unpaid = re.compile(
            rf"(?<![满够到])(?P<n>{_NUM})\s*个?\s*(?P<more>多)?\s*月(?:了|都|也|一直|连续|连着)*"
            rf"(?:{lex.pattern('arrears', 'owed')})(?:发|给|结)?(?:我|我们|俺)?(?:的)?(?:{lex.pattern('arrears', 'month_words')})"
        )
        self._special = re.compile(lex.pattern("training", "special"))
        # 培训费6000 / 培训花了两万 / 公司出了8000块培训费 / 培训费用一共1.2万: the sum the training cost (a sum
        # needs a unit or three digits, numbers.money_at).
        self._training_cost = re.compile(
            r"(?:培训费用?|培训(?:一共|总共|共)?(?:花了?|花费了?|用了)|(?:花|出|付|掏)了?(?=[^，。,；;]{0,8}培训))"
            r"(?:是|为|一共|总共|共|大概|约|了|有)*"
        )
        self._cost_before = re.compile(r"(?:出了|花了|付了|掏了)(?=[^，。,；;]{0,12}培训费)")
        # 服务期3年 / 约定服务期两年 / 签了5年服务期 / 服务期为36个月: the period agreed.
        self._bond = re.compile(
            rf"服务期(?:约定|签了|签的|定了|定的|是|为|有|要|写的|写了|签|定)*(?P<a>{_NUM})\s*(?:年|个?\s*月)"
            rf"|(?P<b>{_NUM})\s*(?:年|个?\s*月)(?:的)?服务期"
        )
        # 违约金2万 / 要我赔2万违约金 / 让我交3万块违约金: the penalty the employer demands.
        self._penalty = re.compile(
            r"违约金(?:是|为|要|有|一共|共|高达|足足)*|(?:赔|交|付|给|拿出?)(?=[^，。,；;]{0,6}违约金)"
        )
        self._general = re.compile(lex.pattern("training", "general"))
        self._training_topic = re.compile(r"培训|服务期|进修|深造|考证|证书")
        self._probation = re.compile(
            rf"试用期(?:定了|定的|约定|签了|签的|写了|写的|是|为|有|要|长达|居然|竟然|给了|搞了|规定)*\s*(?P<a>{_NUM})\s*个?\s*月(?P<ah>半)?"
            rf"|试用期(?:定了|是|为|要|有)?半年"
            rf"|(?P<b>{_NUM})\s*个?\s*月(?P<bh>半)?(?:的)?试用期"
        )
        self._term = re.compile(
            rf"合同(?:签了|签的|签|是|期限是|期限|期|为|定了)?\s*(?P<a>{_NUM})\s*年(?!\d)"
            rf"|签了?(?:一份)?\s*(?P<b>{_NUM})\s*年(?:的|期的?)?(?:劳动)?合同"
            rf"|(?P<c>{_NUM})\s*年(?:的|期的?|期)?(?:劳动)?合同"
            rf"|(?P<d>{_NUM})\s*个\s*月(?:的)?(?:劳动)?合同"
        )
        self._unproven = re.compile(lex.pattern("probation_terms", "unproven"))
        who = lex.pattern("overtime_rule", "arranged_by")
        verb = lex.pattern("overtime_rule", "arranged_verb")
        self._arranged = re.compile(
            # 公司不让加班 forbids it: a negation just before the verb is not an arrangement.
            rf"(?:{who})[^，。,]{{0,6}}?(?<![不没别])(?:{verb})[^，。,]{{0,10}}?"
            rf"(?:加班|{lex.pattern('overtime_rule', 'stay')})|{lex.pattern('overtime_rule', 'arranged')}"
        )
        self._voluntary = re.compile(lex.pattern("overtime_rule", "voluntary"))
        self._approval = re.compile(lex.pattern("overtime_rule", "approval"))
        self._transfer = re.compile(lex.pattern("transfer", "topic"))
        self._transfer_clause = re.compile(lex.pattern("transfer", "clause"))
        self._transfer_harsh = re.compile(lex.pattern("transfer", "harsh"))
        self._transfer_mild = re.compile(lex.pattern("transfer", "mild"))

    def read(self, text: str, put: Put) -> None:
        if hit := self._months_unpaid.search(text):
            months = parse_cn_number(hit.group("n").replace("几", "三"))
            if months is not None and 0 < months <= 60:
                put("unpaid_months", months, hit.group(0), bool(hit.group("more")) or "几" in hit.group("n"))
        self._relation(text, put)
        self._covenant(text, put)
        self._training(text, put)
        self._probation_terms(text, put)
        self._overtime_rule(text, put)
        self._transfer_terms(text, put)

    # --- a labour relation -----------------------------------------------------------------------

    def _relation(self, text: str, put: Put) -> None:
        signs: list[str] = []
        groups: list[str] = []
        for group, pattern in self._groups.items():
            hit = next((h for h in pattern.finditer(text) if not _negated(text, h.start())), None)
            if hit is None and group == "pay":
                hit = next(
                    (h for h in _MONTHLY_PAY.finditer(text) if not re.search(r"不|没", h.group(0))), None
                )
            if hit is not None:
                signs.append(hit.group(0))
                groups.append(group)
        if signs:
            # Pay and the uniform support a relation only beside management of the work itself.
            count = len(signs) if set(groups) & set(MANAGEMENT_GROUPS) else 1
            put("control_signs", count, "、".join(signs))
        for clause in _clauses(text):
            hits = [*self._autonomy.finditer(clause), *_OWN_SAY.finditer(clause)]
            # 不能自己决定什么时候上线: one negated sign turns the whole clause round.
            if hits and not any(_negated(clause, h.start()) for h in hits):
                put("autonomy", True, hits[0].group(0))
                break

    # --- a non-compete -----------------------------------------------------------------------------

    def _covenant(self, text: str, put: Put) -> None:
        for hit in self._left.finditer(text):
            d = duration_at(text, hit.end())
            # 离职两年内不能去同行 is the restriction's term, not the time since leaving.
            if d is not None and not _TERM_AFTER.match(text, d.end):
                put("months_since_left", round(d.months, 1), text[hit.start() : d.end], d.approximate)
                break
        if not self._nc_topic.search(text):
            return
        put("nc_named", True, self._nc_topic.search(text).group(0))
        for hit in self._nc_term.finditer(text):
            start = hit.start(next(g for g in ("a", "b", "c") if hit.group(g)))
            d = duration_at(text, start)
            if d is not None and 0 < d.months <= 60:
                put("nc_term_months", round(d.months, 1), hit.group(0), d.approximate)
                break
        if hit := self._nc_months.search(text):
            raw = hit.group("a") or hit.group("b")
            months = 6.0 if raw == "半" else parse_cn_number(raw.replace("几", "三"))
            if months is not None and 0 < months <= 36:
                put("nc_unpaid_months", months, hit.group(0), "几" in raw)
        clauses = list(_clauses(text))
        for index, clause in enumerate(clauses):
            if self._nc_comp.search(clause) is None:
                continue
            # 补偿说下个月一起给，这个月还没给: the payment may be told in the clause that follows.
            clause = "，".join(clauses[index : index + 2])
            if self._nc_unpaid.search(clause):
                put("nc_comp_paid", False, clause.strip())
                break
            if self._nc_paid.search(clause):
                put("nc_comp_paid", True, clause.strip())
                break
        senior = next((h for h in self._senior.finditer(text) if not _negated(text, h.start())), None)
        ordinary = self._ordinary.search(text)
        if senior is not None:
            put("position_level", "senior", senior.group(0))
        elif ordinary is not None:
            put("position_level", "ordinary", ordinary.group(0))

    # --- a training bond ---------------------------------------------------------------------------

    def _training(self, text: str, put: Put) -> None:
        if (topic := self._training_topic.search(text)) is None:
            return
        put("training_named", True, topic.group(0))
        # The ordinary training named wins: 入职培训 that the employer calls 培训费 is still ordinary.
        if hit := self._general.search(text):
            put("training_kind", "general", hit.group(0))
        elif hit := self._special.search(text):
            put("training_kind", "special", hit.group(0))
        if (cost := self._cost(text)) is not None:
            put("training_cost", cost[0], cost[1], cost[2])
        if hit := self._bond.search(text):
            group = "a" if hit.group("a") else "b"
            term = duration_at(text, hit.start(group))
            if term is not None and 0 < term.months <= 240:
                put("bond_months", round(term.months, 1), hit.group(0), term.approximate)
        for hit in self._penalty.finditer(text):
            demanded = money_at(text, hit.end())
            if demanded is not None and 100 <= demanded.yuan <= 10_000_000:
                put("penalty_demanded", demanded.yuan, hit.group(0) + demanded.text, demanded.approximate)
                break

    def _cost(self, text: str) -> tuple[float, str, bool] | None:
        """The training's cost: after 培训费 / 培训花了 / 出了…培训费, or a bare 花了 in the clause that names the
        training or the one right after it (送我去外地培训了半个月，花了6000)."""
        for pattern in (self._training_cost, self._cost_before):
            for hit in pattern.finditer(text):
                cost = money_at(text, hit.end())
                if cost is not None and 100 <= cost.yuan <= 10_000_000:
                    return cost.yuan, hit.group(0) + cost.text, cost.approximate
        clauses = list(_clauses(text))
        for i, clause in enumerate(clauses):
            if "培训" not in clause and (i == 0 or "培训" not in clauses[i - 1]):
                continue
            for hit in _SPENT.finditer(clause):
                cost = money_at(clause, hit.end())
                if cost is not None and 100 <= cost.yuan <= 10_000_000:
                    return cost.yuan, hit.group(0) + cost.text, cost.approximate
        return None

    # --- the probation terms -----------------------------------------------------------------------

    def _probation_terms(self, text: str, put: Put) -> None:
        if hit := self._probation.search(text):
            raw = hit.group("a") or hit.group("b")
            months = 6.0 if raw is None else parse_cn_number(raw)
            if months is not None and 0 < months <= 24:
                if hit.group("ah") or hit.group("bh"):
                    months += 0.5
                put("probation_months", months, hit.group(0))
        for hit in self._term.finditer(text):
            # The term read whole from where its number starts: 半年, 一年半, 3年, 6个月.
            group = next(g for g in ("a", "b", "c", "d") if hit.group(g))
            term = duration_at(text, hit.start(group))
            if term is not None and 0 < term.months <= 240:
                put("contract_term_months", round(term.months, 1), hit.group(0), term.approximate)
                break
        if "试用" in text and (hit := self._unproven.search(text)):
            put("probation_cause_unproven", True, hit.group(0))

    # --- overtime without the approval the rules require ------------------------------------------

    def _overtime_rule(self, text: str, put: Put) -> None:
        if "加班" not in text:
            return
        if hit := self._voluntary.search(text):
            put("overtime_arranged", False, hit.group(0))
        elif hit := self._arranged.search(text):
            put("overtime_arranged", True, hit.group(0))
        if hit := self._approval.search(text):
            put("overtime_approval_rule", True, hit.group(0))

    # --- a transfer the contract may allow ----------------------------------------------------------

    def _transfer_terms(self, text: str, put: Put) -> None:
        if not self._transfer.search(text):
            return
        if hit := self._transfer_clause.search(text):
            put("transfer_clause", True, hit.group(0))
        # A cut, a punishment or a far place decides against the transfer whatever else is kept.
        for pattern, kind in ((self._transfer_harsh, "harsh"), (self._transfer_mild, "mild")):
            hit = next((h for h in pattern.finditer(text) if not _negated(text, h.start())), None)
            if hit is not None:
                put("transfer_kind", kind, hit.group(0))
                break


def derived(record: CaseFacts) -> list[tuple[str, Any, str, str]]:
    """Facts that follow from others: the months since leaving from the end date, and the months of
    non-compete compensation unpaid when none was ever paid (paid monthly from the day the worker left).
    Each as (name, value, the fact it came from, how)."""
    out: list[tuple[str, Any, str, str]] = []
    since = record.get("months_since_left")
    end = record.date("end_date")
    if since is None and end is not None and end <= record.today:
        since = round(_months_between(end, record.today), 1)
        out.append(("months_since_left", since, "end_date", "按离职日期推算到今天"))
    term = record.get("nc_term_months")
    if isinstance(term, (int, float)) and since is not None:
        # The restriction ends when its term has run from the day the worker left (劳动合同法 24(2)): after
        # that the worker is free, whatever was or was not paid.
        out.append(("nc_term_over", since >= term, "nc_term_months", "离职时间已超过约定的竞业期限"))
    if record.get("nc_comp_paid") is False and record.get("nc_unpaid_months") is None and since is not None:
        source = "months_since_left" if record.has("months_since_left") else "end_date"
        # Compensation is owed only for the months of the restriction, not for the time after it ended.
        months = min(since, term) if isinstance(term, (int, float)) else since
        out.append(("nc_unpaid_months", months, source, "离职后一直没付，按离职时间计（不超过竞业期限）"))
    return out


def _months_between(first: date, last: date) -> float:
    return (last.year - first.year) * 12 + (last.month - first.month) + (last.day - first.day) / 30.44
