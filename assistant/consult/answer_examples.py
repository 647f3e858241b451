"""Which guide answer a question asks for, learned rather than listed (session 19).

The guide answers' ``asks`` words and the asked points' word groups decide the opening where the asker
uses them; real questions ask the same thing in other words (session 18: 20 of 60 unseen questions
answered directly; of the learn half's misses, 62 of 73 open the wrong topic's answer, not the wrong
point of the right topic). This module is a softmax classifier over every guide answer: the question's
character uni- and bigrams (hashed, TF-IDF) beside its meaning vector (the retrieval embedder's query
vector, which the search computed already). It is trained by bench/train_answer_chooser.py on
corpus/consult/answer_examples.jsonl (the team's example questions, several per answer, varied voices and
wordings) and on the learn half of the real forum questions labelled with the answer a lawyer would open
with (only the weights leave those questions), and shipped as weights in corpus/learned/answer_chooser.npz
with its provenance and threshold in answer_chooser.json.

The plan uses the choice only where it is confident and the listed words did not name their own answer
(plan._learned_pin). Pure numpy: the weights are the input."""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.config import CORPUS_DIR
from assistant.consult.guides import GuideError

EXAMPLES_PATH = CORPUS_DIR / "consult" / "answer_examples.jsonl"
CHOOSER_PATH = CORPUS_DIR / "learned" / "answer_chooser.json"
FORMAT = "lawcloud-answer-chooser/1"

_DROP = re.compile(r"[\s，。？！、；：,.?!;:“”\"'（）()《》【】…~～\-—]+")
_DIGITS = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]+")


def normalise(text: str) -> str:
    """NFKC, lower case, punctuation out, every number one symbol (amounts and months differ from asker to
    asker; that a number is told is what questions of one answer share)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DIGITS.sub("0", text)
    return _DROP.sub(" ", text).strip()


def char_grams(text: str) -> list[str]:
    """Character unigrams and bigrams of each chunk between punctuation."""
    grams: list[str] = []
    for chunk in normalise(text).split():
        grams += list(chunk)
        grams += [chunk[i : i + 2] for i in range(len(chunk) - 1)]
    return grams


def hashed_counts(text: str, bits: int) -> dict[int, float]:
    """Each n-gram's count in a bucket of 2**bits (crc32: the same bucket on every machine and run)."""
    counts: dict[int, float] = {}
    mask = (1 << bits) - 1
    for gram in char_grams(text):
        bucket = zlib.crc32(gram.encode("utf-8")) & mask
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    return counts


def featurise(text: str, vector: np.ndarray | None, idf: np.ndarray, vector_weight: float) -> np.ndarray:
    """The text's hashed n-grams (sublinear TF × IDF, L2-normalised) followed by its meaning vector ×
    ``vector_weight`` (zeros when there is none)."""
    bits = int(np.log2(idf.size))
    row = np.zeros(idf.size, dtype=np.float64)
    for bucket, count in hashed_counts(text, bits).items():
        row[bucket] = (1.0 + np.log(count)) * idf[bucket]
    norm = float(np.linalg.norm(row))
    if norm:
        row /= norm
    dims = 0 if vector is None else int(np.asarray(vector).size)
    tail = np.zeros(dims) if vector is None else np.asarray(vector, dtype=np.float64) * vector_weight
    return np.concatenate([row, tail])


@dataclass(frozen=True)
class Choice:
    ref: str  # guide/answer
    probability: float
    # The classifier's probabilities of its most likely answers (the choice among them): the plan keeps an
    # answer the asker's words named unless the classifier gives it at most ``named_ratio`` × the choice's.
    likely: Mapping[str, float] = field(default_factory=dict)
    named_ratio: float = 0.0
    # Session 26: the answers the classifier was trained on. An answer written after its training (must_sign) is
    # not one it can rule out: the asker's words naming it keep it.
    known: frozenset[str] = frozenset()

    def probability_of(self, ref: str) -> float:
        return self.likely.get(ref, 0.0)

    def knows(self, ref: str) -> bool:
        return not self.known or ref in self.known


class AnswerChooser:
    """The trained classifier: ``predict`` gives the most probable answer; ``choose`` only a confident one."""

    def __init__(
        self,
        refs: Sequence[str],
        weights: np.ndarray,
        bias: np.ndarray,
        idf: np.ndarray,
        vector_weight: float,
        threshold: float,
        embedder: str = "",
        named_ratio: float = 0.0,
    ) -> None:
        if (
            weights.ndim != 2
            or weights.shape[1] != len(refs)
            or weights.shape[0] < idf.size
            or bias.shape != (len(refs),)
        ):
            raise GuideError("answer_chooser：权重的形状与答案数不符")
        self.refs = tuple(refs)
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.idf = idf.astype(np.float64)
        self.vector_weight = vector_weight
        self.threshold = threshold
        self.embedder = embedder  # the embedder whose query vectors the weights were fitted on
        self.named_ratio = named_ratio
        self.vector_dims = weights.shape[0] - idf.size

    def probabilities(self, question: str, vector: np.ndarray | None) -> np.ndarray:
        if vector is not None and np.asarray(vector).size != self.vector_dims:
            vector = None  # another embedder's vector means nothing to these weights
        x = featurise(question, vector, self.idf, self.vector_weight)
        if vector is None:
            x = np.concatenate([x, np.zeros(self.vector_dims)])
        logits = x.astype(np.float32) @ self.weights + self.bias
        logits -= logits.max()
        p = np.exp(logits)
        return p / p.sum()

    def predict(self, question: str, vector: np.ndarray | None) -> Choice:
        p = self.probabilities(question, vector)
        order = np.argsort(-p)[:20]
        likely = {self.refs[i]: float(p[i]) for i in order}
        best = int(order[0])
        return Choice(self.refs[best], float(p[best]), likely, self.named_ratio, frozenset(self.refs))

    def choose(self, question: str, vector: np.ndarray | None) -> Choice | None:
        """The answer, when the classifier is at least ``threshold`` sure of it; None without a meaning
        vector (the weights were fitted with one; the n-grams alone are not calibrated)."""
        if vector is None or np.asarray(vector).size != self.vector_dims:
            return None
        choice = self.predict(question, vector)
        return choice if choice.probability >= self.threshold else None


def parse_examples(lines: Iterable[str], where: str = "answer_examples.jsonl") -> list[tuple[str, str]]:
    """The example questions as (guide/answer, question); a malformed line raises GuideError naming it."""
    examples: list[tuple[str, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise GuideError(f"{where} 第{number}行不是 JSON：{error}") from error
        if not isinstance(row, dict):
            raise GuideError(f"{where} 第{number}行：需要一个对象 {{ref, question}}")
        ref, question = row.get("ref"), row.get("question")
        if (
            not isinstance(ref, str)
            or ref.count("/") != 1
            or not isinstance(question, str)
            or not question.strip()
        ):
            raise GuideError(f"{where} 第{number}行：需要 ref（guide/answer）和 question")
        examples.append((ref, question.strip()))
    return examples


def load_examples(path: Path = EXAMPLES_PATH) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return parse_examples(handle, path.name)


@lru_cache(maxsize=4)
def load_answer_chooser(path: Path = CHOOSER_PATH) -> AnswerChooser | None:
    """The shipped classifier; None when it is absent or switched off (``"enabled": false``). A file of
    another format, or weights that do not match it, raise GuideError naming what to do."""
    if not path.exists():
        return None
    meta = json.loads(path.read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise GuideError(f"{path.name}：格式不是 {FORMAT}；请用 bench/train_answer_chooser.py 重新训练")
    if not meta.get("enabled", True):
        return None
    weights_path = path.with_suffix(".npz")
    if not weights_path.exists():
        raise GuideError(f"{weights_path.name} 缺失；请用 bench/train_answer_chooser.py 重新训练")
    with np.load(weights_path) as data:
        return AnswerChooser(
            meta["refs"],
            data["weights"],
            data["bias"],
            data["idf"],
            float(meta["vector_weight"]),
            float(meta["threshold"]),
            str(meta.get("embedder", "")),
            float(meta.get("named_ratio", 0.0)),
        )
