"""``dyads run``: clean, code and store inputs, counting each happening once.

Reads every INPUT (files, directories, URLs, standard input), runs the clean and code stages,
and writes articles, stories, canonical events and their mentions into the store in
batches of one transaction each. A rerun skips what is already stored.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from dyads.cli.parser import add_db_option
from dyads.cli.progress import add_progress_option

if TYPE_CHECKING:
    from dyads.cli.progress import Progress
    from dyads.jobs.run import RunSummary


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "run",
        help="clean, code and store inputs (deduplicated)",
        description=__doc__,
        epilog_from=input_kinds_help,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="file, directory, glob pattern, URL, or - for standard input",
    )
    add_db_option(parser)
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="processes that code")
    parser.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="local: this process or a process pool; dask: a Dask cluster",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --executor dask: a running scheduler, e.g. tcp://host:8786 "
        "(default: start a local cluster of --workers processes)",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="with --executor dask: write Parquet shards to DIR instead of the store "
        "(import them with dyads load DIR)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=None,
        metavar="N",
        help="documents per transaction (default: 50, or $DYADS_BATCH_SIZE)",
    )
    parser.add_argument(
        "--stages",
        default="clean,code",
        metavar="NAMES",
        help="stages to run, comma-separated (clean alone stores articles)",
    )
    add_progress_option(parser)
    parser.set_defaults(run=run)


def input_kinds_help() -> str:
    """The input kinds, one paragraph each, from the table that reads them."""
    from dyads.ingest.kinds import help_lines

    heading = "Input kinds (a file's name decides; .gz is looked through):"
    return "\n\n".join([heading, *help_lines()])


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import SOME_INPUTS_FAILED, empty_folders, with_empty_folders

    empty = empty_folders(args.inputs)
    if len(empty) == len(args.inputs):
        return SOME_INPUTS_FAILED  # nothing to read: no store is opened or created
    return with_empty_folders(_run(args), empty)


def _run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK, SOME_INPUTS_FAILED, USAGE, report_rejection
    from dyads.errors import DyadsError, StoreError
    from dyads.jobs.run import RunOptions, run_inputs
    from dyads.registry import known_names
    from dyads.settings import Settings
    from dyads.store.engine import open_store_checked

    settings = Settings(db=args.db) if args.db else Settings()
    batch_size = args.batch_size or settings.batch_size
    stages = tuple(name.strip() for name in args.stages.split(",") if name.strip())
    problem = _usage_problem(args, stages=stages, batch_size=batch_size, known=known_names())
    if problem is not None:
        sys.stderr.write(f"dyads run: {problem}\n")
        return USAGE
    if args.executor == "dask":
        return _run_dask(args, settings=settings, stages=stages, batch_size=batch_size)
    try:
        engine = open_store_checked(settings.db, must_exist=False)
    except StoreError as exc:
        sys.stderr.write(f"dyads run: {exc}\n")
        return USAGE
    options = RunOptions(workers=args.workers, batch_size=batch_size, stages=stages)
    try:
        with _progress(args) as bar:
            summary = run_inputs(
                args.inputs,
                engine=engine,
                settings=settings,
                options=options,
                progress=bar.batch,
                on_rejection=report_rejection,  # one line per rejected input, as extract/code
            )
            bar.finish()
    except DyadsError as exc:  # a store that refuses a batch, a model that is not installed
        sys.stderr.write(f"dyads run: {type(exc).__name__}: {exc}\n")
        return SOME_INPUTS_FAILED
    finally:
        engine.dispose()
    write_summary(summary, stream=sys.stderr)
    return SOME_INPUTS_FAILED if summary.rejected else OK


def _progress(args: argparse.Namespace) -> Progress:
    """Documents done of the documents the inputs hold, when they can be counted."""
    from functools import partial

    from dyads.cli.progress import Progress, count_documents, wanted

    total = partial(count_documents, args.inputs)  # counted only when the bar is shown
    return Progress(enabled=wanted(args.progress), unit="documents", total=total)


def _usage_problem(
    args: argparse.Namespace, *, stages: tuple[str, ...], batch_size: int, known: tuple[str, ...]
) -> str | None:
    if batch_size < 1 or args.workers < 1:
        return "--batch-size and --workers must be at least 1"
    if not stages or any(name not in known for name in stages):
        return f"--stages takes names from: {', '.join(known)}"
    if args.executor != "dask" and (args.scheduler or args.out):
        return "--scheduler and --out need --executor dask"
    return None


def _run_dask(
    args: argparse.Namespace, *, settings: Any, stages: tuple[str, ...], batch_size: int
) -> int:
    from dyads.cli.common import OK, SOME_INPUTS_FAILED, USAGE, report_rejection
    from dyads.errors import DyadsError
    from dyads.jobs.distributed import DistributedOptions, run_distributed
    from dyads.store.engine import open_store_checked

    options = DistributedOptions(
        scheduler=args.scheduler,
        workers=args.workers if args.workers > 1 else 2,
        out_dir=args.out,
        batch_size=batch_size,
        stages=stages,
    )
    engine = None
    try:
        engine = None if args.out else open_store_checked(settings.db, must_exist=False)
        with _progress(args) as bar:
            summary = run_distributed(
                args.inputs,
                engine=engine,
                db_url=None if args.out else settings.db,
                settings=settings,
                options=options,
                progress=bar.batch,
                on_rejection=report_rejection,
            )
            bar.finish()
    except DyadsError as exc:
        sys.stderr.write(f"dyads run: {type(exc).__name__}: {exc}\n")
        return USAGE
    finally:
        if engine is not None:
            engine.dispose()
    dask = summary.dask
    lines = [
        f"shards                 {dask.shards}",
        f"shards already done    {dask.shards_skipped}",
        f"shards failed          {dask.shards_failed}",
        f"documents coded        {dask.stats.results}",
        f"skipped (already held) {dask.skipped_documents + summary.store.skipped}",
        f"rejected               {dask.stats.rejected}",
    ]
    if args.out is None:
        lines += [
            f"stored                 {summary.store.stored}",
            f"joined to a story      {summary.store.joined}",
            f"events new             {summary.store.events_new}",
            f"events merged          {summary.store.events_merged}",
        ]
    else:
        lines.append(f"written to             {args.out} (import with: dyads load {args.out})")
    lines += [f"  {error}" for error in dask.errors]
    sys.stderr.write("\n".join(lines) + "\n")
    failed = dask.stats.rejected or dask.shards_failed
    return SOME_INPUTS_FAILED if failed else OK


def write_summary(summary: RunSummary, *, stream: TextIO) -> None:
    store = summary.store
    lines = [
        f"documents read         {summary.read}",
        f"stored                 {store.stored}",
        f"skipped (already held) {summary.skipped}",
        f"dropped by a stage     {summary.dropped}",
        f"joined to a story      {store.joined}  (exact or near duplicates)",
        f"new stories            {store.stories}",
        f"events new             {store.events_new}",
        f"events merged          {store.events_merged}",
        f"rejected               {summary.rejected}",
    ]
    lines += [f"  at {stage:<20} {count}" for stage, count in store.rejected]
    stream.write("\n".join(lines) + "\n")
