"""Entry point of ``dyads``: one explicit table of subcommands, each a module with
``add_parser(subparsers)`` and ``run(args) -> int``. Command modules import only argparse at
module level, so ``dyads --help`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from dyads import __version__

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
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dyads",
        description="Political event data from raw news pages.",
    )
    parser.add_argument("--version", action="version", version=f"dyads {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for _name, module_name in COMMANDS:
        module = importlib.import_module(module_name)
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command is None:
        parser.print_help()
        return 2
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
