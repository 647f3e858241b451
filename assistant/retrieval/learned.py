"""A learned article prior: P(article | question) estimated from labelled questions, one more candidate
source beside BM25, the dense index and the taxonomy.

The model is a softmax regression over two views of the question: its character unigrams and bigrams
(tf-idf; only grams seen in at least three training questions, so no rare stretch of any training
question is kept) and, when the serving embedder is the one it was trained with, the question's
vector (centred on the training mean, so a missing vector reads as an average question). It is
trained by `python bench/train_retrieval_prior.py` (eval/prior_training.py) and shipped as weights in
`corpus/learned/retrieval_prior.npz`, with a JSON header saying what it was trained on, when and how
to regenerate it. Loading it takes milliseconds; a prediction is one sparse and one dense product.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.config import CORPUS_DIR

log = logging.getLogger(__name__)

ArticleKey = tuple[str, int, int]  # (law short name, article, sub)

PRIOR_PATH = CORPUS_DIR / "learned" / "retrieval_prior.npz"
FORMAT = "lawcloud-article-prior/1"
GRAM_SIZES = (1, 2)

_RUNS = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")


class PriorError(ValueError):
    """The shipped model file is unreadable or inconsistent."""


def question_grams(text: str, sizes: Sequence[int] = GRAM_SIZES) -> list[str]:
    """Character n-grams inside runs of Chinese characters or of Latin letters and digits: a gram
    never spans punctuation, so 工资，老板 gives no 资老."""
    grams: list[str] = []
    for run in _RUNS.findall(text.lower()):
        for n in sizes:
            grams.extend(run[i : i + n] for i in range(len(run) - n + 1))
    return grams


class ArticlePriorSource(Protocol):
    """Something that tells, for a question, how likely each article is to be the one it needs."""

    def predict(self, text: str, vector: np.ndarray | None, top: int) -> list[tuple[ArticleKey, float]]:
        """The ``top`` most likely articles with their probabilities, most likely first."""
        ...


@dataclass(frozen=True)
class ArticlePrior:
    labels: tuple[ArticleKey, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray  # (F,)
    gram_weights: np.ndarray  # (F, A)
    bias: np.ndarray  # (A,)
    vector_weights: np.ndarray | None = None  # (D, A)
    vector_mean: np.ndarray | None = None  # (D,)
    embedder: str = ""
    header: dict = field(default_factory=dict)

    def gram_features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and tf-idf values (L2-normalised) of the question's known grams."""
        counts = Counter(g for g in question_grams(text) if g in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        columns = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
        values = np.fromiter(
            (1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts)
        )
        values *= self.idf[columns]
        values /= max(float(np.linalg.norm(values)), 1e-9)
        return columns, values

    def logits(self, text: str, vector: np.ndarray | None) -> np.ndarray:
        columns, values = self.gram_features(text)
        z = self.bias + values @ self.gram_weights[columns] if len(columns) else self.bias.copy()
        if vector is not None and self.vector_weights is not None and self.vector_mean is not None:
            v = np.asarray(vector, dtype=np.float32)
            v = v / max(float(np.linalg.norm(v)), 1e-9)
            z = z + (v - self.vector_mean) @ self.vector_weights
        return np.asarray(z, dtype=np.float64)

    def probabilities(self, text: str, vector: np.ndarray | None) -> np.ndarray:
        z = self.logits(text, vector)
        z -= z.max()
        p = np.exp(z)
        return p / p.sum()

    def predict(self, text: str, vector: np.ndarray | None, top: int) -> list[tuple[ArticleKey, float]]:
        p = self.probabilities(text, vector)
        order = np.argsort(-p)[:top]
        return [(self.labels[i], float(p[i])) for i in order]

    def for_embedder(self, embedder_name: str | None) -> ArticlePrior:
        """The same model for a given serving embedder: the vector view is dropped when the vectors
        come from another model than the one it was trained on (their geometry is not the same)."""
        if self.vector_weights is None or embedder_name == self.embedder:
            return self
        log.info("learned prior trained on %s vectors; serving %s: words only", self.embedder, embedder_name)
        return ArticlePrior(
            self.labels, self.vocabulary, self.idf, self.gram_weights, self.bias, None, None, "", self.header
        )

    # --- file format ---------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        vocab = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        arrays: dict[str, np.ndarray] = {
            "header": np.array(json.dumps(self.header | {"format": FORMAT}, ensure_ascii=False)),
            "labels_law": np.array([law for law, _, _ in self.labels]),
            "labels_article": np.array([a for _, a, _ in self.labels], dtype=np.int32),
            "labels_sub": np.array([s for _, _, s in self.labels], dtype=np.int32),
            "vocabulary": np.array(vocab),
            "idf": self.idf.astype(np.float32),
            "gram_weights": self.gram_weights.astype(np.float16),
            "bias": self.bias.astype(np.float32),
            "embedder": np.array(self.embedder),
        }
        if self.vector_weights is not None and self.vector_mean is not None:
            arrays["vector_weights"] = self.vector_weights.astype(np.float16)
            arrays["vector_mean"] = self.vector_mean.astype(np.float32)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]  # numpy's stub is narrower


def load_prior(path: Path = PRIOR_PATH) -> ArticlePrior | None:
    """The shipped model, checked for consistency; None when there is no model file. Read once per
    version of the file (every retriever built in a process shares it)."""
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    return _load_prior(path, stamp)


@lru_cache(maxsize=4)
def _load_prior(path: Path, stamp: int) -> ArticlePrior:
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(str(data["header"]))
            labels = tuple(
                (str(law), int(a), int(s))
                for law, a, s in zip(
                    data["labels_law"], data["labels_article"], data["labels_sub"], strict=True
                )
            )
            vocabulary = {str(g): i for i, g in enumerate(data["vocabulary"])}
            idf = data["idf"].astype(np.float32)
            gram_weights = data["gram_weights"].astype(np.float32)
            bias = data["bias"].astype(np.float64)
            vector_weights = data["vector_weights"].astype(np.float32) if "vector_weights" in data else None
            vector_mean = data["vector_mean"].astype(np.float32) if "vector_mean" in data else None
            embedder = str(data["embedder"])
    except (OSError, KeyError, ValueError, json.JSONDecodeError) as exc:
        raise PriorError(f"学习所得的条文先验文件无法读取：{path}（{exc}）") from exc
    if header.get("format") != FORMAT:
        raise PriorError(f"{path}: 格式应为 {FORMAT}，实际为 {header.get('format')!r}")
    a, f = len(labels), len(vocabulary)
    if gram_weights.shape != (f, a) or idf.shape != (f,) or bias.shape != (a,):
        raise PriorError(f"{path}: 权重形状不一致（{gram_weights.shape}，{a} 个条文，{f} 个字词）")
    if vector_weights is not None and (
        vector_mean is None or vector_weights.shape[1] != a or vector_mean.shape != (vector_weights.shape[0],)
    ):
        raise PriorError(f"{path}: 向量权重形状不一致")
    return ArticlePrior(
        labels, vocabulary, idf, gram_weights, bias, vector_weights, vector_mean, embedder, header
    )
