"""The parser every ``dyads`` command is built with: help that shows defaults and wraps
paragraphs, and the options that work before or after any subcommand (``-v``, ``--db``).

An option given after the subcommand is parsed by the subcommand's parser; argparse copies
what that parser set onto the namespace of the main parser. The subcommands' copies of the
global options therefore default to ``SUPPRESS`` (set nothing), so ``dyads --db X events``
keeps ``X`` while ``dyads events --db X`` and ``dyads keys create --name a --db X`` set it.
"""

from __future__ import annotations

import argparse
import re
import textwrap
from collections.abc import Callable, Iterator

DB_HELP = (
    "the store: a SQLite file path or URL (sqlite:///path), or a PostgreSQL URL "
    "(postgresql://user@host/db); default: $DYADS_DB, else sqlite:///dyads.db"
)
VERBOSE_HELP = "more log output on stderr (-vv: debug)"
VERBOSE_AFTER = "verbose_after_command"

_LITERAL = re.compile(r"``(.+?)``")


class HelpFormatter(argparse.HelpFormatter):
    """Descriptions wrapped paragraph by paragraph (blank lines kept), code written in
    docstrings as ``x`` shown as x, and each option's default shown unless its help already
    says it or there is none to show."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = _LITERAL.sub(r"\1", textwrap.dedent(text)).strip().split("\n\n")
        return "\n\n".join(
            textwrap.indent(textwrap.fill(" ".join(p.split()), width - len(indent)), indent)
            for p in paragraphs
        )

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help = action.help or ""
        default = action.default
        if (
            not action.option_strings
            or "default" in help
            or default in (None, False, argparse.SUPPRESS)
            or isinstance(action, argparse._CountAction)  # argparse's own class
        ):
            return help
        return f"{help} (default: %(default)s)"


class DyadsParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` with ``HelpFormatter``; subcommand parsers are made of this
    class too, since ``add_subparsers`` uses the class of the parser it is called on.

    ``epilog_from`` is a function that writes the epilog when help is shown, so a command's
    help can list a table (the input kinds) without importing it when ``dyads`` starts."""

    def __init__(
        self, *args: object, epilog_from: Callable[[], str] | None = None, **kwargs: object
    ) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._epilog_from = epilog_from

    def format_help(self) -> str:
        if self._epilog_from is not None:
            self.epilog = self._epilog_from()
        return super().format_help()


def add_verbose_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``-v``; a subcommand counts its own into ``VERBOSE_AFTER`` (its parser starts from an
    empty namespace, so it cannot add to the count before the command), see ``verbosity``."""
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        dest="verbose" if top else VERBOSE_AFTER,
        default=0 if top else argparse.SUPPRESS,
        help=VERBOSE_HELP,
    )


def verbosity(args: argparse.Namespace) -> int:
    """How many ``-v`` were given, before the command and after it (``dyads -v run -v``)."""
    return int(args.verbose) + int(getattr(args, VERBOSE_AFTER, 0))


def add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db URL``; given before or after the subcommand (see the module docstring)."""
    parser.add_argument(
        "--db", metavar="URL", default=None if top else argparse.SUPPRESS, help=DB_HELP
    )


def subparsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every parser below ``parser`` (subcommands, and their own subcommands), depth first."""
    for action in parser._actions:  # argparse offers no public walk
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield child
                yield from subparsers(child)
