"""Who acted and who was acted on: the arguments of a trigger, read from the parse.

The actor is the trigger's subject, or the agent of a passive ("was attacked by Y"); a verb
with no subject of its own borrows the subject of the verb it is the complement or conjunct
of ("agreed to cooperate", "met and discussed"), and a relative clause's "who"/"which" stands
for the noun it hangs on. The recipient is found where the lexicon row says: the direct object,
the indirect object, the passive subject, or the object of a named preposition on the trigger
or on its object ("sanctions on Y"); those tokens are read by ``coding.argument_tokens``.
Arguments become actors through what the actor finder resolved there (its units: a naming
expression, its head token and its actors).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dyads.actors.finder import ResolvedUnit
from dyads.actors.tables import NameEntry
from dyads.actors.units import HAPPENING_LABELS
from dyads.coding.argument_tokens import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    agent_objects,
    core_tokens,
    is_passive,
    recipient_tokens,
    subject_of,
)
from dyads.coding.light import PLACING_VERBS, SENDING_VERBS
from dyads.coding.nominal import agent_preps, givers, receiver
from dyads.coding.penalties import penalty_subjects
from dyads.coding.proceedings import undergoer
from dyads.coding.rows import for_clause
from dyads.coding.speech import reporting_verb, speech_words
from dyads.coding.triggers import CONFLICT_EVENTS, Trigger
from dyads.coding.unjust import spoken_of
from dyads.records import ActorRef, MentionKind

# Pronouns that, as the subject of a reported clause, stand for the one reporting.
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
MAX_STEPS = 12  # clauses nest a few levels deep; twelve steps reach any reporting verb
# Dependents of a trigger searched for a recipient when the lexicon's places name none.
FALLBACK_DEPS = frozenset({"dobj", "prep", "dative", "nsubjpass"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
RECIPROCAL_MIN = 2  # parties that meet or talk: two at least
NATIONAL_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.DEMONYM})
NameLookup = Callable[[str], list[tuple[int, int, NameEntry]]]
# Parties and their character spans in the sentence, as ``refs_in`` reads them.
Refs = tuple[tuple[ActorRef, ...], tuple[tuple[int, int], ...]]
# Where a governing trigger's complement names the party that gains or loses.
COMPLEMENT_PLACES = ("dobj", "dative", "to", "with", "on", "against")
KIND_RANK = {
    MentionKind.PERSON: 4,
    MentionKind.ORGANISATION: 3,
    MentionKind.IGO: 3,
    MentionKind.NGO: 3,
    MentionKind.GROUP: 3,
    MentionKind.ROLE: 2,
    MentionKind.CAPITAL: 1,
    MentionKind.DEMONYM: 1,
    MentionKind.COUNTRY: 1,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Arguments:
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    actor_spans: tuple[tuple[int, int], ...] = ()  # character offsets into the sentence
    recipient_spans: tuple[tuple[int, int], ...] = ()
    borrowed_subject: bool = False  # the subject came from a verb above the trigger
    has_subject: bool = False  # the parse names a subject (resolved or not)
    agentless: bool = False  # a passive that names no agent ("was arrested on Monday")


@dataclass(frozen=True, slots=True, kw_only=True)
class ArgumentContext:
    """What argument reading needs besides the parse: the finder's units and the name table."""

    doc: Any
    units: Sequence[ResolvedUnit]
    names: NameLookup | None = None  # text -> [(start, end, entry)]: demonym fallback
    countries: Callable[[str], str | None] | None = None  # ISO-3 -> country name


def refs_in(
    heads: Iterable[Any], *, ctx: ArgumentContext, places: bool = False
) -> tuple[tuple[ActorRef, ...], tuple[tuple[int, int], ...]]:
    """Actor references of the finder's units whose head lies in the cores of ``heads``, with
    their character spans in ``doc.text``. With ``places``, a country named as a place
    ("withdraw from Lebanon", "arrived in Amman") counts as that country."""
    doc = ctx.doc
    chosen: list[tuple[ResolvedUnit, tuple[ActorRef, ...]]] = []
    found: list[tuple[int, int, ActorRef]] = []
    for head in heads:
        core = core_tokens(head)
        if not any(u.head in core for u in ctx.units if u.actors):
            core |= core_tokens(head, appositions=True)
        inside = [(u, _unit_refs(u, ctx, places=places)) for u in ctx.units if u.head in core]
        inside = [(u, refs) for u, refs in inside if refs]
        chosen.extend(_most_specific(inside))
        if not inside and ctx.names is not None:
            found.extend(_modifier_names(head, ctx))
    for unit, unit_refs in chosen:
        last = doc[unit.last]
        found.extend((doc[unit.first].idx, last.idx + len(last.text), r) for r in unit_refs)
    refs: dict[tuple[str | None, str, str | None], ActorRef] = {}
    spans: list[tuple[int, int]] = []
    for start, end, ref in found:
        refs.setdefault(_key(ref), ref)
        spans.append((start, end))
    return tuple(refs.values()), tuple(dict.fromkeys(spans))


def _unit_refs(unit: ResolvedUnit, ctx: ArgumentContext, *, places: bool) -> tuple[ActorRef, ...]:
    if not unit.locative:
        return unit.actors
    place = unit.place
    if not places or place is None or place.country is None:
        return ()
    name = (ctx.countries(place.country) if ctx.countries else None) or place.name
    return (ActorRef(name=name, text=place.name, country=place.country),)


def _modifier_names(head: Any, ctx: ArgumentContext) -> list[tuple[int, int, ActorRef]]:
    """Countries named by a demonym or country word that modifies the argument's noun ("an
    Indian proposal", "French mediation"), which the finder leaves out as descriptive."""
    assert ctx.names is not None
    found: list[tuple[int, int, ActorRef]] = []
    for child in head.children:
        if child.dep_ not in MODIFIER_DEPS or _in_a_happening_name(child, head):
            continue
        for start, end, entry in ctx.names(child.text):
            if entry.kind in NATIONAL_KINDS:
                name = (ctx.countries(entry.code) if ctx.countries else None) or entry.name
                ref = ActorRef(name=name, text=child.text, country=entry.code)
                found.append((child.idx + start, child.idx + end, ref))
    return found


def _in_a_happening_name(child: Any, head: Any) -> bool:
    """ "Panama" of "the Panama Papers": a word of the name of a happening, a work or a law
    (``actors.units.HAPPENING_LABELS``) the noun ends, not a country modifying it."""
    return bool(child.ent_type_ in HAPPENING_LABELS and head.ent_type_ == child.ent_type_)


def _rank(unit: ResolvedUnit, ref: ActorRef) -> int:
    return KIND_RANK.get(unit.kind, 0) + int(ref.title is not None)


Found = tuple[ResolvedUnit, tuple[ActorRef, ...]]


def _most_specific(units: Sequence[Found]) -> list[Found]:
    """Per country, the units of the best kind ("Turkey's minister Dere": Dere, not Turkey)."""
    best: dict[str | None, int] = {}
    for unit, refs in units:
        for ref in refs:
            best[ref.country] = max(best.get(ref.country, -1), _rank(unit, ref))
    return [(u, refs) for u, refs in units if any(_rank(u, r) == best[r.country] for r in refs)]


def _predicate_holder(verb: Any, subject: Any, *, agent: bool) -> tuple[Any, list[Any]]:
    """ "Peru was critical of Chile", "Peru was disappointed in Chile": the one who is so
    acts, whatever the parse calls the subject; "was appalled by Russia's bombing" is said
    of the one appalled, and the agent is whom it blames."""
    own = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if agent and own:
        subject = own[0]
    return subject or next(iter(own), None), agent_objects(verb)


def find_arguments(trigger: Trigger, *, ctx: ArgumentContext) -> Arguments:
    """Actors and recipients of ``trigger`` from the finder's units of the sentence."""
    if trigger.nominal:
        return noun_arguments(trigger, ctx=ctx)
    verb = trigger.verb
    if trigger.demand or trigger.reporter is not None:
        # a demand or a statement (``coding.speech``): the speaker acts on the one the
        # clause is about, its subject, or the owner of the claims it denies
        speaker = trigger.reporter if trigger.reporter is not None else _reporter(trigger.token)
        subject, passive, borrowed = subject_of(speaker)
        verb = speaker if trigger.reporter is not None else verb
        heads = spoken_of(trigger.token, row_lemma=trigger.entry.lemma)
    else:
        subject, passive, borrowed, heads = _verb_parties(trigger, verb)
    actors, actor_spans = refs_in([subject] if subject is not None else [], ctx=ctx)
    if (
        not actors
        and subject is not None
        and (subject.lower_ in REPORTED_PRONOUNS or _speakers_own(subject))
    ):
        # "Syria says it is willing to withdraw": the pronoun is the one who says so; "my
        # country will never accept", the speaker's state
        reporter = _reporting_subject(verb)
        if reporter is not None:
            actors, actor_spans = refs_in([reporter], ctx=ctx)
            borrowed = True
    recipients, recipient_spans = refs_in(heads, ctx=ctx, places=True)
    # "warned that Uganda would pay a heavy price": the one the penalty is promised to, and
    # no one else the clause names ("brought to justice")
    penalized = penalty_subjects(trigger.verb) if trigger.event == "THREATEN" else []
    if not recipients and penalized:
        recipients, recipient_spans = refs_in(penalized, ctx=ctx)
    if not recipients and not penalized and (trigger.entry.governs or trigger.entry.intent):
        recipients, recipient_spans = refs_in(_complement_heads(trigger), ctx=ctx, places=True)
    # a statement is about the one its clause names, never a party found further on
    if (
        not recipients
        and actors
        and not penalized
        and not trigger.entry.reciprocal
        and trigger.reporter is None
    ):
        recipients, recipient_spans = _nearest_party(trigger, ctx=ctx, actors=actors)
    actor_keys = {_key(a) for a in actors}
    recipients = tuple(r for r in recipients if _key(r) not in actor_keys)
    return Arguments(
        actors=actors,
        recipients=recipients,
        actor_spans=actor_spans,
        recipient_spans=recipient_spans,
        borrowed_subject=borrowed,
        has_subject=subject is not None,
        agentless=passive and subject is None and not trigger.demand and trigger.reporter is None,
    )


def noun_arguments(trigger: Trigger, *, ctx: ArgumentContext) -> Arguments:
    """The parties a noun names itself: its owner or doer ("China's criticism of Japan",
    "a visit by the king to Oman", "criticism from Peru"), else a country word on it ("the
    Russian bombing of Georgia"); the recipient in the row's prepositions. "between" names those who
    act together ("talks between Peru and Chile"), except for a go-between ("mediation")."""
    if trigger.undergone:
        return _undergone_arguments(trigger, ctx=ctx)
    noun, entry = trigger.token, trigger.entry
    together = "between" in entry.recipient and entry.mode != "third-party"
    # the owner undergoes some acts ("Neu's arrest", "the envoy's expulsion"): "poss" in
    # the row's places says so
    owners = [c for c in noun.children if c.dep_ == "poss"]
    undergoes = "poss" in entry.recipient
    doers = [] if undergoes else list(owners)
    for child in noun.children:
        word = child.lower_
        agentive = word in agent_preps(entry)
        if child.dep_ in {"prep", "agent"} and (agentive or (together and word == "between")):
            doers.extend(g for g in child.children if g.dep_ == "pobj")
    doers.extend(givers(noun, entry))
    actors, actor_spans = refs_in(doers, ctx=ctx, places=True)
    places = [p for p in entry.recipient if not (together and p == "between")]
    heads = recipient_tokens(noun, places, passive=False) + (owners if undergoes else [])
    recipients, recipient_spans = refs_in(heads, ctx=ctx, places=True)
    received_by = receiver(noun)
    if not recipients and received_by is not None:
        # "Peru drew criticism from Chile": the one who receives the act is acted on
        recipients, recipient_spans = refs_in([received_by], ctx=ctx, places=True)
    if not actors and not recipients:
        # a party must come from the noun's own arguments: "a crackdown on dissent" names none
        return Arguments(actors=(), recipients=())
    if not actors:
        actors, actor_spans = _modifier_refs(noun, ctx=ctx)
    if not actors and trigger.event == "PROTEST":
        # "the decision sparked protests in Peru": those who protest are of the place
        actors, actor_spans = refs_in(_places_of(noun), ctx=ctx, places=True)
    if trigger.event == "CONSULT" and not recipients and len(actors) < RECIPROCAL_MIN:
        # a meeting needs a second party: "the party's committee meeting" is its own affair
        return Arguments(actors=(), recipients=())
    if not actors and trigger.event not in CONFLICT_EVENTS:
        # a word said needs a speaker ("criticism of the plan grew"); force may come from
        # an unknown hand ("an attack on its troops")
        return Arguments(actors=(), recipients=())
    return _noun_parties(
        actors=(actors, actor_spans),
        recipients=(recipients, recipient_spans),
        has_subject=bool(doers),
    )


def _places_of(noun: Any) -> list[Any]:
    """The places an act is told to happen in: "in" on the noun or on the verb whose object
    it is ("protests in Peru", "sparked protests in Peru")."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    return [
        g
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _undergone_arguments(trigger: Trigger, *, ctx: ArgumentContext) -> Arguments:
    """A proceeding told by the one who undergoes it ("X faces charges", "X is under
    investigation by the FBI", "X's dealings are part of an FBI investigation"): that
    subject is the recipient; the body acting is named on the noun ("by the FBI", "an FBI
    investigation"), or the parse names none and the coder supplies the authority."""
    noun = trigger.token
    subject = undergoer(noun)
    recipients, recipient_spans = refs_in([subject] if subject is not None else [], ctx=ctx)
    doers = [
        g
        for c in noun.children
        if c.dep_ in {"prep", "agent"} and c.lower_ in agent_preps(trigger.entry)
        for g in c.children
        if g.dep_ == "pobj"
    ]
    actors, actor_spans = refs_in(doers, ctx=ctx, places=True)
    if not actors:
        actors, actor_spans = _modifier_refs(noun, ctx=ctx)
    return _noun_parties(
        actors=(actors, actor_spans),
        recipients=(recipients, recipient_spans),
        has_subject=bool(doers),
        agentless=not actors,
    )


def _noun_parties(
    *, actors: Refs, recipients: Refs, has_subject: bool, agentless: bool = False
) -> Arguments:
    """A noun's arguments from its parties and their spans: a party that acts is not also
    the one acted on, so the actors are left out of the recipients."""
    actor_refs, actor_spans = actors
    recipient_refs, recipient_spans = recipients
    actor_keys = {_key(a) for a in actor_refs}
    return Arguments(
        actors=actor_refs,
        recipients=tuple(r for r in recipient_refs if _key(r) not in actor_keys),
        actor_spans=actor_spans,
        recipient_spans=recipient_spans,
        has_subject=has_subject,
        agentless=agentless,
    )


def _modifier_refs(
    noun: Any, *, ctx: ArgumentContext
) -> tuple[tuple[ActorRef, ...], tuple[tuple[int, int], ...]]:
    """A party named by a word on the noun: a name ("U.S. criticism") or a country word
    ("Iranian criticism")."""
    modifiers = [c for c in noun.children if c.dep_ in MODIFIER_DEPS - {"poss"}]
    actors, spans = refs_in(modifiers, ctx=ctx)
    if actors or ctx.names is None:
        return actors, spans
    found = [f for f in _modifier_names(noun, ctx) if f[2].country]
    refs = {(r.country, r.name): r for _, _, r in found}
    return tuple(refs.values()), tuple((start, end) for start, end, _ in found)


def _key(ref: ActorRef) -> tuple[str | None, str, str | None]:
    """What makes two references the same party: "Egyptian police" and "Egyptian
    demonstrators" share a country but are different parties."""
    return (ref.country, ref.name, ref.sector)


def _nearest_party(
    trigger: Trigger, *, ctx: ArgumentContext, actors: Sequence[ActorRef]
) -> tuple[tuple[ActorRef, ...], tuple[tuple[int, int], ...]]:
    """A recipient named deeper in the trigger's object or phrases ("lifted a blockade on
    Palestinian lorries", "cancelled a visit to Haiti", "suspended aid deliveries in
    Baghdad"): the first object or phrase, in reading order, that names another party."""
    acting = {_key(a) for a in actors}
    holders = [trigger.verb] if trigger.anchor is None else [trigger.token, trigger.verb]
    if trigger.entry.governs or trigger.entry.intent:
        holders += [c for c in trigger.verb.children if c.dep_ in {"xcomp", "ccomp"}]
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in FALLBACK_DEPS or child.i < trigger.token.i:
                continue
            if trigger.event == "CONSULT" and child.dep_ == "prep" and child.lower_ == "from":
                continue  # "visiting from Dallas": where the visitor comes from, not the host
            tokens = _named_within(child)
            found: list[tuple[int, int, ActorRef]] = []
            for unit in ctx.units:
                if unit.head in tokens:
                    last = ctx.doc[unit.last]
                    span = (ctx.doc[unit.first].idx, last.idx + len(last.text))
                    found.extend((*span, r) for r in _unit_refs(unit, ctx, places=True))
            if ctx.names is not None:
                for token in child.subtree:
                    found.extend(_modifier_names(token, ctx))
            found = [f for f in found if f[2].country and _key(f[2]) not in acting]
            if found:
                refs = {(r.country, r.name): r for _, _, r in found}
                return tuple(refs.values()), tuple((start, end) for start, end, _ in found)
    return (), ()


def _named_within(phrase: Any) -> set[int]:
    """The tokens of an object or phrase, without the subjects of its relative clauses that
    are not the relative pronoun: "stabbed the girl he had been dating" names the one who
    dated her, not another one acted on ("assaults that occurred in Cologne" keeps Cologne)."""
    inside = {t.i for t in phrase.subtree}
    for token in phrase.subtree:
        if token.dep_ != "relcl" or token.i == phrase.i:
            continue
        for subject in token.children:
            if subject.dep_ in SUBJECT_DEPS and subject.lower_ not in RELATIVE_PRONOUNS:
                inside -= {t.i for t in subject.subtree}
    return inside


def _complement_heads(trigger: Trigger) -> list[Any]:
    """Who a governing trigger's complement names: "agreed to re-open its borders to UN
    peacekeepers" (the object or prepositional object), "demanded that the US cancel" (for
    demands, the complement's subject)."""
    inner = [c for c in trigger.verb.children if c.dep_ in {"xcomp", "ccomp"} or for_clause(c)]
    heads = [h for c in inner for h in recipient_tokens(c, COMPLEMENT_PLACES, passive=False)]
    if trigger.event == "REQUEST":
        heads = [s for c in inner for s in c.children if s.dep_ in SUBJECT_DEPS] + heads
    return heads


# The speaker's own state, named from within what he says: "my country", "our government".
OWN_STATE_NOUNS = frozenset({"country", "nation", "government", "state", "people", "army"})


def _verb_parties(trigger: Trigger, verb: Any) -> tuple[Any | None, bool, bool, list[Any]]:
    """(subject, passive, borrowed, recipient heads) of a verb's own act."""
    subject, agent, borrowed = subject_of(verb)
    passive = agent or is_passive(verb)
    heads = recipient_tokens(verb, trigger.entry.recipient, passive=passive)
    if trigger.predicative:
        subject, heads = _predicate_holder(verb, subject, agent=agent)
    if trigger.anchor is not None or trigger.predicative:
        heads += recipient_tokens(trigger.token, trigger.entry.recipient, passive=False)
    if trigger.anchor is not None and trigger.anchor.lemma_.lower() in PLACING_VERBS:
        # "placed the leader under house arrest": the one placed undergoes the measure
        heads += [c for c in verb.children if c.dep_ == "dobj"]
    if trigger.anchor is not None and trigger.anchor.lemma_.lower() in SENDING_VERBS:
        # "sent Uganda a warning": the one a word said is sent to hears it
        heads += recipient_tokens(verb, ("dative", "to"), passive=False)
    culprit = _to_blame(verb)
    if culprit is not None:
        # "Kenya said Uganda was to blame": Uganda is blamed, by the one who says so
        return _reporting_subject(verb), passive, True, [culprit]
    return subject, passive, borrowed, heads


def _to_blame(verb: Any) -> Any | None:
    """The subject of "is to blame" ("Uganda was to blame for the raid"), who is blamed: the
    infinitive of "blame" on "be", or None."""
    head = verb.head
    if verb.lemma_.lower() != "blame" or verb.dep_ != "xcomp" or head.lemma_.lower() != "be":
        return None
    return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)


def _speakers_own(subject: Any) -> bool:
    """ "My country", "our government": a state the speaker calls his own."""
    return subject.lemma_.lower() in OWN_STATE_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in subject.children
    )


def _reporting_subject(verb: Any) -> Any | None:
    """The subject of the verb whose reported clause holds ``verb`` ("X said it would ...").
    Up a chain of clauses, the one a verb of saying takes wins ('"We have imposed sanctions,
    so he is being tested," he said': "tested" is no speaker's verb); with none, the first."""
    node, steps, first = verb, 0, None
    words = speech_words()
    while node.head.i != node.i and steps < MAX_STEPS:
        if node.dep_ == "ccomp":
            if node.head.lemma_.lower() in words.reporting:
                subject, _, _ = subject_of(node.head)
                return subject
            first = node.head if first is None else first
        node, steps = node.head, steps + 1
    if first is not None:
        subject, _, _ = subject_of(first)
        return subject
    # a quotation headed by its own verb: '"I urge Uganda to ...," the president said'
    saying = reporting_verb(node, words)
    if saying is None:
        return None
    subject, _, _ = subject_of(saying)
    return subject


def _reporter(token: Any) -> Any:
    """The verb that reports a "must" clause: its head, or the verb over the noun it
    completes ("issued a reminder that Y must ...")."""
    head = token.head
    if head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        return head.head
    return head
