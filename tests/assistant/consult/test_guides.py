"""The issue guides: every clause they cite exists in the store, is in force and has the paragraph
and item named; conditions use known names only; a broken guide is caught."""

from pathlib import Path

import pytest

from assistant.consult.facts import FACT_NAMES, QUANTITY_NAMES
from assistant.consult.guides import (
    ClauseRef,
    Condition,
    GuideError,
    check_guides,
    clause_text,
    load_guides,
)
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.query import DirectRef
from assistant.runtime import Runtime


def lookup_in(runtime: Runtime):  # noqa: ANN201 - a small closure for check_guides
    def lookup(law: str, article: int, sub: int | None) -> object:
        return runtime.retriever.lookup(DirectRef(law, article, sub))

    return lookup


def test_every_guide_cites_clauses_that_exist_and_are_in_force(runtime: Runtime) -> None:
    book = load_guides()
    assert book.guides, "no guides in corpus/guides"
    issue_ids = [issue.id for issue in load_knowledge().issues]
    problems = check_guides(book, lookup_in(runtime), issue_ids, fact_names=FACT_NAMES | QUANTITY_NAMES)
    assert problems == [], "\n".join(map(str, problems))


def test_a_guide_citing_a_missing_or_repealed_clause_fails(runtime: Runtime, tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        """
id = "bad"
issues = ["overtime"]
title = "坏指南"
reviewed = "2026-12-05"
[[answers]]
kind = "verdict"
  [[answers.branches]]
  say = "一句话。"
  cite = ["劳动合同法 第九百条", "劳动法 第四十四条第（九）项", "劳动合同法 第三十八条第五款",
          "最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第三十二条"]
""",
        encoding="utf-8",
    )
    problems = check_guides(load_guides(tmp_path), lookup_in(runtime))
    found = {(p.ref, p.problem) for p in problems}
    assert ("《劳动合同法》第九百条", "法规库中没有这一条") in found
    assert ("《劳动法》第四十四条第（九）项", "条文中没有这一款或这一项") in found
    assert ("《劳动合同法》第三十八条第五款", "条文中没有这一款或这一项") in found


def test_clause_text_finds_paragraphs_and_items(runtime: Runtime) -> None:
    article = runtime.retriever.lookup(DirectRef("劳动法", 44))
    assert article is not None
    item = clause_text(article.text, ClauseRef.parse("劳动法 第四十四条第（二）项"))
    assert item is not None and "休息日" in item and item.startswith("有下列情形之一的")
    leave = runtime.retriever.lookup(DirectRef("职工带薪年休假条例", 3))
    assert leave is not None
    assert (
        clause_text(leave.text, ClauseRef.parse("职工带薪年休假条例 第三条第二款"))
        == "国家法定休假日、休息日不计入年休假的假期。"
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("《劳动合同法》第三十八条第一款第（二）项", "第三十八条第一款第（二）项"),
        ("刑法 第二百七十六条之一", "第二百七十六条之一"),
        ("工伤保险条例 第十七条第二款", "第十七条第二款"),
    ],
)
def test_clause_references_parse(text: str, label: str) -> None:
    assert ClauseRef.parse(text).label == label


def test_a_malformed_reference_is_named() -> None:
    with pytest.raises(GuideError, match="无法识别的条文引用"):
        ClauseRef.parse("劳动合同法38")


def test_conditions_are_three_valued() -> None:
    condition = Condition.parse("service_months >= 12 and contract_signed == false")
    assert condition.holds({"service_months": 13, "contract_signed": False}) is True
    assert condition.holds({"service_months": 3, "contract_signed": False}) is False
    assert condition.holds({"service_months": 13}) is None  # undecided, not false
    assert Condition.parse("death == true or age < 16").holds({"age": 14}) is True


def test_conditions_refuse_anything_but_expressions() -> None:
    with pytest.raises(GuideError):
        Condition.parse("__import__('os').system('x')")
    with pytest.raises(GuideError):
        Condition.parse("service_months.real > 1")


def test_top_level_keys_after_a_table_are_refused(tmp_path: Path) -> None:
    # In TOML a key after [[steps]] belongs to that step: the loader names the mistake.
    (tmp_path / "g.toml").write_text(
        'id = "g"\ntitle = "t"\nreviewed = "2026-12-05"\n[[steps]]\nsay = "一步。"\nevidence = ["x"]\n',
        encoding="utf-8",
    )
    with pytest.raises(GuideError, match="不认识的字段"):
        load_guides(tmp_path)
