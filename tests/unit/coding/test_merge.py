from __future__ import annotations

from datetime import date

import pytest

from dyads.coding.candidate import Candidate
from dyads.coding.dates import ResolvedDate
from dyads.coding.merge import merge_candidates
from dyads.records import ActorRef, Article, Evidence
from tests.conftest import make_article

ARTICLE: Article = make_article(("One.", "Two.", "Three."))
TUR = ActorRef(name="Turkey", country="TUR")
KAZ = ActorRef(name="Kazakhstan", country="KAZ")
DERE = ActorRef(name="Muhsin Dere", country="TUR", sector="GOV", title="Deputy Minister")
ARMENIA = ActorRef(name="Armenia", country="ARM")


def _candidate(
    index: int,
    *,
    actors: tuple[ActorRef, ...],
    recipients: tuple[ActorRef, ...] = (),
    event: str = "CONSULT",
    when: ResolvedDate | None = None,
    mode: str | None = None,
) -> Candidate:
    start = index * 10
    return Candidate(
        event=event,
        mode=mode,
        actors=actors,
        recipients=recipients,
        reciprocal=not recipients,
        date=when or ResolvedDate(value=date(2021, 2, 4), method="explicit"),
        evidence=Evidence(
            sentence=f"s{index}",
            paragraph=index + 1,
            sentence_index=index,
            start=start,
            end=start + 4,
        ),
        confidence=0.6,
    )


def test_merge_same_happening_told_twice_is_one_event() -> None:
    lead = _candidate(0, actors=(TUR, KAZ))
    detail = _candidate(
        1,
        actors=(DERE,),
        recipients=(KAZ,),
        when=ResolvedDate(value=date(2021, 2, 5), method="publication"),
        mode="visit",
    )
    (event,) = merge_candidates([lead, detail], article=ARTICLE)
    assert [e.paragraph for e in event.evidence] == [1, 2]
    assert event.actors == (DERE,) and event.recipients == (KAZ,)
    assert (event.date, event.date_method, event.mode) == (date(2021, 2, 4), "explicit", "visit")
    assert event.confidence > 0.6 and event.cameo == "042"


def test_merge_keeps_events_of_different_dates_apart() -> None:
    first = _candidate(0, actors=(TUR, KAZ))
    later = _candidate(
        1, actors=(TUR, KAZ), when=ResolvedDate(value=date(2021, 3, 1), method="explicit")
    )
    assert len(merge_candidates([first, later], article=ARTICLE)) == 2


def test_merge_takes_a_date_borrowed_from_another_clause_as_no_date() -> None:
    # "passed sanctions last week, after the test of Nov. 29": the second report's date is
    # another act's and does not keep the two reports apart
    dated = _candidate(0, actors=(TUR, KAZ))
    borrowed = ResolvedDate(value=date(2021, 1, 20), method="explicit", borrowed=True)
    assert (
        len(
            merge_candidates(
                [dated, _candidate(1, actors=(TUR, KAZ), when=borrowed)], article=ARTICLE
            )
        )
        == 1
    )


def test_merge_keeps_different_types_and_parties_apart() -> None:
    consult = _candidate(0, actors=(TUR, KAZ))
    assault = _candidate(1, actors=(TUR,), recipients=(KAZ,), event="ASSAULT")
    other = _candidate(2, actors=(TUR,), recipients=(ARMENIA,))
    assert len(merge_candidates([consult, assault, other], article=ARTICLE)) == 3


def test_merge_keeps_opposite_directions_apart() -> None:
    one = _candidate(0, actors=(TUR,), recipients=(KAZ,), event="ASSAULT")
    back = _candidate(1, actors=(KAZ,), recipients=(TUR,), event="ASSAULT")
    assert len(merge_candidates([one, back], article=ARTICLE)) == 2


def test_merge_event_id_is_stable() -> None:
    candidates = [_candidate(0, actors=(TUR, KAZ)), _candidate(1, actors=(TUR,), recipients=(KAZ,))]
    first = merge_candidates(candidates, article=ARTICLE)
    again = merge_candidates(list(reversed(candidates)), article=ARTICLE)
    assert [e.id for e in first] == [e.id for e in again]


def test_merge_does_not_chain_unrelated_parties() -> None:
    only_turkey = _candidate(0, actors=(TUR,), event="MOBILIZE")
    both = _candidate(1, actors=(TUR, KAZ), event="MOBILIZE")
    only_kazakhstan = _candidate(2, actors=(KAZ,), event="MOBILIZE")
    events = merge_candidates([only_turkey, both, only_kazakhstan], article=ARTICLE)
    assert len(events) == 2
    assert [len(e.evidence) for e in events] == [2, 1]


def test_merge_keeps_acts_of_different_parties_on_one_government_apart() -> None:
    ruto = ActorRef(name="William Ruto", country="KEN", sector="GOV")
    protesters = ActorRef(name="Kenya", country="KEN", sector="CVL")
    un = ActorRef(name="United Nations", country="IGO", sector="IGO")
    kenya = ActorRef(name="Kenya", country="KEN", sector="GOV")
    demand = _candidate(0, actors=(protesters,), recipients=(ruto,), event="REQUEST")
    call = _candidate(1, actors=(un,), recipients=(kenya,), event="REQUEST")
    events = merge_candidates([demand, call], article=ARTICLE)
    assert [e.actors for e in events] == [(protesters,), (un,)]


def test_merge_treats_police_and_troops_of_one_country_as_one_party() -> None:
    guards = ActorRef(name="Tajikistan", country="TJK", sector="COP")
    forces = ActorRef(name="Tajikistan", country="TJK", sector="MIL")
    kyrgyz = ActorRef(name="Kyrgyzstan", country="KGZ")
    clash = _candidate(0, actors=(guards, kyrgyz), event="ASSAULT")
    shelling = _candidate(1, actors=(forces,), recipients=(kyrgyz,), event="ASSAULT")
    (event,) = merge_candidates([clash, shelling], article=ARTICLE)
    assert [e.paragraph for e in event.evidence] == [1, 2]


def test_merge_keeps_denials_of_two_office_holders_apart() -> None:
    minister = ActorRef(name="Ayla Koru", country="TUR", sector="GOV", title="Foreign Minister")
    envoy = ActorRef(name="Ms. Demir", country="TUR", sector="GOV", title="Ambassador")
    first = _candidate(0, actors=(minister,), recipients=(KAZ,), event="REJECT")
    also = _candidate(1, actors=(envoy,), recipients=(KAZ,), event="REJECT")
    assert len(merge_candidates([first, also], article=ARTICLE)) == 2


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Mr. Koru", "Minister"),  # the same name, another form of the office
        ("Turkey", "Foreign Minister"),  # the office, its holder unnamed
        ("Ayla Koru", None),  # the name with no office
    ],
)
def test_merge_joins_reports_that_may_name_one_office_holder(name: str, title: str | None) -> None:
    minister = ActorRef(name="Ayla Koru", country="TUR", sector="GOV", title="Foreign Minister")
    again = ActorRef(name=name, country="TUR", sector="GOV", title=title)
    first = _candidate(0, actors=(minister,), recipients=(KAZ,), event="REJECT")
    later = _candidate(1, actors=(again,), recipients=(KAZ,), event="REJECT")
    assert len(merge_candidates([first, later], article=ARTICLE)) == 1


def test_merge_in_one_countrys_news_needs_actors_called_alike() -> None:
    police = ActorRef(name="Ulm police", country="DEU", sector="COP")
    chief = ActorRef(name="the police chief", country="DEU", sector="COP")
    victims = ActorRef(name="victims", country="DEU")
    mayor = ActorRef(name="Anna Roth", country="DEU", sector="GOV", title="Mayor")
    germany = ActorRef(name="Germany", country="DEU")
    accused = _candidate(0, actors=(victims,), recipients=(police,), event="ACCUSE")
    outraged = _candidate(1, actors=(mayor,), recipients=(police,), event="ACCUSE")
    # victims who accuse the police and a mayor who does are two accusations
    assert len(merge_candidates([accused, outraged], article=ARTICLE)) == 2
    # the police and the police chief may be one party; so may Germany and its mayor
    said = _candidate(0, actors=(police,), recipients=(victims,), event="ACCUSE")
    again = _candidate(1, actors=(chief,), recipients=(victims,), event="ACCUSE")
    assert len(merge_candidates([said, again], article=ARTICLE)) == 1
    state = _candidate(2, actors=(germany,), recipients=(police,), event="ACCUSE")
    assert len(merge_candidates([outraged, state], article=ARTICLE)) == 1


def test_merge_in_one_countrys_news_keeps_a_named_speaker_apart_from_unsaid_words() -> None:
    police = ActorRef(name="Ulm police", country="DEU", sector="COP")
    mayor = ActorRef(name="Anna Roth", country="DEU", sector="GOV", title="Mayor")
    gunman = ActorRef(name="gunman", country="DEU")
    # "the police chief has been criticized", "victims accused the police" (no party named
    # doing either), then "the mayor is outraged": the mayor's words are another accusation
    criticized = _candidate(0, actors=(), recipients=(police,), event="ACCUSE")
    accused = _candidate(1, actors=(), recipients=(police,), event="ACCUSE")
    outraged = _candidate(2, actors=(mayor,), recipients=(police,), event="ACCUSE")
    assert len(merge_candidates([criticized, accused, outraged], article=ARTICLE)) == 2
    # an attack told first with no attacker, then by its attacker, is one attack
    killed = _candidate(0, actors=(), recipients=(police,), event="ASSAULT")
    shot = _candidate(1, actors=(gunman,), recipients=(police,), event="ASSAULT")
    assert len(merge_candidates([killed, shot], article=ARTICLE)) == 1


def test_merge_between_countries_keeps_differently_named_actors_together() -> None:
    # across a dyad the countries tell the parties apart: the rule above is not needed
    minister = ActorRef(name="Ilse Varga", country="TUR", sector="GOV", title="Minister")
    lead = _candidate(0, actors=(TUR,), recipients=(KAZ,), event="ACCUSE")
    detail = _candidate(1, actors=(minister,), recipients=(KAZ,), event="ACCUSE")
    assert len(merge_candidates([lead, detail], article=ARTICLE)) == 1


def test_merge_keeps_police_force_on_an_attacker_apart_from_the_attack() -> None:
    """ "80 people were killed" (no attacker named) and "police shot and killed the driver"
    are two happenings: the police did not kill the 80."""
    victims = ActorRef(name="people", country="FRA", sector="CVL")
    police = ActorRef(name="police", country="FRA", sector="COP")
    driver = ActorRef(name="driver", country="FRA")
    killed = _candidate(0, actors=(), recipients=(victims,), event="ASSAULT")
    shot = _candidate(1, actors=(police,), recipients=(driver,), event="ASSAULT")
    events = merge_candidates([killed, shot], article=ARTICLE)
    assert len(events) == 2
    massacre = next(e for e in events if victims in e.recipients)
    assert not massacre.actors
    # the police firing on the crowd, were it told so, is the same act of force
    on_crowd = _candidate(1, actors=(police,), recipients=(victims,), event="ASSAULT")
    assert len(merge_candidates([killed, on_crowd], article=ARTICLE)) == 1
