import json
from pathlib import Path

import pytest

from ingest.embed import FakeEmbedder
from ingest.index import open_index, read_live
from ingest.load import InputError
from ingest.pipeline import run_ingest
from tests.conftest import make_settings
from tests.ingest.pdfs import REGULATION_LINES, encrypt_pdf, make_chinese_pdf

LAW = """# 测试工资条例

2020年1月1日 国务院令第1号公布

<!-- INFO END -->

## 第一章 总则

第一条 为了保障劳动者按时获得工资，制定本条例。

第二条 用人单位应当按月足额支付工资，不得拖欠。
"""


def write_law(folder: Path, body: str = LAW) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "测试工资条例(2020-01-01).md"
    path.write_text(body, encoding="utf-8")
    return path


def test_second_ingest_embeds_nothing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    docs = tmp_path / "docs" / "行政法规"
    write_law(docs)
    embedder = FakeEmbedder()
    first = run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=embedder)
    assert first.embedded == 2 and first.ok and not first.noop
    second = run_ingest(settings, [], builtin=False, embedder=embedder)
    assert second.noop and second.embedded == 0 and second.build_id == first.build_id
    assert embedder.calls == 2

    # A changed article re-embeds only itself; the unchanged one comes from the cache.
    write_law(docs, LAW.replace("不得拖欠", "不得拖欠或者克扣"))
    third = run_ingest(settings, [], builtin=False, embedder=embedder)
    assert third.embedded == 1 and third.cached == 1 and third.build_id != first.build_id


def test_bad_inputs_are_reported_and_the_rest_ingested(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    docs = tmp_path / "docs"
    write_law(docs / "行政法规")
    (docs / "empty.md").write_text("", encoding="utf-8")
    (docs / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (docs / "gbk.txt").write_bytes("某某规定\n\n第一条 劳动者享有休息休假的权利。\n".encode("gb18030"))
    encrypt_pdf(make_chinese_pdf(tmp_path / "p.pdf", REGULATION_LINES), docs / "locked.pdf")
    report = run_ingest(settings, [docs, tmp_path / "nope"], builtin=False, embedder=FakeEmbedder())
    reasons = {Path(s.source).name: s.reason for s in report.skipped}
    assert set(reasons) == {"empty.md", "garbage.txt", "locked.pdf", "nope"}
    assert "空文件" in reasons["empty.md"] and "加密" in reasons["locked.pdf"] and "不存在" in reasons["nope"]
    assert not report.ok
    index = open_index(settings.data_dir)
    assert index.store.get_article("某某规定", 1).text.startswith("劳动者享有休息休假")
    assert index.store.get_article("测试工资条例", 2)


def test_failed_ingest_leaves_previous_index_serving(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    write_law(tmp_path / "docs")
    good = run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder())
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.md").write_text("", encoding="utf-8")
    with pytest.raises(InputError):
        run_ingest(settings, [tmp_path / "bad"], builtin=False, replace=True, embedder=FakeEmbedder())
    assert read_live(settings.data_dir)["build_id"] == good.build_id
    assert open_index(settings.data_dir).store.get_article("测试工资条例", 1)


def test_sources_accumulate_unless_replaced(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    write_law(tmp_path / "a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.md").write_text("# 另一规定\n\n第一条 内容甲。\n", encoding="utf-8")
    run_ingest(settings, [tmp_path / "a"], builtin=False, embedder=FakeEmbedder())
    second = run_ingest(settings, [tmp_path / "b"], builtin=False, embedder=FakeEmbedder())
    assert second.sources == [str(tmp_path / "a"), str(tmp_path / "b")]
    store = open_index(settings.data_dir).store
    assert store.get_article("测试工资条例", 1) and store.get_article("另一规定", 1)


def test_full_index_over_shared_corpus(built_settings) -> None:
    index = open_index(built_settings.data_dir)
    store = index.store
    assert "二倍的工资" in store.get_article("劳动合同法", 82).text
    assert "上下班途中" in store.get_article("工伤保险条例", 14).text
    assert "第八十二条" == store.get_article("中华人民共和国劳动合同法", 82).label
    assert store.get_article("刑法", 276, 1).validity == "已修改"
    repealed = store.get_article("最高人民法院关于审理劳动争议案件适用法律若干问题的解释", 1)
    assert repealed.validity == "已废止" and not repealed.in_force
    partly = store.get_article("最高人民法院关于审理劳动争议案件适用法律问题的解释（一）", 32)
    assert partly.validity == "已修改" and "第一款" in partly.validity_note and partly.in_force
    assert (
        store.get_article("最高人民法院关于审理劳动争议案件适用法律问题的解释（一）", 31).validity
        == "现行有效"
    )
    stats = store.stats()
    assert stats["by_type"]["case_section"] > 100
    assert index.vectors.count() == stats["chunks"]
    manifest = json.loads((built_settings.data_dir / "LIVE.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["units"] == stats["units"]


def test_build_ids_are_unique_within_one_second() -> None:
    from ingest.index import new_build_id

    assert len({new_build_id() for _ in range(50)}) == 50
