from __future__ import annotations

from datetime import UTC, date, datetime

from dyads.codec import dumps, loads
from dyads.records import (
    Article,
    BlockKind,
    BoilerplateBlock,
    CodedArticle,
    Dateline,
    Document,
    MediaType,
    Place,
)
from tests.conftest import make_article, make_document, make_event


def test_codec_round_trips_a_coded_article() -> None:
    article = make_article(
        paragraphs=("One.", "Two."),
        published=datetime(2021, 2, 5, 8, 55, tzinfo=UTC),
        dateline=Dateline(text="NUR SULTAN", place=Place(name="Astana", country="KAZ", lat=51.2)),
        boilerplate=(BoilerplateBlock(kind=BlockKind.TEASER, items=("A", "B"), heading="WORLD"),),
    )
    coded = CodedArticle(article=article, events=(make_event(article=article),))
    assert loads(CodedArticle, dumps(coded)) == coded


def test_codec_keeps_a_date_apart_from_a_datetime() -> None:
    article = make_article(published=date(2021, 2, 5))
    back = loads(Article, dumps(article))
    assert back.published == date(2021, 2, 5)
    assert not isinstance(back.published, datetime)


def test_codec_round_trips_a_document_with_enum() -> None:
    document = make_document("x", media_type=MediaType.HTML, url="https://a.example/b")
    assert loads(Document, dumps(document)) == document
