"""Corpus profiles (TOML in corpus/profiles/) select what the built-in national laws contribute."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import CORPUS_DIR
from ingest.lawnames import short_law_name
from ingest.numerals import parse_article_ref

PROFILES_DIR = CORPUS_DIR / "profiles"


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class ArticleRange:
    start: tuple[int, int]
    end: tuple[int, int]

    def contains(self, number: int, sub: int | None) -> bool:
        return self.start <= (number, sub or 0) <= self.end


@dataclass(frozen=True)
class LawSelection:
    name: str
    ranges: tuple[ArticleRange, ...] = ()

    def selects(self, number: int | None, sub: int | None) -> bool:
        if not self.ranges:
            return True
        return number is not None and any(r.contains(number, sub) for r in self.ranges)


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    include_all: bool = False
    laws: tuple[LawSelection, ...] = field(default_factory=tuple)

    def selection_for(self, law_name: str) -> LawSelection | None:
        if self.include_all:
            return LawSelection(short_law_name(law_name))
        short = short_law_name(law_name)
        return next((s for s in self.laws if s.name == short), None)


def _parse_range(text: str) -> ArticleRange:
    if "-" in text:
        a, b = text.split("-", 1)
        start, end = parse_article_ref(a), parse_article_ref(b)
        return ArticleRange((start[0], start[1] or 0), (end[0], end[1] or 99))
    number, sub = parse_article_ref(text)
    return ArticleRange((number, sub or 0), (number, sub or 0))


def available_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.toml"))


def load_profile(name_or_path: str) -> Profile:
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILES_DIR / f"{name_or_path}.toml"
    if not path.exists():
        raise ProfileError(f"找不到语料配置 {name_or_path!r}；可用的有：{', '.join(available_profiles())}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        laws = tuple(
            LawSelection(
                short_law_name(item["name"]), tuple(_parse_range(str(r)) for r in item.get("articles", []))
            )
            for item in data.get("law", [])
        )
    except (KeyError, ValueError) as exc:
        raise ProfileError(f"语料配置 {path} 有误：{exc}") from exc
    return Profile(
        name=data.get("name", path.stem),
        description=data.get("description", ""),
        include_all=bool(data.get("include_all", False)),
        laws=laws,
    )
