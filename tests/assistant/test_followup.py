"""Follow-up rewriting: pure rules over the conversation's earlier turns."""

from assistant.followup import Turn, context_laws, rewrite_followup
from assistant.retrieval.query import LawNameMatcher

MATCHER = LawNameMatcher(["劳动合同法", "劳动法", "劳动争议调解仲裁法", "工伤保险条例"], {})
ART_38 = (
    "用人单位有下列情形之一的，劳动者可以解除劳动合同:\n（一）未按照劳动合同约定提供劳动保护或者劳动条件的；\n"
    "（二）未及时足额支付劳动报酬的；\n（三）未依法为劳动者缴纳社会保险费的；"
)


def cite(law: str, article: int, text: str = "", kind: str = "article") -> dict[str, object]:
    return {"law": law, "article": article, "text": text, "kind": kind}


NO_CONTRACT = Turn(
    "公司不给我签劳动合同怎么办",
    "公司不给我签劳动合同怎么办",
    [cite("劳动合同法", 82), cite("劳动合同法", 10), cite("劳动争议调解仲裁法", 27, kind="procedure")],
)


def test_first_question_is_taken_as_asked() -> None:
    rewrite = rewrite_followup("  公司不给我签劳动合同怎么办 ", [], MATCHER.find)
    assert (
        rewrite.query == "公司不给我签劳动合同怎么办" and not rewrite.rewritten and rewrite.context_laws == []
    )


def test_elliptical_followup_carries_the_previous_question() -> None:
    rewrite = rewrite_followup("那加班费呢？", [NO_CONTRACT], MATCHER.find)
    assert rewrite.rule == "elliptical"
    assert rewrite.query.startswith("加班费") and "签劳动合同" in rewrite.query
    assert rewrite.context_laws == ["劳动合同法"]


def test_bare_article_takes_the_law_under_discussion() -> None:
    rewrite = rewrite_followup("第八十二条呢", [NO_CONTRACT], MATCHER.find)
    assert rewrite.rule == "article" and rewrite.query == "劳动合同法第八十二条呢"
    # A question naming its own law is left alone.
    assert not rewrite_followup("劳动法第四十四条呢", [NO_CONTRACT], MATCHER.find).rewritten


def test_ordinal_picks_the_item_of_the_previous_answer() -> None:
    turn = Turn("公司有哪些情形我可以辞职", "公司有哪些情形我可以辞职", [cite("劳动合同法", 38, ART_38)])
    rewrite = rewrite_followup("第二种情况呢", [turn], MATCHER.find)
    assert rewrite.rule == "ordinal"
    assert rewrite.query == "公司有哪些情形我可以辞职 未及时足额支付劳动报酬的"


def test_standalone_questions_are_not_rewritten() -> None:
    question = "送外卖路上摔伤了算不算工伤，公司不给报怎么办"
    rewrite = rewrite_followup(question, [NO_CONTRACT], MATCHER.find)
    assert not rewrite.rewritten and rewrite.query == question and rewrite.context_laws == ["劳动合同法"]


def test_context_laws_put_the_most_salient_last() -> None:
    older = Turn("工伤保险条例第十四条", "工伤保险条例第十四条", [cite("工伤保险条例", 14)])
    newer = Turn("加班费怎么算", "加班费怎么算", [cite("劳动法", 44), cite("劳动合同法", 31)])
    assert context_laws([older, newer], MATCHER.find) == ["工伤保险条例", "劳动合同法", "劳动法"]
