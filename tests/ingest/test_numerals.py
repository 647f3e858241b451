import pytest

from ingest.numerals import article_label, cn_to_int, int_to_cn, parse_article_ref


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("一百一十", 110),
        ("二百七十六", 276),
        ("一千零一", 1001),
        ("一千二百六十", 1260),
        ("八十二", 82),
        ("82", 82),
        ("两百", 200),
    ],
)
def test_cn_to_int(text: str, value: int) -> None:
    assert cn_to_int(text) == value


def test_int_to_cn_round_trips_every_article_number() -> None:
    for n in range(1, 1300):
        assert cn_to_int(int_to_cn(n)) == n
    assert int_to_cn(105) == "一百零五"
    assert int_to_cn(110) == "一百一十"
    assert int_to_cn(12) == "十二"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("82", (82, None)),
        ("第八十二条", (82, None)),
        ("八十二", (82, None)),
        ("276之一", (276, 1)),
        ("第二百七十六条之一", (276, 1)),
        ("第14条", (14, None)),
    ],
)
def test_parse_article_ref(text: str, expected: tuple[int, int | None]) -> None:
    assert parse_article_ref(text) == expected


def test_parse_article_ref_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        parse_article_ref("abc")


def test_article_label() -> None:
    assert article_label(276, 1) == "第二百七十六条之一"
    assert article_label(82) == "第八十二条"
