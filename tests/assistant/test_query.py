from assistant.retrieval.knowledge import load_knowledge
from assistant.retrieval.query import LawNameMatcher, find_direct_refs, normalize, understand

LAWS = ["劳动合同法", "劳动合同法实施条例", "劳动法", "工伤保险条例", "保障农民工工资支付条例", "刑法"]


def matcher() -> LawNameMatcher:
    return LawNameMatcher(LAWS, load_knowledge().aliases)


def refs(text: str, context: list[str] | None = None) -> list[tuple]:
    found, _ = find_direct_refs(normalize(text), matcher(), context or [])
    return [(r.law, r.article, r.sub) for r in found]


def test_direct_lookup_spellings() -> None:
    assert refs("劳动合同法第八十二条") == [("劳动合同法", 82, None)]
    assert refs("劳动合同法82条说的啥") == [("劳动合同法", 82, None)]
    assert refs("《劳动合同法》 第 82 条") == [("劳动合同法", 82, None)]
    assert refs("工伤保险条例第14条") == [("工伤保险条例", 14, None)]
    assert refs("劳动合同法实施条例第六条") == [("劳动合同法实施条例", 6, None)]
    assert refs("刑法第二百七十六条之一") == [("刑法", 276, 1)]
    assert refs("工伤条例第十四条") == [("工伤保险条例", 14, None)]  # alias
    assert refs("劳动合同法８２条") == [("劳动合同法", 82, None)]  # full-width digits


def test_bare_article_uses_law_mentioned_earlier() -> None:
    assert refs("那第八十二条呢", context=["劳动合同法"]) == [("劳动合同法", 82, None)]
    assert refs("第八十二条呢") == []  # no law known: no guess


def test_not_references() -> None:
    assert refs("劳动法2018年修改了吗") == []  # a year, not an article
    assert refs("公司不给签合同") == []


def test_expansion_maps_colloquial_to_legal_terms() -> None:
    u = understand("老板三个月没发工资了还让我走人", load_knowledge(), matcher())
    assert "用人单位" in u.expansions
    assert any("劳动报酬" in t for t in u.expansions)
    assert any("解除劳动合同" in t for t in u.expansions)


def test_typos_are_corrected() -> None:
    assert "社保" in normalize("老板不交社宝", load_knowledge().typos)
    assert "工伤" in normalize("这个算工商吗", load_knowledge().typos)


def test_topic_detection() -> None:
    knowledge = load_knowledge()
    assert "欠薪" in understand("老板拖欠工资不发", knowledge, matcher()).topic_names
    assert any("工伤" in t for t in understand("上班路上被车撞了算工伤吗", knowledge, matcher()).topic_names)
    assert "拒不支付劳动报酬罪" in understand("包工头欠钱跑路了能报警吗", knowledge, matcher()).topic_names
    assert understand("今天天气不错", knowledge, matcher()).topics == []


def test_unpaid_wages_are_not_read_as_a_question_about_how_wages_are_paid() -> None:
    # 发工资 (a keyword of 最低工资与工资支付) sits inside 没发工资 (欠薪): the issue's own example.
    knowledge = load_knowledge()
    topics = understand("老板三个月没发工资了还让我走人怎么办", knowledge, matcher()).topic_names
    assert set(topics[:2]) == {"欠薪", "违法解除劳动合同"}
    assert "最低工资与工资支付" not in topics
    for question in ("两个月没给工资了", "厂里一直没给钱"):
        assert "欠薪" in understand(question, knowledge, matcher()).topic_names
    # Asked about how wages are paid, the wage-payment issue is still found.
    assert "最低工资与工资支付" in understand("公司发工资低于最低工资", knowledge, matcher()).topic_names


def test_knowledge_is_large_and_well_formed() -> None:
    knowledge = load_knowledge()
    assert sum(len(g.colloquial) for g in knowledge.synonyms) >= 300
    assert len(knowledge.issues) >= 16
    assert all(issue.articles for issue in knowledge.issues)


def test_gapped_phrase_matching_stays_within_a_clause() -> None:
    from assistant.retrieval.query import phrase_in

    assert phrase_in("不签合同", "公司不给我签劳动合同")
    assert phrase_in("没交社保", "老板没给我交社保")
    assert not phrase_in("不签合同", "我不想干了，签的合同呢")  # a clause break in between
    assert not phrase_in("工伤", "工地受伤")  # short phrases match exactly only


def test_a_keyword_inside_a_longer_matched_keyword_is_not_counted_twice() -> None:
    # 包工头 also contains the keyword 工头: one mention of the site boss, not two. Counted twice it
    # made 农民工工资支付 outscore the crime the worker actually asks about.
    knowledge = load_knowledge()
    understood = understand("包工头欠钱跑路了，能报警抓他不", knowledge, matcher())
    topics = {issue.name: score for issue, score in understood.topics}
    assert topics["农民工工资支付（工程建设）"] == 0.5  # 包工头 (3 characters) only
    assert topics["拒不支付劳动报酬罪"] >= topics["农民工工资支付（工程建设）"]


def test_an_expansion_phrase_is_weak_evidence_for_the_issue_its_legal_reading_names() -> None:
    # 被毕业 is no keyword of the 违法解除 issue, but the expansion table reads it as 违法解除,
    # which is one. It counts, though less than the issue's own trigger word would.
    knowledge = load_knowledge()
    understood = understand("店长发微信说我被毕业了", knowledge, matcher())
    assert "违法解除劳动合同" in understood.topic_names
    direct = {i.name: s for i, s in understand("店长说要开除我", knowledge, matcher()).topics}
    weak = {i.name: s for i, s in understood.topics}
    assert weak["违法解除劳动合同"] < direct["违法解除劳动合同"]


def test_a_synonym_phrase_around_an_issue_keyword_does_not_lower_it() -> None:
    # 明天别来了 (a low-weighted synonym hit) contains 别来了, a keyword of the issue itself: the
    # issue keeps the full weight of its own keyword instead of the synonym's.
    from assistant.retrieval.knowledge import Issue, Knowledge, SynonymGroup
    from assistant.retrieval.query import detect_topics, fired_groups

    dismissal = Issue("dismissal", "辞退", "", ("别来了", "辞退"), ())
    money = Issue("money", "补偿", "", ("要多少钱",), ())
    knowledge = Knowledge(
        synonyms=(SynonymGroup("开除", ("辞退",), ("明天别来了",)),),
        issues=(dismissal, money),
        aliases={},
        typos={},
    )
    text = "老板叫我明天别来了，能要多少钱"
    scores = {issue.id: s for issue, s in detect_topics(text, knowledge, fired=fired_groups(text, knowledge))}
    assert scores["dismissal"] == 3 / 6  # 别来了 at full weight, not 明天别来了 × 0.3


def test_two_keywords_over_the_same_words_are_one_mention() -> None:
    # 十五岁 and 十六岁 both match 十五六岁 (a keyword of 3+ characters may have a few characters
    # inside it): one mention of an age, counted once, not twice.
    from assistant.retrieval.knowledge import Issue, Knowledge
    from assistant.retrieval.query import detect_topics

    minors = Issue("minors", "童工", "", ("十五岁", "十六岁", "招童工"), ())
    knowledge = Knowledge(synonyms=(), issues=(minors,), aliases={}, typos={})
    assert detect_topics("厂里有十五六岁的", knowledge)[0][1] == 3 / 6
    assert detect_topics("厂里招童工，都是十五六岁的", knowledge)[0][1] == 6 / 6


def test_a_building_site_is_where_the_worker_is_not_what_went_wrong() -> None:
    # An injury on a site is a 工伤 question: 工地 alone must not make it a wage-payment one, nor
    # add the site wage regime's legal terms to the search.
    knowledge = load_knowledge()
    injury = understand(
        "我老公在工地上被钢筋砸了，右手截肢了，老板只给了两万块钱就不管了", knowledge, matcher()
    )
    assert injury.topics[0][0].name == "工伤认定"
    assert "农民工工资支付（工程建设）" not in injury.topic_names[:2]
    assert "施工总承包单位" not in injury.expansions
    # Beside unpaid wages the same words count in full, expansion included.
    wages = understand("在工地干了三个月，包工头欠我们工钱跑路了", knowledge, matcher())
    assert "农民工工资支付（工程建设）" in wages.topic_names and "欠薪" in wages.topic_names
    assert "施工总承包单位" in wages.expansions


def test_an_id_number_in_the_question_changes_nothing_but_is_not_kept() -> None:
    knowledge = load_knowledge()
    plain = understand("我的身份证被老板扣着不还", knowledge, matcher())
    with_number = understand("我的身份证110101199003071233被老板扣着不还", knowledge, matcher())
    assert with_number.topic_names == plain.topic_names and with_number.topic_names
    assert "110101199003071233" not in with_number.normalized


def test_a_request_for_a_person_is_not_the_legal_issue() -> None:
    """找律师 / 转人工 hand the conversation over (the escalation policy's request rules); they must not
    pick the topic, nor lend their legal reading (找律师 → 法律援助) to the search."""
    knowledge = load_knowledge()
    for request in ("我要找律师", "帮我找个律师", "转人工", "给我打电话"):
        u = understand(f"在物流园干了两年，老板欠我三个月工资，{request}", knowledge, matcher())
        assert u.topic_names[:1] == ["欠薪"] and "法律援助" not in u.topic_names, request
        assert "法律援助" not in u.expansions and not any("律师" in p for p in u.matched_phrases), request
    # Words about lawyers that ask for nobody stay: legal aid and fees are questions of their own.
    for question in ("请不起律师怎么办", "法律援助怎么申请", "找律师要钱吗"):
        assert "法律援助" in understand(question, knowledge, matcher()).topic_names, question
    alone = understand("转人工", knowledge, matcher())
    assert alone.topics == [] and not alone.recognized  # a request alone raises no legal question


# --- a trigger denied in its own clause (session 8, round 2) ---------------------------------------------


def topics_of(text: str) -> list[str]:
    return [issue.id for issue, _ in understand(text, load_knowledge(), matcher()).topics]


def test_a_denied_event_raises_no_issue() -> None:
    assert "overtime" not in topics_of("我没有加班，公司每个月从工资里扣200块管理费")
    assert "overtime" in topics_of("我天天加班，公司每个月从工资里扣200块管理费")
    assert "work_injury_recognition" not in topics_of("我没受伤，就是老板拖欠了三个月工资")
    assert "work_injury_recognition" in topics_of("我受伤了，老板拖欠了三个月工资")


def test_a_missing_entitlement_is_still_the_complaint() -> None:
    assert "no_written_contract" in topics_of("干了半年一直没签合同")
    assert "overtime" in topics_of("天天干到晚上十点，没有加班费")


def test_an_a_not_a_question_is_no_denial() -> None:
    assert "work_injury_recognition" in topics_of("我这个是不是工伤")
    assert "unlawful_termination" in topics_of("公司有没有辞退我的权利")
