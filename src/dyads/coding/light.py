"""Light verbs: the verbs that carry an eventive noun, and the noun they carry.

A light verb tells little by itself: "held talks", "launched an offensive", "completed its
investigation" report the talks, the offensive, the investigation, and the verb gives them
a subject, negation and modality (``coding.triggers``). The noun may be the verb's object, a
compound in that object ("a hunger strike"), what that object measures ("days of war
games"), the object of "in" after "be" ("is in talks with"), or of "under" or "on" after a
verb that places someone under a measure ("placed X under arrest"). A verb that enacts a
measure ("passed sanctions", "ordered the arrest of") or sends a word said ("sent a warning
to Y") carries its noun as a light verb does; a particle that undoes the noun ("called off
the talks") makes the verb no light verb. "Met with" a reaction ("was met with criticism",
"the plan met with protests") tells the reaction received, not a meeting.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from dyads.coding.argument_tokens import is_passive
from dyads.coding.frames import VERB_TAGS
from dyads.coding.lexicon import Lexicon
from dyads.coding.rows import particles_of, rows_for

# Verbs that enact a measure named by their object ("passed sanctions on", "adopted a ban on",
# "ordered the arrest of"); the noun must be the object itself: "passed sexual assault laws"
# enacts laws.
ENACTING_VERBS = frozenset(
    {"pass", "adopt", "approve", "levy", "order", "authorize", "authorise", "decree"}
)
# Verbs that put someone under a measure: "placed X under arrest", "put X under sanctions",
# "added X to its sanctions list", by the prepositions they take ("to" only for a list).
PLACING_PREPS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "under": frozenset({"place", "put"}),
        "on": frozenset({"place", "put"}),
        "onto": frozenset({"place", "put"}),
        "to": frozenset({"add"}),
    }
)
PLACING_VERBS = frozenset().union(*PLACING_PREPS.values())
LIST_NOUNS = frozenset({"list", "blacklist", "watchlist", "register", "registry"})
# A preposition the parse hangs on a noun of the object of a placing verb ("placed six firms
# and 20 of their vessels on the list": "on" under "vessels") climbs this far to the verb.
_MAX_PLACING_CLIMB = 5
# Verbs that only carry an eventive noun: "held talks", "launched an attack".
LIGHT_VERBS = frozenset(
    [
        "hold",
        "have",
        "make",
        "launch",
        "stage",
        "begin",
        "start",
        "continue",
        "complete",
        "conduct",
        "carry",
        "mount",
        "undertake",
        "renew",
        "resume",
        "announce",
        "declare",
        "order",
        "open",
        "give",
        "pay",
        "take",
        "issue",
        "lodge",
        "impose",
        "organize",
        "organise",
        "call",
        "end",
        "finish",
        "wage",
        "intensify",
        "step",
        "speed",
        "reiterate",
        "repeat",
        "offer",
        "express",
        "voice",
        "extend",
        "reaffirm",
        "show",
        # what is turned on someone: "threats were aimed at", "directed criticism at"
        "aim",
        "direct",
        # what bears on someone: "put pressure on", "exerted pressure", "increased sanctions"
        "put",
        "exert",
        "apply",
        "increase",
        "pile",
        "ratchet",
        "ramp",
        "heap",
    ]
)
# Verbs that carry a word said to the one it is addressed to: "sent a warning to Y",
# "submitted a request to Y", "delivered an ultimatum", "handed Y a protest note". They are
# light verbs for words said only: what else is sent is read by their own rows ("sent aid"),
# and a probe sent is a craft, not an inquiry.
SENDING_VERBS = frozenset({"send", "submit", "deliver", "hand"})
# Verbs that, with a preposition, put their subject in the state or act of a noun: "is in
# talks", "stays in contact", "remains on high alert", "went on strike".
STATE_VERBS = {
    "in": frozenset({"be", "remain", "stay"}),
    "on": frozenset({"be", "remain", "stay", "go"}),
}
# Particles that make a light verb undo its noun: "called off", "broke off", "put off".
UNDOING_PARTICLES = frozenset({"off"})


def light_verb(token: Any) -> Any | None:
    """The light verb whose object is the noun, a compound in that object ("a hunger
    strike", "mediation mission"), or what that object measures ("days of war games")."""
    if token.dep_ == "compound" and token.head.dep_ in {"dobj", "nsubjpass", "pobj"}:
        if token.head.head.lemma_.lower() in ENACTING_VERBS:
            return None
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj":
        token = token.head.head  # "launched ten days of war games", "a wave of strikes"
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in STATE_VERBS.get(
        token.head.lower_, frozenset()
    ):
        # "is in talks with", "remained in negotiations", "are on high alert", "went on strike"
        return token.head.head
    if token.dep_ == "pobj":
        # "placed the leader under house arrest", "placed six firms on the sanctions list"
        placer = _placing_verb(token)
        if placer is not None:
            return placer
    head = token.head
    light = (
        token.dep_ in {"dobj", "nsubjpass"}
        and head.pos_ in VERB_TAGS
        and head.lemma_.lower() in LIGHT_VERBS | ENACTING_VERBS | SENDING_VERBS
        and not particles_of(head) & UNDOING_PARTICLES  # "called off the talks"
    )
    return head if light else None


def _placing_verb(noun: Any) -> Any | None:
    """The verb that places its object under or on what ``noun`` names, through the
    preposition ``noun`` is the object of: on the verb itself, or hung by the parse on a noun
    of that object ("placed six firms and 20 of their vessels on the list")."""
    prep = noun.head
    verbs = PLACING_PREPS.get(prep.lower_)
    if verbs is None or (prep.lower_ == "to" and noun.lemma_.lower() not in LIST_NOUNS):
        return None
    node = prep.head
    for _ in range(_MAX_PLACING_CLIMB):
        if node.pos_ in VERB_TAGS:
            return node if node.lemma_.lower() in verbs else None
        if node.dep_ not in {"dobj", "conj", "pobj", "prep"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def met_with_reaction(token: Any, *, lexicon: Lexicon) -> bool:
    """ "Was met with" and "met with criticism" tell a reaction received, not a meeting: the
    passive, or an act named after "with" ("the plan met with protests from Y"); so does
    "was greeted with boos", no welcome."""
    if token.lemma_.lower() not in {"meet", "greet"}:
        return False
    named = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    acts = [
        g
        for g in named
        if any(r.event != "CONSULT" for r in rows_for(lexicon, g.lemma_.lower(), pos="N"))
    ]
    return bool(acts) or (bool(named) and is_passive(token))
