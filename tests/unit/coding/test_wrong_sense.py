"""Words read in the wrong sense for their construction, on invented sentences: an owner
taken for an object ("received the letter of the president"), a wish for the act ("want
the man detained"), a party barred from trade ("barred from importing gas"), a quality
demonstrated ("demonstrated its influence")."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        # the president owns the letter: no visit received
        "The Kenyan speaker confirmed he had received the farewell letter of the president.",
        "The Kenyan foreign minister received the reply of the Ugandan president on Monday.",
    ],
)
def test_owner_of_the_object_is_not_the_object(code_stage: Any, text: str) -> None:
    assert "CONSULT" not in coded_types(code_stage, text)


def test_what_the_object_is_made_of_still_counts(code_stage: Any) -> None:
    text = "Kenya's prime minister received a delegation of Ugandan ministers on Monday."
    assert "CONSULT" in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a wish with the one acted on as its object is a wish, not the act
        ("Kenyan prosecutors want the Ugandan man detained until his trial.", "COERCE"),
        ("The Kenyan minister wished the Ugandan rebels defeated in the north.", "ASSAULT"),
    ],
)
def test_a_wish_for_an_act_on_someone_is_not_the_act(
    code_stage: Any, text: str, absent: str
) -> None:
    assert absent not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        # what a party is barred from doing is what is barred: trade kept from it, an embargo
        "Uganda barred Kenya from importing natural gas on Monday.",
        "Uganda barred Kenya from exporting oil on Monday.",
    ],
)
def test_a_party_barred_from_trade_is_sanctioned(code_stage: Any, text: str) -> None:
    assert coded_types(code_stage, text) == ["SANCTION"]


def test_a_party_barred_from_other_acts_is_coerced(code_stage: Any) -> None:
    text = "Uganda barred Kenyan journalists from entering the country on Monday."
    assert coded_types(code_stage, text) == ["COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        # "demonstrate" with a quality or power as its object is to show it, not to protest
        "The Kenyan newspaper said Uganda has demonstrated particular influence in the region.",
        "Kenya tested a new rocket on Monday to demonstrate its potential to reach Uganda.",
    ],
)
def test_demonstrating_a_quality_is_no_protest(code_stage: Any, text: str) -> None:
    assert "PROTEST" not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a capitalized noun inside a proper name names a person or a spacecraft
        (
            "Photos: Kenya launches rocket U.N. Secretary-General Ban Ki-moon called the "
            "launch deplorable.",
            "COERCE",
        ),
        (
            "The Kenyan government's Mount Kenya Solar Probe was valued at 3 million dollars.",
            "ACCUSE",
        ),
    ],
)
def test_event_nouns_inside_names_tell_no_act(code_stage: Any, text: str, absent: str) -> None:
    assert absent not in coded_types(code_stage, text)


def test_event_nouns_in_title_case_headlines_are_read(code_stage: Any) -> None:
    assert "COERCE" in coded_types(code_stage, "Kenyan Police Crackdown On Ugandan Traders")
