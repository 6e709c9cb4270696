"""Helpers shared by commands: running a pipeline over inputs, error lines, progress."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from dyads.records import Rejection
    from dyads.settings import Settings

# exit statuses
OK = 0
SOME_INPUTS_FAILED = 1
USAGE = 2
INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C

# Below this many input paths a progress bar is noise; above it a user wants to see movement.
PROGRESS_MIN_INPUTS = 5


def report_rejection(rejection: Rejection, *, stream: TextIO | None = None) -> None:
    """One clear line on stderr naming the input and the reason."""
    out = stream or sys.stderr
    out.write(f"dyads: {rejection.source}: {rejection.error}: {rejection.message}\n")


def empty_folders(paths: Sequence[str], *, stream: TextIO | None = None) -> list[str]:
    """The folders among ``paths`` that hold no input file (hidden files do not count), each
    warned of on stderr. A folder with nothing in it is most often a wrong path or a step not
    yet run, and a run that ends "successfully" with nothing done would hide it: callers end
    with ``SOME_INPUTS_FAILED`` when this is not empty."""
    from pathlib import Path

    from dyads.ingest.paths import STDIN, expand

    out = stream or sys.stderr
    empty = []
    for argument in paths:
        try:
            hollow = (
                argument != STDIN
                and Path(argument).is_dir()
                and next(expand(argument), None) is None
            )
        except OSError:
            continue  # a path the system refuses: reading it reports the reason as a rejection
        if hollow:
            out.write(f"dyads: warning: {argument}: no input files in this folder\n")
            empty.append(argument)
    return empty


def with_empty_folders(status: int, empty: Sequence[str]) -> int:
    """``status``, raised to ``SOME_INPUTS_FAILED`` when some input folder was empty."""
    return max(status, SOME_INPUTS_FAILED) if empty else status


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
    from dyads.ingest.kinds import kind_for_name

    containers = [p for p in paths if kind_for_name(p).records is not None]  # many documents
    many = len(paths) >= PROGRESS_MIN_INPUTS or bool(containers)
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
    from dyads.cli.progress import Progress, count_documents
    from dyads.ingest import read_inputs
    from dyads.pipeline import PipelineSpec
    from dyads.runner.local import run_local

    spec = PipelineSpec(stages=stages, settings=settings)
    outcomes = run_local(read_inputs(paths, settings=settings), spec=spec, workers=workers)
    bar = Progress(
        enabled=show_progress(paths, progress),
        unit="documents",
        total=lambda: count_documents(paths),
        tallies=("rejected",),
    )
    with bar:
        for outcome in outcomes:
            bar.advance(rejected=int(outcome.rejection is not None))
            if outcome.rejection is not None:
                report_rejection(outcome.rejection)
                yield None
            elif outcome.dropped is None:
                yield outcome.result
