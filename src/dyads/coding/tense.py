"""Tense: background told by the tense and the clause of the trigger's verb, not by a date.

``coding.background`` reads the dates of a clause; the verb and the clause around it tell
background of their own:

- the past perfect ("had signed", "had been arrested"), the tense of what came before the
  news, unless it is the news shifted back by reported speech ("they said their forces had
  completed the withdrawal"); an act in a clause of "after", "when" or "as" that times a verb
  in the past perfect comes at or before a time already past;
- "once" as an adverb of a past verb ("Chile once accused Peru"): at some time long ago;
- an act told as the time of another: the clause of "since" ("the first meeting since
  troops shelled the town"), of "after" or "before" measured in months or years ("months
  after police arrested the suspects"), or a perfect with "since" a past happening ("have
  been killed since the coup");
- a year in a clause describing a noun ("the fishermen who were seized in 2014") dates what
  it describes, not the act of the sentence;
- a verb in a past tense (an infinitive done at its own time takes its head's: "tried to
  storm"), for which a year or a month is when it happened rather than a plan or a standing
  state.
"""

from __future__ import annotations

from typing import Any

from dyads.coding.frames import present_perfect

# Verbs that report speech; the clauses they govern shift the news into the past perfect.
SAY_LEMMAS = frozenset(
    {"say", "tell", "announce", "report", "state", "confirm", "add", "claim", "contend", "declare",
     "disclose", "reveal", "note", "insist", "acknowledge", "admit", "explain"}
)  # fmt: skip
# Auxiliaries that put a participle in the present or the future ("are prohibited", "will be
# held", "can be seen"); "has been seized" is a past act.
PRESENT_OR_FUTURE_AUX = frozenset(
    {"is", "are", "am", "'s", "'re", "will", "would", "shall", "can", "could", "may", "might",
     "must", "should"}
)  # fmt: skip
REPORTED_DEPS = frozenset({"ccomp", "conj", "xcomp", "advcl"})


def told_in_past(trigger: object) -> bool:
    """The trigger's verb in a past tense ("filed", "was rejected", "has been seized"): a
    year or a month is then when it happened, not a plan ("will host the games in 2030") nor
    a standing state ("transfers are prohibited by a resolution adopted in September")."""
    verb: Any = getattr(trigger, "verb", None)
    if verb is None:
        return False
    verb = _tensed(verb)
    if verb.tag_ not in {"VBD", "VBN"}:
        return False
    return not any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in PRESENT_OR_FUTURE_AUX for c in verb.children
    )


# Verbs whose infinitive is done at their own time ("strove to deny", "tried to storm",
# "began to shell"); not those of intent or promise, whose infinitive is to come ("agreed
# to visit in November").
SAME_TIME_HEADS = frozenset(
    {"try", "strive", "attempt", "manage", "fail", "begin", "start", "continue", "proceed",
     "rush", "hasten", "dare", "move"}
)  # fmt: skip


def _tensed(verb: Any) -> Any:
    """The verb that carries the tense of an infinitive done at its own time."""
    steps = 0
    while (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VB"
        and verb.head.lemma_.lower() in SAME_TIME_HEADS
        and steps < _MAX_CLIMB
    ):
        verb, steps = verb.head, steps + 1
    return verb


def in_other_modifier(trigger: object, offset: int) -> bool:
    """Whether the word at ``offset`` is inside a relative or participle clause that
    describes a noun ("the fishermen who were seized in 2014") and does not hold the
    trigger: such a clause dates what it describes, not the act of the sentence."""
    verb: Any = getattr(trigger, "verb", None)
    if verb is None:
        return False
    span = verb.doc.char_span(offset, offset + 1, alignment_mode="expand")
    token, steps = (span[0] if span else None), 0
    while token is not None and token.head.i != token.i and steps < _MAX_CLIMB:
        if token.dep_ in _MODIFIER_CLAUSES:
            # the English parse is projective: a subtree is the run of its edges
            return not token.left_edge.i <= verb.i <= token.right_edge.i
        token, steps = token.head, steps + 1
    return False


# Clauses that describe a noun; how far up a word is followed to find one.
_MODIFIER_CLAUSES = frozenset({"relcl", "acl"})
_MAX_CLIMB = 8


def tense_reason(trigger: object) -> str | None:
    """Background told by the verb itself: the past perfect, "once", or a clause that serves
    as the time of another act."""
    if _past_perfect(trigger):
        return "past perfect"
    if _once(trigger):
        return "set in the past ('once')"
    return _reference_point(trigger)


# Nouns of a span that put an "after" clause beyond the news cycle: "months after police
# solved the murder".
LONG_SPANS = frozenset({"month", "year", "decade", "century"})
# Times after "since" that keep a tally within the news cycle ("have arrested 40 people since
# Monday").
RECENT_TIMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
     "yesterday", "morning", "afternoon", "evening", "night", "dawn", "midnight", "today",
     "week", "day"}
)  # fmt: skip


def _long_span(token: Any) -> bool:
    """ "months", "two years", "a decade": a measure of months or more ("last year" and
    "this year" are times, not measures)."""
    if token.lemma_.lower() not in LONG_SPANS:
        return False
    return token.tag_ == "NNS" or any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in {"a", "an"}) for c in token.children
    )


def _reference_point(trigger: object) -> str | None:
    """An act told as the time of another, or a tally over a past span, not as news:

    - a clause of "since" ("the first meeting since troops shelled the town"): the act
      that starts a span is past and known;
    - a clause of "after" or "before" measured in months or years ("months after police
      arrested the suspects");
    - a perfect with "since" a past happening ("have been killed since the coup"): a count
      over the span, not one act (a tally "since Monday" or "since November" stays news).
    """
    verb: Any = getattr(trigger, "verb", None)
    if verb is None:
        return None
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "after police solved the murder and arrested ..."
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ == "advcl" and "since" in marks:
        return "the act a span starts from ('since ...')"
    if clause.dep_ == "advcl" and marks & {"after", "before"}:
        spans = [c for c in (*clause.children, *clause.head.children) if c.dep_ == "npadvmod"]
        spans += [g for c in clause.children if c.dep_ == "mark" for g in c.children]
        if any(_long_span(t) for t in spans):
            return "told as months or years before another act"
    if present_perfect(verb):
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ != "since":
                continue
            # a happening ("since the coup"), not a day or a month ("since November")
            objects = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            if objects and not any(o.lemma_.lower() in RECENT_TIMES for o in objects):
                return "a tally since a past happening"
    return None


def _once(trigger: object) -> bool:
    """ "once" as an adverb of a past verb ("Chile once accused Peru of ..."): at some time
    long ago. As a conjunction ("once the talks ended") it is a mark, not an adverb."""
    verb: Any = getattr(trigger, "verb", None)
    return (
        verb is not None
        and verb.tag_ == "VBD"
        and any(c.dep_ == "advmod" and c.lower_ == "once" for c in verb.children)
    )


def _past_perfect(trigger: object) -> bool:
    """The trigger's verb in the past perfect outside reported speech: "they said their
    forces had completed the withdrawal" is the news shifted back by the report."""
    verb: Any = getattr(trigger, "verb", None)
    return verb is not None and _is_past_perfect(verb)


def before_past_perfect(trigger: object) -> bool:
    """An act in a clause of "after", "when" or "as" that times a verb in the past perfect
    ("the case had come to light after three men tried to set themselves alight"): it comes
    at or before a time already past."""
    verb: Any = getattr(trigger, "verb", None)
    if verb is None:
        return False
    clause = verb
    while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head  # "tried to set themselves alight", "arrested and charged"
    # "when" is parsed as an adverb of its clause, "after" as its mark
    marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"}}
    return (
        clause.dep_ == "advcl"
        and bool(marks & TIMING_MARKS)
        and clause.head.i != clause.i
        and _is_past_perfect(clause.head)
    )


# Conjunctions that make a clause the time of the verb it hangs on.
TIMING_MARKS = frozenset({"after", "when", "as", "while", "once"})


def _is_past_perfect(verb: Any) -> bool:
    if verb.tag_ != "VBN":
        return False
    if not any(child.dep_ == "aux" and child.lower_ == "had" for child in verb.children):
        return False
    node = verb
    for _ in range(_MAX_CLIMB):
        # "Uganda, Kenya said, had sent troops": a verb of saying set in the clause
        if any(c.dep_ == "parataxis" and c.lemma_.lower() in SAY_LEMMAS for c in node.children):
            return False
        if node.dep_ not in REPORTED_DEPS or node.head.i == node.i:
            return True
        node = node.head
        if node.lemma_.lower() in SAY_LEMMAS:
            return False
    return True
