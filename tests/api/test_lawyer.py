"""Escalation end to end against a real uvicorn server: the policy opens tickets from /v1/chat, the
worker escalates and reads only their own ticket, lawyers sign in with bearer tokens, claim (first
wins), reply with verified citations, close and reopen; the reply appears in the conversation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.main import create_app
from assistant.answer.fake_llm import serve_in_thread
from assistant.config import Settings
from assistant.tickets import TicketStore
from tests.api.conftest import api_settings
from tests.api.sse import parse_events

ASK_LAWYER = "老板欠我工资半年不给，我要找律师"
ORDINARY = "公司不给我签劳动合同，能要双倍工资吗"


@dataclass
class Desk:
    url: str
    settings: Settings
    store: TicketStore
    zhang: str
    li: str
    admin: str


@pytest.fixture(scope="module")
def desk(built_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    settings = api_settings(built_settings, tmp_path_factory.mktemp("lawyer-db"))
    store = TicketStore(settings.tickets_db_url)
    tokens = [
        store.add_lawyer(name, role)[1]
        for name, role in (("张律师", "lawyer"), ("李律师", "lawyer"), ("王主任", "admin"))
    ]
    server = serve_in_thread(create_app(settings))
    yield Desk(server.url, settings, store, *tokens)
    server.stop()
    store.close()


@pytest.fixture
def client(desk: Desk) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=desk.url, timeout=60) as c:
        yield c


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def chat(client: httpx.Client, question: str, conversation_id: str | None = None) -> dict[str, Any]:
    response = client.post("/v1/chat", json={"question": question, "conversation_id": conversation_id})
    assert response.status_code == 200, response.text
    return response.json()


def test_policy_opens_a_ticket_from_chat(client: httpx.Client) -> None:
    body = chat(client, ASK_LAWYER)
    ticket = body["ticket"]
    assert ticket is not None and ticket["created"] and ticket["status"] == "pending"
    assert ticket["number"] == f"{ticket['id']:06d}" and ticket["token"]
    assert "explicit_request" in [r["code"] for r in ticket["reasons"]]
    assert ticket["number"] in ticket["notice"] and "预计" in ticket["notice"]
    # The worker reads it with the ticket token; another question in the conversation keeps one ticket.
    seen = client.get(f"/v1/tickets/{ticket['id']}", headers={"X-Ticket-Token": ticket["token"]})
    assert seen.status_code == 200 and seen.json()["status"] == "pending" and seen.json()["reply"] is None
    again = chat(client, "老板还说要扣我押金，能不能让律师一起看看", body["conversation_id"])
    assert again["ticket"]["id"] == ticket["id"] and not again["ticket"]["created"]
    conversation = client.get(f"/v1/conversations/{body['conversation_id']}").json()
    assert [t["id"] for t in conversation["tickets"]] == [ticket["id"]] and "token" not in conversation[
        "tickets"
    ][0]


def test_asking_for_a_lawyer_does_not_become_the_legal_issue(desk: Desk, client: httpx.Client) -> None:
    """找律师 asks for a person: the wage arrears are the question, for the worker and for the lawyer's
    AI draft; legal aid articles do not take their place."""
    body = chat(client, "在物流园干了两年，老板欠我三个月工资，我要找律师")
    assert "欠薪" in body["topics"] and "法律援助" not in body["topics"]
    laws = [c["law"] for c in body["citations"]]
    assert "法律援助法" not in laws[:3] and "劳动报酬" in "".join(c["text"] for c in body["citations"][:3])
    assert body["ticket"] is not None and "explicit_request" in [r["code"] for r in body["ticket"]["reasons"]]
    view = client.get(f"/v1/lawyer/tickets/{body['ticket']['id']}", headers=bearer(desk.zhang)).json()
    assert view["draft"] == body["answer"] and "欠薪" in view["draft"]
    assert not any(c["law"] == "法律援助法" for c in view["draft_citations"][:3])
    # A question about legal aid itself still is one: 请不起律师 asks about it, not for a person.
    aid = chat(client, "老板欠我工资，我请不起律师怎么办")
    assert "法律援助" in aid["topics"]


def test_ordinary_questions_open_no_ticket(client: httpx.Client) -> None:
    body = chat(client, ORDINARY)
    assert body["ticket"] is None and body["escalation"]["suggested"] is False


def test_chatter_is_not_a_case_but_asking_for_a_person_is(client: httpx.Client) -> None:
    # 你好 or a keyboard mash raises no labour question: a short guide, no articles, no ticket for a
    # lawyer to clear. 转人工 alone is a request for a person: a ticket, still without articles.
    for message in ("你好", "asdfghjkl qwerty"):
        body = chat(client, message)
        assert body["recognized"] is False and body["citations"] == [] and body["ticket"] is None
        assert "劳动法律咨询助手" in body["answer"] and not body["escalation"]["suggested"]
    body = chat(client, "转人工")
    assert body["recognized"] is False and body["citations"] == []
    assert body["ticket"] is not None and "explicit_request" in [r["code"] for r in body["ticket"]["reasons"]]


def test_repeated_negative_feedback_opens_a_ticket(client: httpx.Client) -> None:
    first = chat(client, ORDINARY)
    cid = first["conversation_id"]
    second = chat(client, "那试用期可以不签合同吗", cid)
    assert second["ticket"] is None
    for answer in (first, second):
        vote = client.post(f"/v1/messages/{answer['message_id']}/feedback", json={"helpful": False})
        assert vote.status_code == 200
    third = chat(client, "加班费怎么算", cid)
    assert third["ticket"] is not None
    assert "negative_feedback" in [r["code"] for r in third["ticket"]["reasons"]]


def test_danger_puts_the_safety_message_first(client: httpx.Client) -> None:
    body = chat(client, "老板欠了我半年工钱，我真的不想活了")
    assert body["answer"].startswith("【安全提示】")
    head = body["answer"][:300]
    for number in ("110", "120", "12356", "12351"):
        assert number in head
    assert body["ticket"]["priority"] == "urgent"
    with client.stream(
        "POST", "/v1/chat/stream", json={"question": "再不给钱我就拿刀去砍了老板"}
    ) as response:
        events = parse_events(response.iter_raw())
    deltas = [data["text"] for name, data in events if name == "delta"]
    assert deltas[0].startswith("【安全提示】") and "不要动手" in deltas[0]
    done = next(data for name, data in events if name == "done")
    assert done["answer"] == "".join(deltas) and done["ticket"]["priority"] == "urgent"


def test_death_and_a_child_at_work_open_urgent_tickets_with_their_own_safety_lines(
    client: httpx.Client,
) -> None:
    death = chat(client, "我哥在工地被塔吊砸中，送到医院没抢救过来，老板让我们先签个协议")
    assert death["answer"].startswith("【安全提示】") and "别在任何协议上签字" in death["answer"][:400]
    assert death["ticket"]["priority"] == "urgent"
    assert "death_or_serious_injury" in [r["code"] for r in death["ticket"]["reasons"]]
    child = chat(client, "我今年才十四，在饭店后厨帮工，老板说童工不给钱")
    assert child["answer"].startswith("【安全提示】") and "停止工作" in child["answer"][:400]
    assert child["ticket"]["priority"] == "urgent"


def test_worker_escalation_is_idempotent(client: httpx.Client) -> None:
    cid = chat(client, ORDINARY)["conversation_id"]
    key = {"Idempotency-Key": "phone-retry-1"}
    first = client.post(f"/v1/conversations/{cid}/escalate", headers=key, json={"note": "想请律师看看"})
    assert first.status_code == 201, first.text
    replay = client.post(f"/v1/conversations/{cid}/escalate", headers=key, json={"note": "想请律师看看"})
    assert replay.status_code == 201 and replay.json() == first.json()
    reused = client.post(f"/v1/conversations/{cid}/escalate", headers=key, json={"note": "另一件事"})
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"
    without_key = client.post(f"/v1/conversations/{cid}/escalate")
    assert without_key.status_code == 200 and without_key.json()["id"] == first.json()["id"]
    assert client.post("/v1/conversations/" + "0" * 32 + "/escalate").status_code == 404
    bad_key = client.post(f"/v1/conversations/{cid}/escalate", headers={"Idempotency-Key": "x" * 201})
    assert bad_key.status_code == 422


def test_worker_cannot_read_another_workers_ticket(client: httpx.Client) -> None:
    mine = client.post(f"/v1/conversations/{chat(client, ORDINARY)['conversation_id']}/escalate").json()
    theirs = client.post(f"/v1/conversations/{chat(client, ORDINARY)['conversation_id']}/escalate").json()
    assert (
        client.get(f"/v1/tickets/{mine['id']}", headers={"X-Ticket-Token": mine["token"]}).status_code == 200
    )
    stolen = client.get(f"/v1/tickets/{theirs['id']}", headers={"X-Ticket-Token": mine["token"]})
    assert stolen.status_code == 404 and stolen.json()["code"] == "ticket_not_found"
    assert client.get(f"/v1/tickets/{theirs['id']}").status_code == 401
    assert client.get("/v1/tickets/999999", headers={"X-Ticket-Token": mine["token"]}).status_code == 404


def test_every_lawyer_route_needs_a_lawyer_token(desk: Desk, client: httpx.Client) -> None:
    worker = client.post(f"/v1/conversations/{chat(client, ORDINARY)['conversation_id']}/escalate").json()
    # Generated from the API description, so a new lawyer route cannot forget its check.
    paths = create_app(desk.settings).openapi()["paths"]
    operations = [(m.upper(), p) for p, item in paths.items() if p.startswith("/v1/lawyer") for m in item]
    assert len(operations) >= 9
    for method, template in operations:
        path = template.replace("{ticket_id}", str(worker["id"]))
        for headers in (
            {},
            bearer("lcl_not-a-token"),
            bearer(worker["token"]),
            {"Authorization": "Basic eDp5"},
        ):
            response = client.request(method, path, headers=headers)
            assert response.status_code == 401, (method, path, headers, response.text)
            assert response.headers.get("www-authenticate") == "Bearer"
    # Admin-only views: 403 for a lawyer, 200 for an admin.
    for path in ("/v1/lawyer/audit", "/v1/lawyer/lawyers"):
        forbidden = client.get(path, headers=bearer(desk.zhang))
        assert forbidden.status_code == 403 and forbidden.json()["code"] == "forbidden"
        assert client.get(path, headers=bearer(desk.admin)).status_code == 200
    assert client.get("/v1/lawyer/me", headers=bearer(desk.zhang)).json() == {
        "id": 1,
        "name": "张律师",
        "role": "lawyer",
    }


def test_claim_reply_send_close_reopen(desk: Desk, client: httpx.Client) -> None:
    body = chat(client, ASK_LAWYER)
    cid, ticket_id, token = body["conversation_id"], body["ticket"]["id"], body["ticket"]["token"]
    zhang, li, admin = bearer(desk.zhang), bearer(desk.li), bearer(desk.admin)
    path = f"/v1/lawyer/tickets/{ticket_id}"

    queue = client.get("/v1/lawyer/tickets", params={"status": ["pending"]}, headers=zhang).json()
    row = next(t for t in queue["tickets"] if t["id"] == ticket_id)
    assert row["due_at"] and row["overdue"] is False and 0 < row["seconds_left"] <= 24 * 3600
    view = client.get(path, headers=zhang).json()
    assert view["draft"] == body["answer"] and view["conversation"][0]["content"] == ASK_LAWYER
    assert view["draft_citations"] and all(c["text"] for c in view["draft_citations"])  # full article text

    for action in ("/close", "/reopen"):
        assert client.post(path + action, headers=zhang).status_code == 409
    early = client.post(path + "/replies", headers=zhang, json={"body": "x", "send": True})
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"

    assert client.post(path + "/claim", headers=zhang).json()["status"] == "claimed"
    taken = client.post(path + "/claim", headers=li)
    assert taken.status_code == 409 and "律师已接单" in taken.json()["message"]
    other = client.post(path + "/replies", headers=li, json={"body": "我来答", "send": True})
    assert other.status_code == 409 and other.json()["code"] == "claimed_by_other"

    draft = client.post(path + "/replies", headers=zhang, json={"body": "先存一版", "send": False})
    assert draft.status_code == 201 and draft.json()["reply"]["version"] == 1
    invented = client.post(
        path + "/replies",
        headers=zhang,
        json={"body": "依据《劳动合同法》第九百条，公司应当赔偿。", "send": True},
    )
    assert (
        invented.status_code == 422
        and "第九百条（法规库中没有这部法规或这一条）" in invented.json()["message"]
    )
    repealed = client.post(
        path + "/replies",
        headers=zhang,
        json={
            "body": "依据《最高人民法院关于审理劳动争议案件适用法律若干问题的解释（三）》第九条，应当支持。",
            "send": True,
        },
    )
    assert (
        repealed.status_code == 422 and "第九条（已废止、已失效或不是现行版本）" in repealed.json()["message"]
    )
    reply = (
        "您好，我是工会律师。用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬"
        "（《劳动合同法》第三十条）。拖欠的，可以向劳动保障监察投诉，或者申请劳动争议仲裁。"
    )
    sent = client.post(path + "/replies", headers=zhang, json={"body": reply, "send": True})
    assert sent.status_code == 201, sent.text
    saved = sent.json()
    assert (
        saved["ticket"]["status"] == "answered" and saved["reply"]["version"] == 2 and saved["reply"]["sent"]
    )
    assert [(c["law"], c["article"]) for c in saved["reply"]["citations"]] == [("劳动合同法", 30)]

    messages = client.get(f"/v1/conversations/{cid}").json()["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "lawyer"]
    lawyer_message = messages[-1]
    assert lawyer_message["content"] == reply and lawyer_message["lawyer"] == "张律师"
    assert lawyer_message["citations"][0]["text"].startswith("用人单位应当按照劳动合同约定")
    worker_view = client.get(f"/v1/tickets/{ticket_id}", headers={"X-Ticket-Token": token}).json()
    assert worker_view["status"] == "answered" and worker_view["reply"]["content"] == reply
    # One wording per state: the lawyer reads what the worker reads.
    assert client.get(path, headers=zhang).json()["status_text"] == worker_view["status_text"] == "律师已答复"

    assert client.post(path + "/claim", headers=li).status_code == 409
    assert client.post(path + "/close", headers=zhang).json()["status"] == "closed"
    assert client.post(path + "/close", headers=zhang).status_code == 409
    reopened = client.post(path + "/reopen", headers=li, json={"note": "劳动者补充了材料"}).json()
    assert (
        reopened["status"] == "reopened" and reopened["claimed_by"] is None and reopened["reopen_count"] == 1
    )
    assert client.post(path + "/claim", headers=li).json()["claimed_by"] == "李律师"
    detail = client.get(path, headers=admin).json()
    # A send refused for its citations stored nothing: version 1 (draft), version 2 (sent).
    assert [(r["version"], r["sent"]) for r in detail["replies"]] == [(1, False), (2, True)]
    actions = [a["action"] for a in detail["audit"]]
    assert actions[:1] == ["created"] and actions[-2:] == ["reopened", "claimed"]
    assert "reply_sent" in actions and "closed" in actions
    audit = client.get("/v1/lawyer/audit", params={"ticket_id": ticket_id}, headers=admin).json()
    assert [a["action"] for a in audit] == actions


def test_a_bad_reply_body_names_its_field_in_chinese(desk: Desk, client: httpx.Client) -> None:
    path = "/v1/lawyer/tickets/1/replies"
    renamed = client.post(path, headers=bearer(desk.zhang), json={"text": "您好"})
    assert renamed.status_code == 422
    message = renamed.json()["message"]
    assert message.startswith("缺少回复正文（body）") and "收到的是 text" in message and '"send"' in message
    empty = client.post(path, headers=bearer(desk.zhang), json={"body": ""})
    assert empty.status_code == 422 and empty.json()["message"] == "回复正文（body）不能为空"


def test_queue_filters_and_overdue_sorting(desk: Desk, client: httpx.Client) -> None:
    zhang = bearer(desk.zhang)
    urgent = chat(client, "包工头说再去要钱就弄死我")["ticket"]
    by_priority = client.get("/v1/lawyer/tickets", params={"sort": "priority"}, headers=zhang).json()[
        "tickets"
    ]
    assert by_priority[0]["priority"] == "urgent"
    only_urgent = client.get("/v1/lawyer/tickets", params={"priority": "urgent"}, headers=zhang).json()[
        "tickets"
    ]
    assert urgent["id"] in [t["id"] for t in only_urgent] and {t["priority"] for t in only_urgent} == {
        "urgent"
    }
    overdue = client.get("/v1/lawyer/tickets", params={"overdue": "true"}, headers=zhang).json()["tickets"]
    assert overdue == []  # nothing here is 24 hours old
    assert client.get("/v1/lawyer/tickets", params={"sort": "nonsense"}, headers=zhang).status_code == 422


def test_queue_refuses_unknown_status_and_priority(desk: Desk, client: httpx.Client) -> None:
    zhang = bearer(desk.zhang)
    for name, allowed in (("status", "pending、claimed、answered、closed、reopened"), ("priority", "urgent")):
        response = client.get("/v1/lawyer/tickets", params={name: "foo"}, headers=zhang)
        assert response.status_code == 422 and response.json()["code"] == "invalid_value", response.text
        assert name in response.json()["message"] and allowed in response.json()["message"]
    both = client.get(
        "/v1/lawyer/tickets", params=[("status", "pending"), ("status", "claimed")], headers=zhang
    )
    assert both.status_code == 200


def test_lawyer_page_is_served(client: httpx.Client) -> None:
    page = client.get("/lawyer")
    assert page.status_code == 200 and "律师工作台" in page.text
    script = client.get("/static/lawyer.js")
    assert script.status_code == 200 and "innerHTML" not in script.text  # API text is never rendered as HTML
    assert "http://" not in page.text and "https://" not in page.text  # no CDN


def test_out_of_hours_and_no_lawyer_notices(built_settings: Settings, tmp_path: Path) -> None:
    """The worker is told about 12351 and legal aid when no lawyer works now or none can take it."""
    from datetime import UTC, datetime

    from assistant.tickets import EscalationDesk
    from assistant.tickets.deadlines import Deadlines
    from tests.conftest import make_settings

    sunday = datetime(2026, 11, 29, 4, 0, tzinfo=UTC)
    settings = make_settings(tmp_path, database_url=f"sqlite:///{tmp_path / 'db.sqlite'}")
    store = TicketStore(settings.tickets_db_url, Deadlines(24, 12), clock=lambda: sunday)
    conversations = {"c1": {"messages": [{"role": "user", "content": "我要找律师", "status": "complete"}]}}
    desk = EscalationDesk(store, settings, conversations=_Reader(conversations), secret=b"s" * 32)
    nobody = desk.escalate("c1")
    assert not nobody.lawyer_available and not nobody.in_service_hours
    for words in ("12351", "12348", "法律援助", "非服务时间", "工作日 09:00–18:00", nobody.ticket.number):
        assert words in nobody.notice
    # No lawyer account and an empty queue: nothing is said about a queue, and no time is promised.
    assert "排队" not in nobody.notice and "没有工会律师在线接单" in nobody.notice
    assert "前回复" not in nobody.notice
    store.add_lawyer("张律师")
    monday = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    store.clock = lambda: monday
    open_now = desk.handoff(store.get(nobody.ticket.id), created=False)
    assert open_now.in_service_hours and open_now.lawyer_available and "12348" not in open_now.notice
    # Claim by Monday 12:00 UTC-free: Sunday 12:00 Beijing + 24 h + 12 h to answer = Tuesday 00:00 Beijing.
    assert "12月1日 00:00（北京时间）前回复" in open_now.notice and "排队" not in open_now.notice
    store.clock = lambda: monday.replace(day=30, hour=2) + (sunday - sunday)  # unchanged
    late = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # the claim deadline has passed: no lawyer took it in time
    store.clock = lambda: late
    overdue = desk.handoff(store.get(nobody.ticket.id), created=False)
    assert not overdue.lawyer_available and "12351" in overdue.notice and "12348" in overdue.notice
    assert "排队等待的工单较多" in overdue.notice  # one ticket is past its claim deadline: that is true now
    store.close()


def test_out_of_hours_promise_starts_when_lawyers_start(built_settings: Settings, tmp_path: Path) -> None:
    """A ticket opened on a Saturday evening is not promised an answer on Sunday while the same notice
    says lawyers only start work on Monday: the promised time counts from the next opening."""
    from datetime import UTC, datetime

    from assistant.tickets import EscalationDesk
    from assistant.tickets.deadlines import Deadlines
    from tests.conftest import make_settings

    saturday_evening = datetime(2026, 12, 5, 13, 0, tzinfo=UTC)  # 21:00 in Shanghai
    settings = make_settings(tmp_path, database_url=f"sqlite:///{tmp_path / 'db.sqlite'}")
    store = TicketStore(settings.tickets_db_url, Deadlines(24, 12, 1, 4), clock=lambda: saturday_evening)
    store.add_lawyer("张律师")
    conversations = {"c1": {"messages": [{"role": "user", "content": "我要找律师", "status": "complete"}]}}
    desk = EscalationDesk(store, settings, conversations=_Reader(conversations), secret=b"s" * 32)
    handoff = desk.escalate("c1")
    assert not handoff.in_service_hours and "非服务时间" in handoff.notice
    monday_opening = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    assert handoff.expected_by > monday_opening
    assert "12月5日" not in handoff.notice and "12月6日" not in handoff.notice
    store.close()


class _Reader:
    def __init__(self, conversations: dict[str, dict[str, Any]]) -> None:
        self.conversations = conversations

    def get(self, conversation_id: str) -> dict[str, Any]:
        return self.conversations[conversation_id]


@pytest.mark.integration
def test_lawyer_page_in_chromium_worker_sees_the_reply(desk: Desk, client: httpx.Client) -> None:
    """In real headless Chromium: a worker asks for a lawyer on the chat page; a lawyer signs in on
    /lawyer, sees the ticket with its deadline badge, claims it, edits and sends the reply; the
    worker's page then shows the lawyer's answer."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.api.browser import console_errors, phone_browser, screenshot

    question = "在物流园干了两年，老板欠我三个月工资，我要找律师"
    with phone_browser(1280, 900) as driver:
        wait = WebDriverWait(driver, 30)
        driver.get(desk.url + "/")
        driver.find_element(By.ID, "question").send_keys(question)
        driver.find_element(By.ID, "send").click()
        wait.until(EC.visibility_of_element_located((By.ID, "ticket")))
        number = wait.until(lambda d: re_number(d.find_element(By.ID, "ticket").text))
        worker_window = driver.current_window_handle

        driver.switch_to.new_window("window")
        driver.get(desk.url + "/lawyer")
        driver.find_element(By.ID, "token").send_keys(desk.zhang)
        driver.find_element(By.ID, "login").click()
        wait.until(EC.visibility_of_element_located((By.ID, "desk")))
        assert "张律师" in driver.find_element(By.ID, "who-name").text
        item = wait.until(
            lambda d: next(
                (li for li in d.find_elements(By.CSS_SELECTOR, "#queue li") if f"#{number}" in li.text), None
            )
        )
        assert "认领剩" in item.find_element(By.CSS_SELECTOR, ".badge").text  # the deadline badge
        assert "等待律师接单" in item.find_element(By.CSS_SELECTOR, ".pill").text  # as the worker reads it
        # … whose exact time is China time whatever the reviewer's computer is set to.
        assert "（北京时间）" in (item.find_element(By.CSS_SELECTOR, ".badge").get_attribute("title") or "")
        item.click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "ticket-title"), number))
        assert driver.find_element(By.ID, "question").text == question
        assert "法律依据" in driver.find_element(By.ID, "draft").text  # the AI draft …
        articles = driver.find_elements(By.CSS_SELECTOR, "#articles li .text")
        assert articles and all(a.text.strip() for a in articles)  # … beside the full text of its articles
        assert driver.find_element(By.ID, "send").get_attribute("disabled")  # nothing to send before claiming

        driver.find_element(By.ID, "claim").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "status"), "律师已接单，正在处理"))
        reply = driver.find_element(By.ID, "reply")
        reply.clear()
        reply.send_keys(
            "您好，我是工会律师张律师。用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬"
            "（《劳动合同法》第三十条）。请保留考勤和转账记录，我明天上午给您打电话。"
        )
        driver.find_element(By.ID, "save").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "message"), "草稿已保存"))
        driver.find_element(By.ID, "send").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "message"), "已发送"))
        assert driver.find_element(By.ID, "status").text == "律师已答复"  # the worker's words for it
        assert "《中华人民共和国劳动合同法》第三十条" in driver.find_element(By.ID, "articles").text
        driver.execute_script("window.scrollTo(0, 0)")
        screenshot(driver, "lawyer-page-answered.png")
        assert console_errors(driver) == []

        driver.switch_to.window(worker_window)
        lawyer_message = WebDriverWait(driver, 30).until(
            EC.visibility_of_element_located((By.CSS_SELECTOR, ".msg.lawyer"))
        )
        assert "我明天上午给您打电话" in lawyer_message.text and "张律师" in lawyer_message.text
        screenshot(driver, "worker-page-lawyer-reply.png")

    conversation_id = next(
        t["conversation_id"]
        for t in client.get(
            "/v1/lawyer/tickets", headers=bearer(desk.zhang), params={"status": "answered"}
        ).json()["tickets"]
        if t["number"] == number
    )
    roles = [m["role"] for m in client.get(f"/v1/conversations/{conversation_id}").json()["messages"]]
    assert roles == ["user", "assistant", "lawyer"]


def re_number(text: str) -> str | None:
    import re

    match = re.search(r"工单号：(\d{6})", text)
    return match.group(1) if match else None
