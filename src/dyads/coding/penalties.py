"""A penalty promised to someone: the clause of a vow or a warning that says who will suffer.

"Vowed that the plotters would pay a heavy price", "warned that Uganda would face
consequences", "promised the killers would be brought to justice", "vowed those behind the
attack would be punished": the clause names no act of the speaker, but the penalty it promises
is one the speaker means to bring about, so the vow or warning is a threat (THREATEN) against
the clause's subject. Written from the idioms of English news, not from any list of sentences.
"""

from __future__ import annotations

from typing import Any

# Verbs whose object is the penalty: "pay a heavy price", "face consequences".
_PENALTY_OBJECTS = {
    "pay": frozenset({"price", "prices", "cost"}),
    "face": frozenset(
        {"consequence", "consequences", "justice", "punishment", "retaliation", "retribution",
         "wrath", "reprisal", "reprisals", "prosecution"}
    ),
}  # fmt: skip
# Verbs that say the penalty with no object: "would pay dearly", "will be punished".
_PAID_DEARLY = frozenset({"dearly"})
_PUNISHED = frozenset({"punish", "penalize", "penalise"})
# "brought to justice", "held accountable/responsible"
_BROUGHT_TO = frozenset({"justice", "account", "book"})
_HELD = frozenset({"accountable", "responsible", "liable"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"ccomp"})


def penalty_clauses(verb: Any) -> list[Any]:
    """The that-clauses on ``verb`` that promise a penalty to their subject."""
    return [c for c in verb.children if c.dep_ in CLAUSE_DEPS and is_penalty(c)]


def penalty_subjects(verb: Any) -> list[Any]:
    """The subjects of ``verb``'s penalty clauses: those the penalty is promised to."""
    return [s for c in penalty_clauses(verb) for s in c.children if s.dep_ in SUBJECT_DEPS]


def is_penalty(clause: Any) -> bool:
    """The clause's verb tells a penalty suffered by its subject, in the future: "would pay
    a heavy price", "will face consequences", "would be punished", "will be brought to
    justice", "would be held accountable"."""
    if not _future(clause) or any(c.dep_ == "neg" for c in clause.children):
        return False
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    return _paid(clause) or (passive and _undergone(clause))


def _paid(clause: Any) -> bool:
    """A penalty paid or faced: "pay a heavy price", "pay dearly", "face consequences"."""
    lemma = clause.lemma_.lower()
    objects = {c.lemma_.lower() for c in clause.children if c.dep_ == "dobj"}
    if objects & _PENALTY_OBJECTS.get(lemma, frozenset()):
        return True
    return lemma == "pay" and any(c.lower_ in _PAID_DEARLY for c in clause.children)


def _undergone(clause: Any) -> bool:
    """A penalty undergone, told in the passive: "be punished", "be brought to justice",
    "be held accountable"."""
    lemma = clause.lemma_.lower()
    if lemma in _PUNISHED:
        return True
    if lemma == "bring":
        return any(
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(g.lower_ in _BROUGHT_TO for g in c.children)
            for c in clause.children
        )
    return lemma == "hold" and any(c.lower_ in _HELD for c in clause.children)


def _future(clause: Any) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll", "shall"} for c in clause.children
    )
