"""Event words that act on no party: open addressees, courtesy, discharges, pleas for privacy,
acts made possible or designed and games won by a score (``coding.no_party``,
``coding.frames``, ``coding.games``), on invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # whoever fits a description: an open invitation or a standing policy
        (
            "The Kenyan trade ministry said on Monday that it welcomes anyone who wants to "
            "invest in Uganda.",
            "SUPPORT",
        ),
        ("Kenyan police said they will arrest anybody who crosses into Uganda.", "THREATEN"),
        # formulas of courtesy, with no subject
        ('"Thank you, Mr. President," the Kenyan envoy told the Ugandan president.', "SUPPORT"),
        ("The Kenyan president told Uganda: 'Thank you for hosting us in Kampala.'", "SUPPORT"),
        ('"Welcome to Nairobi," the Kenyan president told the Ugandan envoy on Monday.', "SUPPORT"),
        # an object the row rules out, named by a relative pronoun
        (
            "The Nigerian army showed a new video, which was released by the Ghanaian defence "
            "ministry on Monday.",
            "RETREAT",
        ),
        (
            "That is the question that Kenyan officials and many others are asking in the wake "
            "of the Ugandan raid.",
            "REQUEST",
        ),
        # patients sent home
        ("Three Kenyan soldiers were released from hospital in Uganda on Monday.", "RETREAT"),
        # pleas for privacy
        (
            "The family of the Kenyan president asked Ugandan reporters to respect the "
            "family's privacy.",
            "REQUEST",
        ),
        ("The Kenyan minister requested privacy for his family on Monday.", "REQUEST"),
        # an infinitive with its own subject after "for": made possible, not done
        (
            "The Kenyan government opened an office on Monday for Ugandan migrants to ask Kenya "
            "for help.",
            "REQUEST",
        ),
        (
            "Uganda said the talks made it impossible for Kenya to attack the border towns.",
            "ASSAULT",
        ),
        ("Kenya called for Uganda to withdraw its troops from the border.", "RETREAT"),
        # a forecast of one's own act, not a promise
        ("Kenya expects to sign the trade deal with Uganda next month.", "AGREE"),
        # a purpose of design
        ("The Kenyan satellite was designed to support the Ugandan army.", "SUPPORT"),
        # a watch kept
        ("The Kenyan agency said it was closely monitoring the Chinese satellite.", "ACCUSE"),
        ("Kenya said it was monitoring the situation in Uganda on Monday.", "ACCUSE"),
        # a game won by a score
        ("Kenya beat Uganda 3-1 in Nairobi on Monday.", "ASSAULT"),
    ],
)
def test_no_party_acts_are_not_coded(code_stage: Any, text: str, absent: str) -> None:
    assert absent not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a named addressee, a subject, a prison, an act asked for
        ("Kenyan police arrested a Ugandan man who crossed the border on Monday.", "COERCE"),
        # an appeal to whoever knows something asks the witnesses
        ("Kenyan police urged anyone with information about Uganda to come forward.", "REQUEST"),
        ("The Kenyan president thanked Uganda for its support on Monday.", "SUPPORT"),
        ("Uganda released three Kenyan soldiers from prison on Monday.", "RETREAT"),
        ("Kenya called on Uganda to withdraw its troops from the border.", "REQUEST"),
        ("Kenyan police are monitoring Ugandan rebels near the border.", "ACCUSE"),
    ],
)
def test_no_party_acts_keep_acts_on_parties(code_stage: Any, text: str, event: str) -> None:
    assert event in coded_types(code_stage, text)
