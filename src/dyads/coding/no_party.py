"""Event words used of acts on no party: whoever fits, a formula, a thing, a patient, privacy.

- open addressees: an act whose object is whoever fits a description ("we welcome anybody
  who wants to invest", "will arrest anyone who breaks the curfew") is an open invitation or
  a standing policy, not an act done to a party (an appeal to whoever knows something is
  still a request);
- formulas of courtesy: "Thank you for coming", "Welcome to Nairobi" (a verb with no subject
  thanking "you" or greeting someone to a place) are politeness in a quote, not praise;
- objects ruled out through a relative clause: "a new album, which was released on Friday"
  releases the album as surely as "released a new album" (the word's row rules it out);
- a discharge: "were released from hospital" frees patients, not prisoners;
- pleas for privacy: "the family asks for privacy", "asked reporters to respect the
  family's privacy" are the courtesy of a private statement, not a demand on a party;
- a watch kept: "we are closely monitoring the situation", "has been continuously
  monitoring the satellite" (a verb of watching with a word of attention, or over a
  situation) reassures; it investigates no one.

Each reading is a function of the trigger alone (its parse), read by ``coding.nonevents``.
"""

from __future__ import annotations

from collections.abc import Callable

from dyads.coding.triggers import Trigger

# Pronouns of free choice: "anyone who ..." names whoever fits, never one party.
OPEN_PRONOUNS = frozenset({"anybody", "anyone", "whoever", "whomever"})
OPEN_DEPS = frozenset({"dobj", "dative", "pobj"})


def _open_addressee(trigger: Trigger) -> bool:
    """The act's object, or the object of a preposition on it, is a pronoun of free choice:
    "they welcome anybody who is interested", "will arrest anyone who crosses". An appeal
    to the public is a request all the same ("police urged anyone with information to come
    forward" asks the witnesses)."""
    verb = trigger.verb
    if trigger.event == "REQUEST":
        return False
    nodes = [verb, *(c for c in verb.children if c.dep_ in {"prep", "dative"})]
    return any(
        c.dep_ in OPEN_DEPS and c.lower_ in OPEN_PRONOUNS for node in nodes for c in node.children
    )


COURTESY_VERBS = frozenset({"thank", "welcome"})


def _courtesy(trigger: Trigger) -> bool:
    """ "Thank you", "Welcome to Nairobi": the verb has no subject (a formula said to
    the one addressed) and thanks "you" or welcomes to a place."""
    verb = trigger.verb
    if trigger.anchor is not None or verb.lemma_.lower() not in COURTESY_VERBS:
        return False
    if verb.tag_ not in {"VB", "VBP"} or any(c.dep_ in {"nsubj", "expl"} for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() == "thank":
        return any(o.lower_ == "you" for o in objects)
    return not objects and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


# Relative pronouns that stand for the noun their clause hangs on.
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def _excluded_antecedent(trigger: Trigger) -> bool:
    """A relative clause whose object is the noun it hangs on ("the album, which was released
    on Friday", "the question that reporters are asking", "the question many are asking"):
    that noun is the object, and the word's row may rule it out."""
    verb, entry = trigger.verb, trigger.entry
    # the parse calls some such clauses "acl" ("the question that many are asking")
    if verb.dep_ not in {"relcl", "acl"} or not (entry.excluded_objects or entry.class_excluded):
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if objects:
        if not any(c.lower_ in RELATIVE_PRONOUNS for c in objects):
            return False
    elif not any(c.dep_ == "nsubj" for c in verb.children):
        return False  # "the question asking whether": the noun is the clause's subject
    noun = verb.head
    words = {noun.lemma_.lower(), noun.lower_}
    return bool(words & entry.excluded_objects or words & entry.class_excluded)


# Places one is discharged from, not freed from: "released from hospital".
CARE_PLACES = frozenset({"hospital", "hospitals", "clinic", "care", "treatment", "rehab"})


def _discharge(trigger: Trigger) -> bool:
    """ "Two guards were released from hospital on Friday": patients sent home."""
    if trigger.event != "RETREAT" or trigger.verb.lemma_.lower() != "release":
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "from"
        and any(g.dep_ == "pobj" and g.lower_ in CARE_PLACES for g in c.children)
        for c in trigger.verb.children
    )


def _privacy_plea(trigger: Trigger) -> bool:
    """A request whose object, or the object of its clause, is privacy: "requests privacy",
    "asked for privacy", "asking reporters to respect the family's privacy"."""
    if trigger.event != "REQUEST":
        return False
    verb = trigger.verb
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl"}]
    for node in (verb, *clauses, *(c for c in verb.children if c.dep_ == "prep")):
        if any(c.dep_ in {"dobj", "pobj"} and c.lower_ == "privacy" for c in node.children):
            return True
    return False


WATCHING_VERBS = frozenset({"monitor", "watch", "follow", "track", "observe"})
# How a watch is kept, and what it is kept over: the formula of reassurance.
ATTENTION_ADVERBS = frozenset(
    {"closely", "carefully", "continuously", "constantly", "continually", "intently"}
)
WATCHED_STATES = frozenset({"situation", "situations", "development", "developments", "events"})


def _watch(trigger: Trigger) -> bool:
    """ "We are closely monitoring the situation": a verb of watching with a word of
    attention, or whose object is the state of affairs."""
    verb = trigger.verb
    if verb.lemma_.lower() not in WATCHING_VERBS:
        return False
    return any(
        (c.dep_ == "advmod" and c.lower_ in ATTENTION_ADVERBS)
        or (c.dep_ == "dobj" and c.lower_ in WATCHED_STATES)
        for c in verb.children
    )


READINGS: tuple[tuple[Callable[[Trigger], bool], str], ...] = (
    (_open_addressee, "addressed to whoever fits, no party"),
    (_courtesy, "a formula of courtesy"),
    (_excluded_antecedent, "an object its row rules out, named by a relative clause"),
    (_discharge, "a discharge from care"),
    (_privacy_plea, "a plea for privacy"),
    (_watch, "a watch kept, no investigation"),
)
