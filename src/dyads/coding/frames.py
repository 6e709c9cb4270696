"""Frames that report an act without asserting it happened or is planned."""

from __future__ import annotations

from typing import Any

# Frames whose complement is not asserted to happen: ability, obligation, inclination,
# likelihood ("was able to talk", "was supposed to be deported", "does not seem keen to crack
# down"). An attempt ("tried to hack", "attempted to assassinate") is coded as the act, the
# way PLOVER codes attempted attacks.
NONFACTIVE_HEADS = frozenset(
    {
        "able",
        "unable",
        "supposed",
        "keen",
        "eager",
        "likely",
        "unlikely",
        "seem",
        "appear",
        "reluctant",
        "hesitant",
        "free",
    }
)
# Verbs of thought whose clause is belief, not report ("never thought he would be killing").
BELIEF_HEADS = frozenset(
    {"think", "believe", "imagine", "fear", "suspect", "doubt", "wonder", "assume", "guess"}
)


def nonfactive_frame(verb: Any) -> bool:
    """The verb completes a frame that does not assert it: "able to", "supposed to", or a
    clause of belief ("thought he would")."""
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "xcomp" and (
        head.lemma_.lower() in NONFACTIVE_HEADS or head.lower_ in NONFACTIVE_HEADS
    ):
        return True
    # a clause before the verb of belief is the news with a parenthetical ("X attacked Y,
    # officials believe"), not a belief
    return verb.dep_ == "ccomp" and verb.i > head.i and head.lemma_.lower() in BELIEF_HEADS
