"""Rows of the store's tables back into the pipeline's records.

Each function takes a SQLAlchemy ``Row`` (or any mapping with the column names of
``schema.py``) and returns a frozen record; nothing here talks to the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from dyads.records import (
    ActorRef,
    Article,
    BlockKind,
    BoilerplateBlock,
    Dateline,
    Event,
    Evidence,
    Place,
    Span,
)

Row = Mapping[Any, Any]  # a SQLAlchemy RowMapping, or any mapping of column names


def parse_published(value: str | None) -> datetime | date | None:
    """``articles.published`` holds ISO text: a bare date, or a datetime with its zone."""
    if not value:
        return None
    if len(value) == len("2021-02-04"):
        return date.fromisoformat(value)
    return datetime.fromisoformat(value)


def spans(value: Sequence[Sequence[int]] | None) -> tuple[Span, ...]:
    return tuple(Span(start=int(s), end=int(e)) for s, e in value or ())


def evidence_from_row(row: Row) -> Evidence:
    """An ``event_mentions`` row as the evidence it records."""
    trigger = None
    if row["trigger_start"] is not None and row["trigger_end"] is not None:
        trigger = Span(start=row["trigger_start"], end=row["trigger_end"])
    return Evidence(
        sentence=row["sentence"],
        paragraph=row["paragraph"],
        sentence_index=row["sentence_index"],
        start=row["start_char"],
        end=row["end_char"],
        trigger=trigger,
        actor_spans=spans(row["actor_spans"]),
        recipient_spans=spans(row["recipient_spans"]),
        article_id=row["article_id"],
    )


def actor_from_row(row: Row) -> ActorRef:
    """An ``actors`` row. The store keeps one actor per name/country/sector/title, so the
    text as written in a sentence is not kept: the name stands in for it."""
    return ActorRef(
        name=row["name"],
        text=row["name"],
        country=row["country"],
        sector=row["sector"],
        title=row["title"],
    )


def event_place(row: Row) -> Place | None:
    if row["place_name"] is None:
        return None
    return Place(
        name=row["place_name"],
        country=row["place_country"],
        lat=row["place_lat"],
        lon=row["place_lon"],
    )


def event_from_row(
    row: Row,
    *,
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...],
    evidence: tuple[Evidence, ...],
) -> Event:
    """An ``events`` row with its actors and evidence. The event's ``article_id`` is the
    article of its first evidence sentence (the events table holds no single article)."""
    return Event(
        id=row["id"],
        article_id=evidence[0].article_id or "" if evidence else "",
        event=row["event"],
        mode=row["mode"],
        contexts=tuple(row["contexts"] or ()),
        actors=actors,
        recipients=recipients,
        date=row["date"],
        date_method=row["date_method"],
        place=event_place(row),
        evidence=evidence,
        confidence=row["confidence"],
        coder=row["coder"],
        coder_version=row["coder_version"],
        cameo=row["cameo"],
        quad=row["quad"],
        goldstein=row["goldstein"],
    )


def dateline_from_row(row: Row) -> Dateline | None:
    if row["dateline_text"] is None:
        return None
    place = None
    if row["dateline_place"] is not None:
        place = Place(
            name=row["dateline_place"],
            country=row["dateline_country"],
            lat=row["dateline_lat"],
            lon=row["dateline_lon"],
        )
    return Dateline(text=row["dateline_text"], place=place)


def block_from_row(row: Row) -> BoilerplateBlock:
    kind = row["kind"]
    return BoilerplateBlock(
        kind=BlockKind(kind) if kind in BlockKind._value2member_map_ else BlockKind.OTHER,
        items=tuple(row["items"] or ()),
        heading=row["heading"],
    )


def article_from_row(row: Row, blocks: Iterable[Row]) -> Article:
    """An ``articles`` row and its ``boilerplate_blocks`` rows (in position order)."""
    return Article(
        id=row["id"],
        document_id=row["document_id"],
        source=row["source"] or "",
        url=row["url"],
        site=row["site"],
        title=row["title"],
        published=parse_published(row["published"]),
        dateline=dateline_from_row(row),
        byline=row["byline"],
        language=row["language"],
        paragraphs=tuple(row["paragraphs"] or ()),
        boilerplate=tuple(block_from_row(b) for b in blocks),
        method=row["method"] or "",
        tone=row.get("tone"),
        confidence=row["confidence"] or 0.0,
    )
