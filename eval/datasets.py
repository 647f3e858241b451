"""Reading evaluation datasets (JSON lines) with clear errors for bad lines."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ingest.lawnames import short_law_name


class DatasetError(ValueError):
    pass


@dataclass(frozen=True)
class GoldRef:
    law: str
    article: int
    sub: int | None = None

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.law, self.article, self.sub or 0)


@dataclass
class EvalItem:
    id: str
    question: str
    gold: list[GoldRef] = field(default_factory=list)
    topic: str = ""
    raw: dict = field(default_factory=dict)


def load_dataset(path: Path) -> list[EvalItem]:
    if not path.exists():
        raise DatasetError(f"数据集文件不存在：{path}")
    items: list[EvalItem] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{number}: 不是合法的 JSON（{exc.msg}）") from exc
        if not isinstance(obj, dict) or not obj.get("id") or not obj.get("question"):
            raise DatasetError(f"{path}:{number}: 每行需要 id 和 question 字段")
        if obj["id"] in seen:
            raise DatasetError(f"{path}:{number}: id {obj['id']!r} 重复")
        seen.add(obj["id"])
        gold = []
        for ref in obj.get("gold", []) or []:
            try:
                gold.append(
                    GoldRef(
                        short_law_name(str(ref["law"])),
                        int(ref["article"]),
                        int(ref["sub"]) if ref.get("sub") else None,
                    )
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise DatasetError(f"{path}:{number}: gold 条目需要 law 和整数 article（{ref!r}）") from exc
        items.append(EvalItem(str(obj["id"]), str(obj["question"]), gold, str(obj.get("topic", "")), obj))
    if not items:
        raise DatasetError(f"{path} 里没有任何题目")
    return items
