from pathlib import Path

import pytest
from langchain_core.documents import Document

from assistant.langchain_adapters import EmbedderEmbeddings, LawRetriever
from assistant.retrieval import Filters, HybridRetriever
from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.query import DirectRef
from ingest.embed import FakeEmbedder
from ingest.index import open_index
from ingest.pipeline import run_ingest
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def retriever(built_settings) -> HybridRetriever:
    return HybridRetriever(open_index(built_settings.data_dir), FakeEmbedder())


def keys(result) -> list[tuple]:
    return [(h.unit.law, h.unit.article_no) for h in result.hits]


def test_direct_lookup_is_first(retriever: HybridRetriever) -> None:
    for query, expected in [
        ("劳动合同法第八十二条", ("劳动合同法", 82)),
        ("工伤保险条例第14条", ("工伤保险条例", 14)),
        ("劳动合同法82条说的啥", ("劳动合同法", 82)),
    ]:
        result = retriever.search(query, k=5)
        assert keys(result)[0] == expected
        assert "直接引用" in result.hits[0].reasons[0]
    follow_up = retriever.search("那第八十二条呢", k=3, context_laws=["劳动合同法"])
    assert keys(follow_up)[0] == ("劳动合同法", 82)


def test_no_contract_question_finds_articles_10_and_82(retriever: HybridRetriever) -> None:
    # "不给我签劳动合同" has words inside the team's phrase "不签合同": gapped phrase matching finds it.
    result = retriever.search("公司不给我签劳动合同怎么办", k=6)
    assert "未签书面劳动合同" in result.understanding.topic_names
    assert {("劳动合同法", 10), ("劳动合同法", 82)} & set(keys(result))


def test_colloquial_wage_question_finds_the_core_articles(retriever: HybridRetriever) -> None:
    result = retriever.search("老板三个月没发工资了还让我走人怎么办", k=10)
    found = set(keys(result))
    assert ("劳动合同法", 30) in found or ("劳动合同法", 85) in found
    assert all(h.reasons for h in result.hits)
    assert result.timings_ms["total"] > 0


CRIME_LAWS = {"刑法", "最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释"}


def test_two_issue_question_gets_articles_of_both_issues(retriever: HybridRetriever) -> None:
    # A building-site wage question that asks about the police: the 保障农民工工资支付条例 articles
    # alone would fill the list; the crime of refusing to pay wages must be in it too.
    result = retriever.search("在工地干了三个月，包工头欠我们工钱跑路了，能报警抓他不", k=10)
    laws = [h.unit.law for h in result.hits]
    assert "保障农民工工资支付条例" in laws
    crime = [h for h in result.hits if h.unit.law in CRIME_LAWS]
    assert crime and any("拒不支付劳动报酬罪" in r for r in crime[0].reasons)


@pytest.mark.parametrize(
    ("question", "issue", "expected"),
    [
        # Pay held back until the end of the year or of the job: 按月支付, at least once a month.
        (
            "平时只发点生活费，工资说是年底结",
            "工资支付周期与离职结清",
            {("劳动法", 50), ("工资支付暂行规定", 7)},
        ),
        # Who has to prove it: the employer keeps the attendance and pay records.
        ("老板不承认我在这干过，考勤记录都在公司那", "证据与举证责任", {("劳动争议调解仲裁法", 6)}),
        # Working for a private person (劳务关系), not a company.
        ("给私人老板盖房子，从架子上摔下来了找谁赔", "个人雇佣与工作中的人身损害", {("民法典", 1192)}),
        # Bankruptcy or a revoked licence ends the contract and still owes compensation.
        (
            "厂子破产了，合同怎么算，有没有经济补偿",
            "用人单位破产、关闭与注销",
            {("劳动合同法", 44), ("劳动合同法", 46)},
        ),
        # Moving between provinces: the pension and medical insurance go along.
        ("跨省换了工作，养老保险关系转移接续怎么办", "社保关系转移接续", {("社会保险法", 19)}),
    ],
)
def test_issue_specific_questions_find_their_key_articles(
    retriever: HybridRetriever, question: str, issue: str, expected: set[tuple[str, int]]
) -> None:
    result = retriever.search(question, k=5)
    assert issue in result.understanding.topic_names
    assert expected & set(keys(result))


def test_repealed_law_is_never_returned_by_default(retriever: HybridRetriever) -> None:
    repealed = "最高人民法院关于审理劳动争议案件适用法律若干问题的解释"
    result = retriever.search("劳动者与用人单位之间没有订立书面劳动合同但已形成劳动关系后发生的纠纷", k=30)
    assert all(h.unit.law != repealed and h.unit.in_force for h in result.hits)
    everything = retriever.search(
        "劳动者与用人单位之间没有订立书面劳动合同但已形成劳动关系后发生的纠纷",
        k=30,
        filters=Filters(in_force_only=False),
    )
    assert any(h.unit.law == repealed for h in everything.hits)


def test_level_and_law_filters(retriever: HybridRetriever) -> None:
    regs = retriever.search("工伤认定", k=10, filters=Filters(levels=frozenset({"行政法规"})))
    assert regs.hits and all(h.unit.level == "行政法规" for h in regs.hits)
    one_law = retriever.search("工资", k=10, filters=Filters(laws=frozenset({"劳动法"})))
    assert one_law.hits and all(h.unit.law == "劳动法" for h in one_law.hits)


def test_cases_are_searched_separately(retriever: HybridRetriever) -> None:
    cases = retriever.search_cases("外卖骑手与平台是否存在劳动关系", k=3)
    assert cases and all(h.unit.is_case for h in cases)
    assert len({h.unit.title for h in cases}) == len(cases)
    assert all(h.unit.is_case for h in retriever.search_cases("劳动合同法第八十二条", k=3))
    statutes = retriever.search("外卖骑手与平台是否存在劳动关系", k=10)
    assert not any(h.unit.is_case for h in statutes.hits)


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.queries = 0

    def embed_query(self, text: str):  # noqa: ANN201 - FakeEmbedder's signature
        self.queries += 1
        return super().embed_query(text)


def test_case_search_reuses_the_statute_search_of_the_same_question(built_settings) -> None:  # noqa: ANN001
    embedder = CountingEmbedder()
    counting = HybridRetriever(open_index(built_settings.data_dir), embedder)
    question = "跑外卖被车撞了，平台说我们不是劳动关系不管"
    alone = counting.search_cases(question, k=3)
    assert embedder.queries == 1
    statutes = counting.search(question, k=10)
    reused = counting.search_cases(question, k=3, statutes=statutes)
    assert embedder.queries == 2  # the case search embedded nothing of its own
    assert alone and reused
    # Another question's analysis is never reused.
    other = counting.search_cases("年假有几天", k=3, statutes=statutes)
    assert embedder.queries == 3 and [h.unit.unit_id for h in other] != [h.unit.unit_id for h in reused]
    # The statute search narrows the cases; it never brings in one the question did not find.
    wider = {h.unit.title for h in counting.search_cases(question, k=18)}
    assert {h.unit.title for h in reused} <= wider


def test_related_cases_apply_an_article_the_answer_stands_on(retriever: HybridRetriever) -> None:
    # With the statute search at hand, a case is shown only if it cites one of its articles or a key
    # article of a detected issue: sharing words (加班费, 离职) is not enough.
    question = "入职半年了公司一直没签合同，能要双倍工资吗"
    statutes = retriever.search(question, k=10)
    wanted = {(h.unit.law, h.unit.article_no or 0, h.unit.sub or 0) for h in statutes.hits}
    for issue, _ in statutes.understanding.topics:
        wanted |= {(a.law, a.article, a.sub or 0) for a in issue.articles}
    cases = retriever.search_cases(question, k=3, statutes=statutes)
    assert cases
    for case in cases:
        cited = {
            (law, int(article), int(rest[0] or 0) if rest else 0)
            for unit in retriever.units
            if unit.is_case and unit.title == case.unit.title
            for law, article, *rest in unit.cites or []
        }
        assert cited & wanted, case.unit.title


def test_superseded_version_never_returned(tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "行政法规"
    docs.mkdir(parents=True)
    (docs / "测试条例(2010-01-01).md").write_text(
        "# 测试条例\n\n<!-- INFO END -->\n\n第一条 旧版本规定加班工资按一倍计算。\n", encoding="utf-8"
    )
    (docs / "测试条例(2020-01-01).md").write_text(
        "# 测试条例\n\n<!-- INFO END -->\n\n第一条 新版本规定加班工资按一点五倍计算。\n", encoding="utf-8"
    )
    settings = make_settings(tmp_path / "data")
    run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder())
    retriever = HybridRetriever(open_index(settings.data_dir), FakeEmbedder())
    result = retriever.search("加班工资按几倍计算", k=5)
    assert [h.unit.version_date for h in result.hits] == ["2020-01-01"]
    assert retriever.lookup(DirectRef("测试条例", 1)).version_date == "2020-01-01"
    assert len(retriever.search("加班工资按几倍计算", k=5, filters=Filters(in_force_only=False)).hits) == 2


def test_langchain_adapters(retriever: HybridRetriever) -> None:
    docs = LawRetriever(retriever=retriever, k=3).invoke("劳动合同法第八十二条")
    assert isinstance(docs[0], Document)
    assert docs[0].metadata["law"] == "劳动合同法" and docs[0].metadata["article"] == 82
    assert "二倍的工资" in docs[0].page_content
    embeddings = EmbedderEmbeddings(FakeEmbedder())
    assert len(embeddings.embed_query("工资")) == 128 and len(embeddings.embed_documents(["a", "b"])) == 2


def test_aliases_point_at_laws_in_the_default_index(retriever: HybridRetriever) -> None:
    in_index = {u.law for u in retriever.units}
    missing = {alias: law for alias, law in load_knowledge().aliases.items() if law not in in_index}
    assert missing == {}


def test_taxonomy_articles_exist_in_the_default_index(retriever: HybridRetriever) -> None:
    missing = [
        (i.name, a.law, a.article)
        for i in load_knowledge().issues
        for a in i.articles
        if not retriever.has_article(a.law, a.article, a.sub)
    ]
    assert missing == []


def test_quitting_over_unpaid_wages_finds_the_compensation_article(retriever: HybridRetriever) -> None:
    # 欠薪, 辞职 and 补偿 in one question: 劳动合同法第四十六条 (compensation when the worker quits
    # under article 38) is a key article of all three issues, and that is what lifts it into the
    # first five, ahead of where a single issue's prior would put it.
    from dataclasses import replace

    question = "公司拖欠工资三个月，我想辞职，能要经济补偿吗"
    assert ("劳动合同法", 46) in keys(retriever.search(question, k=10))[:5]
    # The mechanism itself, without the learned prior (which knows this article for such questions).
    taxonomy_only = HybridRetriever(retriever.index, retriever.embedder, use_prior=False)
    result = taxonomy_only.search(question, k=10)
    assert ("劳动合同法", 46) in keys(result)[:5]
    single = HybridRetriever(
        retriever.index,
        retriever.embedder,
        weights=replace(taxonomy_only.weights, shared_issue=0.0),
        use_prior=False,
    )
    before = keys(single.search(question, k=60))
    assert ("劳动合同法", 46) not in before or keys(result).index(("劳动合同法", 46)) < before.index(
        ("劳动合同法", 46)
    )


def test_issue_nearest_in_meaning_joins_when_no_trigger_phrase_matched(retriever: HybridRetriever) -> None:
    # A question in words that no trigger list holds still gets one labour issue (the nearest by
    # vector), so that issue's key articles are candidates; a trigger-detected issue keeps the lead.
    from assistant.retrieval.query import understand

    issue = retriever.knowledge.issues[0]
    vector = retriever._issue_matrix()[0]
    u = understand("这种情况到底怎么算", retriever.knowledge, retriever.matcher)
    assert u.topics == []
    nearest = retriever._nearest_issue(u, vector)
    assert nearest is not None and nearest[0].id == issue.id
    detected = understand("公司拖欠工资三个月，我想辞职", retriever.knowledge, retriever.matcher)
    best = detected.topics[0][1]
    other = next(
        i
        for i in range(len(retriever.knowledge.issues))
        if retriever.knowledge.issues[i].id not in {t.id for t, _ in detected.topics}
    )
    joining = retriever._nearest_issue(detected, retriever._issue_matrix()[other])
    assert joining is not None and joining[0].id == retriever.knowledge.issues[other].id
    assert joining[1] < best
    # An issue the trigger phrases already found does not join twice.
    lead = next(
        i for i, known in enumerate(retriever.knowledge.issues) if known.id == detected.topics[0][0].id
    )
    assert retriever._nearest_issue(detected, retriever._issue_matrix()[lead]) is None


def test_the_article_where_two_detected_issues_meet_is_retrieved(retriever: HybridRetriever) -> None:
    # 劳动合同法38 shares no word with the question (劳动报酬, 解除劳动合同) but is key to both 欠薪
    # and 劳动者辞职: where the issues meet is the answer (quit at once, with compensation).
    result = retriever.search("公司拖欠我三个月工资，我想辞职", k=10)
    assert {"欠薪", "劳动者辞职"} <= set(result.understanding.topic_names)
    assert ("劳动合同法", 38) in keys(result)
    meeting = next(h for h in result.hits if (h.unit.law, h.unit.article_no) == ("劳动合同法", 38))
    assert meeting.features["meet"] > 0


@pytest.mark.parametrize(
    ("question", "topic", "expected"),
    [
        # The regulations added to ../shared/corpus/extra answer the issues they were written for.
        ("派遣工被用工单位退回了，这段时间没活干有没有工资", "劳务派遣", ("劳务派遣暂行规定", 12)),
        (
            "生病住院请了病假，公司说医疗期只有三个月，医疗期到底多长",
            "医疗期",
            ("企业职工患病或非因工负伤医疗期规定", 3),
        ),
        ("老板说加班费也算在最低工资里面，这样合法吗", "最低工资", ("最低工资规定", 12)),
        ("厂里招了个十五岁的童工，干活时手受伤了，医药费谁出", "童工", ("禁止使用童工规定", 10)),
        (
            "在一个没有营业执照的小作坊干活，手指被机器压断了，能赔多少",
            "非法用工单位伤亡赔偿",
            ("非法用工单位伤亡人员一次性赔偿办法", 2),
        ),
        (
            "我六十三岁了还在工地干活，属于超龄劳动者，老板不给签协议也不买工伤保险",
            "退休与超龄用工",
            ("超龄劳动者基本权益保障暂行规定", 15),
        ),
    ],
)
def test_new_regulations_answer_their_issues(
    retriever: HybridRetriever, question: str, topic: str, expected: tuple[str, int]
) -> None:
    result = retriever.search(question, k=10)
    assert any(topic in name for name in result.understanding.topic_names), result.understanding.topic_names
    assert expected in keys(result), keys(result)


def test_an_unlicensed_shop_is_where_the_worker_is_not_what_went_wrong(retriever: HybridRetriever) -> None:
    # Without an injury, 没有营业执照 is context: a wage question there stays a wage question.
    wages = retriever.search("在一个没有营业执照的小作坊干活，老板拖欠三个月工资不给", k=10)
    assert "非法用工单位伤亡赔偿" not in wages.understanding.topic_names
    assert "欠薪" in wages.understanding.topic_names
