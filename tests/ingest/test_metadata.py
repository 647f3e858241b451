"""corpus/metadata.toml: corrections to what a shared source says about itself (level, issuer, date, a
broken item), applied at ingest without editing the file, and checked at load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.load import SourceFile, load_file
from ingest.metadata import METADATA_FILE, MetadataError, load_document_overrides
from ingest.models import Level, UnitType

WAGES = "行政法规/工资支付暂行规定(1994-12-06).md"
NOTICE = "部门规章/人力资源社会保障部/关于职工全年月平均工作时间和工资折算问题的通知(2009-03-29).md"


def load(root: Path, relative: str, overrides: list) -> object:
    return load_file(SourceFile(root / relative, root), date(2026, 12, 5), overrides)


def test_the_wage_payment_rules_are_a_ministry_of_labour_rule(shared_corpus: Path) -> None:
    root = shared_corpus / "lawrefbook"
    as_filed = load(root, WAGES, [])
    assert as_filed.meta.level is Level.ADMIN_REGULATION  # what the folder says, and why this exists
    doc = load(root, WAGES, load_document_overrides())
    assert doc.meta.level is Level.DEPARTMENT_RULE and doc.meta.issuing_body == "劳动部"
    assert doc.meta.version_date == "1994-12-06" and doc.meta.effective_date == "1995-01-01"
    assert all(u.doc.level is Level.DEPARTMENT_RULE for u in doc.units)
    assert len([u for u in doc.units if u.unit_type is UnitType.ARTICLE]) == 20 and not doc.warnings


def test_the_monthly_working_time_notice_gets_its_date_and_its_item_three(shared_corpus: Path) -> None:
    root = shared_corpus / "lawrefbook"
    as_filed = load(root, NOTICE, [])
    assert [u.label for u in as_filed.units if u.unit_type is UnitType.PROVISION] == ["一、", "二、"]
    doc = load(root, NOTICE, load_document_overrides())
    assert doc.meta.version_date == "2008-01-03" and doc.meta.level is Level.NORMATIVE_DOCUMENT
    assert doc.meta.issuing_body == "劳动和社会保障部" and not doc.warnings
    items = {u.label: u for u in doc.units if u.unit_type is UnitType.PROVISION}
    assert list(items) == ["一、", "二、", "三、"]
    assert items["三、"].article_no == 3 and items["三、"].text.endswith("同时废止。")
    assert "劳社部发[2000]8号" in items["三、"].text and "同时废止" not in items["二、"].text
    assert items["二、"].text.endswith("21.75天")


def test_every_entry_matches_a_shared_document_and_every_correction_applies(shared_corpus: Path) -> None:
    overrides = load_document_overrides()
    assert overrides
    for override in overrides:
        matched = []
        for path in shared_corpus.rglob("*.md"):
            if path.stem.startswith(override.name) and path.name != "SOURCES.md":
                doc = load_file(SourceFile(path, shared_corpus), date(2026, 12, 5), overrides)
                if doc.meta.short_name == override.name:
                    matched.append(doc)
        assert len(matched) == 1, override.name
        assert not matched[0].warnings, matched[0].warnings


def _toml(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "metadata.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[document]]\nname = "X规定"\nlevel = "部门规章"\n', "checked_against"),
        ('[[document]]\nname = "X规定"\nlevel = "部委文件"\nchecked_against = "y"\n', "level"),
        ('[[document]]\nname = "X规定"\nversion_date = "2008/1/3"\nchecked_against = "y"\n', "version_date"),
        ('[[document]]\nname = "X规定"\nchecked_against = "y"\n', "没有任何要更正的内容"),
        ('[[document]]\nname = "X规定"\nlevle = "部门规章"\nchecked_against = "y"\n', "未知字段"),
        (
            '[[document]]\nname = "X规定"\nchecked_against = "y"\n[[document.correction]]\nfind = ""\nreplace = "a"\n',
            "correction",
        ),
    ],
)
def test_bad_entries_are_refused_with_the_field(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(MetadataError, match=message):
        load_document_overrides(_toml(tmp_path, body))


def test_a_correction_that_no_longer_applies_is_reported_not_guessed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "某通知(2009-03-29).md").write_text(
        "# 某通知\n\n<!-- INFO END -->\n\n一、第一项。\n\n二、第二项。\n", encoding="utf-8"
    )
    overrides = load_document_overrides(
        _toml(
            tmp_path,
            '[[document]]\nname = "某通知"\nsource_version_date = "2009-03-29"\nversion_date = "2008-01-03"\n'
            'checked_against = "y"\n[[document.correction]]\nfind = "## 三\\n"\nreplace = "三、"\n',
        )
    )
    doc = load_file(SourceFile(docs / "某通知(2009-03-29).md", docs), date(2026, 12, 5), overrides)
    assert doc.meta.version_date == "2008-01-03" and len(doc.units) == 2
    assert len(doc.warnings) == 1 and "出现 0 次" in doc.warnings[0]
    # Another version of the same notice is not touched.
    (docs / "某通知(2000-03-17).md").write_text(
        "# 某通知\n\n<!-- INFO END -->\n\n一、旧。\n", encoding="utf-8"
    )
    old = load_file(SourceFile(docs / "某通知(2000-03-17).md", docs), date(2026, 12, 5), overrides)
    assert old.meta.version_date == "2000-03-17" and not old.warnings


def test_the_shipped_file_is_the_default() -> None:
    assert METADATA_FILE.name == "metadata.toml" and METADATA_FILE.parent.name == "corpus"
