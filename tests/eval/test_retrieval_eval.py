import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.datasets import DatasetError, load_dataset
from eval.metrics import mrr_at, ndcg_at
from eval.retrieval import evaluate_retrieval


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_metrics_on_known_ranks(tmp_path: Path) -> None:
    data = write_jsonl(
        tmp_path / "d.jsonl",
        [
            {"id": "a", "question": "q1", "gold": [{"law": "《中华人民共和国劳动合同法》", "article": 82}]},
            {
                "id": "b",
                "question": "q2",
                "gold": [{"law": "劳动法", "article": 44}, {"law": "劳动法", "article": 41}],
            },
            {"id": "c", "question": "q3", "gold": [{"law": "刑法", "article": 276, "sub": 1}]},
            {"id": "d", "question": "q4", "gold": [{"law": "火星法", "article": 1}]},
        ],
    )
    items = load_dataset(data)
    assert items[0].gold[0].law == "劳动合同法"  # normalised
    ranked = {
        "q1": [("劳动合同法", 82, 0)],  # rank 1
        "q2": [("x", 1, 0), ("x", 2, 0), ("劳动法", 41, 0), ("劳动法", 44, 0)],  # rank 3, both gold in top 10
        "q3": [("x", i, 0) for i in range(10)],  # miss
        "q4": [],
    }
    report = evaluate_retrieval(items, lambda q: ranked[q], lambda key: key[0] != "火星法")
    m = report.metrics
    assert m["scored"] == 3 and m["gold_missing"] == 1  # listed, not silently dropped
    assert m["recall@1"] == pytest.approx(1 / 3)
    assert m["recall@3"] == pytest.approx(2 / 3)
    assert m["recall@10"] == pytest.approx(2 / 3)
    assert m["all_gold_recall@10"] == pytest.approx(2 / 3)
    assert m["mrr@10"] == pytest.approx((1 + 1 / 3) / 3)
    assert report.missing_gold == [{"id": "d", "missing": [("火星法", 1, 0)]}]
    assert "火星法" in report.to_markdown()


def test_nothing_scored_is_not_applicable(tmp_path: Path) -> None:
    items = load_dataset(
        write_jsonl(
            tmp_path / "d.jsonl", [{"id": "1", "question": "q", "gold": [{"law": "火星法", "article": 1}]}]
        )
    )
    report = evaluate_retrieval(items, lambda q: [], lambda key: False)
    assert report.metrics["scored"] == 0 and report.metrics["recall@10"] is None
    assert report.metrics["mrr@10"] is None and "| recall@10 | n/a |" in report.to_markdown()


def test_ndcg_and_mrr() -> None:
    assert mrr_at(2, 10) == 0.5 and mrr_at(None, 10) == 0.0
    assert ndcg_at([("a",), ("b",)], {("a",)}, 10) == pytest.approx(1.0)
    assert ndcg_at([("x",), ("a",)], {("a",)}, 10) == pytest.approx(1 / 1.5849625, rel=1e-4)


def test_bad_dataset_lines_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "question": "q"}\nnot json\n', encoding="utf-8")
    with pytest.raises(DatasetError, match=":2:"):
        load_dataset(bad)
    with pytest.raises(DatasetError, match="不存在"):
        load_dataset(tmp_path / "missing.jsonl")


def test_gold_sub_accepts_the_way_lawyers_write_it(tmp_path: Path) -> None:
    rows = [
        {"id": str(i), "question": f"q{i}", "gold": [{"law": "刑法", "article": 276, **extra}]}
        for i, extra in enumerate(({"sub": 1}, {"sub": "之一"}, {"sub": "一"}, {}, {"sub": "之二"}))
    ]
    rows.append({"id": "x", "question": "qx", "gold": [{"law": "刑法", "article": "276之一"}]})
    items = load_dataset(write_jsonl(tmp_path / "d.jsonl", rows))
    assert [i.gold[0].key for i in items] == [
        ("刑法", 276, 1),
        ("刑法", 276, 1),
        ("刑法", 276, 1),
        ("刑法", 276, 0),
        ("刑法", 276, 2),
        ("刑法", 276, 1),
    ]


@pytest.mark.parametrize(
    ("ref", "field"),
    [
        ({"law": "刑法", "article": 276, "sub": "之甲"}, "sub"),
        ({"law": "刑法", "article": 276, "sub": -1}, "sub"),
        ({"law": "刑法", "article": "二七六条款"}, "article"),
        ({"law": "刑法"}, "article"),
        ({"article": 276}, "law"),
        ({"law": "", "article": 276}, "law"),
    ],
)
def test_a_bad_gold_entry_names_the_wrong_field(tmp_path: Path, ref: dict, field: str) -> None:
    data = write_jsonl(
        tmp_path / "d.jsonl", [{"id": "a", "question": "q"}, {"id": "b", "question": "q", "gold": [ref]}]
    )
    with pytest.raises(DatasetError, match=rf":2: gold 第1项：{field} 应为") as caught:
        load_dataset(data)
    assert "例如" in str(caught.value)


def test_cli_eval_retrieval_runs_on_any_file(built_settings, tmp_path: Path) -> None:
    data = write_jsonl(
        tmp_path / "d.jsonl",
        [
            {
                "id": "1",
                "question": "劳动合同法第八十二条",
                "gold": [{"law": "劳动合同法", "article": 82}],
                "extra": "ignored",
            },
            {"id": "2", "question": "工伤保险条例14条", "gold": [{"law": "工伤保险条例", "article": 14}]},
        ],
    )
    env = {
        "LAWCLOUD_DATA_DIR": str(built_settings.data_dir),
        "LAWCLOUD_EMBEDDER": "fake",
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "eval",
            "retrieval",
            "--dataset",
            str(data),
            "--json",
            "--out",
            str(tmp_path / "run"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    metrics = json.loads(out.stdout)
    assert metrics["recall@1"] == 1.0 and metrics["mrr@10"] == 1.0
    assert (tmp_path / "run" / "report.md").exists() and (tmp_path / "run" / "items.jsonl").exists()
    first = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "eval", "retrieval", "--dataset", str(data), "--limit", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("1 题（计分 1") and "R@1 1.000" in first.stdout
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "eval",
            "retrieval",
            "--dataset",
            str(tmp_path / "nope.jsonl"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 2 and "不存在" in missing.stderr
