"""The worker's hand-off (找律师 / 转人工) with an optional way to be reached, against a real uvicorn
server: the contact goes only into the ticket the lawyer reads, a blank form still opens the ticket, a
bad number gets a Chinese message naming the field, and the worker reads every status in Chinese.
The page itself is driven in real headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.main import create_app
from api.ticket_schemas import Status
from assistant.answer.fake_llm import serve_in_thread
from assistant.config import Settings
from assistant.tickets import TicketStore
from assistant.tickets.status import STATUS_TEXT
from tests.api.conftest import api_settings

ORDINARY = "公司不给我签劳动合同，能要双倍工资吗"
# A threat against the worker: the safety screen opens an urgent ticket from /v1/chat by itself.
THREATENED = "我去要工钱，老板放话要找人废了我"
PHONE = "13912345678"


@dataclass
class Desk:
    url: str
    store: TicketStore
    lawyer: str


@pytest.fixture(scope="module")
def desk(built_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    settings = api_settings(built_settings, tmp_path_factory.mktemp("handoff-db"))
    store = TicketStore(settings.tickets_db_url)
    token = store.add_lawyer("赵律师", "lawyer")[1]
    server = serve_in_thread(create_app(settings))
    yield Desk(server.url, store, token)
    server.stop()
    store.close()


@pytest.fixture
def client(desk: Desk) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=desk.url, timeout=60) as c:
        yield c


def lawyer_view(client: httpx.Client, desk: Desk, ticket_id: int) -> dict[str, Any]:
    response = client.get(
        f"/v1/lawyer/tickets/{ticket_id}", headers={"Authorization": f"Bearer {desk.lawyer}"}
    )
    assert response.status_code == 200, response.text
    return response.json()


def conversation(client: httpx.Client, question: str) -> dict[str, Any]:
    response = client.post("/v1/chat", json={"question": question})
    assert response.status_code == 200, response.text
    return response.json()


def test_contact_reaches_the_lawyer_only_through_the_ticket(client: httpx.Client, desk: Desk) -> None:
    cid = conversation(client, ORDINARY)["conversation_id"]
    # Full-width digits (a Chinese keyboard) and blank fields (a form left partly empty) are fine.
    body = {
        "contact": {
            "phone": "１３９ １２３４ ５６７８",
            "wechat": "  ",
            "name": "王师傅",
            "preferred_time": "",
        }
    }
    opened = client.post(f"/v1/conversations/{cid}/escalate", json=body)
    assert opened.status_code == 201, opened.text
    ticket = opened.json()
    assert ticket["contact_given"] is True and ticket["status_text"] == "等待律师接单"
    assert PHONE not in opened.text  # the worker's response never echoes the number
    detail = lawyer_view(client, desk, ticket["id"])
    assert detail["contact"] == {"phone": "139 1234 5678", "name": "王师傅"}
    queue = client.get("/v1/lawyer/tickets", headers={"Authorization": f"Bearer {desk.lawyer}"}).json()
    assert next(t for t in queue["tickets"] if t["id"] == ticket["id"])["has_contact"] is True
    # Nowhere else: not in the conversation, and the audit log keeps it hidden.
    spellings = (PHONE, "139 1234 5678", "１３９")
    assert not any(s in client.get(f"/v1/conversations/{cid}").text for s in spellings)
    assert not any(s in str(entry["detail"]) for entry in detail["audit"] for s in spellings)


def test_a_blank_form_still_opens_the_ticket_and_contact_can_follow(client: httpx.Client, desk: Desk) -> None:
    cid = conversation(client, ORDINARY)["conversation_id"]
    blank = client.post(f"/v1/conversations/{cid}/escalate", json={"contact": {"phone": "", "wechat": ""}})
    assert blank.status_code == 201, blank.text
    assert blank.json()["contact_given"] is False
    assert lawyer_view(client, desk, blank.json()["id"])["contact"] is None
    # Later, from the ticket panel: the same open ticket gets the number (and the audit says so, hidden).
    later = client.post(f"/v1/conversations/{cid}/escalate", json={"contact": {"wechat": "wang_shifu88"}})
    assert later.status_code == 200 and later.json()["id"] == blank.json()["id"]
    assert later.json()["contact_given"] is True
    detail = lawyer_view(client, desk, blank.json()["id"])
    assert detail["contact"] == {"wechat": "wang_shifu88"}
    assert any(e["action"] == "updated" and "contact" in e["detail"] for e in detail["audit"])


@pytest.mark.parametrize("phone", ["王师傅", "138-", "12", "+", "13800138000转分机"])
def test_a_bad_number_gets_a_chinese_message_and_opens_nothing(client: httpx.Client, phone: str) -> None:
    cid = conversation(client, ORDINARY)["conversation_id"]
    response = client.post(f"/v1/conversations/{cid}/escalate", json={"contact": {"phone": phone}})
    assert response.status_code == 422, response.text
    message = response.json()["message"]
    assert "电话（contact.phone）" in message and "13800138000" in message
    assert client.get(f"/v1/conversations/{cid}").json()["tickets"] == []


def test_every_status_has_words_for_the_worker() -> None:
    statuses = set(Status.__args__)
    assert set(STATUS_TEXT) == statuses
    for status, text in STATUS_TEXT.items():
        assert re.search(r"[\u4e00-\u9fff]", text) and not re.search(r"[A-Za-z]", text), status
    # The page and the mini-program client carry the same words for a status the API has not worded.
    for script in ("api/static/app.js", "docs/miniprogram/lawcloud-client.js"):
        source = Path(script).read_text(encoding="utf-8")
        for status, text in STATUS_TEXT.items():
            assert f'{status}: "{text}"' in source, (script, status)


def test_status_text_follows_the_ticket(client: httpx.Client, desk: Desk) -> None:
    cid = conversation(client, ORDINARY)["conversation_id"]
    ticket = client.post(f"/v1/conversations/{cid}/escalate").json()
    auth = {"Authorization": f"Bearer {desk.lawyer}"}
    assert client.post(f"/v1/lawyer/tickets/{ticket['id']}/claim", headers=auth).status_code == 200
    seen = client.get(f"/v1/tickets/{ticket['id']}", headers={"X-Ticket-Token": ticket["token"]}).json()
    assert seen["status"] == "claimed" and seen["status_text"] == "律师已接单，正在处理"
    listed = client.get(f"/v1/conversations/{cid}").json()["tickets"]
    assert listed[0]["status_text"] == "律师已接单，正在处理"
    # The lawyer's queue and ticket view word the same state the same way.
    queue = client.get("/v1/lawyer/tickets", headers=auth).json()["tickets"]
    assert next(t for t in queue if t["id"] == ticket["id"])["status_text"] == "律师已接单，正在处理"
    lawyer_view = client.get(f"/v1/lawyer/tickets/{ticket['id']}", headers=auth).json()
    assert lawyer_view["status_text"] == seen["status_text"]


def test_the_safety_block_points_to_the_button_not_the_chat(client: httpx.Client) -> None:
    body = conversation(client, THREATENED)
    assert body["answer"].startswith("【安全提示】") and body["ticket"]["priority"] == "urgent"
    block = body["answer"].split("\n\n")[0]
    assert "「找律师 / 转人工」" in block and "留下电话或微信" in block
    assert "留下联系电话" not in block  # no longer asks for a number typed into the chat
    assert body["ticket"]["contact_given"] is False


@pytest.mark.integration
def test_page_hand_off_with_and_without_a_number(desk: Desk, client: httpx.Client) -> None:
    """In real headless Chromium at phone size: a threatened worker's urgent ticket opens by itself,
    the worker leaves a number through the ticket panel, and the lawyer's page shows it; another
    worker hands off with an empty form; a bad number is refused in Chinese; statuses read in Chinese."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.api.browser import console_errors, phone_browser, screenshot

    with phone_browser() as driver:
        wait = WebDriverWait(driver, 60)
        driver.get(desk.url + "/")
        driver.find_element(By.ID, "question").send_keys(THREATENED)
        driver.find_element(By.ID, "send").click()
        panel = wait.until(EC.visibility_of_element_located((By.ID, "ticket")))
        wait.until(lambda d: "工单号" in d.find_element(By.ID, "ticket").text)
        answer = driver.find_element(By.CSS_SELECTOR, ".msg.assistant .text").text
        assert "「找律师 / 转人工」" in answer
        assert "等待律师接单" in panel.text and "pending" not in panel.text
        assert "还没有留联系方式" in panel.text
        number = re.search(r"工单号：(\d{6})", panel.text).group(1)  # type: ignore[union-attr]

        # The ticket panel's button opens the form; a bad number is refused before anything is sent.
        button = driver.find_element(By.ID, "ticket-contact")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        form = wait.until(EC.visibility_of_element_located((By.ID, "handoff")))
        assert "只给处理您这张工单的工会律师看" in form.text  # how the number is used
        phone = driver.find_element(By.ID, "contact-phone")
        phone.send_keys("138abc")
        driver.find_element(By.ID, "handoff-submit").click()
        error = wait.until(EC.visibility_of_element_located((By.ID, "handoff-error")))
        assert "电话号码格式不对" in error.text and phone.get_attribute("aria-invalid") == "true"
        assert lawyer_detail_by_number(client, desk, number)["contact"] is None
        screenshot(driver, "page-handoff-bad-number.png")

        phone.clear()
        phone.send_keys(PHONE)
        driver.find_element(By.ID, "contact-time").send_keys("晚上7点以后")
        driver.find_element(By.ID, "handoff-submit").click()
        wait.until(lambda d: "已留联系方式" in d.find_element(By.ID, "ticket").text)
        assert not driver.find_element(By.ID, "handoff").is_displayed()
        assert "139****5678" in driver.find_element(By.ID, "ticket").text
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        screenshot(driver, "page-handoff-contact-left.png")
        assert console_errors(driver) == []

        # The lawyer's page: the queue marks it, the ticket shows the number with its label.
        driver.switch_to.new_window("window")
        driver.set_window_size(1280, 900)
        driver.get(desk.url + "/lawyer")
        driver.find_element(By.ID, "token").send_keys(desk.lawyer)
        driver.find_element(By.ID, "login").click()
        item = wait.until(
            lambda d: next(
                (li for li in d.find_elements(By.CSS_SELECTOR, "#queue li") if f"#{number}" in li.text), None
            )
        )
        assert "留了联系方式" in item.text
        item.click()
        contact = wait.until(EC.visibility_of_element_located((By.ID, "contact")))
        assert f"电话：{PHONE}" in contact.text and "方便联系的时间：晚上7点以后" in contact.text
        screenshot(driver, "lawyer-page-contact.png")
        driver.close()
        driver.switch_to.window(driver.window_handles[0])

        # Another worker, an ordinary question: 找律师 with an empty form still opens the ticket.
        driver.execute_script("sessionStorage.clear()")
        driver.get(desk.url + "/")
        driver.find_element(By.ID, "question").send_keys(ORDINARY)
        driver.find_element(By.ID, "send").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".msg.assistant .feedback")))
        assert not driver.find_element(By.ID, "ticket").is_displayed()
        driver.find_element(By.ID, "escalate").click()
        wait.until(EC.visibility_of_element_located((By.ID, "handoff")))
        driver.find_element(By.ID, "handoff-submit").click()
        panel = wait.until(EC.visibility_of_element_located((By.ID, "ticket")))
        wait.until(lambda d: "工单号" in d.find_element(By.ID, "ticket").text)
        assert "等待律师接单" in panel.text and not re.search(r"状态：[A-Za-z]", panel.text)
        other = re.search(r"工单号：(\d{6})", panel.text).group(1)  # type: ignore[union-attr]
        assert other != number and lawyer_detail_by_number(client, desk, other)["contact"] is None

        # A lawyer claims it: the page learns the new status and words it for the worker.
        ticket_id = int(other)
        claim = client.post(
            f"/v1/lawyer/tickets/{ticket_id}/claim", headers={"Authorization": f"Bearer {desk.lawyer}"}
        )
        assert claim.status_code == 200
        WebDriverWait(driver, 30).until(
            lambda d: "律师已接单，正在处理" in d.find_element(By.ID, "ticket").text
        )
        assert console_errors(driver) == []


@pytest.mark.integration
def test_page_number_typed_in_chat_is_pointed_to_the_form(desk: Desk) -> None:
    """A number typed into the chat is hidden by the server; the page says so and offers the form,
    filled in on this phone only."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.api.browser import phone_browser

    with phone_browser() as driver:
        wait = WebDriverWait(driver, 60)
        driver.get(desk.url + "/")
        driver.find_element(By.ID, "question").send_keys(f"老板欠我三个月工资，我电话{PHONE}，请律师联系我")
        driver.find_element(By.ID, "send").click()
        note = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".msg.assistant .note")))
        assert "会被自动隐藏" in note.text and "「找律师 / 转人工」" in note.text
        button = note.find_element(By.TAG_NAME, "button")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        wait.until(EC.visibility_of_element_located((By.ID, "handoff")))
        assert driver.find_element(By.ID, "contact-phone").get_attribute("value") == PHONE


def lawyer_detail_by_number(client: httpx.Client, desk: Desk, number: str) -> dict[str, Any]:
    return lawyer_view(client, desk, int(number))
