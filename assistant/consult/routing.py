"""Which issues' guides may answer a question: the keyword topics weighed against what retrieval found.

Keyword detection (assistant/retrieval/query.py) raises an issue for any trigger word, wherever it
sits: a past injury or old overtime told as background raises its issue as strongly as the matter
asked about. The router scores the issues the words or the meaning raised, and the few the retrieved
articles point to, with a small logistic model over generic evidence — the keyword score, whether the
keyword sits in the asked clause or only before it, the likeness in meaning, the top articles mapped
to the issues whose taxonomy entry or guide cite them. Its label is what the real plan does with that
issue alone (bench/train_issue_router.py: weights and thresholds learned out of fold, shipped as data
in corpus/learned/issue_router.json with their provenance).

What it changes is deliberately narrow, because out of fold that is what measured as a gain: an issue
raised only by a word told as background, when another raised issue sits in the asked clause, and
whose probability is under ``keep`` × the best, is set aside (last, under the plan's share rule, so
only a guide the facts make the one to answer — ``leads_when`` — still speaks for it). An issue the
words did not raise joins, as *faint*, only at a probability of ``join`` or more (the shipped router
sets 2.0: joining gained nothing). Without the file, or without a vector that reads meaning (the test
index's hashing embedder), the keyword topics pass through unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.config import CORPUS_DIR
from assistant.consult.guides import GuideBook
from assistant.consult.kinds import asked_clause
from assistant.consult.plan import SECOND_ISSUE_SHARE
from assistant.retrieval.knowledge import Issue
from assistant.retrieval.query import phrase_in

ROUTER_PATH = CORPUS_DIR / "learned" / "issue_router.json"
CANDIDATES_BY_EVIDENCE = 3  # issues the retrieved articles add to those the words raised
SET_ASIDE_SHARE = 0.8 * SECOND_ISSUE_SHARE  # a set-aside issue is no candidate by its score
EVIDENCE_DEPTH = 10  # the retrieved articles read as evidence (the answer quotes about as many)
FEATURES = (
    "keyword",  # keyword score relative to the best keyword topic (0: not raised by words)
    "keyword_top",  # the strongest keyword topic
    "keyword_asked",  # one of its trigger words sits in the asked clause
    "keyword_background",  # raised by words, none of them in the asked clause (which names something)
    "by_meaning",  # joined the topics by the question's vector only
    "similarity",  # cosine to the issue's vector minus the best issue's (<= 0)
    "evidence_key",  # retrieved articles that are the issue's key articles, 1/rank weighted
    "evidence_guide",  # retrieved articles its guide cites, 1/rank, shared among the guides citing them
    "top_key",  # the first article retrieved is one of its key articles
    "top_guide_only",  # the first article is cited by this guide and by no more than two others
)


@dataclass(frozen=True)
class RoutedIssues:
    issues: list[tuple[str, float]]  # strongest first, with the score the plan weighs (the best 1.0)
    faint: frozenset[str]  # raised by evidence or meaning only


@dataclass(frozen=True)
class IssueRouter:
    weights: np.ndarray  # one per feature
    bias: float
    # An issue the words did not raise joins the keyword topics when its probability reaches ``join``;
    # an issue the words raised is set aside when its probability is under ``keep`` times the best
    # probability among the issues the words raised (the background word of a question about another
    # issue). Both are chosen out of fold on the opening, not on the classifier's loss.
    join: float
    keep: float
    header: Mapping[str, object]

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> IssueRouter:
        names = tuple(data["features"])  # type: ignore[arg-type]
        if names != FEATURES:
            raise ValueError(f"issue router features {names} differ from the code's {FEATURES}")
        return cls(
            np.asarray(data["weights"], dtype=np.float64),
            float(data["bias"]),  # type: ignore[arg-type]
            float(data["join"]),  # type: ignore[arg-type]
            float(data["keep"]),  # type: ignore[arg-type]
            {k: v for k, v in data.items() if k not in ("weights", "bias", "join", "keep", "features")},
        )

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias)))


class IssueEvidence:
    """The article → issue maps the features read, built once per guide book and taxonomy."""

    def __init__(self, issues: Sequence[Issue], book: GuideBook) -> None:
        self.issues = [issue for issue in issues if book.for_issue(issue.id) is not None]
        self.key: dict[str, set[tuple[str, int]]] = {
            issue.id: {(a.law, a.article) for a in issue.articles} for issue in self.issues
        }
        self.cited: dict[str, set[tuple[str, int]]] = {}
        for issue in self.issues:
            guide = book.for_issue(issue.id)
            assert guide is not None
            self.cited[issue.id] = {ref.key[:2] for ref in guide.citations()}  # type: ignore[misc]
        self.citing: dict[tuple[str, int], int] = {}
        for articles in self.cited.values():
            for article in articles:
                self.citing[article] = self.citing.get(article, 0) + 1

    def features(
        self,
        question: str,
        topics: Sequence[tuple[Issue, float]],
        by_meaning: set[str] | frozenset[str],
        similarities: Mapping[str, float],
        hits: Sequence[tuple[str, int]],
    ) -> np.ndarray:
        """One row per issue with a guide, in ``self.issues`` order."""
        worded = [(issue, score) for issue, score in topics if issue.id not in by_meaning]
        best = max((score for _, score in worded), default=0.0)
        scores = {issue.id: score for issue, score in worded}
        top_id = worded[0][0].id if worded else None
        clause = asked_clause(question).lower()
        best_sim = max(similarities.values(), default=0.0)
        hits = list(hits[:EVIDENCE_DEPTH])
        rows = []
        for issue in self.issues:
            keyword = scores.get(issue.id, 0.0) / best if best > 0 else 0.0
            asked = bool(keyword) and bool(clause) and any(phrase_in(k, clause) for k in issue.keywords)
            background = bool(keyword) and bool(clause) and not asked
            key = self.key[issue.id]
            cited = self.cited[issue.id]
            evidence_key = sum(1.0 / (rank + 1) for rank, article in enumerate(hits) if article in key)
            evidence_guide = sum(
                1.0 / ((rank + 1) * self.citing.get(article, 1))
                for rank, article in enumerate(hits)
                if article in cited
            )
            first = hits[0] if hits else None
            rows.append(
                [
                    keyword,
                    float(issue.id == top_id),
                    float(asked),
                    float(background),
                    float(issue.id in by_meaning),
                    similarities.get(issue.id, best_sim) - best_sim,
                    evidence_key,
                    evidence_guide,
                    float(first is not None and first in key),
                    float(first is not None and first in cited and self.citing.get(first, 0) <= 3),
                ]
            )
        return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))

    def candidates(self, features: np.ndarray, depth: int = CANDIDATES_BY_EVIDENCE) -> list[int]:
        """The issues weighed at all: those the words or the meaning raised, and the few the retrieved
        articles point to most (by key article, by the guide's own citations)."""
        column = {name: i for i, name in enumerate(FEATURES)}
        raised = np.flatnonzero(
            (features[:, column["keyword"]] > 0) | (features[:, column["by_meaning"]] > 0)
        )
        chosen = dict.fromkeys(int(i) for i in raised)
        for name in ("evidence_key", "evidence_guide"):
            values = features[:, column[name]]
            for i in np.argsort(-values, kind="stable")[:depth]:
                if values[i] > 0:
                    chosen.setdefault(int(i), None)
        return list(chosen)

    def route(
        self,
        router: IssueRouter,
        question: str,
        topics: Sequence[tuple[Issue, float]],
        by_meaning: set[str] | frozenset[str],
        similarities: Mapping[str, float],
        hits: Sequence[tuple[str, int]],
    ) -> RoutedIssues:
        """The keyword topics, less those the evidence says are background, plus those the evidence
        names strongly enough; scores stay on the keyword scale the plan's share rule reads."""
        features = self.features(question, topics, by_meaning, similarities, hits)
        pool = self.candidates(features)
        probability = dict(
            zip((self.issues[i].id for i in pool), router.probabilities(features[pool]).tolist(), strict=True)
        )
        worded = [(issue.id, score) for issue, score in topics if issue.id not in by_meaning]
        best_worded = max((probability.get(i, 0.0) for i, _ in worded), default=0.0)
        # Only a word told as background gives way, and only to an issue the asked clause names (前年受过伤 …
        # 现在调岗合法吗): where no raised issue sits in the asked clause, nothing tells background from
        # the point, and the words keep their order.
        column = {name: i for i, name in enumerate(FEATURES)}
        index = {issue.id: i for i, issue in enumerate(self.issues)}
        asked = {i for i, _ in worded if i in index and features[index[i], column["keyword_asked"]] > 0}
        aside = {
            issue_id
            for issue_id, _ in worded
            if asked
            and issue_id in probability
            and features[index[issue_id], column["keyword_background"]] > 0
            and probability[issue_id] < router.keep * best_worded
        }
        kept = [(issue.id, score) for issue, score in topics if issue.id not in aside]
        top = max((score for _, score in kept), default=1.0)
        present = {i for i, _ in kept}
        joined = sorted(
            (
                (issue_id, top * p)
                for issue_id, p in probability.items()
                if issue_id not in present and issue_id not in aside and p >= router.join
            ),
            key=lambda item: -item[1],
        )
        # An issue set aside stays last, under the plan's share of the first issue's score: its guide no
        # longer competes by its words, yet one the facts make the one to answer (a disability grade →
        # the benefits guide, `leads_when`) is still weighed.
        below = [
            (issue.id, min(score, SET_ASIDE_SHARE * top)) for issue, score in topics if issue.id in aside
        ]
        issues = sorted(kept + joined, key=lambda item: -item[1]) + below
        return RoutedIssues(issues, frozenset(i for i, _ in joined))


@lru_cache(maxsize=4)
def _load(path: str, stamp: float) -> IssueRouter:
    return IssueRouter.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def load_router(path: Path = ROUTER_PATH) -> IssueRouter | None:
    """The shipped router, or None when there is none (the keyword topics then decide alone)."""
    if not path.exists():
        return None
    return _load(str(path), path.stat().st_mtime)


def logistic_fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, sample_weight: np.ndarray | None = None, steps: int = 50
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (a handful of features: exact and fast)."""
    n, d = x.shape
    w = sample_weight if sample_weight is not None else np.ones(n)
    design = np.hstack([x, np.ones((n, 1))])
    theta = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (w * (p - y)) + penalty * theta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if float(np.sqrt(step @ step)) < 1e-8:
            break
    return theta[:-1], float(theta[-1])
