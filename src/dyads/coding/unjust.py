"""Accusations told by an adjective of injustice or condemnation in reported speech.

A party that says another's act is unjust, unfair or illegal, or barbaric, cruel or
unacceptable, accuses it (PLOVER's ACCUSE covers criticism), with no verb of blame in the
sentence. Two readings of a clause reported by a verb of saying
(``coding.speech.reporting_verb``), with the adjectives of ``coding.speech.UNJUST`` and of the
``condemning`` class of ``data/word_classes.tsv``:

- predicative: "The Chilean minister said Bolivia's claim was illegal": ACCUSE, the speaker
  against the subject of "was" (or its owner);
- attributive: '"Despite the unfair ruling from the Hague court, we go on," the minister
  said', "said its traders face unfair Peruvian checks": ACCUSE, the speaker against the
  owner of the deed, the country its adjective names, or the party it comes "from" or is
  "by". With an adjective of injustice only nouns of deeds (``DEEDS``) take this reading,
  so that "illegal migrants" or "an unfair world" accuse nobody; an adjective of
  condemnation blames whatever it qualifies ("Myanmar's atrocious record").

The readings share ``coding.speech``'s guards: the clause asserted (not negated, under a
modal, a condition or a plan), the speaker no commentator; the row's ``target`` flag makes an
accusation with no recipient of a known country no event, and a speaker who names his own
side is no recipient of his words (``coding.arguments``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dyads.coding.argument_tokens import SUBJECT_DEPS, agent_objects
from dyads.coding.speech import (
    ALLEGED_ROW,
    UNJUST,
    Reported,
    SpeechWords,
    asserted,
    has_subject,
    reporting_noun_clause,
    reporting_verb,
    speaker_is_party,
    speech_row,
    speech_words,
)

UNJUST_ROW = speech_row(lemma="(unjust deed)", event="ACCUSE", cameo="112", mode="allege")
# Who a statement is about: the subject of its clause, the owner of its claims.
SPOKEN_OF_DEPS = SUBJECT_DEPS | {"poss"}
# Who a deed called unjust belongs to: its owner ("Chile's checks"), the country its modifier
# names ("Chilean checks"), or its doer after "from" or "by" ("the report from the court").
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
DOER_PREPS = frozenset({"from", "by"})
# Nouns of deeds that a party does to another; a closed class, written from English usage
# for this reading, so that a person or a state of things called illegal accuses nobody.
DEEDS = frozenset(
    {
        "act", "action", "annexation", "arrest", "ban", "blockade", "campaign", "charge",
        "check", "conviction", "decision", "detention", "election", "invasion", "judgment",
        "judgement", "law", "measure", "occupation", "order", "policy", "practice", "raid",
        "report", "restriction", "ruling", "sanction", "seizure", "sentence", "tariff",
        "treatment", "trial", "verdict", "vote", "war",
    }
)  # fmt: skip


def unjust_speech(sentence: Iterable[Any], *, taken: frozenset[int]) -> list[Reported]:
    """The readings above in a parsed sentence; ``taken`` as in ``reported_speech``."""
    words = speech_words()
    found: list[Reported] = []
    for token in sentence:
        if token.i in taken:
            continue
        read = _predicative(token, words) or _attributive(token, words)
        if read is None:
            continue
        word, reporter = read
        if reporter.i in taken or _asked(reporter) or not speaker_is_party(reporter, words):
            continue
        found.append(Reported(entry=UNJUST_ROW, word=word, reporter=reporter))
    return found


def spoken_of(token: Any, *, row_lemma: str) -> list[Any]:
    """The words naming whom a statement's word is about: for an unjust deed its owners and
    doers, for an act claimed its doer (the subject, or the agent of a passive), else the
    subject (or owner) of the word."""
    if row_lemma == ALLEGED_ROW.lemma:
        return agent_objects(token) or [c for c in token.children if c.dep_ == "nsubj"]
    if row_lemma != UNJUST_ROW.lemma or token.pos_ not in {"NOUN", "PROPN"}:
        return [c for c in token.children if c.dep_ in SPOKEN_OF_DEPS]
    words = speech_words()
    heads = [c for c in token.children if c.dep_ in OWNER_DEPS and not _blaming(c, words)]
    doers = [c for c in token.children if c.dep_ == "prep" and c.lower_ in DOER_PREPS]
    return heads + [o for p in doers for o in p.children if o.dep_ == "pobj"]


def _predicative(token: Any, words: SpeechWords) -> tuple[Any, Any] | None:
    """ "said Bolivia's claim was illegal": the copula, its verb of saying."""
    if token.lemma_.lower() != "be" or not has_subject(token) or not asserted(token):
        return None
    if not any(c.dep_ == "acomp" and _blaming(c, words) for c in token.children):
        return None
    reporter = reporting_verb(token, words)
    return (token, reporter) if reporter is not None else None


def _attributive(token: Any, words: SpeechWords) -> tuple[Any, Any] | None:
    """ "said ... unfair Peruvian checks", "Myanmar's atrocious record": the deed, its verb
    of saying. An adjective of injustice needs a noun of deeds; one of condemnation, whose
    sense is blame whatever it qualifies, any noun."""
    if token.pos_ != "NOUN":
        return None
    deed = token.lemma_.lower() in DEEDS
    if not any(
        c.dep_ == "amod" and (c.lower_ in words.condemning or (deed and c.lower_ in UNJUST))
        for c in token.children
    ):
        return None
    reporter = reporting_noun_clause(token, words)
    return (token, reporter) if reporter is not None else None


def _blaming(adjective: Any, words: SpeechWords) -> bool:
    """An adjective of injustice or of condemnation ("unfair", "barbaric", "unacceptable")."""
    return adjective.lower_ in UNJUST or adjective.lower_ in words.condemning


def _asked(reporter: Any) -> bool:
    """The verb of saying is itself asked ("Did the minister say the ruling was unfair?")."""
    last: str = reporter.doc[reporter.sent.end - 1].text
    return reporter.dep_ == "ROOT" and last == "?"
