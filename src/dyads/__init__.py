"""dyads: political event data from raw news pages."""

from __future__ import annotations

import logging

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

__version__ = "0.1.0"

__all__ = [
    "ActorRef",
    "Article",
    "BlockKind",
    "BoilerplateBlock",
    "CodedArticle",
    "Dateline",
    "Document",
    "Event",
    "Evidence",
    "MediaType",
    "Mention",
    "Place",
    "Rejection",
    "__version__",
]

logging.getLogger("dyads").addHandler(logging.NullHandler())
