"""Country codes analysts join on (COW, Gleditsch-Ward, FIPS 10-4) and CAMEO actor codes of
IGOs: the committed tables against the converter and the dictionary they are built from."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dyads.actors.cameo import cameo_actor_code, igo_cameo_codes
from dyads.actors.tables import CountryCodes, _data_lines, country_codes
from dyads.records import ActorRef
from tests.conftest import ROOT


def _script(name: str) -> ModuleType:
    """A script of ``scripts/`` as a module (the scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("iso3", "codes"),
    [
        ("TUR", (640, "TUR", 640, "TUR", "TU")),
        ("usa", (2, "USA", 2, "USA", "US")),
        ("DEU", (255, "GMY", 260, "GFR", "GM")),  # COW and GW number Germany differently
        ("SRB", (345, "YUG", 340, "SER", "RI")),  # COW continues Yugoslavia's 345
        ("VNM", (816, "DRV", 816, "DRV", "VM")),
        ("XKX", (347, "KOS", 347, "KOS", "KV")),
        ("SUN", (365, "RUS", 365, "RUS", None)),  # the USSR had no FIPS code of its own
        ("ABW", (None, None, None, None, "AA")),  # a territory: no COW or GW state
        ("MCO", (221, "MNC", None, None, "MN")),  # a microstate: not in GW's list
    ],
)
def test_country_codes_of_a_country(iso3: str, codes: tuple[Any, ...]) -> None:
    found = country_codes(iso3)
    assert isinstance(found, CountryCodes)
    assert (found.cown, found.cowc, found.gwn, found.gwc, found.fips) == codes
    assert found.iso3 == iso3.upper()


def test_country_codes_of_a_code_that_is_no_country() -> None:
    assert country_codes("IGO") is None
    assert country_codes("XXX") is None


def test_country_codes_agree_with_the_converter_for_every_country() -> None:
    """Every ISO-3 of the table has the converter's COW, GW and FIPS codes wherever the
    converter has one, and none where it has none, except the documented overrides."""
    pytest.importorskip("countrycode", reason="the converter is a development dependency")
    script = _script("country_codes")
    rows = _data_lines("countries.tsv")
    assert len(rows) > 250
    converted = script.codes_of([(row[0], row[1]) for row in rows])
    with_cow = 0
    for row in rows:
        iso3 = row[0]
        expected = converted[iso3]
        found = country_codes(iso3)
        assert found is not None
        got = {
            "cown": "" if found.cown is None else str(found.cown),
            "cowc": found.cowc or "",
            "gwn": "" if found.gwn is None else str(found.gwn),
            "gwc": found.gwc or "",
            "fips": found.fips or "",
        }
        assert got == expected, iso3
        with_cow += found.cown is not None
    assert with_cow >= 195  # every state of the COW system today, and the withdrawn ones


def test_country_codes_overrides_are_few_and_said_why() -> None:
    script = _script("country_codes")
    assert set(script.OVERRIDES) == {"SRB", "VNM", "YEM"}
    source = (ROOT / "scripts" / "country_codes.py").read_text(encoding="utf-8")
    for iso3 in script.OVERRIDES:
        assert f'"{iso3}": {{' in source


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        (ActorRef(name="Turkey", country="TUR", sector="GOV"), "TURGOV"),
        (ActorRef(name="United Nations", country="IGO", sector="IGO"), "IGOUNO"),
        (ActorRef(name="United Nations Security Council", country="IGO", sector="GOV"), "IGOUNO"),
        (
            ActorRef(name="North Atlantic Treaty Organization", country="IGO", sector="MIL"),
            "IGOWSTNAT",
        ),
        (ActorRef(name="European Union", country="IGO", sector="IGO"), "IGOEUREEC"),
        (ActorRef(name="African Union", country="IGO", sector="IGO"), "IGOAFRAFU"),
        (ActorRef(name="Antonio Guterres", country="IGO", sector="IGO"), "IGOUNO"),
        (ActorRef(name="Europol", country="IGO", sector="COP"), "IGOCOP"),  # not in the table
        (ActorRef(name="Amnesty International", country="NGO", sector="NGO"), "NGONGO"),
        (ActorRef(name="Gunmen"), ""),
    ],
)
def test_cameo_actor_code_of_an_actor(actor: ActorRef, code: str) -> None:
    assert cameo_actor_code(actor) == code


def test_igo_cameo_table_names_the_package_igos() -> None:
    organisations = {row[0]: row[2] for row in _data_lines("organisations.tsv")}
    leaders = {row[0]: row[2] for row in _data_lines("leaders.tsv")}
    codes = igo_cameo_codes()
    assert len(codes) > 50
    for name, code in codes.items():
        assert organisations.get(name, leaders.get(name)) == "IGO", name
        assert code.startswith(("IGO", "NGO")), (name, code)


def test_igo_cameo_table_is_what_the_dictionary_gives(shared_dir: Path, tmp_path: Path) -> None:
    dictionary = shared_dir / "resources" / "petrarch2" / "Phoenix.International.actors.txt"
    if not dictionary.is_file():
        pytest.skip(f"needs PETRARCH-2's dictionary at {dictionary}")
    out = tmp_path / "igo_cameo.tsv"
    script = _script("igo_cameo")
    assert script.main([str(dictionary), str(out), "--data", str(ROOT / "src/dyads/data")]) == 0
    committed = ROOT / "src" / "dyads" / "data" / "igo_cameo.tsv"
    assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
