"""Words for the two parties of a bilateral story: "the two sides", "both countries".

A report of talks between two states names them together ("China and Russia", "Israeli and
Hamas negotiators", "Abe and Trump") and then calls them "the two sides", "both countries",
"the two leaders" or "the two neighbours": "The two sides signed a memorandum", "Both
countries agreed to expand trade". Such a phrase stands for the two parties of different
states the article named together most often, the later pair on a tie (for "leaders",
"presidents" and "ministers" two persons, else two states); named together means joined by
"and" or as the two sides of a meeting ("A met B", "A held talks with B"). It names no one
when the article has named no such pair. The two states named last are not enough: a
report of a call on Chile and Peru to settle their dispute may end on Bolivia.

The phrase is a plural noun of this list with "both" or "two" on it ("the two sides", "both
governments"), never a bare plural ("sides") nor "the two parties", which in domestic news
are two political parties, not two states.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dyads.records import ActorRef, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyads.actors.finder import ResolvedUnit
    from dyads.actors.memory import ArticleMemory
    from dyads.actors.unit import Unit

# ("two states" is left out: "a solution of two states" names no parties.)
# Plural nouns that, with "both" or "two", stand for the two states of the story; the sector
# of the actors they name (None: the states as such).
PAIR_NOUNS: dict[str, str | None] = {
    "sides": "GOV",
    "countries": None,
    "nations": None,
    "governments": "GOV",
    "leaders": "GOV",
    "presidents": "GOV",
    "ministers": "GOV",
    "neighbours": None,
    "neighbors": None,
    "allies": None,
    "delegations": "GOV",
    "capitals": "GOV",
}
_QUANTIFIERS = frozenset({"both", "two"})
# The prefilter's source: the phrase as written, before any parse ("the two sides").
PAIR_PHRASE = r"(?:both|two)\s+(?:" + "|".join(PAIR_NOUNS) + r")"


# Nouns of the pair that stand for two persons rather than two states.
PERSON_NOUNS = frozenset({"leaders", "presidents", "ministers"})


def pair_sector(token: Token) -> tuple[bool, str | None]:
    """Whether ``token`` heads a two-party phrase, and the sector of the actors it names.

    "both" may come first ("both countries") or float after a pronoun-like head, which the
    parse attaches as a determiner or predeterminer; "two" hangs as a number ("the two sides").
    """
    word = token.lower_
    if word not in PAIR_NOUNS or token.tag_ != "NNS":
        return False, None
    if any(child.lower_ in _QUANTIFIERS and child.i < token.i for child in token.children):
        return True, PAIR_NOUNS[word]
    return False, None


# Kinds of unit that name one person: "Shin Won-sik", "Japan's Defence Minister Minoru Kihara".
_PERSON_KINDS = frozenset({MentionKind.PERSON, MentionKind.ROLE})
# Verbs and nouns of a meeting of two parties: its subject and its other party become what
# "the two ministers" refers to next.
_MEETING_VERBS = frozenset(
    {"meet", "host", "receive", "welcome", "visit", "talk", "speak", "confer", "negotiate"}
)
_MEETING_NOUNS = frozenset(
    {"talk", "talks", "meeting", "call", "discussion", "conversation", "negotiation"}
)


def remember_pair(
    doc: Doc, units: Sequence[Unit], resolved: Sequence[ResolvedUnit], memory: ArticleMemory
) -> None:
    """Two parties of different states named together become what "both sides" refers to.

    "China and Russia" (two units joined by "and"), "Israeli and Hamas negotiators" (two
    table names modifying one noun), "Senior Chilean and Peruvian officials" (one unit
    naming two states). The last such pair of the sentence is kept.
    """
    named: dict[int, tuple[ActorRef, bool]] = {}
    for item in resolved:
        if item.locative or not item.actors:
            continue
        if len(item.actors) == 2:
            _keep_pair(item.actors[0], item.actors[1], persons=False, memory=memory)
        elif len(item.actors) == 1:
            named[item.head] = (item.actors[0], item.kind in _PERSON_KINDS)
    for unit in units:
        if unit.modifies is not None and unit.entry is not None and unit.head not in named:
            entry = unit.entry
            actor = ActorRef(name=entry.name, text=entry.name, country=entry.code, sector=None)
            named[unit.head] = (actor, False)
    for head, (actor, person) in sorted(named.items()):
        partners = [child.i for child in doc[head].children if child.dep_ == "conj"]
        if doc[head].dep_ == "nsubj":
            partners.extend(_counterparts(doc[head].head))
        for index in partners:
            if index in named:
                other, other_person = named[index]
                _keep_pair(actor, other, persons=person and other_person, memory=memory)


def _counterparts(verb: Token) -> list[int]:
    """The other party of a meeting: the object of a verb of meeting ("met Kihara", "hosted
    Erdogan") or the noun after "with" on it or on a noun of talks ("met with Mensah", "held
    talks with Cho"). Other verbs with an object name no pair: "Chile sells Bolivia
    copper" does not make China and North Korea "both countries"."""
    found: list[int] = []
    if verb.lemma_ in _MEETING_VERBS:
        found.extend(child.i for child in verb.children if child.dep_ == "dobj")
        holders = [verb]
    else:
        holders = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in _MEETING_NOUNS]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                found.extend(grand.i for grand in child.children if grand.dep_ == "pobj")
    return found


def _keep_pair(first: ActorRef, second: ActorRef, *, persons: bool, memory: ArticleMemory) -> None:
    if first.country and second.country and first.country != second.country:
        memory.remember_pair((first, second), persons=persons)
