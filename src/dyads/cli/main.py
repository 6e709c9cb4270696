"""Entry point of ``dyads``: one explicit table of subcommands, each a module with
``add_parser(subparsers)`` and ``run(args) -> int``. Command modules import only argparse at
module level, so ``dyads --help`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from dyads.cli.common import INTERRUPTED, SOME_INPUTS_FAILED, USAGE
from dyads.cli.parser import (
    DyadsParser,
    add_db_option,
    add_verbose_option,
    subparsers,
    verbosity,
)
from dyads.version import __version__

# name -> module; the order is the order of ``dyads --help``
COMMANDS: tuple[tuple[str, str], ...] = (
    ("extract", "dyads.cli.extract"),
    ("code", "dyads.cli.code"),
    ("eval", "dyads.cli.eval"),
    ("run", "dyads.cli.run"),
    ("load", "dyads.cli.load"),
    ("events", "dyads.cli.events"),
    ("dyad", "dyads.cli.dyad"),
    ("aggregate", "dyads.cli.aggregate"),
    ("article", "dyads.cli.article"),
    ("export", "dyads.cli.export"),
    ("serve", "dyads.cli.serve"),
    ("keys", "dyads.cli.keys"),
    ("feeds", "dyads.cli.feeds"),
    ("watch", "dyads.cli.watch"),
)


def build_parser() -> argparse.ArgumentParser:
    parser = DyadsParser(
        prog="dyads",
        description="Political event data from raw news pages.",
        epilog="-v and --db may also follow the command: dyads events --db URL -v",
    )
    parser.add_argument("--version", action="version", version=f"dyads {__version__}")
    add_verbose_option(parser, top=True)
    add_db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for _name, module_name in COMMANDS:
        module = importlib.import_module(module_name)
        module.add_parser(sub)
    for child in subparsers(parser):
        add_verbose_option(child)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error, already printed
        return exc.code if isinstance(exc.code, int) else USAGE
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbosity(args), 2),
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command is None:
        parser.print_help()
        return USAGE
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # inside the try: a closed pipe may only show at this flush
    except BrokenPipeError:
        # The reader went away (``dyads events | head``). As Python's documentation of
        # SIGPIPE advises, stdout is pointed at devnull so the interpreter's own flush at
        # exit does not fail again, and the command ends quietly with status 1.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return SOME_INPUTS_FAILED
    except KeyboardInterrupt:
        sys.stderr.write("dyads: interrupted\n")
        return INTERRUPTED
    return status


if __name__ == "__main__":
    sys.exit(main())
