"""Time limits: arbitration, 工伤认定, suing after an award, final awards."""

from __future__ import annotations

from datetime import date

from assistant.tools import time_limits
from tests.assistant.tools.helpers import calc, cited


def test_arbitration_one_year_from_knowing_article_27_paragraph_1() -> None:
    """劳动争议调解仲裁法 第二十七条第一款: 一年, 从知道或者应当知道其权利被侵害之日起计算."""
    result = calc("arbitration_deadline", knew_date="2026-01-20", today=date(2026, 12, 5))
    assert result.quantities == {
        "deadline": "2027-01-20",
        "days_left": 46,
        "deadline_passed": False,
        "deadline_from": "知道或应当知道权利被侵害之日 2026年1月20日",  # said back with the deadline
    }
    assert result.see_lawyer  # ≤ 60 days feeds escalation
    far = calc("arbitration_deadline", knew_date="2026-06-01", today=date(2026, 12, 5))
    assert far.quantities["days_left"] == 178 and not far.see_lawyer


def test_arbitration_interruption_restarts_the_year_paragraph_2() -> None:
    """第二十七条第二款: 中断的, 从中断时起重新计算."""
    result = calc(
        "arbitration_deadline", knew_date="2025-03-01", interrupted_date="2025-11-20", today=date(2026, 12, 5)
    )
    assert result.quantities["deadline"] == "2026-11-20"
    assert result.quantities["deadline_passed"] is True
    assert "《劳动争议调解仲裁法》第二十七条第二款" in cited(result)


def test_passed_deadline_says_what_could_have_interrupted_it() -> None:
    result = calc("arbitration_deadline", knew_date="2025-01-10", today=date(2026, 12, 5))
    assert result.quantities["deadline_passed"] is True
    assert result.quantities["days_left"] < 0
    assert any("讨要" in n and "投诉" in n and "同意支付" in n for n in result.notes)
    assert "《最高人民法院关于审理劳动争议案件适用法律问题的解释（二）》第二十条" in cited(result)


def test_wages_during_employment_are_not_time_barred_paragraph_4() -> None:
    """第二十七条第四款: 劳动关系存续期间拖欠劳动报酬不受一年限制; 终止的, 自终止之日起一年内."""
    employed = calc(
        "arbitration_deadline", unpaid_amount=8000, knew_date="2024-01-01", today=date(2026, 12, 5)
    )
    assert employed.quantities == {"deadline_passed": False}
    assert "不受一年仲裁时效的限制" in employed.summary
    left = calc("arbitration_deadline", unpaid_amount=8000, end_date="2026-03-31", today=date(2026, 12, 5))
    assert left.quantities["deadline"] == "2027-03-31"
    assert "《劳动争议调解仲裁法》第二十七条第四款" in cited(left)


def test_injury_recognition_30_days_for_the_employer_one_year_for_the_worker_article_17() -> None:
    """工伤保险条例 第十七条: 单位 30 日内; 职工或者其近亲属、工会组织 1 年内."""
    result = calc("injury_recognition_deadline", injury_date="2026-02-01", today=date(2026, 12, 5))
    assert result.quantities["employer_deadline"] == "2026-03-03"
    assert result.quantities["deadline"] == "2027-02-01"
    assert result.quantities["days_left"] == 58 and result.see_lawyer
    employer = calc(
        "injury_recognition_deadline", injury_date="2026-11-20", asker="employer", today=date(2026, 12, 5)
    )
    assert employer.quantities["deadline"] == "2026-12-20"


def test_lawsuit_fifteen_days_after_the_award_articles_48_and_50() -> None:
    """劳动争议调解仲裁法 第四十八条、第五十条: 收到仲裁裁决书之日起十五日内."""
    result = calc("lawsuit_deadline", award_date="2026-11-28", today=date(2026, 12, 5))
    assert result.quantities == {
        "deadline": "2026-12-13",
        "days_left": 8,
        "deadline_passed": False,
        "deadline_from": "收到裁决书之日 2026年11月28日",
    }
    assert {"《劳动争议调解仲裁法》第四十八条", "《劳动争议调解仲裁法》第五十条"} <= cited(result)


def test_final_award_threshold_is_twelve_months_of_the_local_minimum_wage_article_47() -> None:
    """劳动争议调解仲裁法 第四十七条第（一）项: 不超过当地月最低工资标准十二个月金额 (each item, 办案规则 第五十条)."""
    at = calc("final_award", claim_amount=28320, city="深圳")
    assert at.quantities == {"final_award_threshold": 28320.0, "final_award": True}
    above = calc("final_award", claim_amount=28320.01, city="深圳")
    assert above.quantities["final_award"] is False
    by_tier = calc("final_award", claim_amount=25000, province="江苏")
    assert "final_award" not in by_tier.quantities and by_tier.missing
    clearly = calc("final_award", claim_amount=20000, province="江苏")
    assert clearly.quantities["final_award"] is True


def test_time_limits_from_facts_for_the_escalation_policy() -> None:
    facts = {"injury_date": "2026-02-01", "knew_date": "2026-10-01", "monthly_wage": "not a number"}
    results = time_limits(facts, today=date(2026, 12, 5))
    assert {r.tool for r in results} == {"arbitration_deadline", "injury_recognition_deadline"}
    assert all(isinstance(r.quantities["days_left"], int) for r in results)
