"""The Python API for a notebook: stored events, dyad series and aggregates as pandas
DataFrames, and the pipeline on one text or page.

>>> import dyads
>>> events = dyads.read_events(db="sqlite:///dyads.db", actor="TUR", since="2021-01-01")
>>> events.groupby([events.date.dt.to_period("M"), "event"]).size()
>>> dyads.aggregate(db="sqlite:///dyads.db", by="country", period="year")
>>> dyads.code_text("Turkey and Kazakhstan signed a transit agreement.", date="2021-02-04")

``db`` is a store URL (``sqlite:///path``, ``postgresql://...``), a path to a SQLite file, an
``Engine`` from ``dyads.store.open_store``, or None for ``$DYADS_DB`` (else
``sqlite:///dyads.db``). The filters are those of ``dyads events``: ``actor``,
``recipient``, ``between`` (two codes), ``type``, ``since``, ``until`` (dates or ISO text)
and ``text``.

pandas is imported inside the functions that return DataFrames (the ``analysis`` extra:
``pip install 'dyads[analysis]'``); spaCy is loaded on the first ``code_text`` call and the
opened pipeline kept for later calls.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from dyads.records import Article, Document, Event, MediaType, content_id

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.engine import Engine

    from dyads.pipeline import Pipeline
    from dyads.store.filters import EventFilter

logger = logging.getLogger(__name__)

INSTALL_HINT = "pandas is needed for DataFrames: pip install 'dyads[analysis]'"

# Column types of the flat event columns (the CSV export's): every other column is text.
# Keyed by column name, so a column the export adds is read as text until it is named here.
_DATE_COLUMNS = ("date",)
_INTEGER_COLUMNS = ("quad", "num_mentions", "num_articles", "num_sources")
_FLOAT_COLUMNS = ("goldstein", "confidence", "lat", "lon", "tone")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return pandas


@contextmanager
def _engine(db: str | Engine | None) -> Iterator[Engine]:
    """The store ``db`` names, opened (and closed after) unless it came open."""
    if db is not None and not isinstance(db, str):
        yield db
        return
    from dyads.settings import Settings
    from dyads.store import open_store

    engine = open_store(db or Settings().db)
    try:
        yield engine
    finally:
        engine.dispose()


def _day(value: dt.date | str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def event_filter(**filters: Any) -> EventFilter:
    """The ``EventFilter`` of keyword filters, dates given as ``date`` or ISO text."""
    from dyads.store.filters import EventFilter

    known = {"actor", "recipient", "between", "type", "since", "until", "text"}
    unknown = sorted(set(filters) - known)
    if unknown:
        raise TypeError(f"unknown filter(s) {', '.join(unknown)}; known: {', '.join(known)}")
    between = filters.get("between")
    return EventFilter(
        actor=filters.get("actor"),
        recipient=filters.get("recipient"),
        between=None if between is None else (between[0], between[1]),
        type=filters.get("type"),
        since=_day(filters.get("since")),
        until=_day(filters.get("until")),
        text=filters.get("text"),
    )


def read_events(
    *, db: str | Engine | None = None, limit: int | None = None, **filters: Any
) -> pd.DataFrame:
    """One row per stored event the filters select (newest first, undated last), with the
    flat columns of the CSV export (``dyads export --format csv``): lists such as
    ``actor_countries`` are ``;``-joined, ``date`` is a datetime64 column, counts and scores
    are numbers, and an empty cell is missing (NA)."""
    from dyads.export.csv import CSV_COLUMNS, csv_row
    from dyads.store.query import iter_events

    pd = _pandas()
    flt = event_filter(**filters)
    with _engine(db) as engine:
        stored = islice(iter_events(engine, filter=flt), limit)
        rows = [csv_row(s) for s in stored]
    frame = pd.DataFrame(rows, columns=list(CSV_COLUMNS), dtype="string")
    return _typed(frame.replace("", pd.NA), pd)


def _typed(frame: pd.DataFrame, pd: Any) -> pd.DataFrame:
    for name in frame.columns:
        if name in _DATE_COLUMNS:
            frame[name] = pd.to_datetime(frame[name], format="ISO8601")
        elif name in _INTEGER_COLUMNS:
            frame[name] = pd.to_numeric(frame[name]).astype("Int64")
        elif name in _FLOAT_COLUMNS:
            frame[name] = pd.to_numeric(frame[name]).astype("Float64")
    return frame


def read_dyads(
    *,
    between: tuple[str, str],
    by: str = "month",
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    db: str | Engine | None = None,
) -> pd.DataFrame:
    """The series of ``dyads dyad A B``: one row per period from the first dated event
    between the two to the last (quiet periods as zeros), with events per quad class
    (``quad1`` .. ``quad4``), ``events`` and ``goldstein_mean``. Events count in either
    direction, and joint actions of the two count too."""
    from dyads.store.summary import dyad_series

    pd = _pandas()
    a, b = between[0].upper(), between[1].upper()
    with _engine(db) as engine:
        series = dyad_series(engine, a, b, by=by, since=_day(since), until=_day(until))
    rows = [(a, b, p.period, p.start, *p.counts, p.total, p.goldstein_mean) for p in series]
    columns = ["country_a", "country_b", "period", "start"]
    columns += ["quad1", "quad2", "quad3", "quad4", "events", "goldstein_mean"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["start"] = pd.to_datetime(frame["start"])
    return frame


def aggregate(
    *,
    by: str = "country",
    period: str = "month",
    directed: bool = True,
    side: str = "any",
    db: str | Engine | None = None,
    **filters: Any,
) -> pd.DataFrame:
    """The rows of ``dyads aggregate`` (what a row counts: ``dyads.store.aggregate``):
    one per country (``by="country"``) or dyad (``by="dyad"``) and period, with events per
    PLOVER type and quad class, mean and summed Goldstein score, mentions and sources."""
    from dyads.store.aggregate import (
        AggregateOptions,
        aggregate_columns,
        aggregate_events,
        aggregate_record,
    )

    pd = _pandas()
    options = AggregateOptions(by=by, period=period, directed=directed, side=side)
    with _engine(db) as engine:
        rows = aggregate_events(engine, options=options, filter=event_filter(**filters))
    records = [aggregate_record(row) for row in rows]
    frame = pd.DataFrame(records, columns=list(aggregate_columns(options)))
    frame["start"] = pd.to_datetime(frame["start"])
    frame["goldstein_mean"] = frame["goldstein_mean"].astype("Float64")
    return frame


@cache
def _pipeline(stages: tuple[str, ...]) -> Pipeline:
    """The opened pipeline of ``stages``, built once per process (spaCy loads in seconds)."""
    from dyads.registry import build_pipeline

    pipeline = build_pipeline(stages)
    pipeline.open()
    return pipeline


def _document(text: str, *, media_type: MediaType, **hints: Any) -> Document:
    return Document(id=content_id(text), source="python", media_type=media_type, text=text, **hints)


def code_text(
    text: str, *, date: dt.date | str | None = None, title: str | None = None
) -> list[Event]:
    """The PLOVER events of an article body ``text`` (already clean: paragraphs separated by
    blank lines), as ``dyads code`` gives them. ``date`` is the publication date that
    relative dates ("on Tuesday") resolve against. Text the coder drops (no article, a
    language with no resources) gives no events, with the reason logged."""
    from dyads.records import CodedArticle
    from dyads.registry import CODE

    document = _document(text, media_type=MediaType.ARTICLE_TEXT, published=_day(date), title=title)
    result, dropped = _pipeline(CODE).process(document)
    if dropped is not None or not isinstance(result, CodedArticle):
        logger.info("no events from the text: %s", dropped)
        return []
    return list(result.events)


def extract(page: str, *, url: str | None = None, html: bool | None = None) -> Article:
    """The clean article of a raw page: HTML, or the text of a rendered page (as
    ``dyads extract`` reads a ``.txt`` dump). ``html`` says which (None: HTML when the page
    opens as an HTML document does). Raises ``NoArticleFound`` when the page holds no
    article."""
    from dyads.errors import NoArticleFound
    from dyads.ingest.base import looks_like_html
    from dyads.registry import EXTRACT

    if html is None:
        html = looks_like_html(page[:4096].encode("utf-8", "replace"))
    media_type = MediaType.HTML if html else MediaType.PAGE_TEXT
    result, dropped = _pipeline(EXTRACT).process(_document(page, media_type=media_type, url=url))
    if dropped is not None or not isinstance(result, Article):
        raise NoArticleFound(f"no article in the page: {dropped}")
    return result
