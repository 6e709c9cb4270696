"""Nouns and adjectives that report an event by themselves (``coding.triggers``).

A noun reports an event without a light verb when its own arguments name a party: an owner
("China's criticism"), a doer ("a request by Ghana", "criticism from Peru") or a recipient in
its lexicon row's prepositions ("talks with Iran"). The verb above it still says whether the
act is real: a plan, a wish or an undoing over the noun ("plans for talks", "sought a
meeting", "called off the talks"), a modal or future on that verb, or a word that puts the
act ahead ("the upcoming visit") makes it unreal. An adjective reports an event as a
predicate ("was critical of", "was disappointed in").
"""

from __future__ import annotations

from typing import Any

from dyads.coding.argument_tokens import passive_subjects, subject_of
from dyads.coding.frames import (
    MAX_DEPTH,
    VERB_TAGS,
    chain,
    framed_by_intent,
    future,
    hypothetical,
    infinitive,
    is_time,
    negated,
)
from dyads.coding.lexicon import TriggerEntry

# Nouns whose complement is a wish, a plan or a risk, not an act: "plans for talks", "the
# prospect of sanctions", "calls for a ceasefire".
UNREAL_NOUNS = frozenset(
    {"plan", "proposal", "prospect", "possibility", "hope", "bid", "effort", "attempt",
     "chance", "idea", "option", "risk", "fear", "push", "need", "call", "demand", "request",
     "offer", "invitation", "preparation", "intention", "willingness", "readiness", "threat",
     "likelihood", "question", "talk", "agenda", "date", "prelude", "condition", "way"}
)  # fmt: skip
# Modifiers that put a noun's event ahead or leave it open: "the upcoming visit".
PLANNED_WORDS = frozenset(
    {"upcoming", "planned", "proposed", "possible", "potential", "future", "expected",
     "scheduled", "prospective", "next", "likely", "impending", "forthcoming", "mooted",
     "threatened"}
)  # fmt: skip
# Verbs that make the event of their noun object undone or not yet done: "called off the
# talks", "sought a meeting", "would face sanctions" (the verb's modality is read apart).
UNREAL_VERBS = frozenset(
    {"cancel", "postpone", "delay", "suspend", "scrap", "abandon", "reject", "refuse", "deny",
     "avoid", "prevent", "block", "oppose", "stop", "halt", "boycott", "skip", "freeze",
     "seek", "want", "plan", "propose", "consider", "urge", "demand", "request", "ask", "push",
     "press", "prepare", "expect", "await", "face", "risk", "fear", "threaten", "warn",
     "avert", "escape", "lift", "ease", "evade", "dodge", "lobby", "favor", "favour",
     "support", "back", "welcome", "discuss", "debate", "weigh", "study", "envisage",
     "schedule", "set", "arrange", "organize", "organise", "invite", "offer", "call"}
)  # fmt: skip
# Prepositions that put the noun's event ahead of the news: "ahead of talks", "before the
# visit", "pending an investigation".
AHEAD_PREPS = frozenset({"ahead", "before", "pending", "towards", "toward", "until"})
# The noun's own dependents that name its doer: "China's criticism", "criticism by China",
# "the visit of the king"; "from" and "of" name the doer unless the row keeps them for the
# recipient ("withdrawal from", "criticism of"). Of a word said, "of" names what is said
# ("warnings of pressure", "complaints of overcrowding").
AGENT_PREPS = frozenset({"by", "from", "of"})
SPEECH_EVENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE"})
# Verbs whose subject receives, or draws upon itself, the act their object names: "Peru drew
# criticism from Chile", "received a request from Kenya", "won praise from", "faced calls from
# the opposition to resign", "the remarks provoked condemnation from Oslo". The one who acts
# is named by "from", which the parse hangs on the verb as often as on the noun.
RECEIVING_VERBS = frozenset(
    {"draw", "receive", "attract", "earn", "face", "get", "win", "enjoy", "garner", "elicit",
     "provoke", "spark", "prompt", "trigger"}
)  # fmt: skip
# The same with the noun in a phrase: "was met with criticism from", "came under criticism
# from", "was greeted with boos".
RECEIVING_FRAMES = frozenset({("meet", "with"), ("come", "under"), ("greet", "with")})
# "face" tells of words said as received ("faced criticism from"), of force or measures as
# only looming ("faces a ban from the league").
LOOMING_VERBS = frozenset({"face"})
# Of those, the verbs whose subject causes a reaction: "Chile's decision sparked protests",
# "the remarks drew sanctions from the EU", "the killing sparked anger in Peru". The
# reaction is an act on the cause's owner, and a feeling caused is one shown; a word said
# still needs a speaker, while protesters and force may go unnamed.
CAUSING_VERBS = frozenset({"provoke", "spark", "prompt", "trigger", "elicit", "draw"})
# The reactions a cause draws upon its owner: blame, demands, refusals, protests, measures;
# the warnings it prompts are alerts ("prompting warnings for villagers to stay indoors").
REACTION_EVENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "PROTEST", "SANCTION"})


def own_party(token: Any, entry: TriggerEntry) -> bool:
    """The noun names a party of its own: an owner ("China's", "its"), a doer ("by China",
    "from China", also on a receiving verb: "drew criticism from China") or a recipient in
    one of the row's prepositions ("sanctions on Iran"); a time is no party ("the bombing on
    Sunday")."""
    for child in token.children:
        if child.dep_ == "poss":
            return True
        objects = [g for g in child.children if g.dep_ == "pobj" and not is_time(g)]
        if child.dep_ in {"prep", "agent"} and objects:
            word = child.lower_
            if word in entry.recipient or word in agent_preps(entry):
                return True
    return bool(givers(token, entry))


def receiving_verb(token: Any) -> Any | None:
    """The verb whose subject receives the act noun ``token`` names ("drew criticism",
    "was met with criticism"), or None."""
    head = token.head
    if token.dep_ == "dobj" and head.pos_ in VERB_TAGS:
        return head if head.lemma_.lower() in RECEIVING_VERBS else None
    if token.dep_ == "pobj" and head.head.pos_ in VERB_TAGS:
        frame = (head.head.lemma_.lower(), head.lower_)
        return head.head if frame in RECEIVING_FRAMES else None
    return None


def givers(token: Any, entry: TriggerEntry) -> list[Any]:
    """The parties named by "from" on the receiving verb of noun ``token`` ("drew criticism
    from China": China), unless the row keeps "from" for its recipient."""
    verb = receiving_verb(token)
    if verb is None or "from" not in agent_preps(entry):
        return []
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pobj" and not is_time(g)
    ]


def receiver(token: Any) -> Any | None:
    """The subject of the receiving verb of noun ``token``: the one acted on ("Peru" of "Peru
    drew criticism from Chile", "the plan" of "the plan was met with criticism")."""
    verb = receiving_verb(token)
    if verb is None:
        return None
    passive = passive_subjects(verb)
    return passive[0] if passive else subject_of(verb)[0]


def received(token: Any, entry: TriggerEntry) -> bool:
    """The noun's act is told as received by the subject of its verb, and so as done: "faced
    calls from the opposition" reports the calls, "faces a ban" only a danger."""
    verb = receiving_verb(token)
    if verb is None:
        return False
    return verb.lemma_.lower() not in LOOMING_VERBS or entry.event in SPEECH_EVENTS


def caused(token: Any, entry: TriggerEntry) -> bool:
    """The noun is a reaction caused by the subject of its verb ("the decision sparked
    protests"): the one acted on is that subject's owner."""
    verb = receiving_verb(token)
    if verb is None or verb.lemma_.lower() not in CAUSING_VERBS:
        return False
    return entry.event in REACTION_EVENTS and receiver(token) is not None


def agent_preps(entry: TriggerEntry) -> frozenset[str]:
    """The prepositions that name the doer of a noun of ``entry``."""
    content = {"of"} if entry.event in SPEECH_EVENTS else set()
    return AGENT_PREPS - set(entry.recipient) - content


def governing_verb(token: Any) -> Any | None:
    """The nearest verb above the noun ("follows Trump's criticism": "follows")."""
    node, steps = token, 0
    while node.head.i != node.i and steps < MAX_DEPTH:
        node, steps = node.head, steps + 1
        if node.pos_ in VERB_TAGS:
            return node
    return None


def predicate_verb(token: Any) -> Any | None:
    """The verb of an adjective predicate: the copula of "was critical of", or the participle
    itself in "was disappointed in" (parsed as a passive)."""
    if token.dep_ == "acomp" and token.head.pos_ in VERB_TAGS:
        return token.head
    if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
        return token
    if token.pos_ == "ADJ" and token.dep_ == "ccomp" and not _has_subject(token):
        return token
    return None


def _has_subject(token: Any) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)


def _denied_noun(token: Any) -> bool:
    """ "no talks", "neither visit" """
    return any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in token.children)


def _planned_noun(token: Any) -> bool:
    """ "the upcoming visit", "possible sanctions", "a proposed meeting" """
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in PLANNED_WORDS for c in token.children)


def _unreal_path(token: Any) -> bool:
    """A planning noun, an undoing or wishing verb, or a preposition of time ahead between
    the noun and the verb above it: "plans for talks", "sought a meeting", "ahead of talks".
    A noun that is the subject of its verb is told as having happened by that verb."""
    node, steps = token, 0
    while node.head.i != node.i and steps < MAX_DEPTH:
        if node.dep_ in {"nsubj", "nsubjpass"} and node.i == token.i:
            return False
        node, steps = node.head, steps + 1
        lemma = node.lemma_.lower()
        if node.pos_ in VERB_TAGS:
            return lemma in UNREAL_VERBS
        if lemma in UNREAL_NOUNS or lemma in AHEAD_PREPS or node.lower_ in AHEAD_PREPS:
            return True
    return False


def denied(token: Any, verb: Any) -> bool:
    """The noun's act is denied: its verb is negated ("did not attend the talks") or the
    noun itself ("no talks")."""
    return negated(verb) or negated(token) or _denied_noun(token)


def unreal(token: Any, verb: Any, *, undergone: bool = False) -> bool:
    """The noun's or adjective's act is not told as real: a modal, condition, future, plan or
    infinitive on its verb, a planning or undoing word over it, or a word that puts it ahead.
    No intent reading: "would face sanctions" is no threat by the one facing them. A
    proceeding its subject undergoes is real unless a modal or a plan says otherwise: "is
    facing charges" reports charges, "could face charges" none."""
    return (
        hypothetical(verb)
        or future(verb)
        or any(framed_by_intent(v) or infinitive(v) for v in chain(verb))
        or (_unreal_path(token) and not undergone)
        or _planned_noun(token)
    )
