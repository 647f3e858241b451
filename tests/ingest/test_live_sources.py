"""A file the live index holds is never dropped by accident: when it fails to load, nothing is published
(real Chroma on disk, the `lawcloud` command as an operator runs it)."""

import shutil
from pathlib import Path

import pytest

from ingest.embed import FakeEmbedder
from ingest.index import open_index, read_live
from ingest.load import InputError
from ingest.pipeline import LiveSourcesFailed, run_ingest
from tests.conftest import make_settings
from tests.ingest.test_cli import lawcloud
from tests.ingest.test_pipeline import write_law

RIDERS = """# 示范市外卖骑手权益保障办法

2026年10月1日 示范市人力资源和社会保障局 公布 示人社发〔2026〕7号

<!-- INFO END -->

第一条 为保障本市外卖骑手的劳动报酬权益，制定本办法。

第二条 平台企业应当按月足额向外卖骑手支付配送报酬。
"""


def _two_docs(folder: Path) -> Path:
    write_law(folder)
    riders = folder / "示范市外卖骑手权益保障办法.md"
    riders.write_text(RIDERS, encoding="utf-8")
    return riders


def test_a_broken_file_of_the_live_index_publishes_nothing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    riders = _two_docs(tmp_path / "docs")
    good = run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder())
    riders.write_bytes(b"\x00\x01binary garbage")
    with pytest.raises(LiveSourcesFailed) as failed:
        run_ingest(settings, [], builtin=False, embedder=FakeEmbedder())
    assert str(riders) in str(failed.value) and "二进制" in str(failed.value)
    assert read_live(settings.data_dir)["build_id"] == good.build_id
    assert open_index(settings.data_dir).store.get_article("示范市外卖骑手权益保障办法", 2)

    # Fixed: the next run publishes, with the document.
    riders.write_text(RIDERS.replace("按月足额", "按月足额、及时"), encoding="utf-8")
    fixed = run_ingest(settings, [], builtin=False, embedder=FakeEmbedder())
    assert fixed.build_id != good.build_id and fixed.ok
    assert "及时" in open_index(settings.data_dir).store.get_article("示范市外卖骑手权益保障办法", 2).text


def test_a_source_folder_gone_missing_publishes_nothing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    _two_docs(tmp_path / "docs")
    good = run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder())
    shutil.move(tmp_path / "docs", tmp_path / "moved")
    with pytest.raises(LiveSourcesFailed, match="路径不存在"):
        run_ingest(settings, [], builtin=False, embedder=FakeEmbedder())
    assert read_live(settings.data_dir)["build_id"] == good.build_id


def test_a_file_deleted_from_its_folder_leaves_the_index_and_is_reported(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    riders = _two_docs(tmp_path / "docs")
    run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder())
    riders.unlink()
    report = run_ingest(settings, [], builtin=False, embedder=FakeEmbedder())
    assert report.ok and report.removed == [str(riders)]
    assert "示范市外卖骑手权益保障办法" not in open_index(settings.data_dir).store.law_names


def test_the_command_refuses_names_the_file_and_keeps_serving(tmp_path: Path) -> None:
    data = tmp_path / "data"
    riders = _two_docs(tmp_path / "docs")
    first = lawcloud(["ingest", "--no-builtin", str(tmp_path / "docs")], data)
    assert first.returncode == 0, first.stderr
    # No server can be running before the first index: the message says how to start one.
    assert "运行 `lawcloud serve`" in first.stderr and "自动换用" not in first.stderr
    riders.write_bytes(b"\x00\x00\x00")
    out = lawcloud(["ingest"], data)
    assert out.returncode == 1
    assert "没有发布新索引" in out.stderr and riders.name in out.stderr and "继续使用" in out.stderr
    shown = lawcloud(["show", "示范市外卖骑手权益保障办法", "2"], data)
    assert shown.returncode == 0 and "按月足额" in shown.stdout
    taken_out = lawcloud(["ingest", "--remove", str(riders)], data)
    assert taken_out.returncode == 0 and "移出索引" in taken_out.stdout, taken_out.stderr
    assert lawcloud(["show", "示范市外卖骑手权益保障办法", "2"], data).returncode == 1


def test_a_broken_file_is_taken_out_on_purpose_and_back_in_when_fixed(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    riders = _two_docs(tmp_path / "docs")
    run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder())
    riders.write_bytes(b"\x00\x01")
    removed = run_ingest(settings, [], builtin=False, embedder=FakeEmbedder(), remove=[riders])
    assert removed.ok and removed.removed == [str(riders)]
    store = open_index(settings.data_dir).store
    assert "示范市外卖骑手权益保障办法" not in store.law_names and store.get_article("测试工资条例", 1)
    # It stays out while broken: the next plain run is no refusal.
    assert run_ingest(settings, [], builtin=False, embedder=FakeEmbedder()).noop
    # Fixed and given again: back in.
    riders.write_text(RIDERS, encoding="utf-8")
    back = run_ingest(settings, [riders], builtin=False, embedder=FakeEmbedder())
    assert back.ok and open_index(settings.data_dir).store.get_article("示范市外卖骑手权益保障办法", 2)


def test_a_source_given_on_its_own_is_removed_even_when_gone(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    write_law(tmp_path / "a")
    single = tmp_path / "one.md"
    single.write_text(RIDERS, encoding="utf-8")
    run_ingest(settings, [tmp_path / "a", single], builtin=False, embedder=FakeEmbedder())
    single.unlink()
    with pytest.raises(LiveSourcesFailed):
        run_ingest(settings, [], builtin=False, embedder=FakeEmbedder())
    report = run_ingest(settings, [], builtin=False, embedder=FakeEmbedder(), remove=[single])
    assert report.ok and report.sources == [str(tmp_path / "a")] and report.removed == [str(single)]
    with pytest.raises(InputError, match="不在当前索引的来源里"):
        run_ingest(settings, [], builtin=False, embedder=FakeEmbedder(), remove=[tmp_path / "elsewhere.md"])
