"""Fitting the learned article prior (assistant/retrieval/learned.py) on labelled questions.

Pure numpy/scipy: a softmax regression with an L2 penalty, fitted by L-BFGS. Rows are weighted by
1/sqrt(frequency of their gold article), so one frequent article (劳动合同法47 is 29% of the real
questions) does not become every question's answer. Cross-fitting (`out_of_fold`) gives each training
question the prediction of a model that never saw it: the fusion weights are fitted on those, not on
the in-sample predictions, which are near perfect and would overstate what the prior is worth."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from assistant.retrieval.learned import ArticleKey, ArticlePrior, question_grams


@dataclass(frozen=True)
class TrainingItem:
    id: str
    text: str  # normalised as the retriever normalises a question
    gold: tuple[ArticleKey, ...]
    source: str  # which labelled set it comes from
    vector: np.ndarray | None = None


@dataclass(frozen=True)
class TrainingConfig:
    l2: float = 0.03
    min_df: int = 3  # a gram is kept only if this many training questions hold it
    balance: float = 0.5  # row weight 1 / frequency(gold) ** balance
    max_iterations: int = 400


def build_vocabulary(texts: Sequence[str], min_df: int) -> tuple[dict[str, int], np.ndarray]:
    df = Counter(g for t in texts for g in set(question_grams(t)))
    grams = sorted(g for g, c in df.items() if c >= min_df)
    idf = np.array([math.log((1 + len(texts)) / (1 + df[g])) + 1.0 for g in grams], dtype=np.float32)
    return {g: i for i, g in enumerate(grams)}, idf


def gram_matrix(prior: ArticlePrior, texts: Sequence[str]) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        c, v = prior.gram_features(text)
        rows.extend([r] * len(c))
        cols.extend(c.tolist())
        vals.extend(v.tolist())
    return sparse.csr_matrix(
        (vals, (rows, cols)), shape=(len(texts), len(prior.vocabulary)), dtype=np.float64
    )


def fit_prior(
    items: Sequence[TrainingItem],
    config: TrainingConfig = TrainingConfig(),
    embedder: str = "",
    header: dict | None = None,
) -> ArticlePrior:
    """The prior fitted on ``items``; the vector view is used when every item carries a vector."""
    labels = tuple(sorted({g for item in items for g in item.gold}))
    index = {g: i for i, g in enumerate(labels)}
    vocabulary, idf = build_vocabulary([i.text for i in items], config.min_df)
    n, a, f = len(items), len(labels), len(vocabulary)
    targets = np.zeros((n, a))
    for r, item in enumerate(items):
        for g in item.gold:
            targets[r, index[g]] = 1.0 / len(item.gold)
    frequency = targets.sum(axis=0)
    weights = (targets / frequency**config.balance).sum(axis=1)
    weights *= n / weights.sum()
    shell = ArticlePrior(labels, vocabulary, idf, np.zeros((f, a)), np.zeros(a))
    xg = gram_matrix(shell, [i.text for i in items])
    use_vectors = all(i.vector is not None for i in items)
    if use_vectors:
        xv = np.stack([np.asarray(i.vector, dtype=np.float64) for i in items])
        xv /= np.maximum(np.linalg.norm(xv, axis=1, keepdims=True), 1e-9)
        mean = xv.mean(axis=0)
        xv -= mean
    else:
        xv, mean = np.zeros((n, 0)), np.zeros(0)
    d = xv.shape[1]

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        wg = theta[: f * a].reshape(f, a)
        wv = theta[f * a : f * a + d * a].reshape(d, a)
        b = theta[f * a + d * a :]
        z = np.asarray(xg @ wg) + xv @ wv + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        loss = -float((weights[:, None] * targets * np.log(p + 1e-12)).sum())
        loss += 0.5 * config.l2 * float((wg**2).sum() + (wv**2).sum())
        g = weights[:, None] * (p - targets)
        grad_g = np.asarray(xg.T @ g) + config.l2 * wg
        grad_v = xv.T @ g + config.l2 * wv
        return loss, np.concatenate([grad_g.ravel(), grad_v.ravel(), g.sum(axis=0)])

    result = minimize(
        objective,
        np.zeros(f * a + d * a + a),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": config.max_iterations},
    )
    theta = result.x
    return ArticlePrior(
        labels=labels,
        vocabulary=vocabulary,
        idf=idf,
        gram_weights=theta[: f * a].reshape(f, a).astype(np.float32),
        bias=theta[f * a + d * a :].astype(np.float64),
        vector_weights=theta[f * a : f * a + d * a].reshape(d, a).astype(np.float32) if use_vectors else None,
        vector_mean=mean.astype(np.float32) if use_vectors else None,
        embedder=embedder if use_vectors else "",
        header=dict(header or {}) | {"iterations": int(result.nit), "converged": bool(result.success)},
    )


def fold_of(item_id: str, folds: int) -> int:
    """A fixed fold per id (another hash than the learn/check split's, so folds cut across it)."""
    return int.from_bytes(hashlib.sha256(f"fold:{item_id}".encode()).digest()[:4], "big") % folds


def out_of_fold(
    items: Sequence[TrainingItem],
    folds: int = 5,
    config: TrainingConfig = TrainingConfig(),
    top: int = 50,
    progress: Callable[[int], None] | None = None,
) -> dict[str, list[tuple[ArticleKey, float]]]:
    """For each item id, the prediction of the model fitted on the other folds."""
    out: dict[str, list[tuple[ArticleKey, float]]] = {}
    for fold in range(folds):
        train = [i for i in items if fold_of(i.id, folds) != fold]
        held = [i for i in items if fold_of(i.id, folds) == fold]
        model = fit_prior(train, config, embedder="cross-fit")
        for item in held:
            out[item.id] = model.predict(item.text, item.vector, top)
        if progress:
            progress(fold)
    return out


class PrecomputedPrior:
    """Predictions computed beforehand, by question text: how the fusion weights are fitted on the
    cross-fitted predictions through the very retriever that serves."""

    def __init__(self, by_text: dict[str, list[tuple[ArticleKey, float]]]) -> None:
        self.by_text = by_text

    def predict(self, text: str, vector: np.ndarray | None, top: int) -> list[tuple[ArticleKey, float]]:
        return self.by_text.get(text, [])[:top]
