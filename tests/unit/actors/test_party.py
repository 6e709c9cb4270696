from __future__ import annotations

from typing import Any

import pytest

from dyads.actors import ActorFinder, ActorTables, ArticleMemory
from dyads.nlp.sentences import split_sentences
from dyads.records import ActorRef, Mention
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _find(parser: Any, tables: ActorTables, text: str, *, context: str) -> list[Mention]:
    article = make_article([text])
    sentences = split_sentences(article)
    docs = parser.parse([s.text for s in sentences])
    finder = ActorFinder(tables=tables)
    memory = ArticleMemory(default_country=context)
    found: list[Mention] = []
    for sentence, doc in zip(sentences, docs, strict=True):
        found.extend(finder.find(doc, sentence=sentence, memory=memory))
    return found


def _actor(mentions: list[Mention], text: str) -> ActorRef:
    actors = [m.actor for m in mentions if m.text == text and m.actor is not None]
    assert actors, f"no actor for {text!r} in {[m.text for m in mentions]}"
    return actors[0]


@pytest.mark.parametrize(
    ("text", "role", "country"),
    [
        # an office in the clause of a subject of known state: the subject's state
        (
            "U.S. Defense Secretary Jim Hollis landed on Friday. "
            "He is the first marine to serve as defense secretary.",
            "defense secretary",
            "USA",
        ),
        # a spokesman reporting what a government body did speaks for its state
        (
            "The Chinese government has complied with the rules, a Defense Ministry "
            "spokesman said on Monday.",
            "a Defense Ministry spokesman",
            "CHN",
        ),
        # the bare second of two coordinated nouns shares the first's state
        (
            "The Chinese government and navy have obeyed the new rules.",
            "navy",
            "CHN",
        ),
        # the object of the act is the other side: the article's context stays
        (
            "U.S. Defense Secretary Jim Hollis met the defense minister on Friday.",
            "the defense minister",
            "JPN",
        ),
        # a subject others report on says nothing of its state
        (
            "Army bulldozers razed three homes in the village, Palestinian officials said.",
            "Army",
            "JPN",
        ),
    ],
)
def test_find_office_takes_the_state_of_its_sentence_party(
    spacy_parser: Any, actor_tables: ActorTables, text: str, role: str, country: str
) -> None:
    mentions = _find(spacy_parser, actor_tables, text, context="JPN")
    assert _actor(mentions, role).country == country
