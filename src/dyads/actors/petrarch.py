"""People and groups of the PETRARCH-2 dictionaries, consulted behind the hand-written tables.

``petrarch_people.tsv`` lists some 28,000 office holders with the CAMEO code they held in
each period (written by ``scripts/petrarch_actors.py``; rules in ``data/README.md``). A
person is coded only with the period the article's date falls in:

- a dated article: the periods that hold on the day, widened by ``TOLERANCE`` on each side,
  the one that holds without the widening first; when none holds, the person's default code
  (PETRARCH's rule: the code for any other date, mostly ELI, "former official"); no code at
  all when neither exists. Persons of two states on the same day are not guessed between.
  An open period ("from 2005 on") gives only the country, not the sector, for a day well
  after the dictionaries' last revision (``REVISED``), when the office may have changed.
- an undated article: only what holds at every date: the country when all of the person's
  codes name one country, the sector when they all name one sector.

Names are matched by a folded key (accents off, case folded), so "Ban Ki-moon" and
"McCain" match the dictionaries' upper-case "BAN_KI-MOON" and "MCCAIN"; the finder consults
the table only for a name spaCy or a title already marked as a person's, never for a word of
ordinary text, and only when ``leaders.tsv`` does not know the name.

``petrarch_groups.tsv`` (armed groups, NGOs, IGOs and state bodies) gives table entries for
organisation names spaCy finds that ``organisations.tsv`` lacks.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from dyads.actors.leaders import LeaderEntry

# How far outside a period its code still holds. The dictionaries' dates come from cabinet
# lists read every few months (periods such as 2003-01-01 to 2004-12-31, then 2005-01-01),
# so a boundary is known to about half a year.
TOLERANCE = timedelta(days=183)
# When the dictionaries were last revised (Phoenix.Countries.actors.txt was produced from
# CountryInfo.140130.txt): an open period means "still held then". Later than that (and the
# tolerance), it vouches for the person's country but not for the office: "NORGOV >051017"
# is Jens Stoltenberg, Norway's prime minister until October 2013.
REVISED = date(2014, 1, 30)
# Honorifics news writes before a name, which spaCy's PERSON entities include.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "rep", "sen"})


def fold(text: str) -> str:
    """The key a name is matched by: accents off, case folded, words by one space."""
    if text.isascii():  # the tables' forms and most names: no accents to take off
        return " ".join(text.lower().split())
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonPeriod:
    """One code a person held, and when."""

    name: str
    country: str
    sector: str
    # ISO dates, "" where the period is open (or for the default code); read only when a
    # name is looked up, so that loading 28,000 periods stays cheap
    start: str
    end: str
    default: bool  # the code for any date no dated period covers

    def holds(self, day: date, slack: timedelta) -> bool:
        if self.default:
            return False
        return (not self.start or date.fromisoformat(self.start) - slack <= day) and (
            not self.end or day <= date.fromisoformat(self.end) + slack
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonTable:
    """Dictionary persons by the folded form of every listed name."""

    by_key: dict[str, list[list[str]]]  # the table's rows of each name

    def __len__(self) -> int:
        return len(self.by_key)

    def lookup(self, name: str, day: date | None) -> LeaderEntry | None:
        """The person called ``name`` with the code of ``day`` (see the module docstring)."""
        key = fold(name)
        rows = self.by_key.get(key)
        if rows is None:  # "Mr. Heseltine", "Sen. Grassley": spaCy keeps the honorific
            words = key.split()
            while len(words) > 1 and words[0].rstrip(".") in _HONORIFICS:
                words = words[1:]
            rows = self.by_key.get(" ".join(words))
        if not rows:
            return None
        periods = tuple(_period(row) for row in rows)
        chosen = _on_day(periods, day) if day is not None else _undated(periods)
        if chosen is None:
            return None
        country, sector = chosen
        return LeaderEntry(name=name, country=country, sector=sector or "", title="", years="")


def _on_day(periods: tuple[PersonPeriod, ...], day: date) -> tuple[str, str] | None:
    for slack in (timedelta(0), TOLERANCE):
        held = [p for p in periods if p.holds(day, slack)]
        if held:
            found = _one(held)
            if found is not None and day > REVISED + TOLERANCE and any(not p.end for p in held):
                return found[0], ""  # an open period long after the revision: not the office
            return found
    defaults = [p for p in periods if p.default]
    return _one(defaults) if defaults else None


def _one(periods: list[PersonPeriod]) -> tuple[str, str] | None:
    """The code of the periods when they name one country; a role (not ELI) first."""
    if len({p.country for p in periods}) != 1:
        return None
    roles = [p for p in periods if p.sector != "ELI"] or periods
    return periods[0].country, roles[0].sector


def _undated(periods: tuple[PersonPeriod, ...]) -> tuple[str, str] | None:
    countries = {p.country for p in periods}
    sectors = {p.sector for p in periods}
    if len(countries) != 1:
        return None
    return next(iter(countries)), next(iter(sectors)) if len(sectors) == 1 else ""


def build_people(rows: list[list[str]]) -> PersonTable:
    """The table from the rows of ``petrarch_people.tsv`` (a person's rows are adjacent).

    Rows are kept as read and made into periods only when their name is looked up: the
    table holds 28,000 rows and an article names a few dozen persons.
    """
    found: dict[str, list[list[str]]] = {}
    keys: set[str] = set()
    last = ("", "")
    for row in rows:
        if (row[0], row[1]) != last:
            last = (row[0], row[1])
            keys = {_table_key(form) for form in (row[0], *row[1].split("|")) if form}
        for key in keys:
            found.setdefault(key, []).append(row)
    return PersonTable(by_key=found)


def _table_key(form: str) -> str:
    # the script writes forms with single spaces, mostly in ASCII: lower case is the fold
    return form.lower() if form.isascii() else fold(form)


def _period(row: list[str]) -> PersonPeriod:
    name, _, country, sector, start, end, default = (row + [""] * 7)[:7]
    return PersonPeriod(
        name=name,
        country=country,
        sector=sector,
        start=start,
        end=end,
        default=default == "default",
    )


EMPTY_PEOPLE = PersonTable(by_key={})
