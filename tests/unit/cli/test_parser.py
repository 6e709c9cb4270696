"""The ``dyads`` parser: global options anywhere, help texts, argument values with hints."""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from dyads.cli.main import build_parser, main
from dyads.cli.parser import subparsers, verbosity
from dyads.cli.values import actor_code, event_type, since_date, until_date


def _parsers() -> list[argparse.ArgumentParser]:
    top = build_parser()
    return [top, *subparsers(top)]


def test_parser_global_options_work_after_the_subcommand() -> None:
    parser = build_parser()
    args = parser.parse_args(["keys", "create", "--name", "a", "--db", "x.db", "-v"])
    assert (args.db, verbosity(args), args.name) == ("x.db", 1, "a")
    args = parser.parse_args(["--db", "first.db", "-vv", "events"])
    assert (args.db, verbosity(args)) == ("first.db", 2)
    assert verbosity(parser.parse_args(["-v", "run", "in", "-v"])) == 2
    assert verbosity(parser.parse_args(["serve"])) == 0
    args = parser.parse_args(["events", "--db", "y.db"])
    assert args.db == "y.db"
    assert parser.parse_args(["events"]).db is None
    assert parser.parse_args(["keys", "--db", "k.db", "list"]).db == "k.db"


def test_parser_help_describes_every_option_with_its_default() -> None:
    for parser in _parsers():
        text = parser.format_help()
        assert "`" not in text, parser.prog
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            assert action.help, f"{parser.prog} {action.dest} has no help"
            if "--db" in action.option_strings:
                assert action.metavar == "URL", parser.prog
            shown = action.default not in (None, False, argparse.SUPPRESS)
            if action.option_strings and shown and not isinstance(action, argparse._CountAction):
                assert "default" in parser._get_formatter()._get_help_string(action)


def test_parser_help_names_the_month_and_year_forms_of_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["events", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "YYYY-MM or YYYY through its last day" in text
    assert "YYYY-MM or YYYY from its first day" in text


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["events", "--actor", "Japan"], "did you mean JPN (Japan)?"),
        (["events", "--actor", "japanese"], "did you mean JPN (Japan)?"),
        (["events", "--recipient", "Germny"], "DEU (Germany)"),
        (["events", "--actor", "NATO"], "did you mean IGO (North Atlantic Treaty Organization)?"),
        (["events", "--actor", "XYZ"], "expected an ISO-3 country code such as TUR"),
        (["events", "--between", "TUR", "Kazakstan"], "KAZ (Kazakhstan)"),
        (["events", "--type", "assualt"], "did you mean ASSAULT?"),
        (["events", "--type", "FOO"], "one of AGREE, CONSULT"),
        (["export", "-", "--format", "csv", "--type", "Threat"], "THREATEN"),
        (["dyad", "Turkey", "KAZ"], "did you mean TUR (Turkey)?"),
        (["events", "--since", "2024-13"], "not a date: '2024-13'"),
    ],
)
def test_parser_unknown_values_are_usage_errors_with_a_hint(
    capsys: pytest.CaptureFixture[str], argv: list[str], hint: str
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert hint in err
    assert "Traceback" not in err


def test_values_accept_codes_and_types_in_any_case() -> None:
    assert actor_code("tur") == "TUR"
    assert actor_code("igo") == "IGO"
    assert event_type("consult") == "CONSULT"
    with pytest.raises(argparse.ArgumentTypeError):
        actor_code("T1")


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("2024-06-15", date(2024, 6, 15), date(2024, 6, 15)),
        ("2024-06", date(2024, 6, 1), date(2024, 6, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_values_dates_take_a_day_a_month_or_a_year(text: str, since: date, until: date) -> None:
    assert since_date(text) == since
    assert until_date(text) == until


@pytest.mark.parametrize("text", ["24", "2024-6", "2024-00", "2024-02-30", "June 2024"])
def test_values_dates_refuse_other_forms(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM-DD, YYYY-MM or YYYY"):
        since_date(text)
