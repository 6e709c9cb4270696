""" "The North", "the South": the halves of a divided country once the article has named it."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.actors import ActorTables
from tests.conftest import find_in_article, named_countries

pytestmark = pytest.mark.slow


def test_the_north_and_the_south_of_a_korean_story(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "North Korea fired three missiles toward Japan on Monday, South Korea's army said.",
        "South Korea said the North fired the missiles from the western town of Hwangju.",
        "The South condemned the launch.",
    )
    assert named_countries(found[1], "the North") == ["PRK"]
    assert named_countries(found[2], "The South") == ["KOR"]


def test_the_halves_stay_unnamed_where_the_state_was_not_named(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Sudan said on Monday that the North was calm and the South was not.",
        "South Korea said the North was calm.",
    )
    named = [m.actor.country for s in found for m in s if m.actor and "North" in m.text]
    named += [m.actor.country for s in found for m in s if m.actor and m.text == "the South"]
    assert named == []
