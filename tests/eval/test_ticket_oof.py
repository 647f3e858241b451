"""bench/ticket_oof.py (session 16, esc16): the learned ticket screen's out-of-fold bench. Its pieces that
decide the figures: the folds are fixed by the id alone (a rerun, or another checkout, scores the same
items in the same fold), the weighted logistic regression ranks what it was shown, and weighting the
positives up raises their scores without reordering a separable set."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from ticket_oof import fit_lr, fold_of  # noqa: E402


def test_folds_depend_on_the_id_only_and_spread_over_every_fold() -> None:
    ids = [f"eq-{n}" for n in range(500)]
    first = [fold_of(i, 5) for i in ids]
    assert first == [fold_of(i, 5) for i in ids]
    counts = np.bincount(first, minlength=5)
    assert counts.min() > 60  # about 100 each


def test_weighted_logistic_regression_ranks_and_weights_positives_up() -> None:
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(1.0, 0.5, (40, 3)), rng.normal(-1.0, 0.5, (200, 3))])
    y = np.concatenate([np.ones(40), np.zeros(200)])
    plain = fit_lr(x, y, c=10.0, pos_weight=1.0)
    weighted = fit_lr(x, y, c=10.0, pos_weight=5.0)

    def score(w: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))

    assert score(plain)[:40].min() > np.median(score(plain)[40:])
    assert score(weighted).mean() > score(plain).mean()
    # a look-alike far on the negative side stays low under either weighting
    far = np.array([-2.0, -2.0, -2.0])
    assert 1 / (1 + np.exp(-(far @ weighted[:-1] + weighted[-1]))) < 0.2
