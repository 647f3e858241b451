from datetime import date
from pathlib import Path

import pytest

from ingest.load import InputError, SourceFile, decode_text, discover, load_builtin, load_file
from ingest.models import UnitType, Validity
from ingest.profiles import load_profile
from tests.ingest.pdfs import REGULATION_LINES, encrypt_pdf, make_chinese_pdf, make_scanned_pdf


def test_decode_gb18030_text() -> None:
    text = "第一条 用人单位应当按时足额支付劳动报酬。"
    assert decode_text(text.encode("gb18030")) == text
    assert decode_text(("\ufeff" + text).encode("utf-8")) == text


@pytest.mark.parametrize(
    ("data", "message"), [(b"", "空文件"), (b"   \n\n", "空文件"), (bytes(range(256)) * 4, "二进制")]
)
def test_decode_rejects_empty_and_binary(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(data)


def test_chinese_pdf_is_parsed_into_articles(tmp_path: Path) -> None:
    pdf = make_chinese_pdf(tmp_path / "办法.pdf", REGULATION_LINES)
    doc = load_file(SourceFile(pdf, tmp_path), date(2025, 1, 1))
    arts = [u for u in doc.units if u.unit_type is UnitType.ARTICLE]
    assert [a.article_no for a in arts] == [1, 2, 3, 4]
    assert "不得克扣或者无故拖欠" in arts[1].text
    assert "依照本办法第二条的规定" in arts[1].text  # a wrapped reference stays inside article 2
    assert doc.meta.short_name == "某市新就业形态劳动者权益保障办法"
    assert arts[3].chapter == ("第二章 附则",)


def test_encrypted_pdf_is_refused_with_reason(tmp_path: Path) -> None:
    plain = make_chinese_pdf(tmp_path / "plain.pdf", REGULATION_LINES)
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf")
    with pytest.raises(InputError, match="加密"):
        load_file(SourceFile(locked, tmp_path), date(2025, 1, 1))


def test_scanned_pdf_is_refused_with_reason(tmp_path: Path) -> None:
    scan = make_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="扫描件"):
        load_file(SourceFile(scan, tmp_path), date(2025, 1, 1))


def test_discover_reports_missing_paths_and_skips_docs(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# not a law", encoding="utf-8")
    (tmp_path / "a.md").write_text("# 条例\n\n第一条 内容。", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    files, skipped = discover([tmp_path, tmp_path / "missing"])
    assert [f.path.name for f in files] == ["a.md"]
    assert skipped[0].source.endswith("missing") and "不存在" in skipped[0].reason


def test_builtin_labour_profile_selects_parts_of_large_laws() -> None:
    docs, missing = load_builtin(load_profile("labour"), date(2026, 11, 25))
    assert missing == []
    by_name = {d.meta.short_name: d for d in docs}
    assert {"劳动合同法", "劳动法", "社会保险法", "民法典", "刑法", "安全生产法", "法律援助法"} <= set(
        by_name
    )
    criminal = by_name["刑法"]
    assert any(u.article_no == 276 and u.sub == 1 for u in criminal.units)
    assert all(u.article_no != 1 for u in criminal.units)  # only the selected articles
    assert criminal.meta.validity is Validity.AMENDED
    civil = {u.article_no for u in by_name["民法典"].units}
    assert {1191, 1192, 577} <= civil and 1 not in civil
    assert len(docs) < 40


def test_builtin_all_profile_has_every_law() -> None:
    docs, _ = load_builtin(load_profile("all"), date(2026, 11, 25))
    assert len(docs) >= 370
    assert sum(len(d.units) for d in docs) > 25000
