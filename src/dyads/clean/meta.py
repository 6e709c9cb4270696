"""Page metadata shared by every cleaner: datelines, timestamps, bylines and sites.

All functions are pure and cheap: the patterns compile once at import and nothing is loaded
per call, except that resolving a dateline's place builds the process-wide gazetteer on first
use. Timestamp parsing lives in ``dyads.clean.timestamps`` and is re-exported here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from dyads.clean.timestamps import is_timestamp_line, parse_timestamp
from dyads.records import Dateline, Place

__all__ = [
    "clean_author",
    "dateline_line",
    "is_timestamp_line",
    "parse_byline",
    "parse_timestamp",
    "site_of",
    "split_dateline",
]

_UPPER = "A-ZÀ-ÖØ-Þ"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?"
)
# "Feb 4", "Feb. 4, 2021", "4 February", "March 3rd"
_DATE_PART = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)",
    re.IGNORECASE,
)
# One capitalised word of a place ("ANKARA", "D.C.", "Calif.", "Al-Arish", "São").
_PLACE_WORD = rf"[{_UPPER}][\w.'’\-]*"
_CONNECTOR = r"(?:de|da|do|del|la|le|el|al|of|on|upon|am|an|im|es|sur)"
_PLACE_PART = re.compile(rf"{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|{_CONNECTOR})){{0,4}}")
# A wire tag: "(Reuters)", "(AP)", "(Xinhua)", "(AFP)", "(Reuters Health)", "(dpa)".
_TAG = re.compile(r"\((?P<tag>[A-Za-z][\w.&'’/\- ]{0,30})\)\s*$")
# Where a dateline ends: a dash with a space on one side at least (so "NUR-SULTAN" is one
# word), an em or en dash, or a colon followed by a space.
_SEPARATOR = re.compile(r"\s+(?:--?|[—–―])\s*|(?<=\S)(?:--?|[—–―])\s+|(?<=\))\s*[—–―]\s*|:\s+")
# A dateline is short: the longest in the zyte pages ("SAN FRANCISCO, Calif., Jan 3 (Reuters)")
# is under 50 characters; 80 leaves room for long place names and agency tags.
_MAX_HEAD = 80
# All-caps words that open a paragraph with a dash but are labels, not places.
_LABELS = frozenset(
    {
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "WATCH",
        "VIDEO",
        "PHOTOS",
        "LIVE",
        "EDITORIAL",
        "FACTBOX",
        "EXPLAINER",
        "COMMENT",
        "REVIEW",
        "INTERVIEW",
        "CORRECTION",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "WARNING",
        "ADVERTISEMENT",
        "SPONSORED",
        "PODCAST",
        "Q&A",
    }
)
_SENTENCE_START = re.compile(r"[\"“‘'(\[]?[0-9A-ZÀ-ÖØ-Þ]")


@lru_cache(maxsize=4096)  # datelines repeat across a site's pages; lookups are pure
def _resolve(parts: tuple[str, ...]) -> Place | None:
    """The place a dateline names: its first part, narrowed by a country in a later part."""
    from dyads.geo import default_gazetteer

    gazetteer = default_gazetteer()
    country: str | None = None
    for part in parts[1:]:
        if part in US_STATE_ABBREVIATIONS:
            country = "USA"
            break
        found = gazetteer.lookup_country(part) or _region(part)
        if found is not None:
            country = found.country
            break
    place = gazetteer.lookup(parts[0], country=country)
    if place is None and country is not None:
        return gazetteer.lookup_country(country)
    return place


# The abbreviations of the states of the United States in American datelines (AP style:
# "MELBOURNE, Fla.", "ERIE, Pa."); the states written out are first-level divisions.
US_STATE_ABBREVIATIONS = frozenset(
    {"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.",
     "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
     "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.",
     "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C."}
)  # fmt: skip


def _region(name: str) -> Place | None:
    """The first-level division called ``name`` ("Pennsylvania", "Ontario"), or None."""
    place = _seat(name)
    return place if place is not None and place.kind == "region" else None


def _seat(name: str) -> Place | None:
    """The town or province called ``name``, read strictly (``Gazetteer.lookup_seat``)."""
    from dyads.geo import default_gazetteer

    return default_gazetteer().lookup_seat(name)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _parse_head(head: str) -> tuple[list[str], bool, bool] | None:
    """Split a dateline head into place parts; also say whether it had a wire tag and a date.

    ``None`` when the head is not shaped like a dateline at all.
    """
    head = head.strip()
    tag = _TAG.search(head) if ")" in head else None
    has_tag = tag is not None and tag.group("tag")[0].isalpha()
    if tag is not None:
        head = head[: tag.start()].rstrip(" ,")
    parts = [part.strip() for part in head.split(",")] if head else []
    places: list[str] = []
    has_date = False
    for index, part in enumerate(parts):
        if _DATE_PART.fullmatch(part):
            has_date = True
        elif _PLACE_PART.fullmatch(part) and not has_date:
            places.append(part)
        elif index > 0 and part.isdigit() and len(part) == 4 and has_date:
            continue  # "Feb 4, 2021" split at its comma
        else:
            return None
    if not places and not has_tag:
        return None
    return places, has_tag, has_date


def _accept(places: list[str], *, has_tag: bool, has_date: bool, colon: bool) -> bool:
    """Whether a head shaped like a dateline is one: the rules that keep sentence starts out."""
    if has_tag:
        return True
    if len(places) == 1 and not _is_caps(places[0]):
        # a title-case dateline ("Srinagar- Two bodies were found", "Islamabad: The
        # court ruled") only for a town or province known by that name, never a country
        return _seat(places[0]) is not None
    if not places or not _is_caps(places[0]) or places[0] in _LABELS:
        return False
    if colon:
        return _resolve(tuple(places)) is not None
    # a lone short all-caps word ("US - ...") needs the gazetteer or a date to vouch for it
    letters = sum(ch.isalpha() for ch in places[0])
    return has_date or letters >= 4 or _resolve(tuple(places)) is not None


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """Split a leading dateline off a paragraph: ``(Dateline, rest)`` or ``(None, paragraph)``.

    "ANKARA, Feb 4 (Reuters) - Turkey said ..." gives the dateline "ANKARA, Feb 4 (Reuters)"
    resolved to Ankara, TUR, and the rest "Turkey said ...". A paragraph that merely begins
    with a dash ("The U.S. -- and its allies") is left whole.
    """
    match = _SEPARATOR.search(paragraph, 0, _MAX_HEAD + 4)
    if match is None or match.start() == 0 or match.start() > _MAX_HEAD:
        return None, paragraph
    head, rest = paragraph[: match.start()], paragraph[match.end() :]
    if not _SENTENCE_START.match(rest):
        return None, paragraph
    parsed = _parse_head(head)
    if parsed is None:
        return None, paragraph
    places, has_tag, has_date = parsed
    colon = match.group().strip() == ":"
    if not _accept(places, has_tag=has_tag, has_date=has_date, colon=colon):
        return None, paragraph
    place = _resolve(tuple(places)) if places else None
    return Dateline(text=head.strip(), place=place), rest


def dateline_line(line: str) -> Dateline | None:
    """A line that holds only a dateline ("NUR SULTAN", "ANKARA (AA)"), resolved to a place.

    The line must be in capitals and name a city the gazetteer knows, or carry a wire tag;
    section headings such as "WORLD" or "TURKEY" (a country, not a dateline city) do not pass.
    """
    text = line.strip().rstrip("-—–―: ").strip()
    if not text or len(text) > _MAX_HEAD:
        return None
    parsed = _parse_head(text)
    if parsed is None:
        return None
    places, has_tag, _ = parsed
    if has_tag:
        return Dateline(text=text, place=_resolve(tuple(places)) if places else None)
    if not _is_caps(places[0]) or places[0] in _LABELS:
        return None
    place = _resolve(tuple(places))
    if place is None or place.kind != "city":
        return None
    return Dateline(text=text, place=place)


_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+(?P<names>.+?)\s*$", re.IGNORECASE)
_NAME = re.compile(
    rf"[{_UPPER}][\w'’\-]*\.?(?:\s+(?:[{_UPPER}][\w'’\-]*\.?|de|da|van|von|der|den|bin|al|el|la|le)){{1,4}}"
)
_PIPE_ROLE = re.compile(r"^\s*(?P<names>[^|]+?)\s*\|\s*(?P<role>[\w ,&/]{2,40})\s*$")
_ROLES = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|staff|"
    r"producer|analyst|bureau\s+chief)\b",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|\band\b|&|,|;)\s*")
# Bylines name at most a handful of people; a longer "By ..." line is a sentence.
_MAX_BYLINE = 120


def _names_in(text: str) -> list[str] | None:
    """The people named in ``text`` ("A B and C D, Reuters"), or ``None`` if it is not names."""
    names: list[str] = []
    for chunk in filter(None, _NAME_SPLIT.split(text)):
        if _NAME.fullmatch(chunk) and not _ROLES.search(chunk):
            names.append(chunk.title() if chunk.isupper() else chunk)
        elif names:
            break  # trailing organisation or place: "..., Reuters", "..., in Ankara"
        else:
            return None
    return names or None


def parse_byline(line: str) -> str | None:
    """The author names of a byline line, joined by ", "; ``None`` for anything else.

    "By Jane Smith" -> "Jane Smith"; "By JANE SMITH and John Doe, Reuters" ->
    "Jane Smith, John Doe"; "Jane Smith | Reporter" -> "Jane Smith".
    """
    if len(line) > _MAX_BYLINE:
        return None
    match = _BY.match(line)
    if match is not None:
        names = _names_in(match.group("names"))
        return ", ".join(names) if names else None
    piped = _PIPE_ROLE.match(line) if "|" in line else None
    if piped is not None and _ROLES.search(piped.group("role")):
        names = _names_in(piped.group("names"))
        return ", ".join(names) if names else None
    return None


# Words that introduce the author in an author box or a byline, in the languages of the
# evaluation pages ("By", "Von", "Par", "Por", "Autor", "View all posts by"); longest first.
_AUTHOR_INTROS = (
    "view all posts by",
    "zeige alle beiträge von",
    "alle beiträge von",
    "ein beitrag von",
    "zum profil von",
    "beitrag von",
    "artikel von",
    "written by",
    "posted by",
    "autorin",
    "auteur",
    "author",
    "autor",
    "por",
    "par",
    "von",
    "vom",
    "by",
    "责任编辑",
    "作者",
)
_INTRO_WORDS = frozenset(_AUTHOR_INTROS)
_AUTHOR_INTRO = re.compile(
    "^(?:" + "|".join(map(re.escape, _AUTHOR_INTROS)) + r")(?:\s*[:：]\s*|\s+)", re.IGNORECASE
)
_AUTHOR_SEPARATOR = re.compile("[,;]")
# Labels of author boxes and comment forms that metadata extractors take for a name.
_NOT_AUTHORS = frozenset({"name", "admin", "follow", "posted", "datum", "no author", "human"})
# "Jane Doe says" heads a reader's comment, not the article ("said" is also a name: Said).
_COMMENT_HEAD = re.compile(r"\bsays:?$", re.IGNORECASE)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def clean_author(author: str | None, *, sites: tuple[str | None, ...] = ()) -> str | None:
    """An author field from page metadata, as names joined by ", "; ``None`` when nothing
    in it names a person or a newsroom.

    Each part (between commas or semicolons) loses a leading "By", "Von", "Par", "Autor",
    "View all posts by" ...; form labels ("Name", "Admin") are dropped, and so is the site
    itself (its name or host: "El Mostrador, Raúl Espina") beside other names; alone, a site
    (a blog, an association) is its own author. A comment head ("Jane Doe says") is no author.
    """
    if not author:
        return None
    own = {_letters(site) for site in sites if site}
    names: list[str] = []
    for part in _AUTHOR_SEPARATOR.split(author):
        name = part.strip()
        while (intro := _AUTHOR_INTRO.match(name)) is not None and intro.end() < len(name):
            name = name[intro.end() :].strip()
        if _COMMENT_HEAD.search(name):
            return None
        folded = name.casefold().rstrip(":：").strip()
        useful = folded and folded not in _NOT_AUTHORS and folded not in _INTRO_WORDS
        if useful and name not in names:
            names.append(name)
    people = [name for name in names if _letters(name) not in own]
    return ", ".join(people or names) or None


def site_of(url: str | None) -> str | None:
    """The host of ``url`` without a leading "www.", lower-cased; ``None`` without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")
