"""dyads: political event data from raw news pages.

The records every stage speaks, and for a notebook (``dyads.notebook``, imported on first
use so that ``import dyads`` stays light): ``read_events``, ``read_dyads`` and ``aggregate``
as pandas DataFrames, ``code_text`` and ``extract`` on one text or page; and
``country_codes``, the Correlates of War, Gleditsch-Ward and FIPS codes of a country.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from dyads.records import (
    ActorRef,
    Article,
    BlockKind,
    BoilerplateBlock,
    CodedArticle,
    Dateline,
    Document,
    Event,
    Evidence,
    MediaType,
    Mention,
    Place,
    Rejection,
)

if TYPE_CHECKING:
    from dyads.actors.tables import CountryCodes, country_codes
    from dyads.notebook import aggregate, code_text, extract, read_dyads, read_events

from dyads.version import __version__

# name -> module that defines it, imported when the name is first read
_LAZY = {
    "CountryCodes": "dyads.actors.tables",
    "country_codes": "dyads.actors.tables",
    "aggregate": "dyads.notebook",
    "code_text": "dyads.notebook",
    "extract": "dyads.notebook",
    "read_dyads": "dyads.notebook",
    "read_events": "dyads.notebook",
}

__all__ = [
    "ActorRef",
    "Article",
    "BlockKind",
    "BoilerplateBlock",
    "CodedArticle",
    "CountryCodes",
    "Dateline",
    "Document",
    "Event",
    "Evidence",
    "MediaType",
    "Mention",
    "Place",
    "Rejection",
    "__version__",
    "aggregate",
    "code_text",
    "country_codes",
    "extract",
    "read_dyads",
    "read_events",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dyads' has no attribute {name!r}")


logging.getLogger("dyads").addHandler(logging.NullHandler())
