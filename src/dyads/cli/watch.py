"""``dyads watch``: keep the store current from the watched feeds (``dyads feeds add``).

Polls each feed on its schedule, fetches the pages of new items (politely: robots.txt, one
host at a time, conditional GET) and puts them through the pipeline ``dyads run`` uses:
cleaning, coding, deduplication, the store. One line per round on stderr: feeds polled,
new items, events, rejections. Ctrl-C or SIGTERM stops after the item in hand; a restarted
watcher fetches nothing twice and loses nothing. ``--once`` does one round and exits (for
cron).
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import TYPE_CHECKING, Any, TextIO

from dyads.cli.feeds import duration

if TYPE_CHECKING:
    from dyads.watch.base import RoundReport
    from dyads.watch.loop import WatchSummary

INSTALL_HINT = "dyads watch needs its extra: pip install 'dyads[watch]'"


def add_parser(sub: Any) -> None:
    from dyads.cli.parser import add_db_option

    parser: argparse.ArgumentParser = sub.add_parser(
        "watch",
        help="keep the store current from news feeds",
        description=__doc__,
    )
    add_db_option(parser)
    parser.add_argument("--once", action="store_true", help="one round, then exit (for cron)")
    parser.add_argument(
        "--every",
        type=duration,
        metavar="DURATION",
        help="poll every feed this often (15s, 10m, 2h) instead of its own schedule",
    )
    parser.add_argument(
        "--stages",
        default="clean,code",
        help="stages to run, comma-separated (default clean,code; clean alone stores articles)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK, SOME_INPUTS_FAILED, USAGE
    from dyads.errors import DyadsError, StoreError
    from dyads.registry import STAGES
    from dyads.settings import Settings
    from dyads.store.engine import open_store

    try:
        from dyads.watch.loop import Watcher, WatchOptions
        from dyads.watch.state import list_feeds
    except ImportError as exc:  # pragma: no cover - the extra is part of dev installs
        sys.stderr.write(f"dyads watch: {INSTALL_HINT} ({exc})\n")
        return USAGE
    settings = Settings(db=args.db) if args.db else Settings()
    stages = tuple(name.strip() for name in args.stages.split(",") if name.strip())
    problem = _usage_problem(args, stages=stages, known=tuple(STAGES))
    if problem is not None:
        sys.stderr.write(f"dyads watch: {problem}\n")
        return USAGE
    try:
        engine = open_store(settings.db)
    except StoreError as exc:
        sys.stderr.write(f"dyads watch: {exc}\n")
        return USAGE
    if not list_feeds(engine):
        sys.stderr.write("dyads watch: no feeds to watch; add one with: dyads feeds add URL\n")
        engine.dispose()
        return USAGE
    options = WatchOptions(once=args.once, every=args.every, stages=stages)
    watcher = Watcher(engine=engine, settings=settings, options=options, on_round=_print_round)
    restore = _stop_on_signals(watcher)
    try:
        summary = watcher.run()
    except DyadsError as exc:  # a store that refuses a write, a model that is not installed
        sys.stderr.write(f"dyads watch: {type(exc).__name__}: {exc}\n")
        return SOME_INPUTS_FAILED
    finally:
        restore()
        engine.dispose()
    write_summary(summary, stream=sys.stderr)
    return SOME_INPUTS_FAILED if args.once and summary.rejected else OK


def _usage_problem(
    args: argparse.Namespace, *, stages: tuple[str, ...], known: tuple[str, ...]
) -> str | None:
    if not stages or any(name not in known for name in stages):
        return f"--stages takes names from: {', '.join(known)}"
    if args.every is not None and args.every < 1:
        return "--every must be at least 1s"
    return None


def _stop_on_signals(watcher: Any) -> Any:
    """Ctrl-C and SIGTERM stop the watcher after the item in hand; a second one is not
    caught, so an impatient user still can interrupt at once."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum: int, _frame: Any) -> None:
        sys.stderr.write("dyads watch: stopping after the item in hand\n")
        watcher.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)

    for sig in previous:
        signal.signal(sig, handler)

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


def _print_round(report: RoundReport, stream: TextIO | None = None) -> None:
    out = stream or sys.stderr
    failed = f" ({report.feeds_failed} failed)" if report.feeds_failed else ""
    out.write(
        f"round {report.number} {report.started_at:%H:%M:%S}  feeds {report.feeds_polled}{failed}"
        f"  new items {report.new_items}  stored {report.stored}  events {report.events}"
        f"  skipped {report.skipped}  dropped {report.dropped}  rejected {report.rejected}"
        f"{f'  to retry {report.retry}' if report.retry else ''}\n"
    )
    out.flush()


def write_summary(summary: WatchSummary, *, stream: TextIO) -> None:
    rounds = summary.rounds
    lines = [
        f"rounds                 {len(rounds)}",
        f"new items              {sum(r.new_items for r in rounds)}",
        f"stored                 {sum(r.stored for r in rounds)}",
        f"events                 {sum(r.events for r in rounds)}",
        f"skipped (already held) {sum(r.skipped for r in rounds)}",
        f"dropped by a stage     {sum(r.dropped for r in rounds)}",
        f"rejected               {summary.rejected}",
    ]
    if summary.recovered:
        lines.append(f"settled from last stop {summary.recovered}")
    stream.write("\n".join(lines) + "\n")
