"""A sports story reports play, trades and praise, not events between states, unless a
state body takes part (``coding.games.sports_story``). On invented articles."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.coding.games import sports_story
from tests.conftest import make_article

pytestmark = pytest.mark.slow

_STORY = (
    "Nairobi Stars coach retires after ten seasons",
    "The Nairobi Stars coach announced his retirement on Monday after ten seasons in the league.",
    "His quarterback praised the Kenyan coach and his staff for the championship run.",
    "The club's owner said he had asked Ugandan clubs for permission to talk to their coaches.",
    "The team lost only two games this season.",
)


def test_sports_story_is_told_by_its_share_of_words_of_games() -> None:
    assert sports_story(_STORY)
    politics = (
        "Kenya and Uganda agree on border talks",
        "Kenya's president met Uganda's president in Nairobi on Monday.",
        "They agreed to reopen the border crossing at Busia.",
        "The two leaders will attend the opening of the games in Kampala next month.",
        "Trade between the two countries fell last year.",
    )
    assert not sports_story(politics)


def test_sports_story_codes_no_events_between_clubs_coaches_and_fans(code_stage: Any) -> None:
    assert code_stage.process(make_article(_STORY)).events == ()


def test_sports_story_keeps_the_acts_of_a_state(code_stage: Any) -> None:
    story = (*_STORY, "Kenya's sports ministry criticized the Ugandan football federation.")
    events = code_stage.process(make_article(story)).events
    assert [e.event for e in events] == ["ACCUSE"]
