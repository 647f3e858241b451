"""The `lawcloud` command as an operator runs it (a real subprocess)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ingest.test_pipeline import write_law


def lawcloud(args: list[str], data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "LAWCLOUD_DATA_DIR": str(data_dir),
        "LAWCLOUD_EMBEDDER": "fake",
        "CI": "true",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def cli_data(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Path:
    data = tmp_path_factory.mktemp("cli")
    result = lawcloud(["ingest", str(shared_corpus / "lawrefbook")], data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "导入摘要" in result.stdout and "向量化" in result.stderr
    return data


def test_show_prints_article_with_metadata(cli_data: Path) -> None:
    out = lawcloud(["show", "劳动合同法", "82"], cli_data)
    assert out.returncode == 0
    assert "《中华人民共和国劳动合同法》第八十二条" in out.stdout and "二倍的工资" in out.stdout
    assert "现行有效" in out.stdout and "2012-12-28" in out.stdout and "第七章 法律责任" in out.stdout
    for spelled in (
        ["劳动合同法", "第八十二条"],
        ["中华人民共和国劳动合同法", "八十二"],
        ["《劳动合同法》", "82"],
    ):
        assert "二倍的工资" in lawcloud(["show", *spelled], cli_data).stdout
    injury = lawcloud(["show", "工伤保险条例", "14"], cli_data)
    assert injury.returncode == 0 and "上下班途中" in injury.stdout and "行政法规" in injury.stdout


def test_show_missing_article_or_law_fails_clearly(cli_data: Path) -> None:
    missing = lawcloud(["show", "劳动合同法", "999"], cli_data)
    assert missing.returncode == 1 and "没有第九百九十九条" in missing.stderr
    unknown = lawcloud(["show", "火星劳动法", "1"], cli_data)
    assert unknown.returncode == 1 and "库中没有" in unknown.stderr
    bad = lawcloud(["show", "劳动合同法", "abc"], cli_data)
    assert bad.returncode == 1 and "不是有效的条号" in bad.stderr


def test_second_ingest_is_a_noop(cli_data: Path) -> None:
    again = lawcloud(["ingest", "--json"], cli_data)
    assert again.returncode == 0
    assert '"noop": true' in again.stdout and '"embedded": 0' in again.stdout


def test_corpus_stats(cli_data: Path) -> None:
    out = lawcloud(["corpus", "stats"], cli_data)
    assert out.returncode == 0 and "工伤保险条例" in out.stdout and "行政法规" in out.stdout


def test_ingest_exit_status_reflects_skipped_inputs(tmp_path: Path) -> None:
    write_law(tmp_path / "docs")
    (tmp_path / "docs" / "empty.md").write_text("", encoding="utf-8")
    out = lawcloud(
        ["ingest", "--no-builtin", str(tmp_path / "docs"), str(tmp_path / "missing")], tmp_path / "data"
    )
    assert out.returncode == 1
    assert "empty.md" in out.stdout and "空文件" in out.stdout and "路径不存在" in out.stdout
    assert lawcloud(["show", "测试工资条例", "2"], tmp_path / "data").returncode == 0


def test_show_without_index_tells_what_to_do(tmp_path: Path) -> None:
    out = lawcloud(["show", "劳动合同法", "82"], tmp_path / "empty")
    assert out.returncode == 1 and "lawcloud ingest" in out.stderr


def test_help_shows_every_option_text_whole(tmp_path: Path) -> None:
    # Piped (80 columns): long Chinese option help is wrapped or left long, never cut short with "…".
    out = lawcloud(["eval", "retrieval", "--help"], tmp_path / "data", COLUMNS="80")
    assert out.returncode == 0 and "…" not in out.stdout
    assert "items.jsonl、report.md" in out.stdout


def test_error_messages_are_not_broken_mid_word(tmp_path: Path) -> None:
    out = lawcloud(["show", "劳动合同法", "82"], tmp_path / "empty", COLUMNS="80")
    assert out.returncode == 1 and "`make run`" in out.stderr and len(out.stderr.strip().splitlines()) == 1
