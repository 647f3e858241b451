"""The dated figures the tools need, read from corpus/data/*.toml and validated at load.

Four tables, each row with its value, the year it describes, the date it took effect (or was
published), its official source and whether it was checked against that source:

- ``national_urban_income``: 全国城镇居民人均可支配收入 by year;
- ``minimum_wage``: 最低工资标准 by province and tier (with the cities a tier covers);
- ``average_wage``: 上年度职工月平均工资 by city;
- ``injury_lump_sums``: the province tables of 一次性工伤医疗补助金 and 一次性伤残就业补助金;
- ``national_private_wage``: 全国城镇私营单位就业人员年平均工资 by year (session 30: a reference for the 60 % floor of
  本人工资 where the worker's city has no average wage row).

Malformed data raises :class:`DataError` naming the file, the row and the field (`lawcloud data check`
prints them and exits 1). :func:`check_tables` also reports stale series: an annual table whose
newest year is older than the newest year that should be published by a given day, or a minimum
wage older than the two years within which a province must review it (最低工资规定 第十条)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.config import CORPUS_DIR
from assistant.tools.base import DataUsed
from assistant.tools.dates import add_years

DATA_DIR = CORPUS_DIR / "data"

PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
    "陕西", "甘肃", "青海", "宁夏", "新疆",
)  # fmt: skip
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# The provinces where most migrant and platform workers work: `data check` reports their gaps.
PRIORITY_PROVINCES = ("广东", "浙江", "江苏", "上海", "北京", "四川", "河南")
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市")


def place_name(name: str | None) -> str | None:
    """广东省 → 广东, 深圳市 → 深圳, 广西壮族自治区 → 广西; None and blanks stay None."""
    if name is None:
        return None
    text = name.strip()
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text or None


class DataError(ValueError):
    """Malformed rows in corpus/data; `problems` holds one Chinese line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    year: int = Field(ge=1990, le=2100)
    effective_from: date
    source: str = Field(min_length=4)
    verified: bool
    note: str = ""

    @property
    def source_name(self) -> str:
        """The document the figure comes from (the 《…》 of the source), or the whole source."""
        hit = re.search(r"《[^》]+》", self.source)
        return hit.group(0) if hit else self.source


class IncomeRow(_Row):
    value: Decimal = Field(gt=0)

    @model_validator(mode="after")
    def _published_after_the_year(self) -> IncomeRow:
        if self.effective_from.year <= self.year:
            raise ValueError(f"{self.year} 年的数字不可能在 {self.effective_from} 发布（应在次年）")
        return self


class _PlaceRow(_Row):
    province: str

    @field_validator("province")
    @classmethod
    def _known_province(cls, value: str) -> str:
        name = place_name(value)
        if name not in PROVINCES:
            raise ValueError(f"不认识的省份“{value}”，请写简称，如 广东、浙江")
        return name


class MinWageRow(_PlaceRow):
    tier: str = Field(min_length=1)
    areas: tuple[str, ...] = ()
    monthly: Decimal = Field(gt=0, lt=100000)
    hourly: Decimal | None = Field(default=None, gt=0, lt=1000)

    @field_validator("areas")
    @classmethod
    def _short_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(place_name(a) or a for a in value)

    @model_validator(mode="after")
    def _year_matches(self) -> MinWageRow:
        if self.effective_from.year != self.year:
            raise ValueError(f"year（{self.year}）应为执行日期 {self.effective_from} 所在的年份")
        return self


class AverageWageRow(_PlaceRow):
    city: str = Field(min_length=1)
    monthly: Decimal = Field(gt=0, lt=1000000)

    @field_validator("city")
    @classmethod
    def _short_city(cls, value: str) -> str:
        return place_name(value) or value

    @model_validator(mode="after")
    def _published_after_the_year(self) -> AverageWageRow:
        if self.effective_from.year <= self.year:
            raise ValueError(f"{self.year} 年的平均工资不可能在 {self.effective_from} 公布（应在次年）")
        return self


class InjuryLumpSumRow(_PlaceRow):
    grade: int = Field(ge=5, le=10)
    medical_months: Decimal | None = Field(default=None, ge=0, le=120)
    employment_months: Decimal | None = Field(default=None, ge=0, le=120)
    base: Literal["本人工资", "统筹地区上年度职工月平均工资"]

    @model_validator(mode="after")
    def _some_figure(self) -> InjuryLumpSumRow:
        if self.medical_months is None and self.employment_months is None:
            raise ValueError("medical_months 和 employment_months 至少要有一个")
        return self


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    unit: str
    freshness: Literal["annual", "max_age", "none"]
    published_month: int | None = Field(default=None, ge=1, le=12)
    max_age_years: int | None = Field(default=None, ge=1, le=10)

    @model_validator(mode="after")
    def _rule_complete(self) -> _Meta:
        if self.freshness == "annual" and self.published_month is None:
            raise ValueError("freshness = annual 需要 published_month")
        if self.freshness == "max_age" and self.max_age_years is None:
            raise ValueError("freshness = max_age 需要 max_age_years")
        return self


_TABLES: dict[str, tuple[type[_Row], Callable[[Any], tuple[Any, ...]]]] = {
    "national_urban_income": (IncomeRow, lambda r: ()),
    "minimum_wage": (MinWageRow, lambda r: (r.province, r.tier)),
    "average_wage": (AverageWageRow, lambda r: (r.province, r.city)),
    "injury_lump_sums": (InjuryLumpSumRow, lambda r: (r.province, r.grade)),
    "national_private_wage": (IncomeRow, lambda r: ()),
}


@dataclass(frozen=True)
class Table:
    name: str
    meta: _Meta
    rows: tuple[Any, ...]
    path: Path

    def series(self) -> dict[tuple[Any, ...], list[Any]]:
        """Rows grouped by what they describe (a city, a province …), oldest first."""
        key = _series_key(self.name)
        out: dict[tuple[Any, ...], list[Any]] = {}
        for row in sorted(self.rows, key=lambda r: (r.effective_from, r.year)):
            out.setdefault(key(row), []).append(row)
        return out


def _series_key(name: str) -> Callable[[Any], tuple[Any, ...]]:
    # Minimum wages are reviewed per province (tiers change between notices); the others per place.
    if name == "minimum_wage":
        return lambda r: (r.province,)
    return _TABLES[name][1]


def _field_of(error: dict[str, Any]) -> str:
    loc = [str(p) for p in error.get("loc", ()) if not isinstance(p, int)]
    return ".".join(loc)


def _read_table(name: str, path: Path, problems: list[str]) -> Table | None:
    if not path.is_file():
        problems.append(f"{path.name}：缺少这个数据文件")
        return None
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"{path.name}：不是有效的 TOML（{exc}）")
        return None
    unknown = set(raw) - {"meta", "row"}
    if unknown:
        problems.append(f"{path.name}：不认识的表 {', '.join(sorted(unknown))}（只能有 [meta] 和 [[row]]）")
    try:
        meta = _Meta.model_validate(raw.get("meta", {}))
    except ValidationError as exc:
        problems.extend(f"{path.name} [meta] {_field_of(e)}：{e['msg']}" for e in exc.errors())
        return None
    model, key = _TABLES[name]
    rows: list[Any] = []
    seen: dict[tuple[Any, ...], int] = {}
    raw_rows = raw.get("row", [])
    if not isinstance(raw_rows, list):
        problems.append(f"{path.name}：row 应写成 [[row]] 表的数组")
        return None
    for n, item in enumerate(raw_rows, 1):
        try:
            row = model.model_validate(item)
        except ValidationError as exc:
            for e in exc.errors():
                where = _field_of(e)
                message = str(e["msg"]).removeprefix("Value error, ")
                problems.append(f"{path.name} 第 {n} 行" + (f" {where}" if where else "") + f"：{message}")
            continue
        ident = (*key(row), row.year, row.effective_from)
        if ident in seen:
            problems.append(f"{path.name} 第 {n} 行：与第 {seen[ident]} 行重复（同一地区、年份和执行日期）")
            continue
        seen[ident] = n
        rows.append(row)
    return Table(name, meta, tuple(rows), path)


@dataclass(frozen=True)
class StaleSeries:
    table: str
    title: str
    key: tuple[Any, ...]
    newest_year: int
    newest_effective: date
    expected: str  # what should exist by now, in Chinese

    def describe(self) -> str:
        place = "·".join(str(k) for k in self.key) or "全国"
        return f"{self.title}（{place}）：最新一行是 {self.newest_year} 年（{self.newest_effective} 起），{self.expected}"


def newest_expected_year(meta: _Meta, today: date) -> int | None:
    """The newest year of an annual table that should be published by `today`."""
    if meta.freshness != "annual" or meta.published_month is None:
        return None
    return today.year - 1 if today.month >= meta.published_month else today.year - 2


@dataclass(frozen=True)
class Tables:
    income: Table
    minimum_wage: Table
    average_wage: Table
    injury_lump_sums: Table
    private_wage: Table

    @property
    def all(self) -> tuple[Table, ...]:
        return (self.income, self.minimum_wage, self.average_wage, self.injury_lump_sums, self.private_wage)

    # --- staleness ---------------------------------------------------------------------------

    def stale(self, today: date) -> list[StaleSeries]:
        out: list[StaleSeries] = []
        for table in self.all:
            meta = table.meta
            for key, rows in table.series().items():
                newest = rows[-1]
                if meta.freshness == "annual":
                    expected = newest_expected_year(meta, today)
                    if expected is not None and newest.year < expected:
                        out.append(
                            StaleSeries(
                                table.name,
                                meta.title,
                                key,
                                newest.year,
                                newest.effective_from,
                                f"到 {today} 应已公布 {expected} 年的数字",
                            )
                        )
                elif meta.freshness == "max_age" and meta.max_age_years:
                    if add_years(newest.effective_from, meta.max_age_years) < today:
                        out.append(
                            StaleSeries(
                                table.name,
                                meta.title,
                                key,
                                newest.year,
                                newest.effective_from,
                                f"已超过 {meta.max_age_years} 年，当地很可能已经调整",
                            )
                        )
        return out

    def gaps(self) -> list[str]:
        """Priority provinces with no row at all in a table (what an operator should add first)."""
        out = []
        for table in (self.minimum_wage, self.average_wage, self.injury_lump_sums):
            present = {row.province for row in table.rows}
            missing = [p for p in PRIORITY_PROVINCES if p not in present]
            if missing:
                out.append(f"{table.meta.title}：还没有 {'、'.join(missing)} 的数据")
        return out

    # --- lookups -----------------------------------------------------------------------------

    def province_of(self, city: str | None) -> str | None:
        city = place_name(city)
        if not city:
            return None
        if city in PROVINCES:
            return city
        for row in self.average_wage.rows:
            if row.city == city:
                return row.province
        for row in self.minimum_wage.rows:
            if city in row.areas:
                return row.province
        return None

    def national_income(self, year: int) -> IncomeRow | None:
        return next((r for r in self.income.rows if r.year == year), None)

    def newest_private_wage(self, on: date) -> IncomeRow | None:
        """The newest national private-unit average wage published by a day."""
        rows = [r for r in self.private_wage.rows if r.effective_from <= on]
        return max(rows, key=lambda r: r.year) if rows else None

    def newest_income_before(self, year: int) -> IncomeRow | None:
        rows = [r for r in self.income.rows if r.year < year]
        return max(rows, key=lambda r: r.year) if rows else None

    def minimum_wages(self, province: str, on: date) -> list[MinWageRow]:
        """The tiers of a province in force on a day (the newest notice's tiers)."""
        rows = [r for r in self.minimum_wage.rows if r.province == province and r.effective_from <= on]
        current: dict[str, MinWageRow] = {}
        for row in sorted(rows, key=lambda r: r.effective_from):
            current[row.tier] = row  # a tier's newer notice replaces its older one
        return sorted(current.values(), key=lambda r: -r.monthly)

    def minimum_wage_for(self, province: str | None, city: str | None, on: date) -> MinWageLookup:
        city = place_name(city)
        province = place_name(province) or self.province_of(city)
        if not province:
            return MinWageLookup(None, [], province, city)
        tiers = self.minimum_wages(province, on)
        if city:
            for row in tiers:
                if city in row.areas:
                    return MinWageLookup(row, tiers, province, city)
        if len(tiers) == 1:
            return MinWageLookup(tiers[0], tiers, province, city)
        return MinWageLookup(None, tiers, province, city)

    def average_wage_for(self, province: str | None, city: str | None, year: int) -> AverageWageRow | None:
        city = place_name(city)
        province = place_name(province)
        if not city and province in MUNICIPALITIES:
            city = province
        if not city:
            return None
        return next(
            (
                r
                for r in self.average_wage.rows
                if r.city == city and r.year == year and province in (None, r.province)
            ),
            None,
        )

    def injury_lump_sum(self, province: str | None, grade: int, on: date) -> InjuryLumpSumRow | None:
        province = place_name(province)
        rows = [
            r
            for r in self.injury_lump_sums.rows
            if r.province == province and r.grade == grade and r.effective_from <= on
        ]
        return max(rows, key=lambda r: r.effective_from) if rows else None

    # --- rows as a calculation shows them ---------------------------------------------------

    def used_income(self, row: IncomeRow) -> DataUsed:
        return _used_national(self.income, row)

    def used_private_wage(self, row: IncomeRow) -> DataUsed:
        return _used_national(self.private_wage, row)

    def used_minimum_wage(self, row: MinWageRow, on: date) -> DataUsed:
        later = [
            r
            for r in self.minimum_wage.rows
            if r.province == row.province and r.effective_from > row.effective_from
        ]
        stale = not later and add_years(row.effective_from, self.minimum_wage.meta.max_age_years or 2) < on
        tier = "" if row.tier in ("全市", row.province) else f"（{row.tier}）"
        return DataUsed(
            "minimum_wage",
            f"{row.province}{tier}月最低工资标准",
            row.monthly,
            "元/月",
            row.year,
            row.effective_from,
            row.source,
            row.verified,
            stale,
            row.note,
        )

    def used_average_wage(self, row: AverageWageRow) -> DataUsed:
        return DataUsed(
            "average_wage",
            f"{row.city}{row.year}年职工月平均工资",
            row.monthly,
            "元/月",
            row.year,
            row.effective_from,
            row.source,
            row.verified,
            False,
            row.note,
        )

    def used_lump_sum(self, row: InjuryLumpSumRow, what: Literal["medical", "employment"]) -> DataUsed:
        label = "一次性工伤医疗补助金" if what == "medical" else "一次性伤残就业补助金"
        months = row.medical_months if what == "medical" else row.employment_months
        return DataUsed(
            "injury_lump_sums",
            f"{row.province}{row.grade}级伤残{label}标准",
            months or Decimal(0),
            f"个月{row.base}",
            row.year,
            row.effective_from,
            row.source,
            row.verified,
            False,
            row.note,
        )


def _used_national(table: Table, row: IncomeRow) -> DataUsed:
    """A row of a national yearly series (one value a year, no place), labelled by its table's title and unit."""
    return DataUsed(
        table.name,
        f"{row.year}年{table.meta.title}",
        row.value,
        table.meta.unit,
        row.year,
        row.effective_from,
        row.source,
        row.verified,
        False,
        row.note,
    )


@dataclass(frozen=True)
class MinWageLookup:
    row: MinWageRow | None
    tiers: list[MinWageRow] = field(default_factory=list)  # the province's tiers, highest first
    province: str | None = None
    city: str | None = None

    @property
    def lowest(self) -> MinWageRow | None:
        return min(self.tiers, key=lambda r: r.monthly) if self.tiers else None

    @property
    def highest(self) -> MinWageRow | None:
        return max(self.tiers, key=lambda r: r.monthly) if self.tiers else None


def read_tables(data_dir: Path = DATA_DIR) -> Tables:
    """Read and validate every table; raises DataError listing every problem found."""
    problems: list[str] = []
    tables = {name: _read_table(name, data_dir / f"{name}.toml", problems) for name in _TABLES}
    if problems:
        raise DataError(problems)
    return Tables(
        tables["national_urban_income"],  # type: ignore[arg-type]  # None only with problems
        tables["minimum_wage"],  # type: ignore[arg-type]
        tables["average_wage"],  # type: ignore[arg-type]
        tables["injury_lump_sums"],  # type: ignore[arg-type]
        tables["national_private_wage"],  # type: ignore[arg-type]
    )


@lru_cache(maxsize=4)
def load_tables(data_dir: Path = DATA_DIR) -> Tables:
    """The tables, read once per process (the tools' default)."""
    return read_tables(data_dir)


@dataclass(frozen=True)
class CheckReport:
    problems: list[str]
    stale: list[StaleSeries]
    gaps: list[str]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_tables(data_dir: Path = DATA_DIR, today: date | None = None) -> CheckReport:
    today = today or date.today()
    try:
        tables = read_tables(data_dir)
    except DataError as exc:
        return CheckReport(exc.problems, [], [], {})
    return CheckReport(
        [],
        tables.stale(today),
        tables.gaps(),
        {t.name: len(t.rows) for t in tables.all},
    )
