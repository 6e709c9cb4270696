"""Triggers: the words of a parsed sentence that report an event, with their lexicon row.

A verb is a trigger when a lexicon row for its lemma has all its conditions met: the
preposition or particle hangs on the verb, the object's lemma is listed (and not excluded).
Among the rows met, the most specific wins, then the surest. An eventive noun (a ``N`` row) is
a trigger when it is the object of a light verb (``coding.light``: "held talks", "launched an
offensive", "completed its investigation"); the verb is then its anchor, which gives the
subject, negation and modality. Elsewhere a noun is a trigger only when its own arguments name
a party (see ``coding.nominal``: "China's criticism of Japan", "talks between Peru and Chile",
"a visit by the king"); it is then ``nominal``: the verb above it still gives negation and
modality ("would face sanctions", "called off the talks", "plans for talks" report nothing),
never the subject. An adjective of an ``A`` row is a trigger as a predicate ("was critical of
Y", "said it was disappointed in Y"): the subject is the actor. A verb under "must" in a
reported clause ("X said Y must withdraw") is a demand: REQUEST from the speaker to Y. What a
party says may itself accuse, praise or deny ("said the governor had misused funds"): those
readings are ``coding.speech``'s, with the verb of saying as ``Trigger.reporter``.

Each trigger carries what changes its reading: negation, a modal or condition
(hypothetical), an intent frame, and whether a governing trigger above it already codes it
("agreed to cooperate" is one AGREE, not also a COOPERATE). Intent is read the way PLOVER
codes it: a stated plan to do a cooperative act ("will provide aid", "is willing to
withdraw", "said it would allow") is AGREE, to do a conflict act ("will impose a curfew") is
THREATEN, and a refused cooperative act ("will not accept refugees") is REJECT.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dyads.coding.argument_tokens import several
from dyads.coding.frames import MAX_DEPTH, VERB_TAGS, performed
from dyads.coding.frames import chain as _chain
from dyads.coding.frames import conditioned as _conditioned
from dyads.coding.frames import framed_by_intent as _framed_by_intent
from dyads.coding.frames import future as _future
from dyads.coding.frames import hypothetical as _hypothetical
from dyads.coding.frames import negated as _negated
from dyads.coding.frames import nonfactive_frame as _nonfactive_frame
from dyads.coding.lexicon import Lexicon, TriggerEntry
from dyads.coding.light import ENACTING_VERBS, SENDING_VERBS, light_verb, met_with_reaction
from dyads.coding.nominal import (
    caused,
    denied,
    governing_verb,
    own_party,
    predicate_verb,
    received,
    receiver,
    unreal,
)
from dyads.coding.penalties import penalty_clauses
from dyads.coding.proceedings import is_proceeding, undergoer
from dyads.coding.rows import choose_entry, rows_for
from dyads.coding.speech import ALLEGED_ROW, claimed_by, reported_speech
from dyads.coding.unjust import unjust_speech

CONFLICT_EVENTS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# A stated plan to mobilize ("would send 2,000 more soldiers to the border") is itself the
# mobilization PLOVER codes, not a threat of one.
PLANNED_AS_ACT = frozenset({"MOBILIZE"})
COOPERATIVE_EVENTS = frozenset(
    {"AID", "COOPERATE", "CONSULT", "RETREAT", "CONCEDE", "SUPPORT", "AGREE"}
)
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pcomp", "pobj", "advcl", "acl"})
SENT_EVENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT"})
# Words said against another, which no one is "in": "coaches are in demand", "left in protest".
DEMANDING_EVENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN"})
# An order is a demand ("ordered the minister to appear before the court"), but an order to
# stop, take down or give up something restricts its receiver: "ordered the paper to suspend
# publication", "ordered him to vacate the house", "were ordered to delete the posts".
ORDER_VERBS = frozenset({"order", "instruct"})
RESTRICTING_VERBS = frozenset(
    {"suspend", "stop", "halt", "cease", "close", "shut", "delete", "remove", "vacate",
     "surrender", "disband", "dissolve", "demolish", "destroy", "censor"}
)  # fmt: skip
MUST = TriggerEntry(
    lemma="must", pos="V", event="REQUEST", cameo="100", weight=0.8, flags=frozenset({"govern"})
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    token: Any  # the spaCy token of the trigger word
    entry: TriggerEntry
    event: str
    anchor: Any = None  # the verb that gives subject and modality (the token itself if None)
    negated: bool = False
    hypothetical: bool = False
    depth: int = 0
    demand: bool = False  # a "must" clause: actor = the reporter, recipient = its subject
    nominal: bool = False  # a noun whose own arguments give the parties ("X's visit to Y")
    predicative: bool = False  # an adjective predicate ("X was critical of Y")
    # a statement's content (``coding.speech``): the verb of saying, whose subject is the actor
    reporter: Any = None
    # a proceeding told by the one who undergoes it: "X faces charges" (``coding.proceedings``)
    undergone: bool = False

    @property
    def verb(self) -> Any:
        return self.anchor if self.anchor is not None else self.token


def depth_of(token: Any) -> int:
    depth = 0
    while token.head.i != token.i and depth < MAX_DEPTH:
        token, depth = token.head, depth + 1
    return depth


def find_triggers(sentence: Any, *, lexicon: Lexicon) -> list[Trigger]:
    """Triggers of a parsed sentence (a spaCy span or doc), governed ones left out."""
    raw: list[Trigger] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        predicate = predicate_verb(token)
        adjective = (
            choose_entry(token, [r for r in lexicon.rows(token.lower_) if r.pos == "A"])
            if predicate is not None
            else None
        )
        if adjective is not None:
            raw.append(_read_unreal(token, adjective, anchor=predicate, predicative=True))
        elif token.pos_ in VERB_TAGS:
            entry = choose_entry(token, rows_for(lexicon, lemma, pos="V", form=token.lower_))
            if _must_clause(token):
                raw.append(replace(_read(token, MUST, lexicon=lexicon), demand=True))
            elif entry is not None and not met_with_reaction(token, lexicon=lexicon):
                raw.append(_read(token, entry, lexicon=lexicon))
        elif token.pos_ in {"NOUN", "PROPN"} and not in_a_name(token, sentence):
            anchor = light_verb(token)
            rows = rows_for(lexicon, lemma, pos="N", form=token.lower_)
            if rows and not _outranked_compound(token, rows, lexicon=lexicon):
                lit = [r for r in rows if not r.nominal_only]  # "took charge" is no charge
                if anchor is not None and anchor.lemma_.lower() in SENDING_VERBS:
                    lit = [r for r in lit if r.event in SENT_EVENTS and not is_proceeding(r)]
                if anchor is not None and anchor.lemma_.lower() == "be":
                    # "in talks", "in contact", "in support of" are states of acting with or
                    # for another; "in demand", "in protest" tell no demand or complaint made
                    lit = [r for r in lit if r.event not in DEMANDING_EVENTS]
                if anchor is not None and lit:
                    # the row the noun's own words choose ("a call for calm", "a phone call
                    # to"), else the surest
                    entry = choose_entry(token, lit) or max(lit, key=lambda r: r.weight)
                    raw.append(_read(token, entry, lexicon=lexicon, anchor=anchor))
                else:
                    raw.extend(_nominal(token, rows))
    raw = _votes_as_acts(_without_object_nouns(raw))
    governors = [t for t in raw if t.entry.governs or t.entry.intent]
    kept = [t for t in raw if not _governed(t, governors) and not _purpose(t, raw)]
    taken = frozenset(t.token.i for t in raw) | frozenset(t.verb.i for t in raw)
    said = [
        Trigger(
            token=r.word, entry=r.entry, event=r.entry.event, depth=depth_of(r.word),
            reporter=r.reporter,
        )
        for r in reported_speech(sentence, taken=taken) + unjust_speech(sentence, taken=taken)
    ]  # fmt: skip
    return _one_per_act([_as_claimed(t) for t in kept]) + said


# Verbs by which a body decides an act: "voted to impose sanctions" imposes them.
VOTING_VERBS = frozenset({"vote"})


def _votes_as_acts(raw: list[Trigger]) -> list[Trigger]:
    """A vote for an act is the act: the vote's own trigger is left out when its infinitive
    holds another ("the Security Council voted to impose sanctions on Uganda": SANCTION, not an
    agreement that governs it)."""
    kept = []
    for trigger in raw:
        verb = trigger.verb
        if verb.lemma_.lower() in VOTING_VERBS and trigger.anchor is None:
            inside = {t.i for c in verb.children if c.dep_ == "xcomp" for t in c.subtree}
            if any(o.token.i in inside for o in raw if o is not trigger):
                continue
        kept.append(trigger)
    return kept


def _as_claimed(trigger: Trigger) -> Trigger:
    """ "Sias claims he was assaulted and forced to confess": an act of force a party claims
    was done is its allegation (ACCUSE by the claimant, ``speech.ALLEGED_ROW``)."""
    if trigger.event not in CONFLICT_EVENTS or trigger.nominal or trigger.reporter is not None:
        return trigger
    claim = claimed_by(trigger.verb)
    if claim is None:
        return trigger
    return replace(trigger, entry=ALLEGED_ROW, event="ACCUSE", reporter=claim)


PROPER_TAGS = frozenset({"NNP", "NNPS"})
# A sentence whose words of more than three letters are capitalized at least this often is
# a headline in title case, where every noun is capitalized (short function words may not
# be: "Kenya Imposes Ban on Sugar").
TITLE_CASE_SHARE = 0.8
SHORT_WORD = 3


def in_a_name(token: Any, sentence: Any) -> bool:
    """A capitalized noun inside a proper name tells no act: "Secretary-General Ban Ki-moon",
    "NASA's Parker Solar Probe", "a Game of Thrones fan", "the Geneva Talks" name a person,
    a spacecraft, a show, a conference. Headlines in title case are read as usual."""
    if token.tag_ not in PROPER_TAGS or not token.text[:1].isupper() or token.i == sentence[0].i:
        return False
    words = [t for t in sentence if t.is_alpha and len(t) > SHORT_WORD]
    if sum(t.text[:1].isupper() for t in words) >= TITLE_CASE_SHARE * len(words):
        return False
    proper = [c for c in token.children if c.dep_ == "compound" and c.tag_ in PROPER_TAGS]
    if token.dep_ == "compound" and token.head.tag_ in PROPER_TAGS:
        proper.append(token.head)
    named_of = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.tag_ in PROPER_TAGS
    ]
    return bool(proper or named_of)


def _nominal(token: Any, rows: list[TriggerEntry]) -> list[Trigger]:
    """A noun with a party of its own, read with the verb above it for modality."""
    # a reaction caused is told by its noun alone: "sparked outrage", "triggered sanctions"
    entry = choose_entry(token, [r for r in rows if not r.light_only or caused(token, r)])
    if entry is None:
        return []
    undergone = is_proceeding(entry) and undergoer(token) is not None
    # a protest met by the one it is against ("was greeted with boos") names that one
    booed = entry.event == "PROTEST" and receiver(token) is not None
    if not undergone and not own_party(token, entry) and not caused(token, entry) and not booed:
        return []
    anchor = governing_verb(token)
    return [_read_unreal(token, entry, anchor=anchor, nominal=True, undergone=undergone)]


def _read_unreal(
    token: Any,
    entry: TriggerEntry,
    *,
    anchor: Any,
    nominal: bool = False,
    predicative: bool = False,
    undergone: bool = False,
) -> Trigger:
    """A noun or adjective trigger: any modal, condition or future on its verb, a planning
    noun or verb over it, makes it unreal; a negation undoes it. No intent reading: "would
    face sanctions" is no threat by the one facing them."""
    verb = anchor if anchor is not None else token
    return Trigger(
        token=token,
        entry=entry,
        event=entry.event,
        anchor=anchor if anchor is not None and anchor.i != token.i else None,
        negated=denied(token, verb),
        hypothetical=unreal(token, verb, undergone=undergone or received(token, entry)),
        depth=depth_of(token),
        nominal=nominal,
        predicative=predicative,
        undergone=undergone,
    )


def _without_object_nouns(triggers: list[Trigger]) -> list[Trigger]:
    """A noun whose verb is itself a trigger is what that verb acts on ("condemned the
    sanctions on Iran", "praised China's mediation"): the verb's event is the news. A noun
    that is the subject of a verb of its own event tells the same act ("Russia's attack on
    Georgia killed ten"): it stays, and ``_one_per_act`` keeps it for the verb."""
    verbs = {t.token.i: t for t in triggers if not t.nominal and not t.predicative}

    def kept(trigger: Trigger) -> bool:
        verb = verbs.get(trigger.anchor.i) if trigger.anchor is not None else None
        if not trigger.nominal or verb is None:
            return True
        return trigger.token.dep_ == "nsubj" and verb.event == trigger.event

    return [t for t in triggers if kept(t)]


def _one_per_act(triggers: list[Trigger]) -> list[Trigger]:
    """A light verb that is itself a trigger of the event its noun tells ("conducted a
    drill", "held talks", "gave aid") reports one act: the noun is kept, and looks for the
    recipient where either row says ("gave Y aid", "aid to Y"). A light verb read by what
    it takes ("called the raid a crime": ACCUSE for the crime it names) judges its noun
    rather than reporting it: the noun is no act of its own. A verb that enacts what its noun
    names ("ordered the arrest of", "authorised strikes") reports that act, not its own, and
    so does a verb that sends a word said ("sent an apology to")."""
    verbs = {t.token.i: t for t in triggers if t.anchor is None}
    out: list[Trigger] = []
    told: set[int] = set()
    for trigger in triggers:
        verb = verbs.get(trigger.anchor.i) if trigger.anchor is not None else None
        named = verb is not None and (verb.entry.objects or verb.entry.class_objects)
        if verb is not None and verb.event != trigger.event and named:
            continue
        if verb is not None and verb.event == trigger.event:
            places = tuple(dict.fromkeys((*verb.entry.recipient, *trigger.entry.recipient)))
            out.append(replace(trigger, entry=replace(trigger.entry, recipient=places)))
            told.add(verb.token.i)
        else:
            out.append(trigger)
            if verb is not None and verb.token.lemma_.lower() in ENACTING_VERBS | SENDING_VERBS:
                # "ordered sanctions": the sanctions are the act; "sent an apology": the
                # apology, not something sent as aid
                told.add(verb.token.i)
    return [t for t in out if t.anchor is not None or t.token.i not in told]


def _outranked_compound(token: Any, rows: list[TriggerEntry], *, lexicon: Lexicon) -> bool:
    """A compound noun yields to the noun it modifies when that one is a surer trigger
    ("a live fire drill" is a drill; "a hunger strike" stays a hunger strike)."""
    if token.dep_ != "compound":
        return False
    head_rows = rows_for(lexicon, token.head.lemma_.lower(), pos="N", form=token.head.lower_)
    return bool(head_rows) and max(r.weight for r in head_rows) >= max(r.weight for r in rows)


def _must_clause(token: Any) -> bool:
    """A verb under "must" in a reported clause or a noun's complement ("said Y must go"),
    whose subject is not the speaker's own side ("we must", "I must"). A "must" of inference is
    no demand: "must have broken through", "the army must be
    behind the attack", "it must be a mistake" (a perfect, or the copula with a place or a
    noun) tell what the speaker concludes; "must be ready to mediate" asks."""
    if not any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children):
        return False
    if token.lemma_ == "be" and not any(c.dep_ == "acomp" for c in token.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in token.children):
        return False  # "we must look for measures": the speaker's own resolve, no demand
    return token.dep_ in {"ccomp", "acl", "relcl"} or (
        token.dep_ == "conj" and token.head.dep_ == "ccomp"
    )


def _read(token: Any, entry: TriggerEntry, *, lexicon: Lexicon, anchor: Any = None) -> Trigger:
    verb = anchor if anchor is not None else token
    event = entry.event
    negated, hypothetical = _negated(verb), _hypothetical(verb)
    # "never thought he would be killing people": no plan is stated, nothing happened
    stated = entry is not MUST and not any(_nonfactive_frame(v) for v in _chain(verb))
    if entry.intent and (
        _complement_events(verb, lexicon=lexicon) & CONFLICT_EVENTS or penalty_clauses(verb)
    ):
        event = "THREATEN"  # "vowed to retaliate", "vowed that the plotters would pay"
    if event == "REQUEST" and _restricting_order(verb):
        event = "COERCE"
    if event == "SUPPORT" and _welcomes_a_signing(verb):
        event = "AGREE"
    if stated and not performed(verb) and (_framed_by_intent(verb) or _future(verb)):
        if event in PLANNED_AS_ACT:
            hypothetical = False
        elif event in CONFLICT_EVENTS:
            event, hypothetical = "THREATEN", False
        elif event in COOPERATIVE_EVENTS:
            event, hypothetical = "AGREE", False
    if (event in CONFLICT_EVENTS or event == "THREATEN") and _conditioned(verb):
        # "may halt mediation if ...", "will withdraw unless ...": a conditional threat;
        # "threatened to kill them if they did not pay": a threat's condition is its own
        event, hypothetical = "THREATEN", False
    if negated and (event == "AGREE" or (event in COOPERATIVE_EVENTS and _future(verb))):
        # refusing to do something cooperative ("will not accept", "would not meet the
        # demands") is a rejection, not a negated agreement
        event, negated = "REJECT", False
    return Trigger(
        token=token,
        entry=entry,
        event=event,
        anchor=anchor,
        negated=negated,
        hypothetical=hypothetical,
        depth=depth_of(token),
    )


# "Welcomed the signing of an agreement": the words of a joint statement that report the
# agreement signed, the event PLOVER codes (AGREE), not praise of a third party's act.
SIGNING_NOUNS = frozenset({"signing", "conclusion", "signature"})
AGREEMENT_NOUNS = frozenset(
    {"agreement", "accord", "deal", "memorandum", "memoranda", "mou", "treaty", "pact",
     "protocol", "contract", "convention"}
)  # fmt: skip


def _welcomes_a_signing(verb: Any) -> bool:
    """Parties who welcome the signing of an agreement they made: "Saudi Arabia and Greece
    welcomed the signing of a number of agreements", "the two sides hailed the conclusion of
    the trade deal". One party that welcomes another pair's accord supports it."""
    together = any(c.dep_ == "nsubj" and several(c) for c in verb.children)
    return together and any(
        obj.dep_ == "dobj" and obj.lemma_.lower() in SIGNING_NOUNS and _of_an_agreement(obj)
        for obj in verb.children
    )


def _of_an_agreement(noun: Any) -> bool:
    """An "of" phrase on ``noun`` that names an agreement ("the signing of a number of
    agreements", "of the data cable project agreement")."""
    return any(
        t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in AGREEMENT_NOUNS
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for t in prep.subtree
    )


def _restricting_order(verb: Any) -> bool:
    """An order to stop, take down or give up something (``RESTRICTING_VERBS``)."""
    if verb.lemma_.lower() not in ORDER_VERBS:
        return False
    return any(
        child.dep_ == "xcomp" and child.lemma_.lower() in RESTRICTING_VERBS
        for child in verb.children
    )


def _complement_events(token: Any, *, lexicon: Lexicon) -> set[str]:
    """Event types of lexicon words in the token's open complement ("vowed to retaliate")."""
    events: set[str] = set()
    for child in token.children:
        if child.dep_ == "xcomp":
            entry = choose_entry(child, rows_for(lexicon, child.lemma_.lower(), pos="V"))
            if entry is not None:
                events.add(entry.event)
    return events


def _purpose(trigger: Trigger, others: list[Trigger]) -> bool:
    """A purpose clause of another trigger ("staged a hunger strike to demand ...",
    "would blockade Paris to demand ..."): the act, not its purpose, is the event."""
    verb = trigger.verb
    if verb.dep_ not in {"advcl", "xcomp"} or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    return any(o.verb.i == verb.head.i and o.token.i != trigger.token.i for o in others)


def _infinitive_relative(node: Any) -> bool:
    """An infinitive parsed as a relative clause completes its noun: "calls to resign"."""
    return node.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _governed(trigger: Trigger, governors: list[Trigger]) -> bool:
    """True when ``trigger`` lies in a complement of a governing trigger. A noun with
    parties of its own or an adjective governs what hangs on it ("criticism of China for
    allowing ...", "disappointed that China allowed ..."), not the rest of its verb's
    clause."""
    for governor in governors:
        top = governor.token if governor.nominal or governor.predicative else governor.verb
        if governor.entry.intent and trigger.anchor is not None and top.i == trigger.verb.i:
            return True  # "offered talks": the offer is the event, the talks what it offers
        if top.i in {trigger.token.i, trigger.verb.i}:
            continue
        node, steps = (trigger.token if trigger.nominal else trigger.verb), 0
        while node.head.i != node.i and steps < MAX_DEPTH:
            if node.head.i == top.i:
                if node.dep_ in COMPLEMENT_DEPS or _infinitive_relative(node):
                    return True
                if _listed_infinitive(node, top):
                    return True
                break
            node, steps = node.head, steps + 1
    return False


# Tags of a finite or participle verb: a bare infinitive is never joined to one of these.
_INFLECTED_TAGS = frozenset({"VBD", "VBZ", "VBN", "VBG"})


def _listed_infinitive(node: Any, top: Any) -> bool:
    """A bare infinitive of a list the parse hangs on the governing verb instead of on the
    first infinitive: "called on Pyongyang to cease testing, comply with the resolutions and
    allow talks" (a verb in "-ed" is not joined to a bare "comply" in English)."""
    if node.dep_ != "conj" or node.tag_ != "VB" or top.tag_ not in _INFLECTED_TAGS:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in node.children):
        return False
    return any(c.dep_ == "xcomp" and c.i < node.i for c in top.children)
