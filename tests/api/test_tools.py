"""The tools and documents API over loopback HTTP: results, 422 naming the field, 404 for an unknown
tool, a schema per tool in the OpenAPI document, a .docx that opens."""

from __future__ import annotations

import io

import docx
import httpx
import pytest

from assistant.documents import SECTIONS


def test_list_tools_with_their_articles(client: httpx.Client) -> None:
    data = client.get("/v1/tools").json()
    names = [t["name"] for t in data["tools"]]
    assert {"severance", "damages", "double_wage", "overtime", "annual_leave", "injury_benefits"} <= set(
        names
    )
    assert {
        "death_benefits",
        "sick_pay",
        "arbitration_deadline",
        "injury_recognition_deadline",
        "lawsuit_deadline",
    } <= set(names)
    severance = data["tools"][names.index("severance")]
    assert "monthly_wage" in severance["input_schema"]["properties"]
    assert any(a["citation"] == "《劳动合同法》第四十七条第二款" for a in severance["articles"])


def test_every_cited_article_opens(client: httpx.Client) -> None:
    """Each chip the page shows (an article's url) resolves to the article."""
    result = client.post(
        "/v1/tools/annual_leave",
        json={"cumulative_work_years": 12, "end_date": "2026-07-15", "monthly_wage": 6525},
    )
    assert result.status_code == 200
    body = result.json()
    assert body["quantities"]["annual_leave_days"] == 5
    for article in body["articles"]:
        opened = client.get(article["url"])
        assert opened.status_code == 200, article
        assert opened.json()["article"] == article["article"]


def test_calculation_result_shape(client: httpx.Client) -> None:
    body = client.post("/v1/tools/overtime", json={"monthly_wage": 4350, "overtime_hours_weekday": 10}).json()
    assert body["quantities"]["overtime_pay"] == 375
    assert body["formula"][0] == "小时工资：4350 ÷ 21.75 ÷ 8 = 25.00 元/小时"
    assert body["complete"] is True and body["missing"] == []


@pytest.mark.parametrize(
    ("tool", "payload", "code", "words"),
    [
        ("severance", {"monthly_wage": -1}, "out_of_range", "月工资（monthly_wage）"),
        (
            "severance",
            {"start_date": "2025-05-01", "end_date": "2025-01-01"},
            "invalid_value",
            "离职日期（end_date）不能早于入职日期（start_date）",
        ),
        ("injury_benefits", {"disability_grade": 11}, "out_of_range", "伤残等级（disability_grade）"),
        ("death_benefits", {"standard_year": 1800}, "out_of_range", "标准年份（standard_year）"),
        ("overtime", {"monthly_wage": "四千"}, "invalid_type", "月工资（monthly_wage）应为数字"),
        (
            "arbitration_deadline",
            {"knew_date": "去年"},
            "invalid_format",
            "知道权利被侵害的日期（knew_date）应为日期",
        ),
        ("severance", {"termination": "fired"}, "invalid_value", "怎么离职的（termination）只能是"),
    ],
)
def test_bad_input_is_422_naming_the_field(
    client: httpx.Client, tool: str, payload: dict, code: str, words: str
) -> None:
    response = client.post(f"/v1/tools/{tool}", json=payload)
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert words in response.json()["message"]


def test_unknown_tool_is_404_and_malformed_json_400(client: httpx.Client) -> None:
    response = client.post("/v1/tools/bonus", json={})
    assert response.status_code == 404 and response.json()["code"] == "unknown_tool"
    assert client.get("/v1/tools/bonus").status_code == 404
    bad = client.post("/v1/tools/severance", content=b"{oops", headers={"content-type": "application/json"})
    assert bad.status_code == 400 and bad.json()["code"] == "malformed_json"


def test_openapi_has_a_request_schema_per_tool(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    body = schema["paths"]["/v1/tools/injury_benefits"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    model = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    grade = model["properties"]["disability_grade"]
    assert grade["title"] == "伤残等级"
    assert any(option.get("maximum") == 10 for option in grade.get("anyOf", [grade]))
    assert "422" in schema["paths"]["/v1/tools/severance"]["post"]["responses"]


def test_arbitration_docx_and_printable_page(client: httpx.Client) -> None:
    facts = {
        "monthly_wage": 5000,
        "start_date": "2024-01-01",
        "end_date": "2025-01-01",
        "termination": "dismissed",
        "notice_given": False,
    }
    response = client.post("/v1/documents/arbitration", json=facts)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument")
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "no-store"
    document = docx.Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == list(SECTIONS)
    assert any(
        "经济补偿，共计 7500.00 元" in p.text for p in document.paragraphs
    )  # 1 year and 1 day: N = 1.5
    page = client.post("/v1/documents/arbitration/html", json=facts)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "代通知金" in page.text
    bad = client.post("/v1/documents/arbitration", json={"worker_gender": "未知"})
    assert bad.status_code == 422 and "性别（worker_gender）" in bad.json()["message"]
