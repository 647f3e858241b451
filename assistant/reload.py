"""A running service picks up a new live build by itself: when `lawcloud ingest` (another process)
switches data/LIVE.json, the new build is opened beside the one serving, warmed up, then swapped in
between requests. Requests already under way finish on the build they started with; that build is
closed once they have had time to finish. If the new build cannot be opened, the old one keeps
serving and the error is logged."""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from assistant.answer import AnswerService
from assistant.runtime import Runtime, open_runtime
from ingest.index import read_live

if TYPE_CHECKING:
    from assistant.chat import Services

log = logging.getLogger(__name__)


class BuildReloader:
    def __init__(self, services: Services, drain_seconds: float) -> None:
        self.services = services
        # A request holds the build it started with at most this long (a stream's cap, an LLM's
        # timeout and retries): the old build is closed after it.
        self.drain_seconds = drain_seconds
        self._lock = threading.Lock()
        self._failed: str | None = None  # a build that would not open: not retried until LIVE.json changes
        self._retiring: list[tuple[float, Runtime]] = []

    @property
    def served_build(self) -> str:
        return str(self.services.runtime.index.manifest.get("build_id", ""))

    def live_build(self) -> str | None:
        live = read_live(self.services.settings.data_dir)
        return str(live["build_id"]) if live else None

    def check(self, force: bool = False) -> str | None:
        """Swap in the live build if it is not the one serving; returns its id when it swapped.
        `force` (SIGHUP) retries a build that failed to open before."""
        with self._lock:
            self._close_retired()
            try:
                live = self.live_build()
            except (OSError, ValueError, KeyError) as exc:  # a LIVE.json being replaced, or unreadable
                log.warning("cannot read the live build pointer: %s", exc)
                return None
            if live is None or live == self.served_build or (live == self._failed and not force):
                return None
            try:
                runtime = self._open(live)
            except Exception:  # noqa: BLE001 - whatever breaks the new build, the old one keeps serving
                self._failed = live
                log.exception("build %s could not be opened: still serving build %s", live, self.served_build)
                return None
            self._failed = None
            old = self.services.runtime
            self._swap(runtime)
            self._retiring.append((time.monotonic() + self.drain_seconds, old))
            log.info(
                "serving build %s (%d units), was %s",
                runtime.index.manifest.get("build_id"),
                len(runtime.retriever.units),
                old.index.manifest.get("build_id"),
            )
            return str(runtime.index.manifest.get("build_id"))

    def _open(self, build_id: str) -> Runtime:
        services = self.services
        # The query embedders (and their cache of question vectors) stay: same model, same vectors.
        runtime = open_runtime(services.settings, embedder=services.runtime.embedder)
        if runtime.index.manifest.get("build_id") != build_id:
            log.info(
                "live build moved on to %s while %s was opening",
                runtime.index.manifest.get("build_id"),
                build_id,
            )
        # The first search of a build loads its paths: pay it before any worker does.
        runtime.retriever.search("公司拖欠工资怎么办", k=3)
        runtime.retriever.search_cases("公司拖欠工资怎么办", k=1)
        return runtime

    def _swap(self, runtime: Runtime) -> None:
        services = self.services
        answers = AnswerService(runtime.retriever, services.settings, llm=services.answers.llm)
        # Each assignment is atomic; a request reads the service it needs once and keeps it.
        services.answers = answers
        services.chat.answers = answers
        services.desk.resolver = answers.resolver
        services.runtime = runtime

    def _close_retired(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        due = [r for deadline, r in self._retiring if deadline <= now]
        self._retiring = [(d, r) for d, r in self._retiring if d > now]
        for runtime in due:
            runtime.close()

    def close(self) -> None:
        """At shutdown: the builds swapped out are closed now (the service is closing too)."""
        with self._lock:
            self._close_retired(now=float("inf"))
