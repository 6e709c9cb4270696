"""Well-known heads of state and government, foreign ministers and the most quoted
spokespersons, named without a country.

Wire text names the best-known politicians with a bare title or no title at all ("President
Bush", "Putin said", "Erdogan criticised Merkel", "Foreign Ministry spokeswoman Hua
Chunying"); nothing in the sentence gives their country.
``leaders.tsv`` (columns and sources in ``data/README.md``) lists such people with the country
and office they are best known for. The finder consults it only for a person whose country the
phrase does not give; a country in the phrase ("Pakistani Prime Minister Sharif") always wins.

Names are matched case-sensitively and as whole words, like the other table names, except
the particles of Arabic, Romance and Dutch names, which news capitalises as it likes
("Mohammed Bin Salman", "Bashar Al-Assad", "Lula Da Silva"): each is matched in either case. A bare
surname is listed only when it is distinctive in news text ("Netanyahu", not "Brown" or
"May"); the years a person held office are kept for reference and not checked (the dated
persons of the PETRARCH-2 tables, ``dyads.actors.petrarch``, are).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from dyads.actors.trie import trie_pattern


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderEntry:
    """One listed office holder."""

    name: str  # "Recep Tayyip Erdogan"
    country: str  # ISO-3, or "IGO" for a head of an intergovernmental organisation
    sector: str  # the PLOVER sector of the office (GOV for heads of state and ministers)
    title: str  # the office the person is best known for ("President")
    years: str  # years in that office, "1999-2008" or "2017-" ('|' between spells)


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderTable:
    """Leaders by every listed form of their name, and a pattern that finds those forms."""

    by_form: dict[str, LeaderEntry]
    pattern: re.Pattern[str] | None

    def get(self, name: str) -> LeaderEntry | None:
        """The leader called exactly ``name`` (full name or a listed alias)."""
        return self.by_form.get(name)

    def find(self, text: str) -> list[tuple[int, int, LeaderEntry]]:
        """Every listed name in ``text`` as (start, end, entry), leftmost-longest."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.by_form[m.group()]) for m in self.pattern.finditer(text)]


def build_leaders(rows: list[list[str]]) -> LeaderTable:
    """The table from the rows of ``leaders.tsv`` (name, aliases, iso3, sector, title, years)."""
    by_form: dict[str, LeaderEntry] = {}
    for row in rows:
        name, aliases, code, sector, title, years = (row + [""] * 6)[:6]
        entry = LeaderEntry(name=name, country=code, sector=sector, title=title, years=years)
        for raw in [name, *aliases.split("|")]:
            for form in particle_cases(raw.strip()):
                by_form.setdefault(form, entry)  # the first row to list a form keeps it
    pattern = None
    if by_form:
        pattern = re.compile(rf"(?<![\w.-])(?:{trie_pattern(by_form)})(?![\w-])")
    return LeaderTable(by_form=by_form, pattern=pattern)


# Name particles: "bin Salman", "al-Assad", "da Silva", "de Villepin", "van Rompuy".
_PARTICLE = re.compile(
    r"(?i)(?:bin|bint|ibn|ben|al|el|ad|as|ash|da|de|di|do|dos|du|van|von|der|den|la|le)(?=-|$)"
)


def particle_cases(form: str) -> list[str]:
    """``form`` and its spellings with each name particle in the other case ("Mohammed bin
    Salman", "Mohammed Bin Salman"); nothing for an empty form."""
    if not form:
        return []
    words = form.split(" ")
    choices: list[tuple[str, ...]] = []
    for word in words:
        head = _PARTICLE.match(word)
        if head is None:
            choices.append((word,))
            continue
        rest = word[head.end() :]
        lower, upper = head.group().lower(), head.group().capitalize()
        choices.append(tuple(dict.fromkeys((word, lower + rest, upper + rest))))
    return [" ".join(combo) for combo in itertools.product(*choices)]


EMPTY_LEADERS = LeaderTable(by_form={}, pattern=None)
