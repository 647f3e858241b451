"""Where the worker works, from the place names of the conversation (在东莞打工, 昆山的电子厂, 青岛):
the province whose tables the tools use (minimum wage, average wage, the injury lump sums) and the
city. The names and their provinces are data (corpus/consult/places.toml, and every county-level
division in corpus/consult/divisions.tsv, built from a national table), checked at load."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.config import CORPUS_DIR
from assistant.tools.data import MUNICIPALITIES, PROVINCES

PLACES_FILE = CORPUS_DIR / "consult" / "places.toml"
DIVISIONS_FILE = CORPUS_DIR / "consult" / "divisions.tsv"
_DIVISION_COLUMNS = ["adcode", "name", "short", "province", "city"]
_PROVINCE_SUFFIX = "(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?"
# Said next to a place, these mark it as where the work is (在东莞打工, 深圳的厂) rather than a mention.
_WORK_AFTER = re.compile(
    r"^(?:市|省|区|县|这边|那边|这里|那里)?(?:的|一家|一个|这家|那家)?[^，,。；;！!？?]{0,6}?(?:打工|上班|干活|做工|工作|厂|公司|工地|店|送外卖|跑)"
)


# A county named without its suffix (仙游, 神木) is a place only where the words right after it say the
# worker is or works there (在仙游做木雕, 神木这边, 神木的煤矿, 在库车，): bare two-character names are too
# often other words (去公安局, 在通道里).
_COUNTY_BEFORE = ("在", "到", "去", "来")
_COUNTY_JOIN = ("是", "和", "、", "的")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_COUNTY_END = re.compile(r"^(?:[，,。；;！!？?\s]|$)")
_COUNTY_AFTER = re.compile(
    r"^(?:市|县|这边|那边|这里|那里|打工|上班|干活|做工|工作|[做干打开送跑当搞卖种住待呆]"
    r"|的[^，,。；;！!？?]{0,3}?(?:厂|公司|工地|矿|店|车间|饭店|餐馆|仓库))"
)


class PlacesError(ValueError):
    pass


@dataclass(frozen=True)
class Divisions:
    """County-level divisions: a full name (仙游县, 昆山市) read anywhere, a short one (仙游) only in the
    words of being or working there; names shared by two divisions (朝阳区, 鼓楼区) are left out."""

    full: dict[str, tuple[str, str]]
    short: dict[str, tuple[str, str]]
    longest: int

    def hits(self, text: str, after_names: frozenset[int] = frozenset()) -> list[tuple[int, int, str, str]]:
        """(start, end, province, city) of every division named in the text, the longest at each start.
        ``after_names``: the ends of listed names (陕西|神木): a short name may start there."""
        found: list[tuple[int, int, str, str]] = []
        start = 0
        while start < len(text):
            hit = None
            for size in range(min(self.longest, len(text) - start), 1, -1):
                word = text[start : start + size]
                if word in self.full:
                    hit = (start, start + size, *self.full[word])
                    break
                if word in self.short and self._said_as_a_place(text, start, start + size, after_names):
                    hit = (start, start + size, *self.short[word])
                    break
            if hit is None:
                start += 1
                continue
            found.append(hit)
            start = hit[1]
        return found

    @staticmethod
    def _said_as_a_place(text: str, start: int, end: int, after_names: frozenset[int]) -> bool:
        """A short name that starts a word (not 隧|道里) and is followed by the words of being there."""
        before = text[start - 1] if start else ""
        if (
            before
            and _HAN.match(before)
            and before not in _COUNTY_BEFORE + _COUNTY_JOIN
            and start not in after_names
        ):
            return False
        if _COUNTY_AFTER.match(text[end:]):
            return True
        return before in _COUNTY_BEFORE and bool(_COUNTY_END.match(text[end:]))


@dataclass(frozen=True)
class Place:
    province: str
    city: str | None
    words: str


@dataclass(frozen=True)
class Gazetteer:
    """The place names: each name → (province, city or None for a province named alone)."""

    names: dict[str, tuple[str, str | None]]
    pattern: re.Pattern[str]
    home_before: tuple[str, ...]
    home_after: tuple[str, ...]
    divisions: Divisions | None = None
    full_names: Mapping[str, str] = field(default_factory=dict)

    def full_name(self, province: str) -> str:
        """江苏 → 江苏省, 北京 → 北京市, 广西 → 广西壮族自治区 (the name a province's standard is said under)."""
        if province in self.full_names:
            return self.full_names[province]
        return province + ("市" if province in MUNICIPALITIES else "省")

    def _home(self, text: str, start: int, end: int) -> bool:
        before, after = text[max(0, start - 4) : start], text[end : end + 3]
        if any(before.endswith(w) or before.endswith(w + "是") for w in self.home_before):
            return True
        return any(after.startswith(w) for w in self.home_after)

    def read(self, text: str) -> Place | None:
        """The place of work: among the names in the text, not said as the worker's home (老家河南,
        我是湖南人), one with work words beside it (在东莞打工) first, else the first named."""
        found: list[tuple[bool, int, Place]] = []
        taken: list[tuple[int, int]] = []
        for hit in self.pattern.finditer(text):
            taken.append(hit.span())
            # The longest listed name the match starts with (广州市 → 广州; 朝阳市 is its own name).
            name = max((n for n in self.names if hit.group(0).startswith(n)), key=len)
            if self._home(text, hit.start(), hit.end()):
                continue
            province, city = self.names[name]
            if city is None and hit.group(0).endswith("市"):
                city = name  # 吉林市: the city that shares its province's name
            works = bool(_WORK_AFTER.search(text[hit.end() : hit.end() + 12]))
            found.append((works, hit.start(), Place(province, city, hit.group(0))))
        ends = frozenset(b for _, b in taken)
        for start, end, province, prefecture in self.divisions.hits(text, ends) if self.divisions else ():
            # The listed names come first (昆山 is listed; 广东省深圳市宝安区 is read as 深圳).
            if any(start < b and a < end for a, b in taken) or self._home(text, start, end):
                continue
            works = bool(_WORK_AFTER.search(text[end : end + 12]))
            found.append((works, start, Place(province, prefecture, text[start:end])))
        if not found:
            return None
        found.sort(key=lambda item: (not item[0], item[1]))
        best = found[0][2]
        if best.city is None:
            # 广东省深圳市: the province first, its city after it — the city says more.
            best = next((p for _, _, p in found if p.province == best.province and p.city), best)
        return best


def load_divisions(path: Path, listed: dict[str, tuple[str, str | None]], ordinary: set[str]) -> Divisions:
    """The county-level table: every row a known province and a city; a name two divisions share, or one
    places.toml already lists, is not read from it; a short name in `ordinary` (公安, 东方) only with its
    suffix."""
    full: dict[str, tuple[str, str]] = {}
    short: dict[str, tuple[str, str]] = {}
    shared_full: set[str] = set()
    shared_short: set[str] = set()
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    if not lines or lines[0].split("\t") != _DIVISION_COLUMNS:
        raise PlacesError(f"{path.name}: 第一行应是列名 {'、'.join(_DIVISION_COLUMNS)}")
    said: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(_DIVISION_COLUMNS) or not all(cells):
            raise PlacesError(f"{path.name}: 第{number}行应有 {len(_DIVISION_COLUMNS)} 列且都不为空：{line}")
        _, name, short_name, province, city = cells
        said.add(short_name)
        if province not in PROVINCES:
            raise PlacesError(f"{path.name}: 第{number}行不认识的省份“{province}”")
        for table, shared, word, least in (
            (full, shared_full, name, 3),
            (short, shared_short, short_name, 2),
        ):
            if len(word) < least or word in listed or word in PROVINCES:
                continue
            if word in table and table[word] != (province, city):
                shared.add(word)
            table[word] = (province, city)
    if unknown := ordinary - said:
        raise PlacesError(f"county_words 中的地名不是任何县级行政区的简称：{'、'.join(sorted(unknown))}")
    for word in shared_full:
        del full[word]
    for word in shared_short | ordinary:
        short.pop(word, None)
    short = {word: place for word, place in short.items() if word not in full}
    return Divisions(full=full, short=short, longest=max(map(len, [*full, *short]), default=0))


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = PLACES_FILE, divisions: Path | None = DIVISIONS_FILE) -> Gazetteer:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data.get("meta", {})
    if not meta.get("source") or not meta.get("checked"):
        raise PlacesError(f"{path.name}: [meta] must name its source and the date it was checked")
    cities = data.get("cities", {})
    names: dict[str, tuple[str, str | None]] = {}
    for province in PROVINCES:
        names[province] = (province, province if province in MUNICIPALITIES else None)
    for province, listed in cities.items():
        if province not in PROVINCES:
            raise PlacesError(f"{path.name}: 不认识的省份“{province}”（写简称，如 广东）")
        for city in listed:
            if city in names and names[city] != (province, city) and city not in PROVINCES:
                raise PlacesError(f"{path.name}: “{city}”同时列在{names[city][0]}和{province}下")
            if city in PROVINCES and city not in MUNICIPALITIES:
                # 吉林 the city of 吉林 the province: the name alone is the province; 吉林市 the city.
                continue
            names[city] = (province, city)
    full_names = data.get("full_names", {})
    if not isinstance(full_names, dict) or set(full_names) - set(PROVINCES):
        raise PlacesError(f'{path.name}: [full_names] 只能写省级简称（如 广西 = "广西壮族自治区"）')
    needs_suffix = set(meta.get("needs_suffix", ()))
    unknown = needs_suffix - set(names)
    if unknown:
        raise PlacesError(f"{path.name}: needs_suffix 中的地名没有列出：{'、'.join(sorted(unknown))}")
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        if name in PROVINCES:
            alternatives.append(re.escape(name) + _PROVINCE_SUFFIX)
        elif name in needs_suffix:
            alternatives.append(re.escape(name) + "(?:市|州)")
        else:
            alternatives.append(re.escape(name) + "(?:市)?")
    return Gazetteer(
        names=names,
        pattern=re.compile("|".join(alternatives)),
        home_before=tuple(meta.get("home_before", ())),
        home_after=tuple(meta.get("home_after", ())),
        divisions=load_divisions(divisions, names, set(meta.get("county_words", ()))) if divisions else None,
        full_names=dict(full_names),
    )


def read_place(text: str) -> Place | None:
    return load_gazetteer().read(text)


def province_full_name(province: str) -> str:
    return load_gazetteer().full_name(province)
