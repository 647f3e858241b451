"""Where the worker works, from the place names of the conversation (在东莞打工, 昆山的电子厂, 青岛):
the province whose tables the tools use (minimum wage, average wage, the injury lump sums) and the
city. The names and their provinces are data (corpus/consult/places.toml), checked at load."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.config import CORPUS_DIR
from assistant.tools.data import MUNICIPALITIES, PROVINCES

PLACES_FILE = CORPUS_DIR / "consult" / "places.toml"
_PROVINCE_SUFFIX = "(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?"
# Said next to a place, these mark it as where the work is (在东莞打工, 深圳的厂) rather than a mention.
_WORK_AFTER = re.compile(
    r"^(?:市|省|区|县|这边|那边|这里|那里)?(?:的|一家|一个|这家|那家)?[^，,。；;！!？?]{0,6}?(?:打工|上班|干活|做工|工作|厂|公司|工地|店|送外卖|跑)"
)


class PlacesError(ValueError):
    pass


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

    def read(self, text: str) -> Place | None:
        """The place of work: among the names in the text, not said as the worker's home (老家河南,
        我是湖南人), one with work words beside it (在东莞打工) first, else the first named."""
        found: list[tuple[bool, int, Place]] = []
        for hit in self.pattern.finditer(text):
            # The longest listed name the match starts with (广州市 → 广州; 朝阳市 is its own name).
            name = max((n for n in self.names if hit.group(0).startswith(n)), key=len)
            before, after = text[max(0, hit.start() - 4) : hit.start()], text[hit.end() : hit.end() + 3]
            if any(before.endswith(w) or before.endswith(w + "是") for w in self.home_before):
                continue
            if any(after.startswith(w) for w in self.home_after):
                continue
            province, city = self.names[name]
            if city is None and hit.group(0).endswith("市"):
                city = name  # 吉林市: the city that shares its province's name
            works = bool(_WORK_AFTER.search(text[hit.end() : hit.end() + 12]))
            found.append((works, hit.start(), Place(province, city, hit.group(0))))
        if not found:
            return None
        found.sort(key=lambda item: (not item[0], item[1]))
        best = found[0][2]
        if best.city is None:
            # 广东省深圳市: the province first, its city after it — the city says more.
            best = next((p for _, _, p in found if p.province == best.province and p.city), best)
        return best


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = PLACES_FILE) -> Gazetteer:
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
    )


def read_place(text: str) -> Place | None:
    return load_gazetteer().read(text)
