"""Events told in what a party says: the content of a reported clause.

A statement is an event when what it says accuses, praises or denies, even with no word of
accusing, praising or denying in it (PLOVER's ACCUSE covers allegations and criticism, SUPPORT
praise, REJECT denials). Three readings, each of a clause reported by a verb of saying
(``reporting`` in ``data/word_classes.tsv``: "said", "told", "added", "insisted"...), whose
subject is the speaker and the actor:

- a wrongdoing told of a party ("said the governor had misused funds", "told reporters the
  ruling party rigged the vote"; the verbs of ``wrongdoing``, a closed class), or guilt
  ("said the minister is corrupt", "a liar", "responsible for the attack"; ``culpable``,
  ``culprit``, ``harm``): ACCUSE, the speaker against the one the clause is about;
- merit told of a party ("said the commission deserves credit", "said Japan has made
  contributions", "said Peru played a constructive role"; ``merit``, ``merit_deed``,
  ``merit_role``): SUPPORT, the speaker for its subject;
- another's claims denied ("said, contrary to the party's claims, ...", "said he did not
  believe the government's claims", "said the allegations were baseless"; ``contention``,
  ``baseless``): REJECT, the speaker against the one who made the claims, when named.

Precision comes first, since a statement is the loosest kind of event: the wrongdoing or the
merit must be asserted (not negated, not under a modal, a condition or a plan), the reporting
verb too ("would say", "did not say"), and the speaker must not be a commentator
(``commentator``: analysts, experts, academics), whose views the coding leaves out. Who the
parties are is left to ``coding.arguments``: the actor is the subject of ``Trigger.reporter``,
the recipient the subject (or owner) of the trigger word; an accusation or a praise with no
recipient of a known country is no event (``target``), nor any of them without a speaker of a
known country (``coding.coder``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from dyads.coding.frames import future, hypothetical, negated
from dyads.coding.lexicon import TriggerEntry, surface_forms, word_classes

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Where a clause hangs on its reporting verb: a that-clause ("said that X lied"), or, in a
# quotation the parser heads with the quoted verb, the reporting verb under it ('"X lied,"
# he said').
REPORTED_DEPS = frozenset({"ccomp"})
QUOTING_DEPS = frozenset({"parataxis", "ccomp"})
# The weights are the trust a row of the lexicon puts in a word (``coder._confidence``):
# these readings rest on the content of speech, the weakest evidence of an event; kept above
# the weak rating of ``coding.confidence`` (0.3) once the depth of a reported clause is
# counted, so that calibration, not this table, decides how far they are believed.
SPEECH_WEIGHT = 0.5


def speech_row(
    *, lemma: str, event: str, cameo: str, mode: str | None = None, target: bool = True
) -> TriggerEntry:
    """The verb row of a reading; with ``target``, the reading is no event without a
    recipient of a known country (an accusation or a praise of nobody)."""
    flags = frozenset({"target"}) if target else frozenset()
    return TriggerEntry(
        lemma=lemma, pos="V", event=event, mode=mode, cameo=cameo, weight=SPEECH_WEIGHT, flags=flags
    )


ACCUSE_ROW = speech_row(lemma="(reported wrongdoing)", event="ACCUSE", cameo="112", mode="allege")
SUPPORT_ROW = speech_row(lemma="(reported merit)", event="SUPPORT", cameo="051")
REJECT_ROW = speech_row(lemma="(claims denied)", event="REJECT", cameo="120", target=False)
# An act of force that a party claims was done ("claims he was assaulted by police") is the
# claimant's allegation, not a report of the act: the words of saying that mark what they
# report as disputed. "alleged" and "accused" are triggers of their own.
ALLEGED_ROW = speech_row(
    lemma="(claimed act)", event="ACCUSE", cameo="112", mode="allege", target=False
)
CLAIMING_VERBS = frozenset({"claim", "contend"})
# Verbs of wrongdoing that need a complement to say one: "failed to protect" (not "talks
# failed"), "lied to parliament" or "about" (not "the town lies in ruins").
NEEDS_COMPLEMENT: Mapping[str, frozenset[str]] = {
    "fail": frozenset({"xcomp"}),
    "lie": frozenset({"prep:to", "prep:about", "ccomp"}),
}
# Verbs that take what another party says: "did not believe the claims", "would not accept
# the allegations".
DOUBTING_VERBS = frozenset({"believe", "accept", "buy"})
# Adjectives that call another's act wrong ("an unjust ruling", "the checks are unfair"),
# read by ``coding.unjust``; "biased" or "arbitrary" are left out as often told of things.
UNJUST = frozenset({"unjust", "unfair", "illegal", "unlawful", "illegitimate"})
BE = "be"
_WORD = re.compile(r"[a-z]+")
# A reading: the row, the word the statement is about and the verb of saying, or None.
Reading = Callable[[Any, "SpeechWords"], tuple[TriggerEntry, Any, Any] | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Reported:
    """A reading of reported speech: the row it makes, its word and the verb of saying."""

    entry: TriggerEntry
    word: Any  # the spaCy token whose subject (or owner) the statement is about
    reporter: Any  # the verb of saying; its subject is the speaker


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeechWords:
    """The closed classes of ``data/word_classes.tsv`` the readings use."""

    reporting: frozenset[str]
    wrongdoing: frozenset[str]
    merit: frozenset[str]
    merit_deed: frozenset[str]
    merit_role: frozenset[str]
    contention: frozenset[str]
    baseless: frozenset[str]
    commentator: frozenset[str]
    culpable: frozenset[str]
    culprit: frozenset[str]
    harm: frozenset[str]
    condemning: frozenset[str]


@cache
def speech_words() -> SpeechWords:
    """The classes, read once: they are package data and do not change while running."""
    classes = word_classes()
    return SpeechWords(
        reporting=classes["reporting"],
        wrongdoing=classes["wrongdoing"],
        merit=classes["merit"],
        merit_deed=classes["merit_deed"],
        merit_role=classes["merit_role"],
        contention=classes["contention"],
        baseless=classes["baseless"],
        commentator=classes["commentator"],
        culpable=classes["culpable"],
        culprit=classes["culprit"],
        harm=classes["harm"],
        condemning=classes["condemning"],
    )


def might_report(text: str) -> bool:
    """True when some word of ``text`` may start a reading (no parsing): the sentences worth
    parsing are those with a trigger word or one of these."""
    return any(word in _content_forms() for word in _WORD.findall(text.lower()))


# Adverbs that make any act a wrongdoing: "illegally supplied oil".
UNLAWFUL_ADVERBS = frozenset({"illegally", "unlawfully", "illicitly", "fraudulently", "corruptly"})


def _unlawful(token: Any) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in UNLAWFUL_ADVERBS for c in token.children)


@cache
def _content_forms() -> frozenset[str]:
    words = speech_words()
    lemmas = words.wrongdoing | {"deserve", "play"} | DOUBTING_VERBS
    nouns = words.merit_deed | words.contention | words.culpable | words.culprit
    nouns |= {"responsible"} | UNJUST | words.condemning
    # "must": a demand on a verb of no row ("said Uganda must annul the deal")
    extra = nouns | UNLAWFUL_ADVERBS | {"must"}
    return frozenset(f for lemma in lemmas for f in surface_forms(lemma)) | extra


def reported_speech(sentence: Iterable[Any], *, taken: frozenset[int]) -> list[Reported]:
    """The readings above in a parsed sentence. ``taken``: tokens that are triggers
    already; a reporting verb that is one ("accused", "alleged") codes its clause itself,
    and a word that is one keeps its own reading."""
    words = speech_words()
    readings: tuple[Reading, ...] = (
        _wrongdoing,
        _culpable,
        _merit,
        _contrary_claims,
        _doubted_claims,
        _baseless_claims,
    )
    found: list[Reported] = []
    for token in sentence:
        if token.i in taken and not _unlawful(token):
            continue  # an act told as unlawful is also the accusation of it
        for reading in readings:
            read = reading(token, words)
            if read is None:
                continue
            entry, word, reporter = read
            if reporter.i in taken or not speaker_is_party(reporter, words):
                continue
            found.append(Reported(entry=entry, word=word, reporter=reporter))
            break
    return found


def _wrongdoing(token: Any, words: SpeechWords) -> tuple[TriggerEntry, Any, Any] | None:
    """ "said the governor had misused funds", "reported that Chinese ships had illegally
    supplied oil": ACCUSE the subject of the wrongdoing (a verb of ``wrongdoing``, or any
    verb done "illegally")."""
    lemma = token.lemma_.lower()
    unlawful = _unlawful(token)
    if token.pos_ != "VERB" or (lemma not in words.wrongdoing and not unlawful):
        return None
    needed = None if unlawful else NEEDS_COMPLEMENT.get(lemma)
    if needed is not None and not needed & _complements(token):
        return None
    if not has_subject(token) or not asserted(token):
        return None
    reporter = reporting_verb(token, words)
    return (ACCUSE_ROW, token, reporter) if reporter is not None else None


def _culpable(token: Any, words: SpeechWords) -> tuple[TriggerEntry, Any, Any] | None:
    """ "said the governor is corrupt", "a liar", "responsible for the attack": ACCUSE the
    subject of the predicate."""
    if token.lemma_.lower() != BE or not has_subject(token) or not asserted(token):
        return None
    if not any(_blames(c, words) for c in token.children):
        return None
    reporter = reporting_verb(token, words)
    return (ACCUSE_ROW, token, reporter) if reporter is not None else None


def _blames(predicate: Any, words: SpeechWords) -> bool:
    """A predicate of guilt: an adjective of ``culpable`` (or a noun it qualifies), a noun of
    ``culprit``, or "responsible for" a harm ("responsible for the attack", not "for security")."""
    word = predicate.lower_
    if predicate.dep_ == "attr":
        if predicate.lemma_.lower() in words.culprit or word in words.culprit:
            return True
        # "a rogue state", "a corrupt regime": a noun made guilty by its adjective
        qualifiers = (c for c in predicate.children if c.dep_ in {"amod", "compound"})
        return any(c.lower_ in words.culpable for c in qualifiers)
    if predicate.dep_ != "acomp":
        return False
    if word in words.culpable:
        return True
    return word == "responsible" and any(
        prep.lower_ == "for" and any(o.lower_ in words.harm for o in prep.children)
        for prep in predicate.children
    )


def _merit(token: Any, words: SpeechWords) -> tuple[TriggerEntry, Any, Any] | None:
    """ "said the commission deserves credit", "has made contributions", "played a key
    role": SUPPORT the subject."""
    if token.pos_ != "VERB" or not has_subject(token) or not asserted(token):
        return None
    objects = [c for c in token.children if c.dep_ == "dobj"]
    lemma = token.lemma_.lower()
    merit = any(
        (lemma == "deserve" and o.lemma_.lower() in words.merit)
        or (lemma == "make" and o.lower_ in words.merit_deed)
        or (
            lemma == "play"
            and o.lemma_.lower() == "role"
            and any(m.dep_ == "amod" and m.lower_ in words.merit_role for m in o.children)
        )
        for o in objects
    )
    if not merit:
        return None
    reporter = reporting_verb(token, words)
    return (SUPPORT_ROW, token, reporter) if reporter is not None else None


def _contrary_claims(token: Any, words: SpeechWords) -> tuple[TriggerEntry, Any, Any] | None:
    """ "said, contrary to the party's claims, the vote was fair": REJECT the claimant. The
    phrase hangs on the reporting verb or on a verb of its clause."""
    if token.lemma_.lower() not in words.contention or token.dep_ != "pobj":
        return None
    to = token.head
    contrary = to.head
    if to.lower_ != "to" or contrary.lower_ != "contrary":
        return None
    verb = contrary.head
    if verb.lemma_.lower() in words.reporting and verb.pos_ == "VERB":
        reporter: Any = verb
    else:
        reporter = reporting_verb(verb, words)
    if reporter is None or not asserted(reporter):
        return None
    return REJECT_ROW, token, reporter


def _doubted_claims(token: Any, words: SpeechWords) -> tuple[TriggerEntry, Any, Any] | None:
    """ "said he did not believe the government's claims": REJECT the claimant; the one who
    does not believe is the speaker."""
    if token.lemma_.lower() not in words.contention or token.dep_ != "dobj":
        return None
    verb = token.head
    if verb.lemma_.lower() not in DOUBTING_VERBS or not negated(verb) or hypothetical(verb):
        return None
    return REJECT_ROW, token, verb


def _baseless_claims(token: Any, words: SpeechWords) -> tuple[TriggerEntry, Any, Any] | None:
    """ "said the allegations were baseless", "said the claims are lies", and said with the
    word on the claims ("said: 'For such groundless accusations, I have no comment'"):
    REJECT them."""
    if token.lemma_.lower() not in words.contention:
        return None
    if token.dep_ != "nsubj":
        return _called_baseless(token, words)
    verb = token.head
    if verb.lemma_.lower() != BE or not asserted(verb):
        return None
    if not any(c.dep_ in {"acomp", "attr"} and c.lower_ in words.baseless for c in verb.children):
        return None
    reporter = reporting_verb(verb, words)
    return (REJECT_ROW, token, reporter) if reporter is not None else None


def _called_baseless(token: Any, words: SpeechWords) -> tuple[TriggerEntry, Any, Any] | None:
    """Claims called baseless where they stand ("such groundless accusations") in a clause a
    party reports; "there were no false claims" denies none."""
    if not any(c.dep_ == "amod" and c.lower_ in words.baseless for c in token.children):
        return None
    reporter = reporting_noun_clause(token, words)
    return (REJECT_ROW, token, reporter) if reporter is not None else None


def reporting_noun_clause(noun: Any, words: SpeechWords) -> Any | None:
    """The verb of saying that reports the clause a noun stands in ("said ... unfair
    checks", 'said: "For such groundless accusations ..."'), the clause asserted and the
    noun not denied ("there were no unfair checks"), or None."""
    if any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not", "never"} for c in noun.children):
        return None
    clause = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if clause is None or not asserted(clause):
        return None
    return reporting_verb(clause, words)


def claimed_by(verb: Any) -> Any | None:
    """The verb of claiming ("claims", "contended") that reports the clause of ``verb``,
    said by a party (no commentator), or None."""
    words = speech_words()
    reporter = reporting_verb(verb, words)
    if reporter is None or reporter.lemma_.lower() not in CLAIMING_VERBS:
        return None
    return reporter if speaker_is_party(reporter, words) else None


def reporting_verb(verb: Any, words: SpeechWords) -> Any | None:
    """The verb of saying that reports the clause of ``verb``, or None: its head when the
    clause is that verb's complement (or a conjunct of one: "said X lied and Y cheated"), or
    a verb of saying under ``verb`` in a quotation ('"X lied," he said')."""
    clause = verb.head if verb.dep_ == "conj" else verb
    head = clause.head
    if clause.dep_ in REPORTED_DEPS and head.i != clause.i and _says(head, words):
        return head
    if clause.dep_ == "ROOT":
        return next(
            (c for c in clause.children if c.dep_ in QUOTING_DEPS and c.i > clause.i
             and _says(c, words)),
            None,
        )  # fmt: skip
    return None


def _says(verb: Any, words: SpeechWords) -> bool:
    """A verb of saying, asserted, with a subject of its own (the speaker)."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in words.reporting
        and has_subject(verb)
        and asserted(verb)
    )


def speaker_is_party(reporter: Any, words: SpeechWords) -> bool:
    """The speaker is no commentator ("an analyst said", "experts say"): their views are
    not the news's parties' acts."""
    subjects = [c for c in reporter.children if c.dep_ in SUBJECT_DEPS]
    return not any(t.lower_ in words.commentator for s in subjects for t in s.subtree)


def asserted(verb: Any) -> bool:
    """Told as fact: not negated, not under a modal, a condition or a plan."""
    return not (negated(verb) or hypothetical(verb) or future(verb))


def has_subject(verb: Any) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _complements(verb: Any) -> set[str]:
    """The verb's complements: a clause's dependency, a preposition as ``prep:word``."""
    return {f"prep:{c.lower_}" if c.dep_ == "prep" else c.dep_ for c in verb.children}
