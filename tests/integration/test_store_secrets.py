"""Passwords in store URLs are never stored or printed in clear."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dyads.cli.main import main
from dyads.store import open_store
from dyads.store.engine import mask_secrets, mask_url
from dyads.store.schema import runs
from dyads.store.writer import StoreWriter

pytestmark = pytest.mark.integration

SECRET = "PASSWORD-9f2"
# Port 1 on localhost: nothing listens there, so a connection is refused at once.
REFUSING = f"postgresql://user:{SECRET}@127.0.0.1:1/db"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (REFUSING, "postgresql://user:***@127.0.0.1:1/db"),
        ("postgresql+psycopg://u:p%40ss@h:5432/db", "postgresql+psycopg://u:***@h:5432/db"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("sqlite:///data/dyads.db", "sqlite:///data/dyads.db"),
        ("data/dyads.db", "data/dyads.db"),
        ("https://reader:tok3n@feeds.example.com/rss", "https://reader:***@feeds.example.com/rss"),
    ],
)
def test_mask_url_hides_the_password_and_nothing_else(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_writer_start_run_stores_settings_with_passwords_masked(store_url: str) -> None:
    engine = open_store(store_url)
    writer = StoreWriter(engine)
    settings = {"db": REFUSING, "batch_size": 50, "nested": {"feeds": [REFUSING]}}
    run_id = writer.start_run(command="dyads run", inputs=[REFUSING, "a.txt"], settings=settings)
    with engine.connect() as conn:
        row = conn.execute(select(runs).where(runs.c.id == run_id)).mappings().one()
    engine.dispose()
    assert SECRET not in str(dict(row))
    assert row["settings"] == mask_secrets(settings)
    assert row["settings"]["db"] == "postgresql://user:***@127.0.0.1:1/db"
    assert row["settings"]["batch_size"] == 50
    assert row["inputs"] == ["postgresql://user:***@127.0.0.1:1/db", "a.txt"]


@pytest.mark.parametrize(
    "argv",
    [
        ["events", "--db", REFUSING],
        ["run", "--db", REFUSING, "missing.txt"],
        ["serve", "--db", REFUSING],
        ["keys", "--db", REFUSING, "list"],
    ],
)
def test_cli_store_errors_mask_the_password(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) != 0
    out, err = capsys.readouterr()
    assert "127.0.0.1:1/db" in err  # the error names the server it could not reach
    assert SECRET not in out + err
