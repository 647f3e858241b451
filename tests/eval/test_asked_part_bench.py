"""bench/asked_part_bench.py (session 16, route16): where the words that chose the opening stand. Its two
pieces that decide the buckets, on wording written for this test: the asked part is the clause that asks,
not the story told before it, and nothing when the asking sentence comes before a told one; an answer
reaches the asked part by its subject words only — a part that asks only what to do (怎么办) names no
answer's subject."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.consult.guides import GuideBook, load_guides

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from asked_part_bench import asked_part, reach  # noqa: E402


@pytest.fixture(scope="module")
def book() -> GuideBook:
    return load_guides()


def test_the_asked_part_is_the_clause_that_asks_not_the_story_before_it() -> None:
    part = asked_part("老板三个月没发工资了，我打算不干了，辞职的话经济补偿能拿多少")
    assert "补偿" in part
    assert "没发工资" not in part


def test_no_asked_part_when_the_asking_sentence_comes_first() -> None:
    # Marked: the marked clause, wherever it stands.
    assert asked_part("工伤认定去哪儿办？我老公上个月在厂里摔伤了。") == "工伤认定去哪儿办"
    # No marker and the question mark on the first sentence: the last clause (a told one) is not asked.
    assert asked_part("加班费的基数是什么？我在工厂上班。") == ""
    # No marker, one sentence: its last clause asks.
    assert asked_part("我老公上个月在厂里摔伤了，工伤认定谁去申请") == "工伤认定谁去申请"
    assert asked_part("我在厂里上班，手被机器压伤了") == "手被机器压伤了"


def test_only_subject_words_reach_the_asked_part(book: GuideBook) -> None:
    answers = [a for g in book.all() for a in g.answers]
    assert any(reach(a, "加班费怎么算") for a in answers)
    # 只问怎么办: the form of the question names no answer's subject (the told event's steps answer it).
    assert not any(reach(a, "我该怎么办") for a in answers)
    assert reach(None, "加班费怎么算") == 0
    assert not any(reach(a, "") for a in answers)
