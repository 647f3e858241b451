"""POST /v1/chat/stream: SSE over a real uvicorn server, parsed the way a mini-program must."""

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api.main import create_app
from assistant.answer.fake_llm import FakeLLM, RunningServer, serve_in_thread
from assistant.config import Settings
from tests.api.conftest import llm_settings
from tests.api.sse import parse_events, split_every

QUESTION = "入职三个月了公司一直没签劳动合同"


def stream(client: httpx.Client, body: dict[str, Any]) -> tuple[httpx.Response, bytes, float]:
    """Raw bytes of one stream and the seconds until its first byte."""
    started = time.perf_counter()
    first: float | None = None
    chunks = []
    with client.stream("POST", "/v1/chat/stream", json=body) as response:
        for chunk in response.iter_raw():
            if first is None:
                first = time.perf_counter() - started
            chunks.append(chunk)
    return response, b"".join(chunks), first or 0.0


def test_stream_parses_into_meta_deltas_done(client: httpx.Client) -> None:
    response, raw, _ = stream(client, {"question": QUESTION})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    events = parse_events([raw])
    names = [name for name, _ in events]
    assert names[0] == "meta" and names[-1] == "done" and set(names[1:-1]) == {"delta"}
    meta, done = events[0][1], events[-1][1]
    assert meta["conversation_id"] == done["conversation_id"] and meta["message_id"] == done["message_id"]
    assert {c["n"] for c in done["citations"]} <= {c["n"] for c in meta["citations"]}
    assert "".join(data["text"] for name, data in events if name == "delta") == done["answer"]
    assert done["mode"] == "offline" and done["citations"]
    # The answer is stored with the conversation, the same as the stream's final object.
    stored = client.get(f"/v1/conversations/{done['conversation_id']}").json()["messages"][-1]
    assert stored["status"] == "complete" and stored["content"] == done["answer"]


def test_every_byte_is_ascii_so_no_split_can_cut_a_character(client: httpx.Client) -> None:
    _, raw, _ = stream(client, {"question": QUESTION})
    assert max(raw) < 0x80
    expected = parse_events([raw])
    assert "签" in expected[-1][1]["answer"]
    for size in (1, 2, 3, 5, 7, 64):
        assert parse_events(split_every(raw, size)) == expected


def test_a_client_decoder_that_keeps_partial_characters_also_works() -> None:
    # Were a proxy to re-encode the payload as raw UTF-8, an incremental decoder still reassembles it.
    import codecs

    raw = 'event: delta\ndata: {"text":"你好，劳动合同"}\n\n'.encode()
    decoder = codecs.getincrementaldecoder("utf-8")()
    text = "".join(decoder.decode(chunk) for chunk in split_every(raw, 1)) + decoder.decode(b"", final=True)
    assert parse_events([text.encode()], decode="utf-8") == [("delta", {"text": "你好，劳动合同"})]


def test_first_event_comes_quickly(client: httpx.Client) -> None:
    _, _, first = stream(client, {"question": "加班费怎么算"})
    assert first < 2.0  # the benchmark measures the real figure; this guards against buffering


def test_stream_errors_are_json_before_the_stream_starts(client: httpx.Client) -> None:
    response = client.post("/v1/chat/stream", json={"question": "加班", "conversation_id": "f" * 32})
    assert response.status_code == 404 and response.json()["code"] == "conversation_not_found"
    response = client.post("/v1/chat/stream", json={"question": "   "})
    assert response.status_code == 422 and response.json()["code"] == "empty_question"


def test_llm_stream_never_shows_invented_citations(llm_client: httpx.Client, script: FakeLLM) -> None:
    script.script.chunk_chars = 2
    _, raw, _ = stream(llm_client, {"question": QUESTION})
    events = parse_events([raw])
    done = events[-1][1]
    assert done["mode"] == "llm"
    shown = json.dumps([data for _, data in events], ensure_ascii=False)
    for invented in ("第一百二十条", "《劳动法》第九十九条", "三倍的赔偿金"):
        assert invented not in shown, invented
    assert "".join(d["text"] for n, d in events if n == "delta") == done["answer"]
    assert done["verification"]["removed"] == 2


@pytest.mark.integration
def test_llm_stream_timeout_falls_back_to_offline(llm_client: httpx.Client, script: FakeLLM) -> None:
    script.script.delay_s = 2.5
    _, raw, _ = stream(llm_client, {"question": QUESTION})
    done = parse_events([raw])[-1][1]
    assert (
        done["mode"] == "offline"
        and done["fallback_reason"] == "llm_timeout"
        and "**结论**" in done["answer"]
    )


@pytest.mark.integration
def test_llm_failing_mid_stream_keeps_what_was_shown(llm_client: httpx.Client, script: FakeLLM) -> None:
    # A fixed reply, so the test does not depend on which article retrieval puts first: its short
    # first sentence gets out, then the model goes silent in the middle of the second.
    script.script.reply = (
        "你的情况法律有明确规定[1]。" + "接下来本该说明怎样申请仲裁、要准备哪些证据以及时效，" * 4
    )
    script.script.stall_after_chunks = 20
    _, raw, _ = stream(llm_client, {"question": QUESTION})
    events = parse_events([raw])
    done = events[-1][1]
    assert done["mode"] == "offline" and done["fallback_reason"] == "llm_interrupted"
    assert "AI 回答中断" in done["answer"] and "**结论**" in done["answer"]
    assert "".join(d["text"] for n, d in events if n == "delta") == done["answer"]


@pytest.fixture(scope="module")
def capped_api(
    built_settings: Settings,
    fake_llm: tuple[FakeLLM, RunningServer],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """A server whose streams end after 1 s, with heartbeats every 0.3 s and a patient LLM client."""
    settings = llm_settings(
        built_settings,
        tmp_path_factory.mktemp("capped-db"),
        fake_llm[1],
        llm_timeout_s=2.0,
        stream_max_seconds=1.0,
        stream_heartbeat_seconds=0.3,
    )
    server = serve_in_thread(create_app(settings))
    yield server.url
    server.stop()


@pytest.mark.integration
def test_stream_ends_by_its_cap_and_the_answer_arrives_later(capped_api: str, script: FakeLLM) -> None:
    script.script.delay_s = 1.5  # slower than the stream cap, quicker than the LLM timeout
    with httpx.Client(base_url=capped_api, timeout=30) as client:
        started = time.perf_counter()
        _, raw, _ = stream(client, {"question": QUESTION})
        elapsed = time.perf_counter() - started
        events = parse_events([raw])
        names = [name for name, _ in events]
        assert names[0] == "meta" and names[-1] == "continue" and "comment" in names
        assert elapsed < 1.8
        info = events[-1][1]
        url = f"/v1/conversations/{info['conversation_id']}"
        assert client.get(url).json()["messages"][-1]["status"] == "pending"
        deadline = time.monotonic() + 10
        while (last := client.get(url).json()["messages"][-1])["status"] == "pending":
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert last["id"] == info["message_id"] and last["status"] == "complete"
        assert last["mode"] == "llm" and "第一百二十条" not in last["content"] and last["citations"]
