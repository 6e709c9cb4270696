from __future__ import annotations

import pytest

from dyads.coding.derive import code_tables, derive
from tests.conftest import make_event


@pytest.mark.parametrize(
    ("code", "event"),
    [
        ("042", "CONSULT"),
        ("0833", "CONCEDE"),  # missing from the table: root rule 080-083
        ("0861", "RETREAT"),
        ("190", "ASSAULT"),
        ("1711", "COERCE"),
    ],
)
def test_code_tables_map_cameo_to_plover(code: str, event: str) -> None:
    plover = code_tables().plover_of(code)
    assert plover is not None and plover.event == event


@pytest.mark.parametrize("code", ["010", "0211", "02"])
def test_code_tables_statements_and_appeals_have_no_plover_event(code: str) -> None:
    assert code_tables().plover_of(code) is None


@pytest.mark.parametrize(
    ("event", "mode", "cameo", "quad"),
    [
        ("CONSULT", "visit", "042", 1),
        ("CONSULT", None, "040", 1),
        ("ASSAULT", None, "180", 4),
        ("REQUEST", None, "100", 3),
    ],
)
def test_derive_fills_cameo_quad_goldstein(
    event: str, mode: str | None, cameo: str, quad: int
) -> None:
    derived = derive(make_event(event=event, mode=mode))
    assert (derived.cameo, derived.quad) == (cameo, quad)
    assert derived.goldstein is not None


def test_derive_uses_the_trigger_code_when_it_maps_to_the_same_event() -> None:
    derived = derive(make_event(event="ASSAULT"), cameo_hint="194")
    assert derived.cameo == "194" and derived.goldstein == -10.0


def test_derive_ignores_a_trigger_code_of_another_event() -> None:
    derived = derive(make_event(event="AGREE"), cameo_hint="057")
    assert derived.cameo == "030"


def test_an_appeal_keeps_its_code_and_is_verbal_cooperation() -> None:
    derived = derive(make_event(event="REQUEST"), cameo_hint="020")
    assert (derived.cameo, derived.quad, derived.goldstein) == ("020", 1, 3.0)


def test_a_demand_stays_verbal_conflict() -> None:
    derived = derive(make_event(event="REQUEST"), cameo_hint="100")
    assert (derived.cameo, derived.quad, derived.goldstein) == ("100", 3, -5.0)


def test_an_appeal_code_is_no_hint_for_another_event() -> None:
    derived = derive(make_event(event="AGREE"), cameo_hint="026")
    assert derived.cameo == "030"


def test_an_appeal_with_a_mode_is_the_parallel_appeal() -> None:
    demand = derive(make_event(event="REQUEST", mode="assist"))
    appeal = derive(make_event(event="REQUEST", mode="assist"), cameo_hint="020")
    assert demand.cameo is not None and demand.cameo.startswith("10") and demand.quad == 3
    assert appeal.cameo == "02" + demand.cameo[2:] and appeal.quad == 1
    assert appeal.goldstein is not None and appeal.goldstein > 0
