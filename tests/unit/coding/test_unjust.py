"""Accusations told by an adjective of injustice in reported speech (``coding.unjust``)."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.coding.speech import might_report
from dyads.records import Event
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _accusations(code_stage: Any, text: str) -> list[Event]:
    events: tuple[Event, ...] = code_stage.process(make_article((text,))).events
    return [e for e in events if e.event == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # predicative: the deed's owner is accused
        ("The Peruvian foreign minister said the Chilean court's ruling was unjust.",
         "PER", "CHL"),
        ("The Ghanaian president told reporters that Togo's decision was illegal.", "GHA", "TGO"),
        # attributive, in a quotation: the doer after "from"
        ('"Despite the unfair verdict from the Chilean court, our work goes on," the '
         "Peruvian minister said.", "PER", "CHL"),
        # attributive: the country its modifier names
        ("The Peruvian minister said Peruvian farmers still face unfair Chilean checks at "
         "the border.", "PER", "CHL"),
        # adjectives of condemnation: predicative, and attributive on any noun
        ("Indian officials said Pakistan's shelling was unprovoked and barbaric.", "IND", "PAK"),
        ("The Chinese foreign ministry said the American patrol was provocative.", "CHN", "USA"),
        ('"Moscow\'s reckless conduct endangers us all," the Estonian prime minister told '
         "reporters.", "EST", "RUS"),
    ],
)  # fmt: skip
def test_unjust_accuses_the_owner_of_the_deed(
    code_stage: Any, text: str, actor: str, recipient: str
) -> None:
    coded = _accusations(code_stage, text)
    assert len(coded) == 1, coded
    assert {a.country for a in coded[0].actors} == {actor}
    assert {r.country for r in coded[0].recipients} == {recipient}


@pytest.mark.parametrize(
    "text",
    [
        # negated, under a modal
        "The Peruvian minister said the Chilean court's ruling was not unjust.",
        "The Peruvian minister said the Chilean court's ruling would be unfair.",
        # a commentator's view
        "A Peruvian analyst said the Chilean court's ruling was unjust.",
        # the report itself is asked
        "Did the Peruvian minister say the Chilean ruling was unjust?",
        # the speaker's own side
        "The Peruvian minister said his government's ruling was unjust.",
        # people, not deeds, called illegal; no party owns the deed
        "The Peruvian minister said illegal Chilean migrants crossed the border.",
        "The Peruvian minister said the tax was unfair.",
        # no such deed
        "The Peruvian minister said there were no unfair Chilean checks at the border.",
        # condemnation of nobody, or not reported
        "The Indian minister said the weather in the north was cruel this winter.",
        "Pakistan's shelling of the border posts was barbaric.",
        "An Indian analyst said Pakistan's shelling was barbaric.",
    ],
)
def test_unjust_codes_no_accusation_where_none_is_made(code_stage: Any, text: str) -> None:
    assert _accusations(code_stage, text) == []


def test_might_report_finds_the_adjectives_of_injustice() -> None:
    assert might_report("The minister said the verdict was unjust.")
    assert might_report("The minister said the shelling was barbaric.")
