"""Stories: an article joins the story of an exact or near-duplicate stored article."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import distinct, func, select, tuple_
from sqlalchemy.engine import Connection

from dyads.dedup.articles import Candidate, Fingerprint, best_story
from dyads.records import Article
from dyads.store.schema import article_bands, articles, stories
from dyads.store.sql import insert_ignore, update_by_id


def find_story(conn: Connection, fingerprint: Fingerprint) -> str | None:
    """The story of a stored article with the same body or a near-duplicate one."""
    exact = conn.execute(
        select(func.min(articles.c.story_id)).where(articles.c.body_hash == fingerprint.body_hash)
    ).scalar()
    if exact is not None:
        return str(exact)
    if fingerprint.signature is None:
        return None
    rows = conn.execute(
        select(article_bands.c.article_id, article_bands.c.story_id, articles.c.minhash)
        .distinct()
        .join(articles, articles.c.id == article_bands.c.article_id)
        .where(tuple_(article_bands.c.band, article_bands.c.bucket).in_(fingerprint.bands))
    ).all()
    candidates = [
        Candidate(article_id=row.article_id, story_id=row.story_id, signature=row.minhash)
        for row in rows
        if row.minhash is not None
    ]
    return best_story(fingerprint.signature, candidates)


def create_story(conn: Connection, article: Article) -> str:
    """A new story whose first article is ``article``; its id is the article's id."""
    insert_ignore(
        conn,
        stories,
        [
            {
                "id": article.id,
                "title": article.title,
                "first_article_id": article.id,
                "num_articles": 0,
                "num_sources": 0,
                "first_published": article.published.isoformat() if article.published else None,
            }
        ],
    )
    return article.id


def add_bands(conn: Connection, *, article_id: str, story_id: str, fp: Fingerprint) -> None:
    rows = [
        {"band": band, "bucket": bucket, "article_id": article_id, "story_id": story_id}
        for band, bucket in fp.bands
    ]
    insert_ignore(conn, article_bands, rows)


def refresh_stories(conn: Connection, story_ids: Collection[str]) -> None:
    """Recount articles and sites and the first publication of each story."""
    if not story_ids:
        return
    rows = conn.execute(
        select(
            articles.c.story_id,
            func.count().label("n"),
            func.count(distinct(articles.c.site)).label("sites"),
        )
        .where(articles.c.story_id.in_(sorted(story_ids)))
        .group_by(articles.c.story_id)
    ).all()
    first = _first_published(conn, story_ids)
    update_by_id(
        conn,
        stories,
        [
            {
                "row_id": row.story_id,
                "num_articles": row.n,
                # an article without a known site still comes from one source
                "num_sources": max(1, row.sites),
                "first_published": first.get(row.story_id),
            }
            for row in rows
        ],
        columns=("num_articles", "num_sources", "first_published"),
    )


def _first_published(conn: Connection, story_ids: Collection[str]) -> dict[str, str]:
    """The earliest publication per story, compared by date and then by the ISO text."""
    rows = conn.execute(
        select(articles.c.story_id, articles.c.published)
        .where(articles.c.story_id.in_(sorted(story_ids)))
        .where(articles.c.published.is_not(None))
    ).all()
    first: dict[str, str] = {}
    for row in rows:
        current = first.get(row.story_id)
        if current is None or _when(row.published) < _when(current):
            first[row.story_id] = row.published
    return first


def _when(iso: str) -> tuple[str, str]:
    # ISO dates and datetimes both start with the day: compare days first, then the rest.
    return (iso[:10], iso)
