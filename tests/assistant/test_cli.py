"""`lawcloud ask`, `lawcloud search` and `lawcloud serve` as an operator runs them (real subprocesses)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.config import REPO_ROOT, Settings
from tests.conftest import free_port


def lawcloud(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LAWCLOUD_DATA_DIR": str(data_dir), "LAWCLOUD_EMBEDDER": "fake", "CI": "true"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_ask_prints_a_cited_answer(built_settings: Settings) -> None:
    out = lawcloud(["ask", "入职三个月了公司一直没签劳动合同"], built_settings.data_dir)
    assert out.returncode == 0, out.stderr
    assert "**法律依据**" in out.stdout and "《中华人民共和国劳动合同法》" in out.stdout
    assert "可信度" in out.stderr
    data = json.loads(lawcloud(["ask", "劳动合同法第八十二条", "--json"], built_settings.data_dir).stdout)
    assert data["confidence"] == "high" and data["citations"][0]["label"] == "第八十二条"
    empty = lawcloud(["ask", "  "], built_settings.data_dir)
    assert empty.returncode == 2 and "问题不能为空" in empty.stderr


def test_search_lists_ranked_articles(built_settings: Settings) -> None:
    out = lawcloud(["search", "加班费怎么算", "--k", "3", "--json"], built_settings.data_dir)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["hits"]) == 3 and "加班与加班费" in data["topics"]
    assert all(h["reasons"] and h["score"] > 0 for h in data["hits"])
    table = lawcloud(["search", "劳动合同法第八十二条"], built_settings.data_dir)
    assert "第八十二条" in table.stdout and "直接引用" in table.stdout


def test_show_accepts_the_aliases_search_accepts(built_settings: Settings) -> None:
    out = lawcloud(["show", "工伤条例", "14"], built_settings.data_dir)
    assert out.returncode == 0, out.stderr
    assert "《工伤保险条例》第十四条" in out.stdout and "应当认定为工伤" in out.stdout
    unknown = lawcloud(["show", "火星条例", "14"], built_settings.data_dir)
    assert unknown.returncode == 1 and "库中没有《火星条例》" in unknown.stderr


def test_show_never_takes_a_law_for_one_whose_name_contains_it(built_settings: Settings) -> None:
    """保险法 (the Insurance Law) is not in the store: it must not open 社会保险法 第二十七条."""
    insurance = lawcloud(["show", "保险法", "27"], built_settings.data_dir)
    assert insurance.returncode == 1 and "库中没有《保险法》" in insurance.stderr
    assert "社会保险法》第二十七条" not in insurance.stdout
    labour = lawcloud(["show", "劳动法", "44"], built_settings.data_dir)
    assert labour.returncode == 0 and "《中华人民共和国劳动法》第四十四条" in labour.stdout
    contract = lawcloud(["show", "劳动合同法", "44"], built_settings.data_dir)
    assert contract.returncode == 0 and "《中华人民共和国劳动合同法》第四十四条" in contract.stdout
    union = lawcloud(["show", "工会法", "3"], built_settings.data_dir)
    assert union.returncode == 0 and "《中华人民共和国工会法》第三条" in union.stdout
    # A name inside a longer one (合同法 in 劳动合同法, the repealed Contract Law) is not that law either.
    contract_law = lawcloud(["show", "合同法", "44"], built_settings.data_dir)
    assert contract_law.returncode == 1 and "库中没有《合同法》" in contract_law.stderr


def test_show_and_citations_carry_the_corrected_metadata(built_settings: Settings) -> None:
    """corpus/metadata.toml corrects what two shared files say about themselves (issue 16)."""
    wages = lawcloud(["show", "工资支付暂行规定", "18"], built_settings.data_dir)
    assert wages.returncode == 0, wages.stderr
    assert "层级：部门规章" in wages.stdout and "制定机关：劳动部" in wages.stdout
    assert "行政法规" not in wages.stdout and "国务院" not in wages.stdout
    notice = "关于职工全年月平均工作时间和工资折算问题的通知"
    three = lawcloud(["show", notice, "3"], built_settings.data_dir)
    assert three.returncode == 0, three.stderr
    assert "同时废止" in three.stdout and "版本日期：2008-01-03" in three.stdout
    assert "层级：规范性文件" in three.stdout
    two = lawcloud(["show", notice, "2"], built_settings.data_dir)
    assert "21.75天" in two.stdout and "同时废止" not in two.stdout
    answer = json.loads(
        lawcloud(["ask", "工资支付暂行规定第十八条", "--json"], built_settings.data_dir).stdout
    )
    cited = next(c for c in answer["citations"] if c["law"] == "工资支付暂行规定")
    assert cited["label"] == "第十八条" and cited["effective_date"] == "1995-01-01"
    assert "《工资支付暂行规定》第十八条（部门规章" in answer["answer"]
    monthly = json.loads(lawcloud(["ask", f"{notice}第三条", "--json"], built_settings.data_dir).stdout)
    cited = next(c for c in monthly["citations"] if c["law"] == notice)
    assert cited["version_date"] == "2008-01-03" and cited["label"] == "第三条"


def test_ingest_that_makes_a_new_build_live_says_the_server_picks_it_up(tmp_path: Path) -> None:
    from tests.ingest.test_pipeline import LAW, write_law

    write_law(tmp_path / "docs")
    first = lawcloud(["ingest", "--no-builtin", "--json", str(tmp_path / "docs")], tmp_path / "data")
    assert first.returncode == 0, first.stderr
    # No server can run before the first index (serve builds it first): say how to start one.
    assert (
        "已建好" in first.stderr
        and "运行 `lawcloud serve`" in first.stderr
        and "自动换用" not in first.stderr
    )
    assert json.loads(first.stdout)["noop"] is False  # the hint stays off stdout: --json parses
    again = lawcloud(["ingest", "--no-builtin", str(tmp_path / "docs")], tmp_path / "data")
    assert again.returncode == 0 and "已生效" not in again.stderr  # nothing changed: nothing to reload
    write_law(tmp_path / "docs", LAW.replace("不得拖欠", "不得拖欠或者克扣"))
    changed = lawcloud(["ingest", "--no-builtin", "--json"], tmp_path / "data")
    assert "已生效" in changed.stderr and "自动换用新索引" in changed.stderr and "/readyz" in changed.stderr
    assert json.loads(changed.stdout)["noop"] is False
    write_law(tmp_path / "more", LAW + "\n第九条 本条例自公布之日起施行。\n")  # another source: a new build
    quiet = lawcloud(
        ["ingest", "--no-builtin", "--json", "--no-restart-hint", str(tmp_path / "more")], tmp_path / "data"
    )
    assert json.loads(quiet.stdout)["noop"] is False and "已生效" not in quiet.stderr  # as `serve` runs it


def test_make_run_is_not_told_to_start_the_server_it_is_about_to_start(tmp_path: Path) -> None:
    """`make run` builds the index, then serves: its summary must not send the user to `lawcloud serve`."""
    from tests.ingest.test_pipeline import LAW, write_law

    run_sh = (REPO_ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    ingest_line = next(line for line in run_sh.splitlines() if "lawcloud ingest" in line)
    assert "--then-serve" in ingest_line and run_sh.index(ingest_line) < run_sh.index("lawcloud serve")
    write_law(tmp_path / "docs")
    first = lawcloud(["ingest", "--no-builtin", "--then-serve", str(tmp_path / "docs")], tmp_path / "data")
    assert first.returncode == 0, first.stderr
    assert "已建好，问答服务接着自动启动" in first.stderr and "lawcloud serve" not in first.stderr
    write_law(tmp_path / "docs", LAW.replace("不得拖欠", "不得拖欠或者克扣"))
    later = lawcloud(["ingest", "--no-builtin", "--then-serve"], tmp_path / "data")
    assert (
        "新索引" in later.stderr and "接着自动启动" in later.stderr and "lawcloud serve" not in later.stderr
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["show"], "缺少参数 law"),
        (["ask", "--foo", "x"], "没有这个选项：--foo"),
        (["ask", "--hlp"], "是不是 --help"),
        (
            ["ask", "公司", "不给", "我签合同"],
            "多出来的参数：不给 我签合同（一句话里有空格的，请整句加引号）",
        ),
        (["search", "加班", "--k", "0"], "参数 --k 的值不对：不能小于 1"),
        (["serve", "--port", "abc"], "参数 --port 的值不对：应为整数"),
        (["bogus"], "没有这个命令：bogus"),
    ],
)
def test_command_line_slips_are_told_in_chinese_with_the_usage(
    tmp_path: Path, args: list[str], said: str
) -> None:
    out = lawcloud(args, tmp_path)
    assert out.returncode == 2 and said in out.stderr
    assert "用法：lawcloud" in out.stderr and "--help" in out.stderr
    assert "Error:" not in out.stderr and "Traceback" not in out.stderr
    assert lawcloud(["ask", "--help"], tmp_path).returncode == 0


def test_commands_without_an_index_say_what_to_do(tmp_path: Path) -> None:
    out = lawcloud(["ask", "加班费怎么算"], tmp_path)
    assert out.returncode == 1 and "lawcloud ingest" in out.stderr


@pytest.mark.integration
def test_serve_builds_the_index_first_then_answers(tmp_path: Path, shared_corpus: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "LAWCLOUD_DATA_DIR": str(tmp_path / "data"),
        "LAWCLOUD_EMBEDDER": "fake",
        "LAWCLOUD_DEFAULT_SOURCES": json.dumps([str(shared_corpus)]),
        "CI": "true",
    }
    with open(log, "w") as handle:
        server = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        answer = httpx.post(
            f"http://127.0.0.1:{port}/v1/chat",
            json={"question": "入职三个月了公司一直没签劳动合同"},
            timeout=30,
        ).json()
        assert answer["citations"]
        for citation in answer["citations"]:
            assert httpx.get(f"http://127.0.0.1:{port}{citation['url']}", timeout=10).status_code == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    output = log.read_text()
    assert "还没有索引" in output and "向量化" in output and "导入摘要" in output
