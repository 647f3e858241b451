"""The issue router: which issues' guides may answer, from the keyword topics and what retrieval found."""

from __future__ import annotations

from functools import cache

import numpy as np

from assistant.consult.facts import extract_facts
from assistant.consult.plan import SECOND_ISSUE_SHARE, plan_consultation
from assistant.consult.routing import (
    FEATURES,
    IssueEvidence,
    IssueRouter,
    load_router,
    logistic_fit,
)
from assistant.consult.toolbridge import deadline_computations, default_tool_runner
from assistant.retrieval.knowledge import Issue, load_knowledge
from assistant.retrieval.query import detect_topics
from tests.assistant.consult.planning import TODAY, guide_book

COLUMN = {name: i for i, name in enumerate(FEATURES)}


@cache
def evidence() -> IssueEvidence:
    return IssueEvidence(load_knowledge().issues, guide_book())


def issue(issue_id: str) -> Issue:
    return next(i for i in evidence().issues if i.id == issue_id)


def row(features: np.ndarray, issue_id: str) -> dict[str, float]:
    index = [i.id for i in evidence().issues].index(issue_id)
    return {name: float(features[index, COLUMN[name]]) for name in FEATURES}


def own_key_article(issue_id: str) -> tuple[str, int]:
    """A key article of this issue that no other issue with a guide counts among its own."""
    others = set().union(*(keys for other, keys in evidence().key.items() if other != issue_id))
    return next(a for a in sorted(evidence().key[issue_id]) if a not in others)


def features_of(question: str, hits: list[tuple[str, int]]) -> np.ndarray:
    topics = detect_topics(question, load_knowledge())
    return evidence().features(question, topics, set(), {}, hits)


def test_a_keyword_told_only_before_the_asked_clause_is_background() -> None:
    question = "前年干活时受伤，早就好了。现在老板没签合同就叫我走人，这样合法吗"
    features = features_of(question, [])
    injury = row(features, "work_injury_recognition")
    assert injury["keyword"] > 0
    assert injury["keyword_background"] == 1.0 and injury["keyword_asked"] == 0.0
    # Asked in the very clause that asks, the same word is no background.
    asked = row(features_of("干活时受伤了，这算工伤吗", []), "work_injury_recognition")
    assert asked["keyword_asked"] == 1.0 and asked["keyword_background"] == 0.0


def test_retrieved_articles_point_to_the_issues_that_cite_them() -> None:
    question = "老板说明天不用来了，能要钱吗"
    features = features_of(question, [own_key_article("unlawful_termination")])
    assert row(features, "unlawful_termination")["evidence_key"] == 1.0
    assert row(features, "unlawful_termination")["top_key"] == 1.0
    assert row(features, "annual_leave")["evidence_key"] == 0.0
    # Without a retrieved article, the evidence is silent.
    assert row(features_of(question, []), "unlawful_termination")["evidence_key"] == 0.0


def router(join: float = 2.0, keep: float = 0.0, **weights: float) -> IssueRouter:
    vector = np.zeros(len(FEATURES))
    for name, value in weights.items():
        vector[COLUMN[name]] = value
    return IssueRouter(vector, weights.pop("bias", -1.0), join, keep, {})


def test_an_issue_the_evidence_names_joins_the_words_issues_as_faint() -> None:
    question = "老板拖欠了我三个月工资，我该怎么办"
    topics = detect_topics(question, load_knowledge())
    worded = [i.id for i, _ in topics]
    assert "annual_leave" not in worded
    hits = [own_key_article("annual_leave")]
    routed = evidence().route(router(join=0.5, evidence_key=4.0), question, topics, set(), {}, hits)
    ids = [i for i, _ in routed.issues]
    assert "annual_leave" in ids and routed.faint == {"annual_leave"}
    assert set(worded) <= set(ids)  # the words' issues stay
    # Its score sits on the keyword scale, under the strongest worded issue's.
    assert dict(routed.issues)["annual_leave"] <= max(s for _, s in topics)
    # Below the join threshold nothing joins.
    assert (
        evidence().route(router(join=0.99, evidence_key=4.0), question, topics, set(), {}, hits).faint
        == set()
    )


def test_a_keyword_issue_told_only_as_background_is_set_aside() -> None:
    question = "前年干活时受伤，早就好了。现在老板没签合同就叫我走人合法吗"
    topics = detect_topics(question, load_knowledge())
    assert "work_injury_recognition" in [i.id for i, _ in topics]
    learned = router(keep=0.5, keyword_asked=3.0, keyword_background=-3.0, keyword=1.0)
    routed = evidence().route(learned, question, topics, set(), {}, [])
    ids = [i for i, _ in routed.issues]
    # Last, under the plan's share of the first issue's score: no candidate by its words any more.
    assert ids[-1] == "work_injury_recognition" and ids[0] != "work_injury_recognition"
    assert routed.issues[-1][1] < SECOND_ISSUE_SHARE * routed.issues[0][1]
    # The same router keeps an injury that is what the question asks about.
    asked = "干活时手被机器压伤了，这算工伤吗"
    routed = evidence().route(learned, asked, detect_topics(asked, load_knowledge()), set(), {}, [])
    assert routed.issues[0][0] == "work_injury_recognition"


def test_the_words_issues_are_never_all_set_aside() -> None:
    question = "老板拖欠了我三个月工资"
    topics = detect_topics(question, load_knowledge())
    assert topics
    routed = evidence().route(router(keep=0.9, keyword_background=-5.0), question, topics, set(), {}, [])
    assert [i for i, _ in routed.issues] == [i.id for i, _ in topics] and not routed.faint


def test_logistic_fit_recovers_a_separating_direction() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - 0.5 * x[:, 1] > 0).astype(float)
    weights, _ = logistic_fit(x, y, l2=0.1)
    assert weights[0] > 0 > weights[1]
    assert abs(weights[0] / weights[1] + 2.0) < 0.5


def test_shipped_router_says_what_it_was_trained_on() -> None:
    shipped = load_router()
    assert shipped is not None
    assert len(shipped.weights) == len(FEATURES)
    header = shipped.header
    assert "train_issue_router.py" in str(header["command"])
    assert header["trained_on"].get("real_learn", 0) > 0  # type: ignore[union-attr]
    assert "check half" in str(header["not_trained_on"])
    # Measured out of fold, against the keyword topics on the same retrieval.
    assert {"keyword_topics", "router"} <= set(header["out_of_fold"])  # type: ignore[arg-type]


# --- the opening, through the real plan -----------------------------------------------------------


def opening_guide(question: str, routed: bool, hits: list[tuple[str, int]] | None = None) -> str:
    """The guide that opens the plan, from the keyword topics alone or routed by the shipped router on
    the articles retrieval found (``hits``, best first)."""
    topics = detect_topics(question, load_knowledge())
    issues = [(i.id, s) for i, s in topics]
    faint: frozenset[str] = frozenset()
    if routed:
        shipped = load_router()
        assert shipped is not None
        result = evidence().route(shipped, question, topics, set(), {}, hits or [])
        issues, faint = result.issues, result.faint
    plan = plan_consultation(
        question,
        extract_facts([question], TODAY),
        issues,
        (),
        guide_book(),
        default_tool_runner(lambda: TODAY),
        lambda values: deadline_computations(values, TODAY),
        by_meaning=faint,
    )
    assert plan.selected, question
    return plan.selected[0].split("/")[0]


def key_articles(issue_id: str, n: int = 3) -> list[tuple[str, int]]:
    """The first key articles of an issue, as a retrieval that found that issue would rank them."""
    return sorted(evidence().key[issue_id])[:n]


def test_a_background_keyword_gives_way_to_the_issue_asked_and_retrieved() -> None:
    # Overtime is told as past background; the asked clause and retrieval are about the transfer.
    question = "去年加班很多，老板也没给加班费，现在我怀孕了，公司要调我的岗位还降工资，这样调岗合法吗？"
    assert opening_guide(question, routed=False) == "overtime"
    assert (
        opening_guide(question, routed=True, hits=key_articles("rules_and_transfer")) == "rules_and_transfer"
    )


def test_a_keyword_in_the_asked_clause_keeps_its_guide_whatever_retrieval_ranks_first() -> None:
    question = "在车间干活时手被机器压伤了，老板不给报工伤怎么办？"
    assert opening_guide(question, routed=False) == "work_injury_recognition"
    for other in ("unlawful_termination", "wage_arrears"):
        assert opening_guide(question, routed=True, hits=key_articles(other)) == "work_injury_recognition"


def test_a_past_injury_never_takes_the_opening_of_a_dismissal_question() -> None:
    # No issue sits in the asked clause (能要补偿吗): nothing is set aside, the words keep their order.
    question = "前几年干活时受过伤，早就好了，现在公司一直不跟我签劳动合同，上个月直接叫我走人，能要补偿吗？"
    for retrieved in ("unlawful_termination", "severance_compensation", "no_written_contract"):
        opened = opening_guide(question, routed=True, hits=key_articles(retrieved))
        assert not opened.startswith("work_injury"), (retrieved, opened)


def test_the_service_plans_with_the_routed_issues(runtime, built_settings, monkeypatch) -> None:  # noqa: ANN001
    from assistant.answer.service import AnswerService
    from assistant.consult.routing import RoutedIssues

    service = AnswerService(runtime.retriever, built_settings)
    assert service.router is not None
    question = "去年加班很多，老板也没给加班费，现在我怀孕了，公司要调我的岗位还降工资，这样调岗合法吗？"
    # The test index's hashing embedder reads no meaning: the keyword topics decide, as before.
    assert service.issue_similarities(service.retriever.search(question)) == {}
    assert service.prepare(question).request.plan.selected[0].startswith("overtime/")
    # With a vector that reads meaning, the plan takes the router's issues (here: the transfer only).
    monkeypatch.setattr(service, "issue_similarities", lambda result: {"rules_and_transfer": 0.9})
    monkeypatch.setattr(
        service.evidence,
        "route",
        lambda *args, **kwargs: RoutedIssues([("rules_and_transfer", 1.0)], frozenset()),
    )
    assert service.prepare(question).request.plan.selected[0].startswith("rules_and_transfer/")
