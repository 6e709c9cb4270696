"""Turn a top unit (with its modifiers) into the actors it names, and fill the memory.

What a unit resolves to:

- a person: name, title and sector from the title words ("Deputy National Defense Minister"
  -> GOV; "army chief" -> MIL), country from a possessive, demonym or "of" place in the same
  noun phrase, else from what the article said of that person before, else None;
- a pronoun or a remembered surname: the remembered person; "the two sides" / "both
  countries": the last two parties of different states named together ("China and Russia"),
  for "the two leaders" the last two such persons (``dyads.actors.pairs``); "it" / "its" / "they" /
  "their": the last subject that was a country, body or group (see ``dyads.actors.recall``);
- a person the phrase gives no country: the person remembered by that name, else a listed
  leader ("Putin" -> RUS GOV, see ``dyads.actors.leaders``), else for an office holder the
  article's context country;
- "counterpart(s)" with no country of its own ("his counterpart"): the state named in the
  sentence, or else most recently in the article, that is not the possessor's; it holds the
  possessor's office and sector;
- "the delegation" / "an accompanying delegation" / "entourage" with no country of its own:
  the country of the last person subject, whom it accompanies;
- a role noun: one actor per country or organisation modifying it ("Senior Hungarian and
  Romanian officials" -> HUN GOV, ROU GOV; "U.N. peacekeepers" -> IGO MIL); with none, for
  police, courts, prosecutors and "the authorities" the one state the sentence puts its act
  in ("was arrested in Denver, police said" -> USA COP), for armed groups ("militants") that
  state or else the last one the article placed something in ("airstrikes in northern
  Iraq"), else the article's context country when it is clear ("rebels" -> REB of the
  dateline country), else None. "The minister", "the ministry", "the court" with no
  country is the party last named with that word (not "the government": the story's own);
- a country, demonym used as a noun ("Palestinians"), or city: that country, sector None;
- a capital or seat of government ("Ankara said", "the Kremlin"): that country, sector GOV;
- an organisation from the table: its code (ISO-3, or IGO / NGO / IMG) and sector; a name
  several states use ("Congress") takes the country in its phrase ("the Congress of Peru",
  "the Congress building in Lima"), else the article's context country when that state uses
  the name, else its table code; one spaCy found that the table does not know: its name,
  with the country of its modifiers or None.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyads.actors.memory import ArticleMemory
from dyads.actors.party import PARTY_SECTORS
from dyads.actors.tables import ActorTables, NameEntry, RoleEntry
from dyads.actors.titles import roles_in, title_sector
from dyads.actors.units import LOCATIVE_PREPS, Unit
from dyads.records import ActorRef, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_BODY_KINDS = frozenset(
    {MentionKind.IGO, MentionKind.NGO, MentionKind.GROUP, MentionKind.ORGANISATION}
)
_DEFINITE = frozenset({"the", "this", "that"})
# Role words for the people who travel with someone: they share that person's country.
_ACCOMPANYING = frozenset({"delegation", "delegations", "entourage"})
# Role words for the holder of the same office in another state.
_COUNTERPARTS = frozenset({"counterpart", "counterparts"})
_STATE_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.DEMONYM, MentionKind.CAPITAL})
# Sectors of bodies that act only in their own state (police, courts, prosecutors): with no
# country of their own they are the state's where the sentence puts their act. Armies and
# ministries are left out: they act abroad, and speak of acts abroad.
_LOCAL_SECTORS = frozenset({"COP", "JUD"})
_AUTHORITIES = frozenset({"authorities", "authority"})
# Sectors of armed groups ("militants", "rebels", "gunmen"): they are coded by the state they
# fight in, the place the story puts its fighting, not by the state that reports or strikes
# them ("U.S. airstrikes on militants in northern Iraq").
_ARMED_GROUPS = frozenset({"REB"})
# Words for the governing body of the state a story is about: "the government" means that
# state's even after a foreign one was named ("brokered by the Swiss government ... the
# government said"), so it is not read back to the last one named. "The administration" is:
# the word names a leader's government ("the Trump administration"), the one named before.
_OWN_GOVERNMENT = frozenset({"government", "governments", "authorities", "authority", "regime"})


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
    doc: Doc, unit: Unit, *, tables: ActorTables, memory: ArticleMemory, here: str | None = None
) -> tuple[ActorRef, ...]:
    """The actors a top unit names (memory is read, and updated with persons and countries);
    ``here`` is the state the sentence puts its act in, if it names one."""
    text = unit_text(doc, unit)
    if unit.recalled is not None:
        person = unit.recalled
        if person.country is None:  # "Carstens, a former governor of Mexico's central bank"
            owners = _owners(unit, tables, memory)
            person = replace(person, country=owners[0][0]) if owners else person
        return (replace(memory.remember_person(person), text=text),)
    if unit.pair:
        return _pair(unit, text=text, memory=memory)
    if unit.pronoun is not None:
        return tuple(replace(actor, text=text) for actor in memory.body_for(unit.pronoun))
    if unit.kind is MentionKind.PERSON and unit.person:
        return (_person(doc, unit, text=text, tables=tables, memory=memory),)
    if unit.kind is MentionKind.ROLE and unit.role is not None:
        return _role(doc, unit, unit.role, text=text, tables=tables, memory=memory, here=here)
    return _named(doc, unit, text, tables, memory)


def _pair(unit: Unit, *, text: str, memory: ArticleMemory) -> tuple[ActorRef, ...]:
    """ "The two sides": the last two parties of different states the article named together."""
    persons = unit.pair_sector == "GOV" and unit.pair_persons
    return tuple(replace(actor, text=text) for actor in memory.pair_for(persons=persons))


def _owners(unit: Unit, tables: ActorTables, memory: ArticleMemory) -> list[tuple[str, str]]:
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
        elif modifier.leader is not None:  # "Putin's government"
            pair = (modifier.leader.country, modifier.leader.name)
        if pair is not None and pair not in found:
            found.append(pair)
        if modifier.pronoun is not None:  # "its troops": the body "its" refers to
            bodies = memory.body_for(modifier.pronoun)
            found.extend(
                (a.country, a.name)
                for a in bodies
                if a.country and (a.country, a.name) not in found
            )
        found.extend(p for p in _owners(modifier, tables, memory) if p not in found)
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
    doc: Doc, unit: Unit, *, text: str, tables: ActorTables, memory: ArticleMemory
) -> ActorRef:
    name = unit.person or text
    owners = [code for code, _ in _owners(unit, tables, memory)]
    title = unit.title.text if unit.title else None
    sector = unit.title.sector if unit.title else None
    if title is None or sector is None:
        extra_title, extra_sector = _role_modifier_title(unit)
        title, sector = title or extra_title, sector or extra_sector
    known = memory.person_by_name(name)
    country = owners[0] if owners else (known.country if known else None)
    leader = unit.leader if country is None and known is None else None
    if leader is not None:
        country, sector = leader.country, sector or leader.sector or None
        title, name = title or leader.title or None, leader.name
    if country is None and title is not None and title.split()[-1].lower() in _COUNTERPARTS:
        country, sector, title = _counterpart(unit.first, doc, tables, memory, sector)
    elif country is None and title is not None:
        country = memory.context_country()  # an office is held in some state: the article's
    elif country is None and known is None:
        # a person the article places nowhere else belongs to its home country, when the
        # article has a clear one (``actors.home``); news places foreigners as it names them
        country = memory.default_country
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
    here: str | None = None,
) -> tuple[ActorRef, ...]:
    owners = _owners(unit, tables, memory)
    named = _appositive_person(doc, unit) if role.is_title else None
    if named is not None:
        # "South Korea's Defence Minister Shin Won-sik", parsed with the title as the head
        # and the name in apposition: the person holds the title
        known = memory.person_by_name(named)
        holder = ActorRef(
            name=named,
            text=text,
            country=owners[0][0] if owners else (known.country if known else None),
            sector=unit.title.sector if unit.title else role.sector,
            title=unit.title.text if unit.title else None,
        )
        if holder.country is None:
            holder = replace(holder, country=memory.context_country())
        return (replace(memory.remember_person(holder), text=text),)
    head = doc[unit.head]
    definite = any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in head.children)
    word = role.phrase.split()[-1]
    if not owners and definite and _refers_back(role, head, word):
        # "the minister", "the ministry", "the court": the party last named with that word
        # ("Iraq's Human Rights Ministry", "a spokesperson for the State Department")
        known = memory.person_by_role(word)
        if known is not None:
            return (replace(known, text=text),)
    title = unit.title.text if unit.title else None
    sector = unit.title.sector if unit.title else role.sector
    if role.phrase in _COUNTERPARTS and memory.last_person is not None:
        # "his Kazakh counterpart" holds the office of the person whose counterpart he is
        title = memory.last_person.title or title
        sector = memory.last_person.sector or sector
    if owners:
        found = _owned(owners, ActorRef(name="", text=text, sector=sector, title=title))
        if len(found) == 1:
            memory.remember_role(word, found[0])
        return found
    code: str | None
    if role.phrase in _COUNTERPARTS:
        code, sector, title = _counterpart(unit.first, doc, tables, memory, None)
    else:
        person = memory.last_person if role.phrase in _ACCOMPANYING else None
        code = person.country if person else None
        sector = (person.sector if code and person else None) or sector
        if code is None and _local_authority(role):
            code = here  # "arrested in Denver, police said": the police of that place
        if code is None and role.sector in _ARMED_GROUPS:
            code = here or memory.last_place  # "strikes in northern Iraq ... the militants"
        if code is None:
            code = memory.context_country()
            unit.contextual = sector in PARTY_SECTORS and word not in _OWN_GOVERNMENT
    name = tables.country_name(code) or doc[unit.first : unit.last + 1].text
    return (ActorRef(name=name, text=text, country=code, sector=sector, title=title),)


def _owned(owners: list[tuple[str, str]], actor: ActorRef) -> tuple[ActorRef, ...]:
    """``actor`` once for each state among ``owners``, under the first name given it ("a
    spokesman for U.N. chief Ban Ki-moon": one U.N. actor, not two)."""
    codes: dict[str, str] = {}
    for code, name in owners:
        codes.setdefault(code, name)
    return tuple(replace(actor, name=name, country=code) for code, name in codes.items())


def _refers_back(role: RoleEntry, head: Token, word: str) -> bool:
    """Whether "the" + this role word stands for the one named with it before: an office
    ("the minister") or a singular body ("the ministry", "the court", "the law firm"); not
    the state's own government (``_OWN_GOVERNMENT``) nor a plural or mass noun, which is as
    often generic ("the media", "the settlements") as it is the group named before."""
    if word in _OWN_GOVERNMENT:
        return False
    return role.is_title or head.tag_ == "NN"


def _local_authority(role: RoleEntry) -> bool:
    """Police, prosecutors, courts and "the authorities": bodies that act where they are."""
    return role.sector in _LOCAL_SECTORS or role.phrase in _AUTHORITIES


def _appositive_person(doc: Doc, unit: Unit) -> str | None:
    """The name of a person in apposition to a title unit, when there is exactly one (not
    the person the office serves: "a spokesman for Ban Ki-moon")."""
    names = [
        m.person
        for m in unit.modifiers
        if m.kind is MentionKind.PERSON and m.person and doc[m.head].dep_ != "pobj"
    ]
    return names[0] if len(names) == 1 else None


def _named(
    doc: Doc, unit: Unit, text: str, tables: ActorTables, memory: ArticleMemory
) -> tuple[ActorRef, ...]:
    _, role_sector = _role_modifier_title(unit)
    if unit.entry is not None:
        entry = unit.entry
        sector = role_sector or entry.sector
        code = _shared_code(doc, unit, entry, tables, memory) if entry.shared else entry.code
        name = entry.name if code == entry.code else f"{entry.name} ({code})"
        actor = ActorRef(name=name, text=text, country=code, sector=sector)
        head = doc[unit.head].lower_
        if head in tables.roles:  # "the Supreme Court": "the court" next
            memory.remember_role(head, actor)
        return (actor,)
    if unit.place is not None:
        return (ActorRef(name=unit.place.name, text=text, country=unit.place.country),)
    owners = _owners(unit, tables, memory)
    name = unit.person or doc[unit.first : unit.last + 1].text
    sector = role_sector or title_sector(roles_in(doc, unit.first, unit.last + 1, tables))
    # a body in no table, owned by no state in the phrase: the article's home country's
    country = owners[0][0] if owners else memory.default_country
    return (ActorRef(name=name, text=text, country=country, sector=sector),)


def _counterpart(
    first: int, doc: Doc, tables: ActorTables, memory: ArticleMemory, sector: str | None
) -> tuple[str | None, str, str | None]:
    """Country, sector and title of "his counterpart": the other state of the exchange.

    The possessor is the last person named (or, for "their", the last plural subject); the
    counterpart belongs to the one other state the sentence names, else to the state the
    article named most recently that is not the possessor's.
    """
    possessor = memory.last_person
    own = possessor.country if possessor else None
    states = {
        entry.code
        for _, _, entry in tables.find_names(doc.text)
        if entry.kind in _STATE_KINDS and entry.code != own
    }
    code = next(iter(states)) if len(states) == 1 else memory.recent_country(excluding=own)
    title = possessor.title if possessor and possessor.title else doc[first].text
    return code, sector or (possessor.sector if possessor else None) or "GOV", title


def _shared_code(
    doc: Doc, unit: Unit, entry: NameEntry, tables: ActorTables, memory: ArticleMemory
) -> str:
    """The state a name several states use stands for (see the module docstring)."""
    owners = _owners(unit, tables, memory)
    if owners:
        return owners[0][0]
    noun = doc[unit.head]
    while noun.dep_ in ("compound", "nmod") and noun.head.i != noun.i:
        noun = noun.head  # "Congress building": the phrase is the building's
    phrase = doc[noun.left_edge.i : noun.right_edge.i + 1].text
    for _, _, other in tables.find_names(phrase):
        if other.kind in _STATE_KINDS:
            return other.code
    located = _located_in(doc, tables) & entry.shared
    if len(located) == 1:  # "protesters outside the Congress building in Lima"
        return next(iter(located))
    context = memory.context_country()
    return context if context in entry.shared else entry.code


def _located_in(doc: Doc, tables: ActorTables) -> set[str]:
    """States whose country or capital names where the sentence happens ("in Lima")."""
    found = set()
    for start, end, entry in tables.find_names(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or entry.kind not in _STATE_KINDS:
            continue
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
            found.add(entry.code)
    return found
