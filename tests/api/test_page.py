"""The worker chat page in real headless Chromium at phone size (360×740)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from tests.api.browser import console_errors, phone_browser, screenshot


@pytest.mark.integration
def test_ask_see_streamed_cited_answer_and_open_a_citation(offline_api: str) -> None:
    with phone_browser() as driver:
        driver.get(offline_api + "/")
        wait = WebDriverWait(driver, 30)
        assert "工会法务云" in driver.title
        # Starter questions by topic, a privacy notice and the not-a-lawyer note are visible.
        starters = driver.find_elements(By.CSS_SELECTOR, "#starters button")
        assert len(starters) >= 6
        assert "身份证号" in driver.find_element(By.CSS_SELECTOR, ".privacy").get_attribute("textContent")
        assert "不是律师意见" in driver.find_element(By.CSS_SELECTOR, ".disclaimer").text
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360

        box = driver.find_element(By.ID, "question")
        box.send_keys("公司不给我签劳动合同怎么办")
        driver.find_element(By.ID, "send").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".msg.assistant .feedback")))
        answer = driver.find_element(By.CSS_SELECTOR, ".msg.assistant .text").text
        assert "法律依据" in answer
        chips = driver.find_elements(By.CSS_SELECTOR, ".msg.assistant .chips.citations .chip")
        assert chips, "citations are shown as chips"
        assert any("劳动合同法" in c.text for c in chips)
        assert min(c.size["height"] for c in chips) >= 44  # large tap targets

        chips[0].click()
        wait.until(EC.visibility_of_element_located((By.ID, "modal")))
        wait.until(lambda d: d.find_element(By.ID, "modal-body").text.strip() != "")
        meta = driver.find_element(By.ID, "modal-meta").text
        assert "效力" in meta and "版本" in meta
        screenshot(driver, "page-answer-360.png")
        driver.find_element(By.ID, "modal-close").click()

        # Feedback is stored: the button shows as pressed only after the server accepted it.
        useful = driver.find_element(By.XPATH, "//div[@class='feedback']/button[text()='有用']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", useful)
        useful.click()
        wait.until(
            lambda d: (
                d.find_element(By.XPATH, "//div[@class='feedback']/button[text()='有用']").get_attribute(
                    "aria-pressed"
                )
                == "true"
            )
        )
        assert console_errors(driver) == []
