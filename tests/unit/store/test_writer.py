from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from dyads.records import CodedArticle, Rejection
from dyads.store.engine import open_store
from dyads.store.schema import events, stories
from dyads.store.writer import StoreWriter
from tests.conftest import make_coded

TALKS = (
    "The foreign ministers of Turkey and Kazakhstan held talks in the capital on Thursday "
    "about a rail corridor across the Caspian Sea, the ministry said in a statement. Both "
    "sides agreed to set up a working group that will report within three months on freight "
    "tariffs, customs checks at the ports and the financing of new rolling stock for the line."
)
FLOODS = (
    "Heavy rain flooded several villages in the north of the country on Sunday and rescue "
    "teams moved hundreds of families to schools and sports halls, the regional governor "
    "said. Roads to two mountain towns were closed and the weather service warned of more "
    "storms before the end of the week, while the army sent trucks with food and blankets."
)
CONTENT_TABLES = (
    "documents",
    "articles",
    "stories",
    "events",
    "event_mentions",
    "event_actors",
    "actors",
    "article_bands",
    "boilerplate_blocks",
)
DYAD = (("Turkey", "TUR"),), (("Kazakhstan", "KAZ"),)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    yield store
    store.dispose()


def contents(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the content tables, without run ids and timestamps."""
    skip = {"run_id", "first_seen", "fetched_at"}
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in CONTENT_TABLES:
            rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()
            out[table] = sorted(
                tuple((k, repr(v)) for k, v in row.items() if k not in skip) for row in rows
            )
    return out


def corpus() -> list[CodedArticle | Rejection]:
    copies = [
        make_coded(
            (TALKS.replace("Thursday", day),), site=f"site{n}.example", events=(("CONSULT", *DYAD),)
        )
        for n, day in enumerate(["Thursday", "Thursday", "Wednesday"])
    ]
    floods = make_coded((FLOODS,), events=(("AID", (("army", "XXX"),), ()),))
    rejection = Rejection(source="bad.html", stage="clean", error="NoArticleFound", message="x")
    return [copies[0], floods, rejection, copies[1], copies[2]]


def write(engine: Engine, items: Sequence[CodedArticle | Rejection], size: int) -> None:
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="test", inputs=[], settings={})
    for start in range(0, len(items), size):
        writer.write_batch(items[start : start + size], run_id=run_id)


def test_write_batch_joins_copies_into_one_story_and_one_event(engine: Engine) -> None:
    writer = StoreWriter(engine)
    result = writer.write_batch(corpus(), run_id="r1")
    assert (result.stored, result.stories, result.joined) == (4, 2, 2)
    assert (result.events_new, result.events_merged) == (2, 2)
    assert result.rejected == (("clean", 1),)
    with engine.connect() as conn:
        counts = conn.execute(
            select(
                events.c.event, events.c.num_mentions, events.c.num_articles, events.c.num_sources
            ).order_by(events.c.event)
        ).all()
        story_sizes = sorted(conn.execute(select(stories.c.num_articles)).scalars())
    assert [tuple(row) for row in counts] == [("AID", 1, 1, 1), ("CONSULT", 3, 3, 3)]
    assert story_sizes == [1, 3]


def test_write_batch_twice_stores_nothing_the_second_time(engine: Engine) -> None:
    writer = StoreWriter(engine)
    writer.write_batch(corpus(), run_id="r1")
    before = contents(engine)
    again = writer.write_batch(corpus(), run_id="r2")
    assert (again.stored, again.skipped, again.events_new, again.events_merged) == (0, 4, 0, 0)
    assert contents(engine) == before


@pytest.mark.parametrize("size", [1, 2, 3])
def test_outcome_does_not_depend_on_batch_boundaries(tmp_path: Path, size: int) -> None:
    whole = open_store(f"sqlite:///{tmp_path / 'whole.db'}")
    split = open_store(f"sqlite:///{tmp_path / 'split.db'}")
    write(whole, corpus(), size=len(corpus()))
    write(split, corpus(), size=size)
    assert contents(whole) == contents(split)
    whole.dispose()
    split.dispose()


def test_rejections_are_stored_once(engine: Engine) -> None:
    writer = StoreWriter(engine)
    rejection = Rejection(source="a.txt", stage="ingest", error="EmptyInput", message="empty")
    writer.write_batch([rejection, rejection], run_id="r1")
    writer.write_batch([rejection], run_id="r2")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT run_id, stage FROM rejections")).all()
    assert [tuple(row) for row in rows] == [("r1", "ingest")]


def test_negated_and_hypothetical_events_are_not_stored(engine: Engine) -> None:
    coded = make_coded((TALKS,))
    event = coded.events[0]
    unasserted = (replace(event, negated=True), replace(event, id="h", hypothetical=True))
    coded = replace(coded, events=unasserted)
    result = StoreWriter(engine).write_batch([coded], run_id="r1")
    assert (result.stored, result.unasserted, result.events_new) == (1, 2, 0)


def test_events_days_apart_in_other_stories_stay_apart(engine: Engine) -> None:
    first = make_coded((TALKS,), when=date(2021, 2, 4))
    later = make_coded((FLOODS,), when=date(2021, 2, 7), events=(("CONSULT", *DYAD),))
    near = make_coded(
        (FLOODS + " More later.",),
        site="other.example",
        when=date(2021, 2, 5),
        events=(("CONSULT", *DYAD),),
    )
    result = StoreWriter(engine).write_batch([first, later, near], run_id="r1")
    # ``near`` joins the story of ``later`` (a near duplicate), so rule 1 merges it there
    assert (result.events_new, result.events_merged) == (2, 1)


def test_full_text_search_finds_articles(engine: Engine) -> None:
    StoreWriter(engine).write_batch(corpus(), run_id="r1")
    query = (
        "SELECT a.site FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH :q ORDER BY a.site"
    )
    with engine.connect() as conn:
        sites = conn.execute(text(query), {"q": "caspian"}).scalars().all()
    assert sites == ["site0.example", "site1.example", "site2.example"]
