"""The dated tables in corpus/data: loaded and validated at load, stale rows reported, bad rows named."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.tools.data import DATA_DIR, DataError, check_tables, read_tables


def test_shipped_tables_are_valid_and_every_row_has_a_source() -> None:
    tables = read_tables()
    for table in tables.all:
        assert table.rows, table.name
        for row in table.rows:
            assert row.source and row.effective_from and 1990 <= row.year <= 2100
            assert row.verified or row.note, f"{table.name}: an unverified row says why"


def test_national_income_has_a_row_per_year_without_gaps() -> None:
    years = sorted(r.year for r in read_tables().income.rows)
    assert years == list(range(years[0], years[-1] + 1))
    assert read_tables().national_income(2024).value == 54188


def copy_tables(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_stale_series_are_reported_by_the_day_asked() -> None:
    early = check_tables(DATA_DIR, date(2026, 1, 10))
    assert not any(s.table == "national_urban_income" for s in early.stale)  # 2025's figure not due yet
    late = check_tables(DATA_DIR, date(2027, 3, 1))
    income = [s for s in late.stale if s.table == "national_urban_income"]
    assert income and "2026 年" in income[0].describe()
    assert any(s.table == "minimum_wage" for s in late.stale)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("value = -5", "value"),
        ('effective_from = "soon"', "effective_from"),
        ("year = 2030", "不可能"),
        ("colour = 1", "colour"),
    ],
)
def test_malformed_rows_are_named(tmp_path: Path, text: str, expected: str) -> None:
    target = copy_tables(tmp_path)
    path = target / "national_urban_income.toml"
    key = text.split(" = ")[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    # Change (or add) the field in the first row only.
    first = lines.index("[[row]]")
    replaced = False
    for i in range(first + 1, len(lines)):
        if lines[i].startswith("[[row]]"):
            break
        if lines[i].startswith(key + " "):
            lines[i] = text
            replaced = True
    if not replaced:
        lines.insert(first + 1, text)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_tables(target)
    assert any("第 1 行" in p and expected in p for p in info.value.problems), info.value.problems
    assert not check_tables(target).ok


def test_unknown_province_and_duplicates_are_refused(tmp_path: Path) -> None:
    target = copy_tables(tmp_path)
    path = target / "minimum_wage.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('province = "上海"', 'province = "火星"', 1), encoding="utf-8")
    with pytest.raises(DataError, match="火星"):
        read_tables(target)
    path.write_text(text + text[text.index("[[row]]") :], encoding="utf-8")
    with pytest.raises(DataError, match="重复"):
        read_tables(target)
