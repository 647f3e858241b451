"""The query-embedder pool behind the API: parallel embeddings, one thread per instance, a cache."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.chat import QueryEmbedderPool, query_embedder_pool
from assistant.config import Settings
from ingest.embed import FakeEmbedder
from tests.conftest import make_settings


class SlowEmbedder(FakeEmbedder):
    """A fake that takes a while per query and records how many calls overlap on it."""

    def __init__(self, delay_s: float = 0.2) -> None:
        super().__init__()
        self.delay_s = delay_s
        self.active = 0
        self.overlapped = False
        self.queries = 0

    def embed_query(self, text: str) -> np.ndarray:
        self.active += 1
        self.overlapped |= self.active > 1
        try:
            time.sleep(self.delay_s)
            self.queries += 1
            return super().embed_query(text)
        finally:
            self.active -= 1


def _embed_all(pool: QueryEmbedderPool, texts: Sequence[str]) -> float:
    started = time.perf_counter()
    threads = [threading.Thread(target=pool.embed_query, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def test_two_instances_embed_two_questions_at_once_and_never_share_an_instance() -> None:
    instances = [SlowEmbedder(), SlowEmbedder()]
    pool = QueryEmbedderPool(instances)
    seconds = _embed_all(pool, ["拖欠工资怎么办", "没签合同能要双倍工资吗", "工伤怎么认定", "年假几天"])
    # Four 0.2 s queries on two instances take ~0.4 s, not 0.8 s.
    assert seconds < 0.7
    assert all(i.queries == 2 for i in instances)
    assert not any(i.overlapped for i in instances)


def test_a_single_instance_serialises_queries() -> None:
    only = SlowEmbedder(delay_s=0.1)
    seconds = _embed_all(QueryEmbedderPool([only]), ["一", "二", "三"])
    assert seconds >= 0.3 and not only.overlapped


def test_repeated_questions_come_from_the_cache_and_the_cached_vector_is_read_only() -> None:
    inner = SlowEmbedder(delay_s=0.0)
    pool = QueryEmbedderPool([inner], cache_size=2)
    first = pool.embed_query("拖欠工资怎么办")
    again = pool.embed_query("拖欠工资怎么办")
    assert again is first and inner.queries == 1
    with pytest.raises(ValueError):
        again[0] = 1.0  # one request cannot corrupt the vector another request gets
    pool.embed_query("二")
    pool.embed_query("三")  # evicts the oldest
    pool.embed_query("拖欠工资怎么办")
    assert inner.queries == 4


def test_pool_size_from_settings(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, query_embedders=3)
    pool = query_embedder_pool(settings)
    assert pool.size == 3 and pool.name == FakeEmbedder().name
    given = FakeEmbedder()
    assert query_embedder_pool(settings, given).size == 1


def _max_parallel_prepares(built_settings: Settings, tmp_path: Path, parallel: int, questions: int) -> int:
    from assistant.chat import open_services

    settings = make_settings(
        built_settings.data_dir,
        database_url=f"sqlite:///{tmp_path / f'chat{parallel}.sqlite'}",
        parallel_answers=parallel,
    )
    services = open_services(settings, warm_up=False)
    inner = services.answers.prepare
    lock = threading.Lock()
    state = {"active": 0, "max": 0}

    def observed_prepare(*args: object, **kwargs: object) -> object:
        with lock:
            state["active"] += 1
            state["max"] = max(state["max"], state["active"])
        try:
            time.sleep(0.05)  # long enough for every thread to arrive while others are inside
            return inner(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            with lock:
                state["active"] -= 1

    services.answers.prepare = observed_prepare  # type: ignore[method-assign]
    answers: list[dict] = []
    threads = [
        threading.Thread(
            target=lambda i=i: answers.append(services.chat.chat(f"加班{i + 1}小时的加班费怎么算"))
        )
        for i in range(questions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    services.close()
    assert len(answers) == questions and all(a["answer"] for a in answers)
    return state["max"]


def test_parallel_answers_bounds_how_many_questions_are_worked_on_at_once(
    built_settings: Settings, tmp_path: Path
) -> None:
    assert _max_parallel_prepares(built_settings, tmp_path, parallel=2, questions=6) == 2
    assert _max_parallel_prepares(built_settings, tmp_path, parallel=6, questions=6) > 2
