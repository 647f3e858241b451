"""Escalation policy figures on the labelled dev set (eval/datasets/answers_dev.jsonl).

Two runs:

- text triggers only: the policy over each conversation (``turns`` + ``question``), with no answer
  measurements — what the policy decides before anything is retrieved;
- with answers (``--with-answers``): every final question is answered by the offline pipeline over
  the live index in LAWCLOUD_DATA_DIR (default: data), and the policy also gets the answer's
  confidence and its number of verified statute citations, as in /v1/chat.

Targets (issue 5): recall on must-escalate >= 95%, 100% on danger-to-life items, false escalations
<= 10% of must-not items. Issue 14, on wording nobody tuned on: recall >= 90% with false escalations
<= 10%, every unambiguous danger-to-life message caught.

A danger-to-life item counts as caught when the safety screen fired (``danger_to_life``: urgent, the
safety block first). ``--no-model`` runs the rules without the screen's recall booster. Items that
carry ``codes`` (the team's escalation_train/escalation_val batches) are also scored per expected
code: escalated at all, and escalated with that code.

    python bench/escalation_bench.py [--dataset eval/datasets/answers_dev.jsonl] [--with-answers]
        [--no-model] [--today 2026-11-25] [--out bench/results/escalation.json] [--quiet | --aggregate-only]

Any JSONL set with these fields runs: ``id``, ``question``, ``turns`` (earlier worker messages, may be
empty or absent), ``should_escalate``, ``danger_to_life``; optional: ``category``, ``codes``,
``escalation_reason`` (a reason starting with ``borderline`` marks a near miss).

Items with a ``category`` field also get recall per category. ``--aggregate-only`` leaves item ids out
of the printout and the JSON, for held-out sets that are reported only in aggregate; ``--quiet``
leaves them out of the printout only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from assistant.escalation import EscalationDecision, EscalationPolicy, PolicyInput, load_rules  # noqa: E402
from assistant.escalation.policy import today_in_china  # noqa: E402

DATASET = REPO / "eval" / "datasets" / "answers_dev.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


REAL_ESCALATION_LABELS = REPO / "eval" / "datasets" / "real_escalation_labels.jsonl"


def real_items(half: str) -> list[dict[str, Any]]:
    """One half of the real forum questions (read in place beside the repository, never copied) joined with
    their escalation labels (ids and labels only: eval/datasets/real_escalation_labels.jsonl, session 20)."""
    from eval.real_questions import load_real_questions

    questions = {item.id: item.question for item in load_real_questions()[half]}  # type: ignore[index]
    items = []
    for label in load(REAL_ESCALATION_LABELS):
        if label["id"] in questions:
            items.append({**label, "question": questions[label["id"]], "turns": []})
    return items


def score(items: list[dict[str, Any]], decisions: list[EscalationDecision]) -> dict[str, Any]:
    must = [(i, d) for i, d in zip(items, decisions, strict=True) if i["should_escalate"]]
    must_not = [(i, d) for i, d in zip(items, decisions, strict=True) if not i["should_escalate"]]
    danger = [(i, d) for i, d in must if i["danger_to_life"]]
    borderline = [(i, d) for i, d in must_not if str(i.get("escalation_reason", "")).startswith("borderline")]
    missed = [{"id": i["id"], "reason": i.get("escalation_reason", "")} for i, d in must if not d.escalate]
    false = [{"id": i["id"], "codes": d.codes} for i, d in must_not if d.escalate]
    danger_missed = [i["id"] for i, d in danger if not (d.escalate and d.danger_to_life)]
    flagged_danger = [i["id"] for i, d in must_not + must if d.danger_to_life and not i["danger_to_life"]]
    by_code: dict[str, dict[str, int]] = {}
    for i, d in must:
        for code in i.get("codes", []):
            row = by_code.setdefault(code, {"items": 0, "escalated": 0, "with_code": 0})
            row["items"] += 1
            row["escalated"] += d.escalate
            row["with_code"] += code in d.codes
    return {
        "items": len(items),
        "must_escalate": len(must),
        "must_not": len(must_not),
        "danger_items": len(danger),
        "recall": sum(d.escalate for _, d in must) / max(1, len(must)),
        "danger_recall": (len(danger) - len(danger_missed)) / max(1, len(danger)),
        "danger_urgent": sum(d.priority == "urgent" and bool(d.safety_message) for _, d in danger)
        / max(1, len(danger)),
        "false_escalation_rate": len(false) / max(1, len(must_not)),
        "borderline_false_escalations": sum(d.escalate for _, d in borderline),
        "borderline_items": len(borderline),
        "precision": sum(d.escalate for _, d in must) / max(1, sum(d.escalate for d in decisions)),
        "danger_flag_on_non_danger_items": flagged_danger,
        "missed": missed,
        "false_escalations": false,
        "danger_missed": danger_missed,
        "codes_on_must_escalate": dict(Counter(c for _, d in must for c in d.codes).most_common()),
        "codes_on_false_escalations": dict(
            Counter(c for _, d in must_not if d.escalate for c in d.codes).most_common()
        ),
        "by_expected_code": dict(sorted(by_code.items())),
        # Findings the tense reading set aside (settled, supposed, someone else's story), by status:
        # on must-escalate items they are the recall the reading risks, on must-not items its gain.
        "set_aside_on_must_escalate": dict(Counter(a.status for _, d in must for a in d.set_aside)),
        "set_aside_on_must_not": dict(Counter(a.status for _, d in must_not for a in d.set_aside)),
        **by_category(items, decisions),
    }


def by_category(items: list[dict[str, Any]], decisions: list[EscalationDecision]) -> dict[str, Any]:
    """Recall per situation class (and false escalations per near-miss class) for sets with `category`."""
    if not any("category" in i for i in items):
        return {}
    groups: dict[str, list[tuple[dict[str, Any], EscalationDecision]]] = {}
    for item, decision in zip(items, decisions, strict=True):
        groups.setdefault(item.get("category", "(none)"), []).append((item, decision))
    recall: dict[str, str] = {}
    false: dict[str, str] = {}
    for name, pairs in sorted(groups.items()):
        must = [d for i, d in pairs if i["should_escalate"]]
        if must:
            recall[name] = f"{sum(d.escalate for d in must)}/{len(must)}"
        must_not = [d for i, d in pairs if not i["should_escalate"]]
        if must_not:
            false[name] = f"{sum(d.escalate for d in must_not)}/{len(must_not)}"
    return {"recall_by_category": recall, "false_escalations_by_category": false}


def aggregate_only(result: dict[str, Any]) -> dict[str, Any]:
    """Drop item ids: a never-tuned held-out set is reported only in aggregate (its README says why)."""
    hidden = {"missed", "false_escalations", "danger_missed", "danger_flag_on_non_danger_items"}
    kept = {k: v for k, v in result.items() if k not in hidden}
    kept["false_escalation_count"] = len(result["false_escalations"])
    kept["danger_flag_on_non_danger_count"] = len(result["danger_flag_on_non_danger_items"])
    return kept


def text_only(
    items: list[dict[str, Any]], policy: EscalationPolicy, today: date
) -> tuple[list[EscalationDecision], list[float]]:
    decisions, times = [], []
    for item in items:
        t0 = time.perf_counter()
        decisions.append(
            policy.decide(PolicyInput(item["question"], tuple(item.get("turns", [])), today=today))
        )
        times.append((time.perf_counter() - t0) * 1000)
    return decisions, times


def with_answers(
    items: list[dict[str, Any]], policy: EscalationPolicy, today: date
) -> tuple[list[EscalationDecision], dict[str, Any]]:
    from assistant.answer import AnswerService
    from assistant.config import get_settings
    from assistant.followup import Turn
    from assistant.runtime import open_runtime

    settings = get_settings()
    runtime = open_runtime(settings)
    service = AnswerService(runtime.retriever, settings)
    decisions: list[EscalationDecision] = []
    levels: Counter[str] = Counter()
    no_citation = 0
    for item in items:
        turns = [Turn(q, q, []) for q in item.get("turns", [])]
        answer = service.ask(item["question"], turns)
        articles = sum(1 for c in answer.citations if c.kind == "article")
        levels[answer.confidence.level] += 1
        no_citation += articles == 0
        decisions.append(
            policy.decide(
                PolicyInput(
                    item["question"],
                    tuple(item.get("turns", [])),
                    confidence_level=answer.confidence.level,
                    confidence_score=answer.confidence.score,
                    verified_citations=articles,
                    today=today,
                    # As /v1/chat: a message that raises no labour question (你好, 点算) is answered
                    # without articles, and its low confidence says nothing about a case.
                    recognized=answer.recognized,
                )
            )
        )
    runtime.close()
    build = runtime.index.manifest.get("build_id")
    return decisions, {
        "confidence_levels": dict(levels),
        "answers_without_citation": no_citation,
        "build": build,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument(
        "--real-half",
        choices=("learn", "check"),
        default=None,
        help="the real forum questions' half, labelled in eval/datasets/real_escalation_labels.jsonl (read in place)",
    )
    parser.add_argument(
        "--with-answers", action="store_true", help="also run the answer pipeline (live index)"
    )
    parser.add_argument(
        "--today", type=date.fromisoformat, default=None, help="the date time limits count from"
    )
    parser.add_argument("--no-model", action="store_true", help="the rules without the recall booster")
    parser.add_argument("--quiet", action="store_true", help="print no item ids (for held-out sets)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "escalation.json")
    parser.add_argument(
        "--aggregate-only",
        action="store_true",
        help="report figures only, no item ids (for held-out sets nobody may tune on)",
    )
    args = parser.parse_args()

    if args.real_half:
        items = real_items(args.real_half)
        args.dataset = REAL_ESCALATION_LABELS
        args.aggregate_only = args.aggregate_only or args.real_half == "check"
    else:
        items = load(args.dataset)
    today = args.today or today_in_china()
    policy = EscalationPolicy(load_rules(with_model=not args.no_model))
    decisions, times = text_only(items, policy, today)
    report: dict[str, Any] = {
        "dataset": str(args.dataset.relative_to(REPO))
        if args.dataset.is_relative_to(REPO)
        else str(args.dataset),
        "today": today.isoformat(),
        "model": not args.no_model,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "text_only": score(items, decisions),
        "latency_ms": {
            "p50": round(statistics.median(times), 3),
            "p95": round(sorted(times)[int(0.95 * len(times)) - 1], 3),
            "max": round(max(times), 3),
        },
    }
    # The policy's own test tables (phrasings written for the tests, not taken from the dev set).
    from tests.assistant.test_escalation import NON_TRIGGERS, TODAY, TRIGGERS

    positives = [(code, q) for code, qs in TRIGGERS.items() for q in qs]
    hit = sum(code in policy.decide(PolicyInput(q, today=TODAY)).codes for code, q in positives)
    quiet = sum(not policy.decide(PolicyInput(q, today=TODAY)).escalate for q in NON_TRIGGERS)
    report["test_tables"] = {
        "triggers": len(positives),
        "caught": hit,
        "non_triggers": len(NON_TRIGGERS),
        "quiet": quiet,
    }
    if args.with_answers:
        t0 = time.perf_counter()
        answered, info = with_answers(items, policy, today)
        report["with_answers"] = {
            **score(items, answered),
            **info,
            "seconds": round(time.perf_counter() - t0, 1),
        }

    if args.aggregate_only:
        for name in ("text_only", "with_answers"):
            if name in report:
                report[name] = aggregate_only(report[name])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{report['dataset']} (today = {report['today']}), {report['machine']}")
    print(
        "| run | recall (must-escalate) | danger-to-life recall | false escalations | borderline FP | precision |"
    )
    print("|---|---|---|---|---|---|")
    for name in ("text_only", "with_answers"):
        if name not in report:
            continue
        r = report[name]
        print(
            f"| {name} | {r['recall']:.1%} ({round(r['recall'] * r['must_escalate'])}/{r['must_escalate']}) "
            f"| {r['danger_recall']:.0%} ({r['danger_items']}) "
            f"| {r['false_escalation_rate']:.1%} ({round(r['false_escalation_rate'] * r['must_not'])}/{r['must_not']}) "
            f"| {r['borderline_false_escalations']}/{r['borderline_items']} | {r['precision']:.1%} |"
        )
        if r.get("missed") and not args.quiet:
            print(f"  missed: {r['missed']}")
        if r["false_escalation_rate"]:
            print(f"  false escalations by code: {r['codes_on_false_escalations']}")
        if r.get("by_expected_code"):
            print(
                "  by expected code (escalated / with that code / items): "
                + ", ".join(
                    f"{code} {row['escalated']}/{row['with_code']}/{row['items']}"
                    for code, row in r["by_expected_code"].items()
                )
            )
        if r.get("set_aside_on_must_escalate") or r.get("set_aside_on_must_not"):
            print(
                f"  set aside by tense: must-escalate {r['set_aside_on_must_escalate']}, "
                f"must-not {r['set_aside_on_must_not']}"
            )
        if "recall_by_category" in r:
            print(f"  recall by category: {r['recall_by_category']}")
            print(f"  false escalations by category: {r['false_escalations_by_category']}")
    tables = report["test_tables"]
    print(
        f"test tables: {tables['caught']}/{tables['triggers']} triggers caught with the right code, "
        f"{tables['quiet']}/{tables['non_triggers']} non-triggers quiet"
    )
    lat = report["latency_ms"]
    print(f"policy latency per conversation: p50 {lat['p50']} ms, p95 {lat['p95']} ms, max {lat['max']} ms")
    if "with_answers" in report:
        info = report["with_answers"]
        print(
            f"answers: confidence {info['confidence_levels']}, without citation {info['answers_without_citation']}"
        )
    print(f"written to {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")


if __name__ == "__main__":
    main()
