"""``dyads export --format F OUT``: write the events a filter selects to a file.

Events are streamed from the store page by page straight into the writer, so an export of
any size runs in constant memory.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dyads.cli.query_options import add_db_option, add_filter_options


def add_parser(sub: Any) -> None:
    from dyads.export.formats import FORMATS, help_text

    parser = sub.add_parser(
        "export",
        help="export events to CSV, JSONL, Parquet, PLOVER JSON or a GDELT-style table",
        description=f"Write every event the filters select to OUT. {help_text()}.",
    )
    parser.add_argument("out", metavar="OUT", type=Path, help="file to write")
    parser.add_argument("--format", choices=tuple(FORMATS), required=True)
    add_db_option(parser)
    add_filter_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK
    from dyads.cli.query_options import event_filter, fail, opened_db
    from dyads.errors import StoreError
    from dyads.export import export_events
    from dyads.store.query import iter_events

    try:
        with opened_db(args) as engine:
            events = iter_events(engine, filter=event_filter(args))
            count = export_events(events, format=args.format, path=args.out)
    except StoreError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc.strerror or exc}")
    sys.stderr.write(f"dyads: wrote {count} event(s) to {args.out} ({args.format})\n")
    return OK
