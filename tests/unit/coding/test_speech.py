"""Events told in what a party says (``coding.speech``): accusation, praise and denial."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.coding.speech import might_report, speech_words
from dyads.records import Event
from tests.conftest import make_article

pytestmark = pytest.mark.slow


def _said(code_stage: Any, text: str, event: str) -> list[Event]:
    events: tuple[Event, ...] = code_stage.process(make_article((text,))).events
    return [e for e in events if e.event == event]


def _countries(refs: Any) -> set[str]:
    return {ref.country for ref in refs}


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        # a wrongdoing told of a party accuses it
        ("Kenyan officials said on Friday that Ugandan traders had illegally shipped "
         "sugar across the border.", "ACCUSE", {"KEN"}, {"UGA"}),
        ("Kenyan opposition leader Raila Odinga said on Monday that the Ugandan government "
         "had misused the loan.", "ACCUSE", {"KEN"}, {"UGA"}),
        ("The Chilean foreign minister told reporters that Bolivia lied to the court.",
         "ACCUSE", {"CHL"}, {"BOL"}),
        # a quotation headed by the quoted verb
        ('"The Ugandan army rigged the vote," the Kenyan defence minister said.',
         "ACCUSE", {"KEN"}, {"UGA"}),
        # guilt told of a party accuses it
        ("The Kenyan president said the Ugandan army was responsible for the attack.",
         "ACCUSE", {"KEN"}, {"UGA"}),
        ("The Chilean minister said the Bolivian president is a liar.", "ACCUSE",
         {"CHL"}, {"BOL"}),
        # a noun made guilty by its adjective
        ('"Bolivia is a rogue state," the Chilean president said.', "ACCUSE", {"CHL"}, {"BOL"}),
        ("The Chilean minister said Bolivia was a pariah state.", "ACCUSE", {"CHL"}, {"BOL"}),
        # merit told of a party praises it
        ("The Pakistani prime minister said the Chinese government deserves credit for the "
         "new port.", "SUPPORT", {"PAK"}, {"CHN"}),
        ("The French president said Senegal has made contributions to peace in the region.",
         "SUPPORT", {"FRA"}, {"SEN"}),
        ("The Peruvian minister said Chile played a constructive role in the talks.",
         "SUPPORT", {"PER"}, {"CHL"}),
        # another's claims denied
        ("The Russian foreign minister said the British government's allegations were "
         "baseless.", "REJECT", {"RUS"}, {"GBR"}),
        ("The Ghanaian president said, contrary to Togo's claims, the border was open.",
         "REJECT", {"GHA"}, {"TGO"}),
        # "I" in a quotation is its speaker; a speech act the speaker wishes to perform is
        # performed ("I want to thank", "I would like to congratulate")
        ('"I urge Uganda to reopen the border," the Kenyan president said on Monday.',
         "REQUEST", {"KEN"}, {"UGA"}),
        ('"I want to thank Uganda for its help," the Kenyan president said on Monday.',
         "SUPPORT", {"KEN"}, {"UGA"}),
        ('"I would like to congratulate Uganda on the vote," the Kenyan president said.',
         "SUPPORT", {"KEN"}, {"UGA"}),
        # up a chain of clauses, the verb of saying names the speaker, not a clause the
        # quotation holds ("so he is being tested" is no one's saying)
        ('"We have imposed the strongest sanctions on Uganda, so its leader is being tested '
         'with them," the Kenyan foreign minister said.', "SANCTION", {"KEN"}, {"UGA"}),
        # "my country", "our government" in a quotation is the speaker's state
        ('"My country will never accept these demands," the Iranian foreign minister said.',
         "REJECT", {"IRN"}, set()),
        # claims called baseless where they stand, in what a party says
        ('The Kenyan president said: "For such groundless accusations, I have no comment."',
         "REJECT", {"KEN"}, set()),
        ("The Kenyan president said he did not believe the Ugandan government's claims.",
         "REJECT", {"KEN"}, {"UGA"}),
        # a verb that lays weight on what is said reports it as well
        ("The Ghanaian minister emphasized that the Nigerian government's allegations were "
         "unfounded.", "REJECT", {"GHA"}, {"NGA"}),
        ("The Peruvian minister underlined that Chile has misused the funds.", "ACCUSE",
         {"PER"}, {"CHL"}),
        # a predicate of guilt by a noun of condemnation
        ("The Ukrainian president said the Russian referendum was a sham.", "ACCUSE",
         {"UKR"}, {"RUS"}),
        # an act of force a party claims was done is its allegation against the doer
        ("The Kenyan opposition leader claims he was assaulted by Ugandan police officers in "
         "Kampala.", "ACCUSE", {"KEN"}, {"UGA"}),
        ("The Egyptian foreign ministry contended that Saudi police had beaten the activist.",
         "ACCUSE", {"EGY"}, {"SAU"}),
    ],
)  # fmt: skip
def test_speech_codes_what_the_statement_tells(
    code_stage: Any, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    coded = _said(code_stage, text, event)
    assert len(coded) == 1, coded
    assert _countries(coded[0].actors) == actors
    assert _countries(coded[0].recipients) == recipients


@pytest.mark.parametrize(
    "text",
    [
        # negated, under a modal, under a condition, in the future
        "The Kenyan president said the Ugandan government did not misuse the loan.",
        "The Kenyan president said the Ugandan government could misuse the loan.",
        "The Kenyan president said the Ugandan government would misuse the loan if elected.",
        "The Kenyan president said the Ugandan government will misuse the loan.",
        # a report that is not asserted
        "The Kenyan president did not say the Ugandan government had misused the loan.",
        # a commentator's view
        "A Kenyan analyst said the Ugandan government had misused the loan.",
        # no party is the subject of the wrongdoing
        "The Kenyan president said the loan had been misused.",
        # "fail" and "lie" in their other senses
        "The Kenyan president said talks with Uganda failed.",
        "The Kenyan president said the Ugandan town lies near the lake.",
        # a duty is no guilt; guilt denied
        "The Kenyan president said the Ugandan army is responsible for security.",
        "The Kenyan president said the Ugandan government is not corrupt.",
        "The Kenyan president said Uganda is a friendly state.",
        "The Kenyan president said the Ugandan election was a criminal matter for the courts.",
        # no claims to call baseless
        "The Kenyan president said there were no false claims by Uganda.",
        # no merit denied or asserted
        "The Pakistani minister said China does not deserve credit for the port.",
        "The Peruvian minister said Chile played a role in the talks.",
    ],
)
def test_speech_codes_no_event_for_what_is_not_asserted(code_stage: Any, text: str) -> None:
    coded = [e for event in ("ACCUSE", "SUPPORT", "REJECT") for e in _said(code_stage, text, event)]
    assert coded == []


def test_speech_needs_a_speaker_of_a_known_country(code_stage: Any) -> None:
    assert (
        _said(code_stage, "Someone said the Ugandan government had looted the loan.", "ACCUSE")
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        # reported by a verb that does not dispute it, the act is the news
        "Ugandan police officers assaulted the Kenyan opposition leader in Kampala, the "
        "Kenyan embassy said.",
        # a commentator's claim
        "A Kenyan analyst claims Ugandan police officers assaulted the opposition leader.",
    ],
)
def test_speech_claims_only_what_a_party_disputes(code_stage: Any, text: str) -> None:
    assert _said(code_stage, text, "ACCUSE") == []


def test_speech_leaves_an_accusing_verb_its_own_reading(code_stage: Any) -> None:
    # "alleged" is a trigger of its own: its clause is not read a second time
    text = "The Kenyan president alleged that the Ugandan government misused the loan."
    coded = _said(code_stage, text, "ACCUSE")
    assert len(coded) == 1
    assert _countries(coded[0].actors) == {"KEN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said they had misused the funds.", True),
        ("She said the claims were false.", True),
        ("The minister said the weather was fine.", False),
    ],
)
def test_might_report_finds_the_sentences_worth_parsing(text: str, expected: bool) -> None:
    assert might_report(text) is expected


def test_speech_words_are_closed_classes_of_the_table() -> None:
    words = speech_words()
    assert {"say", "tell"} <= words.reporting
    assert {"misuse", "rig", "embezzle"} <= words.wrongdoing
    assert "analyst" in words.commentator
