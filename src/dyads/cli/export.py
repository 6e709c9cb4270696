"""``dyads export --format F OUT``: write the events a filter selects to a file.

Events are streamed from the store page by page straight into the writer, so an export of
any size runs in constant memory.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.cli.parser import add_db_option
from dyads.cli.progress import add_progress_option
from dyads.cli.query_options import add_filter_options

if TYPE_CHECKING:
    from dyads.cli.progress import Progress
    from dyads.export.options import ExportOptions
    from dyads.store.results import StoredEvent


def add_parser(sub: Any) -> None:
    from dyads.export.formats import FORMATS, help_text

    parser = sub.add_parser(
        "export",
        help="export events to CSV, JSONL, Parquet, PLOVER JSON, a GDELT-style table or a"
        " long dyadic CSV",
        description=f"Write every event the filters select to OUT. {help_text()}.",
    )
    parser.add_argument(
        "out", metavar="OUT", type=Path, help="file to write, or - for standard output"
    )
    parser.add_argument("--format", choices=tuple(FORMATS), required=True, help="what to write")
    add_export_options(parser)
    add_db_option(parser)
    add_filter_options(parser)
    add_progress_option(parser)
    parser.set_defaults(run=run)


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``dyads.export.options.ExportOptions``, for a command that exports."""
    from dyads.export.options import COUNTRY_CODES, ISO3

    parser.add_argument(
        "--country-codes",
        choices=COUNTRY_CODES,
        default=ISO3,
        help="country codes of the GDELT-style table's geography columns: ISO-3 (default)"
        " or FIPS 10-4, as GDELT writes them",
    )


def export_options(args: argparse.Namespace) -> ExportOptions:
    from dyads.export.options import ExportOptions

    return ExportOptions(country_codes=args.country_codes)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK
    from dyads.cli.query_options import event_filter, fail, opened_db
    from dyads.errors import StoreError
    from dyads.export import export_events
    from dyads.store.query import iter_events

    to_stdout = str(args.out) == "-"
    if to_stdout and args.format == "parquet" and sys.stdout.isatty():
        return fail("Parquet is binary: redirect standard output to a file or a pipe")
    options = export_options(args)
    try:
        with opened_db(args) as engine:
            events = iter_events(engine, filter=event_filter(args))
            with _progress(args, engine) as bar:
                if to_stdout:
                    count = write_stdout(bar.each(events), format=args.format, options=options)
                else:
                    count = export_events(
                        bar.each(events), format=args.format, path=args.out, options=options
                    )
    except StoreError as exc:
        return fail(str(exc))
    except BrokenPipeError:
        raise  # the reader of standard output went away: the entry point ends quietly
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc.strerror or exc}")
    where = "standard output" if to_stdout else args.out
    sys.stderr.write(f"dyads: wrote {count} event(s) to {where} ({args.format})\n")
    return OK


# the options of add_filter_options: with any of them, the number of events to write is not
# known before the last page is read
_FILTERS = ("actor", "recipient", "between", "type", "since", "until", "text")


def _progress(args: argparse.Namespace, engine: Any) -> Progress:
    """Events written, of every stored event when no filter narrows the export."""
    from functools import partial

    from dyads.cli.progress import Progress, count_stored_events, wanted

    filtered = any(getattr(args, name) for name in _FILTERS)
    total = (lambda: None) if filtered else partial(count_stored_events, engine)
    return Progress(enabled=wanted(args.progress), unit="events", total=total, tallies=())


def write_stdout(
    events: Iterable[StoredEvent], *, format: str, options: ExportOptions | None = None
) -> int:
    """``events`` written to standard output in ``format``; return how many. Parquet, whose
    footer is written last and which a pipe cannot seek back into, is written to a
    temporary file first and copied."""
    import shutil
    import tempfile

    from dyads.export import export_events
    from dyads.export.options import DEFAULT_OPTIONS

    options = options or DEFAULT_OPTIONS
    if format == "parquet":
        with tempfile.TemporaryDirectory(prefix="dyads-export-") as folder:
            path = Path(folder, "events.parquet")
            count = export_events(events, format=format, path=path, options=options)
            with path.open("rb") as stream:
                shutil.copyfileobj(stream, sys.stdout.buffer)
        return count
    from dyads.export.formats import export_format

    return export_format(format).write_to(events, stream=sys.stdout, options=options)
