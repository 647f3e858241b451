"""The worker's facts: what decides a labour case, read from the conversation into a structured record.

Each fact keeps the words it came from and the message it was read in, so an answer can say "你说月薪
4350" and a lawyer can check the reading. Later messages override earlier ones (a follow-up corrects
or completes the story; the answer to a clarifying question fills the fact that was asked for).

The names are the contract with the worker tools (assistant/tools/: a tool's input fields are fact
names) and with the page, which pre-fills a calculator from the chat response's ``facts``. Cue words
live in corpus/consult/facts.toml; this module only knows the shapes: a cue next to a sum, a duration
or a date, within one clause."""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.finger_grade import estimate as finger_estimate
from assistant.consult.numbers import (
    CN_CHARS,
    DateRead,
    Duration,
    Money,
    duration_at,
    find_dates,
    find_durations,
    money_at,
    parse_cn_number,
)
from assistant.consult.places import read_place
from assistant.consult.relation_facts import RELATION_FACT_NAMES, RelationReader, derived
from assistant.negation import denied_before
from assistant.privacy import strip_identifiers

FactValue = float | int | bool | str
# The note of a working life read as years with an earlier employer (added to the years here).
EARLIER_EMPLOYER = "此前单位的年限"
# Session 22: a term's length read from the rhythm of signing (一年一签, 每两年签一次), not from a count of contracts.
TERM_RHYTHM = "按签合同的周期"
CLAUSE = re.compile(r"[,，;；。!！?？\n…]+")
_QUOTED = re.compile(r"“[^”]{1,30}”|\"[^\"]{1,30}\"|「[^」]{1,30}」|‘[^’]{1,30}’|『[^』]{1,30}』")

# A count right after "per week / per month" (一周干六天, 每个月休四天, 一星期上五天班) is a schedule.
_PER_PERIOD = re.compile(
    r"(?:一|每|每一|每个|一个)(?:周|星期|礼拜|月)[^,，。了\d一二三四五六七八九十两几]{0,3}$"
)
# The stages a dispute passes through, in order (corpus/consult/facts.toml [stage], corpus/consult/stages.toml).
DISPUTE_STAGES = (
    "complaint",
    "arbitration",
    "mediation",
    "award",
    "judgment_first",
    "judgment_final",
    "enforcement",
)
# The note of a date read from a resignation handed in (提出离职): not shown back as the day the worker left.
HANDED_IN_NOTE = "提出离职的日子，不是离开单位的日子"
# Facts whose values are dates (ISO strings in the record).
DATE_FACTS = ("start_date", "end_date", "injury_date", "death_date", "award_date", "knew_date")
# Every fact name the extractor can produce (guides' conditions may use only these and the tools'
# quantities; tests/assistant/consult/test_guides.py checks it).
FACT_NAMES = frozenset(
    {
        *DATE_FACTS,
        "monthly_wage",
        "average_monthly_wage",
        "daily_wage",
        "service_months",
        "days_worked",
        "cumulative_work_years",
        "leave_days_taken",
        "unused_leave_days",
        "monthly_deduction",
        "overtime_kind",
        "overtime_hours_per_day",
        "overtime_hours_weekday",
        "overtime_hours_restday",
        "overtime_hours_holiday",
        "daily_hours",
        "work_days_per_week",
        "comp_time",
        "unpaid_amount",
        "unpaid_months",
        "contract_signed",
        "months_without_contract",
        "termination",
        "notice_given",
        "death",
        # Session 16: a death benefit asked about where the safety screen reads no person's death in this case
        # (工伤死亡赔偿标准是多少): answered, with no death banner (assistant/consult/told_events.py).
        "death_not_told",
        # Session 24: the year whose standard is asked, no event dated (2018年…工伤死亡赔偿金是多少).
        "standard_year",
        "injured",
        "finger_loss",  # session 25: a finger named and hurt (食指被切掉一节), no other injury beside it
        # Session 28: the typical grade of the finger injury told (assistant/consult/finger_grade.py, GB/T 16180-2014 items).
        "finger_grade",
        "finger_grade_basis",
        "finger_grade_told",
        "finger_grade_name",
        "finger_grade_months",
        "finger_grade_raised",
        "finger_grade_conditional",
        "fracture",  # session 27: a bone broken or cracked told (肋骨骨折4处, 骨裂), not denied
        # Session 26: an old injury flaring up (旧伤复发): "work" when told as a work injury, else "unknown".
        "injury_recurrence",
        # Session 26: a policy other than 工伤保险 named (意外险, 雇主责任险, 公司买的保险): no substitute for the benefits.
        "commercial_insurance",
        # Session 27: the work exposes the worker to an occupational hazard (接触有害物质, 粉尘大): no ending before
        # the exit health examination (职业病防治法 35; 劳动合同法 42(1)).
        "hazard_work",
        # Session 27: the worker's own vehicle crashed on the road (骑电动车摔倒): a traffic accident, its finding decides.
        "own_vehicle_crash",
        "disability_grade",
        "injury_insurance",
        "province",
        "city",
        "age",
        "asker",
        # Session 16 (employer16): the worker only spoken of in the third person (员工, 王某), no one asking as
        # the worker: the opening says the rule of the worker (员工可以…), not to them.
        "worker_spoken_of",
        "relation",
        "complaint_referred",  # session 15: a hotline or inspection reply sent the matter to arbitration
        "disease_stage",  # session 15: an occupational disease diagnosed
        "award_kind",  # session 15: the award stage held as a mediation statement (调解书)
        "workers_count",
        "violence",
        "threatened",
        "pressure_to_sign",
        "settlement_offered",
        # Session 25: the employer's offer to end the contract told in months of pay (赔偿一个月的工资).
        "offered_months",
        "pregnant",
        # The nursing period told as over (哺乳期早就过了, 哺乳期已满): 劳动合同法 42(4) no longer bars a dismissal on
        # 40/41 grounds; the dismissal still needs a lawful ground (session 14, learn14).
        "nursing_over",
        "in_probation",
        "social_insurance",
        "contract_expired",
        "not_at_work",
        "commute",
        "on_duty_travel",
        "traffic_accident",
        "other_party_at_fault",
        "other_party_share",
        "civil_grade",
        "ill",
        "injury_excluded",
        "employer_kind",
        # Hired off the street (劳务市场, 打零工) by someone not named as a company or a household: who hired
        # decides the route (民法典 1192 or 工伤) and is the question to ask (session 11).
        "casual_hire",
        # Work taken through a platform (骑手, 网约车, 代驾): the labour relation is the first question (session 11).
        "platform_work",
        # How the job ended beyond who ended it (corpus/consult/facts.toml [termination]): the ground the
        # employer gave, who proposed an agreed ending, who declined to renew and on what terms, an
        # open-ended contract, how many fixed-term contracts in a row.
        "ending_ground",
        # The worker stopped going to work, or the employer threatens to count absence as quitting
        # (三天不来算自动离职): the answer's first step is the written notice of 劳动合同法 38 (session 11).
        "stayed_away",
        # An agreement ending the job already signed (签了解除协议, 协议签过字了): what the signature settled is the
        # question, never whether to sign (解释（一）35; session 11).
        "agreement_signed",
        # The trivial conduct named as the ground (玩手机, 顶了几句), in the worker's words, for a sentence.
        "trivial_conduct",
        "proposed_by",
        "ending_negotiating",
        "arbitration_accepted",
        # The worker resigned of their own accord, told (主动辞职, 自行解除, 个人原因): no N unless 38 (session 15).
        "resigned_own_accord",
        "renewal_declined_by",
        "renewal_terms",
        "open_ended",
        "fixed_terms",
        # Session 21: each fixed term's length when told with the count (签了两次合同都是三年), in months.
        "fixed_term_each_months",
        # The stage an injury case has reached (applied / recognised / refused) and out of hospital.
        "injury_stage",
        # The stage a dispute has reached (session 14): complaint, arbitration, mediation, award, judgment_first,
        # judgment_final, enforcement — the furthest told.
        "dispute_stage",
        # The job already left (session 14): told (已经离职, 人已经走了), or an ending that happened (a dismissal,
        # an agreed or expired ending, a resignation handed in, a leaving date past).
        "left_job",
        # A resignation or an agreement signed under the employer's pressure (被逼着写了辞职信): what can undo it
        # (民法典 150, 152), never how to write one (session 14).
        "signed_under_pressure",
        # A receipt, a settlement form or a waiver signed (签了结清单, 收条签了字): "don't sign" is past (session 14).
        "receipt_signed",
        # The months off work for a work injury the worker told (歇了三个月): the 停工留薪期 (session 11).
        "stoppage_months",
        # Session 27: the sentence the months off are told back in — a hospital stay is part of the 停工留薪期,
        # not all of it (facts.toml [injury] stoppage_period*).
        "stoppage_period",
        # Session 27: only part of the pay paid while off for a work injury (按工资的60%发): unlawful (33(1)).
        "treatment_pay_cut",
        # Session 29: the employer cut the pay, told as done and not agreed (工资被降了两千): 劳动合同法 35(1), 38(1)(2).
        "pay_cut",
        # Session 30: the pay fell because less work was done (no overtime, fewer orders): no cut of the agreed pay.
        "pay_fell_less_work",
        # Session 29: an accident named with nothing of work told (意外伤害评了十级): 工伤, a tort or a policy — said first.
        "accident_named",
        # Session 30: what the employer does to an injured worker's treatment (催出院, 让回老家医院治, 不肯再交住院费, 再不
        # 回来上班按旷工, 把病历拿走了): records / transfer / discharge / payment / kept_out / back_to_work (facts.toml [injury]).
        "treatment_interfered",
        # Session 30: which statutory payment an employer's own rule withholds (厂规写着工伤期间不发工资): the rule is void
        # against it (劳动合同法 26(1)(2), 80; facts.toml [withheld_by_rule]).
        "withheld_by_rule",
        "discharged",
        # The facts that decide a case beside how it ended (session 7): the city's average wage that caps
        # severance, how many were laid off out of how many, years with an earlier unit and whether the
        # worker was moved by the employer, the hours of rescue before a death from illness, a suspected
        # occupational disease, a worker near retirement, and the protected status they make
        # (劳动合同法 42) with its words for a sentence.
        "local_average_wage",
        "laid_off_count",
        "staff_count",
        "earlier_employer_months",
        "transferred",
        # Session 21: the employer itself merged, taken over, split or renamed (劳动合同法 33, 34; the years carry
        # over, 实施条例 10) — not a move within one employer.
        "employer_merged",
        "rescue_hours",
        "occupational_disease",
        "near_retirement",
        "protected_status",
        "protected_reason",
        # The employer pushing the worker to resign (让我自己写辞职信): termination reads dismissed.
        "pushed_to_resign",
        # Session 16 (facts16): the employer's ending only meant or announced (公司想辞退我, 说要裁员, 准备跟我解除):
        # the job goes on, so no departure is read from it (no leaving date, no "after you left" steps).
        "dismissal_meant",
        # Session 16 (lead): an agreement to end the job handed over and asked about, nothing said signed.
        "agreement_offered",
        # A student at school on an internship (corpus/consult/facts.toml [status] student_words): the
        # labour relation itself is in doubt (session 8).
        "student_intern",
        # A resignation meant, not yet made (想走, 打算辞职, 如果我辞职): termination reads resigned, as the
        # advice on resigning must, but nothing has ended yet (session 8).
        "leaving_planned",
        # A start before 2008 and the years before it (劳动合同法 97(3)): severance in two segments.
        "started_before_2008",
        # Session 27: the years of service told (no start date) reach back before 2008 (an estimate).
        "served_before_2008",
        "years_before_2008",
        # A resignation handed in (交了辞职信, 已经辞职了): no advice to write one (session 8).
        "resignation_made",
        # The worker says the job goes on (还在上班, 目前在职): its ending is not asked (session 12).
        "still_employed",
        # Session 28: a dismissal threatened on a condition (完不成任务就别来了): not done, the worker keeps working.
        "dismissal_conditional",
        # Session 28: on maternity leave now (在休产假, 产假快结束了): the pay of those months is the maternity allowance.
        "on_maternity_leave",
        # A job applicant not (yet) hired (面试, 应聘, 投了简历): no labour relation, so a refusal is sued in
        # court (就业促进法 62), never taken to arbitration (session 13, class S).
        "applicant",
        # Money paid to an agency, a school or a landlord (中介费, 驾校, 房东): a civil claim with the civil
        # three-year limit in court (民法典 188), not the labour one (session 14, class "which time limit").
        "civil_claim",
        # Labour remuneration claimed (加班费, 提成, 欠工资): the arbitration deadline tool's `wage_claim` — the
        # special limit of 劳动争议调解仲裁法 27(4) (session 14).
        "wage_claim",
        # The employer is an individual business (个体户开的小饭馆): its hands are employees (劳动合同法 2,
        # 工伤保险条例 2), never a platform worker registered as one (session 13, class S).
        "individual_employer",
        # A work injury still under treatment (停工留薪期, 还在养伤): a protected status (session 8).
        "injury_treatment",
        # An age past the latest statutory retirement age that age allows (men's, the latest birth month):
        # the labour contract has ended by law (劳动合同法实施条例 21) whatever the worker's sex (session 9).
        "past_retirement_age",
        # Session 14 (class "retirement age"): the birth year (and month) told, and the statutory retirement
        # age it gives under 国务院关于渐进式延迟法定退休年龄的办法 第一条 — for men, for women whose age was 50 and
        # for women whose age was 55 —, as said to the worker (60岁4个月 / 61岁4个月到61岁6个月).
        "birth_year",
        "birth_month",
        "retire_age_men",
        "retire_age_women_50",
        "retire_age_women_55",
        # Whether that age is reached today, for every birth month the facts allow (unknown when it turns on it).
        "retired_men",
        "retired_women_50",
        "retired_women_55",
        # The worker's sex, told (我是女的, 女职工): women's statutory retirement ages are earlier.
        "female",
        # Insurance paid on too low a base (按最低基数交): the insurance guide still speaks (session 9).
        "insurance_underpaid",
        # Session 27: the monthly base insurance is paid on, told as a figure (保险是按2400交的).
        "insurance_base",
        # Service told only as 一年多 / 好几年: no precise severance figure from it (session 9).
        "service_vague",
        # Several disability grades told (一个九级一个十级): the gravest is disability_grade (session 9).
        "disability_grades",
        # Several grades asked about, not told as one worker's injuries (九级和十级怎么赔): each is answered
        # (session 15, class "several values asked get each").
        "disability_grades_asked",
        # Hourly or part-time work told (小时工, 钟点工, 兼职): its own rules decide the ending, the
        # probation and the pay cycle (劳动合同法 68-72), unless the hours told show full-time work (session 10).
        "part_time",
        # The harm told in a work setting (工地, 车间, 干活时, 工伤): without it, and without an injury, a
        # commute or work on the road, a death is not assumed a work death (session 10).
        "work_setting",
        # The employer asking is a labour contractor (我是包工头): a 工伤 on work subcontracted to one without
        # the standing of an employer is the subcontracting unit's to answer for (session 10).
        "asker_contractor",
        # The boss gone (老板跑了, 联系不上) and a building site: who else pays (the general contractor), never
        # a step that needs the boss at hand (session 10, lawyers' class F4: an invented premise).
        "boss_absconded",
        "building_site",
        # Session 18 (harm18, class "a fee taken at hiring"): money charged to be hired (押金, 服装费, 报名费) —
        # unlawful in itself (劳动合同法 9, 84(2)); a paper signed later is not a settlement of a dismissal.
        "hiring_fee",
        # Session 18 (harm18, class "an agency or a company is not a household"): a household or street-hire word
        # told beside a company, a factory or a labour agency (东家是家公司, 劳务所派我去私人老板的厂子): the
        # employer is that unit (劳动合同法 2, 58), so the household guide does not answer. Session 22 (harm22): so
        # is a company, a shop or a colleague told alone (我同事被公司辞退了).
        "unit_named",
        # A part-timer's pay cycle told (按月结 → over the 15 days of 劳动合同法 72(2); 半个月/每周/日结 → within).
        "pay_cycle_over_15_days",
        # Harm at work done by someone outside the employer (a customer, a driver, a robber): 工伤, with the
        # civil claim against that person alongside (session 10, fix10b).
        "third_party_harm",
        # Pay told owed, with or without a sum: what a claim for the wages owed presumes (session 10, fix10b).
        "wages_owed",
    }
)
# The facts a verdict on a work relation, a non-compete, a training bond, the probation terms or
# unapproved overtime turns on (assistant/consult/relation_facts.py).
FACT_NAMES = FACT_NAMES | RELATION_FACT_NAMES


def latest_retirement_age(age: int, today: date, female: bool = False) -> float:
    """The latest statutory retirement age a worker of this age can have, in years, for the latest birth
    month the age allows: men's when the sex is not known (women's are earlier). 全国人民代表大会常务委员会关于
    实施渐进式延迟法定退休年龄的决定 (2024-09-13, in force 2025-01-01), 附件1: men born from January 1965
    retire one month later for every four months of birth after December 1964, up to 63; women whose age was
    55 (the later of women's two ages), born from January 1970, likewise up to 58 (附件2; 国务院关于渐进式延迟
    法定退休年龄的办法 第一条)."""
    year = today.year - age
    base, first_year = (55, 1970) if female else (60, 1965)
    months_after = (year - first_year) * 12 + 12  # born in December of that year: the latest
    added = 0 if months_after <= 0 else min(36, -(-months_after // 4))
    return base + added / 12


# 国务院关于渐进式延迟法定退休年龄的办法 第一条 (in force 2025-01-01): from the original age, one month later for
# every four months of birth (men from 60, women from 55) or every two months (women from 50), counted from the
# first birth month whose original retirement falls in 2025, up to 3 years (5 for women from 50). The table
# annexed to the decision is not in the store; these are the steps of 第一条 itself. Session 14.
RETIREMENT_STEPS = {
    "men": (60, 1965, 4, 36),
    "women_50": (50, 1975, 2, 60),
    "women_55": (55, 1970, 4, 36),
}


def retirement_delay_months(kind: str, year: int, month: int) -> int:
    """The months added to the original retirement age for a birth in this month (0 before the reform)."""
    base, first_year, every, most = RETIREMENT_STEPS[kind]
    k = (year - first_year) * 12 + (month - 1)
    return 0 if k < 0 else min(most, k // every + 1)


def retirement_age_text(kind: str, first: tuple[int, int], last: tuple[int, int]) -> str:
    """The statutory retirement age for births from ``first`` to ``last`` (year, month), in words:
    60岁4个月, or 61岁4个月到61岁6个月 when the birth month is not known."""
    base = RETIREMENT_STEPS[kind][0]

    def words(months: int) -> str:
        years, rest = divmod(base * 12 + months, 12)
        return f"{years}岁" + (f"{rest}个月" if rest else "")

    low, high = retirement_delay_months(kind, *first), retirement_delay_months(kind, *last)
    if first == last:
        # The birth month told: the month the age is reached (its birthday month, the months added).
        years, rest = divmod(first[0] * 12 + first[1] - 1 + base * 12 + low, 12)
        return f"{words(low)}（也就是{years}年{rest + 1}月）"
    return words(low) if low == high else f"{words(low)}到{words(high)}"


# Words that count injuries before a grade (一个九级一个十级, 还有一处九级): several grades of one worker.
_SEVERAL_INJURIES = re.compile(r"一个|一处|两处|两个|几处|多处|另一|还有|另外|分别")
_SEVERAL_AFTER = re.compile(r"(?:伤残)?[，、,]?(?:共|一共)?(?:两|三|几|多)(?:个|处)(?:部位|地方|伤)")
# 干活时 / 上班的时候 / 工作期间: the words of working set the time of what follows.
_BEGINS = re.compile(r"\s*(?:开始|起)")
_WHILE = re.compile(r"(?:的)?(?:时候|时|期间|中)")
# The day 劳动合同法 came into force: severance years before it follow the rules then in force (97(3)).
LABOUR_CONTRACT_LAW_START = date(2008, 1, 1)
# The protected statuses of 劳动合同法 42 (no ending under 40 or 41; 45: a fixed term runs on), in the
# order they are read, with the words a sentence gives them ({protected_reason}).
PROTECTED_REASONS = {
    "pregnancy": "女职工在孕期、产期、哺乳期内",
    "occupational_disease": "疑似职业病病人在诊断或者医学观察期间（从事接触职业病危害作业、离岗前没做职业健康检查的也一样）",
    "work_injury": "因工负伤被确认丧失或者部分丧失劳动能力的",
    # No grade yet: the employer owes the wage and benefits through the period (工伤保险条例 33), and an
    # ending on 40/41 grounds would take the worker's capacity as settled before it is assessed.
    "injury_treatment": "因工受伤还在停工留薪期（治疗期）内的，这期间原工资福利照发、由单位按月支付（工伤保险条例第三十三条），伤残等级也还没评定",
    "medical": "患病或者非因工负伤、还在规定医疗期内的",
    "near_retirement": "在本单位连续工作满15年、且离法定退休年龄不足5年的",
}
# The values of `ending_ground`, in the order they are tried (the first that matches wins): the
# employer ceased (劳动合同法 44(4)(5)), failed probation (39(1)), trivial conduct named as the reason
# (玩手机, 迟到一次: as a rule no serious breach under 39(2)), the worker's fault (39(2)-(6)),
# a medical period ended (40(1)), incapacity (40(2)), changed circumstances (40(3)), a layoff (41),
# no ground at all.
ENDING_GROUNDS = (
    ("closure", "ground_closure"),
    ("probation", "ground_probation"),
    ("trivial", "ground_trivial"),
    ("fault", "ground_fault"),
    ("medical", "ground_medical"),
    ("incapacity", "ground_incapacity"),
    ("objective_change", "ground_objective"),
    ("layoff", "ground_layoff"),
    ("none", "ground_none"),
)
# The named quantities the worker tools produce (the facts contract), usable in guide conditions.
QUANTITY_NAMES = frozenset(
    {
        "annual_leave_days",
        "annual_leave_pay_owed",
        "hourly_wage",
        "overtime_hourly_min",
        "overtime_pay",
        "overtime_monthly_limit_exceeded",
        "severance_months",
        "severance_amount",
        "damages_amount",
        "double_wage_months",
        "double_wage_amount",
        "funeral_allowance",
        "death_lump_sum",
        "disability_lump_sum_months",
        "disability_lump_sum",
        "disability_allowance_rate",
        "sick_pay_min",
        "deadline",
        "days_left",
        "deadline_passed",
        "deadline_from",
        # The tools' own further quantities (assistant/tools) and the deadlines under their prefixes
        # (assistant/consult/toolbridge.py).
        "daily_wage",
        "overtime_hourly_weekday",
        "overtime_hourly_restday",
        "overtime_hourly_holiday",
        "annual_leave_days_unused",
        "notice_pay",
        "total_amount",
        "survivor_pension_monthly",
        "disability_allowance",
        "medical_lump_sum",
        "employment_lump_sum",
        # Session 26: the standard of the province told (按江苏省的标准), or 省里的标准 (assistant/consult/plan.py).
        "province_standard",
        # The severance cap (劳动合同法 47(2)): whether it binds, the capped monthly base, and — when the
        # city's average is unknown — the average below which it would bind (the wage ÷ 3).
        "severance_capped",
        "severance_base",
        "severance_cap_threshold",
        "damages_months",
        *(
            f"{prefix}_{name}"
            for prefix in ("arbitration", "injury", "lawsuit")
            for name in ("deadline", "days_left", "deadline_passed", "deadline_from")
        ),
        # A limit that may have passed or not, whichever day of a vague date it was (toolbridge._straddling):
        # its last day counted from the range's first and last days, and the days left to the latter.
        *(
            f"{prefix}{name}"
            for prefix in ("", "arbitration_", "injury_", "lawsuit_")
            for name in ("deadline_earliest", "deadline_latest", "days_left_latest", "deadline_uncertain")
        ),
    }
)
# The minimum-wage check (assistant/tools/minimum_wage.py): the local standard, below it or not, the gap.
QUANTITY_NAMES = QUANTITY_NAMES | {
    "local_minimum_wage",
    "below_minimum_wage",
    "minimum_wage_gap",
    # Session 14: the standard used (province and tier) and since when; the tiers when the county decides.
    "minimum_wage_standard",
    "minimum_wage_effective_date",
    "minimum_wage_tiers",
    "minimum_wage_province",
    "minimum_wage_bound",
}
# Injury and death amounts with the worker's own figures (session 9): the tariff's ends before a grade,
# the province's months and the document they come from, each dependant's share of the pension.
QUANTITY_NAMES = QUANTITY_NAMES | {
    "disability_lump_sum_grade10",
    "disability_lump_sum_grade1",
    "medical_lump_sum_months",
    "employment_lump_sum_months",
    "lump_sum_source",
    "survivor_pension_spouse",
    "survivor_pension_other",
    "death_lump_sum_if_year",
    "death_year_assumed",
    # Session 11: the year of the national figure a death's lump sum used, a death before the 20-times
    # rule, and the 停工留薪期 wages for the months off the worker told.
    "death_income_year",
    "death_lump_sum_old_rule",
    "stoppage_wages",
    # Session 27: the wage told is below every minimum wage in force there, so the lump sum at it is understated.
    "wage_below_floor",
    # Session 30: the wage told is below 60 % of the national private-unit average (the reference the answer names), so
    # very likely below the area's floor too (assistant/tools/injury_benefits.py _national_reference).
    "wage_maybe_below_floor",
    "private_wage_year",
    "private_wage_monthly",
    "private_wage_floor",
}


@dataclass(frozen=True)
class Fact:
    name: str
    value: FactValue
    words: str  # the worker's words it was read from
    turn: int  # 0-based index of the worker's message (the current question is the last)
    approximate: bool = False
    note: str = ""  # how it was derived, when not read directly (按入职日期推算)
    # A date known only to its month or year (2018年, 去年3月): the value is the range's first day and
    # this its last, so a deadline that falls inside the range is not called passed (or not) for sure.
    until: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "value": self.value,
            "words": self.words,
            "turn": self.turn,
            "approximate": self.approximate,
            "note": self.note,
        }
        if self.until is not None:
            out["until"] = self.until
        return out


@dataclass
class CaseFacts:
    """The facts of one conversation, one value per name (the latest reading wins)."""

    today: date
    facts: dict[str, Fact] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        fact = self.facts.get(name)
        return fact.value if fact is not None else default

    def has(self, name: str) -> bool:
        return name in self.facts

    def date(self, name: str) -> date | None:
        value = self.get(name)
        return date.fromisoformat(value) if isinstance(value, str) else None

    def values(self) -> dict[str, FactValue]:
        """The flat record the API returns and the tools take (name → value)."""
        return {name: fact.value for name, fact in sorted(self.facts.items())}

    def evidence(self) -> list[dict[str, Any]]:
        return [fact.as_dict() for _, fact in sorted(self.facts.items())]

    def latest_dates(self) -> dict[str, str]:
        """The last possible day of each date known only to its month or year (name → ISO date)."""
        return {name: fact.until for name, fact in self.facts.items() if fact.until is not None}

    def add(self, fact: Fact) -> None:
        self.facts[fact.name] = fact


@dataclass(frozen=True)
class Lexicon:
    """corpus/consult/facts.toml, checked at load."""

    sections: dict[str, dict[str, tuple[str, ...]]]

    def words(self, section: str, key: str) -> tuple[str, ...]:
        return self.sections[section][key]

    def pattern(self, section: str, key: str) -> str:
        """An alternation of the words, longest first (so 每个月 wins over 每月 at the same place)."""
        return "|".join(re.escape(w) for w in sorted(self.words(section, key), key=len, reverse=True))


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=4)
def load_lexicon(path: Path = CORPUS_DIR / "consult" / "facts.toml") -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sections: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, keys in data.items():
        if not isinstance(keys, dict):
            raise LexiconError(f"{path.name}: [{section}] must be a table of word lists")
        sections[section] = {}
        for key, words in keys.items():
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
                raise LexiconError(f"{path.name}: {section}.{key} must be a non-empty list of words")
            if len(set(words)) != len(words):
                dupes = sorted({w for w in words if words.count(w) > 1})
                raise LexiconError(f"{path.name}: {section}.{key} repeats {dupes}")
            sections[section][key] = tuple(w.lower() for w in words)
    return Lexicon(sections)


def format_number(value: float) -> str:
    return f"{int(value)}" if value == int(value) else f"{value:g}"


@lru_cache(maxsize=1)
def _typos() -> tuple[tuple[str, str], ...]:
    """corpus/typos.toml, longest first: the input-method slips retrieval corrects (社宝, 公伤) must not hide
    a fact either (不给俺交社宝 is insurance unpaid; session 9, a tester's dialect question)."""
    corrections = tomllib.loads((CORPUS_DIR / "typos.toml").read_text(encoding="utf-8"))
    # Written Cantonese too (老细拖咗我两个月人工: the boss owes two months' wages; session 23).
    table = {**corrections.get("typo", {}), **corrections.get("dialect", {})}
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


def _normalize(text: str) -> str:
    text = re.sub(r"\s+", " ", strip_identifiers(unicodedata.normalize("NFKC", text))).strip()
    for wrong, right in _typos():
        if wrong in text:
            text = text.replace(wrong, right)
    return text.lower()


# How far (characters) a date told for one event may be lent to another event with none of its own (昨天摔下来没抢救过来:
# one day for both); beyond it, in a long run-on message, the date is another event's (session 30).
_FALLBACK_DATE_REACH = 30
# Just after a date, the contract's term running out (六月底到期, 年底合同期满): the term's date, no event's.
_TERM_ENDS_AFTER = re.compile(r"\s*(?:就|才|要|将)?(?:到期|期满|满期)")
# Just after a sum, a living allowance or subsidy named (一千块生活费, 800元的生活补贴): not the wage.
_ALLOWANCE_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?(?:的)?(?:生活费|生活补贴|工伤补贴)")
# Just before a sum, the month it is paid for (一个月1500, 每月2000, 月薪3000): not a day's pay whatever follows.
_MONTH_BEFORE_SUM = re.compile(r"(?:一个月|每个?月|月薪|月工资|一月)\s*(?:才|就|只有|只)?\s*$")
# A sum told for a number of months (三个月工钱一共两万四): not the month's wage.
_MONTHS_BEFORE = re.compile(rf"(?P<n>\d+|[{CN_CHARS}几两半]+)\s*个?\s*多?\s*月(?:的)?$")


def _until(day: DateRead) -> str | None:
    """The last possible day of a date read as a range (a month, a year), else None."""
    return None if day.exact else day.latest.isoformat()


# A yes/no fact asked about rather than told (session 7): 给调休了吗没有, 签合同了没, 有没有给交社保. The
# answer the worker gives right after the question (没有 / 有 / 签了) decides; a question left unanswered
# tells nothing (补休给了没？没有: the verb may stand between). 没/不 close a question only at the end of a
# clause (签了合同没给我一份 is a statement).
_ASK_AROUND = re.compile(
    r"有没有|有没|有无|给没给|签没签|交没交|买没买|上没上|办没办|是不是|是否|给不给|签不签|交不交"
)
_ASK_AFTER = re.compile(
    r"(?:(?:给|签|交|缴|买|上|办|安排)(?:了|过)?)?(?:了)?(?:吗|么|嘛|(?:没有|没|不|否)(?=$|[?？,，。!！\s]))"
)
_ANSWER = re.compile(
    r"[?？\s,，]*(?:(?P<no>没有|没|不|未|否)|(?P<yes>有|是|给了|签了|交了|买了|上了|办了|给过|签过|交过))"
)


def asked_fact(text: str, start: int, end: int) -> tuple[bool, bool | None]:
    """Whether the fact words text[start:end] stand in a question, and the worker's own answer to it
    (None: none given)."""
    after = _ASK_AFTER.match(text, end)
    if not after and not _ASK_AROUND.search(text[max(0, start - 4) : end]):
        return False, None
    answer = _ANSWER.match(text, after.end() if after else end)
    if answer is None:
        return True, None
    return True, answer.group("yes") is not None


# A birth year: 1962年出生, 1965年生的, 出生于1970年, 我是65年的 (two digits only after 我是/俺是/本人, where a
# bare 65年 is no event of the case); 生产/生病/生活 are not births.
_BIRTH_YEAR = re.compile(
    r"(19[3-9]\d|200\d)\s*年\s*(?:(?P<month>\d{1,2})\s*月(?:份)?\s*)?(?:出生|生(?:人|的)?(?![产病意活气孩小娃]))"
    r"|出生(?:于|在|是|年份是?)\s*(19[3-9]\d|200\d)"
    r"|(?:我是|俺是|本人|我|俺)\s*([4-9]\d)\s*年(?:出生|生(?![产病意活气孩小娃])|的(?:人)?(?=[,，。!！?？\s]|$))"
)

# A year that opens a general question about the rules of that year (2018年工伤伤残待遇有哪些, 2019年工伤认定
# 申请流程是怎样的, 2020年某省工伤死亡赔偿金是多少): the year the question was asked, not the day of an injury —
# read as one it invented an injury date and a passed time limit (session 9, a learn-half class). Only with
# the general question's ending in the same clause, and no person or event word between.
_GENERAL_YEAR = re.compile(
    r"\s*(?:的)?(?:最新|新)?[^，。！？；,.!?;\s我他她你俺咱了被在时按照跟给把受摔砸压掉出]{0,10}?"
    r"(?:待遇|流程|程序|范围|赔偿金|赔偿|补助金|补偿金|规定|办法)"
    r"[^，。！？；,.!?;\s]{0,4}?(?:有哪些|有什么|是怎样的?|是什么|是多少|多少钱?|怎么规定|如何|怎么算|怎么计算)"
)
# Years told with 多 or 几 (一年多, 三年多, 几年, 十几年): the months in between are not known.
_VAGUE_YEARS = re.compile(r"(?:多|几)\s*年|年多")
# The employer named as whom something is proposed to (员工向派遣单位提出解除, 我向用人单位提出): the words just
# before its name (session 20: 向 + a modifier of up to four characters escaped the one-character lookbehind).
_ADDRESSED = re.compile(r"[向跟和与同找对给][^，。,；;？?！!\s]{1,4}$")
# A job told from a date to now (session 16): 从2004年起…上班, 2020年3月在这上班，到现在.
_SINCE = re.compile(r"\s*(?:起|开始|以来)")
# 合同是从 / 劳动合同期限自 … 到 …: a contract's own dates (session 21, _contract_span).
_CONTRACT_FROM = re.compile(r"合同[^，,。；;]{0,8}?(?:从|自)\s*")
_EXPIRED = re.compile(r"期满|到期")
# (Session 24: 不续了 / 没续签了 is the opposite — the negation before is no renewal.)
_RENEWED = re.compile(r"(?<![不没])(?:续签了|续订了|续了|续签过)|又签|再签了|重新签了")
# The day a contract was signed: a date, then (与/和/跟 the employer) 签订/签了/签的 … 合同 in its clause.
_SIGNED_AFTER_DATE = re.compile(r"[^，,。；;]{0,10}?(?:签订|签了|签的|签署)[^，,。；;]{0,6}?合同")
_TO_NOW = re.compile(r"[,，]\s*(?:一直)?(?:到现在|至今|到今天|到目前|到如今)")
# A two-digit year right before the verb of joining (我04年进的厂, 09年入职): that year's start, not a duration.
_TWO_DIGIT_START = re.compile(
    r"(?<![\d.年])(?P<yy>\d{2})\s*年(?=\s*(?:就|初|底)?\s*(?:进厂|进的|进了|进公司|入职|入的职|来的|来厂|来公司|开始上班|开始干"
    # Session 24: the entering verbs (04年进到企业, 15年进入公司, 09年来到这家, 18年加入).
    r"|进到|进入|来到|加入))"
)
# A sum added to the basic pay told before it (底薪3000加提成两千, 底薪三千另加绩效一千五).
_ADDED = re.compile(r"加|另加|外加|再加|还有")
_ABOUT = re.compile(r"差不多|差不离|差点|相差不大")
_CHILD_BEFORE = re.compile(r"孩子|儿子|女儿|小孩|娃|宝宝|闺女|孙")


def _clauses(text: str) -> list[tuple[int, str]]:
    """Clauses with their offsets in the text."""
    out, pos = [], 0
    for part in CLAUSE.split(text):
        start = text.find(part, pos)
        if part.strip():
            out.append((start, part))
        pos = start + len(part)
    return out


def _share_pattern(group: str) -> str:
    """A share of an accident's fault after the one it is put on: 负70%, 占七成, 承担百分之八十."""
    return (
        r"(?:负|承担|占|担|付|是)?了?(?:事故)?(?:的)?(?:责任)?(?:的)?\s*"
        rf"(?:百分之(?P<{group}cn>[{CN_CHARS}]+)|(?P<{group}pct>\d{{1,3}})\s*[%％]|(?P<{group}tenth>[{CN_CHARS}\d])成)"
    )


class FactExtractor:
    """Reads the facts of a conversation. Pure: the lexicon and the day are its only inputs."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        lex = self.lex
        self._monthly_before = re.compile(rf"(?:{lex.pattern('wage', 'monthly_before')})")
        self._monthly_after = re.compile(rf"^\s*(?:{lex.pattern('wage', 'monthly_after')})")
        self._daily_before = re.compile(rf"(?:{lex.pattern('wage', 'daily_before')})(?:工资|工钱)?")
        self._daily_after = re.compile(rf"^\s*(?:{lex.pattern('wage', 'daily_after')})")
        self._not_wage = re.compile(rf"(?:{lex.pattern('wage', 'not_wage_before')})[^,，。]{{0,4}}$")
        self._earned_average = re.compile(lex.pattern("wage", "earned_average"))
        # A year's pay (年薪12万, 上年一共拿了60000元): the words right before the sum (session 28).
        self._annual_cue = re.compile(
            rf"(?:{lex.pattern('wage', 'annual_before')})\s*(?:{lex.pattern('wage', 'annual_filler')})?\s*"
        )
        self._basic_pay = re.compile(lex.pattern("wage", "basic_pay"))
        self._extra_pay = re.compile(lex.pattern("wage", "extra_pay"))
        self._extra_pay_yearly = re.compile(lex.pattern("wage", "extra_pay_yearly"))
        self._owed = re.compile(rf"(?:{lex.pattern('arrears', 'owed')})")
        months_of = lex.pattern("arrears", "month_words")
        owed = lex.pattern("arrears", "owed")
        num = rf"(?:\d+(?:\.\d+)?|[{CN_CHARS}几半]+)"
        self._owed_months = re.compile(
            # 拖欠工资八个月 / 欠了我工钱快半年: the month word may stand between the owing and the count.
            rf"(?:(?:{owed})(?:了|我|我们|俺|人家)*(?:{months_of})?(?:已经|都|整整|足足|快|将近|有)*\s*(?P<a>{num})\s*个?\s*(?P<a_more>多)?\s*月(?P<a_half>半)?"
            rf"|(?P<b>{num})\s*个?\s*(?P<b_more>多)?\s*月(?P<b_half>半)?(?:的)?(?:{months_of})[^,，。]{{0,3}}(?:{owed})"
            # 三个月没给我发工资 / 两个月不发工钱: the months, then the owing, then the pay.
            rf"|(?P<c>{num})\s*个?\s*(?P<c_more>多)?\s*月(?P<c_half>半)?(?:了|都|一直|也|还)*(?:{owed})"
            rf"(?:我|我们|俺|俺们|人家)?(?:发|结|开|付)?(?:{months_of}))"
        )
        pay = lex.pattern("arrears", "pay_words")
        self._owed_pay = re.compile(
            rf"(?:{owed})[^,，。；;]{{0,6}}(?:{pay})|(?:{pay})[^,，。；;]{{0,6}}(?:{owed})"
        )
        self._owed_half_year = re.compile(rf"(?:{owed})(?:了|我)*半年(?:的)?(?:{months_of})?")
        # 拖欠工资一年半了 / 欠了两年的工钱: years owed, in months.
        self._owed_years = re.compile(
            rf"(?:{owed})(?:了|我|我们)*(?:{months_of})?\s*(?P<n>\d+|[{CN_CHARS}]+)\s*年(?P<half>半)?"
        )
        # 一年多的工资都没发 / 两年工钱一分没拿: the years first, then the pay and the owing.
        self._years_then_owed = re.compile(
            rf"(?<![干做了在])(?P<n>\d+|[{CN_CHARS}]+)\s*年(?P<more>多)?(?P<half>半)?(?:的)?(?:{months_of})"
            rf"(?:都|也|全|一直|一分(?:钱)?(?:都|也)?)*(?:{owed}|没拿|没见)"
        )
        # 入职才3个月 / 干了快两年 / 上班刚满一年: a few words of degree between the verb and the duration.
        self._service_before = re.compile(
            # 工作的18年 / 工作己满2年 (己 for 已, a common slip): session 9.
            rf"(?:{lex.pattern('service', 'before')})(?:了|的|才|刚|刚刚|快|已经|己经|已|己|都|有|满|大概|差不多|将近|不到|刚满|才满|近|约|是|就是|中|超过|超出|多于|不止)*\s*$"
        )
        self._not_tenure = re.compile(rf"(?:{lex.pattern('service', 'not_before_event')})[^,，。]{{0,3}}$")
        # Session 28 (tenure told and asked again): 没签合同干了八个月 — the contract named, then a verb of work and the
        # duration: the time served without one, not a contract's term (合同三年).
        self._contract_then_served = re.compile(
            rf"合同\s*(?:都|也|就|已经|一直)?(?:{lex.pattern('service', 'contract_then_verbs')})$"
        )
        # 在公司五年，… — a workplace named, then the years closing the clause.
        self._at_workplace = re.compile(
            rf"(?:在|进|来)(?:这家|那家|本|该|我们|现在的?)?(?:{lex.pattern('service', 'workplaces')})(?:里|上班|工作|干)?$"
        )
        # 在xx公司工作，一年多了 — the work told in the clause before, the years alone (with fillers) in this one.
        self._fillers_only = re.compile(rf"\s*(?:{lex.pattern('service', 'fillers')})*\s*")
        self._work_clause_before = re.compile(rf"(?:{lex.pattern('service', 'work_verbs')})\s*[，,]\s*$")
        self._leave_after = re.compile(rf"\s*(?:的)?(?:{lex.pattern('service', 'not_after')})")
        self._earlier_employer = re.compile(lex.pattern("service", "earlier_employer"))
        # 之前在公司工作十年 (no move told): this workplace, not an earlier one (session 21).
        self._same_after_earlier = re.compile(
            rf"(?:之前|以前)(?:一直)?(?:{lex.pattern('service', 'same_employer_after_earlier')})"
        )
        self._moved_employer = re.compile(lex.pattern("service", "moved_employer"))
        self._cumulative = re.compile(
            rf"(?:{lex.pattern('service', 'cumulative_before')})(?:了|有|已经|一共|总共|前后|差不多|大概|快)*\s*$"
        )
        # A date that opens a noun phrase ending in a rule or document (2018年职工工伤认定标准, 2024年的
        # 新规定): no pronoun, verb particle or clause break between them (2019年我受伤了，按规定… is an event).
        self._document_year = re.compile(
            r"\s*(?:的)?[^，。！？；,.!?;\s我他她你俺咱了被在时按照跟给把]{0,8}?"
            rf"(?:{lex.pattern('dates', 'document')})"
        )
        self._date_cues = {
            name: re.compile(lex.pattern("dates", key))
            for name, key in (
                ("start_date", "start"),
                ("injury_date", "injury"),
                ("death_date", "death"),
                ("award_date", "award"),
            )
        }
        # Every way of saying the job ended dates its end (把我开了 as much as 辞退).
        ends = {*lex.words("dates", "end")}
        for key in ("dismissed", "resigned", "expired", "agreed", "retired"):
            # An ending only meant (想裁, session 26) dates nothing: the job goes on.
            ends.update(w for w in lex.words("termination", key) if not w.startswith(("想", "准备", "打算")))
        # 被直接开了 / 把我给辞了 / 被厂里开的: a dismissal verb with the words people put between.
        fired = (
            rf"(?:被|把我|把他|把她|把俺)[^,，。把被的水]{{0,5}}?(?:{lex.pattern('termination', 'dismissal_verbs')})"
            # 被开了罚单 / 被开了一刀: 开 with an object is not a dismissal.
            r"(?:了|掉|的|啦)(?!罚|刀|单|票|证|药|水|车|会|个)"
        )
        self._fired = re.compile(fired)
        # The job ending in any of its words (被辞退, 让我走了, 辞职): the tenure told up to it (入职7个月后…).
        self._ended = re.compile(
            "|".join([fired, *(re.escape(w) for w in sorted(ends - {""}, key=len, reverse=True))])
        )
        # 叫我明天就走 / 让我下个月走人: sent away with a day between (不让我走 is the opposite, read below).
        go = r"(?:让|叫)(?:我|俺|他|她|我们|俺们)[^,，。走]{1,5}?走(?!路|一趟|访|动|廊|过)"
        employer_side = lex.pattern("termination", "employer_side")
        # 公司和我解除了劳动合同 / 煤矿单方解除合同: the employer's side ends it (我想和公司解除 is the worker; so is
        # 我提议与用人单位解除, session 18 end18: 单位 inside 用人单位 after 与 is the object, not the one ending).
        go += (
            rf"|(?<![和跟与同向找])(?<!与用人)(?<!和用人)(?<!跟用人)(?<!向用人)(?:{lex.pattern('termination', 'employer_side')})"
            r"(?:单方面|单方|直接|突然|就|要|已经|跟我|和我|与我|给我|给员工|给工人|给我们|跟员工|和员工)*"
            r"解除(?:了)?(?:劳动)?(?:合同|关系)"
            # 公司因为没有合适的岗位，想提前解约: the employer means to end it, a clause or two later (the
            # worker's own plan — 我想解约 — keeps it the worker's). Session 8, a learn-half class: an ending
            # the employer announced was not read, so a protected status never reached the opening.
            # Session 27: not the employer as a place (在公司干了20年，想解除劳动合同 is the worker's own wish).
            # (现在公司 / 正在公司 are times, not places: those keep the employer as the subject.)
            rf"|(?<![和跟与同向找])(?<![^现正实存]在)(?<!^在)(?<!与用人)(?<!和用人)(?<!跟用人)(?<!向用人)(?:{lex.pattern('termination', 'employer_side')})"
            r"(?:(?!我想|我要|我打算|我准备|我决定|我自己|我们想|我们要)[^。？?！!；;]){0,14}?"
            r"(?:想|要|准备|打算|决定)(?:跟我|和我|与我)?(?:提前|单方面|单方)?(?:解约|解除(?:劳动)?(?:合同|关系))"
            # Session 21 (end21), class "the employer's ending with its words between" (公司在入职7个月后无故解除合同,
            # 单位提前一年解除我的劳动合同, 厂领导通知到明天解除合同): the employer is the subject of 解除 within the
            # clause. Not with the worker before 解除 (公司不同意我解除), a negation, a permission or a modal between
            # (公司不让解除, 公司可以解除吗 asks the law), nor 以/因 before the employer (以公司欠薪为由 is a ground).
            rf"|(?<![和跟与同向找以因为])(?<!与用人)(?<!和用人)(?<!跟用人)(?<!向用人)(?:{employer_side})"
            r"(?:(?!我|俺|不|别|未|让|叫|同意|批准|允许|准许|拒绝|能|可以|可否|是否|有权|协商|提出|没(?!有?提前|有?通知))"
            r"[^，,。；;！!？?：:\s]){1,12}?"
            r"解除(?:了)?(?:我的|我们的|员工的|职工的|工人的|和我的|跟我的)?(?:劳动)?(?:合同|关系)"
            # 与工人解除劳动合同 / 随时解除工人: the staff as the object of 解除 (session 21).
            r"|(?:与|和|跟)(?:工人|员工|职工|劳动者)(?:们)?解除(?:劳动)?(?:合同|关系)"
            r"|解除(?:工人|员工|职工)"
        )
        self._date_cues["end_date"] = re.compile(
            "|".join(re.escape(w) for w in sorted(ends, key=len, reverse=True)) + "|" + fired
        )
        self._job_span = re.compile(lex.pattern("dates", "job_span"))
        self._standard_year = re.compile(
            rf"(?P<y>(?:19|20)\d{{2}})年[^\d,，。；;！!？?]{{0,10}}?(?:{lex.pattern('dates', 'standard_year_after')})"
        )
        self._year_stay = re.compile(
            r"(?<![\d.年])(?P<year>\d{4}|\d{2})\s*年(?:的时候|那年|那会儿?)?\s*"
            rf"(?:{lex.pattern('dates', 'year_stay')})(?:{lex.pattern('dates', 'year_stay_place')})"
        )
        # An event told after it in the clause (就在这个厂受伤了, 就在这里被辞退): the year dates that event.
        self._year_event = re.compile(
            f"{lex.pattern('dates', 'injury')}|{lex.pattern('dates', 'end')}|{lex.pattern('dates', 'start')}"
        )
        # 从3月1号干到11月底走的: 到 joins the first and the last day of the job.
        self._date_range = re.compile(
            r"\s*(?:开始)?(?:上班|入职|进厂|进的厂|干|做|工作|打工|干活)?(?:了)?\s*(?:到|至|~|-|—|一直干到|一直做到|干到|做到)\s*"
        )
        self._range_end = re.compile(
            rf"\s*(?:就|才)?(?:{lex.pattern('dates', 'end')}|走|离开|离的职|辞的|不干|出来|为止|结束)"
        )
        # 走的时候 / 离职证明 / 离职前: the word names something else than the day it ended.
        self._not_end = re.compile(r"(?:证明|手续)")
        # 员工能不能单方解除劳动合同 / 我可以提前解除合同吗: the worker ending the contract in 解除 words (session 14,
        # learn14: read as nothing, it was answered with the employer's grounds for a dismissal).
        modal = lex.pattern("termination", "worker_ending_modal")
        manner = lex.pattern("termination", "worker_ending_manner")
        self._worker_ending_modal = re.compile(modal)
        self._this_ground_asked = re.compile(rf"(?:{modal})(?:以此|以这个|以这|据此)(?:为由|理由)")
        worker_ending = (
            r"(?<![和跟与同向把被给对让叫要逼劝请说])"
            rf"(?:(?:{lex.pattern('termination', 'worker_ending_subject')})(?:{modal}|{manner})*"
            rf"|(?:{lex.pattern('termination', 'worker_ending_self')})(?:(?:{modal})(?:{manner})*|(?:{manner})+))"
            r"(?:解除|解约)"
            # Session 29 (a helper's forum-style probe: …月薪由12000元下调至9000元…能否以此为由解除劳动合同并主张经济补偿):
            # the ground told before taken up as this one (以此为由) by an asking modal — the worker's own ending.
            rf"|(?:{modal})(?:以此|以这个|以这|据此)(?:为由|理由)?(?:提出)?(?:解除|解约)"
        )
        # Session 21 (end21): 我以公司未缴社保为由解除劳动合同 / 我因为公司欠薪解除了合同 — the worker ends it on the
        # employer's ground (劳动合同法 38); the worker is the subject right before 以 / 因为 (only adverbs between:
        # 我们公司以…为由 is the employer's), and neither 被/把/让/叫/逼 nor an employer's 和我/跟我 in the span.
        # 公司以我旷工为由 / 因为我…: the self word right after 以 / 为 is the object of the employer's ground.
        gap = r"(?:(?!和我|跟我|与我|给我|要我|把我)[^。；;？?！!被把让叫逼])"
        verb = r"(?:提出解除|解除|解约|辞职|离职|辞工)"
        subject = (
            r"(?<![和跟与同向把被给对让叫要逼劝请说以为因])"
            rf"(?:{lex.pattern('termination', 'worker_ending_subject')}|{lex.pattern('termination', 'worker_ending_self')})"
            rf"(?:{modal}|{manner}|就|已经|已|便|也|于是|随即)*"
        )
        because = lex.pattern("termination", "worker_ground_because")
        faults = lex.pattern("termination", "worker_ground_faults")
        self._worker_ground = re.compile(
            rf"{subject}以(?!为){gap}{{1,24}}?为(?:由|理由){gap}{{0,10}}?{verb}"
            rf"|{subject}(?:{because}){gap}{{0,16}}?(?:{faults}){gap}{{0,12}}?{verb}"
        )
        # 因单位不交社保而解除合同: no one named, the cause a fault of the employer of 38(1) — read only when no other
        # ending is (an employer's 公司和我解除了 in the message is read as the dismissal first).
        worker_ground_untold = rf"(?:{because}){gap}{{0,8}}?(?:{faults}){gap}{{0,12}}?{verb}"
        # 合同期到了 / 合同时间到了 / 合同已经到期 / 合同到了，公司不续 (session 21, end21).
        noun = lex.pattern("termination", "expired_noun")
        adverb = lex.pattern("termination", "expired_adverb")
        expiry = (
            rf"(?:{noun})(?:{adverb})*(?:{lex.pattern('termination', 'expired_verb')})"
            rf"|(?:{noun})(?:{adverb})*到了(?=[，,。；;！!？?\s]|$|以后|之后|后)"
        )
        # 打算下个月离职 / 准备过完年辞职: a resignation meant with its time between (session 21); 想让我下月离职
        # is the employer's push (no 让/叫/要/逼 between).
        meant_later = (
            rf"(?<![不没别让叫])(?:{lex.pattern('termination', 'resign_meant_before')})"
            r"[^，,。；;？?！!让叫逼劝要请被把给]{1,5}?(?:离职|辞职|辞工)"
        )
        resigned = [worker_ending, self._worker_ground.pattern, worker_ground_untold, meant_later]
        extra = {
            "dismissed": "|" + fired + "|" + go,
            "resigned": "|" + "|".join(resigned),
            "expired": "|" + expiry,
        }
        self._resigned_not_before = frozenset(lex.words("termination", "resigned_not_before"))
        self._resigned_threat = re.compile(lex.pattern("termination", "resigned_threat_before"))
        self._terminations = [
            (value, re.compile(lex.pattern("termination", key) + extra.get(key, "")))
            for value, key in (
                ("agreed", "agreed"),
                ("expired", "expired"),
                ("dismissed", "dismissed"),
                ("resigned", "resigned"),
            )
        ]
        # First: a contract that ended at retirement (到了退休年龄就让我走了) ends by law, whatever word the
        # employer used; 快/没/还差 before the words is a worker not yet retired (快退休了被辞退: dismissed).
        self._terminations.insert(
            0, ("retired", re.compile(rf"(?<![快没未将要差])(?:{lex.pattern('termination', 'retired')})"))
        )
        # 让我自己写辞职信 / 逼我辞职 / 领导让我主动离职: pushed to resign (corpus [termination] pushed_*).
        who = r"(?:我|俺|他|她|我们|俺们)?"
        fill = r"(?:自己|主动|赶紧|马上|尽快|写|打|交|递|提|签|个|份|一份|一封|封|张)*"
        obj = lex.pattern("termination", "pushed_object")
        # Session 26 (the learn-half reading): a resignation "of one's own will" demanded (通知自己这几天自愿离职, 让我自动
        # 离职) is the employer's demand whoever is named: nobody is told to quit of their own will but by the other side.
        voluntary = lex.pattern("termination", "pushed_voluntary")
        self._pushed = re.compile(
            rf"(?:{lex.pattern('termination', 'pushed_force')}){who}{fill}(?:{obj})"
            rf"|(?:{lex.pattern('termination', 'employer_side')})[^,，。？?]{{0,10}}?"
            rf"(?:{lex.pattern('termination', 'pushed_ask')}){who}{fill}(?:{obj})"
            rf"|(?:{lex.pattern('termination', 'pushed_voluntary_ask')})[^,，。？?]{{0,8}}?(?:{voluntary})"
            # Session 26: 公司现在不让我上班，让我辞职 — the employer named earlier in the sentence, the demand made of 我.
            rf"|(?:{lex.pattern('termination', 'employer_side')})[^。？?！!]{{0,16}}?"
            rf"(?:{lex.pattern('termination', 'pushed_voluntary_ask')})(?:我|俺){fill}(?:{obj})"
        )
        self._pushed_done = re.compile(lex.pattern("termination", "pushed_done"))
        self._supposition = re.compile(lex.pattern("termination", "dismissal_supposed"))
        births = lex.pattern("status", "birth_words")
        self._new_pregnancy = re.compile(lex.pattern("status", "new_pregnancy"))
        self._birth_dated = re.compile(rf"(?P<year>(?:19|20)\d\d)年[^，。,；;！!？?]{{0,10}}?(?:{births})")
        self._child_age = re.compile(
            rf"(?:{lex.pattern('status', 'child_words')})[^，。,；;]{{0,4}}?"
            r"(?P<age>\d{1,2}|[一两二三四五六七八九十]{1,2})(?:周)?岁"
        )
        self._supposition_asks = re.compile(lex.pattern("termination", "dismissal_supposed_asks"))
        # 被主管逼着写了辞职信, 硬逼我签了字: a resignation or a paper signed under the employer's pressure (session 14).
        self._signed_pressed = re.compile(
            rf"(?:{lex.pattern('termination', 'pushed_force')}){who}[^,，。？?]{{0,3}}?"
            rf"(?:{lex.pattern('termination', 'pushed_done')}|{lex.pattern('termination', 'agreement_sign_words')})"
        )
        self._resign_planned = re.compile(lex.pattern("termination", "resign_planned_words"))
        # 不让我走 / 拒绝让我走 / 不肯让她走 keeps a worker who wants to leave (session 14: 拒绝 was read as a dismissal).
        self._kept_before = re.compile(rf"(?:{lex.pattern('termination', 'kept_before')})$")
        self._resign_planned_before = re.compile(lex.pattern("termination", "resign_planned_before"))
        # Session 28: the worker's own reading asked (这应该算是…辞退, 算不算辞退) tells no ending.
        self._classified_before = re.compile(
            rf"(?:{lex.pattern('termination', 'classified_before')})[^,，。]{{0,8}}$"
        )
        # Session 16: an ending planned or threatened before its verb (准备, 说要, 要是 …; corpus/consult/facts.toml).
        self._ending_planned = re.compile(
            "|".join(
                re.escape(w)
                for w in sorted(
                    {
                        *lex.words("termination", "resign_planned_before"),
                        *lex.words("stage", "ending_planned"),
                    },
                    key=len,
                    reverse=True,
                )
            )
        )
        # Session 28: a condition, then 就 right before the ending verb (完不成任务就别来了): a threat, not done.
        self._ending_conditional = re.compile(
            rf"(?:{lex.pattern('stage', 'ending_conditional')})[^,，。；;]{{0,8}}就(?:要|会)?$"
        )
        self._own_leaving = re.compile(lex.pattern("stage", "own_leaving"))
        self._negotiating = re.compile(lex.pattern("stage", "negotiating"))
        self._not_denial = re.compile(lex.pattern("stage", "not_denial"))
        self._accepted = re.compile(lex.pattern("stage", "accepted"))
        self._denied_before = re.compile(rf"(?P<neg>{lex.pattern('harm', 'denied_before')})(?:有)?(?:被)?$")
        self._injury_treatment = re.compile(lex.pattern("status", "injury_treatment"))
        num = rf"(?:\d+(?:\.\d+)?|[{CN_CHARS}半]+)"
        self._stoppage_future = re.compile(
            rf"(?:{lex.pattern('injury', 'stoppage_future_before')})[^，,。；;]{{0,4}}$"
        )
        self._insurance_demanded = re.compile(
            rf"(?:{lex.pattern('status', 'insurance_demanded')})[^，,。；;！!？?]{{0,4}}$"
        )
        self._insurance_base_told = re.compile(
            rf"(?:{lex.pattern('status', 'insurance_base_nouns')})(?:费)?(?:是按照?|都按照?|是|都是|按照?|只按|按的|以)?(?:每月|每个月|一个月|月)?"
            r"\s*(?P<n>\d{3,6})\s*(?:元|块)?(?:钱)?(?:/月|每月|一个月|月)?(?:的)?"
            rf"(?:{lex.pattern('status', 'insurance_base_verbs')})"
        )
        self._treatment_pay_cut = re.compile(
            rf"(?:{lex.pattern('injury', 'treatment_period')})[^。！？!?]{{0,16}}?(?:按|只发|只给|发|给)[^。！？!?，,]{{0,6}}?"
            rf"(?:{lex.pattern('injury', 'part_pay')})"
        )
        self._stoppage_hospital = re.compile(lex.pattern("injury", "stoppage_hospital_words"))
        self._stoppage_period = lex.words("injury", "stoppage_period")[0]
        self._stoppage_period_hospital = lex.words("injury", "stoppage_period_hospital")[0]
        self._stoppage = re.compile(
            rf"(?:{lex.pattern('injury', 'stoppage_words')})(?:了|有|快|将近|差不多|整整|足足)*\s*(?P<n>{num})\s*个?\s*(?P<more>多)?\s*(?P<half_before>半)?月(?P<half>半)?"
        )
        self._injury_treatment_over = re.compile(lex.pattern("status", "injury_treatment_over"))
        self._work_injury_named = re.compile(lex.pattern("status", "work_injury_named"))
        self._resign_done = re.compile(lex.pattern("termination", "resign_done"))
        self._employer_agreement = re.compile(
            rf"(?:{lex.pattern('termination', 'employer_side')})(?:让|要|叫|逼|催|喊)(?:我|他|她|俺)?[^,，。]{{0,8}}签"
            r"[^,，。]{0,6}(?:协议|离职|解除|辞职)"
        )
        # 公司说要战略调整，提出跟我协商解除合同 / 单位主动提出解除劳动合同: the employer's side proposes the
        # ending, its words apart within one sentence (session 15, branch15; 劳动合同法 36, 46(2)). The worker's
        # own plan between (我想/我要…) keeps it the worker's.
        # 不去的算主动辞职 / 按自行离职处理: the employer's label for a worker it sends away, never the worker's accord.
        self._own_accord = re.compile(
            r"(?<!算)(?<!按)(?<!当)(?<!视为)(?<!作为)(?<!算作)(?<!认定为)(?<!处理为)(?<!写成)(?<!写)"
            rf"(?:{lex.pattern('termination', 'resigned_own_accord')})"
        )
        self._own_accord_not = re.compile(
            rf"(?:{lex.pattern('termination', 'employer_side')}|被|把我|让我|逼我|要我)"
        )
        self._injury_elapsed_cue = re.compile(
            rf"(?:{lex.pattern('dates', 'injury_elapsed')})(?:{lex.pattern('dates', 'injury_elapsed_filler')})*"
        )
        self._injury_elapsed_tail = re.compile(r"(?:多|左右|以上|了|啦)")
        self._employer_proposal = re.compile(
            rf"(?<![和跟与同向找])(?:{lex.pattern('termination', 'employer_side')})"
            r"(?:(?!我想|我要|我打算|我准备|我决定|我自己|我们想|我们要|不同意|拒绝)[^。？?！!；;]){0,14}?"
            rf"(?:{lex.pattern('termination', 'proposal_verbs')})(?:跟我|和我|与我)?(?:协商|商量)?"
            r"(?:提前)?(?:解除|解约|终止)"
        )
        employer_place = lex.pattern("termination", "employer_side")
        # The workplace moving, told by where it goes rather than by a fixed phrase (公司要从市区搬到六十公里外的新厂区,
        # 厂里下个月迁往邻县): 40(3) like 搬迁 (session 16, lead).
        moving = (
            rf"(?:{employer_place}|仓库|门店|车间|店)[^，。,；;？?！!]{{0,10}}?(?:搬|迁)(?:到|去|往|至)"
            r"[^，。,；;？?！!]{0,12}?(?:公里|外地|外省|外市|邻县|邻市|郊区|县城|新厂|新址|新园区|开发区|工业园|另一个|别的)"
        )
        self._moving = re.compile(moving)
        # Session 29: the employer named, then its own ending a few characters on (公司因经营不善宣布停业解散) — not a
        # branch's or a department's (分公司, 门店: the lookbehind; 公司部门解散了: closure_parts between), nor something
        # it shut (关了我的账号: the lookahead). Tried only where no listed closure word is said (_ending).
        closing = (
            rf"(?<![分门部车总])(?:{lex.pattern('termination', 'closure_subjects')})"
            rf"(?:(?!{lex.pattern('termination', 'closure_parts')})[^，,。；;！!？?把给对将]){{0,10}}?"
            rf"(?:{lex.pattern('termination', 'closure_verbs')})(?![我你他她的员工人])"
        )
        self._closing = re.compile(closing)
        # The employer's ending only supposed or another employer's in the past (假使厂里哪天关门, 万一…厂子早黄了, 后来厂子黄
        # 了就断了): the words before it in its clause, or inside the span.
        self._closing_not_now = re.compile(lex.pattern("termination", "closure_not_now"))
        extra = {"objective_change": f"|{moving}"}
        self._grounds = [
            (value, re.compile(lex.pattern("termination", key) + extra.get(value, "")))
            for value, key in ENDING_GROUNDS
        ]
        self._trivial_repeated = re.compile(lex.pattern("termination", "trivial_repeated_before"))
        self._trivial_yields = re.compile(lex.pattern("termination", "trivial_yields_to"))
        self._stayed_away = re.compile(lex.pattern("termination", "stayed_away"))
        self._stayed_away_threat = re.compile(lex.pattern("termination", "stayed_away_threat"))
        signs, papers = (
            lex.pattern("termination", "agreement_sign_words"),
            lex.pattern("termination", "agreement_words"),
        )
        self._agreement_signed = re.compile(
            rf"(?:{signs})[^,，。？?！!；;]{{0,14}}?(?:{papers})|(?:{papers})[^,，。？?！!；;]{{0,10}}?(?:{signs})"
        )
        receipts = lex.pattern("stage", "receipt_words")
        self._receipt_signed = re.compile(
            rf"(?:{signs})[^,，。？?！!；;]{{0,14}}?(?:{receipts})|(?:{receipts})[^,，。？?！!；;]{{0,10}}?(?:{signs})"
        )
        self._agreement_sign_hypothetical = re.compile(
            lex.pattern("termination", "agreement_sign_hypothetical")
        )
        self._agreement_not_ending = re.compile(lex.pattern("termination", "agreement_not_ending"))
        self._bare_signature = re.compile(lex.pattern("termination", "bare_signature"))
        self._proposed = [
            # 我想跟公司提出解除 / 我向单位提出: the worker proposes to the employer (session 15, branch15).
            (
                "employer",
                re.compile(
                    rf"(?<![和跟与同向找对给])(?:{lex.pattern('termination', 'proposed_by_employer')})"
                ),
            ),
            ("worker", re.compile(lex.pattern("termination", "proposed_by_worker"))),
        ]
        # The worker's own refusal first: 公司要续签，我不想续 names both sides, and the worker declined.
        self._renewal = [
            ("worker", re.compile(lex.pattern("termination", "renewal_declined_worker"))),
            ("employer", re.compile(lex.pattern("termination", "renewal_declined_employer"))),
        ]
        # 第二次到期我自己不想干了: the worker's leaving told at the term's end declines the renewal (session 22).
        self._renewal_worker_at_expiry = re.compile(
            rf"(?:我|自己|本人)[^，,。；;？?！!]{{0,3}}?(?:{lex.pattern('termination', 'renewal_declined_worker_at_expiry')})"
        )
        self._renewal_terms = [
            ("worse", re.compile(lex.pattern("termination", "renewal_worse"))),
            ("same", re.compile(lex.pattern("termination", "renewal_same"))),
        ]
        self._open_ended = re.compile(lex.pattern("termination", "open_ended"))
        self._open_ended_not = re.compile(
            rf"(?:{lex.pattern('termination', 'open_ended_not_before')})[^,，。；;？?！!]{{0,4}}$"
            # A bare verb right before it (签无固定期限合同需要哪些条件) names the act, not a contract held
            # (签的是 / 签订了 无固定期限合同 is held).
            rf"|(?:{lex.pattern('termination', 'open_ended_verb_right_before')})$"
        )
        # 连续签了两次 / 签过三次合同 / 第二份合同到期: fixed-term contracts in a row.
        self._fixed_terms = re.compile(
            # Session 21 (issue 13, "the fixed terms told in other words"): 签了两份 / 连续签了两个三年的合同 /
            # 签过两回; a renewal counts the first contract too (续签了一次 = two contracts: r).
            r"(?:签了|签过|签订了|签订过|签的)(?P<a>[一二两三四五2-5])(?:次|份|回|个(?!月|多月|星期|礼拜))"
            # Not 连续签了两次 (two in a row), which holds 续签了两次 inside it.
            r"|(?<!连)(?:续了|续签了|续过|续签过|续订了|续订过)(?P<r>[一二两三四2-4])(?:次|回)"
            # 第二份到期 / 第二次又到期了: the contract by its number, 合同 left unsaid.
            r"|第(?P<e>[二三四五2-5])(?:份|次)(?:合同)?(?:也|又|马上|快|就)*(?:要)?(?:到期|期满)"
            # 第二次固定期限合同到期 / 两次固定期限合同 (session 9).
            r"|第(?P<b>[二三四五2-5])(?:份|次|个)(?:的)?(?:固定期限|定期)?(?:的)?(?:劳动)?合同"
            r"|(?P<c>[两二三四五2-5])(?:次|份)(?:的)?固定期限(?:劳动)?合同"
        )
        # Session 22 (fixed22, 2026-12-07), class "fixed terms in a row told by their rhythm" (一年一签, 每两年签一次,
        # 每年都续签, 签了好几次合同, 多次续签): with the years served longer than one term, two or more fixed terms
        # have been concluded — the open-ended contract of 劳动合同法 14(2)(3) is at stake at the next expiry.
        self._fixed_terms_every = re.compile(
            r"(?:每(?P<n>[一两二三四五1-5])?年|(?P<m>[一两二三四五1-5])年一)(?:都|就|要)?(?:签订|签|续签|续订|续一次|续)"
        )
        self._fixed_terms_many = re.compile(
            r"(?:签|签订|续签|续订|续)(?:了|过)(?:好几|很多|许多|多)(?:次|回|份)"
            r"|(?:多次|反复|好几次|好多次)(?:续签|续订|签订|签)(?:了|过)?(?:劳动)?合同"
        )
        # 都是三年 / 每份3年 / 两个三年的合同: a fixed term's length after these (session 21).
        self._each_term = re.compile(
            rf"(?:{lex.pattern('termination', 'fixed_term_each')})(?:是|签的|签了|签)?(?=\s*[\d{CN_CHARS}半])"
            rf"|[两二三四2-4](?:个|份|次)(?=\s*[\d{CN_CHARS}]+\s*年(?:的|期)?(?:劳动)?合同)"
        )
        self._notice_given = re.compile(lex.pattern("termination", "notice_given"))
        self._notice_missing = re.compile(lex.pattern("termination", "notice_missing"))
        unsigned = lex.pattern("contract", "unsigned")
        self._unsigned = re.compile(
            rf"(?:{unsigned})[^,，。]{{0,6}}合同|合同[^,，。]{{0,8}}(?:{unsigned})"
            rf"|(?:{lex.pattern('contract', 'unsigned_told')})"
            rf"|(?:{lex.pattern('contract', 'unsigned_place')})(?:[^,，。]{{0,6}}签[^,，。]{{0,3}}合同|合同上签)"
        )
        self._signed = re.compile(
            rf"(?:{lex.pattern('contract', 'signed')})[^,，。没]{{0,4}}合同|合同(?:签了|签过)"
        )
        self._grade = re.compile(
            rf"(?:(?P<a>[1-9]|10|[一二三四五六七八九十])\s*级(?:伤残)?|伤残(?:等级)?(?:为|是|鉴定为|评为)?\s*(?P<b>[1-9]|10|[一二三四五六七八九十])\s*级"
            rf"|(?:{lex.pattern('injury', 'grade_words')})(?:为|成|了|是)?\s*(?P<c>[1-9]|10|[一二三四五六七八九十])\s*级"
            # 伤残四, 伤残等级九 closing the clause: the grade without 级.
            r"|伤残(?:等级)?(?P<d>10|[1-9]|十|[一二三四五六七八九])(?=[，。,.；;！!？?\s]|$))"
        )
        # 没买工伤保险, 没给她交社保, 厂里没上保险: a negation, perhaps 给 + a person, a verb, the insurance.
        self._uninsured = re.compile(
            rf"(?:{lex.pattern('injury', 'uninsured')})"
            r"|(?:没|没有|未|不)(?:给)?(?:我|他|她|我们|他们|工人|员工|俺)?(?:买|交|缴|上|办|参加)(?:过)?(?:工伤保险|工伤险|社保|社会保险|保险)"
        )
        self._insured = re.compile(lex.pattern("injury", "insured"))
        kin = lex.pattern("people", "kin")
        # A relative named just before (孩子住院, 我妈前阵子生病): the words that follow are about them.
        self._worker_acts = re.compile(r"(?:我|俺)(?:请|辞|被|上班|干活|旷工)|(?:扣|开|辞退|炒)了?(?:我|俺)")
        self._kin_before = re.compile(rf"(?:{kin})[^，。！？,.!?；;我俺]{{0,4}}$")
        # 我老公去年十月在工地…, 我同事上周在车间…: a time told between the person and the verb (session 14).
        when = (
            rf"(?:去年|今年|前年|上个?月|这个月|本月|上周|上星期|上礼拜|昨天|前天|前几天|前些天|年初|年底|刚才|刚刚|"
            # Session 17 (asker17): the day's time (我父亲今天在工地…, 我老公昨晚在车间…).
            rf"今天|今早|今晚|昨晚|早上|上午|中午|下午|晚上|那天|当天|"
            rf"\d{{1,4}}年|\d{{1,2}}月份?|[{CN_CHARS}]{{1,3}}月份?|\d{{1,2}}[号日]|[{CN_CHARS}]{{1,3}}[号日])"
        )
        self._when = when
        self._care_for = re.compile(lex.pattern("people", "care_for"))
        self._kin_event = re.compile(lex.pattern("people", "kin_case_events"))
        # Session 30: the asker's own job told in the first person (我在一家连锁超市做收银, 我做了快五年了, 俺在厂里干了三年).
        self._own_job = re.compile(
            rf"(?:^|[，,。！？!?；;\s])(?:我|俺)(?!们|家|的)(?:{lex.pattern('people', 'own_job_before')})?"
            rf"(?:在[^，,。！？!?；;我]{{1,12}}?(?:做|当|干|上班|打工|工作)|(?:{lex.pattern('people', 'own_job_verbs')}))"
        )
        self._kin_subject = re.compile(
            rf"(?:^|我的?|我家|俺的?|俺家)(?P<kin>{kin})(?:{when}){{0,3}}(?:{lex.pattern('people', 'kin_verbs')})"
            # 帮我爸问问 / 替我老婆咨询一下: asking on a relative's behalf.
            rf"|(?:帮|替|给)(?:我|俺)?(?:家)?(?P<kin2>{kin})(?:问|咨询|打听|求助)"
            # 老公上个月3号从架子上掉下来: a message that opens with the relative is about them.
            # (孩子 and 老人 opening a message are more often the worker's dependants than the worker.)
            rf"|^(?!孩子|老人|家里人)(?P<kin3>{kin})(?!说|让我|叫我|跟我|和我|给我)"
        )
        # 我开了一家厂 is the employer; 老板把我开了 is the worker: a 我 after 把/让/叫/给/被 is the object.
        self._employer = re.compile(
            rf"(?<![把让叫给被将])(?:{lex.pattern('people', 'employer')})"
            rf"|(?:{lex.pattern('people', 'employer_acts')})(?={lex.pattern('people', 'acted_on_other')})"
            # Session 16 (issue 13): one of the asker's staff singled out, whatever stands between (我们公司一个被
            # 鉴定为十级伤残的员工, 我们厂有名刚来的工人): the employer asks about its worker. 我们公司员工都… (the
            # staff as a group, a worker among them) is not this: one person is counted out.
            rf"|(?:{lex.pattern('people', 'own_business')})(?:有|的)?(?:一个|一名|有个|有名|个别|某)"
            rf"[^，。,.!?？！我]{{0,12}}?(?:{lex.pattern('people', 'staff_noun')})"
            rf"|(?<![把让叫给被将])(?:{lex.pattern('people', 'runs_business')})[^，。,.!?？！车]{{0,4}}"
            rf"(?:{lex.pattern('people', 'business')})"
            # 我是在个人工厂 / 我是在一家公司上班: 在 after 我是 tells where the worker works, not what they run
            # (session 16, issue 13: a worker answered as the employer).
            rf"|(?:{lex.pattern('people', 'self_is')})(?![在于从到给])(?:一家|一个|一名|个)?[^，。,.!?？！的里]{{0,8}}?"
            rf"(?:{lex.pattern('people', 'self_business')})(?=[，。,.!?？！；;、\s]|$|{lex.pattern('people', 'self_business_after')})"
            # Session 18 (harm18): 我是劳务中介招去的 — the worker the agency recruited, not the agency asking.
            rf"(?!{lex.pattern('people', 'self_business_not_after')})"
            # Session 17 (asker17): the people the asker or his household hired (我请的人, 我家店里雇的服务员).
            rf"|(?<![把让叫给被将在])(?:{lex.pattern('people', 'hirer_self')})(?:{lex.pattern('people', 'family_business')})?里?"
            rf"(?:{lex.pattern('people', 'hire_verbs')})(?:的|了|来的|过的)[\d{CN_CHARS}几个名位多]{{0,4}}?"
            rf"(?:{lex.pattern('people', 'hired')})(?!事|家|社|保险)"
            # A relative's business (我爸开厂的, 我老公开了个饭店): not 我在我爸开的厂里上班.
            rf"|(?<![在到去跟给帮替])(?:我的?|俺的?|我家|俺家)?(?:{kin})(?:是|自己)?(?:开了|开的|开)(?:一家|一个|个|家|间|了个)?"
            rf"(?:{lex.pattern('people', 'family_business')})(?!{lex.pattern('people', 'works_in_after')})"
            # The asker's business told with its place (我在镇上开店, 俺在老家开了个作坊).
            rf"|(?<![把让叫给被将])(?:我|俺)在[^，。,.!?？！的]{{0,5}}?(?:上|里|镇|县|村|市|区|城|街|路|边|老家|附近)"
            rf"(?:开了|开的|开)(?:一家|一个|个|家|间|了个)?(?:{lex.pattern('people', 'family_business')})"
            rf"(?!{lex.pattern('people', 'works_in_after')})"
            # The household's business and its staff (我家店里的服务员, 我们家厂里有个工人).
            rf"|(?<![在到去])(?:我家|我们家|俺家)(?:开的|的)?(?:{lex.pattern('people', 'family_business')})(?:里|上)?"
            rf"(?:的|有个|有一个|有名|有几个)?[^，。,.!?？！我]{{0,6}}?(?:{lex.pattern('people', 'staff_noun')})"
        )
        self._staff_demand = re.compile(
            rf"(?:^|[，。,.!?？！；;\s])(?:{lex.pattern('people', 'staff_demand_subject')})"
            rf"[^，。,.!?？！；;我]{{0,6}}?(?:{lex.pattern('people', 'staff_demand_verb')})"
        )
        # Session 16 (employer16, issue 13): the worker spoken of only in the third person, and the side that hires
        # asking its own duty or power (公司能不能开除, 我们要赔多少): corpus/consult/facts.toml [people].
        self._third_person_worker = re.compile(
            rf"(?:{lex.pattern('people', 'third_person_worker')})"
            # A worker named the way a forum hides a name (王某, 李X, 张某某) at the start of a clause.
            rf"|(?:^|[，。,.!?？！；;\s])[\u4e00-\u9fff](?:某某?|[XxＸ×]{{1,2}})(?=[\u4e00-\u9fff])(?!公司|单位|企业|厂|店|地|些|个|种|天|年|月|人|处|项|市|省|县|区)"
        )
        self._unit_duty = re.compile(
            rf"(?<!用人)(?:{lex.pattern('people', 'unit_subject')})(?:现在|目前|这时|这种情况下?|是)?(?:{lex.pattern('people', 'unit_modal')})"
            rf"[^，。,.!?？！；;]{{0,10}}?(?:{lex.pattern('people', 'unit_duty_verb')})"
        )
        self._unit_self = re.compile(
            rf"{lex.pattern('people', 'workers_group')}|我们(?=[\d{CN_CHARS}几])"
            rf"|(?P<unit>{lex.pattern('people', 'unit_self')}|我们(?={lex.pattern('people', 'unit_self_acts')}))"
        )
        self._worker_self = re.compile(lex.pattern("people", "worker_self"))
        self._we_act = re.compile(rf"我们(?:{lex.pattern('people', 'unit_self_acts')})")
        colleague = lex.pattern("people", "colleague")
        self._colleague = re.compile(
            rf"(?:^|我的?|俺的?|我们|俺们)(?P<who>{colleague})(?:{self._when}){{0,3}}(?:{lex.pattern('people', 'colleague_verbs')})"
            rf"|(?:帮|替|给)(?:我|俺)?(?:的)?(?P<who2>{colleague})(?:问|咨询|打听|求助)"
        )
        # The worker the message is about is the asker (我被…, 打我, 把我…): a colleague named is background.
        # 我现在也在那个岗位 / 轮到我了: the asker's own case, the colleague's only its background.
        self._self_harmed = re.compile(
            r"(?:我|俺)(?:也)?被|把(?:我|俺)|(?:打|骂|扣|开|辞退|炒|欠)了?(?:我|俺)|(?:我|俺)(?:现在)?也|我自己|轮到我"
        )
        self._group = re.compile(
            rf"(?P<n>\d+|[{CN_CHARS}几]+)\s*(?P<more>多|来|几)?\s*(?:个|名|位)?\s*(?:{lex.pattern('people', 'group_nouns')})"
        )
        self._violence = re.compile(lex.pattern("harm", "violence"))
        self._violence_inside = re.compile(
            rf"{lex.pattern('harm', 'violence_inside')}"
            rf"|打了?我的?(?:{lex.pattern('harm', 'violence_transfer')}|\d|[两三四五六七八九几][十百千万块])"
        )
        self._pay_sought = re.compile(lex.pattern("arrears", "pay_sought"))
        self._third_party = re.compile(lex.pattern("harm", "third_party"))
        self._third_party_violent = re.compile(lex.pattern("harm", "third_party_violent"))
        self._employer_agent = re.compile(lex.pattern("harm", "employer_agent"))
        self._third_party_self = re.compile(
            rf"(?:{lex.pattern('harm', 'third_party_self_before')})[^,，。]{{0,4}}$"
        )
        self._threat = re.compile(lex.pattern("harm", "threat"))
        self._threat_economic = re.compile(lex.pattern("harm", "threat_economic"))
        self._employer_private = re.compile(lex.pattern("status", "employer_private"))
        self._dismissal_feared = re.compile(lex.pattern("termination", "dismissal_feared"))
        self._dismissal_meant = re.compile(
            rf"(?:{lex.pattern('termination', 'dismissal_meant')})[^,，。；;！!？?]{{0,8}}$"
        )
        self._employer_unit = re.compile(lex.pattern("status", "employer_unit_words"))
        self._employer_casual = re.compile(lex.pattern("status", "employer_casual"))
        self._casual_unit = re.compile(lex.pattern("status", "casual_unit_words"))
        self._platform_work = re.compile(lex.pattern("status", "platform_work"))
        self._share = re.compile(
            rf"(?:{lex.pattern('status', 'share_other')}){_share_pattern('o')}"
            rf"|(?:{lex.pattern('status', 'share_self')}){_share_pattern('s')}"
        )
        self._share_equal = re.compile(lex.pattern("status", "share_equal"))
        self._share_accident = re.compile(lex.pattern("status", "traffic_accident"))
        self._employer_unlicensed = re.compile(lex.pattern("status", "employer_unlicensed"))
        # 想 between the time word and 签 is the worker's own wish (现在想让公司补签), not pressure (session 15).
        self._sign_now = re.compile(
            rf"(?:{lex.pattern('harm', 'sign_now')})|(?:{lex.pattern('harm', 'sign_soon')})[^,，。没不未每想]{{0,8}}签"
        )
        self._sign_contract_object = re.compile(lex.pattern("harm", "sign_contract_object"))
        self._sign_waiver_object = re.compile(lex.pattern("harm", "sign_waiver_object"))
        self._settlement = re.compile(lex.pattern("harm", "settlement"))
        self._settlement_weak = re.compile(lex.pattern("harm", "settlement_weak"))
        # 赔偿一个月的工资 / 只给两个月工资 / 补偿了我一个半月工资: the months offered, the pay named after them.
        self._offer_months = re.compile(
            rf"(?:{lex.pattern('harm', 'offer_months')})(?:了|我|给我|了我|我们)?\s*"
            rf"(?P<n>[{CN_CHARS}\d]{{1,3}}|半)\s*个(?P<half>半)?月(?:的)?(?:工资|薪水|月薪|薪资|工钱)"
        )
        self._offer_months_not = re.compile(lex.pattern("harm", "offer_months_not"))
        self._offer_months_judged = re.compile(lex.pattern("harm", "offer_months_judged"))
        self._offer_months_owed = re.compile(lex.pattern("harm", "offer_months_owed"))
        self._earnings = re.compile(lex.pattern("harm", "earnings"))
        self._death = re.compile(
            rf"{lex.pattern('harm', 'death')}"
            # Not a thing or a limb lost between them (活也没了, 工作没了, 腿没了).
            rf"|(?:{lex.pattern('harm', 'death_accident')})[^，,。；;！!？?活作钱碗资单腿手指脚臂眼]{{0,4}}?"
            rf"(?:{lex.pattern('harm', 'death_weak')})(?![影踪音消钱活工])"
        )
        self._death_idiom = re.compile(rf"(?:{lex.pattern('harm', 'death_idiom_before')})$")
        # 手被机器压了 / 被车撞伤 / 被钢板砸到: a harm verb after 被 and what did it.
        # Session 27 (the learn-half reading, class "fingers named by their number": 右手2、3、4指多节完全切断): a
        # digit or its numeral before 指, alone or in a list, names fingers as surely as 食指 (not 指导, 指标 …).
        self._finger = re.compile(
            rf"{lex.pattern('injury', 'fingers')}"
            r"|(?:第)?[1-5一二三四五](?:\s*[、，,和及]\s*(?:第)?[1-5一二三四五])*\s*指(?![导标数南出示定责望令挥控引派认])"
        )
        self._finger_harm = re.compile(lex.pattern("injury", "finger_harm"))
        self._fracture = re.compile(lex.pattern("injury", "fracture_words"))
        self._fracture_several = re.compile(lex.pattern("injury", "fracture_several"))
        self._recurrence = re.compile(lex.pattern("injury", "recurrence"))
        self._recurrence_of_work = re.compile(lex.pattern("injury", "recurrence_of_work"))
        self._recurrence_work_asked = re.compile(lex.pattern("injury", "recurrence_work_asked"))
        self._several_injuries = re.compile(lex.pattern("injury", "several_injuries"))
        self._injury = re.compile(
            lex.pattern("harm", "injury")
            + r"|被[^,，。]{0,4}(?:压|砸|夹|轧|绞|撞|割|切|烫|烧|扎|刺|咬|卷)(?:了|伤|断|到|坏|进)"
            # Session 17 (asker17): 工伤 with a state of the injured (工伤期间, 因工伤住院) — an injury happened.
            + rf"|工伤(?:{lex.pattern('harm', 'injury_state_after')})|(?:{lex.pattern('harm', 'injury_cause_before')})工伤"
        )
        self._ill_treatment = re.compile(lex.pattern("harm", "ill_treatment"))
        self._injury_at_work = re.compile(lex.pattern("harm", "injury_at_work"))
        self._not_at_work = re.compile(lex.pattern("status", "not_at_work"))
        self._this_year_age = re.compile(
            r"今年(?:才|刚|只有|刚满|还不到|不到|才刚)?\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})(?![\d年月日号块元万千个天])"
        )
        hours = lex.pattern("work", "hour_units")
        self._weekday_ot = re.compile(
            rf"(?:{lex.pattern('work', 'weekday_overtime')})(?:都|要|得|还|还要|至少|差不多|大概|平均)*\s*"
            rf"(?P<n>\d+(?:\.\d+)?|[{CN_CHARS}半]+)\s*(?P<half>个半)?\s*(?:{hours})"
            # 每天晚上还得加3小时 / 平时下了班都要再加俩钟: a working-day word, a few words, then 加.
            rf"|(?:{lex.pattern('work', 'weekday_words')})[^,，。\d]{{0,5}}?加(?:班)?(?:了)?"
            rf"(?:都|要|得|还|至少|差不多|大概|平均)*\s*(?P<n2>\d+(?:\.\d+)?|[{CN_CHARS}半]+)\s*(?:个半)?\s*(?:{hours})"
        )
        self._hours_ot = re.compile(
            rf"(?P<n>\d+(?:\.\d+)?|[{CN_CHARS}半]+)\s*(?P<half>个半)?\s*(?:{hours})(?:的)?\s*(?:加班|班)"
            # 一个月加班六十多个小时 (session 14): 多/来 after the number, read at the number.
            rf"|加班(?:了)?(?:都|要|得|至少|差不多|大概|一共|总共)*\s*(?P<n2>\d+(?:\.\d+)?|[{CN_CHARS}半]+)\s*(?:多|来)?(?:个半)?\s*(?:{hours})"
        )
        self._day_hours = re.compile(
            rf"(?:{lex.pattern('work', 'day_hours_before')})(?:都|要|得|至少|差不多|大概)*\s*"
            rf"(?P<n>\d+(?:\.\d+)?|[{CN_CHARS}]+)\s*(?P<half>个半)?\s*(?:{hours})"
        )
        num = rf"(?P<n>\d+(?:\.\d+)?|[{CN_CHARS}]+)"
        self._day_total = re.compile(
            rf"(?:{lex.pattern('work', 'day_words')})(?:都|要|得|还要|还得|基本|基本上|至少|差不多|大概|一般|起码|最少)*"
            rf"(?:(?:{lex.pattern('work', 'day_verbs')})(?:了|活)?(?:都|要|得|至少|差不多|大概|足足|整整)*)?\s*"
            rf"{num}\s*(?P<half>个半)?\s*(?:{hours})"
        )
        # 早八晚八 / 早上8点到晚上10点 / 早7点干到晚7点: a day told by its first and last hour.
        self._day_span = re.compile(
            rf"早(?:上|晨)?(?P<a>\d{{1,2}}|[{CN_CHARS}]{{1,2}})(?:点|时)?(?:半)?[^,，。\d]{{0,5}}?"
            rf"晚(?:上)?(?P<b>\d{{1,2}}|[{CN_CHARS}]{{1,2}})(?:点|时)?"
        )
        num2 = num.replace("?P<n>", "?P<n2>")
        self._workdays = re.compile(
            rf"{num}\s*个?\s*(?:工作日|工作天)|(?:{lex.pattern('work', 'workdays_before')}){num2}\s*天(?:班)?"
            r"|(?:周|星期|礼拜)(?P<a>[一二三四五])(?:到|至|-)(?:周|星期|礼拜)?(?P<b>[一二三四五])"
        )
        week = lex.pattern("work", "week_words")
        self._week_days = re.compile(rf"(?:{week})(?:都|要|得|上|干|做|上班|工作|了)*\s*(?P<n>[六七67])\s*天")
        self._single_rest = re.compile(lex.pattern("work", "single_rest"))
        self._no_rest = re.compile(lex.pattern("work", "no_rest"))
        rest = lex.pattern("work", "restday")
        # 4个周六都被叫回来上班，每次8小时: a count of rest days, then the hours of each.
        self._rest_count = re.compile(rf"{num}\s*个\s*(?:{rest})")
        self._each_hours = re.compile(
            rf"(?:每次|每回|每个|每天|一次|一天|每趟)(?:都|要|得|干|上|做|了|加)*\s*{num}\s*(?P<half>个半)?\s*(?:{hours})"
        )
        # 干了8个钟 on a rest day or a holiday: hours with any verb of work.
        self._worked_hours = re.compile(
            rf"(?:干|做|上|加|工作|忙|值)(?:了|活|班)?(?:整整|足足|差不多|大概|快)?\s*{num}\s*(?P<half>个半)?\s*(?:{hours})"
        )
        # 1号到3号 / 上了3天班 / 干了两天: the days worked on a holiday or a rest day.
        self._day_range = re.compile(
            r"(?P<a>\d{1,2})\s*(?:号|日)?\s*(?:到|至|-|~)\s*(?P<b>\d{1,2})\s*(?:号|日)"
        )
        self._days_worked_off = re.compile(
            rf"(?:上|干|做|加|值|来)(?:了)?{num}\s*天|{num2}\s*天(?:都|全)?(?:在|要|得|去|被叫|上班|加班|干活)"
        )
        self._restday = re.compile(lex.pattern("work", "restday"))
        self._holiday = re.compile(lex.pattern("work", "holiday"))
        # 加班 / 上班, also with the hours inside: 加了8个小时班, 上了一天班.
        self._work_verbs = re.compile(
            r"(?:加|上|值)了?[^,，。]{0,6}班|干活|开工|出勤|要来|也得来|也要来|都得来|不休息|没休息|没得休"
            r"|(?:干|做|加)了|去干|去做|被叫|被喊"
        )
        # 每个月从工资里扣2000 / 每月扣500: a recurring deduction from pay.
        self._monthly_deduction = re.compile(
            rf"(?:每个?月|一个月)(?:都)?(?:从工资里|从工资中|工资里|在工资里)?(?:要|都|还)?扣(?:掉|我|了)?\s*(?P<n>\d+(?:\.\d+)?|[{CN_CHARS}]+)\s*(?:块|元)?"
        )
        self._unused_leave = re.compile(
            rf"(?P<a>\d+|[{CN_CHARS}]+)\s*天(?:的)?(?:年假|年休假)[^,，。]{{0,4}}(?:没休|没有休|未休|没让休|没安排|还没休)"
            rf"|(?:年假|年休假)(?:还)?(?:有|剩|剩下|还剩)\s*(?P<b>\d+|[{CN_CHARS}]+)\s*天"
        )
        # 今年年假只休了1天 / 已经请了两天年假 / 年休假用掉3天: annual leave already taken.
        self._leave_taken = re.compile(
            rf"(?:年假|年休假)[^,，。]{{0,4}}?(?:休了|请了|用了|用掉|休过|休掉|放了)\s*(?P<a>\d+(?:\.\d+)?|[{CN_CHARS}半]+)\s*天"
            rf"|(?:休了|请了|用了|用掉|休过)\s*(?P<b>\d+(?:\.\d+)?|[{CN_CHARS}半]+)\s*天(?:的)?(?:年假|年休假)"
        )
        self._comp_given = re.compile(lex.pattern("work", "comp_time_given"))
        self._comp_refused = re.compile(lex.pattern("work", "comp_time_refused"))
        self._pregnant = re.compile(lex.pattern("status", "pregnant"))
        self._student = re.compile(lex.pattern("status", "student_words"))
        self._still_employed = re.compile(
            rf"(?:{lex.pattern('status', 'still_employed')})(?!\S{{0,6}}?(?:时|的时候|期间))"
        )
        self._part_time = re.compile(lex.pattern("status", "part_time"))
        self._applicant = re.compile(lex.pattern("status", "applicant"))
        self._civil_claim = re.compile(lex.pattern("status", "civil_claim"))
        self._wage_claim = re.compile(lex.pattern("status", "wage_claim"))
        self._female_kin = frozenset(lex.words("status", "female_kin"))
        self._male_kin = frozenset(lex.words("status", "male_kin"))
        self._individual_employer = re.compile(lex.pattern("status", "individual_employer"))
        self._individual_self = re.compile(lex.pattern("status", "individual_self"))
        self._contractor = re.compile(lex.pattern("people", "contractor"))
        self._absconded = re.compile(
            # Session 16: within the sentence (the boss the topic of the clauses after him), not just the clause.
            rf"(?:{lex.pattern('status', 'boss_words')})[^。？?！!\n]{{0,30}}?(?:{lex.pattern('status', 'absconded')})"
        )
        self._building_site = re.compile(lex.pattern("status", "building_site"))
        self._hiring_fee = re.compile(lex.pattern("status", "hiring_fee"))
        self._cycle_long = re.compile(lex.pattern("status", "pay_cycle_long"))
        self._driving_after = re.compile(lex.pattern("status", "driving_after"))
        self._driving_before = re.compile(lex.pattern("status", "driving_before"))
        self._cycle_short = re.compile(lex.pattern("status", "pay_cycle_short"))
        # Off shift: 下班 and then a later time or a bed (六点半下班，凌晨三点…, 下班回宿舍第二天早上…).
        self._off_shift = re.compile(
            rf"(?:{lex.pattern('status', 'off_shift_start')})[^。；;？?！!]{{0,16}}?"
            rf"(?:{lex.pattern('status', 'off_shift_later')})"
        )
        self._on_the_road = re.compile(
            rf"{lex.pattern('status', 'commute')}|{lex.pattern('status', 'traffic_accident')}"
        )
        self._part_time_side = re.compile(lex.pattern("status", "part_time_side"))
        self._female = re.compile(lex.pattern("status", "female_words"))
        self._male = re.compile(lex.pattern("status", "male_words"))
        self._internship = re.compile(lex.pattern("status", "internship_words"))
        self._graduated = re.compile(lex.pattern("status", "graduated_words"))
        insurance_kinds = lex.pattern("status", "insurance_kinds")
        insurance_not = lex.pattern("status", "insurance_not_paid")
        self._flags = [
            (
                "social_insurance",
                False,
                re.compile(
                    rf"(?:{lex.pattern('status', 'social_insurance_unpaid')})"
                    # 没给我交医保 / 养老保险也一年没交了: any kind of insurance named, either order.
                    # Session 27: 缴纳 / 购买 as the verb (单位没有缴纳社会保险, 未缴纳社保).
                    r"|(?:没|没有|未|不)(?:给)?(?:我|他|她|我们|他们|工人|员工|俺)?(?:缴纳|购买|买|交|缴|上|办)(?:过)?"
                    rf"(?:{insurance_kinds})"
                    # 公司没有给我医疗保险: the verb left out after 给 (session 16, facts16).
                    rf"|(?:没|没有|未|不)给(?:我|他|她|我们|他们|工人|员工|俺)(?:{insurance_kinds})"
                    rf"|(?:{insurance_kinds})[^，。,；;？?！!]{{0,8}}?(?:{insurance_not})"
                    # 去社保局一查，公司根本没给我交: the record checked and found unpaid, the object left out after
                    # the check (session 16, lead: the share deducted from pay but never paid in).
                    rf"|(?:{insurance_kinds})[^。；;？?！!]{{0,8}}?(?:一查|查了|查到|查询|一问|问了)[^。；;？?！!]{{0,10}}?"
                    r"(?:没|没有|未)(?:给(?:我|他|她|我们|俺)?)?(?:交|缴|买|上)(?![满够足齐全])"
                ),
            ),
            (
                "social_insurance",
                True,
                re.compile(
                    rf"(?:{lex.pattern('status', 'social_insurance_paid')})"
                    # 社保公司一直有交的 / 社保单位交着的: the payer named between (session 16, facts16).
                    rf"|(?:{insurance_kinds})(?:公司|单位|厂里|厂子|老板|企业)?(?:都|也|一直|全|全都|全部|每月|每个月|按月)*(?:{lex.pattern('status', 'insurance_paid')})"
                    rf"|(?:{insurance_kinds})[^，。,；;？?！!不没未]{{0,6}}?是(?:{lex.pattern('status', 'insurance_paid_by')})"
                    rf"|(?<![没不未])(?:给|帮)(?:我|我们|俺|员工|工人)?(?:交|缴|买|上)了(?:{insurance_kinds})"
                    # Session 27 (a check reader's note: 十级残疾，工资1200，缴纳社会保险): 缴纳 told bare, not denied, asked
                    # for or demanded (没有缴纳, 不给缴纳, 要求缴纳 are read above or are no fact).
                    rf"|(?<![没不未拒求让要给])(?<!没有)缴纳了?(?:{insurance_kinds})(?![吗呢么])"
                    # 除去五险一金和税, 工资里扣除社保: deducted from the pay, so told as paid (session 16, facts16).
                    rf"|(?<![没不未])(?:扣除|扣掉|除去|减去|去掉)了?(?:{insurance_kinds})"
                ),
            ),
            ("insurance_underpaid", True, re.compile(lex.pattern("status", "insurance_underpaid"))),
            ("contract_expired", False, re.compile(lex.pattern("status", "contract_running"))),
            ("not_at_work", True, re.compile(lex.pattern("status", "not_at_work"))),
            ("on_maternity_leave", True, re.compile(lex.pattern("status", "on_maternity_leave"))),
            ("work_setting", True, re.compile(lex.pattern("status", "work_setting"))),
            ("commute", True, re.compile(lex.pattern("status", "commute"))),
            (
                "on_duty_travel",
                True,
                re.compile(
                    rf"(?:在|正在|去|到)[^，。,；;！!？?]{{0,6}}?(?:{lex.pattern('status', 'on_duty_activity')})"
                    rf"|(?:{lex.pattern('status', 'on_duty_activity')})(?:{lex.pattern('status', 'on_duty_during')})"
                    rf"|{lex.pattern('status', 'on_duty_time')}"
                ),
            ),
            ("traffic_accident", True, re.compile(lex.pattern("status", "traffic_accident"))),
            ("other_party_at_fault", True, re.compile(lex.pattern("status", "other_party_at_fault"))),
            ("civil_grade", True, re.compile(lex.pattern("status", "civil_grade"))),
            ("ill", True, re.compile(lex.pattern("status", "ill"))),
            ("injury_excluded", True, re.compile(lex.pattern("status", "injury_excluded"))),
            ("commercial_insurance", True, re.compile(lex.pattern("status", "commercial_insurance"))),
            ("hazard_work", True, re.compile(lex.pattern("status", "hazard_work"))),
            (
                "own_vehicle_crash",
                True,
                re.compile(
                    rf"(?:{lex.pattern('status', 'own_vehicle')})[^。！？!?；;]{{0,12}}?"
                    rf"(?:{lex.pattern('status', 'own_vehicle_crash')})"
                ),
            ),
        ]
        # The stage of an injury case (recognised before applied: the first reading stands).
        self._stages = [
            ("injury_stage", "refused", re.compile(lex.pattern("status", "injury_refused"))),
            ("injury_stage", "recognised", re.compile(lex.pattern("status", "injury_recognised"))),
            ("injury_stage", "applied", re.compile(lex.pattern("status", "injury_applied"))),
            ("discharged", True, re.compile(lex.pattern("status", "discharged"))),
        ]
        # The stage a dispute has reached (session 14): the furthest one told wins (DISPUTE_STAGES order).
        self._dispute_stages = [
            (stage, re.compile(lex.pattern("stage", stage))) for stage in reversed(DISPUTE_STAGES)
        ]
        self._stage_not_before = re.compile(
            rf"(?:{lex.pattern('stage', 'not_before')})[^,，。；;！!？?]{{0,6}}$"
        )
        self._stage_not_after = re.compile(lex.pattern("stage", "not_after"))
        self._left = re.compile(lex.pattern("stage", "left"))
        # Session 15: a hotline or inspection reply sending the matter to arbitration; a disease diagnosed.
        self._referred = re.compile(lex.pattern("stage", "referred"))
        self._mediation_statement = re.compile(lex.pattern("stage", "mediation_statement"))
        self._award_word = re.compile(lex.pattern("stage", "award_word"))
        self._reply_from = re.compile(lex.pattern("stage", "reply_from"))
        self._disease_diagnosed = re.compile(lex.pattern("status", "disease_diagnosed"))
        self._occupational = re.compile(lex.pattern("status", "occupational_disease"))
        self._disease_not_before = re.compile(
            rf"(?:{lex.pattern('status', 'disease_not_before')})[^,，。；;！!？?]{{0,6}}$"
        )
        self._injury_supposed = re.compile(lex.pattern("harm", "injury_supposed_before"))
        self._injury_thing = re.compile(rf"(?:{lex.pattern('harm', 'injury_thing_before')})$")
        self._probation = re.compile(lex.pattern("status", "probation"))
        self._nursing = re.compile(lex.pattern("status", "nursing"))
        self._over_after = re.compile(
            rf"\s*(?:{lex.pattern('status', 'period_over_after')})(?![一二两三四五六七八九十几半\d个多前])"
        )
        self._over_before = re.compile(rf"(?:{lex.pattern('status', 'period_over_before')})\s*$")
        self._probation_over = re.compile(
            rf"(?<![快要没未不给才])(?:{lex.pattern('status', 'probation_over')})"
        )
        self._relation = RelationReader(lex)
        self._local_average = re.compile(lex.pattern("wage", "local_average"))
        self._total = re.compile(lex.pattern("wage", "total_words"))
        cut_nouns, cut_verbs = lex.pattern("wage", "pay_cut_nouns"), lex.pattern("wage", "pay_cut_verbs")
        # Before the pay noun only the verbs that cut outright (降了工资, 砍了提成): 少 / 压 there read 多少个月的工资.
        cut_verbs_first = rf"(?<!多)(?:{lex.pattern('wage', 'pay_cut_verbs_first')})"
        self._pay_cut = re.compile(
            rf"(?:{lex.pattern('wage', 'pay_cut_words')})"
            rf"|(?P<verb_first>{cut_verbs_first})了?[^，,。；;！!？?]{{0,6}}?(?:{cut_nouns})"
            rf"|(?:{cut_nouns})[^，,。；;！!？?]{{0,8}}?(?P<verb_after>{cut_verbs})(?:了|到|为|成|掉|低|至)"
            rf"|(?:{cut_nouns})[^，,。；;！!？?]{{0,4}}?(?P<percent>打[一二三四五六七八九]折|打了[一二三四五六七八九]折)"
        )
        self._pay_cut_from = re.compile(
            rf"(?:{cut_nouns})[^，,。；;！!？?]{{0,4}}?[从由]\s*(?P<rest>[^，,。；;！!？?]{{1,24}})"
        )
        self._pay_cut_change = re.compile(lex.pattern("wage", "pay_cut_change"))
        self._pay_cut_was = re.compile(lex.pattern("wage", "pay_cut_was"))
        self._pay_cut_now = re.compile(lex.pattern("wage", "pay_cut_now"))
        self._pay_cut_compared = re.compile(lex.pattern("wage", "pay_cut_compared"))
        self._pay_cut_agreed = re.compile(rf"(?<![不没未有])(?:{lex.pattern('wage', 'pay_cut_agreed')})")
        self._pay_cut_lawful = re.compile(lex.pattern("wage", "pay_cut_lawful"))
        self._pay_fell_less_work = re.compile(lex.pattern("wage", "pay_fell_less_work"))
        self._pay_rate_nouns = re.compile(lex.pattern("wage", "pay_rate_nouns"))
        self._accident_named = re.compile(
            f"{lex.pattern('injury', 'accident_words')}|{lex.pattern('injury', 'accident_more')}"
        )
        self._accident_at_work = re.compile(lex.pattern("injury", "accident_at_work"))
        self._spouse_or_parent_worker = re.compile(lex.pattern("people", "adult_worker_kin"))
        self._child_works = re.compile(lex.pattern("people", "child_works"))
        self._pay_cut_planned = re.compile(rf"(?:{lex.pattern('wage', 'pay_cut_planned')})")
        self._interfering_employer = re.compile(lex.pattern("injury", "interfering_employer"))
        self._interfering_medical = re.compile(lex.pattern("injury", "interfering_medical"))
        press = lex.pattern("injury", "interfering_press")
        self._interfering_acts = (
            (
                "records",
                re.compile(
                    rf"(?:{lex.pattern('injury', 'interfering_records')})[^。！？!?]{{0,12}}?"
                    rf"(?:{lex.pattern('injury', 'interfering_records_taken')})"
                ),
            ),
            (
                "transfer",
                re.compile(
                    rf"(?:{press})[^。！？!?，,]{{0,6}}?(?:{lex.pattern('injury', 'interfering_transfer')})"
                    rf"|(?:{lex.pattern('injury', 'interfering_transfer_refused')})"
                ),
            ),
            (
                "discharge",
                re.compile(
                    rf"(?:{press})[^。！？!?，,]{{0,6}}?(?:{lex.pattern('injury', 'interfering_discharge')})"
                ),
            ),
            ("payment", re.compile(lex.pattern("injury", "interfering_payment"))),
            ("kept_out", re.compile(lex.pattern("injury", "interfering_kept_out"))),
            # A return demanded, not one refused (不让我回去上班 is kept_out).
            (
                "back_to_work",
                re.compile(rf"(?<![让准许要给])(?:{lex.pattern('injury', 'interfering_back')})"),
            ),
        )
        self._interfering_back_context = re.compile(lex.pattern("injury", "interfering_back_context"))
        self._interfering_treatment = re.compile(lex.pattern("injury", "interfering_treatment"))
        self._interfering_discharge_allowed = re.compile(
            lex.pattern("injury", "interfering_discharge_allowed")
        )
        rule = lex.sections["withheld_by_rule"]
        self._rule_named = re.compile(
            rf"(?:{lex.pattern('withheld_by_rule', 'rule_words')})"
            rf"|(?:{lex.pattern('withheld_by_rule', 'employer_words')})[^，,。；;！!？?]{{0,4}}?"
            rf"(?<!{')(?<!'.join(re.escape(w) for w in rule['law_before'])})"
            rf"(?:{lex.pattern('withheld_by_rule', 'rule_nouns')})"
        )
        self._rule_withholds = re.compile(lex.pattern("withheld_by_rule", "withhold_verbs"))
        self._part_paid_nouns = lex.words("arrears", "month_words")
        pay = lex.pattern("arrears", "month_words")
        self._part_paid = re.compile(
            rf"(?:{pay})?[^，,。；;！!？?]{{0,4}}?(?:只|才|就)(?:给)?(?:{lex.pattern('arrears', 'part_paid_verbs')})(?:了)?"
            rf"(?:我们?|俺们?|大家)?(?P<part>{lex.pattern('arrears', 'part_paid_parts')})(?:的)?(?:{pay})?"
        )
        # The payments in the file's order, the narrowest first (a work injury's pay before a wage's).
        self._rule_items = tuple(
            (key.removeprefix("item_"), re.compile(lex.pattern("withheld_by_rule", key)))
            for key in rule
            if key.startswith("item_")
        )
        self._pay_cut_denied = re.compile(rf"(?:{lex.pattern('wage', 'pay_cut_denied')})$")
        count = rf"(?P<n>\d+|[{CN_CHARS}几两]+)\s*(?P<more>多|来)?\s*"
        self._laid_off = re.compile(
            rf"(?:{lex.pattern('termination', 'laid_off_verbs')})(?:了)?(?:我们|俺们|咱们|我们这|其中)?(?:只|就|才|一共|总共|共)?"
            rf"{count}(?:(?:个|名|位)?\s*(?:人|员工|工人|职工|同事|师傅)|(?:个|名|位)(?![月年天小钟星礼周工]))"
        )
        self._staff = re.compile(
            rf"(?:{lex.pattern('termination', 'staff_words')})(?:大概|差不多|将近|接近|有|近|约|共|员工|职工|工人)*\s*"
            rf"{count}(?:个|名|位|号)?\s*(?:人|员工|工人|职工)"
            rf"|{count.replace('?P<n>', '?P<n2>').replace('?P<more>', '?P<more2>')}(?:个|名|位|号)?\s*(?:人|员工|工人|职工)的(?:公司|厂|工厂|单位|企业)"
        )
        self._near_retirement_when = re.compile(
            rf"(?<![已经])(?:{lex.pattern('termination', 'near_retirement_when')})[^，,。；;！!？?已]{{0,6}}?退休(?!后|以后|之后|金|工资|人员|返聘)"
        )
        self._near_retirement = re.compile(
            rf"(?:{lex.pattern('termination', 'near_retirement')})(?:还有|只有|不到|就|了)?\s*(?P<n>\d+|[{CN_CHARS}两几]+)?\s*(?:年)?"
        )
        self._occupational = re.compile(lex.pattern("status", "occupational_disease"))
        self._transferred = re.compile(lex.pattern("status", "transferred"))
        self._moved_by_self = re.compile(lex.pattern("status", "moved_by_self"))
        self._employer_merged = re.compile(lex.pattern("status", "employer_merged"))
        self._handed_in_words = re.compile(lex.pattern("dates", "handed_in"))
        # 抢救了40个小时 / 抢救了两天没救过来 / 送医院第三天去世 / 5天后人没了: the time from being taken ill
        # to death (工伤保险条例 15(1): within 48 hours of rescue).
        self._rescue = re.compile(
            rf"抢救(?:了)?(?:整整|足足|大概|差不多|将近|快)?\s*(?P<a>\d+|[{CN_CHARS}两几半]+)\s*(?:多|来)?\s*(?:个)?\s*(?P<ua>小时|钟头|个钟|天|日)"
            rf"|(?P<b>\d+|[{CN_CHARS}两几]+)\s*(?:个)?\s*(?P<ub>小时|钟头|天)(?:以后|之后|后)[^，。,]{{0,6}}(?:去世|走了|没了|死亡|过世|身亡|不行了|没救过来|没抢救过来)"
            rf"|第(?P<c>\d+|[{CN_CHARS}两]+)天(?:就|人就|还是|人)?(?:去世|走了|没了|死亡|过世|身亡|不行了)"
        )
        self._age = re.compile(r"(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:周)?岁")
        # 上初二 / 初二就出来了 is a child's age; 大年初一初二 is a date.
        self._grade_school = re.compile(
            r"(?:读|上|念|才|刚|还在|正在)初(?P<g>[一二三])|初(?P<g2>[一二三])(?:的?学生|就|没读完|辍学|退学|还没|毕业)"
            r"|(?:读|上|念|才)(?P<p>[四五六])年级"
        )

    def _spoken_of(self, text: str) -> str | None:
        """The words naming the worker in the third person, when no first person in the message is the worker
        (session 16, employer16): 我们公司 / 我方 / 我家 speak for the side that hires, 我们工人 for the workers."""
        # 在饭店当服务员 / 做保姆 / 算不算平台的员工: the asker's own job or standing, not a worker spoken of.
        hit = next(
            (
                h
                for h in self._third_person_worker.finditer(text)
                if not re.search(r"(?:当|做|干|任|作为)\S?$|(?:是|算|属于)\S{0,4}$", text[: h.start()])
            ),
            None,
        )
        if hit is None:
            return None
        rest = text
        for unit in self._unit_self.finditer(text):
            if unit.group("unit") is None:
                return None  # 我们工人, 我们几个: workers as a group
            rest = rest.replace(unit.group(0), "", 1)
        if self._worker_self.search(rest):
            return None
        return hit.group(0).strip("，。,.!?？！；; ")

    # --- the conversation --------------------------------------------------------------------

    def extract(self, messages: Sequence[str], today: date, asked: str | None = None) -> CaseFacts:
        """The facts of the worker's messages, oldest first. ``asked``: the fact the previous answer
        asked for; a short reply that gives just a number, a duration or a date fills it."""
        record = CaseFacts(today)
        for turn, message in enumerate(messages):
            text = _normalize(message)
            if not text:
                continue
            found = self.read(text, today, turn)
            last = turn == len(messages) - 1
            if last and asked and asked not in found:
                reply = self.read_reply(text, asked, today, turn)
                if reply is not None:
                    found[asked] = reply
            for fact in found.values():
                record.add(fact)
        self._derive(record)
        return record

    def read(self, text: str, today: date, turn: int = 0) -> dict[str, Fact]:
        facts: dict[str, Fact] = {}

        def put(
            name: str,
            value: FactValue,
            words: str,
            approximate: bool = False,
            note: str = "",
            until: str | None = None,
        ) -> None:
            if name not in facts:  # the first reading in a message is the most explicit one
                facts[name] = Fact(name, value, words.strip(), turn, approximate, note, until)

        for _offset, clause in _clauses(text):
            self._wages(clause, put)
            self._arrears(clause, put)
            self._tenure(clause, today, put, text)
            self._dates(clause, today, put)
            self._overtime(clause, put)
        self._basic_plus_extras(text, facts, put)
        if "monthly_wage" not in facts and "average_monthly_wage" not in facts:
            self._annual_pay(text, put)
        self._overtime_message(text, facts, put)
        self._pay_cut_told(text, put)
        self._withheld_by_rule(text, put)
        self._part_paid_told(text, put)
        self._treatment_interfered(text, put)
        if (
            (hit := self._accident_named.search(text))
            and not self._work_injury_named.search(text)
            and not self._accident_at_work.search(text)
        ):
            put("accident_named", True, hit.group(0))
        self._injury_elapsed(text, today, put)
        self._status(text, put, today)
        self._stage(text, put)
        self._birth_year(text, today, put)
        self._relation.read(text, put)
        self._decisive(text, put)
        self._tenure_across_transfer(text, today, turn, facts)
        if "start_date" not in facts and "service_months" not in facts:
            self._start_to_now(text, today, put)
        # 无照驾驶 / 驾照被吊销 is a driver's licence, not the employer's (session 10, lawyers' class "wrong
        # regime": the 非法用工 办法 applied to a workplace injury caused by an unlicensed driver).
        unlicensed = (
            hit
            for hit in self._employer_unlicensed.finditer(text)
            if not self._driving_after.match(text, hit.end())
            and not self._driving_before.search(text[max(0, hit.start() - 4) : hit.start()])
        )
        if hit := next(unlicensed, None):
            put("employer_kind", "unlicensed", hit.group(0))
        elif (hit := self._employer_private.search(text)) and not self._employer_unit.search(text):
            put("employer_kind", "private_person", hit.group(0))
        elif (
            (hit := self._employer_casual.search(text))
            and not self._employer_unit.search(text)
            and not self._casual_unit.search(text)
        ):
            put("casual_hire", True, hit.group(0))
        # Session 22 (harm22): a company, a shop or a colleague told with no household hiring named is an
        # employer too (我同事被公司辞退, 亲戚在物流公司开货车), whether or not a household word is also said.
        if (
            "employer_kind" not in facts
            and (unit := self._employer_unit.search(text))
            and unit.group(0) != "家政公司"
        ):
            put("unit_named", True, unit.group(0))
        if not facts.keys() & set(DATE_FACTS) and (year := self._standard_year.search(text)):
            # The year whose standard is asked (2018年浙江省工伤死亡赔偿金): the tools count on it, not on today.
            if 1990 <= int(year.group("y")) <= today.year:  # the tools' bounds (fields.StandardYear)
                put("standard_year", int(year.group("y")), year.group(0))
        if (place := read_place(text)) is not None:
            # The tools' tables are by province (minimum wage, injury lump sums) and city (average wage).
            put("province", place.province, place.words)
            if place.city is not None:
                put("city", place.city, place.words)
        return facts

    # --- money ---------------------------------------------------------------------------------

    def _sums(self, clause: str) -> Iterable[Money]:
        pos = 0
        while pos < len(clause):
            money = money_at(clause, pos)
            if money is not None and money.end > money.start:
                yield money
                pos = money.end
            else:
                pos += 1

    def _wages(self, clause: str, put: Any) -> None:
        base: tuple[int, Money] | None = None  # the first monthly sum of the clause (底薪3000)
        for m in self._monthly_before.finditer(clause):
            money = money_at(clause, m.end())
            if money is None or not 300 <= money.yuan <= 200000:
                continue
            earned = self._earned_average.search(clause[max(0, m.start() - 12) : money.start])
            # The words that make a sum something else stand near it: in a long clause told without stops
            # (voice input: …问我们愿不愿意拿补偿走人一个月也就四千多) a 补偿 far back is another matter (session 16).
            # 一个月也就四千多 / 一个月才三千: the worker's own pay told as little, whatever came before it.
            modest = re.match(r"\s*(?:也就|才|只有|只)", clause[m.end() : money.start])
            near = self._not_wage.search(clause[max(0, m.start() - 6) : m.start()])
            if (near and not earned and not modest) or self._owed.search(
                _ABOUT.sub("", clause[m.end() : money.start])
            ):
                continue  # 提成五千: the commission, not the wage (but 加提成平均每月九千 is the wage earned)
            months = _MONTHS_BEFORE.search(clause[: m.start()])
            if self._total.search(clause[m.end() : money.start]) or (
                months and months.group("n") not in ("一", "1")
            ):
                continue  # 三个月工钱一共两万四: a total for a period, not the month's wage
            if self._local_average.search(clause[max(0, m.start() - 8) : m.end()]):
                continue  # 社平工资一万: the city's average, not the worker's wage
            if self._daily_after.match(clause[money.end :]):
                put("daily_wage", money.yuan, clause[m.start() : money.end + 2], money.approximate)
                continue
            if _ALLOWANCE_AFTER.match(clause[money.end :]):
                continue  # 每个月给一千块生活费: an allowance paid instead of the wage, not the wage (session 30)
            put("monthly_wage", money.yuan, clause[m.start() : money.end], money.approximate)
            self._earned(clause, m.start(), money, put, base)
            base = base or (m.start(), money)
        for money in self._sums(clause):
            after = clause[money.end :]
            before = clause[: money.start]
            if self._monthly_after.match(after) and 300 <= money.yuan <= 200000:
                if (
                    not self._not_wage.search(before)
                    and not self._owed.search(before[-4:])
                    and not self._local_average.search(before[-12:])
                ):
                    put("monthly_wage", money.yuan, money.text + after[:4], money.approximate)
                    self._earned(clause, money.start, money, put)
            elif (
                self._daily_after.match(after)
                and 30 <= money.yuan <= 5000
                # Session 30: 一个月1500 一天干十一个钟头 — the sum is the month's; the day starts the next clause.
                and not _MONTH_BEFORE_SUM.search(before[-6:])
            ):
                put("daily_wage", money.yuan, money.text + after[:3], money.approximate)
        for m in self._daily_before.finditer(clause):
            money = money_at(clause, m.end())
            if (
                money is not None
                and 30 <= money.yuan <= 5000
                and not self._owed.search(clause[m.end() : money.start])
            ):
                put("daily_wage", money.yuan, clause[m.start() : money.end], money.approximate)

    def _pay_cut_told(self, text: str, put: Any) -> None:
        """Session 29: the employer cut the worker's pay, told as done: a change of the contract it may not make alone
        (劳动合同法 35(1)) and pay not paid in full (38(1)(2)). Three readings, the most explicit first: a told sum falling
        (底薪从4千调成2800), the pay as it was and as it is now (本来每月7500现在只发6000), or the pay noun with a cutting verb
        (工资被降了两千, 计件单价往下压了, 工资打八折). Not when the clause says the worker agreed (我同意降薪; not 我不同意), the
        cut is only planned or asked about (说要降薪, 能不能降薪, 没降工资: the words just before the cutting verb), the law
        allows the lower pay there (病假, 停工, 试用期), or others are compared (工资比别人少了一千)."""
        if (less_work := self._pay_fell_less_work.search(text)) and not self._pay_rate_nouns.search(
            self._pay_fell_less_work.sub("", text)
        ):
            # Session 30: the pay fell with the work (取消了加班，只拿底薪; 订单少了工资从八千降到四千): no cut of the agreed pay.
            put("pay_fell_less_work", True, less_work.group(0))
            return
        # The clauses that neither agree to the cut nor tell a lower pay the law allows.
        clauses = [
            clause
            for _, clause in _clauses(text)
            if not self._pay_cut_agreed.search(clause) and not self._pay_cut_lawful.search(clause)
        ]
        if fell := next((f for clause in clauses if (f := self._sum_fell(clause))), None):
            put("pay_cut", True, fell)
            return
        for sentence in re.split(r"[。；;！!？?]", text):
            if (fell := self._was_and_now(sentence)) and not self._pay_cut_agreed.search(sentence):
                put("pay_cut", True, fell)
                return
        for clause in clauses:
            for hit in self._pay_cut.finditer(clause):
                verb_at = next((hit.start(g) for g in ("verb_after", "percent") if hit.group(g)), hit.start())
                if (
                    self._pay_cut_planned.search(clause[max(0, verb_at - 4) : verb_at])
                    or self._pay_cut_denied.search(clause[max(0, verb_at - 2) : verb_at])
                    or clause[: hit.start()].endswith("同意")  # 我不同意降薪: a cut proposed, not yet made
                    # 工资比别人少了一千: a comparison with others, not a cut (比去年少拿 is one).
                    or bool(self._pay_cut_compared.search(clause[max(0, hit.start() - 4) : hit.end()]))
                ):
                    continue
                put("pay_cut", True, hit.group(0))
                return

    def _treatment_interfered(self, text: str, put: Any) -> None:
        """Session 30: the employer acting on an injured worker's treatment, in one sentence — the employer named, then its
        act (the records taken, a cheaper or hometown hospital or a referral refused, the bills no longer paid, a discharge
        pressed, a return to work demanded while still off), with no doctor or hospital acting between (医生让我出院 is the
        medicine's call). The value is the act's kind, the first that the message tells."""
        if not self._interfering_treatment.search(text):
            return
        sentences = [s for s in re.split(r"[。！？!?\n]", text) if s.strip()]
        for kind, act in self._interfering_acts:
            for sentence in sentences:
                for hit in act.finditer(sentence):
                    # The employer named last before the act is the one acting.
                    named = list(self._interfering_employer.finditer(sentence, 0, hit.start() + 1))
                    employer = named[-1] if named else None
                    if employer is None and kind != "records":
                        continue
                    # The doctor or the hospital acting between them, its verb the act's own (医院催出院).
                    if employer is not None and self._interfering_medical.search(
                        sentence, employer.end(), hit.start() + 2
                    ):
                        continue
                    if kind in ("back_to_work", "kept_out") and not self._interfering_back_context.search(
                        text
                    ):
                        continue
                    if kind == "discharge" and self._interfering_discharge_allowed.search(text):
                        continue  # 医生说可以出院了: the medicine decided, the employer's pressing changes nothing
                    start = employer.start() if employer is not None else hit.start()
                    put("treatment_interfered", kind, sentence[start : hit.end()])
                    return

    def _part_paid_told(self, text: str, put: Any) -> None:
        """Session 30: the pay paid only in part (每个月只发一半工资, 工资才给了六成) — pay not paid in full, not a lower pay the
        law allows there (病假, 停工, 试用期). A pay noun must stand in the match (只发一半 alone may be a bonus or a deposit)."""
        for _, clause in _clauses(text):
            if self._pay_cut_lawful.search(clause):
                continue
            for hit in self._part_paid.finditer(clause):
                if any(word in hit.group(0) for word in self._part_paid_nouns):
                    put("wages_owed", True, hit.group(0))
                    return

    def _withheld_by_rule(self, text: str, put: Any) -> None:
        """Session 30: the employer's own rule (a 厂规, a handbook, a contract clause, a pledge, "the trade's way") told
        withholding a payment the law gives, in one sentence: the rule named, a withholding verb after it, and the
        payment's word (厂规写着工伤期间只发800块生活费, 员工手册里写了加班不算加班费, 公司说这是厂规押金不退). The value is the
        payment (facts.toml [withheld_by_rule] item_*), the first that the sentence names."""
        for sentence in re.split(r"[。；;！!？?\n]", text):
            rule = self._rule_named.search(sentence)
            if rule is None or not self._rule_withholds.search(sentence, rule.end()):
                continue
            for item, words in self._rule_items:
                if hit := words.search(sentence):
                    put(
                        "withheld_by_rule",
                        item,
                        sentence[min(rule.start(), hit.start()) : max(rule.end(), hit.end())],
                    )
                    return

    def _was_and_now(self, sentence: str) -> str | None:
        """本来每月7500现在只发6000 / 说好一天350，打上个月起就按280给俺算了: the pay as it was, then as it is now, smaller
        (the words from the first to the second sum). Not a sum owed (欠, 没发) nor one far from its cue."""
        if self._pay_cut_lawful.search(sentence):
            return None
        for was in self._pay_cut_was.finditer(sentence):
            first = next(
                (
                    m
                    for pos in range(was.end(), min(len(sentence), was.end() + 14))
                    if (m := money_at(sentence, pos))
                ),
                None,
            )
            if first is None or self._owed.search(sentence[was.end() : first.start]):
                continue
            now = self._pay_cut_now.search(sentence, first.end, min(len(sentence), first.end + 16))
            if now is None:
                continue
            second = next(
                (
                    m
                    for pos in range(now.end(), min(len(sentence), now.end() + 8))
                    if (m := money_at(sentence, pos))
                ),
                None,
            )
            if second is None or self._owed.search(sentence[first.end : second.start]):
                continue
            if 0 < second.yuan < first.yuan and second.yuan >= first.yuan * 0.3:
                return sentence[was.start() : second.end]
        return None

    def _sum_fell(self, clause: str) -> str | None:
        """底薪从4千调成2800 / 月薪由12000元下调至9000元: the pay told moving from one sum to a smaller one (the words)."""
        for hit in self._pay_cut_from.finditer(clause):
            rest_at = hit.start("rest")
            first = money_at(clause, rest_at)
            if first is None:
                continue
            change = self._pay_cut_change.match(clause, first.end) or self._pay_cut_change.match(
                clause, first.end + 1
            )
            if change is None:
                continue
            second = money_at(clause, change.end())
            if second is not None and 0 < second.yuan < first.yuan:
                return clause[hit.start() : second.end]
        return None

    def _annual_pay(self, text: str, put: Any) -> None:
        """Session 28 (learn readings, class "a year's pay told, the monthly wage asked again": 上年一共拿了60000元, 年薪
        12万): with no monthly sum told, the year's pay over twelve is the average monthly wage that severance counts
        (劳动合同法 47(3): the twelve months before the ending), approximate."""
        for _, clause in _clauses(text):
            for cue in self._annual_cue.finditer(clause):
                money = money_at(clause, cue.end())
                if money is None or not 6000 <= money.yuan <= 3_000_000:
                    continue
                if self._owed.search(_ABOUT.sub("", clause[max(0, cue.start() - 4) : money.end + 2])):
                    continue  # 一年的工资一共欠了6万: owed, not earned
                put(
                    "average_monthly_wage",
                    round(money.yuan / 12),
                    clause[cue.start() : money.end],
                    True,
                    "按你说的一年收入除以12算",
                )
                return

    def _basic_plus_extras(self, text: str, facts: dict[str, Fact], put: Any) -> None:
        """Session 16: the basic pay told with the other pay of every month and its sum (底薪2500，每个月还有加班费和
        全勤奖一千多): the severance base is their sum (劳动合同法实施条例 27), at least, not the basic pay alone."""
        wage = facts.get("monthly_wage")
        if wage is None or "average_monthly_wage" in facts or not self._basic_pay.match(wage.words):
            return
        extras: list[Money] = []
        taken: set[tuple[int, int]] = set()
        for offset, clause in _clauses(text):
            for item in self._extra_pay.finditer(clause):
                if self._extra_pay_yearly.search(clause[max(0, item.start() - 4) : item.start()]):
                    continue
                # The sum after the item, across the items listed with it (加班费和全勤奖一千多).
                rest = re.match(r"[和跟及与、加上还有]*", clause[item.end() :])
                tail = item.end() + (rest.end() if rest else 0)
                for nxt in self._extra_pay.finditer(clause, tail):
                    if nxt.start() != tail:
                        break
                    more = re.match(r"[和跟及与、加上还有]*", clause[nxt.end() :])
                    tail = nxt.end() + (more.end() if more else 0)
                money = money_at(clause, tail)
                if (
                    money is None
                    or not 50 <= money.yuan <= 3 * float(wage.value)
                    or (offset, money.start) in taken
                ):
                    continue
                if self._extra_pay_yearly.search(clause[money.end : money.end + 3]):
                    continue
                taken.add((offset, money.start))
                extras.append(money)
        if extras:
            total = float(wage.value) + sum(m.yuan for m in extras)
            put(
                "average_monthly_wage",
                total,
                wage.words + "；" + "、".join(m.text for m in extras),
                wage.approximate or any(m.approximate for m in extras),
                "底薪加上每月的加班费、奖金、补贴（这些都算进经济补偿的月工资）",
            )

    def _earned(
        self, clause: str, cue_start: int, money: Money, put: Any, base: tuple[int, Money] | None = None
    ) -> None:
        """A monthly sum told as the average earned with commission or bonus is the severance base (实施条例 27),
        whatever basic pay was told before it (the first monthly wage read stays the wage)."""
        window = clause[max(0, cue_start - 12) : money.start]
        if (
            base is not None
            and money.yuan < base[1].yuan
            and _ADDED.search(clause[base[1].end : money.start])
        ):
            # 底薪3000加提成平均每月两千: a sum smaller than the basic pay told before it, added to it, is the
            # commission's part; the month earned is both (session 16, facts16: read as 2000, the 2N halved).
            put(
                "average_monthly_wage",
                base[1].yuan + money.yuan,
                clause[base[0] : money.end],
                base[1].approximate or money.approximate,
            )
            return
        if self._earned_average.search(window):
            put(
                "average_monthly_wage",
                money.yuan,
                clause[max(0, cue_start - 12) : money.end],
                money.approximate,
            )

    def _arrears(self, clause: str, put: Any) -> None:
        # 差不多 / 差点 is "about", not 差 (short of): 一个月差不多六千 is the wage (session 16, facts16).
        if not self._owed.search(_ABOUT.sub("", clause)):
            return
        if hit := self._owed_pay.search(clause):
            put("wages_owed", True, hit.group(0))
        for money in self._sums(clause):
            window = clause[max(0, money.start - 8) : money.end + 6]
            before = clause[max(0, money.start - 8) : money.start]
            if self._monthly_after.match(clause[money.end :]) and not self._owed.search(before):
                continue  # 4350一个月 is the wage, not what is owed
            if self._owed.search(window) and money.yuan >= 100:
                put("unpaid_amount", money.yuan, window, money.approximate)
                break
        m = self._owed_months.search(clause)
        if m and re.search(r"(?:满|够|到)$", clause[max(0, m.start() - 3) : m.start()]):
            # Session 29 (trying the product: 没干满三个月不给工资): months named as a threshold the pay was made to
            # hang on (干满三个月才发) are no months owed; the pay owed stays told (wages_owed).
            m = None
        if m:
            n_text = m.group("a") or m.group("b") or m.group("c")
            n = parse_cn_number(n_text.replace("几", "三")) if n_text else None
            if n is not None and 0 < n <= 60:
                more = m.group("a_more") or m.group("b_more") or m.group("c_more")
                half = m.group("a_half") or m.group("b_half") or m.group("c_half")
                put("unpaid_months", n + (0.5 if half else 0), m.group(0), bool(more) or "几" in n_text)
        elif half := self._owed_half_year.search(clause):
            put("unpaid_months", 6.0, half.group(0))
        elif years := self._owed_years.search(clause):
            n = parse_cn_number(years.group("n"))
            if n is not None and 0 < n <= 10:
                put("unpaid_months", n * 12 + (6 if years.group("half") else 0), years.group(0))
        elif years := self._years_then_owed.search(clause):
            n = parse_cn_number(years.group("n"))
            if n is not None and 0 < n <= 10:
                months = n * 12 + (6 if years.group("half") else 0)
                put("unpaid_months", months, years.group(0), bool(years.group("more")))

    # --- time ----------------------------------------------------------------------------------

    def _tenure(self, clause: str, today: date, put: Any, whole: str = "") -> None:
        # 24年6月10号 is a day, not 24 years and 6 months.
        days = [range(d.start, d.end) for d in find_dates(clause, today)]
        for d in find_durations(clause):
            if d.months < 0.5 and "天" not in d.text:
                continue
            if any(d.start in r or (d.end - 1) in r for r in days):
                continue
            before = clause[: d.start]
            if _PER_PERIOD.search(before):
                continue  # 一周干六天, 每个月休四天: a schedule, not how long the worker has worked
            if not re.search(r"年|月", d.text):
                if re.search(r"天|日", d.text) and self._service_before.search(before):
                    put(
                        "days_worked",
                        round(d.months * 30.44),
                        clause[max(0, d.start - 6) : d.end],
                        d.approximate,
                    )
                continue
            earlier = bool(self._earlier_employer.search(before) and self._service_before.search(before))
            if (
                earlier
                and self._same_after_earlier.search(before)
                and not self._moved_employer.search(whole or clause)
            ):
                earlier = False  # 之前在公司工作十年，现在公司要解除: the years here (session 21)
            if self._cumulative.search(before) or earlier:
                # 之前在别的厂干了6年: working life elsewhere counts towards annual leave, not tenure here
                # (and is added to the years here once both are known: _derive).
                put(
                    "cumulative_work_years",
                    round(d.months / 12, 2),
                    clause[max(0, d.start - 6) : d.end],
                    d.approximate,
                    EARLIER_EMPLOYER if earlier else "",
                )
                if earlier:
                    put(
                        "earlier_employer_months",
                        round(d.months, 1),
                        clause[max(0, d.start - 6) : d.end],
                        d.approximate,
                    )
                continue
            after = re.match(r"\s*(?:后|以后|之后)", clause[d.end :])
            if (
                after
                and re.search(r"(?:入职|进厂|进公司|进单位|来|上班)\s*$", before)
                and self._ended.search(clause[d.end + after.end() :])
            ):
                # 入职7个月后被辞退: the time served when the job ended, which is the tenure (session 10: the
                # worker's months were asked for again).
                put("service_months", round(d.months, 1), clause[max(0, d.start - 6) : d.end], d.approximate)
                continue
            # 干了三年没签合同, 工作中4个月没做好: the time served all the same (session 16, facts16).
            if (
                (self._not_tenure.search(before) and not self._contract_then_served.search(before))
                or re.match(r"\s*(?:前|以前|之前|后|以后|之后|内|的工资|工资)", clause[d.end :])
                or self._leave_after.match(clause, d.end)
            ):
                continue
            # 干满一年才还 / 要干满三年才能走 / 得做满半年: a condition or a future, not time served; so is
            # time still to come (我要求再工作一个月, 还得干两个月: session 20, a month asked for read as tenure).
            if (
                re.match(r"\s*(?:才|再|就能|就可以|就给|就让|就退|就还|就能走)", clause[d.end :])
                or re.search(
                    rf"(?:要|得|必须|需要|须|等|等到|规定|要求)(?:{self.lex.pattern('service', 'before')})[^了]{{0,2}}$",
                    before,
                )
                or re.search(rf"(?:再|还要|还得|还需要)(?:{self.lex.pattern('service', 'before')})$", before)
            ):
                continue
            # 干了三年, 在厂里做了8个月; or the shape 在超市理货快7个月了 (a place, then a duration, then 了).
            tenure = (
                self._service_before.search(before)
                or (
                    re.search(r"(?:在|跟|进|来)[^,，。]{1,12}$", before)
                    and re.match(r"\s*了", clause[d.end :])
                )
                or (
                    # Session 28: 在公司五年，… — a workplace named, then the years closing the clause.
                    self._at_workplace.search(before) and not clause[d.end :].strip()
                )
                or (
                    # Session 28: 在xx公司工作，一年多了 — the work told in the clause before, the years alone here.
                    self._fillers_only.fullmatch(before)
                    and re.match(r"\s*了?\s*$", clause[d.end :])
                    and self._work_clause_before.search(whole[: max(0, whole.find(clause))])
                )
            )
            if tenure:
                vague = _VAGUE_YEARS.search(d.text) is not None and not d.text.lstrip().startswith("半")
                # Session 21 (issue 13, class "a tenure told as a span"): 七八年 / 三四个月 (two neighbouring
                # numbers) and 十来年 (about ten) are the worker's tenure, told without its months: vague too.
                vague = (
                    vague or d.low is not None or re.search(r"来\s*(?:个\s*)?(?:年|月)", d.text) is not None
                )
                months, told = d.months, d.text.strip()
                if (
                    re.search(r"(?:超过|超出|多于|不止)\s*$", before)
                    and not vague
                    and re.fullmatch(r"[^半月天]+年", told)
                    and (more := find_durations(told + "多"))
                ):
                    # 工作时间超过一年(不到一年半): more than the years told, read as 一年多 (session 20).
                    months, told, vague = more[0].months, more[0].text.strip(), True
                    # Session 24 (a blind reading: 超过一年不到一年半 given 1.5至2 months): a bound under it told
                    # on a half-year line (不到一年半, 不满两年) within the half-year after: one N for every month
                    # between (劳动合同法 47(1)) — the middle month, no span.
                    upper = re.match(
                        r"\s*[，,]?\s*(?:但|但是|还)?\s*(?:不到|不满|未满|没到|没满)\s*", clause[d.end :]
                    )
                    below = find_durations(clause[d.end + upper.end() :])[:1] if upper else []
                    low_months = d.months
                    if (
                        below
                        and below[0].start == 0
                        and low_months < below[0].months <= low_months + 6
                        and below[0].months % 6 == 0
                        and low_months % 6 == 0
                    ):
                        months, vague = (low_months + below[0].months) / 2, False
                        told = clause[max(0, d.start - 2) : d.end + upper.end() + below[0].end]
                # 工作不到半年 / 干了不满一年: less than the time told — a month under it, approximate (session 21,
                # end21: 不到半年 was read as six months, and the opening gave one month's N for 47(1)'s half).
                short = re.search(r"(?:不到|不满|未满|没满|没到)\s*$", before) is not None
                if short and months > 1:
                    months = months - 1
                # 一年多 / 十几年: somewhere in a span of a year or more, where severance's half-year rule gives
                # two answers (一年多: 1.5 or 2 months). The months are a middle reading, not the worker's
                # words (not shown as told); the words themselves are (service_vague, session 9).
                put(
                    "service_months",
                    round(months, 1),
                    clause[max(0, d.start - 6) : d.end],
                    d.approximate or vague or short,
                    "按你说的年数估的中间值" if vague else "",
                )
                if vague:
                    put("service_vague", told, d.text)

    def _start_to_now(self, text: str, today: date, put: Any) -> None:
        """A job told from its first year to now (session 16, facts16, class "tenure told and asked again"):
        从2004年起就在这个厂上班 / 2020年三月份在一家公司上班，到现在… / 我04年进的厂. The date is the start
        of the job only with working words after it in its clause, and with 起/开始/以来 after the date or
        到现在/至今 opening the next clause; the tenure follows from it (_derive; 劳动合同法 47)."""
        if self._contract_span(text, today, put):
            return
        for offset, clause in _clauses(text):
            for day in find_dates(clause, today):
                if day.earliest > today or not self._job_span.search(clause, day.end):
                    continue
                since = _SINCE.match(clause, day.end)
                to_now = _TO_NOW.match(text, offset + len(clause))
                if since or to_now:
                    words = (
                        clause[day.start :]
                        if since
                        else clause[day.start :] + "，" + to_now.group(0).strip("，, ")
                    )
                    put("start_date", day.earliest.isoformat(), words, not day.exact, until=_until(day))
                    return
        for hit in self._year_stay.finditer(text):
            # Session 21 (issue 13): 我15年就在这个公司了 / 2004年到现在一直在这家单位 — being there since
            # that year (year_stay in corpus/consult/facts.toml); not where the clause goes on to an event.
            rest = re.split(r"[,，。；;！!？?]", text[hit.end() :], maxsplit=1)[0]
            if self._year_event.search(rest):
                continue
            year = int(hit.group("year"))
            year = year if year > 99 else 2000 + year if 2000 + year <= today.year else 1900 + year
            if not 1950 <= year <= today.year:
                continue
            _put_start_year(put, year, hit.group(0))
            return
        if hit := _TWO_DIGIT_START.search(text):
            year = 2000 + int(hit.group("yy"))
            _put_start_year(put, year if year <= today.year else year - 100, hit.group(0))

    def _contract_span(self, text: str, today: date, put: Any) -> bool:
        """合同是从2008年12月10日到2011年12月9日 … 合同期满不续 (session 21, issue 13, class "the job told by its
        contract's dates"): the only contract told, run to its expiry, is the time served (劳动合同法 47), so
        the start day is not asked again. Only where the expiry is told after it (期满, 到期)
        and no renewal (续签了, 又签): a contract renewed says nothing of when the job began."""
        for hit in _CONTRACT_FROM.finditer(text):
            dates = list(find_dates(text[hit.end() :], today))
            if len(dates) < 2 or dates[0].start != 0:
                continue
            first, second = dates[0], dates[1]
            if not self._date_range.fullmatch(text[hit.end() + first.end : hit.end() + second.start]):
                continue
            after = text[hit.end() + second.end : hit.end() + second.end + 30]
            if (
                not _EXPIRED.search(after)
                or _RENEWED.search(text)
                or not first.earliest < second.earliest <= today
            ):
                continue
            words = text[hit.start() : hit.end() + second.end]
            start, end = first.earliest, second.earliest + timedelta(days=1)  # its last day included
            months = (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30.44
            # The contract's months, as tenure only: its last day is not put as the leaving date, which
            # would open the answer on a time limit the worker did not ask about (the check stays with the
            # time-limit guide when a leaving day is told in words).
            put("service_months", round(months, 1), words, True, "按你说的合同起止日期算")
            return True
        # Session 24 (a blind reading: 2012年12月1日与公司签订劳务合同，2015年12月1日劳务合同到期 … asked how long
        # again): the same contract told the other way round — the day it was signed, then the day it expired.
        dated = list(find_dates(text, today))
        for first, second in zip(dated, dated[1:], strict=False):
            signed = _SIGNED_AFTER_DATE.match(text, first.end)
            expired = _EXPIRED.search(text[second.end : second.end + 12])
            if (
                signed is None
                or expired is None
                or second.start < signed.end()
                or _RENEWED.search(text)
                or not first.earliest < second.earliest <= today
            ):
                continue
            start, end = first.earliest, second.earliest
            months = (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30.44
            words = text[first.start : second.end + expired.end()]
            put("service_months", round(months, 1), words, True, "按你说的合同起止日期算")
            return True
        return False

    def _tenure_across_transfer(self, text: str, today: date, turn: int, facts: dict[str, Fact]) -> None:
        """Two spans of service told around a move the employer arranged (外包干了5年，后来厂里让我们直接
        跟厂里签，又干了2年): the first is the earlier unit's, the second this one's, which 劳动合同法实施
        条例 10 adds up (in _derive). Read whole-message: the clause reading keeps only the first span."""
        moved = facts.get("transferred")
        hit = self._transferred.search(text)
        if moved is None or moved.value is not True or hit is None or "earlier_employer_months" in facts:
            return
        pieces: list[tuple[int, str]] = []
        for offset, clause in _clauses(text):
            if offset <= hit.start() < offset + len(clause):  # the clause of the move: split at its words
                pieces += [
                    (offset, clause[: hit.start() - offset]),
                    (hit.end(), clause[hit.end() - offset :]),
                ]
            else:
                pieces.append((offset, clause))
        spans: list[tuple[int, Fact]] = []
        for offset, clause in pieces:
            found: dict[str, Fact] = {}

            def keep(
                name: str,
                value: FactValue,
                words: str,
                approximate: bool = False,
                note: str = "",
                until: str | None = None,
                found: dict[str, Fact] = found,
            ) -> None:
                if name == "service_months" and name not in found:
                    found[name] = Fact(name, value, words.strip(), turn, approximate, note, until)

            self._tenure(clause, today, keep)
            if "service_months" in found:
                spans.append((offset, found["service_months"]))
        before = [fact for at, fact in spans if at < hit.start()]
        after = [fact for at, fact in spans if at >= hit.end()]
        if before and after:
            earlier, here = before[-1], after[0]
            facts["earlier_employer_months"] = replace(earlier, name="earlier_employer_months")
            facts["service_months"] = here

    def _injury_elapsed(self, text: str, today: date, put: Any) -> None:
        """受伤十五天了 / 工伤已经两年多了: the time since the injury told after it dates the injury (session 15,
        branch15), so the limits of 工伤保险条例 17 are applied to it. A date told wins (put keeps it)."""
        for hit in self._injury_elapsed_cue.finditer(text):
            if (span := duration_at(text, hit.end())) is None:
                continue
            if not self._injury_elapsed_tail.match(text, span.end) and not span.approximate:
                continue
            day = today - timedelta(days=round(span.months * 30.44))
            put("injury_date", day.isoformat(), text[hit.start() : span.end], True)
            return

    def _dates(self, clause: str, today: date, put: Any) -> None:
        """Each date goes to the event whose verb stands nearest it in the clause (24年6月10号入职，
        上个月20号被开了: the verb after the date binds first), one date per event; two dates joined by
        到 (3月1号上班到11月30号走的) are the start and the end of the job."""
        # 2018年职工工伤认定标准, 2024年的新规: a year that names a rule or a document, not an event.
        dates = [
            d
            for d in find_dates(clause, today)
            if not self._document_year.match(clause, d.end) and not _GENERAL_YEAR.match(clause, d.end)
        ]
        if not dates:
            return
        hits = [
            (name, hit)
            for name, cue in self._date_cues.items()
            for hit in cue.finditer(clause)
            if not (name == "end_date" and self._not_end.match(clause, hit.end()))
        ]
        # Session 16 (issue 13, "a plan is not an event"): an ending only planned, threatened or supposed in its
        # clause (我准备12月底离职, 公司说下个月20号要裁我, 要是月底还不发工资我就辞职) dates nothing: no leaving
        # date is invented, so no time limit runs from it. The worker's own plan is the fact leaving_planned.
        planned = [
            hit
            for name, hit in hits
            if name == "end_date" and self._planned_ending(clause[max(0, hit.start() - 12) : hit.start()])
        ]
        if planned:
            hits = [(name, hit) for name, hit in hits if hit not in planned]
            if own := next((h for h in planned if self._own_leaving.search(h.group(0))), None):
                put("leaving_planned", True, own.group(0))
        pairs = []
        for name, hit in hits:
            for index, day in enumerate(dates):
                if name == "end_date" and self._span_date(clause, day, hit):
                    continue
                if hit.start() >= day.end:  # the verb follows the date: the usual order
                    distance = hit.start() - day.end
                elif day.start >= hit.end():  # 入职是在去年3月
                    distance = day.start - hit.end() + 2
                else:
                    distance = 0
                pairs.append((distance, name, index, hit))
        taken_names: set[str] = set()
        taken_dates: set[int] = set()
        chosen: dict[str, tuple[int, Any]] = {}
        for distance, name, index, hit in sorted(pairs, key=lambda p: p[:3]):
            if name in taken_names or index in taken_dates or distance > 16:
                continue
            taken_names.add(name)
            taken_dates.add(index)
            chosen[name] = (index, hit)
        for name, hit in hits:
            if name not in chosen:  # 昨天摔下来没抢救过来: one day for two events
                candidates = [
                    i
                    for i in range(len(dates))
                    # Session 30 (a held-out item: 被冲床压了…现在合同六月底到期了 dated the injury in June): a date the
                    # contract runs out on dates no injury or death.
                    if not (
                        name in ("injury_date", "death_date") and _TERM_ENDS_AFTER.match(clause, dates[i].end)
                    )
                ]
                index = min(candidates, key=lambda i: abs(dates[i].start - hit.start()), default=None)
                # A date far along a run-on message (…上个礼拜通知说不续签) belongs to another event there.
                if index is None or abs(dates[index].start - hit.start()) > _FALLBACK_DATE_REACH:
                    continue
                # A job does not end on the date it began (2019年入职的公司把我辞退了: 2019 is the start
                # only), nor on a date its working words hold (2015年在这家厂上班被辞退了).
                other = {"end_date": "start_date", "start_date": "end_date"}.get(name)
                if other in chosen and chosen[other][0] == index:
                    continue
                if name == "end_date" and self._span_date(clause, dates[index], hit):
                    continue
                chosen[name] = (index, hit)
        if "start_date" not in chosen and len(dates) >= 2:
            for first, second in zip(dates, dates[1:], strict=False):
                between = clause[first.end : second.start]
                after = clause[second.end : second.end + 8]
                ends_job = "end_date" in chosen and chosen["end_date"][0] == dates.index(second)
                if self._date_range.fullmatch(between) and (ends_job or self._range_end.match(after)):
                    put(
                        "start_date",
                        first.earliest.isoformat(),
                        clause[first.start : second.end],
                        not first.exact,
                        until=_until(first),
                    )
                    if "end_date" not in chosen:
                        put(
                            "end_date",
                            second.earliest.isoformat(),
                            clause[first.start : second.end + 3],
                            until=_until(second),
                        )
                    break
        for name, (index, hit) in chosen.items():
            day = dates[index]
            put(
                name,
                day.earliest.isoformat(),
                day.text + "…" + hit.group(0),
                not day.exact,
                # Session 21 (issue 13, "a leaving date the worker never told"): 半个月前提出离职 dates the
                # resignation handed in, not the day the worker left (劳动合同法 37: thirty days later, or
                # later still where the employer keeps the worker on): kept for the time limits, which it
                # starts no later than the leaving would, but never shown back as 离开单位.
                note=HANDED_IN_NOTE if name == "end_date" and self._handed_in(clause, hit) else "",
                until=_until(day),
            )

    def _handed_in(self, clause: str, hit: re.Match[str]) -> bool:
        """The ending word tells a resignation handed in (提出离职, 我提出辞职, 递交了辞职信), not the leaving."""
        return bool(self._handed_in_words.search(clause[max(0, hit.start() - 3) : hit.end()]))

    def _span_date(self, clause: str, day: Any, hit: re.Match[str]) -> bool:
        """2015年在这家厂上班被辞退了: words of working between the date and the ending verb make the date
        the time the job ran, not the day it ended — unless they set the time of the ending (去年在厂里
        干活时被辞退)."""
        if hit.start() < day.end:
            return False
        # Session 27 (issue 13, "a date that begins something"): 从2015年开始和公司… / 2019年起 opens a
        # span (of work, of contributions, of a relation), never the day a job ended.
        if _BEGINS.match(clause, day.end) and hit.start() > day.end + 3:
            return True
        return any(
            not _WHILE.match(clause, span.end())
            for span in self._job_span.finditer(clause, day.end, hit.start())
        )

    def _overtime(self, clause: str, put: Any) -> None:
        """The kind of overtime (a holiday beats a rest day beats a working day, as the rates do) and
        its hours: per day on working days (平时下班加班两个钟), or the hours of a rest day or
        holiday (周六加班8小时, 周六又被叫去干了8个钟; 国庆上了3天班 at 8 hours a day), or a month's
        total (这个月加班了60个小时); with the working days of the period (22个工作日, 周一到周五),
        the working days' total."""
        worked = self._work_verbs.search(clause)
        restday = self._restday.search(clause) if worked else None
        holiday = self._holiday.search(clause) if worked else None
        m = self._weekday_ot.search(clause) or self._hours_ot.search(clause)
        if m is None and (restday or holiday):
            m = self._worked_hours.search(clause)
        hours = None
        if m:
            groups = m.groupdict()
            raw = groups.get("n") or groups.get("n2") or ""
            n = parse_cn_number(raw) if raw != "半" else 0.5
            if n is not None and 0 < n <= 300:
                hours = n + (0.5 if groups.get("half") else 0)
        workdays = self._count_workdays(clause)
        if holiday or restday:
            kind = "holiday" if holiday else "restday"
            hit = holiday or restday
            assert hit is not None
            put("overtime_kind", kind, hit.group(0))
            note = ""
            if hours is None and (days := self._days_off_worked(clause)) is not None:
                statutory = self._holiday_days(hit.group(0)) if holiday else None
                if statutory is not None and days > statutory:
                    # 国庆上了7天班: 3 statutory days at 300 %, the 4 shifted rest days at 200 %.
                    put(
                        "overtime_hours_restday",
                        (days - statutory) * 8,
                        clause,
                        True,
                        f"假期里法定节假日以外的{days - statutory}天是调休的休息日，每天按8小时计",
                    )
                    days = statutory
                hours, note = days * 8, f"按{format_number(days)}天、每天8小时计"
            if hours is not None and hours <= 24 * 9:
                put(f"overtime_hours_{kind}", hours, clause, bool(note), note)
        elif m and hours is not None:
            put("overtime_kind", "weekday", m.group(0))
            if re.search(r"每个?月|一个月|这个月|上个月|当月|月加班", clause[: m.start()] + m.group(0)) and (
                workdays is None or hours > 16
            ):
                put("overtime_hours_weekday", hours, m.group(0))
            elif hours > 16:
                put("overtime_hours_weekday", hours, m.group(0))
            else:
                put("overtime_hours_per_day", hours, m.group(0))
                if workdays is not None:
                    put(
                        "overtime_hours_weekday",
                        hours * workdays,
                        clause,
                        False,
                        f"每天{format_number(hours)}小时×{workdays}个工作日",
                    )
        if restday or holiday:
            return
        total = self._day_hours.search(clause) or self._day_total.search(clause)
        daily = None
        if total:
            n = parse_cn_number(total.group("n"))
            if n is not None and 1 <= n < 8:
                # 每天干3个小时: a short day (part-time work, 非全日制) is a fact, not overtime.
                put("daily_hours", n + (0.5 if total.group("half") else 0), total.group(0))
            elif n is not None and 8 < n <= 20:
                daily = n + (0.5 if total.group("half") else 0)
                put("daily_hours", daily, total.group(0))
        elif span := self._day_span.search(clause):
            first, last = parse_cn_number(span.group("a")), parse_cn_number(span.group("b"))
            if first is not None and last is not None and 4 <= first <= 11 and 5 <= last <= 12:
                daily = last + 12 - first
                if 8 < daily <= 20:
                    put("daily_hours", daily, span.group(0), True, "按上下班时间推算（含吃饭休息时间）")
                else:
                    daily = None
        if daily is not None:
            put("overtime_kind", "weekday", clause)
            if workdays is not None:
                extra = daily - 8
                put(
                    "overtime_hours_weekday",
                    extra * workdays,
                    clause,
                    False,
                    f"每天超出8小时的{format_number(extra)}小时×{workdays}个工作日",
                )

    def _holiday_days(self, word: str) -> int | None:
        """The statutory days of a festival (None for 法定节假日 in general)."""
        for key, days in (("holiday_one", 1), ("holiday_two", 2), ("holiday_three", 3), ("holiday_four", 4)):
            if word in self.lex.words("work", key):
                return days
        return None

    def _count_workdays(self, clause: str) -> int | None:
        """The working days of the period told: 22个工作日, 上了26天班, 周一到周五 (5)."""
        hit = self._workdays.search(clause)
        if hit is None:
            return None
        if hit.group("a"):
            first, last = parse_cn_number(hit.group("a")), parse_cn_number(hit.group("b"))
            if first is None or last is None or last < first:
                return None
            return int(last - first + 1)
        n = parse_cn_number(hit.group("n") or hit.group("n2") or "")
        return int(n) if n is not None and 1 <= n <= 31 and n == int(n) else None

    def _days_off_worked(self, clause: str) -> int | None:
        """Days worked on a holiday or rest day: 1号到3号 (3), 上了两天班, 三天都在加班."""
        if span := self._day_range.search(clause):
            first, last = int(span.group("a")), int(span.group("b"))
            return last - first + 1 if 1 <= first < last <= 31 and last - first < 10 else None
        if hit := self._days_worked_off.search(clause):
            n = parse_cn_number(hit.group("n") or hit.group("n2") or "")
            return int(n) if n is not None and 1 <= n <= 10 and n == int(n) else None
        return None

    def _overtime_message(self, text: str, found: dict[str, Fact], put: Any) -> None:
        """What spans clauses: 4个周六都被叫回来上班，每次8小时 (a count of rest days, then the hours of
        each); 这个月出勤26天，每天加班3小时 (the days worked, then the hours a day); 一周干六天 / 单休 /
        全年无休 (the days of a working week)."""
        per_day = found.get("overtime_hours_per_day")
        if per_day is not None and "overtime_hours_weekday" not in found:
            workdays = self._count_workdays(text)
            if workdays is not None:
                hours = float(per_day.value)
                note = f"每天{format_number(hours)}小时×{workdays}个工作日"
                put("overtime_hours_weekday", hours * workdays, text, per_day.approximate, note)
        if count := self._rest_count.search(text):
            each = self._each_hours.search(text, count.end(), count.end() + 30)
            n = parse_cn_number(count.group("n"))
            per = parse_cn_number(each.group("n")) if each else None
            if n is not None and per is not None and 1 <= n <= 10 and 0 < per <= 24:
                per += 0.5 if each and each.group("half") else 0
                note = f"{format_number(n)}个休息日×每次{format_number(per)}小时"
                put(
                    "overtime_hours_restday",
                    n * per,
                    text[count.start() : each.end() if each else count.end()],
                    False,
                    note,
                )
        if week := self._week_days.search(text):
            days = {"六": 6, "七": 7, "6": 6, "7": 7}[week.group("n")]
            put("work_days_per_week", days, week.group(0))
        elif hit := self._single_rest.search(text):
            put("work_days_per_week", 6, hit.group(0))
        elif hit := self._no_rest.search(text):
            put("work_days_per_week", 7, hit.group(0))

    # --- situation -----------------------------------------------------------------------------

    def _meant(self, text: str, hit: re.Match[str]) -> bool:
        """公司想辞退我 / 企业说要解雇大家 / 公司要解除合同吗: the employer's ending meant, announced or asked about,
        not done (session 16, facts16: a departure read into a job that goes on). 被辞退 is done whatever
        precedes it; words of an ending done (已经, 了 after the verb) win."""
        if hit.group(0).startswith("被"):
            return False
        if re.match(r"[^,，。]{0,8}(?:吗|(?<![什怎这那多])么|没有)", text[hit.end() :]):
            return True
        # Up to the ending verb itself (劳务派遣公司要跟我解除劳动合同: the object after it does not count).
        verb = re.search(r"解除|解约|辞退|开除|解雇|裁|辞|开|炒", hit.group(0))
        at = hit.start() + (verb.start() if verb else len(hit.group(0)))
        before = text[max(0, at - 10) : at]
        meant = bool(self._dismissal_meant.search(before)) and "已经" not in before
        # 把我辞退了 is done; 要辞退我了 is about to happen.
        return meant and not ("了" in hit.group(0) and not re.search(r"要|想", hit.group(0)))

    def _birth_long_ago(self, text: str, today: date) -> re.Match[str] | None:
        """The last birth told as at least a year past: a year two or more before today's (2014年10月生产), or a
        child aged one or more (孩子已经三岁了)."""
        found = None
        for hit in self._birth_dated.finditer(text):
            if today.year - int(hit.group("year")) >= 2:
                found = hit
        for hit in self._child_age.finditer(text):
            age = parse_cn_number(hit.group("age"))
            if age is not None and age >= 1 and (found is None or hit.end() > found.end()):
                found = hit
        return found

    def _supposed_dismissal(self, text: str) -> str | None:
        """如果被公司辞退，能拿多少 / 万一被开除有什么补偿: a dismissal supposed (not feared: 怕被开除) in a message that asks
        what it brings — the words from the supposition to the ending, or None."""
        if not self._supposition_asks.search(text):
            return None
        dismissed = next(p for v, p in self._terminations if v == "dismissed")
        for hit in dismissed.finditer(text):
            clause = re.split(r"[,，。；;！!？?]", text[max(0, hit.start() - 8) : hit.start()])[-1]
            if (sup := self._supposition.search(clause)) is not None and not self._denied(text, hit.start()):
                return clause[sup.start() :] + hit.group(0)
        return None

    def _feared(self, text: str, at: int) -> bool:
        """要是公司把我辞退了 / 怕被开除: a fear or a supposition within the clause, up to 8 characters before."""
        before = text[max(0, at - 8) : at]
        before = re.split(r"[,，。；;！!？?]", before)[-1]
        return bool(self._dismissal_feared.search(before))

    def _told_over(self, text: str, hit: re.Match[str]) -> bool:
        """试用期过了 / 哺乳期已满 / 早过了哺乳期: the period named at ``hit`` is told as over (session 14)."""
        return bool(
            self._over_after.match(text, hit.end())
            or self._over_before.search(text[max(0, hit.start() - 6) : hit.start()])
        )

    def _planned_ending(self, before: str) -> bool:
        """准备 / 说要 / 如果 … before an ending verb, or a bare 要/会/将 right before it (公司下个月要辞退我): the
        ending planned, threatened or supposed, not done (session 16)."""
        return bool(
            self._ending_planned.search(before)
            or re.search(r"(?:要|会|将)$", before)
            or self._ending_conditional.search(before)
        )

    def _planned(self, text: str, hit: re.Match[str]) -> bool:
        """想走 / 打算辞职 / 如果我辞职: a resignation meant, not made — unless the message also tells one done
        (已经辞职了, 交了辞职信, 申请了辞职)."""
        if self._resign_done.search(text):
            return False
        if self._resign_planned_before.match(hit.group(0)):
            return True  # 打算下个月离职: the intention opens the words read (session 21)
        before = re.split(r"[,，。；;！!？?]", text[max(0, hit.start() - 8) : hit.start()])[-1]
        # 我要辞职 / 不想干了: the words of intention may run across the resignation word itself.
        if self._resign_planned.search(before[-3:] + hit.group(0)):
            return True
        # 我可以提前解除合同吗 / 劳动者能不能解除: a modal inside the worker's own 解除 words (session 14).
        if hit.group(0).endswith(("解除", "解约")) and self._worker_ending_modal.search(hit.group(0)):
            return True
        return bool(self._resign_planned_before.search(before))

    def _resignation_made(self, text: str, hit: re.Match[str]) -> str | None:
        """交了辞职信 / 已经辞职了: the words of a resignation handed in — a letter written, a notice given —
        in the message, or a word of one done just before the resignation word in its clause."""
        if done := self._pushed_done.search(text):
            return done.group(0)
        before = re.split(r"[,，。；;！!？?]", text[max(0, hit.start() - 8) : hit.start()])[-1]
        if done := self._resign_done.search(before):
            return done.group(0) + hit.group(0)
        return None

    def _denied(self, text: str, at: int) -> bool:
        """没受伤 / 并没有被辞退 / 不是被开除的: the event is denied in its own clause, just before it."""
        before = re.split(r"[,，。；;！!？?]", text[max(0, at - 6) : at])[-1]
        return denied_before(before, self._denied_before)

    def _treatment(self, text: str, put: Any) -> None:
        """A work injury still under treatment (停工留薪期, 还在养伤, 住院期间): the words of treatment in a
        clause that does not say the period is over, in a case whose injury is one at work. The months off
        told (歇了三个月, 在家养了两个多月) are the 停工留薪期 the employer pays at the old wage."""
        at_work = any(
            not self._denied(text, h.start()) for h in self._work_injury_named.finditer(text)
        ) or any(not self._denied(text, h.start()) for h in self._injury.finditer(text))
        if not at_work:
            return
        if cut := self._treatment_pay_cut.search(text):
            put("treatment_pay_cut", True, cut.group(0))
        told = (
            off
            for off in self._stoppage.finditer(text)
            if not self._stoppage_future.search(text[max(0, off.start() - 8) : off.start()])
        )
        if off := next(told, None):
            n = parse_cn_number(off.group("n"))
            if n is not None and 0 < n <= 24:  # 33(2): 12 months, extended by at most 12
                months = n + (0.5 if off.group("half") or off.group("half_before") else 0)
                put("stoppage_months", months, off.group(0), bool(off.group("more")))
                phrase = (
                    self._stoppage_period_hospital
                    if self._stoppage_hospital.match(off.group(0))
                    else self._stoppage_period
                )
                put("stoppage_period", phrase.format(n=f"{months:g}"), off.group(0), bool(off.group("more")))
        for _, clause in _clauses(text):
            hit = self._injury_treatment.search(clause)
            if (
                hit
                and not self._injury_treatment_over.search(clause)
                and not self._denied(clause, hit.start())
            ):
                put("injury_treatment", True, hit.group(0))
                return

    def _insurance_base(self, text: str, put: Any) -> None:
        """The monthly base the insurance is paid on, told as a figure (医疗保险是2400月支付的, 社保按3000的基数交):
        a sum of 500 to 100,000 after an insurance word and before a word of paying. Below the wage told, the
        insurance is underpaid (``_derive``)."""
        if hit := self._insurance_base_told.search(text):
            value = parse_cn_number(hit.group("n"))
            if value is not None and 500 <= value <= 100_000:
                put("insurance_base", float(value), hit.group(0))

    def _liability_share(self, text: str, put: Any) -> None:
        """The other side's share of an accident, in percent: 对方负70%, 司机占七成, 我负30% (→ 70), 同等责任 (→ 50).
        A share above half is the other side's main fault, which 工伤保险条例 14(6) turns on."""
        share: float | None = None
        if "责任" not in text and not self._share_accident.search(text):
            return  # 我承担30%的社保 is no one's fault in an accident
        if hit := self._share.search(text):
            for side in ("o", "s"):
                cn, pct, tenth = hit.group(f"{side}cn"), hit.group(f"{side}pct"), hit.group(f"{side}tenth")
                told = (
                    parse_cn_number(cn)
                    if cn
                    else float(pct)
                    if pct
                    else (v * 10 if tenth and (v := parse_cn_number(tenth)) is not None else None)
                )
                if told is not None and 0 <= told <= 100:
                    share = told if side == "o" else 100 - told
                    break
        elif hit := self._share_equal.search(text):
            share = 50.0
        if share is None or hit is None:
            return
        put("other_party_share", int(share), hit.group(0))
        if share > 50:
            put("other_party_at_fault", True, hit.group(0))

    def _recurrence_origin(self, text: str) -> tuple[str, str] | None:
        """An old injury flaring up (旧伤复发), and whether the old injury is told as a work injury: "work" when a work
        word stands before the recurrence word in its sentence and is not asked (工伤复发, 受过工伤，最近旧伤复发),
        "unknown" otherwise (旧伤复发，是工伤吗)."""
        for sentence in re.split(r"[。！!；;\n]", text):
            hit = next(
                (h for h in self._recurrence.finditer(sentence) if not self._denied(sentence, h.start())),
                None,
            )
            if hit is None:
                continue
            before = self._recurrence_work_asked.sub("", sentence[: hit.start()])
            if self._recurrence_of_work.search(before):
                return "work", sentence[: hit.end()]
            return "unknown", hit.group(0)
        return None

    def _status(self, text: str, put: Any, today: date | None = None) -> None:
        if hit := self._still_employed.search(text):
            put("still_employed", True, hit.group(0))
        if hit := self._applicant.search(text):
            put("applicant", True, hit.group(0))
        if hit := self._civil_claim.search(text):
            put("civil_claim", True, hit.group(0))
        if hit := self._wage_claim.search(text):
            put("wage_claim", True, hit.group(0))
        if (hit := self._individual_employer.search(text)) and not self._individual_self.search(text):
            put("individual_employer", True, hit.group(0))
        if hit := self._female.search(text):
            put("female", True, hit.group(0))
        elif hit := self._male.search(text):
            put("female", False, hit.group(0))
        if (
            (student := self._student.search(text))
            and self._internship.search(text)
            and not self._graduated.search(text)
        ):
            put("student_intern", True, student.group(0))
        # A death or illness after the shift ended, not on the road home (a traffic accident on the way
        # home is 工伤保险条例 14(6), read by commute): the post and the 48 hours of 15(1) were not met.
        if (hit := self._off_shift.search(text)) and not self._on_the_road.search(text):
            put("not_at_work", True, hit.group(0))
        # The boss told earlier in the sentence stays the subject unless the worker takes it (老板欠我工资，我…).
        if hit := next(
            (
                h
                for h in self._absconded.finditer(text)
                if not re.match(r"\s*[我俺咱]", re.split(r"[，,；;]", h.group(0))[-1])
            ),
            None,
        ):
            put("boss_absconded", True, hit.group(0))
        if hit := self._building_site.search(text):
            put("building_site", True, hit.group(0))
        if hit := self._hiring_fee.search(text):
            put("hiring_fee", True, hit.group(0))
        self._liability_share(text, put)
        self._insurance_base(text, put)
        if hit := self._platform_work.search(text):
            put("platform_work", True, hit.group(0))
        if hit := self._cycle_long.search(text):
            put("pay_cycle_over_15_days", True, hit.group(0))
        elif hit := self._cycle_short.search(text):
            put("pay_cycle_over_15_days", False, hit.group(0))
        # A side job beside a full-time one (白天上班，晚上兼职): the case may be the main job's.
        part_time = (
            hit
            for hit in self._part_time.finditer(text)
            if not self._part_time_side.search(text[max(0, hit.start() - 6) : hit.start()])
        )
        if hit := next(part_time, None):
            put("part_time", True, hit.group(0))
        # Words in quotation marks are what a paper or someone says (协议上写我“主动辞职”), not what
        # happened; an agreement the employer asks the worker to sign is an agreed ending it proposed.
        told = _QUOTED.sub("“”", text)
        pushed = self._pushed.search(told)
        if pushed and not self._feared(told, pushed.start()) and not self._pushed_done.search(told):
            # The employer wants the job ended: a dismissal in substance, and no resignation yet — unless the term
            # ran out (合同又到期了，厂里让我走人: an ending at expiry, 46(5), read below; session 22).
            expiry = next(p for v, p in self._terminations if v == "expired").search(told)
            if expiry is None or self._feared(told, expiry.start()):
                put("termination", "dismissed", pushed.group(0), note="单位要你走、让你自己辞职")
            put("pushed_to_resign", True, pushed.group(0))
        if (done := self._signed_pressed.search(told)) and not self._feared(told, done.start()):
            # 被逼着写了辞职信: signed under pressure — what can undo it is the question (session 14).
            put("signed_under_pressure", True, done.group(0))
        # 我以公司欠薪为由解除合同: the worker's ending on the employer's ground; 为由解除 in it is no dismissal.
        grounds = [h.span() for h in self._worker_ground.finditer(told)]
        for value, pattern in self._terminations:
            if value == "resigned" and pushed and not self._pushed_done.search(told):
                continue  # 怕公司逼我辞职: the 辞职 is the employer's demand, feared, not the worker's act
            hits = pattern.finditer(told)
            if value in ("dismissed", "agreed") and grounds:
                hits = (h for h in hits if not any(a < h.end() and h.start() < b for a, b in grounds))
            if value == "resigned":
                # 不想离职 / 没辞职 / 让自己离职: negated or demanded, not the worker's leaving (session 21).
                hits = (
                    h
                    for h in hits
                    if (h.start() == 0 or told[h.start() - 1] not in self._resigned_not_before)
                    and not self._resigned_threat.search(told[max(0, h.start() - 6) : h.start()])
                )
            if value == "dismissed":
                # 会被开除吗 / 怕被辞退: feared, not done — the worker still has the job.
                # 不让我走 / 不叫我走 keeps a worker who wants to leave: not a dismissal.
                hits = (
                    h
                    for h in hits
                    if not self._feared(told, h.start())
                    and not (
                        h.group(0).endswith("走")
                        and self._kept_before.search(told[max(0, h.start() - 4) : h.start()])
                    )
                    and not self._denied(told, h.start())
                    # Session 28: 这应该算是雇主主动辞退员工 — the worker's own reading asked, no dismissal told.
                    and not self._classified_before.search(
                        re.split(r"[,，。；;！!？?]", told[: h.start()])[-1][-10:]
                    )
                    # Session 29: 能否以此为由解除 — the worker asking to end it on the ground told (resigned reads it).
                    and not self._this_ground_asked.search(told[max(0, h.start() - 8) : h.end()])
                )
            if hit := next(hits, None):
                put("termination", value, hit.group(0))
                if value == "dismissed" and self._meant(told, hit):
                    put(
                        "dismissal_meant",
                        True,
                        re.split(r"[,，]", told[max(0, hit.start() - 6) : hit.end()])[-1],
                    )
                # Session 16 (issue 13): a dismissal only proposed or threatened (公司说下个月要裁我, 老板想辞退
                # 他): the worker still has the job — no leaving is derived from it, no time limit runs.
                before = re.split(r"[,，。；;！!？?]", told[max(0, hit.start() - 12) : hit.start()])[-1]
                # An ending told as done later in the message (公司说要裁员，上周把我裁掉了) wins over the plan.
                done_later = re.search(
                    r"(?:解除|辞退|开除|解雇|裁|炒)[^,，。；;？?]{0,4}了", told[hit.end() :]
                )
                if value == "dismissed" and self._planned_ending(before) and not done_later:
                    put("still_employed", True, before + hit.group(0))
                    if self._ending_conditional.search(before):
                        put("dismissal_conditional", True, before + hit.group(0))
                if value == "resigned" and (own := self._own_accord.search(told)):
                    put("resigned_own_accord", True, own.group(0))
                if value == "resigned" and self._planned(told, hit):
                    put("leaving_planned", True, hit.group(0))
                elif value == "resigned" and (made := self._resignation_made(told, hit)):
                    put("resignation_made", True, made)
                break
        else:
            if hit := self._employer_agreement.search(told):
                put("termination", "agreed", hit.group(0))
            # 无固定期限劳动合同自行解除是否有赔偿: the worker's own ending told with no subject (session 15); an
            # employer word or 被 just before (公司自行解除) makes it the employer's.
            elif (
                (hit := self._own_accord.search(told))
                and any(w in hit.group(0) for w in ("解除", "离职", "辞职"))
                and not self._own_accord_not.search(told[max(0, hit.start() - 6) : hit.start()])
            ):
                put("termination", "resigned", hit.group(0))
                put("resigned_own_accord", True, hit.group(0))
            # Session 26 (a check reader's note, class "a dismissal supposed, what it brings asked": 如果被公司辞退，我应该
            # 得到多少赔偿 — read as nothing, the grade's lump sums answered alone): the supposition is the case asked
            # about — an ending meant, the job going on.
            elif (hit := self._supposed_dismissal(told)) is not None:
                put("termination", "dismissed", hit)
                put("dismissal_meant", True, hit)
                put("still_employed", True, hit)
        if (ended := self._employer_ended_by_agreement(told)) is not None:
            put("proposed_by", "employer", ended)
        self._ending(text, told, put)
        # 也没提前一个月通知 holds the words of a notice given: the negation is read first. Only where the
        # job ends or a notice is spoken of: 突然晕倒 and 没提前说 about a shift say nothing of a notice.
        # 通知我下周不用来了，也没提前一个月说: once the job ends in the message, 提前 speaks of the notice.
        ended = bool(self._date_cues["end_date"].search(text))
        ending = [
            c
            for _, c in _clauses(text)
            if "通知" in c or self._date_cues["end_date"].search(c) or (ended and "提前" in c)
        ]
        if hit := next((h for c in ending if (h := self._notice_missing.search(c))), None):
            put("notice_given", False, hit.group(0))
        elif hit := next((h for c in ending if (h := self._notice_given.search(c))), None):
            put("notice_given", True, hit.group(0))
        for hit, value in ((self._unsigned.search(text), False), (self._signed.search(text), True)):
            if hit is not None:
                asked, answer = asked_fact(text, hit.start(), hit.end())
                if not asked or answer is not None:
                    put("contract_signed", answer if asked else value, hit.group(0))
                break
        grades: dict[int, str] = {}
        several = False
        for hit in self._grade.finditer(text):
            grade = parse_cn_number(hit.group("a") or hit.group("b") or hit.group("c") or hit.group("d"))
            if grade is not None and 1 <= grade <= 10:
                grades.setdefault(int(grade), hit.group(0))
                # The count before a grade (一处九级) or after the last one (八级和十级两个部位).
                several = several or bool(
                    _SEVERAL_INJURIES.search(text[max(0, hit.start() - 6) : hit.start()])
                    or _SEVERAL_AFTER.match(text[hit.end() : hit.end() + 8])
                )
        if grades:
            # Several injuries of different grades (一个九级一个十级, 还有一处九级) are graded by the gravest
            # (GB/T 16180 晋级原则), never by the first one named; grades only compared (9级和10级差多少)
            # leave the first reading.
            several = several and len(grades) > 1
            gravest = min(grades) if several else next(iter(grades))
            put("disability_grade", gravest, grades[gravest])
            if several:
                told = "、".join(f"{g}级" for g in sorted(grades, reverse=True))
                put("disability_grades", told, "，".join(grades[g] for g in sorted(grades)))
            elif len(grades) > 1:
                asked = "和".join(f"{g}级" for g in sorted(grades))
                put("disability_grades_asked", asked, "，".join(grades[g] for g in sorted(grades)))
        for hit, value in ((self._uninsured.search(text), False), (self._insured.search(text), True)):
            if hit is not None:
                asked, answer = asked_fact(text, hit.start(), hit.end())
                if not asked or answer is not None:
                    put("injury_insurance", answer if asked else value, hit.group(0))
                break
        spoken_of = self._spoken_of(text)
        if hit := (
            self._employer.search(text)
            or self._staff_demand.search(text)
            or ((self._unit_duty.search(text) or self._we_act.search(text)) if spoken_of else None)
        ):
            put("asker", "employer", hit.group(0).strip("，。,.!?？！；; "))
            if contractor := self._contractor.search(text):
                put("asker_contractor", True, contractor.group(0))
        elif not self._care_for.search(text):
            # A worker caring for a relative (我妈生病了我要回家照顾) asks for themselves (session 27).
            own_job = self._own_job.search(text)
            for offset, clause in _clauses(text):
                hit = self._kin_subject.search(clause.strip())
                if (
                    hit is not None
                    and own_job is not None
                    and own_job.start() < offset
                    and not self._kin_event.search(clause, hit.end())
                ):
                    # Session 30: the asker told their own job first (我在一家超市做收银…老公在外地打工): a relative
                    # named after it with nothing happening to them is the household's background (我在深圳打工，我爸在
                    # 工地摔伤了 is still the father's case).
                    break
                if hit:
                    put("asker", "family", hit.group(0))
                    kin = (hit.group("kin") or hit.group("kin2") or hit.group("kin3")).removeprefix("我")
                    put("relation", kin, hit.group(0))
                    # 我妈今年52了 / 我爸今年58: the relative's sex sets the retirement ages (session 14).
                    if kin in self._female_kin and not self._male.search(text):
                        put("female", True, hit.group(0))
                    elif kin in self._male_kin and not self._female.search(text):
                        put("female", False, hit.group(0))
                    break
            else:
                # 我同事在车间被压断了手指: a colleague or a friend asked about (session 14).
                hit = next((h for _, c in _clauses(text) if (h := self._colleague.search(c.strip()))), None)
                if hit is not None and not self._self_harmed.search(text):
                    put("asker", "colleague", hit.group(0))
                    put("relation", hit.group("who") or hit.group("who2"), hit.group(0))
                elif spoken_of:
                    # Session 16 (employer16): the worker only spoken of (无故辞退员工要赔多少钱): the rule is said
                    # of the worker, not to them.
                    put("worker_spoken_of", True, spoken_of)
        if hit := self._violence.search(self._violence_inside.sub(lambda m: " " * len(m.group(0)), text)):
            put("violence", True, hit.group(0))
        if hit := self._pay_sought.search(text):
            put("wages_owed", True, hit.group(0))
        # The one who did it is told in the clause of the harm or the one just before (一个司机倒车撞进店里，
        # 把我的腿撞骨折了).
        parts = [clause for _, clause in _clauses(text)]
        for i, clause in enumerate(parts):
            if not (self._injury.search(clause) or self._violence.search(clause)):
                continue
            told = "，".join(parts[max(0, i - 1) : i + 1])
            others = [
                h
                for h in self._third_party.finditer(told)
                if not self._third_party_self.search(told[: h.start()])
            ]
            if self._violence.search(clause):
                others += list(self._third_party_violent.finditer(told))
            if others and not self._employer_agent.search(told):
                put("third_party_harm", True, others[0].group(0))
                break
        # 老板威胁说辞职就不发工资 threatens the pay, not the person (the wage guide answers it); a word of
        # harm (找人收拾, 卸) is a threat whatever else the clause says.
        threats = (
            hit
            for _, clause in _clauses(text)
            for hit in self._threat.finditer(clause)
            if hit.group(0) not in ("威胁", "恐吓") or not self._threat_economic.search(clause, hit.end())
        )
        if hit := next(threats, None):
            put("threatened", True, hit.group(0))
        # Session 16: the labour contract itself to sign in the clause (现在公司要签合同) is no pressure to give up a
        # right, unless the clause also names a waiver or an ending (签解除劳动合同协议书, 签降薪的新合同).
        for hit in self._sign_now.finditer(text):
            start = max((m.end() for m in CLAUSE.finditer(text, 0, hit.start())), default=0)
            end = next((m.start() for m in CLAUSE.finditer(text, hit.end())), len(text))
            clause = text[start:end]
            if self._sign_contract_object.search(clause) and not self._sign_waiver_object.search(clause):
                continue
            put("pressure_to_sign", True, hit.group(0))
            break
        for _, clause in _clauses(text):
            weak_only = not self._settlement.search(clause)
            weak = self._settlement_weak.search(clause)
            if weak_only and (
                weak is None
                or self._earnings.search(clause)
                or self._denied(clause, weak.start())
                or self._offer_months_owed.search(clause)
            ):
                continue
            offered = next((m for m in self._sums(clause) if m.yuan >= 1000), None)
            if offered is not None:
                put("settlement_offered", offered.yuan, clause, offered.approximate)
                break
        for sentence in re.split(r"[。？?！!；;\n]", text):
            # Session 25: the employer's offer told in months of pay, in a clause that neither asks nor demands, with no
            # wages owed told beside it in the sentence (只给了两个月工资，还欠三个月).
            offer = self._offer_months.search(sentence)
            if offer is None or self._offer_months_owed.search(sentence):
                continue
            start = max((m.end() for m in CLAUSE.finditer(sentence, 0, offer.start())), default=0)
            end = next((m.start() for m in CLAUSE.finditer(sentence, offer.end())), len(sentence))
            if self._offer_months_not.search(self._offer_months_judged.sub("", sentence[start:end])):
                continue
            count = 0.5 if offer.group("n") == "半" else parse_cn_number(offer.group("n"))
            if count is not None and 0 < count <= 24:
                put("offered_months", count + (0.5 if offer.group("half") else 0), offer.group(0))
                break
        for hit in self._death.finditer(text):
            # The two characters before it: an idiom (累死了) or a wish in despair (想着死了, 不如死了).
            if not self._death_idiom.search(text[max(0, hit.start() - 2) : hit.start()]):
                put("death", True, hit.group(0))
                break
        if hit := next(
            (
                h
                for h in self._injury.finditer(text)
                if not self._denied(text, h.start())
                and not self._supposed(text, h.start())
                and not (
                    h.group(0) == "断了"
                    and self._injury_thing.search(text[max(0, h.start() - 3) : h.start()])
                )
            ),
            None,
        ):
            put("injured", True, hit.group(0))
        for _, clause in _clauses(text):
            broken = self._fracture.search(clause)
            if self._fracture_several.search(text):
                break
            if broken is not None and not self._denied(clause, broken.start()):
                put("fracture", True, broken.group(0))
                break
        if not self._several_injuries.search(text):
            # Session 25: a digit of the hand named and hurt in one clause (中指掉俩节, 拇指骨裂), no other injury beside it.
            for _, clause in _clauses(text):
                finger = self._finger.search(clause)
                if finger is None:
                    continue
                if any(not self._denied(clause, harm.start()) for harm in self._finger_harm.finditer(clause)):
                    put("finger_loss", True, finger.group(0))
                    if (told := finger_estimate(text)) is not None:
                        put("finger_grade", told.grade, told.told)
                        put("finger_grade_basis", told.basis, told.told)
                        put("finger_grade_told", told.told.replace(",", "，"), told.told)
                        put("finger_grade_name", told.grade_name, told.told)
                        put("finger_grade_months", told.grant_months, told.told)
                        put("finger_grade_raised", told.raised, told.told)
                        put("finger_grade_conditional", told.conditional, told.told)
                    break
        recurrence = self._recurrence_origin(text)
        if recurrence is not None:
            put("injury_recurrence", recurrence[0], recurrence[1])
        # Session 28: a work injury told by the stage its case reached (工伤认定下来了, 认定为工伤) is an injury told —
        # its hospital stay is the injury's treatment (工伤保险条例 30), not an illness's medical period.
        recognised = any(
            pattern.search(text)
            for name, value, pattern in self._stages
            if (name, value) == ("injury_stage", "recognised")
        )
        injury_told = (
            (hit is not None or recurrence is not None or recognised)
            and bool(self._injury_at_work.search(text))
            and not self._not_at_work.search(text)
        )
        self._treatment(text, put)
        if (hit := self._monthly_deduction.search(text)) and (
            amount := money_at(hit.group(0), hit.start("n") - hit.start())
        ):
            put("monthly_deduction", amount.yuan, hit.group(0))
        if hit := self._unused_leave.search(text):
            days = parse_cn_number(hit.group("a") or hit.group("b"))
            if days is not None and 0 < days <= 30:
                put("unused_leave_days", days, hit.group(0))
        if hit := self._leave_taken.search(text):
            raw = hit.group("a") or hit.group("b")
            days = 0.5 if raw == "半" else parse_cn_number(raw)
            if days is not None and 0 < days <= 30:
                put("leave_days_taken", days, hit.group(0))
        if hit := self._comp_given.search(text):
            # 也没给补休 / 不给调休: a negation just before the word turns it round; 给调休了吗没有 asks.
            asked, answer = asked_fact(text, hit.start(), hit.end())
            negated = self._comp_refused.search(text) or re.search(
                r"(?:没|不|未|别|没有)[^,，。]{0,2}$", text[max(0, hit.start() - 3) : hit.start()]
            )
            if not asked:
                put("comp_time", not negated, text[max(0, hit.start() - 3) : hit.end()])
            elif answer is not None:
                put("comp_time", answer, text[max(0, hit.start() - 3) : hit.end() + 4])
        # 哺乳期已经过了: the protection of 劳动合同法 42(4) has ended; the birth told before it is past (a
        # pregnancy told after it, 现在又怀孕了, is a new one). Session 14, learn14.
        nursing_over = max(
            (hit.end() for hit in self._nursing.finditer(text) if self._told_over(text, hit)), default=-1
        )
        # Session 26 (a check reader's note, class "a birth years ago read as a protected period": 2014年10月20日生产，
        # 休完产假上班至今 read as pregnant in 2026): a birth two calendar years back or more, or a child aged one or more,
        # ends the nursing period (女职工劳动保护特别规定 9: until the child is one) — a later pregnancy stays read.
        long_ago = self._birth_long_ago(text, today) if today is not None else None
        if long_ago is not None:
            nursing_over = max(nursing_over, long_ago.end())
        # After a birth long past only a new pregnancy counts (又怀孕了): 产假 / 哺乳期 speak of that birth.
        current = self._new_pregnancy if long_ago is not None else self._pregnant
        if hit := next((h for h in current.finditer(text) if h.start() > nursing_over), None):
            put("pregnant", True, hit.group(0))
        elif long_ago is not None:
            put("nursing_over", True, long_ago.group(0))
        elif nursing_over >= 0:
            over = next(h for h in self._nursing.finditer(text) if self._told_over(text, h))
            put("nursing_over", True, text[max(0, over.start() - 4) : over.end() + 3])
        # 孩子住院 / 我妈生病了 told by the worker: a relative's illness (the reason for leave, a hardship),
        # not the worker's own — unless a relative is the one the message is about (老公住院了, asked by
        # his wife).
        about_relative = False
        for _, clause in _clauses(text) if not self._care_for.search(text) else ():
            if hit := self._kin_subject.search(clause.strip()):
                # A message that only opens with the relative (老婆做手术，我请了三天假) is the worker's
                # own when the worker is the one the job events happen to.
                said_as_mine = hit.group("kin2") or (hit.group("kin") and hit.group(0)[0] in "我俺")
                about_relative = bool(said_as_mine) or not self._worker_acts.search(text)
                break
        # The words that deny the work (非因工死亡, 不是工伤) hold the work's own words (因工, 工伤): read inside a
        # denial they are not the work setting (session 22: 非因工死了 read as a work death).
        denied_work = [
            hit.span()
            for name, _, pattern in self._flags
            if name == "not_at_work"
            for hit in pattern.finditer(text)
        ]
        for name, value, pattern in self._flags:
            for hit in pattern.finditer(text):
                if name == "work_setting" and any(
                    start <= hit.start() and hit.end() <= end for start, end in denied_work
                ):
                    continue
                if (
                    name == "ill"
                    and not about_relative
                    and self._kin_before.search(text[max(0, hit.start() - 8) : hit.start()])
                ):
                    continue
                # 在车间摔伤了住院两周 / 工伤住院: the injury's treatment, not an illness (session 17, asker17).
                if name == "ill" and injury_told and self._ill_treatment.fullmatch(hit.group(0)):
                    continue
                if (
                    name == "social_insurance"
                    and value is True
                    and self._insurance_demanded.search(text[max(0, hit.start() - 6) : hit.start()])
                ):
                    continue  # 要求公司缴纳社保: demanded, not paid (session 27)
                if name == "social_insurance":
                    asked, answer = asked_fact(text, hit.start(), hit.end())
                    if asked:
                        if answer is not None:
                            put(name, answer, hit.group(0))
                        break
                put(name, value, hit.group(0))
                break
        for name, value, pattern in self._stages:
            for hit in pattern.finditer(text):
                # 没认定下来, 还没申请了工伤: a stage not reached.
                if not re.search(
                    r"(?:没|未|不|别|不予)[^,，。]{0,2}$", text[max(0, hit.start() - 4) : hit.start()]
                ):
                    put(name, value, hit.group(0))
                    break
        # 我是试用期过了的 / 已经转正了: the probation is over (session 14, learn14).
        if not self._probation_over.search(text) and (
            hit := next((h for h in self._probation.finditer(text) if not self._told_over(text, h)), None)
        ):
            put("in_probation", True, hit.group(0))
        for m in self._group.finditer(text):
            n = parse_cn_number(m.group("n").replace("几", "")) if m.group("n") != "几" else None
            if m.group("n").startswith("几") and n is None:
                n = 2.0
            if "几" in m.group("n") and n is not None:
                n = n + 1 if n >= 10 else max(n, 3)
            if (
                n is not None
                and 2 <= n <= 100000
                and re.search(r"我们|俺们|咱们|工友|一起|大家|共|总共|一共", text)
            ):
                put("workers_count", int(n), m.group(0), bool(m.group("more")) or "几" in m.group("n"))
                break
        if m := self._grade_school.search(text):
            age = {"一": 13, "二": 14, "三": 15}.get(m.group("g") or m.group("g2") or "", 0) or {
                "四": 10,
                "五": 11,
                "六": 12,
            }.get(m.group("p") or "", 0)
            if age:
                put("age", age, m.group(0), True, "按年级推算")
        for m in [*self._age.finditer(text), *self._this_year_age.finditer(text)]:
            age = parse_cn_number(m.group("n"))
            # 孩子都18岁以上: the dependants' ages told as a group, not the worker's (session 16, facts16: a number
            # misread); 我儿子今年才14, 孩子17岁去矿上 are the one the question is about.
            near = re.split(r"[,，。；;]", text[max(0, m.start() - 8) : m.start()])[-1]
            child = re.search(rf"(?:{_CHILD_BEFORE.pattern})们?(?:都|也都|均|全)", near)
            # Session 29 (two blind readers, the helpers' probes: 老公…摔下来走了…他跟前妻还有个女儿今年15 opened with the
            # child-labour block): a child's age told in a message about another family member's death or injury at
            # work, with no work of the child's own told after it, is a dependant's, not the worker's.
            after = re.split(r"[。；;！!？?]", text[m.end() :])[0]
            dependant = (
                (_CHILD_BEFORE.search(near) or re.match(rf"\s*的?(?:{_CHILD_BEFORE.pattern})", after))
                and self._spouse_or_parent_worker.search(text)
                and not self._child_works.search(after)
            )
            if age is not None and 8 <= age <= 80 and not child and not dependant:
                put("age", int(age), m.group(0))
                break

    def _supposed(self, text: str, at: int) -> bool:
        """万一被压伤了, 怕干活时受伤, 如果在工地摔伤了: a harm supposed or feared in its clause, not one that
        happened (session 14: an injury invented from a hypothetical)."""
        before = re.split(r"[,，。；;！!？?]", text[max(0, at - 12) : at])[-1]
        return bool(self._injury_supposed.search(before))

    def _reached(self, text: str, hit: re.Match[str]) -> bool:
        """A stage word told as done: not supposed, asked or denied in its clause (如果仲裁输了, 要不要投诉,
        还没申请仲裁), nor asked about right after (投诉了有用吗)."""
        before = re.split(r"[,，。；;！!？?]", text[max(0, hit.start() - 8) : hit.start()])[-1]
        # Session 16: 差不多一个月前交了仲裁 / 不久前申请了仲裁 — words holding 不 that deny nothing.
        before = self._not_denial.sub("", before)
        if self._stage_not_before.search(before):
            return False
        return not self._stage_not_after.match(text, hit.end())

    def _stage(self, text: str, put: Any) -> None:
        """The stage a dispute has reached (投诉了, 申请了仲裁, 裁决下来了, 一审判了, 申请了强制执行) and a job
        already left in so many words (session 14): steps of a stage passed are not told again, and 怎么办
        opens with the step after it (corpus/consult/stages.toml)."""
        told_stage = None
        for stage, pattern in self._dispute_stages:
            if hit := next((h for h in pattern.finditer(text) if self._reached(text, h)), None):
                told_stage = stage
                put("dispute_stage", stage, hit.group(0))
                # Session 15: the award stage held as a mediation statement (调解书), not an award.
                if (
                    stage == "award"
                    and (ms := self._mediation_statement.search(text))
                    and not self._award_word.search(text)
                ):
                    put("award_kind", "mediation_statement", ms.group(0))
                break
        if hit := next((h for h in self._left.finditer(text) if self._reached(text, h)), None):
            put("left_job", True, hit.group(0))
        # Session 16 (issue 13): an arbitration accepted or heard, told as done (not 没受理, 受不受理也不说).
        accepted = "仲裁" in text and next(
            (h for h in self._accepted.finditer(text) if self._reached(text, h)), None
        )
        if accepted:
            put("arbitration_accepted", True, accepted.group(0))
            if told_stage is None:
                # 仲裁委上周已经受理了: an arbitration accepted was filed.
                put("dispute_stage", "arbitration", accepted.group(0))
        # Session 16 (issue 13): an ending still being negotiated (想商量赔偿, 还在谈): a proposal, not an ending done.
        if talk := self._negotiating.search(text):
            put("ending_negotiating", True, talk.group(0))
        # Session 15 (issue 13): a reply of 12345 or labour inspection sending the matter to arbitration decided
        # nothing (回复说属于劳动争议，请申请仲裁): told as a reply received, from a named office.
        if self._reply_from.search(text) and (
            hit := next((h for h in self._referred.finditer(text) if self._reached(text, h)), None)
        ):
            put("complaint_referred", True, hit.group(0))
        # An occupational disease diagnosed (诊断证明书拿到了, 确诊尘肺二期): not one planned or denied, nor
        # another illness (确诊癌症: no occupational disease named).
        for hit in self._disease_diagnosed.finditer(text) if self._occupational.search(text) else ():
            clause = re.split(r"[,，。；;！!？?]", text[max(0, hit.start() - 8) : hit.start()])[-1]
            if not self._disease_not_before.search(clause) and not self._stage_not_after.match(
                text, hit.end()
            ):
                put("disease_stage", "diagnosed", hit.group(0))
                break

    @staticmethod
    def _birth_year(text: str, today: date, put: Any) -> None:
        """1962年出生 / 我是65年的 / 出生于1970年: the age this year (an age told outright is read first and
        wins). Who is past the statutory retirement age, or near it, turns on it."""
        for m in _BIRTH_YEAR.finditer(text):
            if _CHILD_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
                continue  # 孩子2010年出生: a child's birth, not the worker's
            raw = next(g for g in m.groups() if g)
            year = int(raw) if len(raw) == 4 else 1900 + int(raw)
            age = today.year - year
            if text.startswith("日", m.end()) and age < 16:
                continue  # 2019年生日那天: a birthday's date, not a birth year
            if 14 <= age <= 90:
                put("age", age, m.group(0), True, f"按{year}年出生推算")
                put("birth_year", year, m.group(0))
                month = int(m.group("month")) if m.group("month") else None
                if month is not None and 1 <= month <= 12:
                    put("birth_month", month, m.group(0))
            return

    def _ending(self, text: str, told: str, put: Any) -> None:
        """The ground the employer gave (quoted words included: they are the ground given), who
        proposed an agreed ending, who declined to renew and on what terms, an open-ended contract."""
        for value, pattern in self._grounds:
            hit = pattern.search(text)
            if hit is None and value == "closure":
                # Session 29: the employer named, then its own ending (公司因经营不善宣布停业解散) — now, not supposed.
                hit = next(
                    (
                        h
                        for h in self._closing.finditer(text)
                        if not self._closing_not_now.search(
                            re.split(r"[,，。；;！!？?]", text[: h.start()])[-1][-8:] + h.group(0)
                        )
                    ),
                    None,
                )
            if hit and value == "trivial" and self._trivial_yields.search(text):
                continue  # 说我旷工三天，其实我请了假: the conduct named is the ground
            if (
                hit
                and value == "fault"
                and self._moving.search(text)
                and re.search(r"不(?:去|过去|搬过去|跟着去)[^，。,；;]{0,4}(?:就|算|按|视为|当)", text)
            ):
                # 不去就算自动离职 / 不去按旷工处理: the label the employer pins on a refusal to move; the ground is
                # the relocation (40(3)), not the worker's fault (session 16, lead).
                continue
            if hit and value == "trivial":
                # 经常玩手机: repeated conduct a lawful rule may make serious — not this class.
                hit = next(
                    (
                        h
                        for h in pattern.finditer(text)
                        if not self._trivial_repeated.search(text, max(0, h.start() - 4), h.start())
                    ),
                    None,
                )
            if hit:
                put("ending_ground", value, hit.group(0))
                if value == "trivial":
                    put("trivial_conduct", hit.group(0), hit.group(0))
                break
        # 要是我不去上班 is a supposition; a threat (会不会算旷工) is the question whatever its mood.
        stayed = (h for h in self._stayed_away.finditer(text) if not self._feared(text, h.start()))
        if hit := next(stayed, None) or self._stayed_away_threat.search(text):
            put("stayed_away", True, hit.group(0))
        for hit in self._receipt_signed.finditer(text):
            # 签了“工资已结清”的收条 (session 14): a receipt or a waiver signed, not supposed.
            clause = re.split(r"[,，。；;！!？?]", text[max(0, hit.start() - 8) : hit.start()])[-1]
            if not self._agreement_sign_hypothetical.search(clause + hit.group(0)[:4]):
                put("receipt_signed", True, hit.group(0))
                break
        for hit in self._agreement_signed.finditer(text):
            clause = re.split(r"[,，。；;！!？?]", text[max(0, hit.start() - 8) : hit.start()])[-1]
            around = text[max(0, hit.start() - 6) : hit.end() + 6]
            if self._agreement_not_ending.search(around):
                continue
            if not self._agreement_sign_hypothetical.search(clause + hit.group(0)[:4]):
                put("agreement_signed", True, hit.group(0))
                signed = True
                break
        else:
            signed = False
        # 协商解除合同，已经签字了: the agreed ending told, then its signature bare within a few characters.
        agreed = next(
            (h for v, p in self._terminations if v == "agreed" for h in [p.search(text)] if h), None
        )
        if not signed and agreed is not None:
            bare = self._bare_signature.search(text, agreed.end(), agreed.end() + 12)
            if bare is not None and not self._agreement_sign_hypothetical.search(
                text, agreed.start(), bare.end()
            ):
                put("agreement_signed", True, text[agreed.start() : bare.end()])
                signed = True
        # 发了个协商解除协议 … 要不要签: an agreement handed over and asked about, nothing said signed — an offer,
        # so its date is no leaving (session 16, lead; see _derive_left).
        if (
            not signed
            and (
                offer := self._employer_agreement.search(text)
                or next(
                    (h for v, p in self._terminations if v == "agreed" for h in [p.search(text)] if h), None
                )
            )
            and self._agreement_sign_hypothetical.search(text)
            and not re.search(
                r"签了(?!会|以后会|之后会|的话)|签过|签完|已经签|已签|签好|签字了|按了手印", text
            )
        ):
            put("agreement_offered", True, offer.group(0))
        read: set[str] = set()
        for name, patterns in (
            ("proposed_by", self._proposed),
            ("renewal_declined_by", self._renewal),
            ("renewal_terms", self._renewal_terms),
        ):
            for value, pattern in patterns:
                if hit := pattern.search(told):
                    if (
                        name == "proposed_by"
                        and value == "employer"
                        and _ADDRESSED.search(told[: hit.start()])
                    ):
                        value = "worker"  # 员工向派遣单位提出解除: the employer is whom it was proposed to
                    put(name, value, hit.group(0))
                    read.add(name)
                    break
        if (
            "renewal_declined_by" not in read
            and (leaving := self._renewal_worker_at_expiry.search(told))
            and (expiry := next(p for v, p in self._terminations if v == "expired").search(told))
            and not self._feared(told, expiry.start())
        ):
            # 第二次到期我自己不想干了: the worker goes at the term's end — declined to renew (session 22).
            put("renewal_declined_by", "worker", leaving.group(0))
            read.add("renewal_declined_by")
        if "renewal_declined_by" in read:
            # 这次到期公司不续了: a contract not renewed ended by expiry (put keeps an earlier reading).
            put("termination", "expired", self._renewal_hit_words(told))
        # 人事叫我签个解除协议: the employer's side proposes the agreed ending.
        if "proposed_by" not in read and (hit := self._employer_agreement.search(told)):
            put("proposed_by", "employer", hit.group(0))
            read.add("proposed_by")
        grounds = [h.span() for h in self._worker_ground.finditer(told)]
        if (hit := self._employer_proposal.search(told)) and not any(
            a < hit.end() and hit.start() < b for a, b in grounds
        ):
            if not self._feared(told, hit.start()) and not self._denied(told, hit.start()):
                if "proposed_by" not in read:
                    addressed = _ADDRESSED.search(told[: hit.start()]) is not None
                    put("proposed_by", "worker" if addressed else "employer", hit.group(0))
                # An ending read otherwise (被辞退, 合同到期) stays: put keeps the earlier reading.
                put("termination", "agreed", hit.group(0))
        for hit in self._open_ended.finditer(told):
            before = told[max(0, hit.start() - 8) : hit.start()]
            if not self._open_ended_not.search(before):
                put("open_ended", True, hit.group(0))
                break
        if hit := self._fixed_terms.search(told):
            n = parse_cn_number(hit.group("a") or hit.group("b") or hit.group("c") or hit.group("e") or "")
            if hit.group("r") and (renewals := parse_cn_number(hit.group("r"))) is not None:
                n = renewals + 1
            if n is not None and 1 <= n <= 5:
                put("fixed_terms", int(n), hit.group(0))
                if n >= 2 and (each := self._fixed_term_each(told)) is not None:
                    put("fixed_term_each_months", round(each.months, 1), each.text, each.approximate)
        elif hit := self._fixed_terms_many.search(told):
            # 签了好几次 / 多次续签: more than one fixed term in a row, the count untold (session 22).
            put("fixed_terms", 3, hit.group(0), True, "按你说的签过好几次合同")
        elif (hit := self._fixed_terms_every.search(told)) and (
            years := parse_cn_number(hit.group("n") or hit.group("m") or "一")
        ):
            # 一年一签 / 每两年签一次: each term's length; with the years served told, how many terms have run
            # (derived in _derive, session 22).
            put("fixed_term_each_months", float(12 * years), hit.group(0), False, TERM_RHYTHM)

    def _fixed_term_each(self, told: str) -> Duration | None:
        """签了两次合同都是三年 / 每份3年 / 签了两个三年的合同: each fixed term's length (session 21)."""
        for hit in self._each_term.finditer(told):
            term = duration_at(told, hit.end())
            if term is not None and re.search(r"年|月", term.text) and 6 <= term.months <= 120:
                return term
        return None

    def _employer_ended_by_agreement(self, told: str) -> str | None:
        """公司说不用来了，让我签了离职协议: an agreement that records an ending the employer announced
        (a dismissal word, not feared or denied, beside the agreement's) was proposed by the employer —
        the N of 劳动合同法 46(2) — though no 公司提出 is said (session 10, lawyers' class: a worker who
        signed was told only that it is hard once signed)."""
        agreed = next(p for v, p in self._terminations if v == "agreed")
        dismissed = next(p for v, p in self._terminations if v == "dismissed")
        if not agreed.search(told):
            return None
        for hit in dismissed.finditer(told):
            if not self._feared(told, hit.start()) and not self._denied(told, hit.start()):
                return hit.group(0)
        return None

    def _decisive(self, text: str, put: Any) -> None:
        """The facts that decide a case beside its ending (session 7): the local average wage, the
        laid-off count and the staff, a suspected occupational disease, a worker near retirement, a move
        arranged by the employer (or chosen by the worker), the hours of rescue before a death."""
        for hit in self._local_average.finditer(text):
            money = money_at(text, hit.end()) or next(
                (m for pos in range(hit.end(), min(len(text), hit.end() + 8)) if (m := money_at(text, pos))),
                None,
            )
            if money is not None and 1000 <= money.yuan <= 50000:
                put("local_average_wage", money.yuan, text[hit.start() : money.end], money.approximate)
                break
        for hit in self._laid_off.finditer(text):
            n = parse_cn_number(hit.group("n").replace("几", "")) if hit.group("n") != "几" else 3.0
            if n is not None and 1 <= n <= 100000:
                put("laid_off_count", int(n), hit.group(0), bool(hit.group("more")) or "几" in hit.group("n"))
                break
        for hit in self._staff.finditer(text):
            raw = hit.group("n") or hit.group("n2")
            n = parse_cn_number(raw.replace("几", "")) if raw != "几" else None
            if n is not None and 2 <= n <= 1000000:
                put("staff_count", int(n), hit.group(0), bool(hit.group("more") or hit.group("more2")))
                break
        if hit := self._occupational.search(text):
            put("occupational_disease", True, hit.group(0))
        for hit in self._near_retirement.finditer(text):
            years = parse_cn_number(hit.group("n")) if hit.group("n") else None
            if years is None or years <= 5:
                put("near_retirement", True, hit.group(0))
                break
        else:
            # Session 29: 明年就到50退休了 / 还有两年到退休 — a time to come, then the retirement (no years over five).
            for hit in self._near_retirement_when.finditer(text):
                years = re.search(rf"(?P<n>\d+|[{CN_CHARS}两几]+)\s*年", hit.group(0))
                n = parse_cn_number(years.group("n")) if years else None
                if n is None or n <= 5:
                    put("near_retirement", True, hit.group(0))
                    break
        if hit := self._moved_by_self.search(text):
            put("transferred", False, hit.group(0))
        elif hit := self._transferred.search(text):
            put("transferred", True, hit.group(0))
        if hit := self._employer_merged.search(text):
            put("employer_merged", True, hit.group(0))
        if hit := self._rescue.search(text):
            raw = hit.group("a") or hit.group("b") or hit.group("c")
            unit = hit.group("ua") or hit.group("ub") or "天"
            n = 0.5 if raw == "半" else parse_cn_number(raw)
            if n is not None and 0 < n <= 720:
                hours = n * 24 if unit in ("天", "日") else n
                if hit.group("c"):
                    hours = (n - 1) * 24  # 第三天去世: at least two full days after
                if hours <= 24 * 60:
                    put("rescue_hours", hours, hit.group(0), unit in ("天", "日"))

    def _renewal_hit_words(self, told: str) -> str:
        return next((h.group(0) for _, pattern in self._renewal if (h := pattern.search(told))), "")

    # --- a reply to a clarifying question ------------------------------------------------------

    def read_reply(self, text: str, asked: str, today: date, turn: int) -> Fact | None:
        """ "5000" / "三年" / "去年3月" after the answer asked for the wage / tenure / date."""
        text = text.strip()
        if asked in (
            "monthly_wage",
            "average_monthly_wage",
            "daily_wage",
            "unpaid_amount",
            "settlement_offered",
            "local_average_wage",
        ):
            for pos in range(len(text)):
                money = money_at(text, pos)
                if money is not None and money.yuan >= 1:
                    return Fact(asked, money.yuan, text, turn, money.approximate)
            return None
        if asked in (
            "service_months",
            "cumulative_work_years",
            "unpaid_months",
            "months_without_contract",
            # The durations the verdict facts ask for (assistant/consult/relation_facts.py).
            "nc_unpaid_months",
            "months_since_left",
            "contract_term_months",
        ):
            for d in find_durations(text):
                if re.search(r"年|月", d.text):
                    value = (
                        round(d.months / 12, 2) if asked == "cumulative_work_years" else round(d.months, 1)
                    )
                    return Fact(asked, value, text, turn, d.approximate)
            return None
        if asked in DATE_FACTS:
            dates = find_dates(text, today)
            if dates:
                return Fact(asked, dates[0].earliest.isoformat(), text, turn, not dates[0].exact)
            return None
        if asked in ("disability_grade", "age", "workers_count", "staff_count", "laid_off_count"):
            m = re.search(rf"\d+|[{CN_CHARS}]+", text)
            value = parse_cn_number(m.group(0)) if m else None
            return Fact(asked, int(value), text, turn) if value is not None else None
        if asked in ("contract_signed", "injury_insurance", "notice_given", "social_insurance"):
            if re.match(r"(没|没有|不|未|否)", text):
                return Fact(asked, False, text, turn)
            if re.match(r"(有|签了|是|对|交了|买了|签过|给了)", text):
                return Fact(asked, True, text, turn)
        return None

    # --- derived facts -------------------------------------------------------------------------

    @staticmethod
    def _derive_left(record: CaseFacts) -> None:
        """The job already left (session 14): a resignation handed in, a dismissal that happened (not one the
        employer is still pushing for), an ending agreement signed or a leaving date past — unless the worker
        says the job goes on or only means to leave."""
        if record.has("left_job") or record.get("still_employed") or record.get("leaving_planned"):
            return
        end = record.date("end_date")
        if record.get("agreement_offered") and re.search(
            r"协议|协商", record.facts["end_date"].words if end else ""
        ):
            # The date of an agreement only offered (公司10月20号给了我一份协商解除协议，要不要签) is no
            # leaving: no left_job, no time limit from it (session 16, lead, after the fresh set's reading).
            record.facts.pop("end_date", None)
            end = None
        for name, holds in (
            ("resignation_made", record.get("resignation_made") is True),
            (
                "termination",
                record.get("termination") == "dismissed"
                and not record.get("pushed_to_resign")
                and not record.get("dismissal_meant"),
            ),
            ("agreement_signed", record.get("agreement_signed") is True),
            ("end_date", end is not None and end <= record.today),
        ):
            if holds:
                fact = record.facts[name]
                record.add(Fact("left_job", True, fact.words, fact.turn, True, "按你说的情况推断"))
                return

    @staticmethod
    def _derive_hours(record: CaseFacts) -> None:
        """每天干10个钟 under the standard day of 8 hours: 2 extended hours a working day."""
        daily = record.facts.get("daily_hours")
        if daily is None or record.has("overtime_hours_per_day") or record.get("overtime_kind") != "weekday":
            return
        extra = float(daily.value) - 8
        if extra > 0:
            record.add(
                Fact(
                    "overtime_hours_per_day",
                    extra,
                    daily.words,
                    daily.turn,
                    daily.approximate,
                    "每天工作时间超出标准工作日8小时的部分",
                )
            )

    @staticmethod
    def _derive_retirement(record: CaseFacts) -> None:
        """今年61了 / 1960年出生: at an age past every statutory retirement age it allows (men retire
        latest; 渐进式延迟 from 2025 adds at most 3 years), the contract ended by law when the worker
        reached it (劳动合同法实施条例 21), so a dismissal now is no dismissal under 劳动合同法 (no N, no 2N)."""
        age = record.facts.get("age")
        if age is None or not isinstance(age.value, int | float) or record.has("past_retirement_age"):
            return
        female = record.get("female") is True or record.get("pregnant") is True
        latest = latest_retirement_age(int(age.value), record.today, female)
        end = record.date("end_date")
        # 今年61，前年被辞退: the age when the job ended decides, not today's (a dismissal at 59 is one).
        age_then = age.value - (record.today.year - end.year) if end is not None else age.value
        if age_then >= latest:
            record.add(
                Fact(
                    "past_retirement_age",
                    True,
                    age.words,
                    age.turn,
                    False,
                    f"按年龄推算：{'女' if female else '男'}职工法定退休年龄最晚{format_number(round(latest, 2))}岁"
                    + ("" if female else "，女职工更早"),
                )
            )

    @staticmethod
    def _derive_retirement_ages(record: CaseFacts) -> None:
        """1976年3月出生 / 1980年的 / 今年52: the statutory retirement age of 办法第一条 for each original age,
        for the birth month told, else for the months of the birth year (or of the two years an age allows)."""
        year, month = record.get("birth_year"), record.get("birth_month")
        source = record.facts.get("birth_year") or record.facts.get("age")
        if source is None:
            return
        if isinstance(year, int):
            first, last = (year, month or 1), (year, month or 12)
        elif (
            isinstance(age := record.get("age"), int | float)
            and not isinstance(age, bool)
            and 40 <= age <= 70
        ):
            born = record.today.year - int(age)
            # 今年52: born this year or the year before, by the birthday.
            first, last = (born - 1, 1), (born, 12)
        else:
            return
        now = record.today.year * 12 + record.today.month - 1
        for kind in RETIREMENT_STEPS:
            note = "按国务院关于渐进式延迟法定退休年龄的办法第一条推算"
            record.add(
                Fact(
                    f"retire_age_{kind}",
                    retirement_age_text(kind, first, last),
                    source.words,
                    source.turn,
                    first != last,
                    note,
                )
            )
            # The month the age is reached, for the earliest and the latest birth month allowed.
            base = RETIREMENT_STEPS[kind][0]
            reached = [
                y * 12 + m - 1 + base * 12 + retirement_delay_months(kind, y, m) <= now
                for y, m in (first, last)
            ]
            if reached[0] == reached[1]:
                record.add(Fact(f"retired_{kind}", reached[0], source.words, source.turn, False, note))

    @staticmethod
    def _derive_training_cap(record: CaseFacts) -> None:
        """培训费6000, 服务期3年, 干了一年: the most a training-bond penalty may be (劳动合同法 22(2)) — the cost
        spread over the service period, for the months not yet served; nothing when the period is served.
        The months served are the months worked (service_months), taken as served within the period."""
        cost, bond, served = (
            record.get("training_cost"),
            record.get("bond_months"),
            record.get("service_months"),
        )
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (cost, bond, served)):
            return
        assert (
            isinstance(cost, int | float)
            and isinstance(bond, int | float)
            and isinstance(served, int | float)
        )
        if bond <= 0 or served < 0:
            return
        left = max(0.0, bond - served)
        cap = round(cost * left / bond)
        record.add(
            Fact(
                "bond_months_left",
                float(left),
                record.facts["bond_months"].words,
                record.facts["bond_months"].turn,
                True,
                "服务期月数减已干的月数",
            )
        )
        record.add(
            Fact(
                "training_penalty_cap",
                float(cap),
                record.facts["training_cost"].words,
                record.facts["training_cost"].turn,
                True,
                f"培训费{format_number(cost)}元 ÷ 服务期{format_number(bond)}个月 × 还没干的{format_number(left)}个月",
            )
        )

    @staticmethod
    def _derive_protected(record: CaseFacts) -> None:
        """The protected status of 劳动合同法 42 the facts make, the first that holds: pregnancy, a
        suspected occupational disease, a disability from a work injury, a medical period, 15 years here
        and near retirement — told in words, or an age within 5 years of the latest retirement age it allows
        (men's; a younger woman may already be near, which the guides' general sentences leave open)."""
        years_here = float(record.get("service_months", 0) or 0)
        age = record.get("age")
        # Past the age (past_retirement_age) the contract has already ended by law: nothing left to protect.
        near = record.get("past_retirement_age") is not True and (
            record.get("near_retirement") is True
            or (
                isinstance(age, int | float)
                and latest_retirement_age(int(age), record.today, record.get("female") is True) - age <= 5
            )
        )
        candidates = (
            ("pregnancy", "pregnant", record.get("pregnant") is True),
            ("occupational_disease", "occupational_disease", record.get("occupational_disease") is True),
            ("work_injury", "disability_grade", record.has("disability_grade")),
            (
                "injury_treatment",
                "injury_treatment",
                record.get("injury_treatment") is True and record.get("not_at_work") is not True,
            ),
            ("medical", "ill", record.get("ill") is True),
            ("near_retirement", "service_months", years_here >= 180 and near),
        )
        for code, source, holds in candidates:
            if holds:
                fact = record.facts[source]
                record.add(
                    Fact("protected_status", code, fact.words, fact.turn, False, "劳动合同法第四十二条")
                )
                record.add(
                    Fact(
                        "protected_reason",
                        PROTECTED_REASONS[code],
                        fact.words,
                        fact.turn,
                        False,
                        "劳动合同法第四十二条",
                    )
                )
                return

    @staticmethod
    def _derive(record: CaseFacts) -> None:
        FactExtractor._derive_left(record)
        if record.get("ending_ground") == "trivial" and record.get("termination") != "dismissed":
            # 看手机一次罚50: trivial conduct told with no dismissal is no ground of an ending.
            for name in ("ending_ground", "trivial_conduct"):
                record.facts.pop(name, None)
        start, end = record.date("start_date"), record.date("end_date")
        FactExtractor._derive_hours(record)
        base, told_wage = record.get("insurance_base"), record.get("monthly_wage")
        if (
            isinstance(base, int | float)
            and isinstance(told_wage, int | float)
            and base < 0.9 * told_wage
            and not record.has("insurance_underpaid")
        ):
            # 月平均工资7千，保险按2400交: paid, on too low a base (session 27).
            fact = record.facts["insurance_base"]
            record.add(Fact("insurance_underpaid", True, fact.words, fact.turn))
        months_owed, wage = record.get("unpaid_months"), record.get("monthly_wage")
        if (
            not record.has("unpaid_amount")
            and isinstance(months_owed, int | float)
            and isinstance(wage, int | float)
        ):
            # 欠了4个月工资，每个月4500: the sum owed is the worker's own figure, 18000 (session 16, facts16,
            # issue 13 item 2: the months owed told, the answer gave no total).
            owed = record.facts["unpaid_months"]
            record.add(
                Fact(
                    "unpaid_amount",
                    round(months_owed * wage),
                    owed.words + "，" + record.facts["monthly_wage"].words,
                    owed.turn,
                    True,
                    f"按每月{format_number(wage)}元×{format_number(months_owed)}个月推算",
                )
            )
        if start is not None and not record.has("service_months"):
            until = end or record.today
            if until > start:
                months = (
                    (until.year - start.year) * 12
                    + (until.month - start.month)
                    + (until.day - start.day) / 30.44
                )
                note = "按入职日期推算到" + ("离职日" if end else "今天")
                record.add(
                    Fact(
                        "service_months",
                        round(months, 1),
                        record.facts["start_date"].words,
                        record.facts["start_date"].turn,
                        True,
                        note,
                    )
                )
        each = record.facts.get("fixed_term_each_months")
        served = record.get("service_months")
        if (
            each is not None
            and each.note == TERM_RHYTHM
            and not record.has("fixed_terms")
            and isinstance(served, (int, float))
            and served > float(each.value)
        ):
            # Session 22: 一年一签、干了六年 — the terms concluded so far (a term now running counts: its end is the
            # expiry at stake); at most 5 is read, as for a count told.
            terms = min(5, max(2, math.ceil(served / float(each.value) - 1e-9)))
            record.add(
                Fact("fixed_terms", terms, each.words, each.turn, True, f"按你说的{each.words}和工作年限估的")
            )
        if (
            each is not None
            and not record.has("service_months")
            and start is None
            and record.get("termination") == "expired"
            and isinstance(record.get("fixed_terms"), int)
        ):
            # Session 21 (issue 13, "the fixed terms told with their length"): 签了两次合同都是三年，第二次到期 —
            # the terms added up are the years served (approximate), not a fact to ask again.
            terms = int(record.get("fixed_terms"))
            record.add(
                Fact(
                    "service_months",
                    round(terms * float(each.value), 1),
                    each.words,
                    each.turn,
                    True,
                    f"按你说的{terms}份合同、每份{each.words.strip()}加起来估的",
                )
            )
        if start is not None and start < LABOUR_CONTRACT_LAW_START:
            # 劳动合同法 97(3): severance years count from the law's start; the years before follow the rules
            # then in force. The years before it, for the sentence that says so.
            years = (LABOUR_CONTRACT_LAW_START - start).days / 365.25
            words, turn = record.facts["start_date"].words, record.facts["start_date"].turn
            record.add(Fact("started_before_2008", True, words, turn, True, "劳动合同法第九十七条第三款"))
            record.add(
                Fact("years_before_2008", round(years, 1), words, turn, True, "按入职日期推算到2008年1月1日")
            )
        elif start is None and isinstance(served := record.get("service_months"), int | float):
            # Session 27 (the learn-half reading, class "a high earner with years before 2008": 工作22年 with no date):
            # the years told counted back from the leaving (or today) start before 2008 by half a year or more. Its own
            # fact: an estimate, read only where the 2008 split changes a figure (the cap of 47(2), 97(3)).
            began = (end or record.today) - timedelta(days=round(float(served) * 30.44))
            if began < LABOUR_CONTRACT_LAW_START - timedelta(days=183):
                fact = record.facts["service_months"]
                record.add(Fact("served_before_2008", True, fact.words, fact.turn, True, "按工作年限倒推"))
        earlier = record.facts.get("cumulative_work_years")
        if earlier is not None and earlier.note == EARLIER_EMPLOYER and record.has("service_months"):
            # 之前在别的厂干了8年 + 在这里做了3年: the working life is both (办法 第四条).
            here = float(record.get("service_months")) / 12
            record.add(
                Fact(
                    "cumulative_work_years",
                    round(float(earlier.value) + here, 2),
                    earlier.words,
                    earlier.turn,
                    earlier.approximate or record.facts["service_months"].approximate,
                    f"此前单位{format_number(float(earlier.value))}年加本单位约{format_number(round(here, 1))}年",
                )
            )
        earlier_unit = record.facts.get("earlier_employer_months")
        here = record.facts.get("service_months")
        if earlier_unit is not None and here is None and record.get("transferred") is True:
            # 在原来公司干了6年半 … 合并以后新公司把我辞退了: the years told are the whole working time here.
            record.add(
                Fact(
                    "service_months",
                    earlier_unit.value,
                    earlier_unit.words,
                    earlier_unit.turn,
                    earlier_unit.approximate,
                    "原单位的年限（非因本人原因被安排到本单位，合并计算）",
                )
            )
        elif earlier_unit is not None and here is not None and record.get("transferred") is True:
            # Moved by the employer, not by the worker's choice: the years with the old unit count here
            # (劳动合同法实施条例 10; 解释（一） 46), for severance as for everything that counts them.
            record.add(
                Fact(
                    "service_months",
                    round(float(here.value) + float(earlier_unit.value), 1),
                    here.words,
                    here.turn,
                    here.approximate or earlier_unit.approximate,
                    f"原单位约{format_number(float(earlier_unit.value))}个月加本单位约"
                    f"{format_number(float(here.value))}个月（非因本人原因被安排到本单位，合并计算）",
                )
            )
        FactExtractor._derive_retirement(record)
        FactExtractor._derive_training_cap(record)
        FactExtractor._derive_retirement_ages(record)
        FactExtractor._derive_protected(record)
        if (
            record.get("contract_signed") is False
            and record.has("service_months")
            and not record.has("months_without_contract")
        ):
            tenure = record.facts["service_months"]
            record.add(
                Fact(
                    "months_without_contract",
                    tenure.value,
                    tenure.words,
                    tenure.turn,
                    tenure.approximate,
                    "按工作时间计",
                )
            )
        for name, value, source, note in derived(record):
            if not record.has(name):
                origin = record.facts[source]
                record.add(Fact(name, value, origin.words, origin.turn, True, note))
        if record.has("monthly_wage") and not record.has("average_monthly_wage"):
            wage = record.facts["monthly_wage"]
            record.add(
                Fact(
                    "average_monthly_wage",
                    wage.value,
                    wage.words,
                    wage.turn,
                    True,
                    "按你说的月工资计（应为离职前12个月平均工资）",
                )
            )


def extract_facts(
    messages: Sequence[str], today: date, asked: str | None = None, extractor: FactExtractor | None = None
) -> CaseFacts:
    return (extractor or _default_extractor()).extract(messages, today, asked)


@lru_cache(maxsize=1)
def _default_extractor() -> FactExtractor:
    return FactExtractor()


# The facts that only set the scene of a case already told (where, for how much, how long, how old):
# a message telling nothing else (是在东莞, 月薪6000, 干了三年) completes the earlier question rather than
# raising a new one.
# (control_signs: 月薪 read as a wage paid every month, one sign of being managed.)
SETTING_FACTS = frozenset(
    {
        "province",
        "city",
        "monthly_wage",
        "average_monthly_wage",
        "daily_wage",
        "service_months",
        "age",
        "control_signs",
    }
)


def only_sets_the_scene(text: str, today: date) -> bool:
    """Is a short message only the setting of the case told before (是在东莞, 工资六千一个月)?"""
    normalized = _normalize(text)
    if len(normalized) > 30:
        return False
    found = _default_extractor().read(normalized, today)
    return bool(found) and set(found) <= SETTING_FACTS


def answers_question(text: str, asked: str, today: date) -> bool:
    """Does a short message answer the clarifying question about ``asked`` ("5000", "八年",
    "去年3月", "没签", "我在杭州")? A long message is a new question, whatever it contains. A fact the
    message's own reading finds (the place of work, read from its names) answers as a bare reply does."""
    normalized = _normalize(text)
    if len(normalized) > 30:
        return False
    extractor = _default_extractor()
    if extractor.read_reply(normalized, asked, today, 0) is not None:
        return True
    return asked in extractor.read(normalized, today)


__all__ = [
    "DATE_FACTS",
    "SETTING_FACTS",
    "answers_question",
    "only_sets_the_scene",
    "CaseFacts",
    "Fact",
    "FactExtractor",
    "Lexicon",
    "LexiconError",
    "extract_facts",
    "load_lexicon",
]


def _put_start_year(put: Any, year: int, words: str) -> None:
    """A start known only to its year: the year's first day, approximate, with the year's last as its range."""
    put("start_date", date(year, 1, 1).isoformat(), words, True, until=date(year, 12, 31).isoformat())
