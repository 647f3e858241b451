"""Train the safety screen's recall booster (assistant/escalation/model.py) and write its weights to
corpus/safety_screen_model.json.

Data: the team's own labelled messages only — eval/datasets/escalation_train.jsonl and
escalation_train_s5.jsonl (written for this purpose, see eval/datasets/README_escalation_sets.md),
eval/datasets/answers_dev.jsonl (the fitted dev set) and, since session 5, the grid-written set
eval/datasets/holdout_escalation_grid.jsonl (measured twice as a held-out set, then promoted to dev;
its README says so). Deaths, serious injuries and child-labour items count as positives, as the
screen treats them. The validation batch and the team's held-out set are never read here.

Text: the conversation normalised and with the policy's neutral phrases masked (累死, 停工留薪期 …),
exactly as the policy hands it to the model.

Choice: the n-gram sizes and the regularisation are chosen by 5-fold cross-validation (folds by a
hash of the item id), maximising out-of-fold recall at a false-alarm rate of at most
``--max-false-alarm`` on the negatives and ``--max-false-alarm-lookalikes`` on the look-alikes (the
negatives labelled ``borderline: …``); the threshold is the stricter of the two out-of-fold quantiles.

    python scripts/train_safety_model.py [--max-false-alarm 0.05] [--out corpus/safety_screen_model.json]

Session 8: ``--all-sets`` trains on every labelled escalation set, ``--extra PATH`` adds a set read in
place (the learn half of the real forum questions; only weights ship), and ``--fixed SIZES:C:THRESHOLD``
takes the configuration chosen out of fold by bench/booster_oof.py instead of the grid. The shipped
weights: ``--all-sets --extra <learn half> --fixed 1,2:10:0.67`` (bench/RESULTS.md, session 8).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.escalation.extract import normalize  # noqa: E402
from assistant.escalation.model import fit, scores  # noqa: E402
from assistant.escalation.policy import mask_neutral  # noqa: E402
from assistant.escalation.rules import load_rules  # noqa: E402

DATASETS = REPO / "eval" / "datasets"
SOURCES = (
    "escalation_train.jsonl",
    "escalation_train_s5.jsonl",
    "answers_dev.jsonl",
    "holdout_escalation_grid.jsonl",
)
# The dev sets label only danger now (self-harm, violence, a body in danger) as danger_to_life; their
# deaths, serious injuries and child-labour items are safety-screen positives too (the labels'
# reasons, or the grid set's category, say which).
SCREEN_REASON = re.compile(r"工亡|死亡|截肢|重伤|伤残|童工|瘫痪|植物人|下落不明")
SCREEN_CATEGORIES = {"death_at_work", "serious_injury", "child_labour"}
GRID_SIZES = ((1, 2), (1, 2, 3), (1, 2, 3, 4))
GRID_C = (3.0, 10.0, 30.0, 100.0)
FOLDS = 5


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# Session 8: every labelled escalation set of the team (as bench/booster_oof.py reads them), with
# ``--all-sets``; the held-out sets other than the promoted grid set are never among them.
ALL_SETS = (
    "escalation_train.jsonl",
    "escalation_train_s5.jsonl",
    "escalation_val.jsonl",
    "escalation_val_time.jsonl",
    "escalation_dev_s6.jsonl",
    "escalation_dev_s6b.jsonl",
    "escalation_dev_s6c.jsonl",
    "escalation_dev_s6d.jsonl",
    "escalation_dev_s7.jsonl",
    "escalation_dev_s7b.jsonl",
    "holdout_escalation_grid.jsonl",
    "answers_dev.jsonl",
)


def load(sources: Sequence[str] = SOURCES, extra: Sequence[Path] = ()) -> list[dict[str, Any]]:
    items = []
    for path in [*(DATASETS / name for name in sources), *extra]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                item["_source"] = path.name
                items.append(item)
    return items


def label(item: dict[str, Any]) -> bool:
    reason = str(item.get("escalation_reason", ""))
    screened = SCREEN_REASON.search(reason) or item.get("category") in SCREEN_CATEGORIES
    return bool(item["danger_to_life"] or (item["should_escalate"] and screened))


RULES = load_rules(with_model=False)


def text(item: dict[str, Any]) -> str:
    """The conversation as the policy hands it to the model: normalised, idioms masked (累死, 气死)."""
    turns = [*item.get("turns", []), item["question"]]
    return "\n".join(mask_neutral(normalize(t), RULES) for t in turns if t.strip())


def fold(item_id: str) -> int:
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % FOLDS


def threshold_at(negative_scores: list[float], max_false_alarm: float) -> float:
    """The lowest threshold whose false-alarm rate on these negatives is at most the budget."""
    ranked = sorted(negative_scores, reverse=True)
    allowed = math.floor(max_false_alarm * len(ranked))
    return ranked[allowed] + 1e-9 if allowed < len(ranked) else 0.5


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-false-alarm", type=float, default=0.05)
    parser.add_argument("--max-false-alarm-lookalikes", type=float, default=0.10)
    parser.add_argument(
        "--min-chars", type=int, default=8, help="shorter conversations are left to the rules (你好 alone)"
    )
    parser.add_argument("--out", type=Path, default=REPO / "corpus" / "safety_screen_model.json")
    parser.add_argument("--all-sets", action="store_true", help="train on every labelled escalation set")
    parser.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help="another labelled set read in place (the learn half of the real forum questions): only its "
        "weights ship, never its text",
    )
    parser.add_argument(
        "--fixed",
        default=None,
        help="SIZES:C:THRESHOLD (e.g. 1,2:10:0.67), chosen out of fold by bench/booster_oof.py: no grid",
    )
    args = parser.parse_args()

    sources = ALL_SETS if args.all_sets else SOURCES
    items = load(sources, args.extra)
    texts = [text(i) for i in items]
    labels = [label(i) for i in items]
    folds = [fold(f"{i['_source']}:{i['id']}") for i in items]
    # The look-alikes (累死, a kitchen cut, a parent's child …) are labelled "borderline: …".
    borderline = [str(i.get("escalation_reason", "")).startswith("borderline") for i in items]
    grid: list[dict[str, Any]] = []
    fixed = None
    if args.fixed:
        fixed_sizes, fixed_c, fixed_thr = args.fixed.split(":")
        fixed = {
            "sizes": [int(n) for n in fixed_sizes.split(",")],
            "C": float(fixed_c),
            "threshold": float(fixed_thr),
            "oof_recall": None,
        }
    for sizes in GRID_SIZES if fixed is None else ():
        for c in GRID_C:
            oof = [0.0] * len(items)
            for k in range(FOLDS):
                train = [j for j in range(len(items)) if folds[j] != k]
                test = [j for j in range(len(items)) if folds[j] == k]
                weights, bias = fit([texts[j] for j in train], [labels[j] for j in train], sizes, c)
                for j, s in zip(test, scores(weights, bias, [texts[j] for j in test], sizes), strict=True):
                    oof[j] = s
            negatives = [s for s, y in zip(oof, labels, strict=True) if not y]
            lookalikes = [s for s, y, b in zip(oof, labels, borderline, strict=True) if not y and b]
            thr = max(
                threshold_at(negatives, args.max_false_alarm),
                threshold_at(lookalikes, args.max_false_alarm_lookalikes),
            )
            positives = [s for s, y in zip(oof, labels, strict=True) if y]
            recall = sum(s >= thr for s in positives) / len(positives)
            grid.append(
                {"sizes": list(sizes), "C": c, "oof_recall": round(recall, 4), "threshold": round(thr, 6)}
            )
            say(f"sizes {sizes} C {c:g}: out-of-fold recall {recall:.3f} at threshold {thr:.3f}")
    best = fixed or max(grid, key=lambda g: (g["oof_recall"], -len(g["sizes"]), -g["C"]))
    sizes = tuple(best["sizes"])
    weights, bias = fit(texts, labels, sizes, best["C"])
    out = {
        "description": "safety screen recall booster: logistic regression on character n-grams "
        "(assistant/escalation/model.py), OR-ed with the rules",
        "trained": date.today().isoformat(),
        "trained_on": {
            name: sum(i["_source"] == name for i in items)
            for name in dict.fromkeys(i["_source"] for i in items)
        },
        "positives": sum(labels),
        "negatives": len(labels) - sum(labels),
        "chosen_by": "bench/booster_oof.py: the highest threshold that keeps every danger item the "
        "out-of-fold booster adds on rules that do not know the wording (bench/RESULTS.md, session 8)"
        if fixed
        else f"{FOLDS}-fold cross-validation, out-of-fold recall at <= {args.max_false_alarm:.0%} "
        f"false alarms on the negatives and <= {args.max_false_alarm_lookalikes:.0%} on the look-alikes",
        "C": best["C"],
        "oof_recall": best["oof_recall"],
        "grid": grid,
        "sizes": list(sizes),
        "threshold": round(best["threshold"], 6),
        "min_chars": args.min_chars,
        "bias": bias,
        "weights": {g: round(w, 5) for g, w in sorted(weights.items())},
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    say(
        f"chosen: sizes {sizes} C {best['C']:g}, out-of-fold recall "
        f"{'(fixed)' if fixed else format(best['oof_recall'], '.3f')}, "
        f"threshold {best['threshold']:.3f}; {len(weights)} weights written to {args.out}"
    )


if __name__ == "__main__":
    main()
