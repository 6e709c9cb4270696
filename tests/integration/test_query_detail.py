from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyads.records import BlockKind
from dyads.store.filters import EventFilter
from dyads.store.query import get_article, get_event, query_events

pytestmark = pytest.mark.integration


def _merged_accusation(engine: Any) -> Any:
    flt = EventFilter(between=("RUS", "UKR"), type="ACCUSE")
    (stored,) = query_events(engine, filter=flt).items
    return stored


def test_get_event_returns_every_mention_with_its_article(query_engine: Any) -> None:
    stored = _merged_accusation(query_engine)
    detail = get_event(query_engine, stored.event.id)
    assert detail is not None
    assert detail.stored.event.id == stored.event.id
    assert [a.country for a in detail.stored.event.actors] == ["RUS"]
    assert len(detail.mentions) == 2
    first, second = detail.mentions
    assert first.evidence.sentence.startswith("Russia accused Ukraine")
    assert second.evidence.sentence.startswith("Moscow blamed Kyiv")
    assert (first.site, second.site) == ("c.example", "h.example")
    assert first.url is not None and first.url.startswith("https://c.example/")
    assert first.published == date(2021, 3, 1)
    assert first.title == "Accuse report"
    assert len(detail.stored.event.evidence) == 2


def test_get_event_of_an_unknown_id_is_none(query_engine: Any) -> None:
    assert get_event(query_engine, "0" * 64) is None


def test_get_article_gives_paragraphs_boilerplate_and_evidence_offsets(query_engine: Any) -> None:
    stored = query_events(query_engine, filter=EventFilter(text="questions")).items[0]
    view = get_article(query_engine, stored.event.article_id)
    assert view is not None
    article = view.article
    assert article.paragraphs[1] == "The ministers did not take questions."
    assert article.site == "a.example"
    assert article.published == date(2021, 2, 4)
    assert [b.kind for b in article.boilerplate] == [BlockKind.TEASER]
    assert article.boilerplate[0].items == ("Other news",)
    (mark,) = view.evidence
    assert mark.event == "CONSULT"
    assert mark.event_id == stored.event.id
    assert article.body[mark.start : mark.end] == mark.sentence == article.paragraphs[0]


def test_get_article_of_an_unknown_id_is_none(query_engine: Any) -> None:
    assert get_article(query_engine, "no-such-article") is None
