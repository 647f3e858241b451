"""Out-of-fold figures for the safety screen's recall booster (assistant/escalation/model.py), at the
level of the whole policy, over every labelled escalation set of the team.

Why: the shipped booster was trained on some of these sets, so its figures there are in-sample. Here
every item is scored by a booster that never saw it: the items are split into folds (a hash of set and
id), and for each fold a booster is fitted on the others (the shipped n-gram sizes and
regularisation, the training script's labels and text). The policy then decides each item with the
rules and that booster, exactly as it runs (the booster reads only conversations where no screen rule
fired and nothing was set aside by tense, with supposed, reported and settled clauses masked).

Variants, each at several thresholds:

- ``rules``: no booster;
- ``booster``: the out-of-fold booster alone decides whether to add ``danger_possible``;
- ``gated``: the same, but only where the screen's lexicons see a harm structure in the text (a body
  part beside a harm word, a threat verb, a weapon, a death word, confinement, a symptom, a height,
  a farewell or giving away, a child's age with work): the booster may complete a structure the rules
  half read, never raise an alarm on words the screen does not know as danger;
- ``vetoed``: the booster, except where the text holds a look-alike the screen knows (``[booster]
  veto`` of corpus/safety_screen.toml: healed or minor harm, a funeral leave, 砍绩效, a news item, a
  parent's child) — what the policy does;
- ``as shipped``: the shipped weights (in-sample on the sets they were trained on), without and with
  the veto.

Run it also on an older checkout's rules (its ``assistant/`` and ``corpus/``, today's sets) to see
what the booster adds where the rules do not yet know the wording.

Reported per variant and threshold, pooled and per set: must-escalate recall, danger items caught by
the screen, false escalations (must-not items escalated) and the booster's own false alarms.

    python bench/booster_oof.py [--today 2026-12-05] [--folds 5 | --group-by-set] [--extra SET.jsonl ...]
                                [--out bench/results/booster_oof.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import re
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from train_safety_model import ALL_SETS, label, text  # noqa: E402

from assistant.escalation import EscalationPolicy, PolicyInput, load_rules  # noqa: E402
from assistant.escalation.model import NgramModel, fit, load_model  # noqa: E402
from assistant.escalation.screen import compile_lexicons, expand  # noqa: E402

DATASETS = REPO / "eval" / "datasets"
SETS = ALL_SETS  # every labelled escalation set of the team, one list (scripts/train_safety_model.py)
THRESHOLDS = (0.5, 0.594, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
# The screen's lexicons whose presence alone is a structure the booster may complete; a body part
# counts only beside a harm word (a cut finger is a harm, 手 alone is not).
GATE_LEXICONS = (
    "threat_verb", "weapon", "death_word", "death_weak", "confine", "confine_now", "symptom_now",
    "high_place", "self_death", "painless", "relief_in_death", "farewell_words", "give_away",
    "traffic_self", "beaten_now", "care_delayed", "forced_up", "part_lost", "serious_injury_word",
    "violent_on_target", "grade",
)  # fmt: skip


class Recorder:
    """A stand-in booster that only notes what the policy hands it (and flags nothing)."""

    def __init__(self) -> None:
        self.seen: str | None = None

    def flags(self, t: str) -> tuple[bool, float]:
        self.seen = t
        return False, 0.0


def load_items(extra: list[Path]) -> list[dict[str, Any]]:
    items = []
    for path in [*(DATASETS / name for name in SETS), *extra]:
        name = path.name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                item["_source"] = name.removesuffix(".jsonl")
                items.append(item)
    return items


def gate_pattern() -> re.Pattern[str]:
    raw = tomllib.loads((REPO / "corpus" / "safety_screen.toml").read_text(encoding="utf-8"))
    lexicons = compile_lexicons(raw["lexicons"], "safety_screen.toml [lexicons]")
    parts = [f"(?:{lexicons[name]})" for name in GATE_LEXICONS if name in lexicons]
    body, harm = lexicons["body_part"], lexicons["severe_harm"]
    parts.append(f"(?:{body})[^,，。]{{0,8}}(?:{harm})")
    parts.append(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})岁")
    return re.compile("|".join(parts))


def veto_from(path: Path | None) -> re.Pattern[str] | None:
    """The ``[booster] veto`` of another screen file, with its own lexicons."""
    if path is None:
        return None
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    lexicons = compile_lexicons(raw["lexicons"], f"{path} [lexicons]")
    return re.compile("|".join(f"(?:{expand(p, lexicons, str(path))})" for p in raw["booster"]["veto"]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 5))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "booster_oof.json")
    parser.add_argument(
        "--model",
        type=Path,
        default=REPO / "corpus" / "safety_screen_model.json",
        help="the booster whose n-gram sizes, regularisation and threshold are used (and scored as shipped)",
    )
    parser.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help="another labelled set in the escalation_bench format, read in place (e.g. the learn half of the "
        "real forum questions, which never enters the repository); reported per set like the others",
    )
    parser.add_argument(
        "--group-by-set",
        action="store_true",
        help="one fold per source set (train on the other sets, test on this one): wording written by one hand "
        "never scores a booster that learned from the same hand (session 12)",
    )
    parser.add_argument(
        "--veto-screen",
        type=Path,
        default=None,
        help="take the booster's veto from this screen file (for an older checkout whose rules have none)",
    )
    parser.add_argument(
        "--thresholds",
        type=lambda v: tuple(float(x) for x in v.split(",")),
        default=THRESHOLDS,
        help="comma-separated thresholds to score the out-of-fold boosters at",
    )
    args = parser.parse_args()

    shipped = load_model(args.model)
    sizes, c = shipped.sizes, float(shipped.meta.get("C", 10.0))
    items = load_items(args.extra)
    rules = load_rules(with_model=False)
    recorder = Recorder()
    recording = EscalationPolicy(dataclasses.replace(rules, model=recorder))  # type: ignore[arg-type]
    plain = EscalationPolicy(rules)
    rows = []
    for item in items:
        inp = PolicyInput(item["question"], tuple(item.get("turns", [])), today=args.today)
        recorder.seen = None
        recording.decide(inp)
        d = plain.decide(inp)
        rows.append({"esc": d.escalate, "danger": d.danger_to_life, "seen": recorder.seen})
    if args.group_by_set:
        names = list(dict.fromkeys(i["_source"] for i in items))
        folds = [names.index(i["_source"]) for i in items]
        args.folds = len(names)
    else:
        folds = [
            int(hashlib.sha256(f"{i['_source']}:{i['id']}".encode()).hexdigest(), 16) % args.folds
            for i in items
        ]
    texts = [text(i) for i in items]
    labels = [label(i) for i in items]
    oof = [0.0] * len(items)
    shipped_scores = [0.0] * len(items)
    for k in range(args.folds):
        train = [j for j in range(len(items)) if folds[j] != k]
        weights, bias = fit([texts[j] for j in train], [labels[j] for j in train], sizes, c)
        model = NgramModel(sizes, weights, bias, 0.5, min_chars=shipped.min_chars)
        for j in range(len(items)):
            seen = rows[j]["seen"]
            if folds[j] == k and seen is not None and model.reads(seen):
                oof[j] = model.score(seen)
    for j, row in enumerate(rows):
        if row["seen"] is not None and shipped.reads(row["seen"]):
            shipped_scores[j] = shipped.score(row["seen"])
    gate = gate_pattern()
    veto = getattr(rules, "booster_veto", None) or veto_from(args.veto_screen) or re.compile(r"(?!)")

    def measure(fires: list[bool]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        groups = {"pooled": range(len(items))}
        for name in dict.fromkeys(i["_source"] for i in items):
            groups[name] = [j for j in range(len(items)) if items[j]["_source"] == name]
        for name, idx in groups.items():
            must = [j for j in idx if items[j]["should_escalate"]]
            must_not = [j for j in idx if not items[j]["should_escalate"]]
            danger = [j for j in must if items[j]["danger_to_life"]]
            out[name] = {
                "recall": f"{sum(rows[j]['esc'] or fires[j] for j in must)}/{len(must)}",
                "danger": f"{sum(rows[j]['danger'] or fires[j] for j in danger)}/{len(danger)}",
                "false": f"{sum(rows[j]['esc'] or fires[j] for j in must_not)}/{len(must_not)}",
                "booster_false": sum(fires[j] and not rows[j]["esc"] for j in must_not),
                "booster_danger": sum(fires[j] and not rows[j]["danger"] for j in danger),
            }
        return out

    results: dict[str, Any] = {"rules": measure([False] * len(items))}
    for thr in sorted({*args.thresholds, round(shipped.threshold, 3)}):
        results[f"booster_oof@{thr}"] = measure([s >= thr for s in oof])
        gated = [
            s >= thr and bool(r["seen"] and gate.search(r["seen"])) for s, r in zip(oof, rows, strict=True)
        ]
        results[f"gated_oof@{thr}"] = measure(gated)
        vetoed = [
            s >= thr and not (r["seen"] and veto.search(r["seen"])) for s, r in zip(oof, rows, strict=True)
        ]
        results[f"vetoed_oof@{thr}"] = measure(vetoed)
        results[f"gated+vetoed_oof@{thr}"] = measure([g and v for g, v in zip(gated, vetoed, strict=True)])
    results[f"as shipped@{shipped.threshold:.3f}"] = measure([s >= shipped.threshold for s in shipped_scores])
    results[f"as shipped, vetoed@{shipped.threshold:.3f}"] = measure(
        [
            s >= shipped.threshold and not (r["seen"] and veto.search(r["seen"]))
            for s, r in zip(shipped_scores, rows, strict=True)
        ]
    )
    results[f"as shipped, gated+vetoed@{shipped.threshold:.3f}"] = measure(
        [
            s >= shipped.threshold
            and bool(r["seen"] and gate.search(r["seen"]))
            and not (r["seen"] and veto.search(r["seen"]))
            for s, r in zip(shipped_scores, rows, strict=True)
        ]
    )
    extra_names = [p.name.removesuffix(".jsonl") for p in args.extra]
    for group in ["pooled", *extra_names]:
        sys.stdout.write(f"== {group}\n")
        for name, res in results.items():
            p = res.get(group)
            if p is None:
                continue
            sys.stdout.write(
                f"{name:52s} recall {p['recall']:>9s}  danger {p['danger']:>9s}  false {p['false']:>9s}  "
                f"booster false {p['booster_false']:3d}  booster danger {p['booster_danger']:2d}\n"
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "sets": list(dict.fromkeys(i["_source"] for i in items)),
                "items": len(items),
                "folds": args.folds,
                "sizes": list(sizes),
                "C": c,
                "model": str(args.model.relative_to(REPO))
                if args.model.is_relative_to(REPO)
                else str(args.model),
                "today": args.today.isoformat(),
                "results": results,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
