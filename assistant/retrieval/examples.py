"""Example questions: the team's own labelled questions, each with the articles that answer it. A
worker's question close in meaning to a known one points to that question's articles, as one more
candidate source beside BM25, the dense index, the taxonomy and the learned prior.

Only questions the team wrote may be shipped as text (eval/datasets/*_dev.jsonl, snapshotted into
corpus/learned/example_questions.json by `python bench/train_retrieval_prior.py`); the forum
questions never are. The vectors are embedded once through the ingest's embedding cache, like the
labour issues' vectors."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.config import CORPUS_DIR
from assistant.retrieval.learned import ArticleKey
from ingest.embed import Embedder, EmbeddingCache, embed_with_cache

EXAMPLES_PATH = CORPUS_DIR / "learned" / "example_questions.json"
FORMAT = "lawcloud-example-questions/1"


class ExamplesError(ValueError):
    pass


@dataclass(frozen=True)
class ExampleQuestion:
    id: str
    question: str
    gold: tuple[ArticleKey, ...]


def load_examples(path: Path = EXAMPLES_PATH) -> list[ExampleQuestion]:
    """The shipped example questions, checked; an empty list when there is no file."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ExamplesError(f"{path}: 格式应为 {FORMAT}，实际为 {data.get('format')!r}")
        out = []
        for q in data["questions"]:
            gold = tuple((str(g[0]), int(g[1]), int(g[2])) for g in q["gold"])
            if not q["question"].strip() or not gold:
                raise ExamplesError(f"{path}: 例题 {q.get('id')!r} 缺少问题或金标条文")
            out.append(ExampleQuestion(str(q["id"]), str(q["question"]), gold))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ExamplesError):
            raise
        raise ExamplesError(f"例题文件无法读取：{path}（{exc}）") from exc
    return out


def save_examples(path: Path, questions: Sequence[ExampleQuestion], header: dict) -> None:
    """One question per line, so a retrained file's diff shows which questions came and went."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps(
            {"id": q.id, "question": q.question, "gold": [list(g) for g in q.gold]}, ensure_ascii=False
        )
        for q in questions
    ]
    head = json.dumps({"format": FORMAT, "header": header}, ensure_ascii=False, indent=2)[:-2]
    path.write_text(head + ',\n  "questions": [\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")


class ExampleIndex:
    """Nearest example questions by cosine; their articles vote, each vote weighted by
    exp(sharpness * cosine) so a near-identical question counts far more than a loosely related one."""

    def __init__(
        self,
        questions: Sequence[ExampleQuestion],
        vectors: np.ndarray,
        neighbours: int = 10,
        sharpness: float = 20.0,
    ) -> None:
        if len(questions) != len(vectors):
            raise ValueError("one vector per example question")
        self.questions = list(questions)
        matrix = np.asarray(vectors, dtype=np.float32).reshape(len(questions), -1)
        self.matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        self.neighbours = neighbours
        self.sharpness = sharpness
        # Leave-one-out evaluation: a question never votes for itself when this is set.
        self.exclude_identical = False

    @classmethod
    def build(
        cls, questions: Sequence[ExampleQuestion], embedder: Embedder, cache: EmbeddingCache | None = None
    ) -> ExampleIndex:
        """Embedded as queries (they are questions, compared with a question); through the cache
        when given, so only new or changed questions are embedded."""
        texts = [f"query: {q.question}" for q in questions]
        if cache is not None and texts:
            hashes = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
            found, _ = embed_with_cache(
                dict(zip(hashes, texts, strict=True)), _QueryEmbedder(embedder), cache, batch_size=8
            )
            vectors = np.stack([found[h] for h in hashes]) if hashes else np.zeros((0, 1))
        else:
            vectors = (
                np.stack([embedder.embed_query(q.question) for q in questions])
                if questions
                else np.zeros((0, 1))
            )
        return cls(questions, vectors)

    def nearest(self, text: str, vector: np.ndarray, k: int) -> list[tuple[ExampleQuestion, float]]:
        if not self.questions:
            return []
        v = np.asarray(vector, dtype=np.float32)
        sims = self.matrix @ (v / max(float(np.linalg.norm(v)), 1e-9))
        out = []
        for i in np.argsort(-sims)[: k + 1]:
            if self.exclude_identical and self.questions[i].question == text:
                continue
            out.append((self.questions[i], float(sims[i])))
        return out[:k]

    def predict(self, text: str, vector: np.ndarray | None, top: int) -> list[tuple[ArticleKey, float]]:
        """Articles with the share of the neighbours' vote they got (the shares sum to 1)."""
        if vector is None:
            return []
        near = self.nearest(text, vector, self.neighbours)
        if not near:
            return []
        best = near[0][1]
        votes: dict[ArticleKey, float] = {}
        for question, sim in near:
            weight = math.exp(self.sharpness * (sim - best)) / len(question.gold)
            for key in question.gold:
                votes[key] = votes.get(key, 0.0) + weight
        total = sum(votes.values())
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:top]
        return [(key, value / total) for key, value in ranked]


class _QueryEmbedder:
    """Makes embed_with_cache embed its texts as queries: the cache key carries a 'query: ' mark, so
    these vectors never mix with passage vectors of the same text."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.name = embedder.name

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.embedder.embed_query(t.removeprefix("query: ")) for t in texts])
