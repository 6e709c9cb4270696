from __future__ import annotations

import pytest

from dyads.actors.memory import ArticleMemory
from dyads.records import ActorRef

ORIN = ActorRef(name="Tamsin Orin", country="TUR", sector="GOV", title="Defense Minister")


def test_article_memory_recalls_a_person_by_surname_and_full_name() -> None:
    memory = ArticleMemory()
    memory.remember_person(ORIN)
    assert memory.person_by_name("Orin") == ORIN
    assert memory.person_by_name("Tamsin Orin") == ORIN
    assert memory.person_by_name("Vask") is None


def test_article_memory_calls_a_person_with_a_romanised_given_name_by_the_family_name() -> None:
    memory = ArticleMemory()
    # the family name comes first, before a hyphenated given name, as written or as listed
    written = ActorRef(name="Pak Sun-ok", country="KOR", sector="GOV")
    memory.remember_person(written)
    assert memory.person_by_name("Pak") == written
    assert memory.person_by_name("Sun-ok") is None
    listed = ActorRef(name="Ri Mun Gol", text="Ri Mun-gol", country="PRK", sector="GOV")
    memory.remember_person(listed)
    assert memory.person_by_name("Ri") == listed
    merged = memory.remember_person(ActorRef(name="Ri"))
    assert (merged.name, merged.country) == ("Ri Mun Gol", "PRK")


def test_article_memory_recalls_a_person_by_office_word() -> None:
    memory = ArticleMemory()
    memory.remember_person(ORIN)
    assert memory.person_by_role("minister") == ORIN
    assert memory.person_by_role("president") is None


def test_article_memory_merges_a_later_surname_mention_into_the_full_person() -> None:
    memory = ArticleMemory()
    memory.remember_person(ORIN)
    merged = memory.remember_person(ActorRef(name="Orin"))
    assert (merged.name, merged.country, merged.title) == ("Tamsin Orin", "TUR", "Defense Minister")
    assert memory.last_person == merged


def test_article_memory_context_country_prefers_the_dateline() -> None:
    memory = ArticleMemory(default_country="KAZ")
    memory.remember_country("TUR")
    assert memory.context_country() == "KAZ"


def test_article_memory_context_country_only_when_one_country_was_named() -> None:
    memory = ArticleMemory()
    assert memory.context_country() is None
    memory.remember_country("TUR")
    memory.remember_country("IGO")
    assert memory.context_country() == "TUR"
    memory.remember_country("GRC")
    assert memory.context_country() is None


def test_article_memory_copy_is_independent() -> None:
    memory = ArticleMemory()
    scratch = memory.copy()
    scratch.remember_person(ORIN)
    assert memory.last_person is None
    assert scratch.last_person == ORIN


def test_article_memory_body_for_matches_the_pronoun_number() -> None:
    memory = ArticleMemory()
    iran = ActorRef(name="Iran", country="IRN")
    memory.focus_body((iran,), plural=False)
    assert memory.body_for("it") == (iran,)
    assert memory.body_for("they") == ()
    pair = (ActorRef(name="Iran", country="IRN"), ActorRef(name="Iraq", country="IRQ"))
    memory.focus_body(pair, plural=True)
    assert memory.body_for("its") == ()
    assert memory.body_for("their") == pair


def test_article_memory_recent_country_skips_the_excluded_state_and_bodies() -> None:
    memory = ArticleMemory()
    for code in ("CHL", "IGO", "NLD"):
        memory.remember_country(code)
    assert memory.recent_country(excluding="NLD") == "CHL"
    assert memory.recent_country() == "NLD"
    assert ArticleMemory().recent_country() is None


@pytest.mark.parametrize(
    ("later", "same"),
    [
        ("Dana Okoro", False),  # a namesake
        ("Peter Okoro", True),
        ("P. Okoro", True),  # an initial
        ("Mr. Okoro", True),  # a word of address
        ("Okoro", True),
    ],
)
def test_memory_full_name_is_the_known_surname_only_with_its_given_name(
    later: str, same: bool
) -> None:
    memory = ArticleMemory()
    memory.remember_person(ActorRef(name="Peter Okoro", text="Peter Okoro", country="NGA"))
    known = memory.person_by_name(later)
    assert (known is not None and known.name == "Peter Okoro") is same


def test_memory_namesake_leaves_the_bare_surname_to_the_first_named() -> None:
    memory = ArticleMemory()
    memory.remember_person(ActorRef(name="Peter Okoro", text="Peter Okoro", country="NGA"))
    memory.remember_person(ActorRef(name="Dana Okoro", text="Dana Okoro", country=None))
    known = memory.person_by_name("Okoro")
    assert known is not None and known.name == "Peter Okoro"
