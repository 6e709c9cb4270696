"""The Python API as a notebook uses it: DataFrames from the store (SQLite and PostgreSQL),
grouped in pandas, agree with the database's aggregates; the pipeline on one text or page."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest

import dyads
from dyads.export.csv import CSV_COLUMNS
from dyads.store.summary import dyad_series

pytestmark = pytest.mark.integration


def _countries(frame: Any) -> Any:
    """Each event's distinct countries among its actors and recipients."""
    joined = frame.actor_countries.fillna("") + ";" + frame.recipient_countries.fillna("")
    return joined.str.split(";").apply(lambda codes: sorted({c for c in codes if c}))


def test_notebook_read_events_grouped_in_pandas_gives_the_aggregate_counts(
    aggregate_engine: Any,
) -> None:
    events = dyads.read_events(db=aggregate_engine)
    dated = events.dropna(subset=["date"])
    long = dated.assign(country=_countries(dated)).explode("country").dropna(subset=["country"])
    month = long.date.dt.to_period("M").astype(str)
    grouped = long.groupby(["country", month])
    counts = grouped.size().to_dict()
    sums = grouped.goldstein.sum().to_dict()

    table = dyads.aggregate(db=aggregate_engine, by="country", period="month")
    assert counts == {(r.country, r.period): r.events for r in table.itertuples()}
    summed = {(r.country, r.period): r.goldstein_sum for r in table.itertuples()}
    assert sums == pytest.approx(summed)
    assert len(events) == len(dated) + 1  # the one undated event is listed, not aggregated


def test_notebook_read_events_has_the_csv_columns_typed(aggregate_engine: Any) -> None:
    events = dyads.read_events(db=aggregate_engine, between=("TUR", "RUS"), since="2021-03-21")
    assert list(events.columns) == list(CSV_COLUMNS)
    assert list(events.event) == ["ACCUSE"]
    row = events.iloc[0]
    assert row.date.date() == date(2021, 3, 22)
    assert str(events.date.dtype).startswith("datetime64")
    assert (row.quad, row.goldstein, row.num_sources) == (3, -2.0, 1)
    assert str(events.quad.dtype) == "Int64"
    assert row.actor_countries == "TUR;RUS"
    assert events.place.isna().all()  # no place: missing, not an empty string


def test_notebook_read_events_limit_and_filters(aggregate_engine: Any) -> None:
    assert len(dyads.read_events(db=aggregate_engine, limit=3)) == 3
    sudan = dyads.read_events(db=aggregate_engine, recipient="SDN", type="ASSAULT")
    assert list(sudan.actor_countries) == ["SDN"]
    assert dyads.read_events(db=aggregate_engine, actor="FRA").empty
    with pytest.raises(TypeError, match="unknown filter"):
        dyads.read_events(db=aggregate_engine, country="TUR")


def test_notebook_read_dyads_is_the_dyad_series(aggregate_engine: Any) -> None:
    frame = dyads.read_dyads(db=aggregate_engine, between=("tur", "kaz"), by="month")
    series = dyad_series(aggregate_engine, "TUR", "KAZ", by="month")
    assert list(frame.period) == [p.period for p in series]
    assert list(frame.events) == [p.total for p in series]
    assert list(frame.quad1) == [p.counts[0] for p in series]
    # March is a quiet period: Turkish and Kazakh troops firing on Russia together puts
    # neither on the other's side (and the event has a recipient, so it is no joint action)
    assert (frame.period.iloc[1], frame.events.iloc[1]) == ("2021-03", 0)


def test_notebook_aggregate_by_dyad_takes_the_store_url(tmp_path: Any) -> None:
    from dyads.store import open_store
    from dyads.store.writer import StoreWriter
    from tests.conftest import AGGREGATE_ARTICLES, make_query_articles

    url = f"sqlite:///{tmp_path / 'notebook.db'}"
    engine = open_store(url)
    writer = StoreWriter(engine)
    writer.write_batch(
        list(make_query_articles(AGGREGATE_ARTICLES)),
        run_id=writer.start_run(command="tests", inputs=[], settings={}),
    )
    engine.dispose()
    table = dyads.aggregate(db=url, by="dyad", directed=False, period="year", actor="JPN")
    assert [(r.country_a, r.country_b, r.period, r.events) for r in table.itertuples()] == [
        ("JPN", "KOR", "2021", 1)
    ]
    assert str(table.start.dtype).startswith("datetime64")


def test_notebook_functions_need_pandas_and_say_how_to_install_it(
    aggregate_engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an install without pandas gives
    with pytest.raises(ImportError, match=r"pip install 'dyads\[analysis\]'"):
        dyads.read_events(db=aggregate_engine)


def test_notebook_import_dyads_stays_light() -> None:
    code = (
        "import sys, dyads; "
        "print(sorted(m for m in ('pandas', 'sqlalchemy', 'spacy', 'dyads.notebook')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert callable(dyads.read_events) and "read_events" in dyads.__all__


@pytest.mark.slow
def test_notebook_code_text_codes_a_sentence() -> None:
    events = dyads.code_text(
        "Kenya accused Ethiopia on Monday of sending troops across the border near Moyale.",
        date="2023-05-10",
    )
    assert [e.event for e in events] == ["ACCUSE"]
    (event,) = events
    assert [a.country for a in event.actors] == ["KEN"]
    assert [r.country for r in event.recipients] == ["ETH"]
    assert event.date == date(2023, 5, 8)  # the Monday before publication
    assert event.evidence[0].sentence.startswith("Kenya accused Ethiopia")
    assert dyads.code_text("The weather was mild for the season.", date="2023-05-10") == []


@pytest.mark.slow
def test_notebook_extract_cleans_an_html_page() -> None:
    page = (
        "<!doctype html><html><head><title>Port reopens | Coast Herald</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<h1>Port reopens after three-week strike</h1>"
        "<p>MOMBASA - Dock workers returned to the port of Mombasa on Tuesday after a strike "
        "over pay that had lasted three weeks, the port authority said.</p>"
        "<p>Shipping lines said they expected the backlog of containers to clear within a "
        "fortnight, and that no further stoppages had been announced by the union.</p>"
        "</article><footer>Copyright Coast Herald</footer></body></html>"
    )
    article = dyads.extract(page, url="https://coast.example/port")
    assert article.title == "Port reopens after three-week strike"
    assert article.paragraphs[0].startswith("Dock workers returned")
    assert article.dateline is not None and article.dateline.text == "MOMBASA"
    assert not any("Copyright" in p for p in article.paragraphs)
