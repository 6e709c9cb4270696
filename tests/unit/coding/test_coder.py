"""The coder on single sentences it was not tuned on: arguments, modality, phrasal triggers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyads.records import Event
from tests.conftest import coded_events, coded_types, make_article

pytestmark = pytest.mark.slow


def _only(code_stage: Any, text: str) -> Event:
    events = coded_events(code_stage, text)
    assert len(events) == 1, events
    return events[0]


def _countries(refs: Any) -> set[str]:
    return {ref.country for ref in refs}


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        ("Israeli troops were attacked by Hamas militants.", "ASSAULT", {"PSE"}, {"ISR"}),
        ("Egyptian police arrested ten Sudanese smugglers.", "COERCE", {"EGY"}, {"SDN"}),
        ("Egypt accused Israel of violating the truce.", "ACCUSE", {"EGY"}, {"ISR"}),
        ("France urged Iran to release the jailed reporters.", "REQUEST", {"FRA"}, {"IRN"}),
        ("Iran refused to meet the French envoy.", "REJECT", {"IRN"}, {"FRA"}),
        ("Chile praised Peru for its restraint.", "SUPPORT", {"CHL"}, {"PER"}),
        ("Uruguay voiced strong support for Paraguay.", "SUPPORT", {"URY"}, {"PRY"}),
        ("Libyan gunmen kidnapped two Tunisian diplomats.", "ASSAULT", {"LBY"}, {"TUN"}),
        ("Ethiopian jets hit a rebel camp near Mekele.", "ASSAULT", {"ETH"}, {"ETH"}),
        (
            "A Saudi-led coalition air strike killed nine people at a fish market in Yemen.",
            "ASSAULT",
            {"SAU"},
            {"YEM"},
        ),
        ("Japan donated rice to North Korea.", "AID", {"JPN"}, {"PRK"}),
        ("Kenya deployed troops to Somalia.", "MOBILIZE", {"KEN"}, {"SOM"}),
        ("Norway imposed sanctions on Belarus.", "SANCTION", {"NOR"}, {"BLR"}),
    ],
)
def test_code_directed_events(
    code_stage: Any, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    coded = _only(code_stage, text)
    assert coded.event == event
    assert _countries(coded.actors) == actors
    assert _countries(coded.recipients) == recipients


def test_code_passive_without_agent_or_place_has_an_unknown_actor(code_stage: Any) -> None:
    coded = _only(code_stage, "Five Turkish journalists were arrested on Monday.")
    assert coded.event == "COERCE" and coded.mode == "arrest"
    assert [(a.country, a.sector) for a in coded.actors] == [(None, "UNK")]
    assert _countries(coded.recipients) == {"TUR"}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Kenyan activist died on Monday after being shot in Nairobi.", "ASSAULT"),
        ("The Ugandan minister resigned on Monday after being accused of fraud.", "ACCUSE"),
    ],
)
def test_code_subject_of_a_clause_above_undergoes_a_subjectless_passive(
    code_stage: Any, text: str, event: str
) -> None:
    coded = [e for e in coded_events(code_stage, text) if e.event == event]
    assert coded
    assert all(not _countries(e.actors) - {None} for e in coded)
    assert all(_countries(e.recipients) & {"KEN", "UGA"} for e in coded)


def test_code_reciprocal_subjects_are_all_actors(code_stage: Any) -> None:
    coded = _only(code_stage, "Turkey and Kazakhstan discussed defense cooperation.")
    assert coded.event == "CONSULT"
    assert _countries(coded.actors) == {"TUR", "KAZ"} and coded.recipients == ()
    assert "military" in coded.contexts


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Western nations such as Britain criticized Iran on Monday.", {"GBR"}),
        ("Several governments, including Germany and Italy, condemned Serbia.", {"DEU", "ITA"}),
    ],
)
def test_code_members_named_for_a_group_of_states_act(
    code_stage: Any, text: str, actors: set[str]
) -> None:
    coded = _only(code_stage, text)
    assert coded.event == "ACCUSE"
    assert actors <= _countries(coded.actors)


def test_code_examples_of_other_groups_are_no_parties(code_stage: Any) -> None:
    text = "Cities such as Los Angeles criticized the Mexican government on Monday."
    assert all(a.country != "USA" for e in coded_events(code_stage, text) for a in e.actors)


def test_code_meet_with_is_consult_with_recipient(code_stage: Any) -> None:
    coded = _only(code_stage, "The Greek foreign minister met with Turkey's defense minister.")
    assert coded.event == "CONSULT" and coded.mode is None
    assert _countries(coded.actors) == {"GRC"} and _countries(coded.recipients) == {"TUR"}


@pytest.mark.parametrize(
    "text",
    [
        "The Iranian president visited Pakistan on Monday.",
        "The Indian foreign minister met Nepal's prime minister during a visit to Nepal.",
    ],
)
def test_code_visit_mode(code_stage: Any, text: str) -> None:
    coded = _only(code_stage, text)
    assert (coded.event, coded.mode, coded.cameo) == ("CONSULT", "visit", "042")


@pytest.mark.parametrize(
    "text",
    [
        "The London mayor visited the crash site on Thursday.",
        "The Kenyan president's visit to the flooded villages lasted an hour.",
        # where a visitor comes from is not whom she visits
        "A tourist visiting from Dallas was among the Americans who fled Nice.",
        # private people travelling: a journey, not a visit of state
        "Dozens of French residents travelled to Syria to fight for Islamic State.",
    ],
)
def test_code_visit_needs_a_host(code_stage: Any, text: str) -> None:
    assert "CONSULT" not in coded_types(code_stage, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not attack Ukraine.",
        "Russian troops failed to capture the Ukrainian town.",
        # the one denied is the subject of the verb the purpose hangs on
        "No Russian minister flew to Kyiv to meet Ukrainian officials.",
    ],
)
def test_code_negated_events_are_not_emitted(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()
    candidates, _ = code_stage.candidates(make_article((text,)))
    assert candidates and all(c.negated for c in candidates)


@pytest.mark.parametrize(
    "text",
    [
        "Germany could impose sanctions on Russia.",
        "If the talks succeed, Serbia may sign a trade agreement with Croatia.",
    ],
)
def test_code_hypothetical_events_are_not_emitted(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()
    candidates, _ = code_stage.candidates(make_article((text,)))
    assert candidates and all(c.hypothetical for c in candidates)


@pytest.mark.parametrize(
    "text",
    [
        "Chile accused Peru of ignoring the ruling, even if Lima did send a delegation.",
        "Chile criticised Peru as if the dispute had never been settled.",
    ],
)
def test_even_if_and_as_if_put_no_condition_on_the_act(code_stage: Any, text: str) -> None:
    coded = _only(code_stage, text)
    assert coded.event == "ACCUSE"
    assert _countries(coded.actors) == {"CHL"} and _countries(coded.recipients) == {"PER"}


def test_the_aim_of_a_purpose_is_no_act_but_the_purpose_verb_is(code_stage: Any) -> None:
    aim = "Bolivia filed a lawsuit at the court to force Chile to negotiate with Bolivia."
    assert "CONSULT" not in [e.event for e in coded_events(code_stage, aim)]
    trip = "Turkish President Erdogan flew to Moscow to meet Russian President Putin."
    assert "CONSULT" in [e.event for e in coded_events(code_stage, trip)]


def test_code_stated_conflict_plan_is_threaten(code_stage: Any) -> None:
    coded = _only(code_stage, "China said it will impose sanctions on Lithuania.")
    assert coded.event == "THREATEN"
    assert _countries(coded.actors) == {"CHN"} and _countries(coded.recipients) == {"LTU"}


def test_code_conditional_conflict_act_is_threaten(code_stage: Any) -> None:
    coded = _only(code_stage, "Serbia may expel the Croatian ambassador if the talks fail.")
    assert coded.event == "THREATEN"
    assert _countries(coded.actors) == {"SRB"} and _countries(coded.recipients) == {"HRV"}


def test_code_stated_cooperative_plan_is_agree(code_stage: Any) -> None:
    coded = _only(code_stage, "Canada will provide food aid to Haiti.")
    assert coded.event == "AGREE"


def test_code_reported_speech_codes_the_reported_act(code_stage: Any) -> None:
    coded = _only(code_stage, "Russian officials said Ukrainian forces shelled the village.")
    assert coded.event == "ASSAULT" and coded.mode == "heavy-weapons"
    assert _countries(coded.actors) == {"UKR"}


def test_code_every_infinitive_of_a_demand_is_what_it_asks(spacy_parser: Any) -> None:
    from dyads.coding.lexicon import default_lexicon
    from dyads.coding.triggers import find_triggers

    # the parse hangs "comply" and "allow" on "called", not on "to cease": they are what the
    # call asks, not acts of their own
    text = (
        'Kenya called on the Ugandan leadership "to cease further testing, comply with the '
        'relevant Security Council resolutions, and allow space to explore talks."'
    )
    (doc,) = spacy_parser.parse([text])
    found = find_triggers(doc, lexicon=default_lexicon())
    assert [t.token.lower_ for t in found] == ["called"]


def test_code_a_romanised_given_name_is_part_of_the_actor(code_stage: Any) -> None:
    # "Jae-in" had been split into "Jae", "-", "in" and parsed as a subject of its own
    text = "South Korean President Pak Jae-in met the Japanese prime minister in Tokyo."
    coded = _only(code_stage, text)
    assert coded.event == "CONSULT" and [a.name for a in coded.actors] == ["Pak Jae-in"]
    assert _countries(coded.actors) == {"KOR"} and _countries(coded.recipients) == {"JPN"}


def test_code_must_clause_is_a_demand_of_the_speaker(code_stage: Any) -> None:
    coded = _only(code_stage, "Russia said Sudan must return the seized helicopter.")
    assert coded.event == "REQUEST"
    assert _countries(coded.actors) == {"RUS"} and _countries(coded.recipients) == {"SDN"}
    # the speaker's own resolve is no demand
    own = '"We must look for measures against Sudan\'s threats," the Russian minister said.'
    assert "REQUEST" not in coded_types(code_stage, own)


@pytest.mark.parametrize(
    ("text", "event", "mode"),
    [
        ("The Polish opposition called for new elections.", "REQUEST", None),
        ("The Brazilian president called his Chilean counterpart.", "CONSULT", "phone"),
        ("Syrian soldiers fired at Turkish border guards.", "ASSAULT", "firearms"),
        ("Serbian workers staged a protest against the government.", "PROTEST", "demo"),
        ("Moroccan diplomats held talks with Algerian officials.", "CONSULT", None),
        ("Vietnam lifted its embargo on Cambodian rice.", "RETREAT", "ease"),
        ("Ecuador severed diplomatic ties with Colombia.", "SANCTION", "withdraw"),
        ("Tajik troops launched an offensive against Kyrgyz border posts.", "ASSAULT", None),
        ("Algerian teachers began a hunger strike outside the ministry.", "PROTEST", "hunger"),
        ("Iran offered talks to Saudi Arabia.", "AGREE", None),
    ],
)
def test_code_phrasal_triggers(code_stage: Any, text: str, event: str, mode: str | None) -> None:
    coded = _only(code_stage, text)
    assert (coded.event, coded.mode) == (event, mode)


@pytest.mark.parametrize(
    "text",
    [
        "The Egyptian ministry released photos of the damaged bridge.",
        "Pictures released by the Syrian army showed the damaged bridge.",
        "Swiss officials investigated the cause of the train crash.",
        "Kenya added six new ministries to its list of priorities.",
        "The Kenyan president spoke by phone with reporters on Friday.",
        # specifics offered at a hearing are no offer to a party
        "The Kenyan minister offered few specifics on the Ugandan talks.",
        # a release of no one named frees no one
        "Uganda cited the letter Kenya sent and released on Friday.",
        "The Kenyan ship approached the Ugandan port for refuelling.",
        "Kenya turned over the Ugandan emails for review.",
        # rights withheld are no claim denied
        "Kenya denied Ugandan refugees their rights.",
        # an instruction to no one named: a private word, not an appeal
        "The Kenyan doctor told him to take the coach to the hospital.",
    ],
)
def test_code_non_political_uses_make_no_event(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


def test_code_actor_without_country_or_sector_makes_no_event(code_stage: Any) -> None:
    assert coded_events(code_stage, "Somebody attacked the building.") == ()


def test_code_resolves_relative_dates(code_stage: Any) -> None:
    article = make_article(
        ("Indian police arrested two Nepalese traders on Tuesday.",), published=date(2021, 2, 5)
    )
    (coded,) = code_stage.process(article).events
    assert (coded.date, coded.date_method) == (date(2021, 2, 2), "relative")


def test_code_evidence_offsets_index_the_body(code_stage: Any) -> None:
    article = make_article(
        ("Nothing happened here.", "Later, Greek police detained three Turkish fishermen.")
    )
    (coded,) = code_stage.process(article).events
    (evidence,) = coded.evidence
    assert article.body[evidence.start : evidence.end] == evidence.sentence
    assert evidence.paragraph == 2 and evidence.trigger is not None
    assert article.body[evidence.trigger.start : evidence.trigger.end] == "detained"


@pytest.mark.parametrize(
    ("text", "quad", "positive"),
    [
        ("Norway urged Sudan to open talks with the rebels.", 1, True),
        ("Norway called on Sudan to open talks with the rebels.", 1, True),
        ("Kenya appealed to Uganda for calm along the border.", 1, True),
        ("Norway demanded that Sudan open talks with the rebels.", 3, False),
    ],
)
def test_an_appeal_is_verbal_cooperation_and_a_demand_verbal_conflict(
    code_stage: Any, text: str, quad: int, positive: bool
) -> None:
    event = _only(code_stage, text)
    assert event.event == "REQUEST"
    assert event.quad == quad
    assert event.goldstein is not None and (event.goldstein > 0) is positive


@pytest.mark.parametrize(
    "text",
    [
        "Norway pushed for Sudan to open talks with the rebels.",
        "Norway pushed Sudan to open talks with the rebels.",
        "Norway lobbied for Sudan to open talks with the rebels.",
        "Norway pressed for talks with Sudan on Monday.",
    ],
)
def test_pushing_lobbying_and_pressing_for_an_act_ask_for_it(code_stage: Any, text: str) -> None:
    event = _only(code_stage, text)
    assert event.event == "REQUEST" and "SDN" in _countries(event.recipients)


def test_a_call_for_a_party_to_act_asks_that_party(code_stage: Any) -> None:
    # "for" is the mark of the infinitive's clause, not a preposition of "called"
    event = _only(code_stage, "Norway called for Sudan to open talks with the rebels.")
    assert event.event == "REQUEST"
    assert _countries(event.actors) == {"NOR"} and "SDN" in _countries(event.recipients)


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        ("Norway lauded Kenya for its restraint at the border.", "SUPPORT", {"NOR"}, {"KEN"}),
        # a vote for an act is the act; money lent or given
        (
            "The Norwegian parliament voted to impose sanctions on Kenya.",
            "SANCTION",
            {"NOR"},
            {"KEN"},
        ),
        ("Norway loaned Kenya 5 billion dollars.", "AID", {"NOR"}, {"KEN"}),
        ("Norway gave Kenya 10 million euros in aid.", "AID", {"NOR"}, {"KEN"}),
        # told to act, fire exchanged, demands ignored, the one "to blame"
        ("Norway told Kenya to withdraw its troops.", "REQUEST", {"NOR"}, {"KEN"}),
        ("Norwegian troops exchanged fire with Kenyan soldiers.", "ASSAULT", {"NOR"}, {"KEN"}),
        ("Norway ignored Kenyan demands for talks.", "REJECT", {"NOR"}, {"KEN"}),
        ("Norway said Kenya was to blame for the raid.", "ACCUSE", {"NOR"}, {"KEN"}),
        # a word spoken by phone is a call; a word spoken to reporters is not
        ("Norway's premier spoke by phone with the Kenyan president.", "CONSULT", {"NOR"}, {"KEN"}),
        # a candidate for office is a party's
        ("The Norwegian opposition candidate criticized Kenya.", "ACCUSE", {"NOR"}, {"KEN"}),
        # help sought from someone
        ("Norwegian investigators contacted Kenyan police for help.", "REQUEST", {"NOR"}, {"KEN"}),
        ("Norway turned to Kenya for military assistance.", "REQUEST", {"NOR"}, {"KEN"}),
        # threats turned on someone
        ("Norwegian militants directed threats at Kenya.", "THREATEN", {"NOR"}, {"KEN"}),
        # an allegation is against the subject of what it alleges
        ("Norway alleged that Kenya had violated the ceasefire.", "ACCUSE", {"NOR"}, {"KEN"}),
        # suspects handed over, trade blocked
        ("Norway handed over the suspects to Kenya.", "COOPERATE", {"NOR"}, {"KEN"}),
        ("Norway blocked Kenyan imports on Monday.", "SANCTION", {"NOR"}, {"KEN"}),
        # put on a list: the preposition on the verb or hung by the parse on its object
        ("Norway added six Kenyan firms to its sanctions list.", "SANCTION", {"NOR"}, {"KEN"}),
        ("Norway placed six Kenyan firms on a blacklist.", "SANCTION", {"NOR"}, {"KEN"}),
        (
            "Norway placed six Kenyan firms and 20 of their ships on sanctions list.",
            "SANCTION",
            {"NOR"},
            {"KEN"},
        ),
        # blame laid: the adjective the parse hangs on the verb as a clause of its own
        ("Norway held Kenya responsible for the attack.", "ACCUSE", {"NOR"}, {"KEN"}),
        ("China encouraged Japan to resume talks with Korea.", "REQUEST", {"CHN"}, {"JPN"}),
        ("The Ghanaian panel recommended that Togo reopen the border.", "REQUEST", {"GHA"}, set()),
        ("Pakistan skipped the talks with India in Geneva.", "REJECT", {"PAK"}, set()),
        ("A Kenyan court fined the Ugandan trader for smuggling.", "SANCTION", {"KEN"}, {"UGA"}),
        # PLOVER: a conviction or a court's sentence is SANCTION 'convict'
        (
            "A Kenyan court sentenced the Ugandan trader to five years in prison.",
            "SANCTION",
            {"KEN"},
            {"UGA"},
        ),
    ],
)
def test_verbs_of_praise_encouragement_boycott_and_penalty(
    code_stage: Any, text: str, event: str, actors: set[str], recipients: set[str]
) -> None:
    found = _only(code_stage, text)
    assert found.event == event
    assert _countries(found.actors) == actors
    assert recipients <= _countries(found.recipients)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("A Kenyan judge ordered the arrest of the Ugandan trader.", "COERCE"),
        ("The Indian court ordered an investigation into the Pakistani firm.", "ACCUSE"),
        ("Washington ordered sanctions against Iranian shipping firms.", "SANCTION"),
    ],
)
def test_an_order_of_an_act_is_that_act(code_stage: Any, text: str, event: str) -> None:
    assert _only(code_stage, text).event == event


def test_an_order_to_someone_stays_a_request(code_stage: Any) -> None:
    found = _only(code_stage, "Egypt ordered Israel to open the crossing at Rafah.")
    assert (found.event, _countries(found.recipients)) == ("REQUEST", {"ISR"})


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ethiopian police placed a Kenyan journalist under house arrest.", "COERCE"),
        ("The United States placed three Iranian banks under sanctions.", "SANCTION"),
    ],
)
def test_placing_someone_under_a_measure_is_the_measure(
    code_stage: Any, text: str, event: str
) -> None:
    found = _only(code_stage, text)
    assert found.event == event
    assert _countries(found.recipients) <= {"KEN", "IRN"} and found.recipients


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia's prime minister hoped to end the deadlock with Eritrea.",
        "Russia wants to attack Ukraine from the north.",
        "Georgia wished to join NATO.",
    ],
)
def test_a_wish_is_neither_an_act_nor_a_plan(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


def test_an_analysts_view_is_no_event(code_stage: Any) -> None:
    text = "Lee Min-jun, a South Korean professor, accused North Korea of provoking Japan."
    assert coded_events(code_stage, text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # a vote won, not a beating
        "The Kenyan president beat the opposition leader, 204 votes to 152.",
        # an obligation, not its fulfilment
        "Ghana is required to expel the Nigerian traders under the new law.",
    ],
)
def test_votes_won_and_obligations_are_no_acts(code_stage: Any, text: str) -> None:
    assert coded_events(code_stage, text) == ()


def test_the_subject_of_a_clause_on_the_object_is_not_acted_on(code_stage: Any) -> None:
    # "he" in the clause on "the girl" is the one who dated her (and here, by the article's
    # memory, a Kenyan spokesman), not someone stabbed
    text = (
        "Kenyan spokesman Paul Otieno said the market was closed. "
        "On Thursday, a Somali man fatally stabbed the girl he had been dating in Mombasa."
    )
    stabbings = [e for e in coded_events(code_stage, text) if e.event == "ASSAULT"]
    assert stabbings
    assert all(r.name != "Paul Otieno" for e in stabbings for r in e.recipients)
