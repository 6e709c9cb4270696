"""The PETRARCH-2 dictionaries as dyads tables: the conversion (codes, dates, the rules that
leave entries out) on small dictionaries written here, the date validity of a person's
code, and the shipped tables against what the script writes from the real dictionaries."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dyads.actors import ActorFinder, ActorTables, ArticleMemory
from dyads.actors.petrarch import build_people, fold
from dyads.actors.tables import _data_lines
from dyads.actors.titles import roles_in
from dyads.nlp.sentences import split_sentences
from tests.conftest import ROOT, make_article

# Words the rules test against, in place of the spaCy pipeline's English word list.
ENGLISH = frozenset({"rice", "hope", "bank", "front", "may", "well"})


@pytest.fixture(scope="module")
def script() -> ModuleType:
    """``scripts/petrarch_actors.py`` as a module (registered, so its dataclasses resolve)."""
    name = "petrarch_actors"
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("040701", date(2004, 7, 1)),  # 00-30: this century
        ("300101", date(2030, 1, 1)),
        ("310101", date(1931, 1, 1)),  # otherwise the last
        ("990830", date(1999, 8, 30)),
        ("19270101", date(1927, 1, 1)),  # eight digits: the year in full
        ("20110909", date(2011, 9, 9)),
        ("2004017", None),  # seven digits: neither form
        ("100231", None),  # no such day
        ("", None),
    ],
)
def test_parse_date_reads_two_and_four_digit_years(
    script: ModuleType, text: str, expected: date | None
) -> None:
    assert script.parse_date(text) == expected


@pytest.mark.parametrize(
    ("code", "restriction", "expected"),
    [
        ("NORGOV", "", (None, None, True)),
        ("NORGOV", ">120301", (date(2012, 3, 1), None, False)),
        ("NORGOV", "<990101", (None, date(1999, 1, 1), False)),
        ("NORGOV", "050101-071231", (date(2005, 1, 1), date(2007, 12, 31), False)),
        ("NORGOV", "071231-050101", None),  # ends before it starts
        ("---", "", None),  # the null code
    ],
)
def test_parse_period_reads_open_closed_and_default_codes(
    script: ModuleType, code: str, restriction: str, expected: tuple[Any, ...] | None
) -> None:
    period = script.parse_period(code, restriction, script.Counts())
    got = None if period is None else (period.start, period.end, period.default)
    assert got == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("NORGOV", ("NOR", "GOV")),
        ("NORGOVBUS", ("NOR", "GOV")),  # the first role decides: a trade minister is GOV
        ("NORELI", ("NOR", "ELI")),
        ("NORINS", ("NOR", "REB")),  # insurgents are rebels in PLOVER
        ("NORMUS", ("NOR", "REL")),
        ("NORHRI", ("NOR", "CVL")),
        ("TMPGOV", ("TLS", "GOV")),  # CAMEO's East Timor
        ("KSVGOV", ("XKX", "GOV")),  # CAMEO's Kosovo
        ("USRMIL", ("SUN", "MIL")),  # CAMEO's Soviet Union
        ("IGOUNOJUDICJ", ("IGO", "JUD")),
        ("IGOWSTNAT", ("IGO", None)),  # a body with no role
        ("MEAREB", ("IMG", "REB")),  # an armed group of a region: transnational
        ("MEAGOV", (None, "GOV")),  # a region's government is no state's
        ("NOR", ("NOR", None)),  # the country itself (and its places)
        ("KKLREB", (None, "REB")),  # a prefix that is no country
    ],
)
def test_split_code_gives_country_and_plover_sector(
    script: ModuleType, code: str, expected: tuple[str | None, str | None]
) -> None:
    states = frozenset({"NOR", "TLS", "XKX", "SUN"})
    assert script.split_code(code, states) == expected


# An invented dictionary in the PETRARCH-2 syntax: a country with its places, a person with
# dated codes and a default, a person under a title, forms that are English words, a body,
# a company, an armed group and a code-less entry.
COUNTRIES = """\
# comment line
NORWAY_  [NOR]
+OSLO_
+BERGEN_

NORWEGIAN_ROAD_AUTHORITY
+ROAD_AUTHORITY_OF_NORWAY
\t[NORGOV]

INGRID_FALKSEN_  # invented
+PRESIDENT_FALKSEN_
+FALKSEN_
\t[NORELI 800101-050101]
\t[NORGOV 050101-091231]
\t[NORELI]
TORE_RICE_
+RICE_
\t[NORGOVBUS >120301]
UNCODED_NAME_
"""
INTERNATIONAL = """\
OSLO_SHIPPING_HOLDINGS_ [MNCNOR]
HANNE_VOLD_ [IGOUNO 100101-141231] [NORGOV 020101-091231]
"""
MILNONSTATE = """\
NORDIC_FREEDOM_FRONT_ [NORREB] # invented
+FRONT_
"""
AGENTS = """\
!PERSON! = MAN, WOMAN
FERRY!PERSON! [~BUS]
HARBOUR_WORKER [~LAB]
FERRY_TERMINAL [~BUS]
!PERSON! [~CVL]
MINISTER_OF_FISHERIES [~GOVAGR]
POLICE {} [~COP]
"""


@pytest.fixture
def compiled(script: ModuleType, tmp_path: Path) -> Any:
    for name, text in (
        ("Phoenix.Countries.actors.txt", COUNTRIES),
        ("Phoenix.International.actors.txt", INTERNATIONAL),
        ("Phoenix.MilNonState.actors.txt", MILNONSTATE),
        ("Phoenix.agents.txt", AGENTS),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "countries.tsv").write_text("# iso3\tname\nNOR\tNorway\n", encoding="utf-8")
    (data / "sectors.tsv").write_text("# word\tsector\tkind\npolice\tCOP\trole\n")
    return script.build(tmp_path, data, english=ENGLISH)


def test_build_gives_one_row_per_person_and_period(compiled: Any) -> None:
    table, counts = compiled
    falksen = [r for r in table.people if r[0] == "Ingrid Falksen"]
    assert falksen == [
        ["Ingrid Falksen", "Falksen", "NOR", "ELI", "", "", "default"],
        ["Ingrid Falksen", "Falksen", "NOR", "ELI", "1980-01-01", "2005-01-01", ""],
        ["Ingrid Falksen", "Falksen", "NOR", "GOV", "2005-01-01", "2009-12-31", ""],
    ]
    vold = [r[2:6] for r in table.people if r[0] == "Hanne Vold"]
    assert vold == [
        ["IGO", "IGO", "2010-01-01", "2014-12-31"],
        ["NOR", "GOV", "2002-01-01", "2009-12-31"],
    ]
    assert counts.by_rule["person form: one word that is an English word"] == 1  # "Rice"
    assert [r[:2] for r in table.people if r[0] == "Tore Rice"] == [["Tore Rice", ""]]


def test_build_leaves_out_places_companies_and_uncoded_entries(compiled: Any) -> None:
    table, counts = compiled
    names = {r[0] for r in table.people} | {r[0] for r in table.groups}
    assert not names & {"Norway", "Oslo", "Oslo Shipping Holdings", "Uncoded Name"}
    assert counts.by_rule["entry: a multinational company (MNC)"] == 1
    assert counts.by_rule["code: a country with no sector (the country itself, its places)"] == 1


def test_build_files_bodies_and_armed_groups_as_groups(compiled: Any) -> None:
    table, _ = compiled
    assert table.groups == [
        ["Nordic Freedom Front", "", "NOR", "REB", "group"],
        ["Norwegian Road Authority", "Road Authority Of Norway", "NOR", "GOV", "government"],
    ]  # "Front" alone is an English word: not a form of the group


def test_build_expands_agent_macros_and_plurals(compiled: Any) -> None:
    table, counts = compiled
    words = {row[0]: row[1] for row in table.agents}
    assert words["ferryman"] == words["ferrywomans"] == "BUS"  # regular plurals, as PETRARCH
    assert words["harbour workers"] == "LAB"
    assert "ferry terminal" not in words  # its head noun names no person or body
    assert words["minister of fisheries"] == "GOV"
    assert "ministers of fisherieses" not in words  # no plural after a preposition
    assert "man" not in words and "police" not in words  # a word for anyone; sectors.tsv's
    assert counts.by_rule["agent: a word for anyone (man, person)"] == 2  # man, woman


PEOPLE = [
    ["Ingrid Falksen", "Falksen", "NOR", "ELI", "", "", "default"],
    ["Ingrid Falksen", "Falksen", "NOR", "GOV", "2005-01-01", "2009-12-31", ""],
    ["Hanne Vold", "", "IGO", "IGO", "2010-01-01", "2014-12-31", ""],
    ["Hanne Vold", "", "NOR", "GOV", "2002-01-01", "2009-12-31", ""],
    ["Lars Moe", "", "NOR", "GOV", "2012-03-01", "", ""],
]


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("Ingrid Falksen", date(2007, 5, 1), ("NOR", "GOV")),
        ("FALKSEN", date(2007, 5, 1), ("NOR", "GOV")),  # any case
        ("Ingrid Falksen", date(2009, 12, 31), ("NOR", "GOV")),  # the last day holds
        ("Ingrid Falksen", date(2010, 3, 1), ("NOR", "GOV")),  # within the tolerance
        ("Ingrid Falksen", date(2016, 3, 1), ("NOR", "ELI")),  # after: the default code
        ("Hanne Vold", date(2012, 1, 1), ("IGO", "IGO")),
        ("Hanne Vold", date(2009, 6, 1), ("NOR", "GOV")),
        ("Hanne Vold", date(2009, 12, 31), ("NOR", "GOV")),  # exactly in beats the tolerance
        ("Hanne Vold", date(2018, 1, 1), None),  # out of office, no default: not coded
        ("Lars Moe", date(2014, 3, 1), ("NOR", "GOV")),  # open: held at the revision
        ("Lars Moe", date(2020, 1, 1), ("NOR", "")),  # long after it: the country only
        ("Lars Moe", date(2011, 1, 1), None),
        ("Ingrid Falksen", None, ("NOR", "")),  # undated: the one country, two sectors
        ("Hanne Vold", None, None),  # undated: two countries
        ("Lars Moe", None, ("NOR", "GOV")),
        ("Per Unknown", date(2012, 1, 1), None),
    ],
)
def test_person_table_codes_a_person_by_the_article_date(
    name: str, day: date | None, expected: tuple[str, str] | None
) -> None:
    entry = build_people(PEOPLE).lookup(name, day)
    assert (None if entry is None else (entry.country, entry.sector)) == expected


def test_fold_matches_accents_and_case() -> None:
    assert fold("Recep Tayyip  Erdoğan") == fold("RECEP TAYYIP ERDOGAN")


def _resolve(parser: Any, tables: ActorTables, text: str, day: date | None) -> dict[str, Any]:
    article = make_article([text])
    (sentence,) = split_sentences(article)
    (doc,) = parser.parse([sentence.text])
    memory = ArticleMemory(day=day)
    mentions = ActorFinder(tables=tables).find(doc, sentence=sentence, memory=memory)
    return {m.text: m.actor for m in mentions if m.actor is not None}


@pytest.mark.slow
def test_find_dictionary_person_is_coded_only_in_period(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "Andy Burnham criticised the plan on Tuesday."
    inside = _resolve(spacy_parser, actor_tables, text, date(2008, 9, 1))["Andy Burnham"]
    assert (inside.country, inside.sector) == ("GBR", "GOV")
    later = _resolve(spacy_parser, actor_tables, text, date(2016, 9, 1)).get("Andy Burnham")
    assert later is None or later.country != "GBR"


@pytest.mark.slow
def test_find_dictionary_group_named_by_spacy_takes_its_code(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "The Armed Islamic Group claimed the attack on Tuesday."
    actor = _resolve(spacy_parser, actor_tables, text, date(1996, 1, 1))["The Armed Islamic Group"]
    assert (actor.country, actor.sector) == ("DZA", "REB")


def test_shipped_tables_are_what_the_script_writes(
    script: ModuleType, shared_dir: Path, tmp_path: Path
) -> None:
    source = shared_dir / "resources" / "petrarch2"
    if not source.is_dir():
        pytest.skip(f"needs the PETRARCH-2 dictionaries in {source}")
    data = ROOT / "src" / "dyads" / "data"
    compiled, _ = script.build(
        source, data, english=script.english_words(), adjectives=script.english_adjectives()
    )
    for name, rows in (
        ("petrarch_people.tsv", compiled.people),
        ("petrarch_groups.tsv", compiled.groups),
        ("petrarch_agents.tsv", compiled.agents),
    ):
        assert _data_lines(name) == rows, name


@pytest.mark.slow
def test_find_dictionary_agent_noun_is_a_party_but_not_a_modifier(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    assert actor_tables.roles["taxpayers"].dictionary
    as_party = _resolve(spacy_parser, actor_tables, "Angry taxpayers blocked the road.", None)
    assert as_party["Angry taxpayers"].sector == "CVL"
    text = "The ministry released a taxpayer survey on Monday."
    assert all("taxpayer" not in t for t in _resolve(spacy_parser, actor_tables, text, None))


@pytest.mark.slow
def test_read_title_leaves_dictionary_agent_words_out(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    (doc,) = spacy_parser.parse(["Labour taxpayers leader Tom Reed spoke."])
    words = [entry.phrase for entry in roles_in(doc, 0, len(doc), actor_tables)]
    assert "leader" in words and "taxpayers" not in words
