import logging

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.privacy import ID_CHECK, ID_WEIGHTS, RedactingFilter, id18_valid, luhn_valid, redact

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


@st.composite
def resident_ids(draw) -> str:
    area = draw(st.integers(110000, 659999))
    year = draw(st.integers(1940, 2010))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    seq = draw(st.integers(0, 999))
    body = f"{area}{year:04d}{month:02d}{day:02d}{seq:03d}"
    check = ID_CHECK[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]
    return body + check


@st.composite
def mobiles(draw) -> str:
    return "1" + draw(st.sampled_from("3456789")) + "".join(draw(st.lists(digits, min_size=9, max_size=9)))


@st.composite
def bank_cards(draw) -> str:
    length = draw(st.integers(16, 19))
    body = "62" + "".join(draw(st.lists(digits, min_size=length - 3, max_size=length - 3)))
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


context = st.sampled_from(
    ["我的身份证是{}，", "电话{}找我", "工资卡{}被扣了", "{}", "老板欠我3万，卡号：{} 谢谢"]
)


@settings(max_examples=200)
@given(resident_ids(), context)
def test_generated_ids_never_survive(number: str, template: str) -> None:
    assert id18_valid(number)
    out = redact(template.format(number))
    assert number not in out and number[:-1] not in out


@settings(max_examples=200)
@given(mobiles(), context)
def test_generated_mobiles_never_survive(number: str, template: str) -> None:
    out = redact(template.format(number))
    assert number not in out and number[3:] not in out


@settings(max_examples=200)
@given(bank_cards(), context)
def test_generated_cards_never_survive(number: str, template: str) -> None:
    out = redact(template.format(number))
    assert number not in out


def test_ordinary_numbers_stay() -> None:
    text = "干了3个月，每月工资5000元，2024年6月1日离职，公司欠我15000块"
    assert redact(text) == text


def test_fifteen_digit_id_email_and_spaced_phone() -> None:
    out = redact("老身份证 110105491231002，邮箱 zhang.san@example.com，手机 138 0013 8000")
    assert "110105491231002" not in out and "example.com" not in out and "0013" not in out


def test_logging_filter_redacts_formatted_messages() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "worker phone %s", ("13800138000",), None)
    RedactingFilter().filter(record)
    assert "13800138000" not in record.getMessage()


def test_uvicorn_access_lines_are_redacted_and_still_formatted() -> None:
    """uvicorn's access formatter unpacks the record's five arguments: collapsing them into the
    message broke every access line with a logging error."""
    import io

    from uvicorn.logging import AccessFormatter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s'))
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("test.uvicorn.access")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        args = ("127.0.0.1:5000", "GET", "/v1/articles?phone=13800138000", "1.1", 200)
        logger.info('%s - "%s %s HTTP/%s" %d', *args)
    finally:
        logger.removeHandler(handler)
    (line,) = stream.getvalue().splitlines()
    assert line.startswith('127.0.0.1:5000 - "GET /v1/articles?phone=') and line.endswith(" 200 OK")
    assert "13800138000" not in line
    # An identifier hidden in a number argument: the line is collapsed and redacted instead.
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "number %d", (13800138000,), None)
    RedactingFilter().filter(record)
    assert record.args == () and "13800138000" not in record.getMessage()


def test_cards_in_groups_of_four_go_but_ids_of_other_shapes_stay() -> None:
    number = next(n for n in (f"6222021234567{i:03d}" for i in range(1000)) if luhn_valid(n))
    spaced = " ".join(number[i : i + 4] for i in range(0, 16, 4))
    assert spaced not in redact(f"工资卡 {spaced} 被扣了")
    # A build id made of digit runs of other lengths is not a card, even when its digits pass Luhn.
    for build in ("20261205-013422-4463-4d0931", "20261125-133151-11418"):
        assert redact(f"serving build {build}") == f"serving build {build}"


def test_labelled_card_numbers_go_whatever_their_checksum() -> None:
    """A worker who mistypes a digit of their wage card still typed their card number."""
    mistyped = "6222020200112233445"
    assert not luhn_valid(mistyped)
    question = f"我身份证号11010519491231002X，手机13912345678，工资卡{mistyped}，公司拖欠工资怎么办"
    out = redact(question)
    assert mistyped not in out and "11010519491231002X" not in out and "13912345678" not in out
    assert "工资卡[银行卡号已隐藏]" in out and out.endswith("公司拖欠工资怎么办")
    for template in (
        "银行卡号：{}",
        "卡号是 {} 谢谢",
        "我的工资卡（农行）{}被冻结了",
        "账号{}",
        "收款帐户 {}",
        "卡 {}",
    ):
        for number in (mistyped, "622202020011", "6222 0202 0011 2233 445", "6222-0202-0011-2233"):
            assert number not in redact(template.format(number)), template.format(number)


def test_unlabelled_long_numbers_keep_the_luhn_rule() -> None:
    # Without a label, a long digit run that fails Luhn may be anything (an order or a case number).
    for text in (
        "订单号6222020200112233445已经退款",
        "仲裁案号 202412345678 还没开庭",
        "工资卡丢了，6222020200112233445",
    ):
        assert redact(text) == text
    # A label a clause away does not reach; a short number after a label stays (卡里只有300元).
    assert redact("打卡记录少了3天，卡里只有300元") == "打卡记录少了3天，卡里只有300元"
