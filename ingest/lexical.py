"""Lexical index: BM25 (Okapi, as in rank_bm25) over jieba tokens with a legal user dictionary.

Term weights are precomputed into a sparse matrix, so a query costs a few column slices rather
than a pass over every document (rank_bm25 scores ~27k articles in ~100 ms; this takes ~1 ms).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

from assistant.config import CORPUS_DIR

_STOPWORDS = set(
    "的 了 是 在 和 与 或 及 等 我 你 他 她 它 我们 你们 他们 这 那 这个 那个 有 就 都 也 还 要 会 能 可以 吗 呢 吧 啊 呀 么 "
    "怎么 怎么办 什么 如何 为什么 请问 一下 一个 没有 不 被 把 给 让 对 从 到 之 其 以 于 而 为 者 所 应当 依照 本法 规定".split()
)
_PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)


class Tokenizer:
    """jieba search-mode tokens, legal terms kept whole, stopwords and punctuation dropped."""

    _lock = threading.Lock()

    def __init__(self, user_dict: Path = CORPUS_DIR / "legal_terms.txt") -> None:
        self._user_dict = user_dict
        self._jieba = None

    def _ensure(self):  # noqa: ANN202 - jieba has no types
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    import logging

                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tok = jieba.Tokenizer()
                    tok.initialize()
                    if self._user_dict.exists():
                        tok.load_userdict(str(self._user_dict))
                    self._jieba = tok
        return self._jieba

    def add_words(self, words: list[str]) -> None:
        tok = self._ensure()
        for word in words:
            tok.add_word(word, freq=20)

    def tokenize(self, text: str) -> list[str]:
        tok = self._ensure()
        tokens = []
        for word in tok.lcut(text.lower()):
            # Search mode: the word itself plus the dictionary words inside it, so that a query for
            # 劳动报酬 matches an article that says 拖欠劳动报酬 and vice versa.
            pieces = [word]
            if len(word) > 2:
                for n in (2, 3, 4):
                    pieces.extend(
                        word[i : i + n]
                        for i in range(len(word) - n + 1)
                        if n < len(word) and tok.FREQ.get(word[i : i + n])
                    )
            for token in pieces:
                token = token.strip()
                if token and token not in _STOPWORDS and not _PUNCT.match(token):
                    tokens.append(token)
        return tokens


class BM25Index:
    def __init__(
        self, vocab: dict[str, int], weights: sparse.csc_matrix, k1: float = 1.5, b: float = 0.75
    ) -> None:
        self.vocab = vocab
        self.weights = weights  # documents × terms
        self.k1, self.b = k1, b

    @property
    def size(self) -> int:
        return int(self.weights.shape[0])

    @classmethod
    def build(
        cls, corpus: list[list[str]], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25
    ) -> BM25Index:
        vocab: dict[str, int] = {}
        rows, cols, tfs = [], [], []
        doc_len = np.zeros(len(corpus), dtype=np.float64)
        df: Counter[int] = Counter()
        for d, tokens in enumerate(corpus):
            doc_len[d] = len(tokens)
            counts = Counter(tokens)
            for term, tf in counts.items():
                t = vocab.setdefault(term, len(vocab))
                rows.append(d)
                cols.append(t)
                tfs.append(tf)
                df[t] += 1
        n_docs = max(len(corpus), 1)
        avgdl = float(doc_len.mean()) if len(corpus) else 0.0
        idf = np.zeros(len(vocab), dtype=np.float64)
        for t, n in df.items():
            idf[t] = math.log(n_docs - n + 0.5) - math.log(n + 0.5)
        # rank_bm25's BM25Okapi floors negative idf (terms in most documents) at epsilon × mean idf.
        average_idf = float(idf.mean()) if len(idf) else 0.0
        idf[idf < 0] = epsilon * average_idf
        tf_arr = np.asarray(tfs, dtype=np.float64)
        row_arr = np.asarray(rows, dtype=np.int64)
        col_arr = np.asarray(cols, dtype=np.int64)
        denom = tf_arr + k1 * (1 - b + b * doc_len[row_arr] / (avgdl or 1.0))
        values = idf[col_arr] * tf_arr * (k1 + 1) / denom
        matrix = sparse.csc_matrix(
            (values, (row_arr, col_arr)), shape=(len(corpus), len(vocab)), dtype=np.float32
        )
        return cls(vocab, matrix, k1, b)

    def scores(self, query_tokens: list[str], token_weights: list[float] | None = None) -> np.ndarray:
        """BM25 of every document; a repeated query token counts again, as in rank_bm25."""
        counts: dict[str, float] = {}
        for i, token in enumerate(query_tokens):
            if token in self.vocab:
                counts[token] = counts.get(token, 0.0) + (token_weights[i] if token_weights else 1.0)
        if not counts:
            return np.zeros(self.size, dtype=np.float32)
        cols = [self.vocab[t] for t in counts]
        weights = np.asarray(list(counts.values()), dtype=np.float32)
        return np.asarray(self.weights[:, cols] @ weights).ravel()

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        sparse.save_npz(directory / "bm25.npz", self.weights)
        (directory / "bm25.json").write_text(
            json.dumps({"vocab": self.vocab, "k1": self.k1, "b": self.b}, ensure_ascii=False),
            encoding="utf-8",
        )

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        meta = json.loads((directory / "bm25.json").read_text(encoding="utf-8"))
        return cls(meta["vocab"], sparse.load_npz(directory / "bm25.npz").tocsc(), meta["k1"], meta["b"])
