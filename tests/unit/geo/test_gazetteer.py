"""The gazetteer: alternate names, homonyms, countries, and names written every which way."""

from __future__ import annotations

import pytest

from dyads.geo import default_gazetteer, name_key


@pytest.mark.parametrize(
    ("name", "place", "country"),
    [
        ("Nur-Sultan", "Astana", "KAZ"),
        ("NUR SULTAN", "Astana", "KAZ"),
        ("nur sultan", "Astana", "KAZ"),
        ("Astana", "Astana", "KAZ"),
        ("Washington", "Washington", "USA"),
        ("Paris", "Paris", "FRA"),
        ("PARIS", "Paris", "FRA"),
        ("São Paulo", "São Paulo", "BRA"),
        ("SAO PAULO", "São Paulo", "BRA"),
        ("Bogota", "Bogotá", "COL"),
        ("Lodz", "Łódź", "POL"),
        ("Kiev", "Kyiv", "UKR"),
        ("St. Petersburg", "Saint Petersburg", "RUS"),
        ("Singapore", "Singapore", "SGP"),
    ],
)
def test_lookup_resolves_cities(name: str, place: str, country: str) -> None:
    found = default_gazetteer().lookup(name)
    assert found is not None
    assert (found.name, found.country, found.kind) == (place, country, "city")


def test_lookup_prefers_given_country() -> None:
    found = default_gazetteer().lookup("Paris", country="USA")
    assert found is not None
    assert (found.name, found.country) == ("Paris", "USA")


@pytest.mark.parametrize(
    ("name", "country"),
    [("Mexico", "MEX"), ("Turkey", "TUR"), ("TURKEY", "TUR"), ("Georgia", "GEO")],
)
def test_lookup_prefers_country_over_homonym_city(name: str, country: str) -> None:
    found = default_gazetteer().lookup(name)
    assert found is not None
    assert (found.kind, found.country) == ("country", country)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("Britain", "GBR"),
        ("Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("KAZ", "KAZ"),
        ("South Korea", "KOR"),
    ],
)
def test_lookup_country_names_and_short_forms(name: str, country: str) -> None:
    found = default_gazetteer().lookup_country(name)
    assert found is not None
    assert found.country == country


@pytest.mark.parametrize("name", ["WORLD", "MOST POPULAR", "Recommended", "", "NQZ", "astana x"])
def test_lookup_unknown_names(name: str) -> None:
    assert default_gazetteer().lookup(name) is None


def test_lookup_city_skips_countries() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup_city("Kazakhstan") is None
    found = gazetteer.lookup_city("Nur-Sultan", country="KAZ")
    assert found is not None and found.name == "Astana"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nur-Sultan", "NUR SULTAN"),
        ("Zürich", "zurich"),
        ("Łódź", "Lodz"),
        ("St. Gallen", "st gallen"),
    ],
)
def test_name_key_ignores_case_diacritics_punctuation(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Kerala", "IND"), ("Texas", "USA"), ("Western Cape", "ZAF"), ("Arizona", "USA")],
)
def test_lookup_resolves_first_level_divisions(name: str, country: str) -> None:
    gazetteer = default_gazetteer()
    for found in (gazetteer.lookup(name), gazetteer.lookup_local(name)):
        assert found is not None
        assert (found.kind, found.country) == ("region", country)


def test_lookup_divisions_yield_to_countries_capitals_and_plain_words() -> None:
    gazetteer = default_gazetteer()
    georgia = gazetteer.lookup("Georgia")
    assert georgia is not None and georgia.kind == "country"
    assert gazetteer.lookup_local("Georgia") is None  # the division named like a country
    assert gazetteer.lookup("Red Sea") is None  # a sea before a Sudanese state
    # a division called by a word of geography alone is no place a text names by it
    assert gazetteer.lookup_local("Gulf") is None  # the Gulf, not Papua New Guinea's Gulf
    assert gazetteer.lookup_local("Highlands") is None
    # a continent is no town of its name ("Asia" in the Philippines, "Africa" for Mahdia)
    assert gazetteer.lookup("Asia") is None
    assert gazetteer.lookup("Africa") is None
    # a city's alternate name of compass words only ("North" for North Salt Lake)
    assert gazetteer.lookup("North") is None
    assert gazetteer.lookup_city("Texas") is None  # cities only


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Winnipeg", "CAN"),  # a city, by its own name
        ("Durban", "ZAF"),
        ("Ontario", "CAN"),  # a first-level division
        ("Garissa", "KEN"),  # a county, also a town
        ("Bombay", "IND"),  # an alternate name of a city of millions
        ("Paris", "FRA"),  # Paris, Texas is far smaller
    ],
)
def test_lookup_seat_finds_places_named_in_bodies(name: str, country: str) -> None:
    found = default_gazetteer().lookup_seat(name)
    assert found is not None
    assert found.country == country


@pytest.mark.parametrize(
    "name",
    [
        "Ferguson",  # a real town, below the population prior
        "Police",  # a Polish town, and a word
        "Mission",  # towns of that name in two countries, neither dominant
        "Birmingham",  # England's and Alabama's
        "Salem",  # cities in India and the United States; also an alternate of Jerusalem
        "Franklin Roosevelt",
        "",
    ],
)
def test_lookup_seat_refuses_small_ambiguous_or_unknown_names(name: str) -> None:
    assert default_gazetteer().lookup_seat(name) is None
