"""`lawcloud calc` and `lawcloud data check` as a worker or an operator runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.tools import data as data_module

runner = CliRunner()


def test_calc_prints_formula_and_articles() -> None:
    result = runner.invoke(
        app, ["calc", "overtime", "--monthly-wage", "4350", "--overtime-hours-weekday", "10"]
    )
    assert result.exit_code == 0, result.output
    assert "4350 ÷ 21.75 ÷ 8 = 25.00 元/小时" in result.output
    assert "《劳动法》第四十四条第（一）项" in result.output


def test_calc_json_matches_the_api_shape() -> None:
    result = runner.invoke(
        app,
        [
            "calc",
            "double_wage",
            "--monthly_wage=5000",
            "--contract-signed",
            "否",
            "--months-without-contract",
            "20",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["quantities"]["double_wage_months"] == 11
    assert data["articles"][0]["url"].startswith("/v1/articles/")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["severance", "--monthly-wage", "-5"], "月工资（monthly_wage）"),
        (["severance", "--start-date", "2025-05-01", "--end-date", "2025-01-01"], "离职日期（end_date）"),
        (["injury_benefits", "--disability-grade", "11"], "伤残等级（disability_grade）"),
        (["severance", "--salary", "5000"], "--salary"),
    ],
)
def test_bad_input_names_the_field_and_exits_2(args: list[str], field: str) -> None:
    result = runner.invoke(app, ["calc", *args])
    assert result.exit_code == 2
    assert field in result.output


def test_unknown_tool_exits_2_and_lists_tools() -> None:
    result = runner.invoke(app, ["calc", "bonus"])
    assert result.exit_code == 2 and "severance" in result.output


def test_missing_inputs_are_named_with_their_options() -> None:
    result = runner.invoke(app, ["calc", "severance", "--monthly-wage", "6000"])
    assert result.exit_code == 0
    assert "还需要：" in result.output and "--start-date" in result.output


def test_data_check_reports_stale_rows_and_fails_on_malformed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = runner.invoke(app, ["data", "check", "--today", "2027-03-01"])
    assert good.exit_code == 0, good.output
    assert "可能过时" in good.output and "全国城镇居民人均可支配收入" in good.output
    broken = tmp_path / "data"
    shutil.copytree(data_module.DATA_DIR, broken)
    (broken / "average_wage.toml").write_text("[meta]\ntitle = 1\n", encoding="utf-8")
    monkeypatch.setattr("assistant.tools.cli.DATA_DIR", broken)
    bad = runner.invoke(app, ["data", "check"])
    assert bad.exit_code == 1
    assert "average_wage.toml" in bad.output
