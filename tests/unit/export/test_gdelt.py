from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from dyads.export.gdelt import (
    GDELT_COLUMNS,
    date_cells,
    gdelt_row,
    global_event_id,
    write_gdelt,
)
from dyads.export.options import ExportOptions, UnknownCountryCodes
from dyads.records import ActorRef, Place
from tests.conftest import make_article, make_event, make_stored_event


def _read(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == 61 for row in rows)
    return [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]


def test_gdelt_columns_are_the_61_of_the_codebook_in_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    )
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_write_gdelt_reads_back_61_tab_separated_fields_per_row() -> None:
    article = make_article(('Turkey\tand "NATO" agreed,\nat last.',))
    event = make_event(
        article=article,
        actors=(("Turkey", "TUR"),),
        recipients=(("NATO", "NATO"),),
        cameo="0311",
        quad=1,
        goldstein=5.2,
        place=Place(name="Ankara", country="TUR", lat=39.9199, lon=32.8543, geonameid=323786),
    )
    added = datetime(2021, 2, 6, 9, 5, 7, tzinfo=UTC)
    events = [make_stored_event(event, added=added), make_stored_event(make_event(id="plain"))]
    stream = io.StringIO()

    assert write_gdelt(events, stream=stream) == 2

    first, second = _read(stream.getvalue())
    assert first["SQLDATE"] == "20210204"
    assert (first["MonthYear"], first["Year"]) == ("202102", "2021")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "TURGOV",
        "TUR",
        "GOV",
    )
    assert (first["Actor2CountryCode"], first["Actor2KnownGroupCode"]) == ("", "NATO")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "0311",
        "031",
        "03",
    )
    assert (first["QuadClass"], first["GoldsteinScale"], first["IsRootEvent"]) == ("1", "5.2", "1")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("3", "2", "2")
    assert (first["ActionGeo_Type"], first["ActionGeo_CountryCode"]) == ("4", "TUR")
    assert first["ActionGeo_FeatureID"] == "323786"
    assert first["Actor1Geo_Type"] == ""
    assert first["DATEADDED"] == "20210206090507"
    assert first["SOURCEURL"].startswith("https://")
    assert second["GLOBALEVENTID"] == str(global_event_id("plain"))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 1, 1), ["20210101", "202101", "2021", "2021.0000"]),
        (date(2021, 7, 2), ["20210702", "202107", "2021", "2021.4986"]),
        (date(2020, 12, 31), ["20201231", "202012", "2020", "2020.9973"]),
        (None, ["", "", "", ""]),
    ],
)
def test_date_cells_give_sqldate_month_year_and_fraction(
    day: date | None, expected: list[str]
) -> None:
    assert date_cells(day) == expected


def test_global_event_id_is_a_stable_60_bit_integer() -> None:
    hex_id = "ab" * 32
    assert global_event_id(hex_id) == int(hex_id[:15], 16)
    assert global_event_id("not-hex") == global_event_id("not-hex")
    assert 0 <= global_event_id("not-hex") < 2**60


def test_gdelt_row_without_recipient_or_place_leaves_those_cells_empty() -> None:
    event = replace(make_event(recipients=()), cameo=None)
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_stored_event(event)), strict=True))
    assert row["Actor2Code"] == ""
    assert row["ActionGeo_Type"] == ""
    assert row["EventRootCode"] == ""


def test_gdelt_row_of_a_joint_action_puts_the_partner_in_actor2() -> None:
    """ "Japan and South Korea agreed ...": no recipient, actors of two countries."""
    joint = make_event(
        event="AGREE",
        actors=(("Japan", "JPN"), ("Tokyo", "JPN"), ("South Korea", "KOR")),
        recipients=(),
    )
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_stored_event(joint)), strict=True))
    assert (row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("JPN", "KOR")
    alone = make_event(actors=(("Japan", "JPN"), ("Tokyo", "JPN")), recipients=())
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_stored_event(alone)), strict=True))
    assert (row["Actor1CountryCode"], row["Actor2Code"]) == ("JPN", "")


def _igo(name: str, sector: str = "IGO") -> ActorRef:
    return ActorRef(name=name, text=name, country="IGO", sector=sector)


@pytest.mark.parametrize(
    ("actor", "code", "group"),
    [
        (_igo("United Nations"), "IGOUNO", "UNO"),
        (_igo("North Atlantic Treaty Organization", "MIL"), "IGOWSTNAT", "NAT"),
        (_igo("United Nations High Commissioner for Refugees"), "IGOUNOREFHCR", "HCR"),
        (_igo("Food and Agriculture Organization"), "IGOAGR", ""),  # AGR: a sector
        (_igo("Some Regional Body"), "IGOIGO", "IGO"),  # not in the IGO table
    ],
)
def test_gdelt_row_gives_an_igo_its_cameo_code_and_known_group(
    actor: ActorRef, code: str, group: str
) -> None:
    event = replace(make_event(), recipients=(actor,))
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_stored_event(event)), strict=True))
    assert (row["Actor2Code"], row["Actor2KnownGroupCode"]) == (code, group)
    assert row["Actor2CountryCode"] == ""
    assert (row["Actor1Code"], row["Actor1KnownGroupCode"]) == ("TURGOV", "")


def test_gdelt_country_codes_fips_writes_fips_in_the_geo_country_column() -> None:
    place = Place(name="Ankara", country="TUR", lat=39.92, lon=32.85, kind="city")
    stored = make_stored_event(make_event(place=place))
    default = dict(zip(GDELT_COLUMNS, gdelt_row(stored), strict=True))
    fips = dict(
        zip(
            GDELT_COLUMNS,
            gdelt_row(stored, options=ExportOptions(country_codes="fips")),
            strict=True,
        )
    )
    assert (default["ActionGeo_CountryCode"], fips["ActionGeo_CountryCode"]) == ("TUR", "TU")
    # the actor columns are not GDELT's FIPS columns: they keep their codes
    assert fips["Actor1CountryCode"] == default["Actor1CountryCode"] == "TUR"
    stream = io.StringIO()
    write_gdelt([stored], stream=stream, options=ExportOptions(country_codes="fips"))
    assert _read(stream.getvalue())[0]["ActionGeo_CountryCode"] == "TU"


def test_gdelt_avg_tone_is_the_first_articles_tone() -> None:
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_stored_event(tone=-2.345)), strict=True))
    assert row["AvgTone"] == "-2.345"
    row = dict(zip(GDELT_COLUMNS, gdelt_row(make_stored_event()), strict=True))
    assert row["AvgTone"] == ""


def test_export_options_refuse_an_unknown_code_system() -> None:
    with pytest.raises(UnknownCountryCodes, match="iso3, fips"):
        ExportOptions(country_codes="cow")


@pytest.mark.parametrize(("kind", "geo_type"), [("country", "1"), ("city", "4"), ("region", "5")])
def test_gdelt_geo_type_follows_the_place_kind(kind: str, geo_type: str) -> None:
    place = Place(name="Kerala", country="IND", kind=kind)
    row = dict(
        zip(GDELT_COLUMNS, gdelt_row(make_stored_event(make_event(place=place))), strict=True)
    )
    assert row["ActionGeo_Type"] == geo_type
