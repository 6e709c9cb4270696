"""The pipeline ``POST /documents`` runs, in a process of its own.

Cleaning and coding are CPU work in Python. In a thread of the server they held the
interpreter lock that every read needs between its database calls: during one 340 kB POST
(``bench/api_post.py``, SQLite, 10 clients) reads fell from 26.1 to 9.4 a second and their
p95 rose from 0.56 s to 1.5 s. In a child process the pipeline takes a core, not the lock.

The child is started on the first POST (``spawn``: the server has threads, and a forked
child would inherit their locks mid-use), builds the pipeline once from its description
(stage names and settings, as every runner does) and keeps it for the application's life.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.settings import Settings

logger = logging.getLogger(__name__)

_child_pipeline: Pipeline | None = None


def _open_pipeline(stages: tuple[str, ...], settings: Settings) -> None:
    from dyads.registry import build_pipeline

    global _child_pipeline  # noqa: PLW0603 - one pipeline per child process, built once
    _child_pipeline = build_pipeline(stages, settings=settings)
    _child_pipeline.open()


def _process(document: Document) -> tuple[Any, str | None]:
    assert _child_pipeline is not None, "child used before its initializer ran"
    return _child_pipeline.process(document)


class CodingStopped(RuntimeError):
    """The child process died (killed, out of memory) while or before coding a page."""


class PipelineProcess:
    """A pipeline in one child process: ``process`` sends a document and waits."""

    def __init__(self, stages: tuple[str, ...]) -> None:
        self.stages = stages
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def process(self, document: Document, settings: Settings) -> tuple[Any, str | None]:
        """The pipeline's result and drop reason for ``document``; the pipeline's own
        exceptions come back as they were raised; ``CodingStopped`` if the child died (the
        next call starts a new one)."""
        pool = self._started(settings)
        try:
            return pool.submit(_process, document).result()
        except BrokenProcessPool as exc:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            logger.error("the coding process stopped: %s", exc)
            raise CodingStopped(
                "the coding process stopped; it restarts on the next request"
            ) from exc

    def _started(self, settings: Settings) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_open_pipeline,
                    initargs=(self.stages, settings),
                )
            return self._pool

    def close(self) -> None:
        """Stop the child (waiting for a page it is coding)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
