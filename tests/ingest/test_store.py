"""The article store keeps each unit's 文号 and still opens a build written before the column existed."""

import sqlite3
from pathlib import Path

from ingest.models import DocumentMeta, LegalUnit, Level, UnitType
from ingest.store import SCHEMA, ArticleStore, write_store

RULE = DocumentMeta(
    title="工伤认定办法",
    short_name="工伤认定办法",
    level=Level.DEPARTMENT_RULE,
    source="test",
    version_date="2010-12-31",
    document_number="人力资源和社会保障部令第8号",
)
ARTICLE = LegalUnit(
    doc=RULE, unit_type=UnitType.ARTICLE, label="第五条", text="提出工伤认定申请应当填写……", article_no=5
)


def test_the_document_number_is_stored_with_the_unit(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    write_store(path, [ARTICLE], [], {ARTICLE.unit_id})
    store = ArticleStore(path)
    unit = store.by_ids([ARTICLE.unit_id]).get(ARTICLE.unit_id)
    assert unit is not None and unit.document_number == "人力资源和社会保障部令第8号"
    assert store.laws()[0]["document_number"] == "人力资源和社会保障部令第8号"
    store.close()


def test_a_build_without_the_column_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    write_store(path, [ARTICLE], [], {ARTICLE.unit_id})
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE units DROP COLUMN document_number")
    conn.execute("ALTER TABLE laws DROP COLUMN document_number")
    conn.commit()
    conn.close()
    store = ArticleStore(path)
    unit = store.by_ids([ARTICLE.unit_id]).get(ARTICLE.unit_id)
    assert unit is not None and unit.document_number == "" and unit.label == "第五条"
    store.close()
    assert "document_number" in SCHEMA
