"""Events as a GDELT 2.0-style event table: tab-separated, no header, the 61 columns of the
GDELT 2.0 Event Codebook in its order.

What goes where, and how it differs from GDELT's own files:

- Actor country codes are ISO 3166-1 alpha-3 (``TUR``), not CAMEO country codes (which are
  mostly, not always, ISO-3). The place's ``*Geo_CountryCode`` is ISO-3 too by default;
  with ``ExportOptions(country_codes="fips")`` (``dyads export --format gdelt
  --country-codes fips``, ``GET /events?format=gdelt&country_codes=fips``) it is the FIPS
  10-4 code GDELT writes there (``TU``), empty for a country FIPS has no code for.
- ``GLOBALEVENTID`` is a decimal integer: the first 60 bits of our event id (a sha256 hex
  digest; other ids are hashed first), so it is stable across exports and fits a BIGINT.
- ``Actor1*`` is the first actor, ``Actor2*`` the first recipient; further actors are only
  in the other formats. An event with no recipient whose actors are of several countries
  (a joint action: "Japan and South Korea agreed ...") has its first actor of another
  country as ``Actor2*``, so that the row keeps both sides of the dyad. ``ActorNCode`` is
  the CAMEO actor code (``dyads.actors.cameo``): country + sector (``TURGOV``), the way
  CAMEO actor codes compose, or an IGO's own code (``IGOUNO``, ``IGOWSTNAT``);
  ``ActorNType1Code`` is the PLOVER sector. An actor that is not of a country has no
  ``ActorNCountryCode``; its ``ActorNKnownGroupCode`` is, as in GDELT, the group's
  three-letter CAMEO code, the last part of its code in the IGO table (``UNO``, ``NAT``,
  ``HCR``, ``IRC``) unless that part is a CAMEO region or sector (``IGOAGR``: none), or
  else its own code (``IGO``, ``NGO``).
- ``IsRootEvent`` is 1 when the first evidence sentence is in the first paragraph.
- ``EventCode``/``EventBaseCode``/``EventRootCode`` are the derived CAMEO code cut to 4, 3
  and 2 digits. ``QuadClass`` and ``GoldsteinScale`` are derived from the PLOVER type.
- ``AvgTone`` is the tone of the first article (``dyads.clean.tone``: VADER, -10..+10;
  empty when unknown), not GDELT's word-count measure.
- The ethnic/religion codes, ``ActorNType2/3Code`` and every ``ADM1``/``ADM2`` column are
  empty: we do not compute them.
- ``ActorNGeo_*`` are empty; ``ActionGeo_*`` is the event place: type 1 (country) or
  4 (world city), ``FeatureID`` is the geonames id (GDELT uses GNS/GNIS ids).
- ``FractionDate`` is year + (day of year - 1) / days in year, to four decimals.
- ``DATEADDED`` is when the event was stored, ``YYYYMMDDHHMMSS`` in UTC; ``SOURCEURL`` is
  the URL of the first article that reported it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, date
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, TextIO

from dyads.export.fields import Fields, stored_event_fields
from dyads.export.options import DEFAULT_OPTIONS, FIPS, ExportOptions

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
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
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

GEO_TYPE_COUNTRY = 1  # GDELT geo types: 1 COUNTRY, 2 USSTATE, 3 USCITY, 4 WORLDCITY, 5 WORLDSTATE
GEO_TYPE_WORLD_CITY = 4
GEO_TYPE_WORLD_STATE = 5  # a first-level division (a state, province or region)
GEO_TYPES = MappingProxyType(
    {"country": GEO_TYPE_COUNTRY, "city": GEO_TYPE_WORLD_CITY, "region": GEO_TYPE_WORLD_STATE}
)
_HEX_ID = re.compile(r"[0-9a-f]{15,}")
_ID_HEX_DIGITS = 15  # 60 bits: unique enough for any event table, and fits a signed BIGINT


def global_event_id(event_id: str) -> int:
    """A stable integer id: the first 60 bits of the (hashed, if not hex) event id."""
    digest = event_id if _HEX_ID.fullmatch(event_id) else hashlib.sha256(event_id.encode())
    hex_digits = digest if isinstance(digest, str) else digest.hexdigest()
    return int(hex_digits[:_ID_HEX_DIGITS], 16)


@cache
def is_country_code(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code.upper()) is not None


CAMEO_PART = 3  # CAMEO actor codes compose three-letter parts
# CAMEO's region and sector parts (CAMEO manual, actor codebook): the last part of an IGO
# code that is one of these names the kind of organisation, not a known group.
CAMEO_REGIONS_AND_SECTORS = frozenset(
    {
        *("AFR", "ASA", "BLK", "BAL", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM"),
        *("MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST"),
        *("AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI"),
        *("JUD", "LAB", "LEG", "MED", "MIL", "MNC", "OPP", "REB", "REF", "REL", "SPY", "UAF"),
    }
)


def known_group_code(actor: Fields) -> str:
    """``ActorNKnownGroupCode`` of an actor that is not of a country (see the docstring)."""
    code, cameo = actor["country"] or "", actor["cameo"] or ""
    own = f"{code}{actor['sector'] or ''}"
    if code and cameo.startswith(code) and cameo != own:  # a code of the IGO table
        last = cameo[-CAMEO_PART:]
        return "" if len(cameo) == len(code) or last in CAMEO_REGIONS_AND_SECTORS else last
    return code


def actor_cells(actor: Fields | None) -> list[str]:
    """The ten ``ActorN*`` cells of an actor's fields (``dyads.export.fields``)."""
    if actor is None:
        return [""] * len(_ACTOR_FIELDS)
    code = actor["country"] or ""
    sector = actor["sector"] or ""
    country = code if code and is_country_code(code) else ""
    group = known_group_code(actor) if code and not country else ""
    return [actor["cameo"], actor["name"], country, group, "", "", "", sector, "", ""]


def geo_cells(place: Fields | None, *, options: ExportOptions = DEFAULT_OPTIONS) -> list[str]:
    """The eight ``*Geo_*`` cells of a place's fields; the country code ISO-3 or, as the
    options ask, FIPS 10-4."""
    if place is None:
        return [""] * len(_GEO_FIELDS)
    country = place["fips"] if options.country_codes == FIPS else place["country"]
    geo_type = GEO_TYPES.get(place["kind"], GEO_TYPE_WORLD_CITY)
    lat, lon, geonameid = place["lat"], place["lon"], place["geonameid"]
    return [
        str(geo_type),
        place["name"],
        country or "",
        "",
        "",
        "" if lat is None else f"{lat:.4f}",
        "" if lon is None else f"{lon:.4f}",
        "" if geonameid is None else str(geonameid),
    ]


def date_cells(day: date | None) -> list[str]:
    """``SQLDATE``, ``MonthYear``, ``Year`` and ``FractionDate``."""
    if day is None:
        return ["", "", "", ""]
    days_in_year = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    fraction = day.year + (day.timetuple().tm_yday - 1) / days_in_year
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _num(value: float | int | None) -> str:
    return "" if value is None else str(value)


def _partner(actors: list[Fields]) -> Fields | None:
    """The first actor of another country than the first actor's: the second side of a
    joint action."""
    first = actors[0]["country"] if actors else None
    return next((a for a in actors[1:] if a["country"] and a["country"] != first), None)


def gdelt_row(stored: StoredEvent, *, options: ExportOptions = DEFAULT_OPTIONS) -> list[str]:
    """The 61 cells of one event, in ``GDELT_COLUMNS`` order."""
    fields = stored_event_fields(stored)
    cameo = fields["cameo"] or ""
    actors, recipients, evidence = fields["actors"], fields["recipients"], fields["evidence"]
    first = evidence[0] if evidence else None
    added = fields["added"]
    if added is not None and added.tzinfo is not None:
        added = added.astimezone(UTC)
    row = [str(global_event_id(fields["id"])), *date_cells(fields["date"])]
    row += actor_cells(actors[0] if actors else None)
    row += actor_cells(recipients[0] if recipients else _partner(actors))
    row += [
        "1" if first is not None and first["paragraph"] == 1 else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        _num(fields["quad"]),
        _num(fields["goldstein"]),
        str(fields["num_mentions"]),
        str(fields["num_sources"]),
        str(fields["num_articles"]),
        _num(fields["tone"]),
    ]
    row += geo_cells(None) + geo_cells(None) + geo_cells(fields["place"], options=options)
    row += ["" if added is None else added.strftime("%Y%m%d%H%M%S"), fields["url"] or ""]
    return row


def write_gdelt(
    events: Iterable[StoredEvent], *, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS
) -> int:
    """Write one tab-separated row per event (no header, as GDELT); return the row count.

    Cells are never quoted, as in GDELT's files: read them with ``quoting=csv.QUOTE_NONE``.
    """
    count = 0
    for stored in events:
        stream.write("\t".join(_clean(cell) for cell in gdelt_row(stored, options=options)))
        stream.write("\n")
        count += 1
    return count


def _clean(cell: str) -> str:
    """Tabs and newlines would break the row: a TSV cell holds neither."""
    return cell.replace("\t", " ").replace("\n", " ").replace("\r", " ")
