"""The place of work from the worker's words: the province whose tables the tools use and the city,
never the worker's home town, never a word that only looks like a place."""

from datetime import date
from pathlib import Path

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.places import DIVISIONS_FILE, PLACES_FILE, PlacesError, load_gazetteer, read_place


@pytest.mark.parametrize(
    ("text", "province", "city"),
    [
        ("我在青岛一家食品厂上班", "山东", "青岛"),
        ("义乌这边做小商品仓库的", "浙江", "义乌"),
        ("广东省深圳市龙华区的电子厂", "广东", "深圳"),
        ("俺在郑州送外卖", "河南", "郑州"),
        ("人在重庆，跑网约车", "重庆", "重庆"),
        ("吉林市的一个工地", "吉林", "吉林"),
        ("在内蒙古鄂尔多斯煤矿", "内蒙古", "鄂尔多斯"),
    ],
)
def test_the_place_of_work_is_read_with_its_province(text: str, province: str, city: str) -> None:
    place = read_place(text)
    assert place is not None and (place.province, place.city) == (province, city)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("老家四川的，在佛山做家具", "广东"),
        ("我是河南人，现在在苏州打工", "江苏"),
        ("户口在湖南，人在厦门的厂里", "福建"),
    ],
)
def test_the_home_town_is_not_the_place_of_work(text: str, province: str) -> None:
    place = read_place(text)
    assert place is not None and place.province == province


@pytest.mark.parametrize(
    "text",
    [
        "中山路上的一家饭店",
        "推广安全生产",
        "大同小异吧",
        "三明治店打工",
        "白银首饰柜台",
        "回老家湖北了",
        "阿里的外包",
    ],
)
def test_words_that_only_look_like_places_are_not_places(text: str) -> None:
    assert read_place(text) is None


def test_the_city_fills_the_province_a_tool_needs() -> None:
    values = extract_facts(["在东莞干了三年，月工资4000"], date(2026, 12, 5)).values()
    assert values["province"] == "广东" and values["city"] == "东莞"


def test_a_city_listed_under_two_provinces_fails_at_load(tmp_path: Path) -> None:
    text = PLACES_FILE.read_text(encoding="utf-8").replace('"天津" = ["天津",', '"天津" = ["天津", "青岛",')
    broken = tmp_path / "places.toml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(PlacesError, match="青岛"):
        load_gazetteer(broken)


def test_an_unknown_province_fails_at_load(tmp_path: Path) -> None:
    broken = tmp_path / "places.toml"
    broken.write_text(
        PLACES_FILE.read_text(encoding="utf-8").replace('"宁夏" =', '"宁厦" ='), encoding="utf-8"
    )
    with pytest.raises(PlacesError, match="宁厦"):
        load_gazetteer(broken)


# --- every county-level division (corpus/consult/divisions.tsv, session 11) ---------------------------


@pytest.mark.parametrize(
    ("text", "province", "city"),
    [
        ("我在仙游做红木家具", "福建", "莆田"),  # a county, named short, with what the worker does there
        ("在神木打工，煤矿上的", "陕西", "榆林"),
        ("陕西神木的煤矿", "陕西", "榆林"),  # after its province's name
        ("福建省莆田市仙游县", "福建", "莆田"),
        ("在长阳干活摔了", "湖北", "宜昌"),  # 长阳土家族自治县, said without the nation and 自治县
        ("我在库车，月工资3500", "新疆", "阿克苏"),
        ("在公安县的砖厂上班", "湖北", "荆州"),  # an ordinary word said with its suffix is the county
    ],
)
def test_a_county_gives_its_province_and_its_prefecture_city(text: str, province: str, city: str) -> None:
    place = read_place(text)
    assert place is not None and (place.province, place.city) == (province, city)


@pytest.mark.parametrize(
    "text",
    [
        "去公安局报案了",  # 公安 the police, not 公安县
        "在隧道里干活",  # 道里 inside 隧道里
        "我在通道里摔倒了",
        "在东方红厂上班",
        "我老家是仙游的",  # the home town
    ],
)
def test_county_names_inside_other_words_or_as_the_home_are_not_the_place_of_work(text: str) -> None:
    assert read_place(text) is None


def test_a_county_fills_the_province_the_injury_tools_need() -> None:
    values = extract_facts(["我在仙游的厂里压伤了手，评了九级"], date(2026, 12, 5)).values()
    assert values["province"] == "福建" and values["city"] == "莆田"


def test_a_division_row_without_a_known_province_fails_at_load(tmp_path: Path) -> None:
    broken = tmp_path / "divisions.tsv"
    broken.write_text(
        DIVISIONS_FILE.read_text(encoding="utf-8").replace("\t福建\t莆田", "\t福健\t莆田", 1),
        encoding="utf-8",
    )
    with pytest.raises(PlacesError, match="福健"):
        load_gazetteer(PLACES_FILE, broken)


def test_an_ordinary_word_that_is_no_county_fails_at_load(tmp_path: Path) -> None:
    text = PLACES_FILE.read_text(encoding="utf-8").replace(
        'county_words = ["公安",', 'county_words = ["工资",'
    )
    broken = tmp_path / "places.toml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(PlacesError, match="工资"):
        load_gazetteer(broken)
