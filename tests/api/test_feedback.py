"""有用 / 没用 on answers: stored, 404 for unknown answers, and repeated 没用 escalates."""

import httpx


def ask(base: str, question: str, conversation_id: str | None = None) -> dict:
    body = {"question": question} | ({"conversation_id": conversation_id} if conversation_id else {})
    response = httpx.post(f"{base}/v1/chat", json=body, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def test_repeated_negative_feedback_escalates(offline_api: str) -> None:
    first = ask(offline_api, "试用期工资可以低于最低工资吗")
    cid = first["conversation_id"]
    assert "不满意" not in str(first["escalation"]["reasons"])
    vote = httpx.post(
        f"{offline_api}/v1/messages/{first['message_id']}/feedback", json={"helpful": False}, timeout=30
    )
    assert vote.status_code == 200 and vote.json()["negative_in_conversation"] == 1
    second = ask(offline_api, "那试用期最长多久", cid)
    httpx.post(
        f"{offline_api}/v1/messages/{second['message_id']}/feedback", json={"helpful": False}, timeout=30
    )
    # Changing one's mind replaces the earlier vote rather than adding another.
    again = httpx.post(
        f"{offline_api}/v1/messages/{second['message_id']}/feedback", json={"helpful": False}, timeout=30
    )
    assert again.json()["negative_in_conversation"] == 2
    third = ask(offline_api, "那试用期能随便辞退吗", cid)
    assert third["escalation"]["suggested"]
    assert "不满意" in str(third["escalation"]["reasons"])


def test_feedback_errors(offline_api: str) -> None:
    missing = httpx.post(f"{offline_api}/v1/messages/nope/feedback", json={"helpful": True}, timeout=30)
    assert missing.status_code == 404 and missing.json()["code"] == "message_not_found"
    first = ask(offline_api, "加班费怎么算")
    bad = httpx.post(
        f"{offline_api}/v1/messages/{first['message_id']}/feedback", json={"helpful": "maybe"}, timeout=30
    )
    assert bad.status_code == 422
