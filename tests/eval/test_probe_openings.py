"""bench/probe_openings.py (session 29): the opening read from an answer, and the openings changed between two runs
counted by class with near-misses apart — the figures the session-29 probe sets report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from probe_openings import changed_by_class, opening  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def test_the_opening_is_the_conclusion_paragraph() -> None:
    text = "【安全提示】…\n\n**结论**\n\n能要。单位要付经济补偿。\n\n**为什么**\n\n- 理由"
    assert opening(text) == "能要。单位要付经济补偿。"
    assert opening("对这个问题，系统还不能直接给出结论") == "对这个问题，系统还不能直接给出结论"


def test_changes_are_counted_by_class_and_near_misses_apart() -> None:
    old = [
        {"id": "a", "class": "pay_cut", "opening": "x"},
        {"id": "b", "class": "pay_cut", "opening": "y"},
        {"id": "c", "class": "pay_cut", "near_miss": True, "opening": "z"},
    ]
    new = [
        {"id": "a", "class": "pay_cut", "opening": "x"},
        {"id": "b", "class": "pay_cut", "opening": "y2"},
        {"id": "c", "class": "pay_cut", "near_miss": True, "opening": "z"},
    ]
    assert changed_by_class(old, new) == {
        "pay_cut": {"items": 2, "changed": 1},
        "pay_cut (near-miss)": {"items": 1, "changed": 0},
    }


def test_the_probe_sets_are_well_formed_and_the_held_out_one_has_its_near_misses() -> None:
    for name, per_class in (("dev", 8), ("persona", 6), ("heldout", 7)):
        path = REPO / "eval" / "datasets" / f"consult_probe_s29_{name}.jsonl"
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        classes = {item["class"] for item in items}
        assert len(classes) == 7 and all(item["question"].strip() for item in items)
        assert len({item["id"] for item in items}) == len(items) == 7 * per_class
    held = [
        json.loads(line)
        for line in (REPO / "eval/datasets/consult_probe_s29_heldout.jsonl").open(encoding="utf-8")
    ]
    assert sum(item["near_miss"] for item in held) == 14
