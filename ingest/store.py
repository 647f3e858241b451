"""The article store: every indexed unit with its metadata, in one SQLite file per build. It is the
source of truth for showing an article and for verifying a citation."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ingest.lawnames import name_key, short_law_name
from ingest.models import Chunk, LegalUnit, Validity
from ingest.numerals import article_label

SCHEMA = """
CREATE TABLE units (
    unit_id TEXT PRIMARY KEY,
    law TEXT NOT NULL,            -- short name
    title TEXT NOT NULL,          -- full name
    level TEXT NOT NULL,
    issuing_body TEXT,
    version_date TEXT,
    effective_date TEXT,
    validity TEXT NOT NULL,
    validity_note TEXT,
    is_current INTEGER NOT NULL,  -- the newest version of this law in the store, and not repealed
    is_case INTEGER NOT NULL,
    unit_type TEXT NOT NULL,
    label TEXT NOT NULL,
    article_no INTEGER,
    sub INTEGER,
    chapter TEXT,
    text TEXT NOT NULL,
    cites TEXT,
    source TEXT NOT NULL,
    seq INTEGER NOT NULL,
    row_no INTEGER NOT NULL,      -- position in the lexical index
    document_number TEXT          -- 文号 (人社部发〔2013〕34号); builds before 2026-12 lack the column
);
CREATE INDEX units_law ON units(law, article_no, sub);
CREATE TABLE chunks (chunk_id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, part INTEGER, text TEXT);
CREATE TABLE laws (
    law TEXT NOT NULL, title TEXT NOT NULL, level TEXT, issuing_body TEXT, version_date TEXT,
    validity TEXT, validity_note TEXT, is_current INTEGER, is_case INTEGER, units INTEGER, source TEXT,
    document_number TEXT
);
"""


@dataclass(frozen=True)
class StoredUnit:
    unit_id: str
    law: str
    title: str
    level: str
    issuing_body: str
    version_date: str | None
    effective_date: str | None
    validity: str
    validity_note: str
    is_current: bool
    is_case: bool
    unit_type: str
    label: str
    article_no: int | None
    sub: int | None
    chapter: str
    text: str
    cites: list[list]
    source: str
    row_no: int
    document_number: str = ""

    @property
    def citation(self) -> str:
        return f"《{self.title}》{self.label}" if not self.is_case else f"{self.title}（{self.label}）"

    @property
    def in_force(self) -> bool:
        return self.is_current and self.validity in (Validity.IN_FORCE.value, Validity.AMENDED.value)


_COLUMNS = list(StoredUnit.__dataclass_fields__)


def write_store(path: Path, units: list[LegalUnit], chunks: list[Chunk], current_ids: set[str]) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.executescript(SCHEMA)
        rows = []
        for row_no, unit in enumerate(units):
            doc = unit.doc
            rows.append(
                (
                    unit.unit_id,
                    doc.short_name,
                    doc.title,
                    doc.level.value,
                    doc.issuing_body,
                    doc.version_date,
                    doc.effective_date,
                    doc.validity.value,
                    doc.validity_note,
                    int(unit.unit_id in current_ids),
                    int(doc.is_case),
                    unit.unit_type.value,
                    unit.label,
                    unit.article_no,
                    unit.sub,
                    " / ".join(unit.chapter),
                    unit.text,
                    json.dumps(unit.cites, ensure_ascii=False),
                    doc.source,
                    unit.seq,
                    row_no,
                    doc.document_number or None,
                )
            )
        conn.executemany(f"INSERT INTO units VALUES ({','.join('?' * 22)})", rows)
        conn.executemany(
            "INSERT INTO chunks VALUES (?, ?, ?, ?)",
            [(c.chunk_id, c.unit.unit_id, c.part, c.text) for c in chunks],
        )
        conn.execute(
            """INSERT INTO laws SELECT law, title, level, issuing_body, version_date, validity, validity_note,
               max(is_current), is_case, count(*), source, max(document_number)
               FROM units GROUP BY law, version_date, source"""
        )
        conn.commit()
    finally:
        conn.close()


class LawNotFound(LookupError):
    pass


class ArticleNotFound(LookupError):
    pass


class ArticleStore:
    """Read-only access to a build's units."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._laws = [dict(r) for r in self._conn.execute("SELECT * FROM laws")]
        self._law_keys = {name_key(r["law"]) for r in self._laws}

    def close(self) -> None:
        self._conn.close()

    def _unit(self, row: sqlite3.Row) -> StoredUnit:
        present = row.keys()
        # A build written before the 文号 column still opens: the missing column reads as unknown.
        data = {k: row[k] if k in present else None for k in _COLUMNS}
        data["is_current"] = bool(data["is_current"])
        data["is_case"] = bool(data["is_case"])
        data["cites"] = json.loads(data["cites"] or "[]")
        data["issuing_body"] = data["issuing_body"] or ""
        data["validity_note"] = data["validity_note"] or ""
        data["chapter"] = data["chapter"] or ""
        data["document_number"] = data["document_number"] or ""
        return StoredUnit(**data)

    @property
    def law_names(self) -> list[str]:
        return sorted({r["law"] for r in self._laws})

    def laws(self) -> list[dict]:
        return list(self._laws)

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM units").fetchone()[0])

    def resolve_law(self, name: str) -> str:
        """Map what a user typed (short or full name, with or without 《》) to a law in the store."""
        key = name_key(name)
        if not key:
            raise LawNotFound("请给出法律名称")
        if key in self._law_keys:
            return key
        # A name is never resolved to a law whose name merely contains it: 保险法 (the Insurance Law) is
        # not 社会保险法, 劳动法 is not 劳动合同法. Abbreviations go through the curated aliases instead.
        # Laws whose names contain it are offered, so a worker who shortened a title can find it.
        similar = sorted({r["law"] for r in self._laws if key in r["law"] and not r["is_case"]}, key=len)
        hint = f"（名称中含“{key}”的有：{'、'.join(similar[:5])}，请写全名称）" if similar else ""
        raise LawNotFound(
            f"库中没有《{short_law_name(name)}》{hint}。可用 `lawcloud corpus stats` 查看已收录的法规"
        )

    def get_article(
        self, law: str, number: int, sub: int | None = None, current_only: bool = True
    ) -> StoredUnit:
        short = self.resolve_law(law)
        rows = self._conn.execute(
            """SELECT * FROM units WHERE law = ? AND article_no = ? AND coalesce(sub, 0) = ?
               AND unit_type IN ('article', 'provision') ORDER BY is_current DESC, version_date DESC""",
            (short, number, sub or 0),
        ).fetchall()
        units = [self._unit(r) for r in rows]
        if current_only:
            units = [u for u in units if u.is_current] or units
        if not units:
            total = self._conn.execute(
                "SELECT max(article_no) FROM units WHERE law = ? AND is_current = 1", (short,)
            ).fetchone()[0]
            hint = f"（库中《{short}》的条文编号到第{total}条为止）" if total else ""
            raise ArticleNotFound(f"《{short}》没有{article_label(number, sub)}{hint}")
        return units[0]

    def versions(self, law: str, number: int, sub: int | None = None) -> list[StoredUnit]:
        short = self.resolve_law(law)
        rows = self._conn.execute(
            "SELECT * FROM units WHERE law = ? AND article_no = ? AND coalesce(sub, 0) = ? ORDER BY version_date DESC",
            (short, number, sub or 0),
        ).fetchall()
        return [self._unit(r) for r in rows]

    def by_ids(self, unit_ids: list[str]) -> dict[str, StoredUnit]:
        out: dict[str, StoredUnit] = {}
        for start in range(0, len(unit_ids), 900):
            batch = unit_ids[start : start + 900]
            marks = ",".join("?" * len(batch))
            for row in self._conn.execute(f"SELECT * FROM units WHERE unit_id IN ({marks})", batch):
                out[row["unit_id"]] = self._unit(row)
        return out

    def by_rows(self, row_numbers: list[int]) -> list[StoredUnit]:
        if not row_numbers:
            return []
        marks = ",".join("?" * len(row_numbers))
        found = {
            r["row_no"]: self._unit(r)
            for r in self._conn.execute(f"SELECT * FROM units WHERE row_no IN ({marks})", row_numbers)
        }
        return [found[n] for n in row_numbers if n in found]

    def all_units(self) -> list[StoredUnit]:
        return [self._unit(r) for r in self._conn.execute("SELECT * FROM units ORDER BY row_no")]

    def chunk_unit_ids(self, chunk_ids: list[str]) -> dict[str, str]:
        return {c.rsplit("-", 1)[0]: c for c in chunk_ids}

    def stats(self) -> dict:
        def grouped(col: str) -> dict[str, int]:
            return dict(
                self._conn.execute(
                    f"SELECT {col}, count(*) FROM units GROUP BY {col} ORDER BY 2 DESC"
                ).fetchall()
            )

        return {
            "units": self.count(),
            "chunks": int(self._conn.execute("SELECT count(*) FROM chunks").fetchone()[0]),
            "documents": len(self._laws),
            "by_level": grouped("level"),
            "by_validity": grouped("validity"),
            "by_type": grouped("unit_type"),
        }
