"""How the dashboard names a party: its country with its sector, an organisation by name.

Police against protesters reads "KEN police -> KEN civilians", never "KEN -> KEN"; the UN
reads "UN", never the bare organisation code "IGO" that the store keeps as its country.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from dyads.records import ActorRef

# The codes organisations.tsv gives to bodies that belong to no one country.
ORGANISATION_CODES = frozenset({"IGO", "NGO", "IMG"})

# PLOVER sector codes (those data/sectors.tsv and data/organisations.tsv use) in words.
SECTOR_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "GOV": "government",
        "MIL": "military",
        "COP": "police",
        "JUD": "judiciary",
        "LEG": "legislature",
        "OPP": "opposition",
        "REB": "rebels",
        "PTY": "party",
        "BUS": "business",
        "MED": "media",
        "EDU": "education",
        "REL": "religious",
        "CVL": "civilians",
        "REF": "refugees",
        "CRM": "criminals",
        "SPY": "intelligence",
        "LAB": "labour",
        "HLH": "health",
        "AGR": "agriculture",
    }
)

# What an organisation code stands for where no organisation's name is at hand (a country
# picker, a partner row: counts over every body sharing the code).
GROUP_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "IGO": "intergovernmental organisations",
        "NGO": "non-governmental organisations",
        "IMG": "armed groups across borders",
    }
)

# An acronym longer than this is no easier to read than the name (the longest kept: UNESCO).
MAX_ACRONYM = 6


@cache
def short_names() -> Mapping[str, str]:
    """Organisation name -> its acronym from organisations.tsv ("United Nations" -> "UN")."""
    text = resources.files("dyads").joinpath("data", "organisations.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, aliases, *_ = [*line.split("\t"), ""]
        acronyms = [
            form.strip()
            for form in aliases.split("|")
            if form.strip().isalpha() and form.strip().isupper()
        ]
        if acronyms and len(acronyms[0]) <= MAX_ACRONYM:
            out[name] = acronyms[0]
    return MappingProxyType(out)


def code_label(code: str | None) -> str:
    """A country or organisation code as a picker or a pair shows it."""
    from dyads.store.summary import country_name

    if not code:
        return ""
    if code in GROUP_NAMES:
        return GROUP_NAMES[code]
    return country_name(code) or code


def party(actor: ActorRef) -> str:
    """``actor`` as lists show it: "KEN police", "TUR government", "UN", "NATO military"."""
    sector = SECTOR_WORDS.get(actor.sector or "")
    if actor.country in ORGANISATION_CODES or not actor.country:
        who = short_names().get(actor.name, actor.name)
        # an organisation's own sector says what it is (the UN's is IGO): shown only when it
        # says who acted for it ("U.N. peacekeepers": military)
        shown = sector if actor.sector in {"MIL", "COP", "REB"} else None
    else:
        who, shown = actor.country, sector
    return f"{who} {shown}" if shown else who


def party_title(actor: ActorRef) -> str:
    """The full description behind ``party``, for a hover title."""
    parts = [actor.name]
    if actor.title:
        parts.append(actor.title)
    if actor.country:
        parts.append(code_label(actor.country))
    if actor.sector:
        parts.append(actor.sector)
    return " · ".join(parts)


def side_label(code: str, names: tuple[str, ...]) -> str:
    """One side of a dyad: its code, or for an organisation code the organisations it
    stands for there ("EU", "UN, EU"): never a bare "IGO" when the names are known."""
    if code not in ORGANISATION_CODES or not names:
        return code
    return ", ".join(short_names().get(name, name) for name in names)
