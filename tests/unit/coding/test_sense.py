"""The event type from the word's sense: what it is done to, and what only tells the time."""

from __future__ import annotations

from typing import Any

import pytest

from dyads.coding.lexicon import ABSTRACT, parse_rows, word_classes
from dyads.errors import LexiconError
from tests.conftest import coded_events

pytestmark = pytest.mark.slow

HEADER = (
    "lemma\tpos\tevent\tmode\tcameo\tprep\tparticle\tobject\trecipient\tcontexts\tweight\tflags"
)


def _rows(*lines: str) -> list[Any]:
    return list(parse_rows([HEADER, *lines], source="test"))


def test_a_word_class_is_read_as_its_words_on_the_object_itself() -> None:
    (row,) = _rows("slate\tV\tACCUSE\t-\t111\t-\t-\t@discourse\tdobj\t-\t0.7\t-")
    assert row.objects == frozenset() and row.class_objects == word_classes()[ABSTRACT]
    assert "proposal" in row.class_objects


def test_an_excluded_word_class_keeps_the_plain_words_apart() -> None:
    (row,) = _rows("grab\tV\tCOERCE\t-\t171\t-\t-\t!town|@opportunity\tdobj\t-\t0.7\t-")
    assert row.excluded_objects == frozenset({"town"})
    assert "chance" in row.class_excluded and row.class_objects == frozenset()


def test_an_unknown_word_class_is_an_error() -> None:
    with pytest.raises(LexiconError, match="unknown word classes"):
        _rows("slate\tV\tACCUSE\t-\t111\t-\t-\t@nonsense\tdobj\t-\t0.7\t-")


def test_force_rows_without_objects_of_their_own_rule_out_what_is_said() -> None:
    bare, aimed = _rows(
        "pummel\tV\tASSAULT\t-\t190\t-\t-\t-\tdobj\t-\t0.7\t-",
        "pummel\tV\tASSAULT\t-\t190\t-\t-\ttown\tdobj\t-\t0.7\t-",
    )
    assert bare.class_excluded == word_classes()[ABSTRACT]
    assert aimed.class_excluded == frozenset()  # its own objects decide


def _types(code_stage: Any, text: str) -> set[str]:
    return {event.event for event in coded_events(code_stage, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bodily force against people, places and things
        ("Rebels attacked an army convoy near the Malian border.", {"ASSAULT"}),
        ("Mali's army attacked rebel positions near Gao.", {"ASSAULT"}),
        ("Gunmen attacked the election commission offices in Kano.", {"ASSAULT"}),
        ("The Peruvian navy shot down a Bolivian drone.", {"ASSAULT"}),
        ("Thai police stormed the offices of the Cambodian opposition.", {"ASSAULT"}),
        ("Iran seized a Greek oil tanker in the Gulf.", {"COERCE"}),
        ("Egypt banned the Muslim Brotherhood.", {"COERCE"}),
        # a ban on trade is a sanction, also of a share of it
        ("Japan banned beef imports from Brazil.", {"SANCTION"}),
        ("China banned most of its coal exports to Japan.", {"SANCTION"}),
        # the same words against what is said or decided, or an idiom
        ("Chile's foreign minister attacked the Bolivian proposal.", {"ACCUSE"}),
        ("Chile's senate shot down the Bolivian proposal.", {"REJECT"}),
        ("The Kenyan president fired the finance minister.", set()),
        ("The Thai envoy stormed out of the meeting with Cambodian officials.", set()),
        # a strike is a protest; striking a note or a tone is not
        ("Teachers in Nigeria struck on Monday against the government's pay plan.", {"PROTEST"}),
        ("The Nigerian president struck a conciliatory tone toward Ghana on Monday.", set()),
        # allowing: access for outsiders is a retreat; a thing let through is no event
        ("Syria allowed UN inspectors into the Homs facility.", {"RETREAT"}),
        ("Peru is allowing natural gas to flow through its pipelines.", set()),
    ],
)
def test_the_object_decides_the_sense(code_stage: Any, text: str, expected: set[str]) -> None:
    assert _types(code_stage, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # blame told by a phrasal verb or an idiom: the particle or the object makes the sense
        ("The Kenyan president hit out at Uganda over the border closure.", {"ACCUSE"}),
        ("The Kenyan army hit a Somali militant base near the border.", {"ASSAULT"}),
        ("France singled Panama out for wrongdoing.", {"ACCUSE"}),
        ("The Russian president took aim at Britain on Tuesday.", {"ACCUSE"}),
        ("Pakistan pointed the finger at India for the attack.", {"ACCUSE"}),
        ("The Turkish president railed against Germany in a speech.", {"ACCUSE"}),
        ("The Nigerian leader berated Ghana for the trade barriers.", {"ACCUSE"}),
        ("Miners blasted through the rock near the Chilean border.", set()),
        # people taken captive are abducted
        ("Hundreds of Iraqi villagers were taken captive by Syrian rebels.", {"ASSAULT"}),
        # meeting with people is consulting; meeting with an act is receiving it
        ("The Kenyan president met with Ugandan officials.", {"CONSULT"}),
        ("The Israeli plan was met with criticism from Egypt.", {"ACCUSE"}),
        ("The Israeli plan was met with silence in Egypt.", set()),
        # shunning a meeting refuses it
        ("The Bangladeshi opposition shunned the talks with the Indian envoy.", {"REJECT"}),
        # sealing or forging a deal agrees to it; inking one signs it
        ("Kenya sealed an agreement with Ethiopia on Tuesday.", {"AGREE"}),
        ("India forged a partnership with Japan.", {"AGREE"}),
        ("Egypt inked a trade deal with Sudan.", {"SUPPORT"}),
        # sanctions slapped or put on a country; forces put on alert are mobilized
        ("The United States slapped sanctions on Venezuela.", {"SANCTION"}),
        ("The Dutch government put sanctions on Belarus.", {"SANCTION"}),
        ("Japan put its forces on alert after the North Korean launch.", {"MOBILIZE"}),
        # refusals told by a phrasal verb; ruling out a cause of death refuses nothing
        ("The Indian prime minister ruled out talks with Pakistan.", {"REJECT"}),
        ("Police ruled out foul play in the death of the Kenyan activist.", set()),
        ("Ghana turned down the Nigerian offer of a loan.", {"REJECT"}),
        ("The Kremlin shrugged off the British sanctions.", {"REJECT"}),
        ("The Ugandan government refuted the Kenyan claims.", {"REJECT"}),
        ("The Saudi crown prince extolled the Greek government.", {"SUPPORT"}),
        # challenging or daring someone to act asks it; challenging a ruling or a claim
        # disputes it, and daring to act is courage
        ("The Kenyan president challenged Uganda to hold talks.", {"REQUEST"}),
        ("The Kenyan president dared Uganda to close the border.", {"REQUEST"}),
        ("Kenya challenged the Ugandan decision.", {"ACCUSE"}),
        ("Kenya challenged the ruling in court.", set()),
        ("Kenya dared to criticise Uganda.", {"ACCUSE"}),
        # advising someone to act (or not to) asks it; advising on a subject, or the public
        # on its safety, does not
        ("The Kenyan minister advised Uganda not to close the border.", {"REQUEST"}),
        ("The Kenyan minister advised the Ugandan cabinet on trade policy.", set()),
        ("Kenyan police advised residents to stay indoors.", set()),
        # a call for something or to act asks for it; a call to or with someone is a phone
        # call, and a call from someone says neither
        ("The Kenyan president issued a call for calm.", {"REQUEST"}),
        ("The Kenyan president renewed his call for Uganda to withdraw.", {"REQUEST"}),
        ("The Kenyan opposition's calls to resign grew louder.", {"REQUEST"}),
        ("The South African president made a phone call to the Kenyan president.",
         {"CONSULT"}),
        ("The Kenyan president got a call from Trump.", set()),
        # being in talks is talking; being in demand is no demand made
        ("Kenya has been in talks with Uganda.", {"CONSULT"}),
        ("Kenyan coaches are in high demand in Uganda.", set()),
        # a word said that is sent is that word, not aid sent
        ("Ghana sent a request for help to Nigeria.", {"REQUEST"}),
        ("Kenya sent a formal complaint to Uganda.", {"ACCUSE"}),
        ("Kenya sent Uganda a stern warning.", {"THREATEN"}),
        ("Kenya sent an apology to Uganda.", {"SUPPORT"}),
        ("Kenya sent aid to Uganda.", {"AID"}),
    ],
)  # fmt: skip
def test_phrasal_verbs_and_idioms_report_their_event(
    code_stage: Any, text: str, expected: set[str]
) -> None:
    assert _types(code_stage, text) == expected


def test_a_party_allowed_to_act_is_a_concession(code_stage: Any) -> None:
    text = "Malaysia's home minister allowed the opposition leader to hold a rally."
    (concession,) = [e for e in coded_events(code_stage, text) if e.event == "CONCEDE"]
    assert [r.sector for r in concession.recipients] == ["OPP"]


def test_seizing_a_chance_is_no_seizure(code_stage: Any) -> None:
    found = _types(code_stage, "Peru's president seized the chance to meet the Chilean leader.")
    assert "COERCE" not in found


def test_a_time_phrase_is_no_target(code_stage: Any) -> None:
    # "fire on" names a target; "fired ... on Monday" only says when
    assert _types(code_stage, "The Kenyan president fired his finance minister on Monday.") == set()
    assert _types(code_stage, "Kenyan police fired on protesters in Nairobi.") == {"ASSAULT"}


def test_agreeing_with_a_view_is_no_agreement(code_stage: Any) -> None:
    view = "The Japanese space agency agreed that the Chinese station cannot be steered."
    assert "AGREE" not in _types(code_stage, view)
    deal = "Peru and Chile agreed to resume talks on the border in Lima on Monday."
    assert _types(code_stage, deal) == {"AGREE"}


def test_two_agreements_of_one_pair_with_different_contents_stay_apart(code_stage: Any) -> None:
    text = (
        "Greece and Egypt agreed on Monday to form a joint team on energy studies. "
        "The two countries also agreed to expand cooperation in shipping."
    )
    agreements = [e for e in coded_events(code_stage, text) if e.event == "AGREE"]
    assert len(agreements) == 2


def test_what_is_signed_or_praised_tells_two_acts_apart(code_stage: Any) -> None:
    signed = (
        "Greece and Egypt agreed on Monday to form a joint team on energy studies. "
        "The two countries also signed a memorandum on shipping."
    )
    assert len([e for e in coded_events(code_stage, signed) if e.event == "AGREE"]) == 2
    praised = (
        "The Egyptian president praised the strong partnership with Greece on Monday. "
        "The Egyptian president also praised the help of the Greek navy in the rescue."
    )
    assert len([e for e in coded_events(code_stage, praised) if e.event == "SUPPORT"]) == 2


def test_one_act_blamed_in_other_words_stays_one_event(code_stage: Any) -> None:
    # the object of a blame names its target, which a story calls by several words
    text = (
        "Japan condemned the missile launch by North Korea on Monday. "
        "Japan condemned the move as a grave threat."
    )
    assert len([e for e in coded_events(code_stage, text) if e.event == "ACCUSE"]) == 1


def test_an_order_to_stop_or_give_up_something_coerces(code_stage: Any) -> None:
    suspend = "The Nicaraguan government ordered an opposition newspaper to suspend publication."
    assert _types(code_stage, suspend) == {"COERCE"}
    delete = "Chinese journalists were ordered on Monday to delete all reports about the leak."
    assert _types(code_stage, delete) == {"COERCE"}
    appear = "A Chilean judge ordered the Peruvian minister to appear before the court."
    assert _types(code_stage, appear) == {"REQUEST"}


def test_what_a_noun_of_support_is_for_tells_two_acts_apart(code_stage: Any) -> None:
    text = (
        "The Egyptian president praised the support of the Greek government for the bid of "
        "Cairo to host the games. Egypt reaffirmed its support for Greece's candidacy for a "
        "seat on the council."
    )
    supports = [e for e in coded_events(code_stage, text) if e.event == "SUPPORT"]
    assert len(supports) == 2
    # the same support told twice, once bare, stays one
    twice = (
        "Egypt reaffirmed its support for Greece's candidacy for a seat on the council on "
        "Monday. The Egyptian minister said the support was firm."
    )
    assert len([e for e in coded_events(code_stage, twice) if e.event == "SUPPORT"]) <= 1
