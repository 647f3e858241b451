"""The typical grade of a told finger injury (assistant/consult/finger_grade.py over corpus/consult/finger_grades.toml),
in the team's own wording: which digits, what happened to each and how far decide the standard's item."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.consult.finger_grade import DATA, FingerDataError, estimate, load_table, read_hurts


@pytest.mark.parametrize(
    ("message", "grade", "raised"),
    [
        (
            "右手食指、中指、无名指都从中间关节压断了",
            7,
            False,
        ),  # two or three fingers with the index, middle joint
        ("冲床把中指和无名指压掉了两节", 8, False),  # two fingers without the index, middle joint
        ("食指被切掉了两节", 9, False),
        ("拇指末节断了一半", 9, False),
        ("拇指被机器切断了", 7, False),  # the thumb lost, how far untold: at its joint
        ("中指、无名指、小指最后一节都没了", 9, False),  # three last segments
        ("小拇指被夹断了一节", 10, False),
        ("中指掉了一节，无名指也掉了一节", 10, True),  # two items of grade 10: the grade may be raised
        ("我右手3、4、5指只剩一节了", 8, False),  # fingers by number, only one segment left
    ],
)
def test_a_told_finger_injury_meets_its_item(message: str, grade: int, raised: bool) -> None:
    found = estimate(message)
    assert found is not None
    assert (found.grade, found.raised) == (grade, raised)


def test_a_stiff_thumb_is_a_condition_not_a_verdict() -> None:
    found = estimate("大拇指骨折做了手术，现在拇指僵硬弯不了")
    assert found is not None and found.grade == 8 and found.conditional


@pytest.mark.parametrize(
    "message",
    ["手指被划了一道口子缝了三针", "小指骨折了", "我的手指没事，就是手腕扭了", "中指是什么意思"],
)
def test_no_estimate_without_a_loss_or_a_function_lost(message: str) -> None:
    assert estimate(message) is None


def test_the_words_after_a_list_apply_to_every_digit_in_it() -> None:
    hurts, told = read_hurts("中指，无名指，小指受伤只剩一节，算几级")
    assert [(h.digit, h.level) for h in hurts] == [
        ("middle", "proximal"),
        ("ring", "proximal"),
        ("little", "proximal"),
    ]
    assert told.startswith("中指") and "只剩一节" in told


def test_each_digit_takes_the_words_after_it() -> None:
    hurts, _ = read_hurts("左手中指掉俩节，无名指掉一节")
    assert [(h.digit, h.level) for h in hurts] == [("middle", "proximal"), ("ring", "distal")]


def test_the_items_must_run_from_the_most_severe(tmp_path: Path) -> None:
    source = DATA.read_text(encoding="utf-8")
    broken = source.replace(
        'grade = 7\nkind = "lost"\ndigits = "fingers"', 'grade = 10\nkind = "lost"\ndigits = "fingers"', 1
    )
    path = tmp_path / "finger_grades.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(FingerDataError):
        load_table.__wrapped__(path)  # type: ignore[attr-defined]


def test_the_last_joint_named_in_full_is_the_last_segment() -> None:
    found = estimate("中指远侧指间关节离断")
    assert found is not None and found.grade == 10


def test_an_extent_left_open_gives_no_item() -> None:
    # 半截: half the last segment, or half the thumb? The standard's items differ by grades: none is read.
    assert estimate("锯木头锯掉了半截拇指") is None


def test_a_nail_segment_is_the_last_segment() -> None:
    found = estimate("食指被机器轧了，指甲盖那节没了")
    assert found is not None and found.grade == 10


def test_an_index_finger_lost_how_far_untold_is_a_condition() -> None:
    # 食指切断了: two or three segments (grade nine) or the last one (grade ten) — the answer says which decides.
    found = estimate("右手食指被切断了")
    assert found is not None and found.grade == 9 and found.conditional and "十级" in found.basis
