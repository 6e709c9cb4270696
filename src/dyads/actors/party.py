"""The state of the party a sentence is about, for an office or body it names without one.

An office or body named with no state ("defense secretary", "a Defense Ministry spokesman",
"the Senate") takes the article's context country (the dateline's, or the one the article
names alone). In foreign news the dateline is where the reporter stands, not whose office
it is: a story filed in Lima on a Chilean minister says "She is the first economist to
serve as finance minister" and "at her hearing in the Senate". The sentence
says better whose office it is:

- an office or body in the same clause as a subject of known state, as its complement or in
  an adjunct ("She is the first economist to serve as finance minister", "the plan the
  minister defended at her Senate hearing"), belongs to that subject's state. Not as the clause's
  object or the party of "with", "against", "to": that is the other side of the act ("the
  minister met the defense minister", "troops fired on soldiers");
- the second of two coordinated nouns with no determiner of its own shares the first's
  state ("the Chinese government and military");
- a spokesman or official who reports what a government body did ("The Chinese government
  has followed the resolutions, a Defense Ministry spokesman said") speaks for that body's
  state.

Only offices and bodies of government, the military and legislatures read their state so;
the government itself ("the government said", the story's own), police, courts, armed groups
and civilians belong to where the story happens and keep the article's context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from dyads.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Sectors of offices and bodies that speak and act for their state abroad as well as at home.
PARTY_SECTORS = frozenset({"GOV", "MIL", "LEG"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Dependencies that make a phrase the other party of its clause's act.
_OTHER_PARTY_DEPS = frozenset({"dobj", "dative", "iobj", "agent", "oprd"})
_OTHER_PARTY_PREPS = frozenset(
    {"with", "against", "to", "toward", "towards", "on", "from", "by", "for", "between"}
)
# Verbs by which a spokesperson reports what a body did or said.
_REPORTING = frozenset({"say", "tell", "add", "state", "announce", "stress", "insist", "note"})
_CLAUSES = frozenset({"ccomp", "parataxis"})
_DETERMINERS = frozenset({"det", "poss", "amod", "compound", "nummod"})
_VERBS = frozenset({"VERB", "AUX"})
_BODY_SECTORS = frozenset({"GOV", "MIL"})
_ISO_LENGTH = 3
_NOT_STATES = frozenset({"IGO", "NGO", "IMG"})


class PartyUnit(Protocol):
    """What the finder resolved for one unit: its head token, actors and how it was read."""

    @property
    def head(self) -> int: ...

    @property
    def actors(self) -> tuple[ActorRef, ...]: ...

    @property
    def contextual(self) -> bool: ...


def sentence_party(doc: Doc, head: int, resolved: Sequence[PartyUnit]) -> str | None:
    """The state of the party whose office or body the unit headed at ``head`` is, or None."""
    by_head = {unit.head: unit for unit in resolved}
    child: Token = doc[head]
    if child.dep_ == "conj" and not any(c.dep_ in _DETERMINERS for c in child.children):
        # "the Chinese government and military": the bare second noun shares the first's
        # modifiers, so its state
        first = by_head.get(child.head.i)
        if first is not None and not first.contextual:
            return _one_state(first.actors)
    node = child.head
    while node.i != child.i:
        if _other_party(child):
            return None
        if node.pos_ in _VERBS and any(c.dep_ in _SUBJECTS for c in node.children):
            if child.dep_ not in _SUBJECTS:
                return _subject_state(node, by_head, bodies_only=False)
            # the subject itself: a spokesman speaks for the body whose act he reports,
            # but what others report of a subject ("army bulldozers demolished homes,
            # Palestinian officials said") says nothing of its state
            return _reported_body(node, by_head) if node.lemma_ in _REPORTING else None
        child, node = node, node.head
    return None


def _other_party(child: Token) -> bool:
    """Whether the phrase on the way up is an object of what its head does, or the party of
    "with", "against", "to" ("hit the US territory, home to the Air Force base")."""
    if child.dep_ in _OTHER_PARTY_DEPS:
        return True
    return child.dep_ == "prep" and child.lower_ in _OTHER_PARTY_PREPS


def _reported_body(verb: Token, by_head: dict[int, PartyUnit]) -> str | None:
    """The state of the government body that is the subject of what ``verb`` reports."""
    for clause in verb.children:
        if clause.dep_ in _CLAUSES and clause.pos_ in _VERBS:
            return _subject_state(clause, by_head, bodies_only=True)
    if verb.dep_ in _CLAUSES and verb.head.pos_ in _VERBS:  # "..., a spokesman said" last
        return _subject_state(verb.head, by_head, bodies_only=True)
    return None


def _subject_state(verb: Token, by_head: dict[int, PartyUnit], *, bodies_only: bool) -> str | None:
    """The one state the subject of ``verb`` names, when it was not itself guessed."""
    states: set[str] = set()
    for subject in verb.children:
        if subject.dep_ not in _SUBJECTS:
            continue
        for token in (subject, *(c for c in subject.children if c.dep_ == "conj")):
            unit = by_head.get(token.i)
            if unit is None or unit.contextual:
                continue
            for actor in unit.actors:
                if bodies_only and actor.sector not in _BODY_SECTORS:
                    continue
                if actor.country and _is_state(actor.country):
                    states.add(actor.country)
    return next(iter(states)) if len(states) == 1 else None


def _one_state(actors: tuple[ActorRef, ...]) -> str | None:
    states = {a.country for a in actors if a.country and _is_state(a.country)}
    return next(iter(states)) if len(states) == 1 else None


def _is_state(code: str) -> bool:
    return len(code) == _ISO_LENGTH and code not in _NOT_STATES
