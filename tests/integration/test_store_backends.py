"""The store on SQLite and PostgreSQL: one suite, run unchanged against both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from dyads.store.engine import open_store
from dyads.store.schema import PG_FTS_COLUMN, events, is_managed, metadata, stories
from dyads.store.writer import StoreWriter
from tests.conftest import make_coded

pytestmark = pytest.mark.integration

# An invented wire story; each copy below changes a word or two, as outlets do.
WIRE = (
    "Ministers from Turkey and Kazakhstan met in the capital on Thursday to discuss a new "
    "rail corridor that would carry freight across the Caspian Sea and on to ports on the "
    "Black Sea, officials said after the talks.",
    "The two governments agreed to form a joint working group that will report within three "
    "months on tariffs, customs checks at the ports and the cost of new rolling stock, "
    "according to a statement released by the foreign ministry in the evening.",
    "Trade between the two countries has grown steadily over the past decade, driven by "
    "energy, construction and textiles, and both sides said they hoped to double it by the "
    "end of the decade if the corridor opens on schedule.",
)
EDITS = [
    ("", ""),
    ("Thursday", "Thursday afternoon"),
    ("officials said", "officials told reporters"),
    ("steadily", "rapidly"),
    ("joint working group", "working group"),
    ("in the evening", "late in the evening"),
    ("double it", "triple it"),
    ("textiles", "farm goods"),
    ("Ministers from", "Senior ministers from"),
    ("three months", "90 days"),
]


@pytest.fixture
def store(store_url: str) -> Iterator[Engine]:
    engine = open_store(store_url)
    yield engine
    engine.dispose()


def syndicated() -> list[object]:
    copies = []
    for n, (old, new) in enumerate(EDITS):
        paragraphs = tuple(p.replace(old, new) if old else p for p in WIRE)
        copies.append(make_coded(paragraphs, site=f"outlet{n}.example.net"))
    return copies


def test_store_schema_matches_the_metadata(store: Engine) -> None:
    with store.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": is_managed})
        assert compare_metadata(context, metadata) == []


def test_store_ten_syndicated_copies_make_one_story(store: Engine) -> None:
    result = StoreWriter(store).write_batch(syndicated(), run_id="r1")  # type: ignore[arg-type]
    assert (result.stored, result.stories, result.joined) == (10, 1, 9)
    assert (result.events_new, result.events_merged) == (1, 9)
    with store.connect() as conn:
        story = conn.execute(select(stories.c.num_articles, stories.c.num_sources)).one()
        event = conn.execute(
            select(events.c.num_mentions, events.c.num_articles, events.c.num_sources)
        ).one()
    assert tuple(story) == (10, 10)
    assert tuple(event) == (10, 10, 10)


def test_store_rerun_adds_nothing(store: Engine) -> None:
    writer = StoreWriter(store)
    writer.write_batch(syndicated()[:4], run_id="r1")  # type: ignore[arg-type]
    writer.write_batch(syndicated()[4:], run_id="r1")  # type: ignore[arg-type]
    again = writer.write_batch(syndicated(), run_id="r2")  # type: ignore[arg-type]
    assert (again.stored, again.skipped, again.events_new, again.events_merged) == (0, 10, 0, 0)
    with store.connect() as conn:
        mentions = conn.execute(text("SELECT count(*) FROM event_mentions")).scalar()
        num = conn.execute(select(events.c.num_articles)).scalar()
    assert (mentions, num) == (10, 10)


def test_store_full_text_search(store: Engine) -> None:
    StoreWriter(store).write_batch(syndicated()[:3], run_id="r1")  # type: ignore[arg-type]
    if store.dialect.name == "postgresql":
        query = (
            f"SELECT count(*) FROM articles "
            f"WHERE {PG_FTS_COLUMN} @@ websearch_to_tsquery('english', :q)"
        )
    else:
        query = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q"
    with store.connect() as conn:
        assert conn.execute(text(query), {"q": "caspian"}).scalar() == 3
        assert conn.execute(text(query), {"q": "volcano"}).scalar() == 0


def _joint_action() -> object:
    """An agreement of Japan and South Korea with no recipient, as the coder writes one."""
    from dyads.records import CodedArticle
    from tests.conftest import make_article, make_event

    article = make_article(("Japan and South Korea agreed on a new fisheries quota.",))
    event = make_event(
        article=article,
        event="AGREE",
        actors=(("Japan", "JPN"), ("South Korea", "KOR")),
        recipients=(),
    )
    return CodedArticle(article=article, events=(event,))


def _partner_pairs(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT country, partner FROM event_partners ORDER BY 1, 2"))
        return [(row.country, row.partner) for row in rows]


def test_store_a_joint_action_is_between_its_actors(store: Engine) -> None:
    from dyads.store.filters import EventFilter
    from dyads.store.query import dyad_series, query_events

    writer = StoreWriter(store)
    writer.write_batch(
        [_joint_action()], run_id=writer.start_run(command="t", inputs=[], settings={})
    )
    assert _partner_pairs(store) == [("JPN", "KOR"), ("KOR", "JPN")]
    for pair in (("JPN", "KOR"), ("kor", "jpn")):
        found = query_events(store, filter=EventFilter(between=pair)).items
        assert [s.event.event for s in found] == ["AGREE"]
    assert [p.total for p in dyad_series(store, "KOR", "JPN")] == [1]
    # neither country is the other's recipient, and a country is no dyad with itself
    for flt in (
        EventFilter(recipient="KOR"),
        EventFilter(between=("JPN", "JPN")),
        EventFilter(between=("JPN", "KOR"), recipient="KOR"),
    ):
        assert query_events(store, filter=flt).items == ()
    assert len(query_events(store, filter=EventFilter(actor="KOR")).items) == 1


def test_store_migration_0004_adds_the_joint_actions_already_stored(store_url: str) -> None:
    """A store written before ``event_partners`` existed gets its rows when it is opened."""
    from alembic import command
    from alembic.config import Config

    from dyads.store.engine import MIGRATIONS

    engine = open_store(store_url)
    writer = StoreWriter(engine)
    writer.write_batch(
        [_joint_action()], run_id=writer.start_run(command="t", inputs=[], settings={})
    )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == "0003"
    engine.dispose()
    engine = open_store(store_url)
    assert _partner_pairs(engine) == [("JPN", "KOR"), ("KOR", "JPN")]
    engine.dispose()
