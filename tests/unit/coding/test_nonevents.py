"""Sentences with an event word that report no act (``coding.nonevents``) and planned
gatherings with no one to meet (``coding.filters``), on invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import coded_types, make_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # habits: a simple present with a word of frequency, frames of habit and reputation
        ("Venezuela repeatedly defies the sanctions imposed by the United States.", "REJECT"),
        ("The Turkish navy routinely patrols the Aegean coast near Greece.", "MOBILIZE"),
        ("Canada has made it a practice to criticize China over human rights.", "ACCUSE"),
        ("The Ugandan opposition leader is known for criticizing Kenya.", "ACCUSE"),
        # a rate on a simple present, on the verb, its object or the verb it is joined to
        ("The Kenyan agency rejects 80 Ugandan applicants a year.", "REJECT"),
        ("Kenya deports hundreds of Ugandan traders every month.", "COERCE"),
        ("The Kenyan firm opens 900 accounts per year but rejects 70 Ugandans.", "REJECT"),
        ("Kenyan and Ugandan officials meet annually to review the border.", "CONSULT"),
        ("Palestinian villagers have protested weekly against Israeli rule.", "PROTEST"),
        # a word of sparse frequency in any tense
        ("The Peruvian government has at times supported Bolivian claims to the sea.", "SUPPORT"),
        ("The Chilean president has seldom called for talks with Bolivia.", "REQUEST"),
        ("Japan has from time to time protested to China over the islands.", "ACCUSE"),
        # a manner of acting
        ("The Kenyan ruling could affect the way Ugandan migrants are deported.", "COERCE"),
        ("Kenya changed the way it arrests Ugandan traders.", "COERCE"),
        # refusals to comment
        ("A spokesman for the Egyptian ministry declined to comment on the arrests.", "REJECT"),
        ("Nigerian police refused to say whether the suspects had been released.", "REJECT"),
        # an act thought of
        ("The Kenyan president raised the idea of visiting Somalia.", "CONSULT"),
        # an act allowed or offered as a possibility
        ("The Chilean airline said it has the right to refuse Peruvian passengers.", "REJECT"),
        # alternatives
        ("Either the Iraqi government accepts the demands or it faces sanctions.", "CONCEDE"),
        # descriptions of people
        ("He was the last Japanese prime minister to visit China.", "CONSULT"),
        ("The Russian officials charged with investigating the leak met on Monday.", "ACCUSE"),
        # a forecast
        ("The Kenyan parliament will almost certainly send the bill to Uganda.", "AGREE"),
        # an allegation with no one making it
        ("The Nigerian minister has been accused of using his role to favour Ghana.", "ACCUSE"),
        # a request planned, not made
        ("Canadian prosecutors will seek an arrest warrant from the Kenyan court.", "REQUEST"),
        ("The Egyptian lawyer said he would appeal the verdict to the court.", "REQUEST"),
        # an act named only as what a party will announce
        ("Canada plans to announce its withdrawal from the fisheries pact with Norway.", "AGREE"),
        # an act expected later, not refused
        ("The Kenyan government will not be sending the aid to Uganda yet.", "REJECT"),
        # gatherings planned with no one to meet
        ("The French president scheduled a meeting with his defence chiefs.", "AGREE"),
        ("The German foreign ministry will hold a conference to detail the rules.", "AGREE"),
    ],
)
def test_nonevents_sentence_reports_no_act(code_stage: Any, text: str, absent: str) -> None:
    assert absent not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a past act, even a repeated one, is news
        ("Venezuela repeatedly defied the sanctions imposed by the United States.", "REJECT"),
        # a rate tells a habit only in the simple present
        ("Kenya rejected the Ugandan claim a week ago.", "REJECT"),
        # refusing a demand is a rejection, refusing to comment is not
        ("Hamas refused to respond to a demand from Israel to release the hostages.", "REJECT"),
        # "either way" is an adverb
        ("Either way, Russian troops shelled the Ukrainian town on Monday.", "ASSAULT"),
        # becoming the first or latest one to act reports the act
        ("Peru became the latest country to recognize the government of Bolivia.", "SUPPORT"),
        # charged with an offence
        ("Police charged the Nigerian activist with insulting the Ghanaian president.", "ACCUSE"),
        # a planned visit or meeting with someone named is an intent to meet (AGREE)
        ("The Spanish prime minister will visit Morocco next week.", "AGREE"),
        ("Kenya will host talks with Uganda next month.", "AGREE"),
        # an offer to host is an offer
        ("King Hassan said Morocco would be ready to host a meeting of the two sides.", "AGREE"),
        # an accusation someone made
        ("The Nigerian minister has been accused by Ghana of bribery.", "ACCUSE"),
        # a promise keeps its AGREE
        ("The Italian government pledged to provide aid to Tunisia.", "AGREE"),
        # a refusal is a negated cooperative act with no "yet"
        ("The Kenyan government will not be sending the aid to Uganda.", "REJECT"),
    ],
)
def test_nonevents_keeps_the_acts(code_stage: Any, text: str, event: str) -> None:
    assert event in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda supply nearly all of South Sudan's fuel imports.",
        "Kenyan rangers also patrol the river borders with Uganda and Tanzania.",
    ],
)
def test_nonevents_material_acts_in_the_simple_present_are_states(
    code_stage: Any, text: str
) -> None:
    article = make_article(("Kenya and Uganda hold border talks", text))
    assert all(e.evidence[0].paragraph == 1 for e in code_stage.process(article).events)


def test_nonevents_a_headline_in_the_present_reports_the_news(code_stage: Any) -> None:
    article = make_article(("Kenya bans Ugandan sugar imports", "The ban starts in May."))
    assert "SANCTION" in [e.event for e in code_stage.process(article).events]


@pytest.mark.parametrize(
    "text",
    [
        # a standing attitude
        "The Ugandan senator has been critical of Kenya's handling of the border crisis.",
        # a point conceded in an argument
        "The Kenyan minister conceded that not every Ugandan offender deserves a lighter sentence.",
    ],
)
def test_nonevents_standing_attitudes_and_points_conceded(code_stage: Any, text: str) -> None:
    assert coded_types(code_stage, text) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Ugandan senator was critical of Kenya's handling of the crisis on Monday.", "ACCUSE"),
        ("Kenya conceded to Ugandan demands for a border review on Monday.", "CONCEDE"),
    ],
)
def test_nonevents_attitudes_shown_and_concessions_made(
    code_stage: Any, text: str, event: str
) -> None:
    assert event in coded_types(code_stage, text)
