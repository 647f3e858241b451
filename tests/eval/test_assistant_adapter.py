"""What the harness counts as the assistant's own citations."""

from eval.assistant_adapter import shown_citations


def test_references_inside_a_quoted_article_are_the_statutes_words() -> None:
    text = (
        "- 《劳动合同法》第三十八条[2]：「依照本法第四十六条……」\n"
        "- 《审批办法》第三条[3]：「企业因生产特点不能实行《中华人民共和国劳动法》第三十六条规定的……」\n"
        "> 《劳动法》第四十四条 quoted in the basis"
    )
    assert ("劳动法", 36, 0) not in shown_citations(text)
    assert ("劳动合同法", 38, 0) in shown_citations(text)
