from __future__ import annotations

import pytest

from dyads.actors.tables import ActorTables, NameEntry, RoleEntry, build_tables
from dyads.actors.trie import trie_pattern
from dyads.records import MentionKind


@pytest.mark.parametrize(
    ("form", "kind", "code"),
    [
        ("Turkey", MentionKind.COUNTRY, "TUR"),
        ("Türkiye", MentionKind.COUNTRY, "TUR"),
        ("U.S.", MentionKind.COUNTRY, "USA"),
        ("Britain", MentionKind.COUNTRY, "GBR"),
        ("DPRK", MentionKind.COUNTRY, "PRK"),
        ("Holland", MentionKind.COUNTRY, "NLD"),
        ("Ivory Coast", MentionKind.COUNTRY, "CIV"),
        ("Côte d'Ivoire", MentionKind.COUNTRY, "CIV"),
        ("Burma", MentionKind.COUNTRY, "MMR"),
        ("Czechia", MentionKind.COUNTRY, "CZE"),
        ("Holy See", MentionKind.COUNTRY, "VAT"),
        ("Kosovo", MentionKind.COUNTRY, "XKX"),
        ("Yugoslavia", MentionKind.COUNTRY, "YUG"),
        ("Kazakhstani", MentionKind.DEMONYM, "KAZ"),
        ("Yugoslav", MentionKind.DEMONYM, "YUG"),
        ("Ankara", MentionKind.CAPITAL, "TUR"),
        ("Kremlin", MentionKind.CAPITAL, "RUS"),
        ("White House", MentionKind.CAPITAL, "USA"),
        ("NASA", MentionKind.ORGANISATION, "USA"),
        ("European Space Agency", MentionKind.IGO, "IGO"),
        ("NATO", MentionKind.IGO, "IGO"),
        ("UNHCR", MentionKind.IGO, "IGO"),
        ("Human Rights Watch", MentionKind.NGO, "NGO"),
        ("Hamas", MentionKind.GROUP, "PSE"),
    ],
)
def test_actor_tables_know_names(
    actor_tables: ActorTables, form: str, kind: MentionKind, code: str
) -> None:
    entry = actor_tables.names[form]
    assert (entry.kind, entry.code) == (kind, code)


def test_actor_tables_cover_every_iso_country(actor_tables: ActorTables) -> None:
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in actor_tables.countries]
    assert missing == []


@pytest.mark.parametrize(
    ("phrase", "sector", "is_title"),
    [
        ("officials", "GOV", False),
        ("defense ministry", "GOV", False),
        ("troops", "MIL", False),
        ("security forces", "COP", False),
        ("prosecutors", "JUD", False),
        ("lawmakers", "LEG", False),
        ("opposition", "OPP", False),
        ("rebels", "REB", False),
        ("protesters", "CVL", False),
        ("company", "BUS", False),
        ("journalists", "MED", False),
        ("university", "EDU", False),
        ("clergy", "REL", False),
        ("ruling party", "PTY", False),
        ("prime minister", "GOV", True),
        ("general", "MIL", True),
    ],
)
def test_actor_tables_give_role_sectors(
    actor_tables: ActorTables, phrase: str, sector: str, is_title: bool
) -> None:
    entry = actor_tables.roles[phrase]
    assert (entry.sector, entry.is_title) == (sector, is_title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Velmora and Turkey held talks.", True),
        ("The troops withdrew at dawn.", True),
        ("Police said nothing.", True),
        ("He added that talks would go on.", True),
        ("The match ended in a draw after extra time.", False),
        ("Shares rose two percent in early trading.", False),
        ("Turkeys are sold before the holiday.", False),
    ],
)
def test_might_name_actor_is_a_cheap_prefilter(
    actor_tables: ActorTables, text: str, expected: bool
) -> None:
    assert actor_tables.might_name_actor(text) is expected


def test_find_names_is_case_sensitive_and_whole_word(actor_tables: ActorTables) -> None:
    found = actor_tables.find_names("The US told us that USAID and the U.S. envoy met.")
    assert [(entry.code, start) for start, _, entry in found] == [("USA", 4), ("USA", 34)]


def test_build_tables_prefers_the_longest_name() -> None:
    entry = NameEntry(kind=MentionKind.COUNTRY, name="Velmora", code="VLM")
    igo = NameEntry(kind=MentionKind.IGO, name="Velmora Union", code="IGO")
    tables = build_tables(
        names={"Velmora": entry, "Velmora Union": igo},
        roles={"troops": RoleEntry(phrase="troops", sector="MIL", is_title=False)},
        countries={"VLM": "Velmora"},
    )
    found = tables.find_names("The Velmora Union sent troops to Velmora.")
    assert [e.name for _, _, e in found] == ["Velmora Union", "Velmora"]


@pytest.mark.parametrize(
    ("phrases", "text", "matches"),
    [
        (["ab", "abc", "b"], "abc ab b", ["abc", "ab", "b"]),
        (["U.S.", "US"], "U.S. US", ["U.S.", "US"]),
    ],
)
def test_trie_pattern_matches_exactly_the_phrases(
    phrases: list[str], text: str, matches: list[str]
) -> None:
    import re

    pattern = re.compile(rf"(?<!\w)(?:{trie_pattern(phrases)})(?!\w)")
    assert [m.group() for m in pattern.finditer(text)] == matches


def test_build_leaders_finds_every_listed_form_as_a_whole_word() -> None:
    from dyads.actors.leaders import build_leaders

    leaders = build_leaders(
        [["Ilse Varga", "Varga|President Varga", "VLM", "GOV", "President", "2001-2009"]]
    )
    assert leaders.get("Varga") is leaders.get("Ilse Varga")
    found = leaders.find("Ilse Varga met Vargas; Varga-style reforms; Varga left.")
    assert [(start, entry.country) for start, _, entry in found] == [(0, "VLM"), (44, "VLM")]


def test_leaders_name_particles_match_in_either_case() -> None:
    from dyads.actors.leaders import build_leaders, particle_cases

    assert particle_cases("Omar bin Hadi al-Zubair") == [
        "Omar bin Hadi al-Zubair",
        "Omar bin Hadi Al-Zubair",
        "Omar Bin Hadi al-Zubair",
        "Omar Bin Hadi Al-Zubair",
    ]
    assert particle_cases("Ilse Varga") == ["Ilse Varga"]
    assert particle_cases("Benedict Alvarez") == ["Benedict Alvarez"]  # no particle inside words
    leaders = build_leaders([["Omar bin Hadi", "", "VLM", "GOV", "Crown Prince", "2017-"]])
    found = leaders.find("Crown Prince Omar Bin Hadi arrived; Omar bin hadi did not.")
    assert [(start, entry.country) for start, _, entry in found] == [(13, "VLM")]


def test_leaders_table_knows_well_known_leaders(actor_tables: ActorTables) -> None:
    putin = actor_tables.leaders.get("Putin")
    assert putin is not None and (putin.country, putin.sector) == ("RUS", "GOV")
    assert actor_tables.leaders.get("May") is None  # too common a word to stand for a leader
    assert actor_tables.might_name_actor("Netanyahu rejected the plan.")


def test_shared_name_lists_other_states_but_its_qualified_form_does_not(
    actor_tables: ActorTables,
) -> None:
    assert "PER" in actor_tables.names["Congress"].shared
    assert actor_tables.names["U.S. Congress"].shared == frozenset()


def test_a_listed_person_is_found_after_an_honorific() -> None:
    from datetime import date

    tables = ActorTables.load()
    found = tables.listed_person("Mr. Trump", date(2017, 12, 29))
    assert found is not None and (found.name, found.country) == ("Donald Trump", "USA")
    assert tables.listed_person("Mr Putin", date(2017, 12, 29)) is not None
    assert tables.listed_person("Mr. Nobody", date(2017, 12, 29)) is None
