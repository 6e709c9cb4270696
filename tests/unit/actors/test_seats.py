"""The place in a body's own name: "Saskatoon police", "the Tainan Police Department"."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.actors import ActorFinder, ActorTables, ArticleMemory
from dyads.nlp.sentences import split_sentences
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _countries(parser: Any, tables: ActorTables, text: str, word: str) -> list[str | None]:
    article = make_article((text,))
    (sentence,) = split_sentences(article)
    (doc,) = parser.parse([sentence.text])
    found = ActorFinder(tables=tables).find(doc, sentence=sentence, memory=ArticleMemory())
    return [m.actor.country for m in found if m.actor is not None and word in m.text]


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        # the small model reads the town as a person before the role noun
        ("On Monday, Saskatoon police said two men were arrested.", "police", "CAN"),
        ("The Tainan Police Department said the officer was disciplined.", "Police", "TWN"),
        ("Wajir governor Ahmed Abdullahi opened the market.", "Abdullahi", "KEN"),
    ],
)
def test_a_body_named_for_a_city_takes_its_country(
    spacy_parser: Any, actor_tables: ActorTables, text: str, word: str, country: str
) -> None:
    assert country in _countries(spacy_parser, actor_tables, text, word)


def test_a_team_named_for_a_city_is_no_office_of_it(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    assert "USA" not in _countries(
        spacy_parser, actor_tables, "The Detroit Lions fans booed the referee.", "fans"
    )


@pytest.mark.parametrize(
    ("text", "word", "absent"),
    [
        # a country's name that ends a longer name: an electorate, a state, a company
        ("Te Tai Tonga MP Aroha Wiremu opened the debate in Parliament.", "MP", "TON"),
        ("The governor of New Mexico criticised the border wall.", "governor", "MEX"),
        ("Air India cancelled its flights to Tel Aviv.", "Air India", "IND"),
        # waters named after a country
        ("A destroyer sailed into the Sea of Japan on Monday.", "Japan", "JPN"),
        # a happening named after a country
        ("China criticized the Panama Papers on Tuesday.", "Panama", "PAN"),
    ],
)
def test_a_country_name_inside_a_longer_name_is_not_the_country(
    spacy_parser: Any, actor_tables: ActorTables, text: str, word: str, absent: str
) -> None:
    assert absent not in _countries(spacy_parser, actor_tables, text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a country's name that begins a person's name is a first name
        ("Jordan Peterson criticised the Canadian government on Monday.", "Peterson"),
        ("Singer Chad Kroeger criticised the Canadian government on Monday.", "Kroeger"),
        # a table name that ends a person's name is a surname
        ("The new provincial chair, Sipho Duma, criticised the Canadian envoy.", "Duma"),
    ],
)
def test_a_country_name_as_a_first_name_is_not_the_country(
    spacy_parser: Any, actor_tables: ActorTables, text: str, word: str
) -> None:
    assert not {"JOR", "TCD", "RUS"} & set(_countries(spacy_parser, actor_tables, text, word))


def test_a_country_before_an_office_or_a_listed_leader_stays_the_country(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "Chad President Mahamat Deby met French officials in Paris."
    assert "TCD" in _countries(spacy_parser, actor_tables, text, "Deby")


def test_a_photo_credit_before_a_country_leaves_the_country(
    spacy_parser: Any, actor_tables: ActorTables
) -> None:
    text = "AFP Chile sent a frigate to the disputed waters."
    assert "CHL" in _countries(spacy_parser, actor_tables, text, "Chile")
