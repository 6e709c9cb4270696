"""Which reports are one happening: the rules that merge events into canonical events.

GDELT counts reports, so one kidnapping retold by a hundred outlets becomes a hundred
events. Here a report joins an existing canonical event when

1. it is in the same story (the same article, or a copy of it) and has the same PLOVER type
   and the same actor and recipient country sets; or
2. it has the same type and the same actor and recipient country sets as an event of
   another story dated within ``MAX_DAY_GAP`` days, and both sides of the dyad are known.

Rule 2 needs a dated event with countries on both sides: "protesters in the United States"
on two days in two stories are too often two protests, while "Turkey and Kazakhstan signed"
reported by two unrelated outlets a day apart is one signing. Each report then becomes an
event mention; the canonical event keeps the attributes of its first report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dyads.records import ActorRef, Event

# Outlets date a report by their own publication day and often by the local day of the
# place; across time zones the same happening lands on consecutive dates, rarely further.
MAX_DAY_GAP = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class EventKey:
    """What rules 1 and 2 compare."""

    event: str
    actor_key: str
    recipient_key: str
    story_id: str
    date: date | None

    @property
    def dyadic(self) -> bool:
        return bool(self.actor_key and self.recipient_key)


def country_key(actors: Iterable[ActorRef]) -> str:
    """The sorted distinct country (or IGO) codes of ``actors``, joined by commas."""
    return ",".join(sorted({actor.country for actor in actors if actor.country}))


def event_key(event: Event, *, story_id: str) -> EventKey:
    return EventKey(
        event=event.event,
        actor_key=country_key(event.actors),
        recipient_key=country_key(event.recipients),
        story_id=story_id,
        date=event.date,
    )


def date_window(key: EventKey) -> tuple[date, date] | None:
    """The dates rule 2 searches, or None when rule 2 cannot apply."""
    if key.date is None or not key.dyadic:
        return None
    gap = timedelta(days=MAX_DAY_GAP)
    return key.date - gap, key.date + gap


def same_happening(new: EventKey, stored: EventKey) -> bool:
    """Whether ``new`` reports the happening ``stored`` stands for (rules 1 and 2)."""
    if (new.event, new.actor_key, new.recipient_key) != (
        stored.event,
        stored.actor_key,
        stored.recipient_key,
    ):
        return False
    if new.story_id == stored.story_id:
        return True
    window = date_window(new)
    return window is not None and stored.date is not None and window[0] <= stored.date <= window[1]


def choose_canonical(new: EventKey, stored: Sequence[tuple[str, EventKey]]) -> str | None:
    """The id of the stored event ``new`` merges into, or None for a new event.

    The same story wins over a nearby date, then the closest date, then the smallest id, so
    the choice depends only on what is stored, never on the order rows come back in.
    """
    matches = [(event_id, key) for event_id, key in stored if same_happening(new, key)]
    if not matches:
        return None

    def rank(item: tuple[str, EventKey]) -> tuple[int, int, str]:
        event_id, key = item
        gap = abs((key.date - new.date).days) if key.date and new.date else MAX_DAY_GAP + 1
        return (0 if key.story_id == new.story_id else 1, gap, event_id)

    return min(matches, key=rank)[0]
