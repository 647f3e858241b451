"""劳动仲裁申请书 drafts: every section 劳动争议调解仲裁法 第二十八条 requires, amounts from the tools,
blanks marked, and a .docx that python-docx reads back."""

from __future__ import annotations

import io

import docx

from assistant.documents import SECTIONS, ArbitrationFacts, build_application, render_docx, render_html

FACTS = {
    "worker_name": "王师傅",
    "monthly_wage": 6000,
    "start_date": "2022-03-01",
    "end_date": "2025-06-30",
    "termination": "unlawful_dismissal",
    "unpaid_amount": 12000,
    "contract_signed": False,
    "city": "深圳",
    "today": "2025-08-01",
}


def test_docx_opens_and_has_every_section_of_article_28() -> None:
    """劳动争议调解仲裁法 第二十八条第二款: parties, claims and their facts and reasons, evidence and its
    source, witnesses' names and addresses."""
    content = render_docx(build_application(ArbitrationFacts.model_validate(FACTS)))
    document = docx.Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == list(SECTIONS)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "劳动人事争议仲裁申请书" in text
    assert "王师傅" in text
    # Claim amounts come from the calculators: wages owed, 2N (3.5 × 2 × 6000), double wage (11 × 6000).
    assert "支付拖欠的工资，共计 12000.00 元" in text
    assert "违法解除劳动合同赔偿金，共计 42000.00 元" in text
    assert "二倍工资差额，共计 66000.00 元" in text
    assert "《劳动合同法》第八十七条" in text
    # Missing facts are clearly marked blanks, highlighted in Word.
    assert "【待填写：用人单位全称（以营业执照为准）】" in text
    blanks = [r for p in document.paragraphs for r in p.runs if r.text.startswith("【待填写")]
    assert blanks and all(r.font.highlight_color is not None for r in blanks)
    # The worker is told it is a draft to edit, and that it is not sent anywhere.
    assert "草稿" in text and "不会保存、提交或发送" in text


def test_given_details_replace_blanks() -> None:
    facts = ArbitrationFacts.model_validate(
        {
            **FACTS,
            "employer_name": "某某物流有限公司",
            "evidence": [{"name": "工资条", "source": "申请人持有"}],
            "witnesses": [{"name": "李四", "address": "深圳市宝安区"}],
            "claims": [{"title": "支付工伤医疗费", "amount": 3000}],
        }
    )
    document = build_application(facts)
    text = document.text
    assert "某某物流有限公司" in text and "工资条；来源：申请人持有" in text and "李四" in text
    assert "支付工伤医疗费，共计 3000.00 元" in text
    assert "【待填写：用人单位全称" not in text
    assert document.blanks < build_application(ArbitrationFacts.model_validate(FACTS)).blanks


def test_no_facts_gives_a_form_of_blanks_not_invented_claims() -> None:
    document = build_application(ArbitrationFacts())
    assert document.claims == []
    assert "【待填写：其他请求（如有）】" in document.text
    assert "【待填写：入职日期】" in document.text


def test_printable_page_escapes_and_links_only_its_stylesheet() -> None:
    facts = ArbitrationFacts.model_validate({**FACTS, "worker_name": "<script>x</script>"})
    page = render_html(build_application(facts))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<link rel="stylesheet" href="/static/print.css">' in page
    for heading in SECTIONS:
        assert f'data-section="{heading}"' in page
    assert '<mark class="blank">' in page


def test_control_characters_in_the_facts_do_not_break_the_docx() -> None:
    """Found by the API fuzzer: a NUL byte in a name made python-docx refuse to write the file."""
    facts = ArbitrationFacts.model_validate(
        {"worker_name": "王\x00师傅\x1b", "facts_text": "第一行\n第二行\x0c"}
    )
    document = docx.Document(io.BytesIO(render_docx(build_application(facts))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "王师傅" in text and "\x00" not in text
