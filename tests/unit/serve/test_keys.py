from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from dyads.errors import StoreError
from dyads.serve.keys import (
    api_keys,
    create_key,
    hash_secret,
    list_keys,
    prefix_of,
    revoke_key,
    verify_key,
)
from dyads.store import open_store


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return open_store(str(tmp_path / "keys.db"))


def test_create_key_stores_only_the_hash(engine: Engine) -> None:
    new = create_key(engine, name="newsroom")
    with engine.connect() as conn:
        row = conn.execute(select(api_keys)).one()
    assert row.hash == hash_secret(new.secret)
    assert new.secret not in tuple(str(v) for v in row)
    assert new.secret.startswith(f"dyk_{row.prefix}_")


def test_verify_key_accepts_the_secret_and_refuses_others(engine: Engine) -> None:
    new = create_key(engine, name="newsroom")
    key = verify_key(engine, new.secret)
    assert key is not None
    assert (key.prefix, key.name) == (new.key.prefix, "newsroom")
    assert verify_key(engine, new.secret + "x") is None
    assert verify_key(engine, "dyk_00000000_nothing") is None


@pytest.mark.parametrize("ident", ["prefix", "name"])
def test_revoke_key_by_prefix_or_name_stops_it_working(engine: Engine, ident: str) -> None:
    new = create_key(engine, name="wire")
    assert revoke_key(engine, ident=new.key.prefix if ident == "prefix" else "wire") == 1
    assert verify_key(engine, new.secret) is None
    (listed,) = list_keys(engine)
    assert not listed.active
    assert revoke_key(engine, ident="wire") == 0


def test_create_key_refuses_a_taken_name(engine: Engine) -> None:
    create_key(engine, name="wire")
    with pytest.raises(StoreError, match="already exists"):
        create_key(engine, name="wire")


@pytest.mark.parametrize(
    ("secret", "prefix"),
    [
        ("dyk_0123abcd_rest", "0123abcd"),
        ("dyk_0123abcd_", None),
        ("abc_0123abcd_rest", None),
        ("dyk_short_rest", None),
        ("", None),
    ],
)
def test_prefix_of_reads_only_well_formed_secrets(secret: str, prefix: str | None) -> None:
    assert prefix_of(secret) == prefix
