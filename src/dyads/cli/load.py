"""``dyads load DIR``: import the Parquet shards that ``dyads run --out DIR`` wrote."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from dyads.cli.parser import add_db_option
from dyads.cli.progress import add_progress_option


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "load",
        help="import a Parquet dataset written by dyads run --out",
        description=__doc__,
    )
    parser.add_argument("directory", metavar="DIR", help="the --out folder of a dyads run")
    add_db_option(parser)
    parser.add_argument(
        "--batch-size",
        type=int,
        default=None,
        metavar="N",
        help="documents per transaction (default: 50, or $DYADS_BATCH_SIZE)",
    )
    add_progress_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from functools import partial
    from pathlib import Path

    from dyads.cli.common import OK, USAGE
    from dyads.cli.progress import Progress, count_dataset_rows, wanted
    from dyads.errors import DyadsError
    from dyads.jobs.load import load_dataset
    from dyads.settings import Settings
    from dyads.store.engine import open_store_checked

    if not Path(args.directory, "shards").is_dir():
        sys.stderr.write(f"dyads load: {args.directory}: no shards/ folder (not a --out dataset)\n")
        return USAGE
    settings = Settings(db=args.db) if args.db else Settings()
    try:
        engine = open_store_checked(settings.db, must_exist=False)
        try:
            total = partial(count_dataset_rows, args.directory)
            with Progress(enabled=wanted(args.progress), unit="records", total=total) as bar:
                result = load_dataset(
                    args.directory,
                    engine=engine,
                    batch_size=args.batch_size or settings.batch_size,
                    progress=bar.batch,
                )
                bar.finish()
        finally:
            engine.dispose()
    except DyadsError as exc:
        sys.stderr.write(f"dyads load: {type(exc).__name__}: {exc}\n")
        return USAGE
    sys.stderr.write(
        f"stored {result.stored}, skipped {result.skipped} (already held), "
        f"events new {result.events_new}, merged {result.events_merged}\n"
    )
    return OK
