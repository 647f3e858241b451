import json
import random
from pathlib import Path

import pytest

from eval.datasets import EvalItem
from eval.metrics import macro_article_recall
from eval.real_questions import load_real_questions, real_questions_path, split_items, split_of


def test_split_is_a_fixed_function_of_the_id() -> None:
    # Pinned: a changed hash or rule would move items between the halves and mix fitted data into
    # the check half, so it must be noticed.
    assert [split_of(i) for i in ("eq-1", "eq-2", "eq-3", "eq-4", "eq-103542")] == [
        "check",
        "learn",
        "learn",
        "learn",
        "check",
    ]
    ids = [f"eq-{n}" for n in range(2000)]
    first = {i: split_of(i) for i in ids}
    assert all(split_of(i) == half for i, half in first.items())
    assert 0.45 < sum(h == "learn" for h in first.values()) / len(ids) < 0.55


def test_split_does_not_depend_on_order_or_on_other_items() -> None:
    items = [EvalItem(f"eq-{n}", f"问题{n}") for n in range(300)]
    halves = split_items(items)
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    again = split_items(shuffled[:150])  # another file version holding only some of the items
    for half in ("learn", "check"):
        assert {i.id for i in again[half]} <= {i.id for i in halves[half]}
    assert not {i.id for i in halves["learn"]} & {i.id for i in halves["check"]}


def test_real_file_splits_into_two_disjoint_halves_covering_it() -> None:
    path = real_questions_path()
    if not path.exists():
        pytest.fail(f"real questions not found at {path}: read ../shared/data/real_questions in place")
    halves = load_real_questions()
    lines = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    learn, check = {i.id for i in halves["learn"]}, {i.id for i in halves["check"]}
    assert not learn & check
    assert learn | check == {row["id"] for row in lines}
    assert min(len(learn), len(check)) > 0.4 * len(lines)


def test_macro_article_recall_weighs_every_article_alike() -> None:
    frequent, rare = ("劳动合同法", 47, 0), ("工伤保险条例", 33, 0)
    rows = [([frequent], {frequent})] * 9 + [([frequent], {rare})]
    # Nine of ten items found (0.9), but only one of two articles ever found: macro 0.5.
    assert macro_article_recall(rows, 10) == pytest.approx(0.5)
    assert macro_article_recall([], 10) is None
    deep = [("x", n, 0) for n in range(10)] + [rare]
    assert macro_article_recall([(deep, {rare})], 10) == 0.0
    assert macro_article_recall([(deep, {rare})], 11) == 1.0


def test_label_files_name_each_question_of_their_half_once_and_only_answers_that_exist() -> None:
    """The labels ship without questions: each id must be in the half its file names (a check label in a learn
    file would be fitted on), once, and each answer ref a guide answer of today's guides (or "none")."""
    from assistant.consult.guides import load_guides

    datasets = Path(__file__).resolve().parents[2] / "eval" / "datasets"
    halves = load_real_questions()
    ids = {half: {i.id for i in items} for half, items in halves.items()}
    answers = {f"{g.id}/{a.id}" for g in load_guides().all() for a in g.answers} | {"none"}
    for half in ("learn", "check"):
        rows = [
            json.loads(line)
            for line in (datasets / f"real_{half}_answer_labels.jsonl").open(encoding="utf-8")
        ]
        assert len({r["id"] for r in rows}) == len(rows) and {r["id"] for r in rows} <= ids[half]
        unknown = {ref for r in rows for ref in (r["label"], *r["alt"]) if ref not in answers}
        assert not unknown, (
            f"real_{half}_answer_labels.jsonl names answers that do not exist: {sorted(unknown)[:5]}"
        )
    escalation = [
        json.loads(line) for line in (datasets / "real_escalation_labels.jsonl").open(encoding="utf-8")
    ]
    assert len({r["id"] for r in escalation}) == len(escalation) == len(ids["learn"]) + len(ids["check"])
    assert all(r["id"] in ids[r["half"]] for r in escalation)
    assert all(r["category"] == "none" for r in escalation if not r["should_escalate"])
