"""Citation verification against the real article store of the test index."""

import logging
import random

import pytest

from assistant.answer.models import Source
from assistant.answer.sources import RetrieverResolver
from assistant.answer.verify import REMOVED_NOTE, CitationVerifier, split_segments
from assistant.retrieval.query import DirectRef
from assistant.runtime import Runtime


@pytest.fixture(scope="module")
def sources(runtime: Runtime) -> list[Source]:
    """[1] 劳动合同法第十条, [2] 劳动合同法第八十二条, [3] 实施条例第六条, [4] 劳动争议调解仲裁法第二十七条."""
    refs = [
        DirectRef("劳动合同法", 10),
        DirectRef("劳动合同法", 82),
        DirectRef("劳动合同法实施条例", 6),
        DirectRef("劳动争议调解仲裁法", 27),
    ]
    units = [runtime.retriever.lookup(ref) for ref in refs]
    assert all(u is not None and u.in_force for u in units)
    return [Source(i + 1, u, "article", 1.0) for i, u in enumerate(units) if u is not None]


def verify(runtime: Runtime, sources: list[Source], text: str) -> tuple[str, CitationVerifier]:
    verifier = CitationVerifier(sources, RetrieverResolver(runtime.retriever))
    return verifier.verify(text), verifier


def test_valid_citations_pass_untouched(runtime: Runtime, sources: list[Source]) -> None:
    text = "根据《劳动合同法》第八十二条[2]，公司应当每月支付二倍工资。《中华人民共和国劳动合同法》第十条[1]要求一个月内签合同。"
    out, verifier = verify(runtime, sources, text)
    assert out == text
    assert verifier.report.valid_sources == {1, 2} and verifier.report.ok


def test_invented_and_out_of_set_citations_are_removed_and_logged(
    runtime: Runtime, sources: list[Source], caplog: pytest.LogCaptureFixture
) -> None:
    text = (
        "根据《劳动合同法》第八十二条[2]，公司应当每月支付二倍工资。"
        "依照《劳动合同法》第一百二十条，公司还应当支付三倍赔偿金。"
        "《劳动法》第九十九条规定，你可以要求全部赔偿。"
    )
    with caplog.at_level(logging.WARNING):
        out, verifier = verify(runtime, sources, text)
    assert "第一百二十条" not in out and "第九十九条" not in out
    assert "三倍赔偿金" not in out and "全部赔偿" not in out  # the unsupported claims go with them
    assert out.startswith("根据《劳动合同法》第八十二条[2]，公司应当每月支付二倍工资。")
    assert REMOVED_NOTE.format(n=2) in out
    kinds = {r.kind: r.citation for r in verifier.report.removed}
    assert kinds == {"invented": "《劳动合同法》第一百二十条", "out_of_set": "《劳动法》第九十九条"}
    assert "第一百二十条" in caplog.text and "第九十九条" in caplog.text
    assert verifier.report.public()["removed"] == 2 and "citation" not in str(verifier.report.public())


def test_bare_law_names_and_unknown_laws(runtime: Runtime, sources: list[Source]) -> None:
    out, verifier = verify(
        runtime,
        sources,
        "按照劳动合同法第八十二条[2]，要付二倍工资。根据劳动者权益保护法第三条，公司必须道歉。"
        "劳动合同法第120条也这么说。",
    )
    assert "权益保护法" not in out and "120" not in out
    assert "劳动合同法第八十二条[2]" in out
    assert sorted(r.kind for r in verifier.report.removed) == ["invented", "invented"]


def test_a_sentence_keeps_its_valid_citations(runtime: Runtime, sources: list[Source]) -> None:
    out, _ = verify(runtime, sources, "根据《劳动合同法》第十条、第一百二十条[1]，应当订立书面劳动合同。")
    assert out.startswith("根据《劳动合同法》第十条[1]，应当订立书面劳动合同。")
    out, _ = verify(runtime, sources, "公司应当支付二倍工资[2]，依据《劳动法》第九十九条。")
    assert out.startswith("公司应当支付二倍工资[2]。")


def test_wrong_versions_are_removed(runtime: Runtime, sources: list[Source]) -> None:
    out, verifier = verify(
        runtime,
        sources,
        "《劳动合同法》（2007年）第十条规定要签合同。"
        "《最高人民法院关于审理劳动争议案件适用法律若干问题的解释》第十条也有规定。"
        "《劳动合同法》（2012年修正）第十条[1]要求一个月内订立。",
    )
    assert [r.kind for r in verifier.report.removed] == ["wrong_version", "wrong_version"]
    assert "2007" not in out and "若干问题" not in out
    assert "（2012年修正）第十条[1]" in out


def test_markers_out_of_range_are_dropped_and_mismatches_corrected(
    runtime: Runtime, sources: list[Source]
) -> None:
    out, verifier = verify(runtime, sources, "要签书面合同[9]。《劳动合同法》第八十二条[1]规定了二倍工资。")
    assert "[9]" not in out and "要签书面合同。" in out
    assert "《劳动合同法》第八十二条[2]" in out  # [1] is 第十条: the marker follows the article named
    assert verifier.report.corrected_markers == 1
    assert [r.kind for r in verifier.report.removed] == ["bad_marker"]


def test_verbatim_source_text_may_quote_articles_outside_the_set(
    runtime: Runtime, sources: list[Source]
) -> None:
    # 实施条例第六条's own words refer to 劳动合同法第四十七条, which is not a source.
    quote = "并依照劳动合同法第四十七条的规定支付经济补偿"
    assert quote in sources[2].unit.text
    out, verifier = verify(
        runtime,
        sources,
        f"《劳动合同法实施条例》第六条[3]规定：「劳动者不与用人单位订立书面劳动合同的，{quote}」。",
    )
    assert quote in out and verifier.report.ok
    # The same reference in the model's own words is out of the set.
    out, verifier = verify(runtime, sources, "公司要按劳动合同法第四十七条给你补偿。")
    assert "第四十七条" not in out and [r.kind for r in verifier.report.removed] == ["out_of_set"]


def test_bare_and_relative_articles_resolve_against_the_sources(
    runtime: Runtime, sources: list[Source]
) -> None:
    out, verifier = verify(runtime, sources, "根据第八十二条，要付二倍工资。本法第四十七条规定了补偿标准。")
    assert out.startswith("根据第八十二条，要付二倍工资。")
    assert "第四十七条" not in out
    assert verifier.report.valid_sources == {2}


def test_no_valid_citation_leaves_nothing_to_rely_on(runtime: Runtime, sources: list[Source]) -> None:
    out, verifier = verify(runtime, sources, "《劳动法》第九十九条规定公司必须赔偿你十万元。")
    assert "九十九" not in out and not verifier.report.valid_sources
    out, verifier = verify(runtime, sources, "公司必须赔偿你十万元。")
    assert out == "公司必须赔偿你十万元。" and not verifier.report.valid_sources


def test_list_lines_are_dropped_whole(runtime: Runtime, sources: list[Source]) -> None:
    text = (
        "- 根据《劳动合同法》第十条[1]，要签合同。\n- 根据《劳动法》第九十九条，要赔偿。\n- 二倍工资[2]。\n"
    )
    out, _ = verify(runtime, sources, text)
    assert out.startswith("- 根据《劳动合同法》第十条[1]，要签合同。\n- 二倍工资[2]。\n")


def test_streaming_matches_batch_for_any_chunking(runtime: Runtime, sources: list[Source]) -> None:
    text = (
        "根据《劳动合同法》第八十二条[2]，公司应当每月支付二倍工资。[1]\n"
        "依照《劳动合同法》第一百二十条，公司还应当支付三倍赔偿金。"
        "《劳动合同法实施条例》[3]说：「并依照劳动合同法第四十七条的规定支付经济补偿」。《劳动法》第九十九条规定可以索赔[4]！\n"
        "- 见[9]。"
    )
    expected, _ = verify(runtime, sources, text)
    rng = random.Random(7)
    for _ in range(30):
        verifier = CitationVerifier(sources, RetrieverResolver(runtime.retriever))
        out, i = [], 0
        while i < len(text):
            step = rng.randint(1, 6)
            out.append(verifier.feed(text[i : i + step]))
            i += step
        out.append(verifier.close())
        assert "".join(out) == expected


def test_segments_hold_back_a_marker_that_may_still_come() -> None:
    done, rest = split_segments("工资要按月发。[", final=False)
    assert done == [] and rest == "工资要按月发。["
    done, rest = split_segments("工资要按月发。[1] 然后", final=False)
    assert done == ["工资要按月发。[1]"] and rest == " 然后"
    done, rest = split_segments("他说「要签。合同」。好", final=True)
    assert done == ["他说「要签。合同」。", "好"] and rest == ""


def test_a_quoted_notice_that_refers_to_its_own_item_keeps_it(runtime: Runtime) -> None:
    # 本意见第八条 inside a quote of the 意见 is the notice's own wording, not an invented citation.
    law = "人力资源社会保障部关于执行《工伤保险条例》若干问题的意见"
    unit = runtime.retriever.lookup(DirectRef(law, 9))
    assert unit is not None and "本意见第八条" in unit.text
    item = [Source(1, unit, "article", 1.0)]
    text = f"- 《{law}》第九条[1]：「{unit.text.strip()[:60]}」"
    out, verifier = verify(runtime, item, text)
    assert "本意见第八条" in out and verifier.report.ok


def test_a_second_article_after_a_marked_clause_keeps_its_law(runtime: Runtime) -> None:
    # How the composer lists clauses of two laws, the first a title with 《》 inside: the second
    # article of the second law follows a clause and its source number. It is that law's article, not
    # one of the first law's (which removed it and left "第三款[3]" behind).
    refs = [
        DirectRef("实施《中华人民共和国社会保险法》若干规定", 13),
        DirectRef("社会保险法", 46),
        DirectRef("社会保险法", 50),
    ]
    units = [runtime.retriever.lookup(ref) for ref in refs]
    assert all(u is not None for u in units)
    sources = [Source(i + 1, u, "article", 1.0) for i, u in enumerate(units) if u is not None]
    text = (
        "交失业保险满1年就能领（《实施《中华人民共和国社会保险法》若干规定》第十三条第（一）项、第（二）项[1]、"
        "《社会保险法》第四十六条[2]、第五十条第三款[3]）。"
    )
    out, verifier = verify(runtime, sources, text)
    assert out == text
    assert verifier.report.valid_sources == {1, 2, 3} and verifier.report.ok
