"""Acts named but not asserted (``coding.unasserted``): acts alleged in a charge, acts there
is no evidence of, bans told as the standing of a party; on invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the act a charge or a count alleges
        (
            "The indictment of the Kenyan activist lists two counts of violent assault against a "
            "Ugandan soldier.",
            "ASSAULT",
        ),
        # a denied existence of evidence denies the act
        ("There is no evidence that the rebels are backed by Rwanda, officials said.", "SUPPORT"),
        ("Kenyan officials found no proof that Uganda supported the rebels.", "SUPPORT"),
        ("Kenyan officials did not find any evidence that Uganda supported the rebels.", "SUPPORT"),
        # a ban told as the standing of a party
        (
            "The Burmese Unity Front, a shadow government outlawed by the Myanmar junta, "
            "met envoys from Thailand on Monday.",
            "COERCE",
        ),
        (
            "The Kenyan opposition group, banned by the Kenyan government, met Ugandan envoys.",
            "COERCE",
        ),
        # a wish of another's, or a wish to act by force, is no act
        ("The Kenyan president wants to thank Uganda for its help.", "SUPPORT"),
        ('"We want to attack Uganda," the Kenyan general said on Monday.', "ASSAULT"),
        # what an opinion holds, given by a copula
        ("My interpretation was that Kenyan police assaulted the Ugandan student.", "ASSAULT"),
        ("The fear in Kyiv is that Russian troops attacked the convoy.", "ASSAULT"),
    ],
)
def test_unasserted_act_is_not_coded(code_stage: Any, text: str, absent: str) -> None:
    assert absent not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the act itself, told as done
        ("Kenyan police assaulted a Ugandan soldier in Nairobi on Monday.", "ASSAULT"),
        # evidence that an act happened reports it
        ("Kenyan officials found evidence that Uganda supported the rebels.", "SUPPORT"),
        # a ban on a thing, told by a participle, is still a ban
        ("The rally banned by Kenyan police went ahead in Nairobi.", "COERCE"),
        # the charge is still an accusation
        ("Kenyan prosecutors charged the Ugandan soldier with assault.", "ACCUSE"),
        # a copula's clause with a subject that is no opinion
        ("The reason was that Kenyan police assaulted the Ugandan student.", "ASSAULT"),
    ],
)
def test_unasserted_keeps_acts_asserted(code_stage: Any, text: str, event: str) -> None:
    assert event in coded_types(code_stage, text)
