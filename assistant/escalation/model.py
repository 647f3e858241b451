"""The safety screen's recall booster: a logistic regression on character n-grams, OR-ed with the
rules. It only ever adds a reason (``danger_possible``) when no rule of the screen fired, so a
false alarm costs what any safety-screen alarm costs (the safety block, an urgent ticket).

Weights are learned by ``scripts/train_safety_model.py`` from the team's own labelled messages
(eval/datasets/escalation_train*.jsonl and the dev sets, the grid-written set among them since
session 5) and shipped as JSON in ``corpus/``; nothing is trained or downloaded at run time. Pure
numpy at prediction time."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

_DIGIT = re.compile(r"\d")


class ModelError(ValueError):
    """The model file is missing a field or holds values of the wrong kind."""


def normalise(text: str) -> str:
    """NFKC and every digit as 0: 14岁 and 15岁 are the same feature."""
    return _DIGIT.sub("0", unicodedata.normalize("NFKC", text))


def ngrams(text: str, sizes: Sequence[int]) -> set[str]:
    """The distinct character n-grams of the normalised text (whitespace-only grams left out)."""
    text = normalise(text)
    out: set[str] = set()
    for n in sizes:
        for i in range(len(text) - n + 1):
            gram = text[i : i + n]
            if gram.strip():
                out.add(gram)
    return out


@dataclass(frozen=True)
class NgramModel:
    """Binary logistic regression over L2-normalised presence features of character n-grams."""

    sizes: tuple[int, ...]
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)
    # Below this many characters a message has too few n-grams for the estimate (你好 alone scores
    # high): the rules decide alone.
    min_chars: int = 8

    def reads(self, text: str) -> bool:
        return len(re.sub(r"\s", "", normalise(text))) >= self.min_chars

    def flags(self, text: str) -> tuple[bool, float]:
        """(score ≥ threshold on a text long enough to read, the score)."""
        if not self.reads(text):
            return False, 0.0
        score = self.score(text)
        return score >= self.threshold, score

    def score(self, text: str) -> float:
        grams = ngrams(text, self.sizes)
        if not grams:
            return 1 / (1 + math.exp(-self.bias))
        z = self.bias + sum(self.weights.get(g, 0.0) for g in grams) / math.sqrt(len(grams))
        return 1 / (1 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {
            **self.meta,
            "sizes": list(self.sizes),
            "threshold": self.threshold,
            "min_chars": self.min_chars,
            "bias": self.bias,
            "weights": dict(sorted(self.weights.items())),
        }


def load_model(path: Path) -> NgramModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        sizes = tuple(int(n) for n in data["sizes"])
        model = NgramModel(
            sizes,
            weights,
            float(data["bias"]),
            float(data["threshold"]),
            min_chars=int(data.get("min_chars", 8)),
        )
    except FileNotFoundError as exc:
        raise ModelError(f"找不到安全筛查模型文件 {path}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: 安全筛查模型文件格式有误（{exc}）") from exc
    if not 0 < model.threshold < 1 or not sizes:
        raise ModelError(f"{path}: threshold 应在 0 和 1 之间，sizes 不能为空")
    meta = {k: v for k, v in data.items() if k not in ("weights", "sizes", "bias", "threshold", "min_chars")}
    return NgramModel(model.sizes, model.weights, model.bias, model.threshold, meta, model.min_chars)


def _matrix(texts: Sequence[str], vocab: dict[str, int], sizes: Sequence[int]) -> Any:
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for i, text in enumerate(texts):
        grams = ngrams(text, sizes)
        idx = [vocab[g] for g in grams if g in vocab]
        rows += [i] * len(idx)
        cols += idx
        values += [1 / math.sqrt(len(grams))] * len(idx)
    return csr_matrix((values, (rows, cols)), shape=(len(texts), len(vocab)))


def fit(
    texts: Sequence[str], labels: Sequence[bool], sizes: Sequence[int], c: float, min_df: int = 2
) -> tuple[dict[str, float], float]:
    """L2-regularised logistic regression (L-BFGS). Returns the weight of every n-gram seen in at
    least ``min_df`` texts, and the bias."""
    from collections import Counter

    from scipy.optimize import minimize

    df = Counter(g for t in texts for g in ngrams(t, sizes))
    vocab = {g: i for i, g in enumerate(sorted(g for g, k in df.items() if k >= min_df))}
    x = _matrix(texts, vocab, sizes)
    y = np.asarray(labels, dtype=float)
    n = len(y)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        value += 0.5 / (c * n) * float(w[:-1] @ w[:-1])
        grad = np.empty_like(w)
        r = (p - y) / n
        grad[:-1] = x.T @ r + w[:-1] / (c * n)
        grad[-1] = r.sum()
        return float(value), grad

    result = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    w = result.x
    return {g: float(w[i]) for g, i in vocab.items() if abs(w[i]) >= 1e-4}, float(w[-1])


def scores(weights: dict[str, float], bias: float, texts: Iterable[str], sizes: Sequence[int]) -> list[float]:
    model = NgramModel(tuple(sizes), weights, bias, 0.5)
    return [model.score(t) for t in texts]
