"""Reading evaluation datasets (JSON lines) with clear errors for bad lines."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ingest.lawnames import short_law_name
from ingest.numerals import cn_to_int, parse_article_ref


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


_EXAMPLE = '例如 {"law": "刑法", "article": 276, "sub": "之一"}'


def _sub_number(value: object) -> int | None:
    """第X条之一 is written "sub": 1 or "sub": "之一" (also "一", "1"); absent, null or 0 means none."""
    if value is None or value == 0 or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip().removeprefix("之")
        try:
            number = cn_to_int(text)
        except ValueError:
            number = 0
        if number > 0:
            return number
    raise ValueError(f"sub 应为正整数或“之一”“之二”这样的写法，收到 {value!r}；{_EXAMPLE}")


def parse_gold_ref(ref: object) -> GoldRef:
    """One gold article; the error names the field that is wrong."""
    if not isinstance(ref, dict):
        raise ValueError(f"应为对象，{_EXAMPLE}")
    law = ref.get("law")
    if not isinstance(law, str) or not short_law_name(law):
        raise ValueError(f"law 应为法律名称（字符串），收到 {law!r}；{_EXAMPLE}")
    article = ref.get("article")
    written_sub: int | None = None
    if isinstance(article, int) and not isinstance(article, bool) and article > 0:
        number = article
    elif isinstance(article, str):
        try:
            number, written_sub = parse_article_ref(article)  # "82", "第八十二条", "276之一"
        except ValueError:
            number = 0
    else:
        number = 0
    if number <= 0:
        raise ValueError(f"article 应为正整数条号，收到 {article!r}；{_EXAMPLE}")
    sub = _sub_number(ref.get("sub"))
    if written_sub and sub and written_sub != sub:
        raise ValueError(f"article 写的是之{written_sub}，sub 却是 {ref.get('sub')!r}")
    return GoldRef(short_law_name(law), number, sub or written_sub)


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
        for position, ref in enumerate(obj.get("gold", []) or [], start=1):
            try:
                gold.append(parse_gold_ref(ref))
            except ValueError as exc:
                raise DatasetError(f"{path}:{number}: gold 第{position}项：{exc}（{ref!r}）") from exc
        items.append(EvalItem(str(obj["id"]), str(obj["question"]), gold, str(obj.get("topic", "")), obj))
    if not items:
        raise DatasetError(f"{path} 里没有任何题目")
    return items
