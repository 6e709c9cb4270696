"""The actor tables: countries, organisations and role words, read from ``dyads/data``.

These files feed them (columns and sources in ``data/README.md``):

- ``countries.tsv``: every ISO 3166-1 country plus withdrawn codes the older wire corpora use
  (YUG, SUN, CSK, DDR) and Kosovo (XKX): canonical name, aliases, demonyms, capitals and the
  seats of government that stand for a government ("the Kremlin", "Downing Street"); and the
  codes other data sets join on (Correlates of War, Gleditsch-Ward, FIPS 10-4), which
  ``country_codes`` reads.
- ``organisations.tsv``: intergovernmental and non-governmental organisations (code ``IGO`` /
  ``NGO``), armed groups, parties and state bodies with their country code and sector.
- ``sectors.tsv``: role nouns and office titles with their PLOVER sector.
- ``leaders.tsv``: well-known heads of state and government, foreign ministers and the most
  quoted spokespersons, for persons named without a country ("Putin said"); see
  ``dyads.actors.leaders``.
- ``petrarch_people.tsv``, ``petrarch_groups.tsv``, ``petrarch_agents.tsv``: the persons,
  bodies and role nouns of the PETRARCH-2 dictionaries, consulted behind the hand-written
  tables, which win on any name or word both list (see ``dyads.actors.petrarch``).

Names are matched case-sensitively ("US" is the country, "us" is not); role words are matched
without case ("Police said", "the police"). ``ActorTables.load()`` reads the files once per
process, on first use, never at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources

from dyads.actors.leaders import EMPTY_LEADERS, LeaderEntry, LeaderTable, build_leaders
from dyads.actors.memory import HONORIFICS
from dyads.actors.pairs import PAIR_PHRASE
from dyads.actors.petrarch import EMPTY_PEOPLE, PersonTable, build_people, fold
from dyads.actors.trie import trie_pattern
from dyads.records import MentionKind

# A middle initial ("W." of "Rex W. Tillerson"), which the tables list names without.
_INITIAL = re.compile(r"[A-Z]\.?")
_FIRST_AND_LAST = 2

# Organisation kinds in organisations.tsv and the mention kind each one gives.
_ORG_KINDS: dict[str, MentionKind] = {
    "igo": MentionKind.IGO,
    "ngo": MentionKind.NGO,
    "group": MentionKind.GROUP,
    "government": MentionKind.ORGANISATION,
    "media": MentionKind.ORGANISATION,
}

# Words that may stand for an actor named in an earlier sentence; a sentence holding one is
# worth parsing even when it names nobody itself ("He also met the minister").
_PRONOUNS = ("he", "she", "they")


@dataclass(frozen=True, slots=True, kw_only=True)
class NameEntry:
    """What a proper name in the tables stands for."""

    kind: MentionKind  # COUNTRY, DEMONYM, CAPITAL, IGO, NGO, GROUP or ORGANISATION
    name: str  # canonical: "Turkey", "United Nations"
    code: str  # ISO-3, or "IGO" / "NGO" / "IMG" for bodies that belong to no one country
    sector: str | None = None  # the sector of the body itself (GOV for a seat of government)
    # other countries whose body has the same name ("Congress": Peru, the Philippines, ...):
    # `code` is only the reading when nothing in the phrase or the article says otherwise
    shared: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleEntry:
    """A role noun ("troops") or an office title ("defense minister") and its sector."""

    phrase: str  # lower case, words separated by one space
    sector: str
    is_title: bool  # an office one person holds ("minister"), not a group ("officials")
    # from petrarch_agents.tsv: a party of its own, never a word of a title ("Islamist
    # President") and never a noun's modifier ("passenger list")
    dictionary: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorTables:
    """Frozen lookup tables and the compiled patterns built from them."""

    names: dict[str, NameEntry]  # surface form (exact case) -> entry
    roles: dict[str, RoleEntry]  # lower-case phrase -> entry
    countries: dict[str, str]  # ISO-3 -> canonical country name
    name_pattern: re.Pattern[str]
    prefilter: re.Pattern[str]
    max_role_words: int
    # every beginning of a role key ("p", "pr", ... "prime minister"): a run of tokens whose
    # text begins no key can be no longer role
    role_prefixes: frozenset[str] = frozenset()
    leaders: LeaderTable = field(default=EMPTY_LEADERS)
    people: PersonTable = field(default=EMPTY_PEOPLE)  # PETRARCH-2 persons, by folded name
    groups: dict[str, NameEntry] = field(default_factory=dict)  # PETRARCH-2 bodies, folded

    @classmethod
    def load(cls) -> ActorTables:
        """The tables from the package data files, read once per process."""
        return _load_default()

    def might_name_actor(self, text: str) -> bool:
        """Whether ``text`` holds a country, organisation, role word or pronoun: one regex pass."""
        return self.prefilter.search(text) is not None

    def find_names(self, text: str) -> list[tuple[int, int, NameEntry]]:
        """Every table name in ``text`` as (start, end, entry), leftmost-longest, no overlaps."""
        return [
            (m.start(), m.end(), self.names[m.group()]) for m in self.name_pattern.finditer(text)
        ]

    def country_name(self, code: str | None) -> str | None:
        return self.countries.get(code) if code else None

    def dictionary_person(self, name: str, day: date | None) -> LeaderEntry | None:
        """A person of the PETRARCH-2 tables with the code of ``day``; a name the
        dictionaries list as a group's (a leader named for his group: IMG REB) takes the
        group's code."""
        found = self.people.lookup(name, day)
        if found is not None:
            return found
        group = self.group(name)
        if group is None:
            return None
        return LeaderEntry(
            name=name, country=group.code, sector=group.sector or "", title="", years=""
        )

    def listed_person(self, name: str, day: date | None) -> LeaderEntry | None:
        """The listed leader or dated PETRARCH-2 person called ``name``, or called so without
        its middle initials: "Rex W. Tillerson" is the listed "Rex Tillerson" (a name with
        its initials listed, "George H. W. Bush", is found as written first), or without an
        honorific ("Mr. Trump" is the listed "Trump" of the article's date)."""
        bare = _without_honorific(name)
        for form in dict.fromkeys((name, _without_initials(name), bare, _without_initials(bare))):
            found = self.leaders.get(form) or self.dictionary_person(form, day)
            if found is not None:
                return found
        return None

    def group(self, name: str) -> NameEntry | None:
        """A body of the PETRARCH-2 tables called ``name`` (any case), unless the hand-written
        tables know the name."""
        if name in self.names:
            return None
        return self.groups.get(fold(name))


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryCodes:
    """The codes of one country of ``countries.tsv`` that other data sets join on; None
    where the classification has no such state (a territory, a microstate in
    Gleditsch-Ward, a state that ended before FIPS 10-4 named it)."""

    iso3: str  # ISO 3166-1 alpha-3 (XKX for Kosovo; YUG, SUN, CSK, DDR as withdrawn)
    name: str
    cown: int | None  # Correlates of War state number (TUR 640)
    cowc: str | None  # Correlates of War state abbreviation (TUR)
    gwn: int | None  # Gleditsch-Ward state number
    gwc: str | None  # Gleditsch-Ward state abbreviation
    fips: str | None  # FIPS 10-4 country code, as GDELT's geography columns use (TU)


def _without_honorific(name: str) -> str:
    """``name`` without a leading honorific ("Mr. Trump" -> "Trump")."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.rstrip(".").lower() in HONORIFICS else name


def _without_initials(name: str) -> str:
    """``name`` without the initials between its first and last word ("Rex W. Tillerson")."""
    words = name.split()
    if len(words) <= _FIRST_AND_LAST:
        return name
    inner = [word for word in words[1:-1] if not _INITIAL.fullmatch(word)]
    return " ".join([words[0], *inner, words[-1]])


def country_codes(iso3: str) -> CountryCodes | None:
    """The COW, Gleditsch-Ward and FIPS codes of a country of the table; None for a code
    the table does not hold (``IGO``, ``NGO``, a typo)."""
    return _country_codes().get(iso3.upper())


# Where the join codes start in a row of countries.tsv (after iso3 .. seats).
_CODES_AT = 6


@cache
def _country_codes() -> dict[str, CountryCodes]:
    out = {}
    for row in _data_lines("countries.tsv"):
        iso3, name = row[0], row[1]
        cown, cowc, gwn, gwc, fips = (row[_CODES_AT:] + [""] * 5)[:5]
        out[iso3] = CountryCodes(
            iso3=iso3,
            name=name,
            cown=int(cown) if cown else None,
            cowc=cowc or None,
            gwn=int(gwn) if gwn else None,
            gwc=gwc or None,
            fips=fips.strip() or None,
        )
    return out


@cache
def _load_default() -> ActorTables:
    names, countries = _read_countries(_data_lines("countries.tsv"))
    for form, entry in _read_organisations(_data_lines("organisations.tsv")):
        names.setdefault(form, entry)
    roles = _read_roles(_data_lines("sectors.tsv"))
    leaders = build_leaders(_data_lines("leaders.tsv"))
    tables = build_tables(names=names, roles=roles, countries=countries, leaders=leaders)
    # the dictionaries' role nouns are looked up in parsed sentences, but left out of the
    # prefilter: its pattern over 4,000 more phrases costs a second to compile, and a
    # sentence that names no one but a role noun of theirs has no party of known country
    agents = {
        key: replace(entry, dictionary=True)
        for key, entry in _read_roles(_data_lines("petrarch_agents.tsv")).items()
    }
    merged = {**agents, **roles}  # sectors.tsv wins
    groups = {
        fold(form): entry for form, entry in _read_organisations(_data_lines("petrarch_groups.tsv"))
    }
    return replace(
        tables,
        roles=merged,
        max_role_words=max(len(p.split()) for p in merged),
        role_prefixes=role_prefixes(merged),
        people=build_people(_data_lines("petrarch_people.tsv")),
        groups=groups,
    )


def build_tables(
    *,
    names: dict[str, NameEntry],
    roles: dict[str, RoleEntry],
    countries: dict[str, str],
    leaders: LeaderTable = EMPTY_LEADERS,
) -> ActorTables:
    """Compile the patterns for the given tables (also used to build small tables in tests)."""
    name_source = trie_pattern(names)
    # leaders' names let a sentence through the prefilter ("Putin said"), but are not table
    # names: ``find_names`` never returns them
    known_source = trie_pattern([*names, *leaders.by_form])
    role_source = trie_pattern(roles)
    pronoun_source = "|".join(_PRONOUNS)
    edge_l, edge_r = r"(?<![\w.])", r"(?![\w])"
    # parties the tables cannot hold but the parse may: an acronym ("the PPP", "EC"), or a
    # proper name of two words or more inside the sentence ("Arturo Valencia", "Mossack
    # Fonseca"), the way news names people and bodies it introduces
    # a person named by honorific and surname ("Ms. Haley"), and the two parties of a
    # bilateral story ("the two sides", ``dyads.actors.pairs``)
    unlisted = (
        r"[A-Z]{2,6}s?|(?<=[a-z,] )[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)+"
        r"|(?:Mr|Ms|Mrs|Dr)\.? [A-Z][a-z'’-]+"
    )
    return ActorTables(
        names=names,
        roles=roles,
        countries=countries,
        name_pattern=re.compile(f"{edge_l}(?:{name_source}){edge_r}"),
        prefilter=re.compile(
            f"{edge_l}(?:{known_source}|{unlisted}"
            f"|(?i:{role_source}|{pronoun_source}|{PAIR_PHRASE})){edge_r}"
        ),
        max_role_words=max((len(p.split()) for p in roles), default=1),
        role_prefixes=role_prefixes(roles),
        leaders=leaders,
    )


def role_prefixes(roles: dict[str, RoleEntry]) -> frozenset[str]:
    """Every beginning of every role key."""
    return frozenset(key[:end] for key in roles for end in range(1, len(key) + 1))


def _data_lines(filename: str) -> list[list[str]]:
    text = resources.files("dyads").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _forms(cell: str) -> list[str]:
    """The '|'-separated forms of a cell; a leading "the " is dropped (matched separately)."""
    out = []
    for raw in cell.split("|"):
        form = raw.strip()
        form = form.removeprefix("the ")
        if form:
            out.append(form)
    return out


def _read_countries(rows: list[list[str]]) -> tuple[dict[str, NameEntry], dict[str, str]]:
    names: dict[str, NameEntry] = {}
    countries: dict[str, str] = {}
    for row in rows:
        code, name, aliases, demonyms, capitals, seats = (row + [""] * 6)[:6]
        countries[code] = name
        columns = (
            ([name, *_forms(aliases)], MentionKind.COUNTRY, None),
            (_forms(demonyms), MentionKind.DEMONYM, None),
            (_forms(capitals), MentionKind.CAPITAL, "GOV"),
            (_forms(seats), MentionKind.CAPITAL, "GOV"),
        )
        for forms, kind, sector in columns:
            for form in forms:
                # the first country to claim a form keeps it ("Dominican", "Congolese")
                names.setdefault(form, NameEntry(kind=kind, name=name, code=code, sector=sector))
    return names, countries


def _read_organisations(rows: list[list[str]]) -> list[tuple[str, NameEntry]]:
    out: list[tuple[str, NameEntry]] = []
    for row in rows:
        name, aliases, code, sector, kind, shared = (row + [""] * 6)[:6]
        entry = NameEntry(
            kind=_ORG_KINDS[kind],
            name=name,
            code=code,
            sector=sector or None,
            shared=frozenset(_forms(shared)),
        )
        for form in [name, *_forms(aliases)]:
            # a form that qualifies the shared name ("US Congress") is not shared
            qualified = entry.shared and form != name and name in form
            out.append((form, replace(entry, shared=frozenset()) if qualified else entry))
    return out


def _read_roles(rows: list[list[str]]) -> dict[str, RoleEntry]:
    roles = {}
    for row in rows:
        phrase, sector, kind = (row + [""] * 3)[:3]
        key = " ".join(phrase.lower().split())
        roles[key] = RoleEntry(phrase=key, sector=sector, is_title=kind == "title")
    return roles
