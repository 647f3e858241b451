"""The 计算器 panel of the worker page in headless Chromium at 360 px: one tool at a time, fields
pre-filled from the facts of the last answer, the result with its articles as chips that open."""

import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.api.browser import console_errors, phone_browser, screenshot


@pytest.mark.integration
def test_calculator_panel_prefilled_from_facts(offline_api: str) -> None:
    with phone_browser() as driver:
        driver.get(offline_api + "/")
        wait = WebDriverWait(driver, 30)
        # The chat stores the facts of its last answer under this key (app.js, renderFinal).
        facts = {"monthly_wage": 4350, "overtime_hours_weekday": 10, "city": "深圳", "not_a_field": "x"}
        driver.execute_script("sessionStorage.setItem('lawcloud.facts', arguments[0])", json.dumps(facts))
        driver.find_element(By.ID, "open-tools").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#tool-select option")) >= 10)
        Select(driver.find_element(By.ID, "tool-select")).select_by_value("overtime")
        wage = driver.find_element(By.ID, "tool-field-monthly_wage")
        assert wage.get_attribute("value") == "4350"
        assert driver.find_element(By.ID, "tool-field-overtime_hours_weekday").get_attribute("value") == "10"
        # One tool at a time: only the overtime form's fields are there.
        assert not driver.find_elements(By.ID, "tool-field-disability_grade")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360

        run = driver.find_element(By.ID, "tool-run")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", run)
        run.click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#tool-result .summary")))
        result = driver.find_element(By.ID, "tool-result").text
        assert "375.00" in result and "4350 ÷ 21.75 ÷ 8 = 25.00 元/小时" in result
        chips = driver.find_elements(By.CSS_SELECTOR, "#tool-result .tool-articles .chip")
        assert any("劳动法》第四十四条" in c.text for c in chips)
        assert min(c.size["height"] for c in chips) >= 44
        chip = next(c for c in chips if "劳动法》第四十四条" in c.text)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chip)
        chip.click()
        wait.until(EC.visibility_of_element_located((By.ID, "modal")))
        wait.until(lambda d: "百分之一百五十" in d.find_element(By.ID, "modal-body").text)
        assert "效力" in driver.find_element(By.ID, "modal-meta").text
        screenshot(driver, "tools-panel-360.png")
        driver.find_element(By.ID, "modal-close").click()
        assert console_errors(driver) == []

        # Bad input: the server's message naming the field is shown.
        Select(driver.find_element(By.ID, "tool-select")).select_by_value("injury_benefits")
        grade = driver.find_element(By.ID, "tool-field-disability_grade")
        driver.execute_script("arguments[0].value = '11'", grade)
        run = driver.find_element(By.ID, "tool-run")
        driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].form.noValidate = true", run
        )
        run.click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#tool-result .error")))
        assert (
            "伤残等级（disability_grade）" in driver.find_element(By.CSS_SELECTOR, "#tool-result .error").text
        )
        # The only console entry is the browser's own note of the 422 it received.
        assert [e for e in console_errors(driver) if "status of 422" not in e] == []
