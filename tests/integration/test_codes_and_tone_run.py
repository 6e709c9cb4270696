"""``dyads run`` on ``examples/`` into SQLite, then every reader of the store: each article
has its tone, and the exports show it and the actors' codes beside ISO-3."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from dyads.cli.main import main
from dyads.export.gdelt import GDELT_COLUMNS

pytestmark = [pytest.mark.integration, pytest.mark.slow]

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = f"sqlite:///{tmp_path_factory.mktemp('run') / 'examples.db'}"
    assert main(["run", str(EXAMPLES), "--db", db, "--progress", "never"]) == 0
    return db


def _export(db: str, out: Path, *args: str) -> str:
    assert main(["export", str(out), "--db", db, *args]) == 0
    return out.read_text(encoding="utf-8")


def test_run_stores_every_english_articles_tone(examples_db: str) -> None:
    from sqlalchemy import text

    from dyads.store import open_store

    engine = open_store(examples_db)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT language, tone FROM articles")).all()
    engine.dispose()
    assert len(rows) >= 5
    assert all(
        tone is not None and -10 <= tone <= 10 for language, tone in rows if language == "en"
    )
    assert len({tone for _, tone in rows}) > 1  # the articles do not all read alike


def test_run_exports_show_codes_and_tone(examples_db: str, tmp_path: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(_export(examples_db, tmp_path / "e.csv", "--format", "csv")))
    )
    assert rows and all(row["tone"] for row in rows)
    for row in rows:
        countries = row["actor_countries"].split(";")
        assert len(row["actor_cown"].split(";")) == len(countries)
        for iso3, cown in zip(countries, row["actor_cown"].split(";"), strict=True):
            assert bool(cown) == (len(iso3) == 3 and iso3 not in ("IGO", "NGO")), (iso3, cown)
    gdelt = [
        dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        for line in _export(
            examples_db, tmp_path / "e.tsv", "--format", "gdelt", "--country-codes", "fips"
        ).splitlines()
    ]
    assert {r["AvgTone"] for r in gdelt} == {r["tone"] for r in rows}
    geo = {r["ActionGeo_CountryCode"] for r in gdelt if r["ActionGeo_Type"]}
    assert geo and all(len(code) == 2 for code in geo)
    dyadic = list(
        csv.DictReader(io.StringIO(_export(examples_db, tmp_path / "d.csv", "--format", "dyadic")))
    )
    assert {r["event_id"] for r in dyadic} == {r["id"] for r in rows}
    pairs = sum(
        max(1, len(r["actor_names"].split(";")) if r["actor_names"] else 1)
        * max(1, len(r["recipient_names"].split(";")) if r["recipient_names"] else 1)
        for r in rows
    )
    assert len(dyadic) == pairs


def test_run_article_and_events_show_the_tone(
    examples_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from dyads.notebook import read_events

    frame = read_events(db=examples_db)
    assert str(frame["tone"].dtype) == "Float64" and frame["tone"].notna().all()
    assert {"actor_cown", "actor_gwn", "actor_fips", "recipient_cown"} <= set(frame.columns)
    article_id = frame["article_id"].iloc[0]
    capsys.readouterr()
    assert main(["article", article_id, "--db", examples_db]) == 0
    assert "tone: " in capsys.readouterr().out


def test_run_api_shows_the_article_tone(examples_db: str) -> None:
    from fastapi.testclient import TestClient

    from dyads.serve.api.app import create_app
    from dyads.settings import Settings

    app = create_app(Settings(db=examples_db), stages=("clean",))
    with TestClient(app) as client:
        (event, *_) = client.get("/events").json()["items"]
        article = client.get(f"/articles/{event['doc_id']}").json()
    assert article["tone"] is not None and article["tone"] == event["tone"]
