"""The only fixture file: paths, builders of records, and the ../shared guard."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from dyads.records import (
    ActorRef,
    Article,
    BoilerplateBlock,
    Document,
    Event,
    Evidence,
    MediaType,
    content_id,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHARED = Path(os.environ.get("DYADS_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (or ``$DYADS_SHARED``); skip when it is absent."""
    if not (SHARED / "seed").is_dir():
        pytest.skip(f"needs the evaluation data in {SHARED} (../shared beside the checkout)")
    return SHARED


@pytest.fixture(scope="session")
def seed_page(shared_dir: Path) -> Path:
    pages = sorted((shared_dir / "seed").glob("*.txt"))
    if not pages:
        pytest.skip(f"no seed page in {shared_dir / 'seed'}")
    return pages[0]


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return GOLDEN


def make_document(
    text: str = "Body.", *, media_type: MediaType = MediaType.PAGE_TEXT, **fields: Any
) -> Document:
    fields.setdefault("source", "test")
    return Document(id=content_id(text), media_type=media_type, text=text, **fields)


def make_article(
    paragraphs: tuple[str, ...] = ("Turkey and Kazakhstan discussed cooperation.",),
    **fields: Any,
) -> Article:
    body = "\n\n".join(paragraphs)
    fields.setdefault("id", content_id(body))
    fields.setdefault("document_id", fields["id"])
    fields.setdefault("source", "test")
    fields.setdefault("published", date(2021, 2, 5))
    fields.setdefault("method", "article-text")
    fields.setdefault("confidence", 1.0)
    fields.setdefault("boilerplate", (BoilerplateBlock(kind="teaser", items=("Other news",)),))
    return Article(paragraphs=paragraphs, **fields)


def make_event(
    *,
    article: Article | None = None,
    event: str = "CONSULT",
    actors: tuple[tuple[str, str], ...] = (("Turkey", "TUR"),),
    recipients: tuple[tuple[str, str], ...] = (("Kazakhstan", "KAZ"),),
    when: date = date(2021, 2, 4),
    **fields: Any,
) -> Event:
    article = article or make_article()
    sentence = article.paragraphs[0]
    fields.setdefault("id", content_id(f"{article.id}|{event}|{actors}|{recipients}|{when}"))
    fields.setdefault("confidence", 0.8)
    return Event(
        article_id=article.id,
        event=event,
        actors=tuple(ActorRef(name=n, text=n, country=c, sector="GOV") for n, c in actors),
        recipients=tuple(ActorRef(name=n, text=n, country=c, sector="GOV") for n, c in recipients),
        date=when,
        date_method="explicit",
        evidence=(
            Evidence(sentence=sentence, paragraph=1, sentence_index=0, start=0, end=len(sentence)),
        ),
        **fields,
    )


@pytest.fixture
def builders() -> Iterator[Any]:
    """The record builders, for tests that prefer a fixture to an import."""

    class _Builders:
        document = staticmethod(make_document)
        article = staticmethod(make_article)
        event = staticmethod(make_event)

    yield _Builders


__all__ = ["datetime", "make_article", "make_document", "make_event"]
