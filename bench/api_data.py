"""The synthetic store ``bench/api.py`` measures: events generated with a fixed seed and
bulk-inserted into the store's schema (parents first, in chunks).

Texts are generated here ("TUR officials accused KAZ on Monday."), so nothing is copied from
any outlet.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text

from dyads.store import open_store
from dyads.store.engine import normalise_url
from dyads.store.schema import (
    actors,
    articles,
    documents,
    event_actors,
    event_dyads,
    event_mentions,
    event_partners,
    events,
    stories,
)
from dyads.store.write_rows import dyad_rows, partner_rows

SEED = 20210205
# 40 countries drawn with Zipf weights (1/rank): the busiest pair holds about 5% of all
# events and most pairs a few dozen, roughly the shape of international news coverage.
COUNTRIES = (
    "USA",
    "CHN",
    "RUS",
    "UKR",
    "TUR",
    "KAZ",
    "IRN",
    "ISR",
    "FRA",
    "DEU",
    "GBR",
    "IND",
    "PAK",
    "JPN",
    "KOR",
    "PRK",
    "SYR",
    "IRQ",
    "EGY",
    "SAU",
    "BRA",
    "MEX",
    "NGA",
    "ZAF",
    "ETH",
    "KEN",
    "AFG",
    "POL",
    "ITA",
    "ESP",
    "CAN",
    "AUS",
    "IDN",
    "VNM",
    "PHL",
    "THA",
    "UZB",
    "AZE",
    "ARM",
    "GEO",
)
TYPES = (  # PLOVER type, quad class, Goldstein
    ("CONSULT", 1, 1.0),
    ("AGREE", 1, 4.8),
    ("SUPPORT", 1, 3.5),
    ("COOPERATE", 2, 6.0),
    ("AID", 2, 7.0),
    ("DEMAND", 3, -5.0),
    ("ACCUSE", 3, -2.0),
    ("THREATEN", 3, -6.0),
    ("SANCTION", 4, -8.0),
    ("ASSAULT", 4, -9.0),
)
VERBS = {
    "CONSULT": "met",
    "AGREE": "agreed with",
    "SUPPORT": "backed",
    "COOPERATE": "worked with",
    "AID": "sent aid to",
    "DEMAND": "demanded action from",
    "ACCUSE": "accused",
    "THREATEN": "threatened",
    "SANCTION": "sanctioned",
    "ASSAULT": "attacked",
}
EVENTS_PER_ARTICLE = 5
CHUNK = 5000  # rows per executemany: large enough to amortise round trips


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


WEIGHTS = [1 / rank for rank in range(1, len(COUNTRIES) + 1)]


def pick_country(rng: random.Random) -> str:
    return rng.choices(COUNTRIES, weights=WEIGHTS)[0]


def synthetic_rows(n_events: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table name, row) pairs of a store holding ``n_events`` events, parents first."""
    rng = random.Random(SEED)
    now = datetime.now(UTC)
    for code in COUNTRIES:
        yield "actors", {"id": sha(code), "name": code, "country": code, "sector": "GOV"}
    start = date(2015, 1, 1)
    for a in range(n_events // EVENTS_PER_ARTICLE):
        art = f"bench-{a:06d}"
        day = start + timedelta(days=rng.randrange(3650))
        specs = []
        for _ in range(EVENTS_PER_ARTICLE):
            actor, recipient = pick_country(rng), pick_country(rng)
            while recipient == actor:
                recipient = pick_country(rng)
            specs.append((actor, recipient, rng.choice(TYPES)[0]))
        sentences = [f"{x} officials {VERBS[t]} {y} on {day:%A}." for x, y, t in specs]
        body = "\n\n".join(sentences)
        yield "documents", {"id": sha(body), "source": art, "status": "stored"}
        yield (
            "stories",
            {
                "id": art,
                "first_article_id": art,
                "num_articles": 1,
                "num_sources": 1,
                "title": f"Report {a}",
            },
        )
        yield (
            "articles",
            {
                "id": art,
                "document_id": sha(body),
                "story_id": art,
                "source": art,
                "site": f"site{a % 50}.example.com",
                "title": f"Report {a}",
                "published": day.isoformat(),
                "published_date": day,
                "paragraphs": sentences,
                "body": body,
                "body_hash": sha(body),
                "method": "article-text",
                "confidence": 1.0,
            },
        )
        offset = 0
        for i, (spec, sentence) in enumerate(zip(specs, sentences, strict=True)):
            where = Where(article=art, index=i, offset=offset, sentence=sentence, day=day)
            yield from event_rows(where, spec, now)
            offset += len(sentence) + 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Where:
    """Where a synthetic event is reported: its article, sentence and offsets."""

    article: str
    index: int
    offset: int
    sentence: str
    day: date


def event_rows(
    where: Where, spec: tuple[str, str, str], now: datetime
) -> Iterator[tuple[str, dict[str, Any]]]:
    actor, recipient, kind = spec
    quad, goldstein = next((q, g) for t, q, g in TYPES if t == kind)
    event_id = sha(f"{where.article}|{where.index}")
    row = {
        "id": event_id,
        "event": kind,
        "mode": None,
        "contexts": [],
        "date": where.day,
        "date_method": "publication",
        "place_name": None,
        "place_country": None,
        "place_lat": None,
        "place_lon": None,
        "cameo": None,
        "quad": quad,
        "goldstein": goldstein,
        "confidence": 0.7,
        "story_id": where.article,
        "actor_key": actor,
        "recipient_key": recipient,
        "num_mentions": 1,
        "num_articles": 1,
        "num_sources": 1,
        "first_seen": now,
        "coder": "bench",
        "coder_version": "0",
    }
    yield "events", row
    for pair in dyad_rows(row):
        yield "event_dyads", pair
    for pair in partner_rows(row):  # none here: every event has a recipient
        yield "event_partners", pair
    yield (
        "event_actors",
        {"event_id": event_id, "role": "actor", "actor_id": sha(actor), "position": 0},
    )
    yield (
        "event_actors",
        {"event_id": event_id, "role": "recipient", "actor_id": sha(recipient), "position": 0},
    )
    offset, sentence = where.offset, where.sentence
    verb_at = offset + sentence.index(" officials ") + len(" officials ")
    yield (
        "event_mentions",
        {
            "id": sha(f"{event_id}|m"),
            "event_id": event_id,
            "article_id": where.article,
            "raw_event_id": event_id,
            "site": None,
            "sentence": sentence,
            "paragraph": where.index + 1,
            "sentence_index": where.index,
            "start_char": offset,
            "end_char": offset + len(sentence),
            "trigger_start": verb_at,
            "trigger_end": verb_at + len(VERBS[kind].split()[0]),
            "actor_spans": [[offset, offset + len(actor)]],
            "recipient_spans": [],
            "confidence": 0.7,
        },
    )


def build_store(url: str, n_events: int) -> None:
    """Fill the empty store at ``url`` (SQLite or PostgreSQL) with ``n_events`` events."""
    tables = {
        t.name: t
        for t in (
            actors,
            documents,
            stories,
            articles,
            events,
            event_dyads,
            event_partners,
            event_actors,
            event_mentions,
        )
    }
    engine = open_store(url)
    pending: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
    order = list(tables)  # parents before children

    def flush(conn: Any) -> None:
        for name in order:
            if pending[name]:
                conn.execute(insert(tables[name]), pending[name])
                pending[name] = []

    with engine.begin() as conn:
        for count, (name, row) in enumerate(synthetic_rows(n_events), 1):
            pending[name].append(row)
            if count % CHUNK == 0:
                flush(conn)
        flush(conn)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:  # fresh statistics, as autovacuum would give in time
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    engine.dispose()


def stored_events(url: str) -> int | None:
    """How many events the store at ``url`` holds, or None when it has no schema yet."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM events")).scalar_one())
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()


def postgres_schema_url(url: str, schema: str) -> str:
    """``url`` with its connections searching ``schema`` first, the schema created if
    missing: the bench's store lives apart from anything else in that database."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(normalise_url(url))
    admin = create_engine(parsed)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    admin.dispose()
    scoped = parsed.update_query_dict({"options": f"-csearch_path={schema}"})
    return scoped.render_as_string(hide_password=False)
