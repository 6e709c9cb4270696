"""What the coder finds in one sentence before the sentences of an article are merged."""

from __future__ import annotations

from dataclasses import dataclass

from dyads.coding.dates import ResolvedDate
from dyads.records import ActorRef, Evidence, Place


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One event as one sentence reports it."""

    event: str
    mode: str | None = None
    cameo_hint: str | None = None  # the trigger's own CAMEO code, when it has one
    contexts: tuple[str, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    recipients: tuple[ActorRef, ...] = ()
    reciprocal: bool = False  # several actors acting together, no recipient
    date: ResolvedDate
    place: Place | None = None
    evidence: Evidence
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.0
    depth: int = 0  # distance of the trigger from the root of its sentence's parse
    noun: bool = False  # the trigger is an eventive noun ("held talks"), not a verb
    fallback_row: bool = False  # the trigger's row is a PETRARCH-2 verb row (``layered``)
    # what a verb's clause says is agreed or asked ("to enhance cooperation in defence"): its
    # verb, object and first prepositional object, as lemmas (``coding.merge``)
    content: tuple[str, ...] = ()

    @property
    def countries(self) -> frozenset[str]:
        """Countries (or IGO codes) of every party, actors and recipients alike."""
        return frozenset(
            ref.country for ref in (*self.actors, *self.recipients) if ref.country is not None
        )
