"""assistant/reload.py: a new live build swapped in under a running service — answers started on the
old build finish on it, the next question sees the new articles, a build that will not open leaves
the old one serving."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.chat import Services, open_services
from assistant.config import Settings
from assistant.reload import BuildReloader
from ingest.embed import FakeEmbedder
from ingest.index import read_live
from ingest.pipeline import run_ingest
from tests.conftest import make_settings
from tests.ingest.test_pipeline import write_law

LEAVE = """# 测试休假规定

2021年1月1日 人力资源社会保障部令第1号公布

<!-- INFO END -->

第一条 劳动者连续工作满一年的，每年享受带薪探亲假十五天。

第二条 本规定自公布之日起施行。
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Settings, Services]]:
    settings = make_settings(tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'chat.sqlite'}")
    write_law(tmp_path / "wages" / "行政法规")
    assert run_ingest(settings, [tmp_path / "wages"], builtin=False, embedder=FakeEmbedder()).ok
    services = open_services(settings, FakeEmbedder(), warm_up=False)
    yield settings, services
    services.close()


def add_leave_rules(settings: Settings, root: Path) -> str:
    folder = root / "leave" / "部门规章"
    folder.mkdir(parents=True)
    (folder / "测试休假规定(2021-01-01).md").write_text(LEAVE, encoding="utf-8")
    report = run_ingest(settings, [root / "leave"], builtin=False, embedder=FakeEmbedder())
    assert report.ok and not report.noop
    return report.build_id


async def collect(stream) -> list[tuple[str, dict]]:  # noqa: ANN001 - an async iterator of events
    return [event async for event in stream]


def test_a_new_build_is_swapped_in_and_answers_under_way_finish_on_theirs(
    served: tuple[Settings, Services], tmp_path: Path
) -> None:
    settings, services = served
    reloader = BuildReloader(services, drain_seconds=60)
    first = reloader.served_build
    assert reloader.check() is None  # nothing new
    started = services.chat.start_stream("用人单位不按月足额支付工资怎么办")
    old_store = services.runtime.index.store

    second = add_leave_rules(settings, tmp_path)
    assert second != first and reloader.check() == second and reloader.served_build == second
    assert services.chat.answers is services.answers and services.desk.resolver is services.answers.resolver

    # The stream begun before the swap finishes, on the build it started with.
    events = asyncio.run(collect(services.chat.stream(started)))
    done = next(payload for kind, payload in events if kind == "done")
    assert done["citations"] and all(c["law"] == "测试工资条例" for c in done["citations"])
    assert old_store.get_article("测试工资条例", 2)  # still open: it drains before it closes

    # The next question sees the new article.
    answer = services.chat.chat("探亲假有几天")
    assert any(c["law"] == "测试休假规定" and c["article"] == 1 for c in answer["citations"])
    assert services.runtime.index.store.get_article("测试休假规定", 1)

    reloader.close()  # shutdown: the builds swapped out are closed
    with pytest.raises(Exception):  # noqa: B017, PT011 - sqlite3.ProgrammingError: closed
        old_store.get_article("测试工资条例", 2)


def test_a_build_that_will_not_open_leaves_the_old_one_serving(
    served: tuple[Settings, Services], caplog: pytest.LogCaptureFixture
) -> None:
    settings, services = served
    reloader = BuildReloader(services, drain_seconds=60)
    first = reloader.served_build
    live = read_live(settings.data_dir)
    assert live is not None
    broken = settings.data_dir / "builds" / "20990101-000000-1-broken"
    broken.mkdir()
    (settings.data_dir / "LIVE.json").write_text(
        json.dumps({**live, "build_id": broken.name}), encoding="utf-8"
    )
    with caplog.at_level(logging.ERROR):
        assert reloader.check() is None
    assert reloader.served_build == first and "could not be opened" in caplog.text
    assert services.chat.chat("用人单位不按月足额支付工资怎么办")["citations"]
    caplog.clear()
    assert reloader.check() is None and "could not be opened" not in caplog.text  # not retried in a loop
    with caplog.at_level(logging.ERROR):
        assert reloader.check(force=True) is None  # SIGHUP retries it
    assert "could not be opened" in caplog.text
