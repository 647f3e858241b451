"""The openings measure and its out-of-fold setting, shared by bench/openings_bench.py,
bench/train_issue_router.py and bench/answer_choice_bench.py.

An opening is scored against an item's gold articles: ``opened`` (a guide conclusion exists),
``strict`` (a conclusion sentence cites a gold article), ``guide`` (a gold article is among the clauses
of the opening guide, the first of ``plan.selected``). Forum questions carry one loose gold article
each, so this is a proxy for "the opening answers what was asked", not a lawyer's reading.

The two training benches search each question as an unseen one would be searched: the learned article
prior was trained on these very questions, so ``crossfit_questions`` swaps in a prior cross-fitted
without each question and the team's example questions leave-one-out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from assistant.consult.guides import Guide
from assistant.consult.plan import ConsultPlan

# The team's labelled consultation and answer sets whose first messages the openings are measured on
# (and the router trained on); retrieval_dev joins only the article prior's cross-fitting.
TEAM_SETS = (
    "consult_dev",
    "consult_dev_s5a",
    "consult_dev_s5b",
    "consult_dev_s5c",
    "consult_dev_s6a",
    "consult_dev_s6b",
    "consult_dev_s6c",
    "consult_dev_s7a",
    "consult_dev_s7b",
    "consult_dev_s7c",
    "consult_dev_s7d",
    "answers_dev",
)

Gold = set[tuple[str, int]]


def opening_hits(plan: ConsultPlan | None, gold: Gold, guides: Mapping[str, Guide]) -> dict[str, int]:
    """opened / strict / guide for one plan, each 0 or 1."""
    if plan is None:
        return {"opened": 0, "strict": 0, "guide": 0}
    opening = guides.get(plan.selected[0].split("/")[0]) if plan.selected else None
    clauses = {(r.law, r.article) for r in opening.citations()} if opening is not None else set()
    cited = {(r.law, r.article) for sentence in plan.conclusion for r in sentence.cite}
    return {
        "opened": int(plan.guided),
        "strict": int(bool(gold & cited)),
        "guide": int(bool(gold & clauses)),
    }


class Question(NamedTuple):
    source: str  # the set it comes from: real_learn or a team set
    text: str  # as asked
    gold: Gold


def crossfit_questions(retriever: Any, datasets: Path, prior_folds: int) -> dict[str, Question]:
    """Load the learn half and the team's sets, make ``retriever`` search them as unseen questions
    (the article prior cross-fitted in ``prior_folds`` folds, example questions leave-one-out), and
    return the first messages with gold in the store, keyed ``set:id`` (retrieval_dev only trains)."""
    from assistant.retrieval.examples import ExampleIndex, ExampleQuestion
    from assistant.retrieval.query import normalize
    from eval.datasets import load_dataset
    from eval.prior_training import PrecomputedPrior, TrainingItem, out_of_fold
    from eval.real_questions import load_real_questions

    sets = {"real_learn": load_real_questions()["learn"]}
    for path in sorted(datasets.glob("*_dev*.jsonl")):
        if path.stem in TEAM_SETS or path.stem == "retrieval_dev":
            sets[path.stem] = load_dataset(path)
    typos = retriever.knowledge.typos
    items: list[TrainingItem] = []
    questions: dict[str, Question] = {}
    for name, eval_items in sets.items():
        for item in eval_items:
            gold = tuple(sorted({g.key for g in item.gold if retriever.has_article(*g.key)}))
            if not gold or item.raw.get("turns"):
                continue
            text = normalize(item.question, typos)
            key = f"{name}:{item.id}"
            items.append(TrainingItem(key, text, gold, name, retriever.embedder.embed_query(text)))
            if name != "retrieval_dev":
                questions[key] = Question(name, item.question, {(g[0], g[1]) for g in gold})
    oof = out_of_fold(items, prior_folds, top=50)
    retriever.prior = PrecomputedPrior({i.text: oof[i.id] for i in items})
    team = [i for i in items if i.source != "real_learn"]
    if retriever.examples is not None:
        retriever.examples = ExampleIndex(
            [ExampleQuestion(i.id, i.text, i.gold) for i in team], np.stack([i.vector for i in team])
        )
        retriever.examples.exclude_identical = True
    return questions


@contextmanager
def recorded_plans() -> Iterator[tuple[list[tuple[tuple, dict]], Callable[..., ConsultPlan]]]:
    """Record the arguments of every plan AnswerService makes (to replan them with other settings);
    yields the record and the real planner, and restores it on exit."""
    import assistant.answer.service as service_module

    real_plan = service_module.plan_consultation
    recorded: list[tuple[tuple, dict]] = []

    def recording_plan(*args: Any, **kwargs: Any) -> ConsultPlan:
        recorded.append((args, kwargs))
        return real_plan(*args, **kwargs)

    service_module.plan_consultation = recording_plan  # type: ignore[assignment]
    try:
        yield recorded, real_plan
    finally:
        service_module.plan_consultation = real_plan
