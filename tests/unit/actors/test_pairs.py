""" "The two sides", "both countries": the last two parties of different states named together."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.actors import ActorTables
from tests.conftest import find_in_article, named_countries

pytestmark = pytest.mark.slow


def test_both_countries_are_the_pair_named_together_not_the_last_state(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "The envoy said Chile and Peru must settle the fishing dispute.",
        "He noted that Chile buys gas from Bolivia.",
        "He urged both countries to return to the talks.",
    )
    assert sorted(named_countries(found[2], "both countries")) == ["CHL", "PER"]


def test_the_two_sides_after_two_modifiers_of_one_noun(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Qatar hosted talks between Israeli and Hamas negotiators in Doha on Sunday.",
        "The mediator urged the two sides to accept a pause in the fighting.",
    )
    assert sorted(named_countries(found[1], "the two sides")) == ["ISR", "PSE"]


def test_the_two_leaders_are_the_last_two_persons_named_together(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "French President Emmanuel Macron and German Chancellor Olaf Scholz met in Paris.",
        "Macron later said Spain and Italy should join the plan.",
        "A statement said the two leaders agreed to pool their gas purchases.",
    )
    assert sorted(named_countries(found[2], "the two leaders")) == ["DEU", "FRA"]


def test_the_two_ministers_are_the_two_sides_of_a_meeting(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Chile's Foreign Minister Alberto van Klaveren met with Peru's Foreign Minister "
        "Javier Gonzalez-Olaechea in Lima.",
        "The two ministers agreed to reopen the border crossing.",
    )
    assert sorted(named_countries(found[1], "The two ministers")) == ["CHL", "PER"]


def test_a_verb_with_an_object_that_is_no_meeting_names_no_pair(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "The envoy criticised Russia and China over the missile tests.",
        "He noted that China sells Iran fuel.",
        "He called on both countries to act.",
    )
    assert sorted(named_countries(found[2], "both countries")) == ["CHN", "RUS"]


def test_the_pair_named_together_most_often_wins_over_the_last(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Chile and Peru have long been rivals.",
        "In 1879 Chile and Peru fought a war.",
        "Lima has also courted Brazil and Argentina.",
        "Still, the two neighbours have made common cause at the United Nations.",
    )
    assert sorted(named_countries(found[3], "the two neighbours")) == ["CHL", "PER"]


def test_no_pair_named_means_no_party(spacy_parser: Any, actor_tables: ActorTables) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Kenya's opposition met officials of the ruling party on Monday.",
        "Both sides accused each other of bad faith.",
    )
    assert named_countries(found[1], "Both sides") == []


def test_two_states_of_a_settlement_formula_name_no_parties(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Egypt and Jordan backed the plan on Monday.",
        "The prime minister repeated his support for a solution of two states in a speech.",
    )
    assert not [m for m in found[1] if "two states" in m.text]


def test_the_prefilter_lets_pair_phrases_and_honorifics_through(
    actor_tables: ActorTables,
) -> None:
    assert actor_tables.might_name_actor("the two sides signed a memorandum on energy.")
    assert actor_tables.might_name_actor("both countries agreed to widen trade.")
    assert actor_tables.might_name_actor("Later, Ms. Okafor denied the reports.")
    assert not actor_tables.might_name_actor("sides of the road were flooded.")
