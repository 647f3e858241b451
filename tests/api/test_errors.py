"""Bad input gets the right 4xx with a JSON `{code, message}` in Chinese; never a 500."""

import json
import socket
from collections.abc import Iterator
from urllib.parse import urlparse

import httpx
import pytest

JSON = {"content-type": "application/json"}


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"]), body["message"]


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (b"", 422, "missing_body"),
        (b"{", 400, "malformed_json"),
        (b'{"question": "x",}', 400, "malformed_json"),
        (b"[]", 422, "invalid_body"),
        (b'"just a string"', 422, "invalid_body"),
        (b"{}", 422, "missing_field"),
        (b'{"question": ""}', 422, "empty_question"),
        (b'{"question": "  \\n\\t "}', 422, "empty_question"),
        (b'{"question": 5}', 422, "invalid_type"),
        (b'{"question": null}', 422, "invalid_type"),
        (b'{"question": "x", "conversation_id": "../../etc"}', 422, "invalid_format"),
        (b'{"question": "x", "conversation_id": 12}', 422, "invalid_type"),
        ('{"question": "\ud800"}'.encode("utf-8", "surrogatepass"), 422, "invalid_text"),
        (b'{"question": "\\ud800 x"}', 422, "invalid_text"),
        (b'{"question": "\\u0000\\u0001"}', 422, "empty_question"),
    ],
)
def test_malformed_requests(client: httpx.Client, content: bytes, status: int, code: str) -> None:
    for path in ("/v1/chat", "/v1/chat/stream"):
        assert_error(client.post(path, content=content, headers=JSON), status, code)


def test_question_length_is_capped_in_characters(client: httpx.Client) -> None:
    too_long = "公司拖欠工资" * 334  # 2,004 characters, ~6 KB: under the body cap, over the question cap
    for path in ("/v1/chat", "/v1/chat/stream"):
        response = client.post(path, json={"question": too_long})
        assert_error(response, 422, "question_too_long")
        assert "2000" in response.json()["message"]
    assert client.post("/v1/chat", json={"question": "拖欠工资" * 500}).status_code == 200  # exactly 2,000


def test_body_size_is_capped_in_bytes(client: httpx.Client) -> None:
    big = json.dumps({"question": "拖" * 30_000}, ensure_ascii=False).encode()  # 30k characters, 90 KB
    assert_error(client.post("/v1/chat", content=big, headers=JSON), 413, "body_too_large")


def chunked_post(base_url: str, path: str, body: bytes) -> tuple[int, bytes]:
    """A POST without Content-Length (chunked), so only counting the bytes can catch it."""
    url = urlparse(base_url)
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
        sock.sendall((head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode())
        try:
            for start in range(0, len(body), 8192):
                piece = body[start : start + 8192]
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before the whole body is sent
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.split(b"\r\n\r\n", 1)[1]


def test_body_cap_counts_chunked_bodies_too(offline_api: str) -> None:
    status, payload = chunked_post(offline_api, "/v1/chat", b'{"question": "' + b"a" * 100_000 + b'"}')
    assert status == 413 and b"body_too_large" in payload


def test_curl_style_form_content_type_still_reads_json(client: httpx.Client) -> None:
    # `curl -d '{"question": …}'` labels the body application/x-www-form-urlencoded.
    body = json.dumps({"question": "加班费怎么算"}).encode()
    response = client.post(
        "/v1/chat", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 200 and response.json()["citations"]


def test_unknown_routes_and_methods(client: httpx.Client) -> None:
    assert_error(client.get("/v1/nothing-here"), 404, "not_found")
    assert_error(client.get("/v1/chat"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/v1/articles/劳动合同法/999", 404, "article_not_found"),
        ("/v1/articles/火星劳动法/1", 404, "law_not_found"),
        ("/v1/articles/劳动合同法/abc", 422, "invalid_article"),
        ("/v1/articles/劳动合同法/82?sub=abc", 422, "invalid_type"),
        ("/v1/search", 422, "missing_field"),
        ("/v1/search?q=%20%20", 422, "empty_question"),
        ("/v1/search?q=加班&k=0", 422, "out_of_range"),
        ("/v1/search?q=加班&k=abc", 422, "invalid_type"),
    ],
)
def test_bad_lookups(client: httpx.Client, path: str, status: int, code: str) -> None:
    assert_error(client.get(path), status, code)


@pytest.fixture
def raw_client(offline_api: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=offline_api, timeout=30) as c:
        yield c


def test_no_input_gives_a_500(raw_client: httpx.Client) -> None:
    odd = [
        b"\x00\x01\x02",
        b'{"question": "\\u0000"}',
        b'{"question": "' + "𠀀".encode() * 10 + b'"}',
        b'{"question": "%s"}' % ("a" * 1999).encode(),
        b'{"question": {"nested": true}}',
        json.dumps({"question": "第九九九九九九条"}).encode(),
        json.dumps({"question": "《》第条[99999]【】"}).encode(),
    ]
    for body in odd:
        for path in ("/v1/chat", "/v1/chat/stream"):
            response = raw_client.post(path, content=body, headers=JSON)
            assert response.status_code < 500, (body, response.text)


def test_validation_errors_name_the_field_and_what_it_should_be(client: httpx.Client) -> None:
    escalate = "/v1/conversations/c1/escalate"
    contact = client.post(escalate, json={"contact": "13800138000 王师傅"})
    assert_error(contact, 422, "invalid_type")
    message = contact.json()["message"]
    assert "contact" in message and "应为对象" in message and '"phone"' in message
    assert "question" not in message  # not the chat example
    phone = client.post(escalate, json={"contact": {"phone": "王师傅"}})
    assert_error(phone, 422, "invalid_format")
    assert "contact.phone" in phone.json()["message"] and "13800138000" in phone.json()["message"]
    body = client.post(escalate, content=b"[]", headers=JSON)
    assert_error(body, 422, "invalid_body")
    assert '"contact"' in body.json()["message"] and "question" not in body.json()["message"]
    note = client.post(escalate, json={"note": "x" * 501})
    assert_error(note, 422, "too_long")
    assert "note" in note.json()["message"] and "500" in note.json()["message"]
    feedback = client.post("/v1/messages/m1/feedback", json={"helpful": "很有用"})
    assert_error(feedback, 422, "invalid_type")
    assert "helpful" in feedback.json()["message"] and "true 或 false" in feedback.json()["message"]
    k = client.get("/v1/search", params={"q": "加班", "k": 0})
    assert "不能小于 1" in k.json()["message"]


def test_an_unknown_field_is_refused_by_name(client: httpx.Client) -> None:
    # A misspelt conversation_id must not silently start a new conversation.
    typo = client.post("/v1/chat", json={"question": "加班费怎么算", "conversationid": "abc"})
    assert_error(typo, 422, "unknown_field")
    assert "conversationid" in typo.json()["message"] and '"question"' in typo.json()["message"]
    escalate = client.post("/v1/conversations/c1/escalate", json={"reason": "worker_request"})
    assert_error(escalate, 422, "unknown_field")
    assert "reason" in escalate.json()["message"]
    nested = client.post("/v1/conversations/c1/escalate", json={"contact": {"mobile": "13800138000"}})
    assert_error(nested, 422, "unknown_field")
    assert "contact.mobile" in nested.json()["message"]


def test_pages_answer_head_requests(client: httpx.Client) -> None:
    for path in ("/", "/lawyer"):
        head = client.head(path)
        assert head.status_code == 200 and head.headers["content-type"].startswith("text/html")
        assert head.content == b""


def test_a_field_sent_under_another_name_is_named_with_the_right_one(client: httpx.Client) -> None:
    """{"q": …} for {"question": …}: "缺少问题" alone leaves the caller guessing what was wrong."""
    renamed = client.post("/v1/chat", json={"q": "老板欠薪怎么办"})
    assert_error(renamed, 422, "missing_field")
    message = renamed.json()["message"]
    assert "问题（question）" in message and "收到的是 q" in message and '"question"' in message
    missing = client.post("/v1/chat", json={})
    assert missing.json()["message"] == "缺少问题（question）"  # nothing else sent: nothing else to say
