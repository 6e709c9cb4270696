"""Candidates the coder leaves out, each with its reason, on a logger of their own.

Every rule that keeps a trigger word from becoming an event (a question, background, no
party of a known country, negation, the confidence floor, ...) reports the candidate here at
DEBUG level on the logger ``dyads.coding.dropped``, with a ``DroppedCandidate`` record in the
log record's ``dropped`` attribute. ``dyads code --dropped`` prints them; ``dyads eval
articles --causes`` collects them to say why a gold event was missed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dyads.records import Evidence

LOGGER = logging.getLogger("dyads.coding.dropped")


@dataclass(frozen=True, slots=True, kw_only=True)
class DroppedCandidate:
    article_id: str
    sentence_index: int  # the sentence's index in the article (``Sentence.index``)
    sentence: str
    event: str
    word: str  # the trigger word as written
    reason: str


def report(dropped: DroppedCandidate) -> None:
    """Log ``dropped`` when someone listens (the record is built either way: it is small)."""
    if LOGGER.isEnabledFor(logging.DEBUG):
        LOGGER.debug(
            "%s sentence %d: %s %r left out: %s",
            dropped.article_id,
            dropped.sentence_index,
            dropped.event,
            dropped.word,
            dropped.reason,
            extra={"dropped": dropped},
        )


class Collector(logging.Handler):
    """A handler that keeps the dropped candidates logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.dropped: list[DroppedCandidate] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = getattr(record, "dropped", None)
        if isinstance(found, DroppedCandidate):
            self.dropped.append(found)

    def __enter__(self) -> Collector:
        # collected, not printed: the records reach this handler only, whatever logging the
        # program has set up
        self._level, self._propagate = LOGGER.level, LOGGER.propagate
        LOGGER.addHandler(self)
        LOGGER.setLevel(logging.DEBUG)
        LOGGER.propagate = False
        return self

    def __exit__(self, *exc: object) -> None:
        LOGGER.removeHandler(self)
        LOGGER.setLevel(self._level)
        LOGGER.propagate = self._propagate


def at(evidence: Evidence, *, article_id: str, event: str, reason: str) -> DroppedCandidate:
    """The dropped candidate of an event or candidate told by ``evidence``."""
    word = ""
    if evidence.trigger is not None:
        word = evidence.sentence[
            evidence.trigger.start - evidence.start : evidence.trigger.end - evidence.start
        ]
    return DroppedCandidate(
        article_id=article_id,
        sentence_index=evidence.sentence_index,
        sentence=evidence.sentence,
        event=event,
        word=word,
        reason=reason,
    )
