"""Migration 0008 on SQLite and PostgreSQL: the articles' tone and the country codes the
``events_flat`` view shows beside ISO-3."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from dyads.store.filters import EventFilter
from tests.conftest import make_coded

pytestmark = pytest.mark.integration


def _upgrade(engine: Any, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from dyads.store.engine import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def _write(engine: Any, coded: list[Any]) -> None:
    from dyads.store.writer import StoreWriter

    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch(coded, run_id=run_id)


def test_store_keeps_an_articles_tone_and_the_events_show_it(store_url: str) -> None:
    from dyads.store import open_store
    from dyads.store.query import get_article, iter_events

    engine = open_store(store_url)
    toned = make_coded(("Turkey and Kazakhstan discussed cooperation.",))
    toned = replace(toned, article=replace(toned.article, tone=-3.25))
    plain = make_coded(
        ("Greece and Turkey agreed on migration.",),
        site="b.example",
        events=(("AGREE", (("Greece", "GRC"),), (("Turkey", "TUR"),)),),
    )
    _write(engine, [toned, plain])

    view = get_article(engine, toned.article.id)
    assert view is not None and view.article.tone == -3.25
    other = get_article(engine, plain.article.id)
    assert other is not None and other.article.tone is None
    tones = {s.event.article_id: s.tone for s in iter_events(engine, filter=EventFilter())}
    assert tones == {toned.article.id: -3.25, plain.article.id: None}
    engine.dispose()


def test_country_codes_table_holds_the_packages_codes(store_url: str) -> None:
    """A change of ``data/countries.tsv`` needs a migration that rewrites the stored rows:
    this test fails until it has one."""
    from sqlalchemy import select

    from dyads.actors.tables import country_codes
    from dyads.store import open_store
    from dyads.store.schema import country_codes as table

    engine = open_store(store_url)
    with engine.connect() as conn:
        rows = conn.execute(select(table)).all()
    engine.dispose()
    assert len(rows) > 240
    for iso3, cown, gwn, fips in rows:
        codes = country_codes(iso3)
        assert codes is not None
        assert (cown, gwn, fips) == (codes.cown, codes.gwn, codes.fips), iso3
    assert ("TUR", 640, 640, "TU") in {tuple(row) for row in rows}


def test_migration_0008_keeps_stored_articles_with_a_null_tone(store_url: str) -> None:
    """A store written at revision 0007 is migrated: its article rows stay, their tone
    NULL, and the flat view answers with the new columns."""
    from sqlalchemy import text

    from dyads.store import open_store
    from dyads.store.query import get_article

    engine = open_store(store_url, migrate=False)
    _upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO documents (id, source, status) VALUES ('d1', 's', 'stored')")
        )
        conn.execute(
            text(
                "INSERT INTO stories (id, first_article_id, num_articles, num_sources)"
                " VALUES ('a1', 'a1', 1, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO articles (id, document_id, story_id, paragraphs, body, body_hash)"
                " VALUES ('a1', 'd1', 'a1', '[\"Old text.\"]', 'Old text.', 'h1')"
            )
        )
    _upgrade(engine, "head")

    view = get_article(engine, "a1")
    assert view is not None and view.article.tone is None
    with engine.connect() as conn:
        columns = conn.execute(text("SELECT * FROM events_flat")).keys()
    assert tuple(columns)[-7:] == (
        "actor_cown",
        "actor_gwn",
        "actor_fips",
        "recipient_cown",
        "recipient_gwn",
        "recipient_fips",
        "tone",
    )
    engine.dispose()


def test_migration_0008_downgrades_to_the_view_of_0007(store_url: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect, text

    from dyads.store import open_store
    from dyads.store.engine import MIGRATIONS

    engine = open_store(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    with engine.connect() as conn:
        columns = tuple(conn.execute(text("SELECT * FROM events_flat")).keys())
        assert columns[-1] == "evidence"
        assert "country_codes" not in inspect(conn).get_table_names()
        assert "tone" not in {c["name"] for c in inspect(conn).get_columns("articles")}
    engine.dispose()
