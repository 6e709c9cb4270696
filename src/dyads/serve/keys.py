"""API keys: created once with their secret shown, stored only as a sha256 hash.

A secret looks like ``dyk_<prefix>_<random>``. The prefix (8 hex characters) is stored in the
clear so ``dyads keys list`` can show which key is which and ``revoke`` can name one; the whole
secret is only ever stored hashed. A request presents the secret, we look the key up by its
prefix and compare hashes in constant time.

The ``api_keys`` table is part of the store's schema (``dyads.store.schema.api_keys``,
created by migration 0002), so every store opened with ``open_store`` has it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, or_, select, update

from dyads.errors import StoreError
from dyads.store.schema import api_keys

SECRET_MARK = "dyk"
# 4 random bytes as hex: enough to tell a handful of keys apart in a list; the secret's
# strength comes from the 32 random bytes after it.
PREFIX_BYTES = 4
SECRET_BYTES = 32


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiKey:
    """A stored key as listed: never its secret."""

    prefix: str
    name: str
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True, kw_only=True)
class NewKey:
    """A key just created: the only time its secret exists outside the caller's hands."""

    key: ApiKey
    secret: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def prefix_of(secret: str) -> str | None:
    """The prefix part of a well-formed secret, ``None`` for anything else."""
    mark, _, rest = secret.partition("_")
    prefix, _, random_part = rest.partition("_")
    if mark != SECRET_MARK or len(prefix) != 2 * PREFIX_BYTES or not random_part:
        return None
    return prefix


def create_key(engine: Engine, *, name: str) -> NewKey:
    """Store a new key named ``name``; raise ``StoreError`` if the name is taken."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    secret = f"{SECRET_MARK}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    key = ApiKey(prefix=prefix, name=name, created_at=datetime.now(UTC))
    with engine.begin() as conn:
        taken = conn.execute(select(api_keys.c.prefix).where(api_keys.c.name == name)).first()
        if taken is not None:
            raise StoreError(f"an API key named {name!r} already exists")
        conn.execute(
            api_keys.insert().values(
                prefix=prefix, name=name, hash=hash_secret(secret), created_at=key.created_at
            )
        )
    return NewKey(key=key, secret=secret)


def list_keys(engine: Engine) -> tuple[ApiKey, ...]:
    query = select(api_keys).order_by(api_keys.c.created_at, api_keys.c.name)
    with engine.connect() as conn:
        return tuple(
            ApiKey(
                prefix=row.prefix,
                name=row.name,
                created_at=row.created_at,
                revoked_at=row.revoked_at,
            )
            for row in conn.execute(query)
        )


def revoke_key(engine: Engine, *, ident: str) -> int:
    """Revoke the active key whose prefix or name is ``ident``; return how many were revoked."""
    statement = (
        update(api_keys)
        .where(or_(api_keys.c.prefix == ident, api_keys.c.name == ident))
        .where(api_keys.c.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    with engine.begin() as conn:
        return int(conn.execute(statement).rowcount)


def verify_key(engine: Engine, secret: str) -> ApiKey | None:
    """The active key ``secret`` belongs to, or ``None``."""
    prefix = prefix_of(secret)
    if prefix is None:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(api_keys).where(api_keys.c.prefix == prefix)).first()
    if row is None or row.revoked_at is not None:
        return None
    if not hmac.compare_digest(row.hash, hash_secret(secret)):
        return None
    return ApiKey(prefix=row.prefix, name=row.name, created_at=row.created_at)
