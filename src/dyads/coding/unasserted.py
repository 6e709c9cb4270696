"""Acts named in a sentence without being asserted as done: charged acts and acts denied.

English names an act without telling that it happened in the news when

- the act is what a charge or a count alleges: "faces charges of kidnapping and robbing a
  trader", "the indictment lists two counts of assault on a border guard". The
  charge is the event (ACCUSE, when a party brings it); the act charged is only alleged;
- the act is what there is no evidence of: "there is no evidence that the rebels are backed
  by Rwanda", "investigators found no proof that Uganda supported them", "did not find any
  sign that ..." deny the act, they do not report support;
- a past participle of a ban describes the party it hangs on: "the National Front, a party
  outlawed by the junta, met envoys", "the group, banned in 2019, said ..." tell what the
  party is (its standing), not a ban imposed in the news. A ban on a thing ("the rally
  banned by police went ahead") is still a ban.

Each reading is a function of the trigger alone (its parse), read by ``coding.nonevents``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dyads.coding.triggers import Trigger

# Nouns whose "of" phrase names what is alleged: "charges of murder", "two counts of assault",
# "on suspicion of spying". Not "trial" or "case": "the case of the murdered journalist"
# names the crime as the matter, which may well have happened.
CHARGE_NOUNS = frozenset(
    {"charge", "count", "accusation", "allegation", "indictment", "suspicion", "conviction"}
)
# Links that keep a word inside the phrase it completes: "of kidnapping and robbing",
# "of aggravated assault", "of attempted murder of a police officer".
INNER_DEPS = frozenset({"conj", "pobj", "pcomp", "compound", "amod"})
# Nouns of what would show an act: "no evidence that", "no proof that", "no sign that".
EVIDENCE_NOUNS = frozenset({"evidence", "proof", "sign", "indication", "trace"})
NEGATING_DETERMINERS = frozenset({"no"})
# Nouns of a body of people, whose standing a participle may describe: "a shadow government
# outlawed by the junta", "the opposition group, banned in 2019".
PARTY_NOUNS = frozenset(
    {"government", "administration", "group", "party", "organisation", "organization",
     "movement", "militia", "faction", "union", "network", "front", "coalition",
     "opposition", "brotherhood", "sect", "outfit", "association", "council", "wing"}
)  # fmt: skip
PARTY_ENTITIES = frozenset({"ORG", "NORP", "PERSON"})
DESCRIBING_DEPS = frozenset({"acl", "amod"})
# How far up the walks go: deeper than the phrases they read ever nest.
MAX_STEPS = 6


def _charged_act(trigger: Trigger) -> bool:
    """The trigger word lies in the "of" phrase of a noun of charge ("counts of assault")."""
    node, steps = trigger.token, 0
    while node.dep_ in INNER_DEPS and node.head.i != node.i and steps < MAX_STEPS:
        head = node.head
        if node.dep_ in {"pobj", "pcomp"} and head.lower_ == "of":
            return head.head.lemma_.lower() in CHARGE_NOUNS
        node, steps = head, steps + 1
    return False


def _denied_evidence(trigger: Trigger) -> bool:
    """The trigger's clause completes a noun of evidence that is denied: "no evidence that
    X is backed by Y", "found no proof that Y supported X", "did not find any sign that".
    The clause hangs on the noun, or on the verb whose object the noun is."""
    clause = trigger.verb
    if clause.dep_ not in {"acl", "ccomp"} or not any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    ):
        return False
    head = clause.head
    nouns = [head] if clause.dep_ == "acl" else [c for c in head.children if c.i != clause.i]
    return any(_denied_noun(noun) for noun in nouns if noun.lemma_.lower() in EVIDENCE_NOUNS)


def _denied_noun(noun: Any) -> bool:
    """ "no evidence", or "any evidence" / "evidence" under a negated verb ("did not find")."""
    if any(c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS for c in noun.children):
        return True
    return noun.head.i != noun.i and any(c.dep_ == "neg" for c in noun.head.children)


def _party_status(trigger: Trigger) -> bool:
    """A ban told by a bare past participle on a party, or on a noun in apposition to one:
    "a shadow government outlawed by the junta", "the group, banned in 2019"."""
    verb = trigger.verb
    if trigger.entry.mode != "ban" or verb.tag_ != "VBN" or verb.dep_ not in DESCRIBING_DEPS:
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    noun = verb.head
    nouns = (noun, noun.head) if noun.dep_ == "appos" else (noun,)
    return any(n.lemma_.lower() in PARTY_NOUNS or n.ent_type_ in PARTY_ENTITIES for n in nouns)


READINGS: tuple[tuple[Callable[[Trigger], bool], str], ...] = (
    (_charged_act, "an act alleged in a charge, not reported"),
    (_denied_evidence, "an act there is no evidence of"),
    (_party_status, "the standing of a party, not a ban in the news"),
)
