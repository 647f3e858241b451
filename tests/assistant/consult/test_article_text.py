"""A question that only asks what a named article says is answered with that article's words first,
not with an issue guide its subject raises."""

import pytest

from assistant.answer import AnswerService
from assistant.config import Settings
from assistant.consult.article_text import asks_article_text
from assistant.retrieval.query import DirectRef, LawNameMatcher
from assistant.runtime import Runtime

MATCHER = LawNameMatcher(["示范市外卖骑手权益保障办法", "劳动合同法", "工伤保险条例"], {})
REF = [DirectRef("劳动合同法", 82)]


@pytest.mark.parametrize(
    "question",
    [
        "示范市外卖骑手权益保障办法第二条怎么规定的",
        "劳动合同法第82条说的是什么？",
        "请问《劳动合同法》第八十二条的原文",
        "工伤保险条例14条",
        "劳动合同法第八十二条和第八十七条是怎么规定的呢",
    ],
)
def test_questions_that_only_ask_for_the_words(question: str) -> None:
    assert asks_article_text(question, MATCHER, REF)


@pytest.mark.parametrize(
    "question",
    [
        "我没签合同，劳动合同法第八十二条怎么规定的",  # a situation told: the guides answer it
        "劳动合同法第八十二条能要双倍工资吗",
        "劳动合同法第八十二条说的二倍工资怎么算",
    ],
)
def test_questions_that_ask_more_than_the_words(question: str) -> None:
    assert not asks_article_text(question, MATCHER, REF)


def test_no_article_named_is_no_such_question() -> None:
    assert not asks_article_text("劳动合同法怎么规定的", MATCHER, [])


@pytest.mark.parametrize(
    ("question", "citation"),
    [
        ("工伤保险条例第十四条怎么规定的", "《工伤保险条例》第十四条"),
        ("女职工劳动保护特别规定第五条怎么规定的", "《女职工劳动保护特别规定》第五条"),
        ("职工带薪年休假条例第三条是什么内容", "《职工带薪年休假条例》第三条"),
        ("保障农民工工资支付条例第二十九条原文", "《保障农民工工资支付条例》第二十九条"),
    ],
)
def test_the_answer_opens_with_the_article_asked(
    runtime: Runtime, built_settings: Settings, question: str, citation: str
) -> None:
    answer = AnswerService(runtime.retriever, built_settings).ask(question)
    conclusion = answer.text.split("**结论**", 1)[1].strip()
    assert conclusion.startswith("你问的条文原文如下"), conclusion[:120]
    first_quote = conclusion.splitlines()[2]
    assert first_quote.startswith(f"- {citation}[1]：「"), first_quote
    assert answer.confidence.level == "high"
