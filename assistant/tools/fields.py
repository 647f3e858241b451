"""The tools' input fields. Their names are the fact names of the facts contract (the chat extracts
facts under these names and the page pre-fills forms with them); a few tool-only fields (`today`,
`local_average_wage` …) are named here too. Each field carries its Chinese title, what it means
and the bounds that make a value impossible (a negative wage, a grade of 11 …)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field

MAX_WAGE = 10_000_000  # 元 a month: anything above is a typo, not a wage


def _field(title: str, description: str, **kwargs: Any) -> Any:
    return Field(title=title, description=description, **kwargs)


def _choices(labels: dict[str, str]) -> dict[str, Any]:
    # The worker page shows a select with these Chinese labels; clients may ignore them.
    return {"x-choices": labels}


MonthlyWage = Annotated[
    float | None,
    _field("月工资（元）", "正常工作时间的月工资（应得工资，税前）", gt=0, le=MAX_WAGE, examples=[6000]),
]
AverageMonthlyWage = Annotated[
    float | None,
    _field(
        "前12个月平均工资（元）",
        "合同解除或终止前12个月的月平均应得工资（含奖金、津贴、补贴）；不满12个月按实际月数平均；不填则按月工资计算",
        gt=0,
        le=MAX_WAGE,
    ),
]
DailyWage = Annotated[
    float | None, _field("日工资（元）", "按天计薪时一天的工资", gt=0, le=MAX_WAGE / 20, examples=[200])
]
StartDate = Annotated[
    date | None, _field("入职日期", "开始工作（用工）的第一天，格式 2024-03-01", examples=["2024-03-01"])
]
EndDate = Annotated[
    date | None,
    _field("离职日期", "劳动关系结束的那一天（被辞退、辞职、合同终止的日期）", examples=["2025-06-30"]),
]
ServiceMonths = Annotated[
    float | None, _field("在本单位工作月数", "只知道干了多久时填写，如三年半填 42", ge=0, le=720)
]
CumulativeWorkYears = Annotated[
    float | None,
    _field("累计工作年限（年）", "在所有单位累计工作的年数（决定年休假天数）", ge=0, le=60, examples=[3]),
]
LeaveDaysTaken = Annotated[
    float | None, _field("今年已休年休假天数", "本年度已经安排休的年休假天数", ge=0, le=366)
]
UnusedLeaveDays = Annotated[
    float | None,
    _field(
        "应休未休年休假天数", "已经知道没休的年休假天数时填写（直接按这个天数算还应支付的工资）", ge=0, le=60
    ),
]
OvertimeHoursWeekday = Annotated[
    float | None, _field("工作日加班小时数", "工作日延长工作时间的小时数（所问期间合计）", ge=0, le=10000)
]
OvertimeHoursRestday = Annotated[
    float | None, _field("休息日加班小时数", "休息日工作且没有补休的小时数", ge=0, le=10000)
]
OvertimeHoursHoliday = Annotated[
    float | None, _field("法定节假日加班小时数", "法定节假日工作的小时数", ge=0, le=10000)
]
UnpaidAmount = Annotated[
    float | None, _field("被拖欠的工资（元）", "单位欠的工资总额", ge=0, le=1_000_000_000)
]
UnpaidMonths = Annotated[float | None, _field("被拖欠工资的月数", "欠了几个月的工资", ge=0, le=600)]
ContractSigned = Annotated[bool | None, _field("签了书面劳动合同", "是否签订了书面劳动合同")]
MonthsWithoutContract = Annotated[
    float | None,
    _field("没签合同的月数", "从入职起没有书面劳动合同的月数（不知道具体日期时填写）", ge=0, le=600),
]
Termination = Annotated[
    Literal["dismissed", "resigned", "expired", "agreed", "unlawful_dismissal"] | None,
    _field(
        "怎么离职的",
        "dismissed 单位辞退（如第四十条）；resigned 劳动者辞职；expired 合同到期终止；agreed 协商解除；unlawful_dismissal 违法辞退",
        json_schema_extra=_choices(
            {
                "dismissed": "单位辞退（不是因为我有过错）",
                "resigned": "我辞职",
                "expired": "合同到期不续签",
                "agreed": "单位提出、协商解除",
                "unlawful_dismissal": "违法辞退（没有合法理由）",
            }
        ),
    ),
]
NoticeGiven = Annotated[
    bool | None, _field("提前30天书面通知了", "单位是否提前30日书面通知（或多付一个月工资代替）")
]
InjuryDate = Annotated[
    date | None, _field("受伤日期", "事故伤害发生之日，或被诊断、鉴定为职业病之日", examples=["2025-05-10"])
]
DeathDate = Annotated[date | None, _field("死亡日期", "因工死亡的日期", examples=["2025-01-10"])]
StandardYear = Annotated[
    int | None,
    # Bounded: a year the tables could hold (a year 1800 or 3000 is a typing slip, answered 422 naming the field).
    _field(
        "标准年份",
        "问的是哪一年的标准（没有说具体哪天出的事时，按这一年出事算）",
        ge=1990,
        le=2100,
        examples=[2018],
    ),
]
Death = Annotated[bool | None, _field("因工死亡", "职工是否因工死亡")]
DisabilityGrade = Annotated[
    int | None,
    _field("伤残等级", "劳动能力鉴定的伤残等级，1 到 10 级（1 级最重）", ge=1, le=10, examples=[9]),
]
StoppageMonths = Annotated[
    float | None,
    _field(
        "停工留薪期（月）",
        "因工伤停止工作接受治疗的月数（停工留薪期，一般不超过12个月，最多再延长12个月）",
        gt=0,
        le=24,
        examples=[3],
    ),
]
InjuryInsurance = Annotated[bool | None, _field("单位交了工伤保险", "用人单位是否为职工参加了工伤保险")]
Province = Annotated[
    str | None,
    _field("省份", "工作所在的省、自治区、直辖市，如 广东、浙江、上海", max_length=20, examples=["广东"]),
]
City = Annotated[
    str | None,
    _field("城市", "工作所在的城市（设区的市或直辖市），如 深圳、杭州", max_length=20, examples=["深圳"]),
]
Age = Annotated[int | None, _field("年龄", "劳动者的年龄", ge=0, le=120)]
Asker = Annotated[
    Literal["worker", "family", "employer", "union"] | None,
    _field(
        "谁来申请",
        "worker 职工本人；family 近亲属；employer 用人单位；union 工会组织",
        json_schema_extra=_choices(
            {"worker": "职工本人", "family": "近亲属", "employer": "用人单位", "union": "工会组织"}
        ),
    ),
]
AwardDate = Annotated[
    date | None, _field("收到裁决书的日期", "收到劳动仲裁裁决书的日期", examples=["2025-06-01"])
]
KnewDate = Annotated[
    date | None,
    _field(
        "知道权利被侵害的日期",
        "知道或应当知道权利被侵害的那一天（如被辞退、发现少发工资的日子）",
        examples=["2025-03-01"],
    ),
]

# Tool-only fields (not facts of the conversation).
Today = Annotated[
    date | None, _field("计算日期", "按哪一天计算剩余天数；不填为今天（北京时间）", examples=["2025-12-01"])
]
LocalAverageWage = Annotated[
    float | None,
    _field(
        "当地上年度职工月平均工资（元）",
        "所在城市公布的上年度职工月平均工资；系统没有这个城市的数据时请填写",
        gt=0,
        le=MAX_WAGE,
    ),
]
InterruptedDate = Annotated[
    date | None,
    _field(
        "最近一次时效中断的日期",
        "最近一次向单位讨要、向劳动监察等部门投诉或单位同意支付的日期（仲裁时效从这天重新计算）",
    ),
]
ClaimAmount = Annotated[
    float | None,
    _field("单项请求金额（元）", "一项仲裁请求的金额；不填则按被拖欠的工资计算", ge=0, le=1_000_000_000),
]
PeriodMonths = Annotated[
    float | None, _field("加班时数对应的月数", "上面的加班小时数是几个月的合计；不填按 1 个月", gt=0, le=120)
]
ContractSignedDate = Annotated[
    date | None, _field("补签合同的日期", "后来补签书面劳动合同的日期（没补签不填）")
]
DependantsSpouse = Annotated[
    bool | None, _field("有需供养的配偶", "配偶是否靠死者生前提供主要生活来源且无劳动能力")
]
DependantsOther = Annotated[
    int | None,
    _field("其他供养亲属人数", "靠死者生前提供主要生活来源、无劳动能力的其他亲属人数", ge=0, le=20),
]
DependantsLone = Annotated[
    int | None,
    _field("其中孤寡老人或孤儿人数", "上述供养亲属中孤寡老人或者孤儿的人数（每人再加 10%）", ge=0, le=20),
]
WageClaim = Annotated[
    bool | None,
    _field(
        "是追讨拖欠的工资",
        "请求是劳动报酬（工资、加班费）时填 true；不填时，有被拖欠工资的信息就按追讨工资计算",
    ),
]
