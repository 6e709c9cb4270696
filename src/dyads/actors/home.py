"""The home country of an article: where its news happens, when the article makes that clear.

Local news names its own country rarely and its people, parties and offices often: "the
election commission", "the opposition leader", "police" are the country's own. A party that
the tables cannot place takes the article's home country:

- the dateline's country, when the article has a dateline;
- otherwise the country of the outlet, read from the country code at the end of its web
  address (``rnz.co.nz``, ``iol.co.za``), when the article names that country by name or
  capital and, counting demonyms too, more often than any other: a paper of New Zealand
  that names New Zealand once and no other country reports New Zealand's news, but one of
  Britain that names the United States as often as Britain may report an American story;
- otherwise the outlet's country, when the article names no country by name or capital but
  names towns or provinces of the outlet's country (``Gazetteer.lookup_seat``: a place
  known by that name, large enough and far larger than any homonym abroad) at least
  ``MIN_MENTIONS`` times and more often than those of all other countries together: local
  news of a national paper ("a fight broke out at a supermarket in Darwin's CBD" on an
  Australian site) that never says the country it is written in;
- otherwise the country that the article's country names and capitals point to
  most, when it holds at least ``DOMINANT_SHARE`` of those mentions and is named at least
  ``MIN_MENTIONS`` times (an article about two countries equally has no home country);
  but when the towns and provinces of one country, two or more different ones, are named
  more often than all others, and that country leads the names and places together, it is
  that country: local news of India that names Abu Dhabi, where a suspect had travelled,
  more often than India ("Kerala police", "in Mysuru", "Nilambur", "Malappuram district").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import urlsplit

from dyads.actors.tables import ActorTables, NameEntry
from dyads.records import MentionKind

# Judgement, checked on the whole-article development set: a country with half the mentions
# is the article's subject in local news; foreign news names several countries in turn.
DOMINANT_SHARE = 0.5
MIN_MENTIONS = 2
# Demonyms are left out: sports teams and companies carry them ("the Indians", "the Pakistan
# Telecommunication Company") where the country's name would not stand.
_STATE_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL})
_ISO_LENGTH = 3
_NOT_STATES = frozenset({"IGO", "NGO", "IMG"})
_NAMING_KINDS = _STATE_KINDS | {MentionKind.DEMONYM}
# Country codes sold as generic web addresses (".tv", ".io", ".ai"...): no outlet's country.
VANITY_DOMAINS = frozenset(
    {"ac", "ad", "ai", "am", "as", "bz", "cc", "cd", "co", "fm", "gg", "io", "la", "ly", "me",
     "ms", "mu", "nu", "sh", "so", "st", "tk", "to", "tv", "vc", "ws"}
)  # fmt: skip
# The United Kingdom's web addresses end in ".uk", not in its ISO 3166 code "gb".
_DOMAIN_CODES = {"uk": "GB"}
_DOMAIN_LENGTH = 2


def outlet_country(url: str | None) -> str | None:
    """The country (ISO-3) of a web address's country-code domain, or None (a generic domain
    such as ".com", a vanity one such as ".tv", no address)."""
    if not url:
        return None
    domain = (urlsplit(url if "//" in url else f"//{url}").hostname or "").rsplit(".", 1)[-1]
    if len(domain) != _DOMAIN_LENGTH or not domain.isalpha() or domain in VANITY_DOMAINS:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=_DOMAIN_CODES.get(domain, domain.upper()))
    return None if country is None else str(country.alpha_3)


# A capitalised name of one to three words: the candidates for a town or province named.
_PROPER_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\b")


def home_country(
    text: str,
    *,
    tables: ActorTables,
    dateline: str | None = None,
    url: str | None = None,
    seat: Callable[[str], str | None] | None = None,
) -> str | None:
    """The article's home country (ISO-3), or None when the article does not make it clear;
    ``url`` is the article's web address; ``seat`` gives the country of a town or province
    by its name, or None (``Gazetteer.lookup_seat``)."""
    if dateline:
        return dateline
    found = tables.find_names(text)
    spans = [(start, end) for start, end, _ in found]
    named = [
        entry
        for _, _, entry in found
        if entry.kind in _NAMING_KINDS
        and len(entry.code) == _ISO_LENGTH
        and entry.code not in _NOT_STATES
    ]
    counts = Counter(entry.code for entry in named if entry.kind in _STATE_KINDS)
    outlet = outlet_country(url)
    if outlet is not None and counts[outlet] and _named_most(named, outlet):
        return outlet
    if not counts:
        towns = _places_named(text, seat, spans, words=True) if seat and outlet else []
        return outlet if outlet is not None and _leads(towns, outlet) else None
    (code, top), total = counts.most_common(1)[0], sum(counts.values())
    if top < MIN_MENTIONS or top / total < DOMINANT_SHARE:
        return None
    return code if seat is None else _local_home(counts, code, _places_named(text, seat, spans))


def _local_home(counts: Counter[str], code: str, places: list[tuple[str, str]]) -> str:
    """``code``, the country the names point to, unless another's towns and provinces lead
    with it (names and places counted together)."""
    together = counts + Counter(country for _, country in places)
    local = together.most_common(1)[0][0]
    # one name said again and again may be a homonym ("Falcon" the rocket, not the state)
    return local if _leads(places, local, names=MIN_MENTIONS) else code


def _named_most(named: list[NameEntry], code: str) -> bool:
    """Whether country ``code`` is named (by name, capital or demonym) more often than any
    other country."""
    counts = Counter(entry.code for entry in named)
    mine = counts.pop(code, 0)
    return mine > max(counts.values(), default=0)


def _places_named(
    text: str,
    seat: Callable[[str], str | None],
    spans: list[tuple[int, int]],
    *,
    words: bool = False,
) -> list[tuple[str, str]]:
    """(name, country) of every town or province ``text`` names, leaving out the names the
    tables know (countries, capitals, parties), which are counted as such; with ``words``, a
    place among a longer name's words too ("Radio Darwin")."""
    found: list[tuple[str, str]] = []
    taken = iter(sorted(spans))
    current = next(taken, None)
    for match in _PROPER_NAME.finditer(text):
        while current is not None and current[1] <= match.start():
            current = next(taken, None)
        if current is not None and current[0] < match.end():
            continue
        name = match.group()
        whole = seat(name)
        parts = [name] if whole is not None or not words else re.split(r"[ -]", name)
        found.extend((part, place) for part in parts if (place := seat(part)) is not None)
    return found


def _leads(places: list[tuple[str, str]], code: str, *, names: int = 1) -> bool:
    """Whether country ``code``'s towns and provinces are named at least ``MIN_MENTIONS``
    times, by at least ``names`` different names, and more often than those of all other
    countries together."""
    mine = [name for name, country in places if country == code]
    enough = len(mine) >= MIN_MENTIONS and len(set(mine)) >= names
    return enough and len(mine) > len(places) - len(mine)
