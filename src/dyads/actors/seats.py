"""The place in a body's own name: "the Cincinnati Police Department", "Wajir governor".

Local bodies and offices are named for the city or province they serve, and news text often
gives them no other country: "Tainan police", "the Ulsan Ulju Police Station", "Wajir governor
Ahmed Abdullahi", "the Cincinnati Zoo", "the City of Johannesburg". A unit that no country,
capital, demonym, place or remembered party modifies takes the country of a place among its
own words, read as a modifier of it (the resolver then reads it like "Turkish" of "Turkish
police"):

- a role noun: the run of capitalised words right before it ("Saskatoon police", "Tainan
  Police Department", "Wajir governor");
- a person: the words of the title before the name ("Wajir governor Ahmed Abdullahi");
- an "organisation" of the model after "of" and a capitalised noun, when its whole name is a
  place (the model takes many places for bodies: "Durban" in "the City of Durban"). Other
  organisations of the model are not placed: a place that is part of a company's,
  newspaper's or team's name ("the Chicago Tribune", "Detroit Lions") would turn their
  stories (reviews, sport, trade) into events, and a whole one-word "organisation" is as
  often a surname, a product or a dateline ("Duma", "Falcon", "PHOENIX") as a place;
- a place entity that the gazetteer does not know as a whole but that ends in "of" and a place
  ("the City of Johannesburg"): that place (see ``place_after_of``).

Which words are places is the gazetteer's ``lookup_seat``: first-level divisions, and cities
large enough and far enough above their homonyms abroad to be meant (a prior against the
many towns called like a word or a surname). Role words ("Police" is also a Polish town) and
``NOT_SEATS`` are never places here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dyads.actors.tables import ActorTables
from dyads.actors.unit import Unit
from dyads.records import MentionKind, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SeatLookup = Callable[[str], Place | None]

# Longest place name tried inside a body's name ("New York City", "Bosnia and Herzegovina" is
# a table name and never reaches here).
_MAX_PLACE_WORDS = 3
# Longest run of words read before a role noun: "Ulsan Ulju" of "Ulsan Ulju Police Station",
# "New York City" of "New York City Police".
_MAX_RUN = 4
# Words that are English words or given names used in the names of bodies, parties and
# companies ("Metro Police", "Delta Air Lines", "Gulf states", "Unity Party") and that the
# gazetteer also knows as a first-level division or a town above its population prior.
NOT_SEATS = frozenset(
    {
        "batman",
        "delta",
        "falcon",
        "gulf",
        "independence",
        "liberty",
        "mary",
        "metro",
        "mobile",
        "nelson",
        "phoenix",
        "pool",
        "rivers",
        "savannah",
        "sud",
        "unity",
        "union",
        "volta",
    }
)
# Endings of words in "s" that are not plurals ("Congress", "Campus", "Aegis").
_NOT_PLURAL = ("ss", "us", "is")
# Entity labels of words that are not places even when a town is called so. PERSON is not
# among them: the small English model tags many places before an office as persons
# ("Garissa governor").
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})
# The units that may be named for a place: bodies, offices and their holders.
_SEATED_KINDS = frozenset({MentionKind.PERSON, MentionKind.ROLE, MentionKind.ORGANISATION})


def add_seats(
    doc: Doc, units: list[Unit], owner: list[Unit | None], *, tables: ActorTables, seats: SeatLookup
) -> None:
    """Give each unit with no state of its own the place its own words name, if any."""
    for unit in units:
        if unit.locative or unit.kind not in _SEATED_KINDS:
            continue
        if any(_gives_state(modifier) for modifier in unit.modifiers):
            continue
        found = _first_place(doc, _spans(doc, unit, owner, tables), seats)
        if found is None:
            continue
        first, last, place = found
        seat = Unit(kind=MentionKind.PLACE, first=first, last=last, head=last, place=place)
        seat.modifies = unit
        unit.modifiers.append(seat)


def place_after_of(span: Span, seats: SeatLookup) -> Place | None:
    """The place of "the City of Johannesburg", "Province of Sindh": a capitalised run after
    the last "of" of a place entity, when it is a place."""
    ofs = [token.i for token in span if token.lower_ == "of"]
    if not ofs or ofs[-1] == span.start:
        return None
    rest = span.doc[ofs[-1] + 1 : span.end]
    if not rest or len(rest) > _MAX_PLACE_WORDS or not all(t.text[:1].isupper() for t in rest):
        return None
    return seats(rest.text)


def _gives_state(modifier: Unit) -> bool:
    return (
        modifier.entry is not None
        or modifier.place is not None
        or modifier.recalled is not None
        or modifier.leader is not None
        or modifier.pronoun is not None
    )


def _spans(
    doc: Doc, unit: Unit, owner: list[Unit | None], tables: ActorTables
) -> list[tuple[int, int]]:
    """The spans of the unit's own words that may name a place, in the order tried."""
    if unit.kind is MentionKind.ORGANISATION:
        return _whole_name_after_of(doc, unit, tables)
    if unit.kind is MentionKind.PERSON:
        if unit.title is None:
            return []
        # words in the name's own entity are the name ("Martin Luther King Jr.", where "King"
        # was read as a title), not a place
        end = min(unit.title.end, _entity_start(doc, unit.last))
        return _subruns(doc, _split(doc, range(unit.title.start, end), tables))
    role = doc[unit.last]
    if role.text[:1].isupper() and _plural_name(role):
        return []  # "Arizona Cardinals", "Winnipeg Jets": a team, whatever the table says
    if role.ent_type_ == "PERSON":
        return []  # "Martin Luther King": the role word is part of a person's name
    return _subruns(doc, _run_before(doc, unit, owner, tables))


def _entity_start(doc: Doc, i: int) -> int:
    """The first token of the entity that token ``i`` is inside (``i + 1`` if none)."""
    if not doc[i].ent_iob_ or doc[i].ent_iob_ == "O":
        return i + 1
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _whole_name_after_of(doc: Doc, unit: Unit, tables: ActorTables) -> list[tuple[int, int]]:
    """An organisation of the model's after "of" and a capitalised noun ("the City of
    Durban", "the Municipality of X"): the whole name, if all its words may name a place."""
    words = doc[unit.first : unit.last + 1]
    preposition = words.root.head
    if (
        len(words) > _MAX_PLACE_WORDS
        or words.root.dep_ != "pobj"
        or preposition.lower_ != "of"
        or not preposition.head.text[:1].isupper()
        or not all(_may_be_place_word(token, tables) for token in words)
    ):
        return []
    return [(unit.first, unit.last)]


def _run_before(doc: Doc, unit: Unit, owner: list[Unit | None], tables: ActorTables) -> list[range]:
    """The run of place-like words right before a role noun ("Saskatoon police")."""
    start = unit.first
    while (
        start > 0
        and unit.first - start < _MAX_RUN
        and _unclaimed(owner[start - 1], unit)
        and _may_be_place_word(doc[start - 1], tables)
    ):
        start -= 1
    return _split(doc, range(start, unit.first), tables)


def _unclaimed(word_owner: Unit | None, unit: Unit) -> bool:
    """Whether a word before a role noun is free to be read as a place: no unit's, or a
    one-word "organisation" or "person" of the model that modifies the role and that no
    table knows ("Durban" of "Durban police"; the small model takes "Saskatoon" of
    "Saskatoon police" for a person); a longer one is a body's name ("Delta Air Lines
    workers"), a known one a party ("Biden administration")."""
    if word_owner is None:
        return True
    return (
        word_owner.kind in _MODEL_KINDS
        and word_owner.modifies is unit
        and word_owner.first == word_owner.last
        and not _gives_state(word_owner)
    )


# Kinds of the model's one-word entities that may be a place misread before a role noun.
_MODEL_KINDS = frozenset({MentionKind.ORGANISATION, MentionKind.PERSON})


def _split(doc: Doc, tokens: range, tables: ActorTables) -> list[range]:
    """The runs of place-like words among ``tokens``, last run first."""
    runs: list[range] = []
    begin: int | None = None
    for i in [*tokens, tokens.stop]:
        fits = i < tokens.stop and _may_be_place_word(doc[i], tables)
        if fits and begin is None:
            begin = i
        elif not fits and begin is not None:
            runs.append(range(begin, i))
            begin = None
    return runs[::-1]


def _may_be_place_word(token: Token, tables: ActorTables) -> bool:
    return (
        token.text[:1].isupper()
        and token.pos_ in _NAME_POS
        and token.ent_type_ not in _NOT_PLACE_LABELS
        and token.lower_ not in tables.roles
        and token.lower_ not in NOT_SEATS
        and not token.is_stop  # "Most people": Most is a Czech town
    )


def _first_place(
    doc: Doc, spans: list[tuple[int, int]], seats: SeatLookup
) -> tuple[int, int, Place] | None:
    for first, last in spans:
        place = seats(doc[first : last + 1].text)
        if place is not None and place.country:
            return first, last, place
    return None


def _subruns(doc: Doc, runs: list[range]) -> list[tuple[int, int]]:
    """The spans of words inside ``runs``, run by run: longest first, the rightmost first;
    none followed in its run by a plural name ("Detroit Lions", "Delta Air Lines": a team or
    a company named for a place, not the place's office)."""
    return [
        (first, first + size - 1)
        for run in runs
        for size in range(min(len(run), _MAX_PLACE_WORDS), 0, -1)
        for first in range(run.stop - size, run.start - 1, -1)
        if not any(_plural_name(doc[i]) for i in range(first + size, run.stop))
    ]


def _plural_name(token: Token) -> bool:
    word = token.lower_
    return token.tag_ == "NNPS" or (word.endswith("s") and not word.endswith(_NOT_PLURAL))
