"""Argument types of the query options: actor codes, PLOVER event types and dates.

Each is an ``argparse`` ``type=`` function, so a wrong value is a usage error that names the
option and, where the project's tables know a near or equivalent spelling, suggests it:
``--actor Japan`` suggests JPN (the country table's names, aliases, demonyms and capitals),
``--type assualt`` suggests ASSAULT (the PLOVER type list, through difflib).
"""

from __future__ import annotations

import argparse
import calendar
import difflib
import re
from datetime import date
from functools import cache
from importlib import resources

# Codes an actor may have besides a country's: bodies that belong to no one country
# (intergovernmental, non-governmental, international militant groups, multinationals).
ORGANISATION_CODES = ("IGO", "NGO", "IMG", "MNC")
# How many alternatives an error suggests: enough for "Congo" (COD, COG), few enough to read.
MAX_SUGGESTIONS = 3
# difflib's ratio a near miss needs: 0.6 is its default, and keeps XYZ from suggesting XKX
# while "Jpan" still finds Japan and "assualt" ASSAULT.
NEAR_MISS = 0.6

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def actor_code(text: str) -> str:
    """An ISO-3 country code (any case) or an organisation code, upper-cased."""
    code = text.strip().upper()
    if code in known_codes():
        return code
    others = f"{', '.join(ORGANISATION_CODES[:-1])} or {ORGANISATION_CODES[-1]}"
    hint = _did_you_mean(_code_suggestions(text.strip()))
    expected = f"expected an ISO-3 country code such as TUR, or {others}"
    raise argparse.ArgumentTypeError(f"unknown actor code {text!r}: {hint or expected}")


def event_type(text: str) -> str:
    """A PLOVER event type (any case), upper-cased."""
    from dyads.coding.lexicon import EVENT_TYPES

    name = text.strip().upper()
    if name in EVENT_TYPES:
        return name
    near = difflib.get_close_matches(name, EVENT_TYPES, n=MAX_SUGGESTIONS, cutoff=NEAR_MISS)
    hint = _did_you_mean(near) or f"one of {', '.join(EVENT_TYPES)}"
    raise argparse.ArgumentTypeError(f"unknown event type {text!r}: {hint}")


def since_date(text: str) -> date:
    """YYYY-MM-DD, or the first day of YYYY-MM or of YYYY."""
    return _date(text, last=False)


def until_date(text: str) -> date:
    """YYYY-MM-DD, or the last day of YYYY-MM or of YYYY."""
    return _date(text, last=True)


def _date(text: str, *, last: bool) -> date:
    value = text.strip()
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value)
        if month := _MONTH.fullmatch(value):
            year, number = int(month[1]), int(month[2])
            day = calendar.monthrange(year, number)[1] if last and 1 <= number <= 12 else 1
            return date(year, number, day)
        if _YEAR.fullmatch(value):
            return date(int(value), 12, 31) if last else date(int(value), 1, 1)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"not a date: {text!r} (YYYY-MM-DD, YYYY-MM or YYYY)")


@cache
def known_codes() -> frozenset[str]:
    """Every country code of the country table and every code of the organisation table."""
    countries = _data_rows("countries.tsv")
    organisations = _data_rows("organisations.tsv")
    return frozenset(
        [row[0] for row in countries]
        + [row[2] for row in organisations if len(row) > 2]
        + list(ORGANISATION_CODES)
    )


def _data_rows(filename: str) -> list[list[str]]:
    text = resources.files("dyads").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _code_suggestions(text: str) -> list[str]:
    """Codes ``text`` may mean: the code of a name in the actor tables ("Japan", "japanese",
    "Tokyo", "NATO"), else the codes and names difflib finds near it, best first."""
    from dyads.actors.tables import ActorTables

    tables = ActorTables.load()
    by_folded = {name.casefold(): entry for name, entry in tables.names.items()}
    entry = tables.names.get(text) or by_folded.get(text.casefold())
    if entry is not None:
        return [f"{entry.code} ({entry.name})"]
    near_codes = difflib.get_close_matches(
        text.upper(), sorted(known_codes()), n=MAX_SUGGESTIONS, cutoff=NEAR_MISS
    )
    near_names = difflib.get_close_matches(
        text.casefold(), list(by_folded), n=MAX_SUGGESTIONS, cutoff=NEAR_MISS
    )
    named = [f"{by_folded[n].code} ({by_folded[n].name})" for n in near_names]
    described = [f"{code} ({tables.country_name(code) or code})" for code in near_codes]
    return list(dict.fromkeys(named + described))[:MAX_SUGGESTIONS]


def _did_you_mean(options: list[str]) -> str:
    if not options:
        return ""
    listed = options[0] if len(options) == 1 else f"{', '.join(options[:-1])} or {options[-1]}"
    return f"did you mean {listed}?"
