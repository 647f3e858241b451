"""POST /v1/chat against a real uvicorn server, offline and with the fake LLM."""

import json
import re

import httpx
import pytest

from assistant.answer.fake_llm import FakeLLM

NO_CONTRACT = "入职三个月了公司一直没签劳动合同"
RIGHT_ARTICLES = {
    ("劳动合同法", 10),
    ("劳动合同法", 82),
    ("劳动合同法实施条例", 6),
    ("劳动合同法实施条例", 7),
}


def assert_citations_resolve(client: httpx.Client, body: dict) -> None:
    for citation in body["citations"]:
        article = client.get(citation["url"])
        assert article.status_code == 200, citation
        assert article.json()["id"] == citation["id"] and article.json()["in_force"]
    shown = {c["n"] for c in body["citations"]} | {c["n"] for c in body["cases"]}
    assert {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])} <= shown


def test_chat_answers_with_resolvable_citations(client: httpx.Client) -> None:
    response = client.post("/v1/chat", json={"question": NO_CONTRACT})
    assert response.status_code == 200
    body = response.json()
    assert {(c["law"], c["article"]) for c in body["citations"]} & RIGHT_ARTICLES
    assert body["mode"] == "offline" and body["confidence"] in ("high", "medium")
    assert body["escalation"] == {"suggested": False, "reasons": []}
    assert set(body["timings"]) >= {"retrieve", "generate", "total"}
    assert "不是律师意见" in body["answer"] and "12351" in body["answer"]
    assert_citations_resolve(client, body)

    conversation = client.get(f"/v1/conversations/{body['conversation_id']}").json()
    assert [m["role"] for m in conversation["messages"]] == ["user", "assistant"]
    stored = conversation["messages"][1]
    assert stored["id"] == body["message_id"] and stored["content"] == body["answer"]
    assert stored["citations"] == body["citations"] and stored["status"] == "complete"


def test_follow_ups_use_the_conversation(client: httpx.Client) -> None:
    first = client.post("/v1/chat", json={"question": NO_CONTRACT}).json()
    cid = first["conversation_id"]

    overtime = client.post("/v1/chat", json={"question": "那加班费呢？", "conversation_id": cid}).json()
    assert overtime["conversation_id"] == cid
    assert (
        overtime["rewritten_question"].startswith("加班费") and "签劳动合同" in overtime["rewritten_question"]
    )

    article = client.post("/v1/chat", json={"question": "第八十二条呢", "conversation_id": cid}).json()
    assert article["rewritten_question"] == "劳动合同法第八十二条呢"
    assert ("劳动合同法", 82) in {(c["law"], c["article"]) for c in article["citations"]}
    assert article["confidence"] == "high"

    messages = client.get(f"/v1/conversations/{cid}").json()["messages"]
    assert len(messages) == 6 and messages[2]["rewritten_question"] == overtime["rewritten_question"]


def test_unknown_conversation_is_404(client: httpx.Client) -> None:
    response = client.post("/v1/chat", json={"question": "加班费怎么算", "conversation_id": "0" * 32})
    assert response.status_code == 404 and response.json()["code"] == "conversation_not_found"
    response = client.get(f"/v1/conversations/{'0' * 32}")
    assert response.status_code == 404 and response.json()["code"] == "conversation_not_found"


def test_llm_invented_citations_never_reach_the_worker(llm_client: httpx.Client, script: FakeLLM) -> None:
    response = llm_client.post("/v1/chat", json={"question": NO_CONTRACT})
    body = response.json()
    assert body["mode"] == "llm" and script.requests
    stored = llm_client.get(f"/v1/conversations/{body['conversation_id']}").json()
    everything = json.dumps([body, stored], ensure_ascii=False)
    for invented in ("第一百二十条", "《劳动法》第九十九条", "三倍的赔偿金"):
        assert invented not in everything, invented
    assert body["verification"]["removed"] == 2 and body["citations"]
    assert_citations_resolve(llm_client, body)


def test_llm_answer_with_no_valid_citation_is_low_confidence(
    llm_client: httpx.Client, script: FakeLLM
) -> None:
    script.script.reply = (
        "《劳动法》第九十九条规定，公司必须赔偿你十万元。《劳动合同法》第一百二十条也这么说。"
    )
    body = llm_client.post("/v1/chat", json={"question": NO_CONTRACT}).json()
    assert body["mode"] == "llm" and body["confidence"] == "low"
    assert body["escalation"]["suggested"] and body["escalation"]["reasons"]
    assert "十万元" not in body["answer"] and "九十九" not in body["answer"]


@pytest.mark.integration
def test_llm_timeout_falls_back_to_offline(llm_client: httpx.Client, script: FakeLLM) -> None:
    script.script.delay_s = 2.5  # the server gives the model 1 s
    body = llm_client.post("/v1/chat", json={"question": NO_CONTRACT}).json()
    assert body["mode"] == "offline" and body["fallback_reason"] == "llm_timeout"
    assert "**结论**" in body["answer"] and body["citations"]
