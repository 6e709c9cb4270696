"""Progress on stderr: a rich bar with a total and a time left when the total is known
beforehand (files, JSONL records, stored events, Parquet rows), a running count otherwise.

It is shown when stderr is a terminal (``--progress auto``, the default) or on request
(``--progress always``), never otherwise, so pipes, logs and tests get only the results.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.sink import BatchResult

logger = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_MODES = ("auto", "always", "never")


def add_progress_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--progress",
        choices=PROGRESS_MODES,
        default="auto",
        help="progress bar on stderr, with the time left when the total is known; "
        "auto: when stderr is a terminal",
    )


def wanted(mode: str) -> bool:
    """Whether ``--progress mode`` shows a bar in this process."""
    return mode == "always" or (mode == "auto" and sys.stderr.isatty())


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents ``paths`` hold, counted cheaply: a file of a kind that counts its
    records quickly (a JSONL file: one per non-blank line) that many, another file one. None
    when some input cannot be counted without reading it all (standard input, a WARC archive,
    a remote file)."""
    from dyads.ingest.kinds import count_records, kind_for_name
    from dyads.ingest.paths import STDIN, InputFile, expand

    total = 0
    for argument in paths:
        if argument == STDIN:
            return None
        for entry in expand(argument):
            if not isinstance(entry, InputFile):
                total += 1  # reported as one rejection
                continue
            if not isinstance(entry.path, Path):
                return None
            records = kind_for_name(entry.path.name).records
            if records is not None and not records.quick:
                return None
            count = count_records(entry.path) if records is not None else 1
            if count is None:
                return None
            total += count
    return total


def count_stored_events(engine: Engine) -> int:
    """Every event in the store: the total of an export without filters."""
    from sqlalchemy import func, select

    from dyads.store.schema import events

    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def count_dataset_rows(directory: str) -> int:
    """Records in the completed shards of a ``dyads run --out`` dataset (Parquet footers)."""
    import pyarrow.parquet as pq

    from dyads.jobs.dataset import SHARDS, done_shards

    paths = (Path(directory, SHARDS, f"{shard}.parquet") for shard in done_shards(directory))
    return sum(pq.read_metadata(path).num_rows for path in paths if path.exists())


class Progress:
    """A progress line on stderr: done (of the total), rate, events, rejections, elapsed and
    time left. Disabled, every method does nothing."""

    def __init__(
        self,
        *,
        enabled: bool,
        unit: str,
        total: Callable[[], int | None],
        tallies: tuple[str, ...] = ("events", "rejected"),
    ) -> None:
        """``total`` is called only when the bar is shown: counting may read the inputs.
        ``tallies`` are the counts shown beside the rate (of "events", "rejected")."""
        self.enabled = enabled
        self.unit = unit
        self.tallies = tallies
        self.events = 0
        self.rejected = 0
        self._total = total
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._start(self._total())
        return self

    def _start(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        counted = [BarColumn(), MofNCompleteColumn(), TaskProgressColumn()]
        columns = [
            SpinnerColumn(),
            *(counted if total is not None else [TextColumn("{task.completed}")]),
            TextColumn(self.unit),
            TextColumn("{task.fields[rate]:.1f}/s"),
            *(TextColumn(f"{{task.fields[{name}]}} {name}") for name in self.tallies),
            TimeElapsedColumn(),
        ]
        if total is not None:
            columns += [TextColumn("left"), TimeRemainingColumn()]
        self._progress = Progress(*columns, console=Console(stderr=True))
        self._progress.start()
        self._task = self._progress.add_task(self.unit, total=total, rate=0.0, events=0, rejected=0)

    def advance(self, done: int = 1, *, events: int = 0, rejected: int = 0) -> None:
        if self._progress is None:
            return
        self.events += events
        self.rejected += rejected
        task = self._progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = (task.completed + done) / elapsed if elapsed > 0 else 0.0
        self._progress.update(
            self._task, advance=done, rate=rate, events=self.events, rejected=self.rejected
        )

    def batch(self, done: int, result: BatchResult) -> None:
        """The ``progress`` callback of the store's loaders: one written batch."""
        rejected = sum(count for _, count in result.rejected)
        self.advance(done, events=result.events_new, rejected=rejected)

    def each(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` as they are, one step of the bar each."""
        for item in items:
            self.advance()
            yield item

    def finish(self) -> None:
        """Show the bar full: items the loaders skipped (already stored) are never reported
        one by one, so a rerun would otherwise end short of its total."""
        if self._progress is not None and self._progress.tasks[0].total is not None:
            self._progress.update(self._task, completed=self._progress.tasks[0].total)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
