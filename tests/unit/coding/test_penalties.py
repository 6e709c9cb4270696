"""A penalty promised in a vow or a warning is a threat against the one it is promised to
(``coding.penalties``). On invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The Turkish president vowed that Syria would pay a heavy price for the raid.", "SYR"),
        ("Kenya's president warned that Somalia would face consequences.", "SOM"),
        ("Peru's interior minister promised that Chilean smugglers would be punished.", "CHL"),
        ("Ghana vowed that the Togolese gunmen would be brought to justice.", "TGO"),
        ("The Indian minister pledged that Pakistan would be held accountable.", "PAK"),
    ],
)
def test_penalties_promised_are_threats_against_their_subject(
    code_stage: Any, text: str, recipient: str
) -> None:
    threats = [e for e in coded_events(code_stage, text) if e.event == "THREATEN"]
    assert len(threats) == 1
    assert {r.country for r in threats[0].recipients} == {recipient}


@pytest.mark.parametrize(
    "text",
    [
        # a price paid is a loss, not a threat
        "Ukraine has paid a heavy price for the war with Russia.",
        # a penalty denied is no threat
        "The Kenyan president vowed that Somali traders would not be punished.",
        # a benefit promised is no penalty
        "The Kenyan president promised that Somalia would get more aid.",
    ],
)
def test_penalties_past_denied_or_absent_are_no_threats(code_stage: Any, text: str) -> None:
    assert "THREATEN" not in [e.event for e in coded_events(code_stage, text)]
