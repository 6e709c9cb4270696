"""The store: SQLite or PostgreSQL through SQLAlchemy Core, migrated by Alembic.

``open_store(url)`` returns an engine on a migrated store; ``dyads.store.writer.StoreWriter``
writes batches into it; ``dyads.store.schema`` documents every table.
"""

from dyads.store.engine import normalise_url, open_store

__all__ = ["normalise_url", "open_store"]
