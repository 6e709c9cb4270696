"""Helpers shared by commands: running a pipeline over inputs, error lines, progress."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from dyads.records import Rejection
from dyads.settings import Settings

# exit statuses
OK = 0
SOME_INPUTS_FAILED = 1
USAGE = 2

# Below this many input paths a progress bar is noise; above it a user wants to see movement.
PROGRESS_MIN_INPUTS = 5


def report_rejection(rejection: Rejection, *, stream: TextIO | None = None) -> None:
    """One clear line on stderr naming the input and the reason."""
    out = stream or sys.stderr
    out.write(f"dyads: {rejection.source}: {rejection.error}: {rejection.message}\n")


def error_line(command: str, exc: BaseException, *, db: str | None = None) -> str:
    """One line for stderr saying what failed, with any password in ``db`` (the store URL
    the command was given) masked: a driver's message may quote the connection string."""
    from dyads.store.engine import mask_url, scrub

    message = str(exc)
    if db is not None:
        message = scrub(message, db)
    message = " ".join(mask_url(word) for word in message.split(" "))
    return f"{command}: {message}\n"


def show_progress(paths: Sequence[str], mode: str) -> bool:
    if mode == "never":
        return False
    if mode == "always":
        return True
    many = len(paths) >= PROGRESS_MIN_INPUTS or any(
        p.endswith((".jsonl", ".warc.gz")) for p in paths
    )
    return many and sys.stderr.isatty()


def article_results(
    paths: Sequence[str],
    *,
    settings: Settings,
    stages: tuple[str, ...],
    progress: str = "auto",
    workers: int = 1,
) -> Iterator[Any | None]:
    """Results of running ``stages`` over every input, in input order.

    A rejected input is reported on stderr and yields ``None``, so the caller can set the
    exit status; a dropped item yields nothing.
    """
    from dyads.ingest import read_inputs
    from dyads.pipeline import PipelineSpec
    from dyads.runner.local import run_local

    spec = PipelineSpec(stages=stages, settings=settings)
    outcomes = run_local(read_inputs(paths, settings=settings), spec=spec, workers=workers)
    with _Progress(enabled=show_progress(paths, progress)) as bar:
        for outcome in outcomes:
            bar.advance(rejected=outcome.rejection is not None)
            if outcome.rejection is not None:
                report_rejection(outcome.rejection)
                yield None
            elif outcome.dropped is None:
                yield outcome.result


class _Progress:
    """A rich progress line on stderr: items done, rate and rejections."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.rejected = 0
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.completed} documents"),
                TextColumn("{task.fields[rate]:.1f}/s"),
                TextColumn("{task.fields[rejected]} rejected"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("run", total=None, rate=0.0, rejected=0)
        return self

    def advance(self, *, rejected: bool) -> None:
        if not self.enabled:
            return
        self.rejected += int(rejected)
        task = self._progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = (task.completed + 1) / elapsed if elapsed > 0 else 0.0
        self._progress.update(self._task, advance=1, rate=rate, rejected=self.rejected)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
