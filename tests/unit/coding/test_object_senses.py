"""Objects that give an event word another sense (``data/lexicon.tsv``): a birth welcomed, an
image captured, a message sent, a road negotiated, a film shot, a product released;
on invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # objects that make the word another sense: a birth, an image, a message, a road, a
        # film, a product
        ("Kenyan president Ruto welcomed a baby girl on Monday.", "SUPPORT"),
        ("Kenyan soldiers captured images of the Ugandan border on Monday.", "COERCE"),
        ("Kenya sent a telegram to Uganda on Monday.", "AID"),
        (
            "The Kenyan minister negotiated the sharp curve near the Ugandan border on Monday.",
            "CONSULT",
        ),
        ("Kenyan troops shot a video of Ugandan soldiers on Monday.", "ASSAULT"),
        ("The Kenyan army released a commercial about Uganda on Monday.", "RETREAT"),
        ("The Kenyan army released the upgrades to Ugandan partners on Monday.", "RETREAT"),
        # a birth welcomed, recordings captured, officers backing up a patrol
        ("The Kenyan singer and her husband welcomed their new arrival in Nairobi.", "SUPPORT"),
        ("The account rests on recordings of Kenyan police calls captured by a website.", "COERCE"),
        (
            "Kenyan police will patrol, backed up by officers of the Ugandan border force.",
            "SUPPORT",
        ),
        # a picture or an iceberg captured: capture coerces a party only
        ("The Kenyan space agency has captured a newly created iceberg in a new image.", "COERCE"),
        ("The Kenyan space agency sent the data down to its Ugandan partners.", "AID"),
        # ships met at sea, an excuse offered
        ("Chinese tankers met Ugandan vessels at sea on Monday, Kenya said.", "CONSULT"),
        ("Kenya said the Ugandan threats offer a better excuse for war.", "AGREE"),
        # a private visit, treatment sought
        ("The Kenyan minister was visiting her daughter in Kampala, Uganda.", "CONSULT"),
        ("The Ugandan minister sought treatment in Kenya after the allegations.", "REQUEST"),
        # a gunman sought is hunted, not asked
        ("Kenyan police sought the gunman in the halls of the Ugandan embassy.", "REQUEST"),
        # a list provided, workers hosted
        ("The Kenyan airline provided a passenger list to the Ugandan police.", "AID"),
        ("Kenya hosts thousands of Ugandan workers on its farms.", "CONSULT"),
        # a crowd that disperses is dispersed by no one
        ("The Kenyan crowd dispersed and took cover in shops near the Ugandan embassy.", "COERCE"),
        # a debate, a game or a school attended is no visit; a wife met is no meeting
        ("The Kenyan president attended a television debate in Kampala on Monday.", "CONSULT"),
        ("Kenya's president attended the Uganda Cranes game in Kampala on Monday.", "CONSULT"),
        ("The Kenyan president recalled how he met his wife in Kampala.", "CONSULT"),
        # a fault or a need recognized is no recognition of a party
        ("The Kenyan minister recognized her mistake on the Ugandan deal.", "SUPPORT"),
        # tools downed are a strike, not a shot fired
        ("Kenyan dock workers downed tools in Mombasa on Monday.", "ASSAULT"),
        ("Kenya's president recognized the importance of ties with Uganda.", "SUPPORT"),
    ],
)
def test_object_senses_are_not_coded(code_stage: Any, text: str, absent: str) -> None:
    assert absent not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # people welcomed back or shot
        ("The Kenyan president welcomed the release of the Ugandan girls on Monday.", "SUPPORT"),
        ("Kenyan police shot two Ugandan protesters on Monday.", "ASSAULT"),
        # summits, meetings and a foreign leader's funeral attended
        ("Kenya's president attended the summit of African leaders in Addis Ababa.", "CONSULT"),
        ("The Kenyan president attended the funeral of the Ugandan president.", "CONSULT"),
        # aircraft downed, parties blacklisted
        ("Iranian forces downed an American drone over the Gulf on Monday.", "ASSAULT"),
        ("The US Treasury blacklisted three Iranian banks on Monday.", "SANCTION"),
    ],
)
def test_object_senses_keep_acts_on_parties(code_stage: Any, text: str, event: str) -> None:
    assert event in coded_types(code_stage, text)
