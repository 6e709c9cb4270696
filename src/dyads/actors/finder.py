"""The actor finder: every actor mention in a parsed sentence, resolved to an ``ActorRef``.

``ActorFinder.find`` takes the spaCy ``Doc`` of one sentence's text (``Sentence.text``, as the
parser returned it; the finder never runs spaCy itself), the ``Sentence`` (for offsets into
``Article.body``) and the article's ``ArticleMemory``, and returns one ``Mention`` per actor:

- ``kind`` says how the actor was named (person, country, demonym, capital, IGO, NGO, group,
  organisation, role noun, place);
- ``actor`` is the resolved ``ActorRef`` (see ``dyads.actors.resolve`` for what each kind
  resolves to); a noun phrase naming several countries ("Polish and Czech officials")
  gives one mention per country over the same span;
- a country, capital or city after a preposition of place ("talks in Ankara") is where, not
  who: its mention has kind ``PLACE``, a ``place`` and no actor;
- a demonym or capital that only modifies an ordinary noun ("Turkish cuisine", "Ankara
  University") gives no mention.

``ActorFinder.actor_for_span`` answers "who is this noun phrase?" for a token range of the same
``Doc`` (a subject subtree, an object): the actors of the top units whose head lies inside it.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyads.actors.acronyms import acronym_of, defined_acronyms
from dyads.actors.memory import ArticleMemory
from dyads.actors.pairs import remember_pair
from dyads.actors.party import sentence_party
from dyads.actors.resolve import resolve, unit_bounds, unit_text
from dyads.actors.tables import ActorTables
from dyads.actors.units import PlaceLookup, Unit, build_units
from dyads.nlp.sentences import Sentence
from dyads.records import ActorRef, Mention, MentionKind, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# How many analysed sentences ``actor_for_span`` can look up without re-resolving them. An
# article's sentences are coded one after another, so a few dozen covers any access pattern
# of the coder while holding little memory.
_CACHE_SIZE = 64
# Dependencies of a demonym or capital that only describes an ordinary noun ("Turkish
# cuisine", "Ankara University"): no actor.
_DESCRIPTIVE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Endings of English nouns for people (agent nouns and nationality-like nouns: "winger",
# "leader", "activist", "spokesman", "civilian", "resident"), used to tell "an Israeli
# right-winger" (a person) from "Turkish cuisine" (a thing).
_PERSON_ENDINGS = ("er", "or", "ist", "man", "men", "ian", "ant", "ent", "ee")
# Prepositions that say where the sentence's act happened; "from", "into", "to" name where
# someone came from or went, not where the police who acted stand.
_WHERE = frozenset({"in", "at", "near", "outside", "inside"})
_ISO_LENGTH = 3
_NOT_STATES = frozenset({"IGO", "NGO", "IMG"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedUnit:
    """One top naming expression of a sentence and the actors it names."""

    kind: MentionKind
    head: int  # token indices in the sentence's Doc
    first: int
    last: int
    actors: tuple[ActorRef, ...]
    place: Place | None = None
    locative: bool = False
    contextual: bool = False  # an office or body given the article's context country


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceActors:
    """What the finder found in one sentence."""

    mentions: tuple[Mention, ...]
    units: tuple[ResolvedUnit, ...]

    def actors_between(self, start: int, end: int) -> tuple[ActorRef, ...]:
        """Actors of the non-locative units whose head token lies in [start, end)."""
        found: list[ActorRef] = []
        for unit in self.units:
            if not unit.locative and start <= unit.head < end:
                found.extend(actor for actor in unit.actors if actor not in found)
        return tuple(found)


class ActorFinder:
    """Finds and resolves actor mentions; one finder serves many articles (memory is per call)."""

    def __init__(
        self,
        *,
        tables: ActorTables,
        places: PlaceLookup | None = None,
        seats: PlaceLookup | None = None,
    ) -> None:
        """``places`` maps a city name to a ``Place`` and ``seats`` a place named inside a
        body's name (``dyads.actors.seats``); both default to the geonames gazetteer, unless
        ``places`` is given (then there are seats only when ``seats`` is given too)."""
        self.tables = tables
        self._places = places
        self._seats = seats
        self._places_loaded = places is not None
        self._cache: OrderedDict[int, tuple[Doc, SentenceActors]] = OrderedDict()

    def find(self, doc: Doc, *, sentence: Sentence, memory: ArticleMemory) -> tuple[Mention, ...]:
        """Every actor mention in the sentence; offsets index ``Article.body``."""
        return self.analyse(doc, sentence=sentence, memory=memory).mentions

    def analyse(self, doc: Doc, *, sentence: Sentence, memory: ArticleMemory) -> SentenceActors:
        """Mentions and resolved units of one sentence; ``memory`` learns its persons."""
        places = self._place_lookup()
        units = build_units(
            doc, tables=self.tables, memory=memory, places=places, seats=self._seats
        )
        here = _sentence_state(doc, units)
        resolved: list[ResolvedUnit] = []
        mentions: list[Mention] = []
        for unit in units:
            if unit.modifies is not None or _descriptive(doc, unit):
                continue
            if unit.person_pronoun:
                unit.recalled = _subject_before(doc, unit, resolved) or unit.recalled
                if unit.recalled is None:
                    continue
            resolved.append(self._resolve(doc, unit, memory, here=here))
        resolved = [_of_party(doc, item, resolved, self.tables) for item in resolved]
        for item in resolved:
            mentions.extend(_mentions(doc, item, sentence))
        _focus_subject(doc, resolved, memory)
        remember_pair(doc, units, resolved, memory)
        result = SentenceActors(mentions=tuple(mentions), units=tuple(resolved))
        self._remember(doc, result)
        return result

    def actor_for_span(
        self, doc: Doc, start_token: int, end_token: int, memory: ArticleMemory
    ) -> tuple[ActorRef, ...]:
        """The actors named by tokens [start_token, end_token) of an analysed (or new) ``Doc``.

        A ``Doc`` already passed to ``find`` is answered from what was found then; another is
        analysed against a copy of ``memory``, which is left unchanged.
        """
        cached = self._cache.get(id(doc))
        if cached is not None and cached[0] is doc:
            return cached[1].actors_between(start_token, end_token)
        scratch = memory.copy()
        sentence = Sentence(index=0, paragraph=1, start=0, end=len(doc.text), text=doc.text)
        return self.analyse(doc, sentence=sentence, memory=scratch).actors_between(
            start_token, end_token
        )

    def _resolve(
        self, doc: Doc, unit: Unit, memory: ArticleMemory, *, here: str | None = None
    ) -> ResolvedUnit:
        first, last = unit_bounds(doc, unit)
        actors: tuple[ActorRef, ...] = ()
        if unit.locative:
            _remember_place(doc, unit, memory)
        else:
            actors = _defined(doc, unit, memory) or resolve(
                doc, unit, tables=self.tables, memory=memory, here=here
            )
            _define_acronyms(doc, unit, actors, memory)
            for code in _states_named(unit, actors):
                memory.remember_country(code)
            _focus_body(doc, unit, actors, memory)
        return ResolvedUnit(
            kind=unit.kind,
            head=unit.head,
            first=first,
            last=last,
            actors=actors,
            place=_place_of(doc, unit),
            locative=unit.locative,
            contextual=unit.contextual,
        )

    def _place_lookup(self) -> PlaceLookup | None:
        if not self._places_loaded:
            self._places_loaded = True
            self._places, self._seats = _default_places()
        return self._places

    def _remember(self, doc: Doc, result: SentenceActors) -> None:
        self._cache[id(doc)] = (doc, result)
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)


def _of_party(
    doc: Doc, item: ResolvedUnit, resolved: list[ResolvedUnit], tables: ActorTables
) -> ResolvedUnit:
    """An office or body given the article's context country takes instead the state of
    the party its sentence is about (``dyads.actors.party``), when the sentence names one."""
    if not item.contextual or not item.actors:
        return item
    code = sentence_party(doc, item.head, resolved)
    if code is None or code == item.actors[0].country:
        return item
    actor = replace(item.actors[0], name=tables.country_name(code) or code, country=code)
    return replace(item, actors=(actor,), contextual=False)


def _defined(doc: Doc, unit: Unit, memory: ArticleMemory) -> tuple[ActorRef, ...]:
    """The body an acronym stands for, when the article defined it ("the EC", "SIT")."""
    acronym = acronym_of(doc, unit)
    body = memory.acronym(acronym) if acronym is not None else None
    if body is None:
        return ()
    return (replace(body, text=unit_text(doc, unit)),)


def _define_acronyms(
    doc: Doc, unit: Unit, actors: tuple[ActorRef, ...], memory: ArticleMemory
) -> None:
    """A body named in full defines its initials for the rest of the article."""
    if len(actors) != 1 or not (actors[0].country or actors[0].sector):
        return
    if acronym_of(doc, unit) is not None:
        return
    for acronym in defined_acronyms(doc, unit):
        memory.remember_acronym(acronym, actors[0])


def _focus_subject(doc: Doc, units: list[ResolvedUnit], memory: ArticleMemory) -> None:
    """After a sentence, "he" / "she" refer to its subject person rather than its last one."""
    for unit in units:
        if unit.kind is MentionKind.PERSON and unit.actors and doc[unit.head].dep_ in _SUBJECTS:
            memory.focus(unit.actors[0])
            return


def _focus_body(doc: Doc, unit: Unit, actors: tuple[ActorRef, ...], memory: ArticleMemory) -> None:
    """A subject that is a country, body or group becomes what "it" / "they" refer to.

    Done as each unit is resolved, so that "NATO said its troops ..." finds NATO for "its".
    A subject with coordinated parts ("Iran and Iraq") or a plural noun is plural.
    """
    token = doc[unit.head]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if not actors or token.dep_ not in _SUBJECTS or unit.kind is MentionKind.PERSON:
        return
    if unit.role is not None and unit.role.is_title:
        return  # "the minister said": a person, for "he" / "she"
    coordinated = token.i != unit.head or any(c.dep_ == "conj" for c in token.children)
    plural = coordinated or len(actors) > 1 or doc[unit.head].tag_ in ("NNS", "NNPS")
    memory.focus_body(actors, plural=plural)


def _descriptive(doc: Doc, unit: Unit) -> bool:
    """A demonym or capital that only describes a thing: not an actor.

    A demonym before a plural noun or a noun for a person is kept, since such phrases mostly
    name people ("Iraqi youths", "Danish Web sites" as targets, "an Israeli right-winger");
    before a singular noun for a thing ("Turkish cuisine") it is dropped.
    """
    if unit.kind not in (MentionKind.DEMONYM, MentionKind.CAPITAL):
        return False
    token = doc[unit.head]
    if token.dep_ not in _DESCRIPTIVE_DEPS:
        return False
    if unit.kind is MentionKind.CAPITAL:
        return True
    noun = token.head
    return not (noun.tag_ in ("NNS", "NNPS") or noun.lower_.endswith(_PERSON_ENDINGS))


def _place_of(doc: Doc, unit: Unit) -> Place | None:
    if unit.place is not None:
        return unit.place
    entry = unit.entry
    if entry is None or unit.kind not in (MentionKind.COUNTRY, MentionKind.CAPITAL):
        return None
    if unit.kind is MentionKind.COUNTRY:
        return Place(name=entry.name, country=entry.code, kind="country")
    return Place(name=doc[unit.first : unit.last + 1].text, country=entry.code, kind="city")


def _sentence_state(doc: Doc, units: list[Unit]) -> str | None:
    """The one state the sentence puts something in ("was arrested in Denver", "at the
    airport in Lagos"), or None when it names none or several."""
    found: set[str] = set()
    for unit in units:
        if not unit.locative or doc[unit.head].head.lower_ not in _WHERE:
            continue
        place = _place_of(doc, unit)
        if place is not None and place.country and len(place.country) == _ISO_LENGTH:
            found.add(place.country)
    found -= _NOT_STATES
    return next(iter(found)) if len(found) == 1 else None


def _states_named(unit: Unit, actors: tuple[ActorRef, ...]) -> list[str]:
    """The countries of a unit's actors, and those its modifiers name that no actor took
    ("Carstens, a former governor of Mexico's central bank", Carstens placed nowhere)."""
    codes = [actor.country for actor in actors if actor.country]
    pending = list(unit.modifiers)
    while pending:
        modifier = pending.pop()
        pending.extend(modifier.modifiers)
        code = modifier.entry.code if modifier.entry is not None else None
        if code is None and modifier.place is not None:
            code = modifier.place.country
        if code and code not in codes:
            codes.append(code)
    return codes


def _remember_place(doc: Doc, unit: Unit, memory: ArticleMemory) -> None:
    place = _place_of(doc, unit)
    if place is None or not place.country:
        return
    if unit.entry is not None:  # a country or capital; a town's state may be a homonym's
        memory.remember_place(place.country)
    else:
        memory.remember_country(place.country)


def _mentions(doc: Doc, item: ResolvedUnit, sentence: Sentence) -> list[Mention]:
    start = sentence.start + doc[item.first].idx
    end = sentence.start + doc[item.last].idx + len(doc[item.last].text)
    text = doc[item.first : item.last + 1].text
    if item.locative:
        return [Mention(text=text, start=start, end=end, kind=MentionKind.PLACE, place=item.place)]
    return [
        Mention(text=text, start=start, end=end, kind=item.kind, actor=actor, place=item.place)
        for actor in item.actors
    ]


def _default_places() -> tuple[PlaceLookup | None, PlaceLookup | None]:
    """City and state lookups from the gazetteer (after a preposition, and inside a body's
    name), loaded on first use; None when it cannot be built."""
    try:
        from dyads.geo.gazetteer import default_gazetteer
    except ImportError:  # the geo package is optional for the finder
        logger.warning("no gazetteer available: cities will not give actors a country")
        return None, None
    gazetteer = default_gazetteer()
    return gazetteer.lookup_local, gazetteer.lookup_seat


_SINGULAR_NOUNS = frozenset({"NN", "NNP"})


def _subject_before(doc: Doc, pronoun: Unit, resolved: list[ResolvedUnit]) -> ActorRef | None:
    """The person a "he" or "she" stands for when the sentence names one before it as a
    subject: the nearest such person, the owner of such a subject ("Elmi's bid got a boost
    when he was endorsed"), or one a relative clause speaks of ("Moon, who said he hoped
    ..."); a person named by office alone counts ("The Kenyan president said he
    was disappointed")."""
    for item in reversed(resolved):
        if item.head >= pronoun.head or not item.actors:
            continue
        titled = (
            item.kind is MentionKind.ROLE
            and item.actors[0].title is not None
            and doc[item.head].tag_ in _SINGULAR_NOUNS
        )
        if item.kind is not MentionKind.PERSON and not titled:
            continue
        head = doc[item.head]
        if head.dep_ in _SUBJECTS or any(c.dep_ == "relcl" for c in head.children):
            return item.actors[0]
        if head.dep_ == "poss" and head.head.dep_ in _SUBJECTS:
            return item.actors[0]  # "Elmi's bid got a boost when he was endorsed"
    return None
