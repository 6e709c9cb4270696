"""Countries the parse leaves out, read from the sentence: whose parties they are.

The coder's parties come from the actor finder; three readings fill in what it cannot know
from the words of a party alone:

- a state act told in the passive with no agent ("was arrested in Denver", "has been charged
  with fraud") is the act of the authorities of the state whose army, police or court the
  sentence names ("Israel's military says the girl was indicted"), else of
  the state where it happened, police or court by the act (``AUTHORITY_SECTORS``);
- an actor with no country ("President Avril resigned") takes the one country the sentence
  names, unless that is the recipient state's;
- unnamed civilians ("20 people") are of the place where the act befell them, not of the
  actor's country the finder carried over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from dyads.coding.triggers import Trigger
from dyads.records import ActorRef, Place

ISO_LENGTH = 3
DOMESTIC_SECTORS = frozenset({"OPP", "CVL", "LAB", "MED", "EDU", "REL", "BUS", "REF"})
# Sectors of unarmed people, who belong to the place where an act befell them.
CIVILIAN_SECTORS = frozenset({"CVL", "REF", "MED", "EDU", "REL"})
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG"})  # codes of bodies that belong to no state
# Verbs of acts only a state's police or courts carry out, and the sector of the body that
# does: "was arrested" (police), "was sentenced" (a court). Release, bans and expulsions are
# left out: kidnappers release, and parties and clubs ban and expel their own members.
# Acts that befall someone ("was arrested", "was sentenced"), which a sentence may tell of
# someone the news does not name ("a 16-year-old was arrested at the scene").
BEFALLING_SECTORS: Mapping[str, str] = MappingProxyType(
    {
        "arrest": "COP",
        "detain": "COP",
        "jail": "JUD",
        "imprison": "JUD",
        "sentence": "JUD",
        "convict": "JUD",
        "charge": "JUD",
        "indict": "JUD",
        "deport": "GOV",
    }
)
AUTHORITY_SECTORS: Mapping[str, str] = MappingProxyType(
    {
        **BEFALLING_SECTORS,
        # proceedings: "has been investigated", "further inquiries have been opened",
        # "X is facing charges" (``coding.proceedings``)
        "indictment": "JUD",
        "prosecution": "JUD",
        "investigate": "COP",
        "investigation": "COP",
        "inquiry": "COP",
        "probe": "COP",
    }
)


def placed_civilians(
    actors: tuple[ActorRef, ...], recipients: tuple[ActorRef, ...], place: Place | None
) -> tuple[ActorRef, ...]:
    """Unnamed civilians take the country where the event happened, not the actor's.

    "A Saudi-led air strike killed 20 people at a wedding in Yemen": the finder gives
    "20 people" the country last named (Saudi Arabia); the people of a place named in the
    sentence are that place's. Only recipients written without a proper name change.
    """
    if place is None or place.country is None or len(place.country) != ISO_LENGTH:
        return recipients
    own = {a.country for a in actors if a.country}
    return tuple(
        replace(r, country=place.country)
        if r.sector in CIVILIAN_SECTORS
        and r.country in own
        and r.country != place.country
        and not any(word[:1].isupper() for word in r.text.split())
        else r
        for r in recipients
    )


def with_sentence_country(
    actors: tuple[ActorRef, ...],
    *,
    recipients: tuple[ActorRef, ...],
    units: Sequence[Any],
    place: Place | None = None,
) -> tuple[ActorRef, ...]:
    """Actors the finder gave no country ("President Avril resigned to allow Haiti's first
    elections") take the one country the sentence names (a party or the event's place), when
    it names exactly one and that one is not the recipient state's: news names a leader's
    country beside the leader."""
    if all(a.country is not None for a in actors):
        return actors
    named = {a.country for u in units for a in u.actors if a.country}
    named |= {u.place.country for u in units if u.place is not None and u.place.country}
    if place is not None and place.country:  # "declared a state of siege in Haiti"
        named.add(place.country)
    # a government acting on its own opposition or citizens is domestic news; only a
    # recipient at the level of a state rules its country out
    named -= {r.country for r in recipients if r.sector not in DOMESTIC_SECTORS}
    named = {code for code in named if len(code) == ISO_LENGTH and code not in NON_STATE_CODES}
    if len(named) != 1:
        return actors
    (country,) = named
    return tuple(a if a.country else replace(a, country=country) for a in actors)


# Sectors of the state bodies that arrest, charge and try: the army, police and courts (a
# government's people are named for much else: "the scandal that brought down President X").
ENFORCING_SECTORS = frozenset({"MIL", "COP", "JUD"})


def state_bodies(units: Sequence[Any]) -> frozenset[str]:
    """The countries of the armies, police forces and courts a sentence names ("Israel's
    military", "Kenyan police"), places left out."""
    return frozenset(
        a.country
        for u in units
        if not u.locative
        for a in u.actors
        if a.sector in ENFORCING_SECTORS and a.country and len(a.country) == ISO_LENGTH
    )


def unnamed_authority(
    trigger: Trigger,
    recipients: tuple[ActorRef, ...],
    *,
    place: Place | None,
    home: str | None,
    bodies: frozenset[str] = frozenset(),
) -> tuple[ActorRef, ...]:
    """Who did a state act told in the passive with no agent ("was arrested in Denver",
    "has been charged with fraud"): the authorities of the one state whose bodies the
    sentence names (``bodies``: "Israel's military says a girl could face prison after being
    indicted"), else of the state where it happened, that is the state of a place the
    sentence names, else the article's home country when the one acted on is of it; else an
    unknown party (country null, sector UNK)."""
    sector = AUTHORITY_SECTORS.get(trigger.entry.lemma)
    if sector is None or (trigger.nominal and not trigger.undergone):
        return ()
    # an investigation need not name whom it targets ("further investigation has been
    # taken up"); a charge, an arrest or a sentence has someone it befalls, a party or one
    # the news does not name ("a 16-year-old was arrested at the scene")
    if not recipients and trigger.entry.mode != "investigate" and not _befalls(trigger):
        return ()
    country = place.country if place is not None else None
    if len(bodies) == 1:
        (country,) = bodies
    if country is None or len(country) != ISO_LENGTH or country in NON_STATE_CODES:
        ours = not recipients or any(r.country == home for r in recipients)
        country = home if home and ours else None
    if country is None:
        return (ActorRef(name="unknown", country=None, sector="UNK"),)
    return (ActorRef(name="authorities", country=country, sector=sector),)


def _befalls(trigger: Trigger) -> bool:
    """The passive act has a subject it befalls: "a 16-year-old was arrested"."""
    return any(c.dep_ == "nsubjpass" for c in trigger.verb.children)
