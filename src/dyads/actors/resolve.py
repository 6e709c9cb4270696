"""Turn a top unit (with its modifiers) into the actors it names, and fill the memory.

What a unit resolves to:

- a person: name, title and sector from the title words ("Deputy National Defense Minister"
  -> GOV; "army chief" -> MIL), country from a possessive, demonym or "of" place in the same
  noun phrase, else from what the article said of that person before, else None;
- a pronoun or a remembered surname: the remembered person;
- a role noun: one actor per country or organisation modifying it ("Senior Hungarian and
  Romanian officials" -> HUN GOV, ROU GOV; "U.N. peacekeepers" -> IGO MIL); with none, the
  article's context country when it is clear ("rebels" -> REB of the dateline country), else
  None. "The minister" with no country is the last person remembered with that office;
- a country, demonym used as a noun ("Palestinians"), or city: that country, sector None;
- a capital or seat of government ("Ankara said", "the Kremlin"): that country, sector GOV;
- an organisation from the table: its code (ISO-3, or IGO / NGO / IMG) and sector; one spaCy
  found that the table does not know: its name, with the country of its modifiers or None.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyads.actors.memory import ArticleMemory
from dyads.actors.tables import ActorTables, RoleEntry
from dyads.actors.titles import roles_in, title_sector
from dyads.actors.units import Unit
from dyads.records import ActorRef, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

_BODY_KINDS = frozenset(
    {MentionKind.IGO, MentionKind.NGO, MentionKind.GROUP, MentionKind.ORGANISATION}
)
_DEFINITE = frozenset({"the", "this", "that"})


def unit_text(doc: Doc, unit: Unit) -> str:
    first, last = unit_bounds(doc, unit)
    return doc[first : last + 1].text


def unit_bounds(doc: Doc, unit: Unit) -> tuple[int, int]:
    """First and last token of the noun phrase: the unit, its modifiers, its determiners."""
    first, last = unit.first, unit.last
    if not unit.locative:
        first = min(first, doc[unit.head].left_edge.i)
    for modifier in unit.modifiers:
        low, high = unit_bounds(doc, modifier)
        first, last = min(first, low), max(last, high)
    return first, last


def resolve(
    doc: Doc, unit: Unit, *, tables: ActorTables, memory: ArticleMemory
) -> tuple[ActorRef, ...]:
    """The actors a top unit names (memory is read, and updated with persons and countries)."""
    text = unit_text(doc, unit)
    if unit.recalled is not None:
        return (replace(memory.remember_person(unit.recalled), text=text),)
    if unit.kind is MentionKind.PERSON and unit.person:
        return (_person(unit, unit.person, text, tables, memory),)
    if unit.kind is MentionKind.ROLE and unit.role is not None:
        return _role(doc, unit, unit.role, text=text, tables=tables, memory=memory)
    return _named(doc, unit, text, tables, memory)


def _owners(unit: Unit, tables: ActorTables) -> list[tuple[str, str]]:
    """(code, name) of every country or body among the unit's modifiers, in text order."""
    found: list[tuple[str, str]] = []
    for modifier in sorted(unit.modifiers, key=lambda m: m.first):
        pair: tuple[str, str] | None = None
        if modifier.entry is not None:
            pair = (modifier.entry.code, modifier.entry.name)
        elif modifier.place is not None and modifier.place.country:
            name = tables.country_name(modifier.place.country) or modifier.place.country
            pair = (modifier.place.country, name)
        elif modifier.recalled is not None and modifier.recalled.country:
            pair = (modifier.recalled.country, modifier.recalled.name)
        if pair is not None and pair not in found:
            found.append(pair)
        found.extend(p for p in _owners(modifier, tables) if p not in found)
    return found


def _role_modifier_title(unit: Unit) -> tuple[str | None, str | None]:
    """Title and sector from a role modifier: "Dere, the army chief," / "Turkish army chief"."""
    for modifier in unit.modifiers:
        if modifier.role is not None:
            title = modifier.title.text if modifier.title else None
            sector = modifier.title.sector if modifier.title else modifier.role.sector
            return title, sector
    return None, None


def _person(
    unit: Unit, name: str, text: str, tables: ActorTables, memory: ArticleMemory
) -> ActorRef:
    owners = [code for code, _ in _owners(unit, tables)]
    title = unit.title.text if unit.title else None
    sector = unit.title.sector if unit.title else None
    if title is None or sector is None:
        extra_title, extra_sector = _role_modifier_title(unit)
        title, sector = title or extra_title, sector or extra_sector
    known = memory.person_by_name(name)
    country = owners[0] if owners else (known.country if known else None)
    if country is None and title is not None:
        country = memory.context_country()  # an office is held in some state: the article's
    person = ActorRef(name=name, text=text, country=country, sector=sector, title=title)
    return replace(memory.remember_person(person), text=text)


def _role(
    doc: Doc,
    unit: Unit,
    role: RoleEntry,
    *,
    text: str,
    tables: ActorTables,
    memory: ArticleMemory,
) -> tuple[ActorRef, ...]:
    owners = _owners(unit, tables)
    head = doc[unit.head]
    definite = any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in head.children)
    if role.is_title and not owners and definite:
        known = memory.person_by_role(role.phrase.split()[-1])
        if known is not None:
            return (replace(known, text=text),)
    title = unit.title.text if unit.title else None
    sector = unit.title.sector if unit.title else role.sector
    if not owners:
        code = memory.context_country()
        name = tables.country_name(code) or doc[unit.first : unit.last + 1].text
        return (ActorRef(name=name, text=text, country=code, sector=sector, title=title),)
    return tuple(
        ActorRef(name=name, text=text, country=code, sector=sector, title=title)
        for code, name in owners
    )


def _named(
    doc: Doc, unit: Unit, text: str, tables: ActorTables, memory: ArticleMemory
) -> tuple[ActorRef, ...]:
    _, role_sector = _role_modifier_title(unit)
    if unit.entry is not None:
        entry = unit.entry
        sector = role_sector or entry.sector
        return (ActorRef(name=entry.name, text=text, country=entry.code, sector=sector),)
    if unit.place is not None:
        return (ActorRef(name=unit.place.name, text=text, country=unit.place.country),)
    owners = _owners(unit, tables)
    name = unit.person or doc[unit.first : unit.last + 1].text
    sector = role_sector or title_sector(roles_in(doc, unit.first, unit.last + 1, tables))
    code = owners[0][0] if owners else None
    return (ActorRef(name=name, text=text, country=code, sector=sector),)
