"""Actor units of one parsed sentence: the words that name someone, before they are resolved.

A unit is one naming expression with a head token: a person ("Muhsin Dere", with its title
words), a table name ("Turkey", "Turkish", "Ankara", "NATO"), a role phrase ("Defense
Ministry", "troops"), an organisation spaCy found that the tables do not know, a city, or a
word that points back ("he", a remembered surname). Units that modify another unit's head
("Turkey's" minister, "Pakistani" troops, police "in Istanbul", "U.N." peacekeepers) are
attached to it as modifiers; the resolver turns each top unit into actors.

Table names decide codes; spaCy's entities (PERSON, ORG, GPE) and parse only say where names
and phrases are and how they attach.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dyads.actors.memory import ArticleMemory
from dyads.actors.persons import person_spans
from dyads.actors.recall import pair_units, recalled_units, remembered_person_entity
from dyads.actors.seats import add_seats, place_after_of
from dyads.actors.tables import ActorTables, NameEntry, RoleEntry
from dyads.actors.titles import read_title, role_key
from dyads.actors.unit import Unit as Unit  # noqa: PLC0414 - re-exported to finder, resolve
from dyads.records import MentionKind, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependencies by which a word modifies the noun it belongs to ("Turkey's", "Pakistani",
# "U.N." peacekeepers, "Dere, the minister").
# Participles that make the name before them the owner of what they modify ("Saudi-led
# coalition", "Chinese-owned firm"); "-backed" and "-based" name a sponsor or a seat instead.
OWNING_PARTICIPLES = frozenset({"led", "owned", "run"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "nn", "appos", "npadvmod"})
# Prepositions that tie an office to the body or person it serves ("a spokesman for the
# Foreign Ministry", "the chief of the army", "an adviser to President Moon"): the office
# holder is of that body's state.
SERVING_PREPS = frozenset({"for", "of", "to", "at"})
# Prepositions that tie a place to an actor ("police in Istanbul", "the president of Armenia",
# "troops from Russia", "militants based in Gaza").
ATTACHING_PREPS = frozenset({"of", "in", "from", "at", "for", "inside", "within"})
# Prepositions after which a place is where something happened, not who did it.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "throughout",
        "within",
        "around",
        "from",
        "into",
        "through",
        "towards",
        "toward",
        "between",
        "via",
        "over",
        "off",
        "along",
    }
)
# Entity labels the small model gives to foreign surnames ("Bello said" as an organisation).
_MISTAKEN_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL, MentionKind.PLACE})
_HEAD_POS = frozenset({"NOUN", "PROPN"})
PlaceLookup = Callable[[str], Place | None]


def build_units(
    doc: Doc,
    *,
    tables: ActorTables,
    memory: ArticleMemory,
    places: PlaceLookup | None,
    seats: PlaceLookup | None = None,
) -> list[Unit]:
    """The units of ``doc`` in text order, with modifiers attached; ``seats`` finds the place
    in a body's own name (``dyads.actors.seats``)."""
    owner: list[Unit | None] = [None] * len(doc)
    name_hits = _name_spans(doc, tables)
    units = _person_units(doc, tables, name_hits, owner, memory)
    units += _name_units(name_hits, owner)
    named = {i for span, _ in name_hits for i in range(span.start, span.end)}
    units += pair_units(doc, owner)
    units += _role_units(doc, tables, owner, named)
    units += _entity_units(doc, owner, memory, tables, places=places, seats=seats)
    units += recalled_units(doc, memory, owner)
    units.sort(key=lambda unit: unit.head)
    for unit in units:
        _attach(doc, unit, owner)
    if seats is not None:
        add_seats(doc, units, owner, tables=tables, seats=seats)
    return units


def _claim(unit: Unit, owner: list[Unit | None]) -> Unit:
    for i in unit.tokens():
        owner[i] = unit
    return unit


def _free(owner: list[Unit | None], first: int, last: int) -> bool:
    return all(owner[i] is None for i in range(first, last + 1))


def _name_spans(doc: Doc, tables: ActorTables) -> list[tuple[Span, NameEntry]]:
    out = []
    for start, end, entry in tables.find_names(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if (
            span is not None
            and len(span)
            and not _inside_longer_name(doc, span, entry, tables)
            and not _first_name(doc, span, entry, tables)
            and not _names_a_happening(doc, span, entry)
        ):
            out.append((span, entry))
    return out


# Kinds of spaCy entity that name a happening, a work or a law, not a party.
HAPPENING_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW"})


def _names_a_happening(doc: Doc, span: Span, entry: NameEntry) -> bool:
    """A country or capital that begins the name of a happening, a work or a law: "the
    Panama Papers", "the Paris Agreement", "the Vietnam War" name a leak, a treaty and a war,
    not Panama, France or Vietnam acting or acted on."""
    if entry.kind not in _STATE_NAMES:
        return False
    label, first, last = doc[span.start].ent_type_, span.start, span.end - 1
    if label not in HAPPENING_LABELS or doc[last].ent_type_ != label or last + 1 >= len(doc):
        return False
    after = doc[last + 1]
    return (
        after.ent_type_ == label
        and after.ent_iob_ == "I"
        and after.text[:1].isupper()
        and (doc[first].ent_iob_ == "B" or (first > 0 and doc[first - 1].ent_type_ == label))
    )


_STATE_NAMES = frozenset({MentionKind.COUNTRY, MentionKind.CAPITAL})


def _first_name(doc: Doc, span: Span, entry: NameEntry, tables: ActorTables) -> bool:
    """A one-word table name inside a person's name is part of the name. A country or
    capital that begins it is a first name: "Jordan Peterson", "Chad Kroeger". Any table
    name that ends it is a surname: "Siboniso Duma" is no Russian parliament. The model tags
    the whole as a PERSON, and the other word is a name word, not a title ("Chad President
    Mahamat Deby" puts the country before an office), and the rest is no listed leader
    ("Turkey Erdogan", a headline's shorthand, keeps the country)."""
    if len(span) != 1:
        return False
    person = next(
        (
            e
            for e in doc.ents
            if e.label_ == "PERSON" and e.start <= span.start < e.end and len(e) > 1
        ),
        None,
    )
    if person is None:
        return False
    if person.start == span.start and entry.kind in _STATE_NAMES:
        other, rest = doc[span.end], doc[span.end : person.end].text
    elif person.end == span.end:
        other, rest = doc[span.start - 1], doc[person.start : span.start].text
    else:
        return False
    return (
        other.pos_ == "PROPN"
        and other.text[:1].isupper()
        and other.lower_ not in tables.roles
        and not tables.find_names(other.text)
        and tables.listed_person(rest, None) is None
    )


# News agencies whose credit line runs into a caption: "Reuters Chile Navy sailors ...".
_PHOTO_CREDITS = frozenset({"reuters", "getty", "xinhua", "yonhap", "kyodo", "bloomberg"})
# Capitalised words of waters named after a country ("Sea of Japan", "Gulf of Thailand").
WATERS = frozenset({"Sea", "Gulf", "Bay", "Strait", "Straits", "Ocean", "Lake", "Sound"})


def _inside_longer_name(doc: Doc, span: Span, entry: NameEntry, tables: ActorTables) -> bool:
    """A country's name that ends a longer proper name is not the country: "Te Tai Tonga" (a
    New Zealand electorate), "New Mexico", "Air India", the waters "Sea of Japan". The word
    before it is a capitalised name word compounded into the same name, and no table word
    ("U.S. President", "Kenyan President" put a country before a title, not a name before a
    country), or "of" after a word of waters (``WATERS``)."""
    if entry.kind is not MentionKind.COUNTRY or span.start == 0:
        return False
    before, root = doc[span.start - 1], span.root
    if before.lower_ == "of" and span.start >= 2 and doc[span.start - 2].text in WATERS:
        return True  # "the Sea of Japan", "the Gulf of Mexico": a sea, not the country
    return (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.text[:1].isupper()
        and not before.text.isupper()  # "AFP Chile": a photo credit, then the country
        and before.lower_ not in _PHOTO_CREDITS
        and before.head.i in (root.i, root.head.i)
        and before.lower_ not in tables.roles
        and not tables.find_names(before.text)
    )


def _person_units(
    doc: Doc,
    tables: ActorTables,
    name_hits: list[tuple[Span, NameEntry]],
    owner: list[Unit | None],
    memory: ArticleMemory,
) -> list[Unit]:
    named = {i for span, _ in name_hits for i in range(span.start, span.end)}
    units = []
    for first, last in person_spans(doc, tables, named):
        if not _free(owner, first, last):
            continue
        unit = Unit(kind=MentionKind.PERSON, first=first, last=last, head=last)
        unit.person = doc[first : last + 1].text
        unit.leader = tables.listed_person(unit.person, memory.day)
        floor = doc[last].left_edge.i
        unit.title = read_title(doc, before=first, floor=floor, tables=tables, stop=named)
        if unit.title is not None:
            unit.first = unit.title.start
        units.append(_claim(unit, owner))
    return units


def _name_units(name_hits: list[tuple[Span, NameEntry]], owner: list[Unit | None]) -> list[Unit]:
    units = []
    for span, entry in name_hits:
        first, last = span.start, span.end - 1
        if not _free(owner, first, last):
            continue
        unit = Unit(kind=entry.kind, first=first, last=last, head=span.root.i, entry=entry)
        units.append(_claim(unit, owner))
    return units


def _role_units(
    doc: Doc, tables: ActorTables, owner: list[Unit | None], named: set[int]
) -> list[Unit]:
    units = []
    i = 0
    while i < len(doc):
        found = _role_at(doc, i, tables, owner)
        if found is None:
            i += 1
            continue
        size, entry = found
        unit = Unit(kind=MentionKind.ROLE, first=i, last=i + size - 1, head=i + size - 1)
        unit.role = entry
        if entry.is_title:  # "the army chief", "Turkey's deputy defence minister"
            floor = doc[unit.head].left_edge.i
            unit.title = read_title(doc, before=i + size, floor=floor, tables=tables, stop=named)
        units.append(_claim(unit, owner))
        i += size
    return units


def _role_at(
    doc: Doc, i: int, tables: ActorTables, owner: list[Unit | None]
) -> tuple[int, RoleEntry] | None:
    for size in _role_sizes(doc, i, tables):
        last = doc[i + size - 1]
        if last.pos_ not in _HEAD_POS or not _free(owner, i, i + size - 1):
            continue
        tokens = list(doc[i : i + size])
        entry = tables.roles.get(role_key(tokens))
        if entry is None and size == 1:
            entry = tables.roles.get(last.lemma_.lower())
        if entry is not None and entry.dictionary and last.dep_ == "compound":
            continue  # "a passenger list": a dictionary agent word as a modifier is no party
        if entry is not None:
            return size, entry
    return None


def _role_sizes(doc: Doc, i: int, tables: ActorTables) -> list[int]:
    """The lengths of the token runs from ``i`` whose text is a role key, longest first, and
    1 (a word's lemma may be one): the runs that ``_role_at`` tries."""
    sizes = [1]
    text = ""
    for size in range(1, min(tables.max_role_words, len(doc) - i) + 1):
        token = doc[i + size - 1]
        text += token.lower_
        if size > 1 and text.strip() in tables.roles:
            sizes.append(size)
        if text not in tables.role_prefixes and text == text.strip():
            break  # no key begins with these words, so no longer run is one
        text += " " if token.whitespace_ else ""
    return sizes[::-1]


def _entity_units(
    doc: Doc,
    owner: list[Unit | None],
    memory: ArticleMemory,
    tables: ActorTables,
    *,
    places: PlaceLookup | None,
    seats: PlaceLookup | None,
) -> list[Unit]:
    units = []
    for ent in doc.ents:
        if ent.label_ in _MISTAKEN_LABELS and remembered_person_entity(ent, memory):
            continue  # a surname spaCy took for a body or place: recalled as the person
        first = ent.start + (1 if ent[0].lower_ == "the" else 0)
        last = ent.end - 1
        while last > first and doc[last].pos_ == "PART":
            last -= 1
        if first > last or not _free(owner, first, last):
            continue
        text = doc[first : last + 1].text
        group = tables.group(text) if ent.label_ == "ORG" else None
        half = _half_named(text, memory, tables) if ent.label_ in ("GPE", "LOC") else None
        if group is not None:  # a body of the PETRARCH-2 tables ("Armed Islamic Group")
            unit = Unit(kind=group.kind, first=first, last=last, head=last, entry=group)
        elif half is not None:  # "the North" of a Korean story
            unit = Unit(kind=half.kind, first=first, last=last, head=last, entry=half)
        elif ent.label_ == "ORG":
            unit = Unit(kind=MentionKind.ORGANISATION, first=first, last=last, head=last)
            unit.person = text  # the organisation's name as written
        elif ent.label_ in ("GPE", "LOC") and places is not None:
            place = places(text)
            if place is None and seats is not None:  # "the City of Johannesburg"
                place = place_after_of(doc[first : last + 1], seats)
            if place is None or place.country is None:
                continue
            unit = Unit(kind=MentionKind.PLACE, first=first, last=last, head=last, place=place)
        else:
            continue
        units.append(_claim(unit, owner))
    return units


# The halves of a divided country that news names by their compass word alone once the
# article has named them in full: "the North" and "the South" of a Korean story. The half
# is read only when the article has named the state it stands for (and, for "the South",
# the North too: elsewhere "the South" is a region).
HALVES: dict[str, tuple[str, tuple[str, ...]]] = {
    "north": ("North Korea", ("PRK",)),
    "south": ("South Korea", ("PRK", "KOR")),
}


def _half_named(text: str, memory: ArticleMemory, tables: ActorTables) -> NameEntry | None:
    """The state "the North" or "the South" stands for in this article, or None."""
    half = HALVES.get(text.lower())
    if half is None or not all(memory.has_named(code) for code in half[1]):
        return None
    hits = tables.find_names(half[0])
    return hits[0][2] if hits else None


def _attach(doc: Doc, unit: Unit, owner: list[Unit | None]) -> None:
    """Attach ``unit`` to the unit it modifies, or mark it locative, from the parse."""
    token: Token = doc[unit.head]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Polish and Czech officials": Czech hangs on Polish
    target: Unit | None = None
    if token.dep_ in MODIFIER_DEPS:
        target = owner[token.head.i]
        head = token.head
        if target is None and head.dep_ == "amod" and head.lower_ in OWNING_PARTICIPLES:
            target = owner[head.head.i]  # "Vietnamese-led forces": the forces are Vietnam's
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        prep = token.head
        if prep.lower_ in ATTACHING_PREPS and unit.kind in _ATTACHABLE:
            target = owner[prep.head.i]
        elif prep.lower_ in SERVING_PREPS and unit.kind in _SERVED:
            target = _office(owner[prep.head.i])
    if target is None and unit.kind in PLACE_KINDS:
        unit.locative = _after_place_preposition(token)
    if target is not None and target is not unit and not _in_chain(target, unit):
        unit.modifies = target
        target.modifiers.append(unit)


def _office(unit: Unit | None) -> Unit | None:
    """``unit`` when it is an office title ("spokesman", "minister", "chief"), else None."""
    if unit is not None and unit.role is not None and unit.role.is_title:
        return unit
    return None


def _after_place_preposition(token: Token) -> bool:
    """Whether a place name is where something happened: "in Ankara", "in the capital X"."""
    while token.dep_ in ("appos", "compound") and token.head.i != token.i:
        token = token.head
    head = token.head
    return token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS


def _in_chain(target: Unit, unit: Unit) -> bool:
    """Whether ``unit`` already sits above ``target`` (no cycles of modifiers)."""
    current: Unit | None = target
    while current is not None:
        if current is unit:
            return True
        current = current.modifies
    return False


# Units that an office serves (``SERVING_PREPS``): a body named by a role phrase ("the
# Foreign Ministry") or a person ("Secretary-General Ban Ki-moon").
_SERVED = frozenset({MentionKind.ROLE, MentionKind.PERSON})
# Units that can hang on another through "of" / "in": places and bodies ("the president of
# Armenia", "Secretary-General of the United Nations"), not persons or role nouns.
_ATTACHABLE = frozenset(
    {
        MentionKind.COUNTRY,
        MentionKind.CAPITAL,
        MentionKind.PLACE,
        MentionKind.IGO,
        MentionKind.NGO,
        MentionKind.GROUP,
        MentionKind.ORGANISATION,
    }
)
