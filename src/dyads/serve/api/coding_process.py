"""The pipeline ``POST /documents`` runs, in a process of its own.

Cleaning and coding are CPU work in Python: 105 s of the 109 s a 340 kB page takes (the
store write is the other 4 s). In a thread of the server they held the interpreter lock
that every read needs between its database calls, and on a small machine they also took
the reads' core. ``bench/api_post.py`` (SQLite, 10 clients, cache off, 2 busy cores), reads
a second alone and during the POST: in a writer thread 26.1 and 9.4 (p95 0.56 s and 1.5
s); in a child process 21.9 and 9.4; in a child process at lower CPU priority 19.7 and
23.9 (p95 0.73 s and 0.85 s), the POST taking 345 s instead of 166-213 s.

The child is started on the first POST (``spawn``: the server has threads, and a forked
child would inherit their locks mid-use), builds the pipeline once from its description
(stage names and settings, as every runner does) and keeps it for the application's life.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.settings import Settings

logger = logging.getLogger(__name__)

_child_pipeline: Pipeline | None = None


# How much lower the coding process's CPU priority is than the server's (``nice``): reads
# are interactive, a POST is a batch job a client already waits seconds to minutes for.
# When both want the same core the reads go first; an idle core still codes at full speed.
CODING_NICENESS = 10


def _open_pipeline(stages: tuple[str, ...], settings: Settings) -> None:
    from dyads.registry import build_pipeline

    if hasattr(os, "nice"):  # POSIX
        os.nice(CODING_NICENESS)
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
