from __future__ import annotations

import pytest

from dyads.records import ActorRef
from dyads.serve.web.labels import code_label, party, short_names


@pytest.mark.parametrize(
    ("actor", "label"),
    [
        (ActorRef(name="Kenyan police", country="KEN", sector="COP"), "KEN police"),
        (ActorRef(name="protesters", country="KEN", sector="CVL"), "KEN civilians"),
        (ActorRef(name="Turkey", country="TUR", sector="GOV"), "TUR government"),
        (ActorRef(name="Turkey", country="TUR"), "TUR"),
        (ActorRef(name="United Nations", country="IGO", sector="IGO"), "UN"),
        (ActorRef(name="European Union", country="IGO", sector="IGO"), "EU"),
        (ActorRef(name="United Nations", country="IGO", sector="MIL"), "UN military"),
        (ActorRef(name="United Nations Security Council", country="IGO", sector="GOV"), "UNSC"),
        (ActorRef(name="Arab League", country="IGO"), "Arab League"),
        (
            ActorRef(name="Amnesty International", country="NGO", sector="NGO"),
            "Amnesty International",
        ),
        (ActorRef(name="gunmen"), "gunmen"),
    ],
)
def test_party_names_sector_beside_country_and_organisations_by_name(
    actor: ActorRef, label: str
) -> None:
    assert party(actor) == label


def test_police_against_protesters_is_not_a_country_against_itself() -> None:
    police = ActorRef(name="police", country="KEN", sector="COP")
    crowd = ActorRef(name="protesters", country="KEN", sector="CVL")
    assert f"{party(police)} -> {party(crowd)}" == "KEN police -> KEN civilians"


def test_short_names_come_from_the_organisation_table() -> None:
    names = short_names()
    assert names["United Nations"] == "UN"
    assert names["North Atlantic Treaty Organization"] == "NATO"
    assert all(1 < len(short) <= 6 and short.isupper() for short in names.values())


@pytest.mark.parametrize(
    ("code", "label"),
    [("KAZ", "Kazakhstan"), ("IGO", "intergovernmental organisations"), ("ZZZ", "ZZZ"), (None, "")],
)
def test_code_label_names_countries_and_organisation_codes(code: str | None, label: str) -> None:
    assert code_label(code) == label
