"""``dyads load DIR``: import the Parquet shards that ``dyads run --out DIR`` wrote."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "load",
        help="import a Parquet dataset written by dyads run --out",
        description=__doc__,
    )
    parser.add_argument("directory", metavar="DIR")
    parser.add_argument("--db", help="store URL (default: $DYADS_DB or sqlite:///dyads.db)")
    parser.add_argument("--batch-size", type=int, default=None, help="records per transaction")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dyads.cli.common import OK, USAGE
    from dyads.errors import DyadsError
    from dyads.jobs.load import load_dataset
    from dyads.settings import Settings
    from dyads.store.engine import open_store

    if not Path(args.directory, "shards").is_dir():
        sys.stderr.write(f"dyads load: {args.directory}: no shards/ folder (not a --out dataset)\n")
        return USAGE
    settings = Settings(db=args.db) if args.db else Settings()
    try:
        engine = open_store(settings.db)
        try:
            result = load_dataset(
                args.directory, engine=engine, batch_size=args.batch_size or settings.batch_size
            )
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
