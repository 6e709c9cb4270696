from __future__ import annotations

from datetime import date

import pytest

from dyads.dedup.events import (
    EventKey,
    choose_canonical,
    country_key,
    date_window,
    event_key,
    same_happening,
)
from dyads.records import ActorRef
from tests.conftest import make_event


def key(
    *,
    event: str = "CONSULT",
    actors: str = "TUR",
    recipients: str = "KAZ",
    story: str = "s1",
    day: date | None = date(2021, 2, 4),
) -> EventKey:
    return EventKey(
        event=event, actor_key=actors, recipient_key=recipients, story_id=story, date=day
    )


def test_country_key_is_sorted_distinct_and_skips_unknown() -> None:
    refs = (
        ActorRef(name="Kazakhstan", country="KAZ"),
        ActorRef(name="protesters"),
        ActorRef(name="Turkey", country="TUR"),
        ActorRef(name="Ankara", country="TUR"),
    )
    assert country_key(refs) == "KAZ,TUR"
    assert country_key(()) == ""


def test_event_key_reads_the_event() -> None:
    made = event_key(make_event(), story_id="s9")
    assert made == key(story="s9")


@pytest.mark.parametrize(
    ("stored", "merges"),
    [
        (key(), True),  # same story, everything equal
        (key(day=date(2021, 1, 1)), True),  # rule 1 ignores the date
        (key(story="s2", day=date(2021, 2, 5)), True),  # rule 2: a day apart
        (key(story="s2", day=date(2021, 2, 3)), True),
        (key(story="s2", day=date(2021, 2, 6)), False),  # two days apart
        (key(story="s2", day=None), False),
        (key(event="AGREE"), False),
        (key(actors="KAZ", recipients="TUR"), False),  # direction matters
        (key(recipients="KAZ,RUS"), False),
    ],
)
def test_same_happening_rules(stored: EventKey, merges: bool) -> None:
    assert same_happening(key(), stored) is merges


@pytest.mark.parametrize("new", [key(recipients=""), key(actors=""), key(day=None)])
def test_cross_story_rule_needs_a_dated_dyad(new: EventKey) -> None:
    assert date_window(new) is None
    other_story = EventKey(
        event=new.event,
        actor_key=new.actor_key,
        recipient_key=new.recipient_key,
        story_id="s2",
        date=new.date,
    )
    assert not same_happening(new, other_story)
    assert same_happening(new, new)


def test_choose_canonical_prefers_same_story_then_closest_date_then_smallest_id() -> None:
    new = key()
    near = ("b", key(story="s2", day=date(2021, 2, 4)))
    nearer_id = ("a", key(story="s3", day=date(2021, 2, 4)))
    gap = ("0", key(story="s4", day=date(2021, 2, 5)))
    same_story = ("z", key(day=date(2021, 2, 1)))
    assert choose_canonical(new, [near, gap, same_story, nearer_id]) == "z"
    assert choose_canonical(new, [near, gap, nearer_id]) == "a"
    assert choose_canonical(new, [gap]) == "0"
    assert choose_canonical(new, [("x", key(event="AGREE"))]) is None
