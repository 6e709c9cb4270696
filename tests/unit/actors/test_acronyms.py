"""Acronyms an article defines mean what the article made them mean."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.actors import ActorTables
from dyads.records import Mention
from tests.conftest import find_in_article

pytestmark = pytest.mark.slow


def _countries(mentions: list[Mention], word: str) -> list[str | None]:
    return [m.actor.country for m in mentions if m.actor is not None and word in m.text]


def test_initials_of_a_body_named_before_beat_the_table(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Leaders of Bangladesh's parties met the Bangladeshi Election Commission on Sunday.",
        "The EC has been holding talks on the next vote.",
    )
    assert _countries(found[1], "EC") == ["BGD"]


def test_a_bracketed_acronym_stands_for_the_body_before_it(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Myanmar's National Unity Government (NUG) condemned the executions.",
        "The NUG called for sanctions on the generals.",
    )
    assert _countries(found[1], "NUG") == ["MMR"]


def test_an_acronym_the_article_did_not_define_keeps_its_table_meaning(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    found = find_in_article(
        spacy_parser,
        actor_tables,
        "Kenyan President William Ruto met farmers on Monday.",
        "The EU said it would fund the new dam.",
    )
    (_, _, entry), *_ = actor_tables.find_names("The EU said")
    assert _countries(found[1], "EU") == [entry.code]
