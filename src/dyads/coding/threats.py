"""Who can threaten: a threat told by "threaten to" needs a party or a person as its subject.

A thing or a state of affairs that "threatens to" have an effect is a danger, not a threat made
to anyone: "the instability is threatening to hurt trade", "the storm threatens to flood the
capital", "shells that threaten to land in the valley". A party ("Kenya threatened to close the
border", "the al-Shabaab network threatened to ..."), a person ("Ruto threatened to resign"),
a pronoun for one ("they threatened to walk out") or a body the actor finder resolved ("the
ministry threatened to ...") makes one, and so does anyone who sets a condition ("threatened
to strike unless the road is reopened"). Only the to-infinitive is read here; "threatened
Uganda with sanctions" names the one threatened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyads.actors.finder import ResolvedUnit
from dyads.coding.frames import infinitive
from dyads.coding.triggers import Trigger

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Pronouns that stand for a party or a person; "it" is kept, as it mostly stands for a state or
# a group that was just named ("it threatened to cut ties").
PERSON_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "who"})
# Relative pronouns that stand for the noun their clause hangs on ("shells that threaten").
RELATIVES = frozenset({"that", "which"})
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def idle_threat(trigger: Trigger, *, units: Sequence[ResolvedUnit]) -> bool:
    """True when "threaten" takes a to-infinitive and its subject is a thing, not a party."""
    verb = trigger.token
    if trigger.event != "THREATEN" or verb.lemma_.lower() != "threaten" or verb.pos_ != "VERB":
        return False
    if not any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children):
        return False
    subject = _subject(verb)
    if subject is None:
        return False  # "by threatening to ...": the one threatening is found elsewhere
    return not _names_party(subject, units=units) and not _conditional(verb)


def _conditional(verb: Any) -> bool:
    """A threat set against another's act is made by someone, whatever names its makers:
    "villagers of the valley threatened to strike unless Kenya reopened the road", "... if
    the fees were not paid"."""
    return any(t.lower_ in {"unless", "if"} and t.dep_ == "mark" for t in verb.subtree)


def _subject(verb: Any) -> Any:
    """The verb's subject; a relative pronoun stands for the noun its clause modifies."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.lower_ in RELATIVES and verb.dep_ == "relcl":
        return verb.head
    return subject


# Nouns for people, who threaten as things do not ("a man threatened to kill them").
PERSON_NOUNS = frozenset(
    {"man", "woman", "person", "people", "someone", "somebody", "caller", "individual",
     "stranger", "gunman", "youth", "mob", "crowd", "neighbour", "neighbor", "relative"}
)  # fmt: skip


def _names_party(subject: Any, *, units: Sequence[ResolvedUnit]) -> bool:
    """The subject is a pronoun for a party, or it or a name compounded with it names one
    ("Kenya", "the ministry", "the al-Shabaab network", "Maasai herders"); a party in a
    modifier names where or whose the danger is ("instability in Peru")."""
    if subject.lower_ in PERSON_PRONOUNS or subject.lemma_.lower() in PERSON_NOUNS:
        return True
    words = [subject, *(c for c in subject.children if c.dep_ == "compound")]
    if any(w.pos_ == "PROPN" or w.ent_type_ in NAME_ENTITIES for w in words):
        return True
    heads = {w.i for w in words}
    return any(u.head in heads and u.actors for u in units)


# Sectors of private parties: what they plan to do is their business's or their own, no
# threat made to anyone unless it names whom it targets.
PRIVATE_SECTORS = frozenset({"BUS", "CVL", "MED", "EDU", "REL", "LAB", "AGR", "HLH"})


def private_plan(trigger: Trigger, *, actors: Sequence[Any], recipients: Sequence[Any]) -> bool:
    """A planned act of force read as a threat (``triggers``: "would ban", "will cut") by a
    private party, with no party it targets: "the bank announced it would ban cryptocurrency
    transactions" restricts its own services. States' plans stay threats ("Greece plans to
    impose restrictions"), as do threats told as such ("threatened to ...")."""
    if trigger.event != "THREATEN" or trigger.entry.event == "THREATEN" or recipients:
        return False
    return bool(actors) and all(a.sector in PRIVATE_SECTORS for a in actors)
