"""Readings that keep a trigger from reporting the event its row names.

Rules of the language, checked after the trigger's arguments are known:

- a word flagged ``clause`` whose clause reports no act ("warned that the launch will raise
  tensions", "vowed that his goal is peace", "helped the party enter parliament") reports no
  event;
- a warning addressed to the public ("officials warned residents to stay indoors", "warned
  its employees") is advice, not a threat;
- a death or injury with no one doing it (or only a subject borrowed from the clause above)
  in a sentence about a disaster ("killed in a plane crash", "died in floods", "caused a
  plane to crash, killing ten") is an accident, not an assault;
- a drill or exercise held by one party alone is a show of force (MOBILIZE); with a partner it
  is military cooperation;
- an arrival or journey with no one known making it ("a flight arrived in San Jose") is no
  visit;
- force or threat words in a sentence about a game ("will battle France in the final") are
  play, not conflict (``coding.games``);
- a question ("asked whether ...", "people will be asking if ...") is no request;
- a meeting or conference planned by one side with no one to meet ("will hold a conference
  to detail its findings", "scheduled a meeting with his security team", "the seminar will
  be hosted by the chamber") is a preview, not a promise to another party (a planned visit
  or meeting with a named party stays AGREE, as PLOVER codes an intent to meet);
- talk with the press ("spoke to reporters", "talks to a reporter for Time Magazine",
  "met newspaper editors") is an interview or a briefing, not a consultation between
  parties, and the press asking ("asked by reporters to comment") puts a question, no request;
- a rally held, addressed or finished by one person with nothing it is against ("the
  senator held a rally in Ohio", "finished a rally in Arizona") is a campaign event, not a
  protest;
- a market, a price or a currency as the subject ("bank stocks rallied", "the rouble
  collapsed", "oil prices hit a record") is trading news, not an act of a party.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyads.actors.finder import ResolvedUnit
from dyads.coding.argument_tokens import several, subject_of
from dyads.coding.lexicon import Lexicon
from dyads.coding.penalties import is_penalty
from dyads.coding.rows import choose_entry, rows_for
from dyads.coding.threats import idle_threat
from dyads.coding.triggers import Trigger
from dyads.records import ActorRef, MentionKind

CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Pronouns that name a party as the subject of a threatened act ("warned that they would
# ..."); "it" is left out, it mostly stands for a situation ("warned it could lead to ...").
PARTY_PRONOUNS = frozenset({"we", "they", "he", "she", "i"})
SPEAKER_PRONOUNS = frozenset({"we", "i"})
POSSIBILITY_MODALS = frozenset({"may", "might", "could", "can"})
# Words that make a warning a threat whatever its addressee; a warning of sanctions or
# force is a threat even to the public.
WARNING_LEMMAS = frozenset({"warn", "caution"})
PUBLIC_SECTORS = frozenset({"CVL"})
# Words that tell an accident or a disaster: deaths with no agent in a sentence naming one
# are not assaults. Written from the language of disaster reports.
DISASTER_WORDS = frozenset(
    {
        "crash",
        "accident",
        "collision",
        "derailment",
        "flood",
        "flooding",
        "earthquake",
        "quake",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "landslide",
        "mudslide",
        "avalanche",
        "tsunami",
        "blaze",
        "wildfire",
        "stampede",
        "collapse",
        "drought",
        "heatwave",
        "outbreak",
        "epidemic",
        "overdose",
        "wind",
        "winds",
        "mechanical",
        "capsize",
        "sink",
        "overturn",
        "derail",
        "collide",
    }
)
# Words that name an attack: a sentence with one of these keeps its deaths as an assault
# even when it also names a disaster ("a bomb caused the bus to crash").
ATTACK_WORDS = frozenset(
    {
        "attack",
        "bomb",
        "bombing",
        "gunman",
        "gunmen",
        "militant",
        "militants",
        "shooting",
        "shooter",
        "assailant",
        "attacker",
        "insurgent",
        "rebel",
        "terrorist",
        "suicide",
        "explosive",
        "airstrike",
        "shelling",
        "sniper",
        "troops",
        "soldiers",
        "police",
    }
)
EXERCISE_WORDS = frozenset(
    {"drill", "drills", "exercise", "exercises", "manoeuvres", "maneuvers", "game", "games"}
)
MOVEMENT_VERBS = frozenset({"arrive", "travel", "fly", "return", "come", "go", "land", "tour"})
# Subjects that name what is traded or measured, never who acts.
MARKET_SUBJECTS = frozenset(
    {
        "stock",
        "stocks",
        "share",
        "shares",
        "price",
        "prices",
        "market",
        "markets",
        "index",
        "indices",
        "currency",
        "currencies",
        "bond",
        "bonds",
        "yield",
        "yields",
        "futures",
        "bitcoin",
        "dollar",
        "euro",
        "yen",
        "rouble",
        "ruble",
        "rupee",
        "peso",
        "lira",
        "equities",
        "commodities",
        "crude",
        "sales",
        "profit",
        "profits",
        "earnings",
        "revenue",
        "inflation",
    }
)
# Frames that make a planned meeting an offer or a promise, which PLOVER codes AGREE whoever
# is named: "would be ready to host talks", "pledged to meet", "is open to discussing".
OFFER_HEADS = frozenset(
    {"ready", "willing", "prepared", "open", "offer", "pledge", "promise", "agree", "vow",
     "commit"}
)  # fmt: skip
GUEST_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
GUEST_SKIPPED_DEPS = frozenset(
    {*SUBJECT_DEPS, "agent", "xcomp", "ccomp", "advcl", "acl", "relcl", "conj"}
)
# Verbs whose row codes the plan of a meeting itself ("scheduled a meeting").
SCHEDULING_VERBS = frozenset({"schedule", "reschedule"})
TALK_VERBS = frozenset({"discuss", "talk", "debate"})
QUESTION_MARKS = frozenset({"whether", "if", "why", "how", "what", "when", "who", "where"})
PARTNER_MARKS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})


def clause_states_act(trigger: Trigger, *, lexicon: Lexicon, units: Sequence[ResolvedUnit]) -> bool:
    """False when the row asks for an act in its clause and the clause reports none."""
    if not trigger.entry.needs_act_clause:
        return not idle_threat(trigger, units=units)  # "the storm threatens to flood"
    # an infinitive under a promise or a warning ("promised to deal with", "warned Y to
    # stop") states a commitment or a demand whatever the act; a that-clause may not
    deps = {"ccomp"} if trigger.entry.intent or trigger.event == "THREATEN" else CLAUSE_DEPS
    clauses = [c for c in trigger.verb.children if c.dep_ in deps]
    if not clauses:
        return True
    # "warned Y they could face ...": a pronoun after an addressee stands for the addressee,
    # whose fate the warning tells
    addressed = any(c.dep_ in {"dobj", "dative"} for c in trigger.verb.children)
    for clause in clauses:
        party = _party_subject(clause, units=units, addressed=addressed)
        if _holds_trigger(clause, lexicon=lexicon) and (party or not _modal(clause)):
            return True
        if is_penalty(clause):
            return True  # "vowed that the plotters would pay a heavy price"
        if trigger.event == "THREATEN" and party:
            return True
    return False


def _modal(clause: Any) -> bool:
    """A clause told as a possibility ("may hurt", "could lead to"): an act in it is a
    forecast unless a party is its subject ("warned that they could strike")."""
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in clause.children)


def _holds_trigger(clause: Any, *, lexicon: Lexicon) -> bool:
    for token in clause.subtree:
        if token.pos_ in {"VERB", "AUX"}:
            rows = rows_for(lexicon, token.lemma_.lower(), pos="V", form=token.lower_)
            if choose_entry(token, rows) is not None:
                return True
    return False


def _party_subject(clause: Any, *, units: Sequence[ResolvedUnit], addressed: bool) -> bool:
    """The clause's subject names a party ("warned that police will no longer tolerate
    rallies", "warned that they would respond")."""
    for child in clause.children:
        if child.dep_ not in SUBJECT_DEPS:
            continue
        if child.lower_ in PARTY_PRONOUNS:
            return not addressed or child.lower_ in SPEAKER_PRONOUNS
        core = {t.i for t in child.subtree}
        if any(u.head in core and u.actors and not u.locative for u in units):
            return True
    return False


def is_advisory(
    trigger: Trigger,
    *,
    actors: Sequence[ActorRef],
    recipients: Sequence[ActorRef],
    has_object: bool,
) -> bool:
    """A warning to the public: its object names no party, or only civilians (and the
    warning side's own country: "Japan warned its residents")."""
    if trigger.event != "THREATEN" or trigger.token.lemma_.lower() not in WARNING_LEMMAS:
        return False
    if not has_object:
        return False
    own = {a.country for a in actors if a.country}
    return all(
        r.sector in PUBLIC_SECTORS or (r.sector is None and r.country in own) for r in recipients
    )


def warning_object(trigger: Trigger) -> bool:
    return any(c.dep_ in {"dobj", "dative"} for c in trigger.verb.children)


def is_accident(trigger: Trigger, *, actors: Sequence[ActorRef], borrowed: bool = False) -> bool:
    """Deaths or injuries that no one inflicted, told in a sentence about a disaster. An
    actor borrowed from the clause above is no one who inflicted them: "investigators are
    looking into what caused a plane to crash, killing ten" (the crash killed); nor is one
    the sentence puts beside a disaster that is the killer's subject ("a plane crash in Costa
    Rica killed ten")."""
    if trigger.event != "ASSAULT":
        return False
    words = {t.lemma_.lower() for t in trigger.token.doc} | {t.lower_ for t in trigger.token.doc}
    if words & ATTACK_WORDS:
        return False
    # "a plane crash killed ten", "the earthquake killed 200": the disaster itself kills
    subjects = [c for c in trigger.verb.children if c.dep_ == "nsubj"]
    if any(c.lemma_.lower() in DISASTER_WORDS for c in subjects):
        return True
    return not (actors and not borrowed) and bool(words & DISASTER_WORDS)


# Animals: force used on them is no political event ("shot the gorilla", "put down the dog").
ANIMALS = frozenset(
    {"animal", "animals", "gorilla", "ape", "monkey", "dog", "dogs", "cat", "bear", "lion",
     "tiger", "leopard", "shark", "elephant", "rhino", "horse", "cow", "cattle", "sheep",
     "goat", "pig", "bird", "birds", "whale", "dolphin", "wolf", "crocodile", "snake", "deer",
     "puppy", "pet", "pets", "livestock", "poultry"}
)  # fmt: skip
VICTIM_DEPS = frozenset({"dobj", "nsubjpass"})


def animal_victim(trigger: Trigger) -> bool:
    """An act of force on an animal: "shot the gorilla", "fired the shot that killed the
    ape" (the one its object's clause kills), "the dog was put down"."""
    if trigger.event not in {"ASSAULT", "COERCE"}:
        return False
    victims = []
    for done_to in (c for c in trigger.verb.children if c.dep_ in VICTIM_DEPS):
        through = [
            v
            for clause in done_to.children
            if clause.dep_ in {"relcl", "acl"}
            for v in clause.children
            if v.dep_ in VICTIM_DEPS
        ]
        victims += through or [done_to]
    nouns = [v for v in victims if v.pos_ in {"NOUN", "PROPN"}]
    return bool(nouns) and all(v.lemma_.lower() in ANIMALS for v in nouns)


def solo_exercise(trigger: Trigger, *, actors: Sequence[ActorRef], reciprocal: bool) -> bool:
    """A drill or exercise with no partner: no "with", no "joint", a single country."""
    if trigger.event != "COOPERATE" or reciprocal:
        return False
    noun = trigger.token
    objects = {c for c in trigger.verb.children if c.dep_ in {"dobj", "nsubjpass"}}
    words = {noun.lower_} | {o.lower_ for o in objects}
    if not words & EXERCISE_WORDS:
        return False
    nodes = [trigger.verb, noun, *objects]
    if any(c.dep_ == "prep" and c.lower_ == "with" for n in nodes for c in n.children):
        return False
    if any(t.lower_ in PARTNER_MARKS for n in (noun, *objects) for t in n.children):
        return False
    return len({a.country for a in actors if a.country}) <= 1


def is_partyless_consult(trigger: Trigger, *, actors: Sequence[ActorRef]) -> bool:
    """A visit told by a verb of movement needs someone known who visits: "a flight arrived
    in San Jose" tells traffic, not diplomacy."""
    return (
        trigger.event == "CONSULT" and not actors and trigger.verb.lemma_.lower() in MOVEMENT_VERBS
    )


# Bodies of members that meet as themselves: "the committee met", "the cabinet convened" is
# a body at work, not a consultation between parties.
SITTING_BODIES = frozenset(
    {"committee", "cabinet", "board", "council", "commission", "panel", "caucus", "politburo",
     "parliament", "senate", "assembly", "congress", "presidium", "bureau", "secretariat"}
)  # fmt: skip
SITTING_VERBS = frozenset({"meet", "convene", "sit", "gather"})
ATTENDING_VERBS = frozenset({"attend", "chair"})
MEETING_NOUNS = frozenset({"meeting", "session", "sitting"})


def _body_meeting(noun: Any) -> bool:
    """A meeting of a body named on it ("the core committee meeting", "a cabinet session"),
    with no one it meets ("the cabinet meeting with the Chinese envoy")."""
    children = list(noun.children)
    return (
        noun.lemma_.lower() in MEETING_NOUNS
        and any(c.dep_ in {"compound", "poss"} and c.lemma_.lower() in SITTING_BODIES
                for c in children)
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
    )  # fmt: skip


def is_body_sitting(
    trigger: Trigger, *, actors: Sequence[ActorRef], recipients: Sequence[ActorRef]
) -> bool:
    """ "The Core Committee met under the chair of Imran Khan", "the cabinet convened in
    Accra", "the party's core committee meeting was attended by ...": one body meeting as
    itself, with no one of another country it meets."""
    verb = trigger.verb
    if trigger.event != "CONSULT":
        return False
    if {r.country for r in recipients} - {a.country for a in actors}:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    if _body_meeting(trigger.token) or (
        verb.lemma_.lower() in ATTENDING_VERBS
        and any(_body_meeting(c) for c in verb.children if c.dep_ in {"dobj", "nsubjpass"})
    ):
        return True
    if verb.lemma_.lower() not in SITTING_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        len(subjects) == 1
        and subjects[0].lemma_.lower() in SITTING_BODIES
        and not any(c.dep_ == "conj" for c in subjects[0].children)
    )


# The sector of the press: reporters, editors, broadcasters (``sectors.tsv``).
PRESS_SECTOR = "MED"
QUESTION_VERBS = frozenset({"ask", "question", "quiz"})


def is_past_work(trigger: Trigger) -> bool:
    """ "worked with Mr. Putin in a business capacity", "had worked with the ministry": a
    past collaboration told in a simple or perfect past is a career, not a consultation;
    working with a party now ("are working with the Turks") or promised is news."""
    verb = trigger.verb
    return (
        trigger.event == "CONSULT" and verb.lemma_.lower() == "work" and verb.tag_ in {"VBD", "VBN"}
    )


def is_private_journey(trigger: Trigger, *, actors: Sequence[ActorRef]) -> bool:
    """A visit or a trip made by private people only ("the accused had visited Abu Dhabi",
    "dozens of residents travelled to Syria"): travel, not a visit of state (PLOVER's visit is
    a party's official call on another)."""
    return (
        trigger.entry.mode == "visit"
        and bool(actors)
        and all(ref.sector in PUBLIC_SECTORS for ref in actors)
    )


def is_press_talk(
    trigger: Trigger, *, actors: Sequence[ActorRef], recipients: Sequence[ActorRef]
) -> bool:
    """A talk or meeting whose other side is the press alone, an interview or a briefing,
    not a consultation; or the press asking, a question ("asked by reporters to comment";
    journalists who call for a colleague's release or apply for protection do ask)."""
    if trigger.event in {"REQUEST", "REJECT"} and press_ask(trigger):
        return True
    sides: tuple[Sequence[ActorRef], ...] = ()
    if trigger.event == "CONSULT":
        sides = (actors, recipients)
    elif trigger.event == "REQUEST" and trigger.verb.lemma_.lower() in QUESTION_VERBS:
        sides = (actors,)
    return any(side and all(ref.sector == PRESS_SECTOR for ref in side) for side in sides)


# What the press asks of those it reports on: a comment, an interview, to speak with them.
PRESS_THINGS = frozenset({"comment", "comments", "interview", "interviews", "reaction"})
PRESS_ACTS = frozenset({"comment", "speak", "talk", "interview", "respond"})
ASKING_NOUNS = frozenset({"request", "requests", "query", "queries", "inquiry", "inquiries"})
ASKING_VERBS = frozenset({"ask", "request", "seek", "invite"})


def press_ask(trigger: Trigger) -> bool:
    """A request for a comment or an interview ("asked the army for comment", "requests to
    speak with the attorney general went unanswered"), or one such declined ("declined a
    request for an interview"): the press at work, no party's demand or refusal."""
    words = [trigger.token, trigger.verb]
    words += [
        c for w in (trigger.token, trigger.verb) for c in w.children
        if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in ASKING_NOUNS
    ]  # fmt: skip
    for word in words:
        for child in word.children:
            if (
                child.dep_ == "prep"
                and child.lower_ == "for"
                and any(g.dep_ == "pobj" and g.lower_ in PRESS_THINGS for g in child.children)
            ):
                return True
            if (
                child.dep_ in {"acl", "xcomp"}
                and child.lemma_.lower() in PRESS_ACTS
                and (word.lower_ in ASKING_NOUNS or word.lemma_.lower() in ASKING_VERBS)
            ):
                return True
    return False


def is_campaign_rally(trigger: Trigger, *, units: Sequence[ResolvedUnit]) -> bool:
    """A rally of one person's, held, addressed or rallied with no target: a campaign event."""
    token = trigger.token
    if trigger.event != "PROTEST" or token.lemma_.lower() != "rally":
        return False
    words = (token, trigger.verb)
    if any(c.lower_ == "against" for w in words for c in w.children):
        return False
    subject, _, _ = subject_of(trigger.verb)
    if subject is None or several(subject):
        return False  # several who rally together
    return any(u.head == subject.i and _one_person(u) for u in units)


def _one_person(unit: ResolvedUnit) -> bool:
    """A unit naming one person: by name, or by an office ("the president")."""
    if unit.kind == MentionKind.PERSON:
        return True
    return unit.kind == MentionKind.ROLE and any(a.title for a in unit.actors)


def is_topic_talk(
    trigger: Trigger, *, actors: Sequence[ActorRef], recipients: Sequence[ActorRef]
) -> bool:
    """One party discussing a subject with no one ("the analyst discusses the impact of the
    tax law") is commentary, not a consultation; a meeting needs a second party. Several
    people of one party who debate a question ("Israeli commentators debated whether the
    soldier was right") hold a public argument, not a meeting."""
    plural = any(
        c.dep_ in SUBJECT_DEPS and several(c) for c in trigger.verb.children
    ) and not _asks_a_question(trigger.verb)  # "the two ministers discussed ...": a meeting
    return (
        trigger.anchor is None
        and trigger.event == "CONSULT"
        and trigger.verb.lemma_.lower() in TALK_VERBS
        and len(actors) == 1
        and not recipients
        and not plural
    )


# What a request verb asks for or of: without any, "asked" reports a question.
ASKED_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "prep", "nsubjpass", "advcl"})


def is_question(trigger: Trigger) -> bool:
    """A trigger whose own clause is a direct question ("Have the French called this
    terrorism?", "Will Russia attack?"): it asks, and asserts nothing; or a request verb whose
    clause is a question ("asked whether the forces had let their guard down") or that asks
    nothing of anyone ('"Why?" the minister asked'): an inquiry, not a demand."""
    if any(c.dep_ == "punct" and c.text == "?" for c in trigger.verb.children):
        return True
    if trigger.event != "REQUEST" or trigger.anchor is not None:
        return False
    if trigger.verb.lemma_.lower() == "ask" and not any(
        c.dep_ in ASKED_DEPS for c in trigger.verb.children
    ):
        return True
    for clause in trigger.verb.children:
        if clause.dep_ != "ccomp":
            continue
        first = clause.left_edge
        if first.lower_ in QUESTION_MARKS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children):
            return True
    return False


def _asks_a_question(verb: Any) -> bool:
    """The verb's clause is an indirect question ("debated whether ...", "discussed how ...")."""
    return any(
        clause.dep_ == "ccomp"
        and (
            clause.left_edge.lower_ in QUESTION_MARKS
            or any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children)
        )
        for clause in verb.children
    )


def has_market_subject(trigger: Trigger) -> bool:
    """The verb's subject is a market, a price or a currency ("bank stocks have rallied")."""
    return any(
        child.dep_ in SUBJECT_DEPS and child.lower_ in MARKET_SUBJECTS
        for child in trigger.verb.children
    )


def is_planned_gathering(
    trigger: Trigger, *, actors: Sequence[ActorRef], recipients: Sequence[ActorRef]
) -> bool:
    """A meeting, visit or conference read as a plan (AGREE) with no party to meet: no
    recipient and parties of one country at most."""
    if trigger.event != "AGREE" or recipients:
        return False
    planned = trigger.entry.event == "CONSULT" or (
        trigger.entry.cameo == "036" and trigger.verb.lemma_.lower() in SCHEDULING_VERBS
    )
    verb = trigger.verb
    head = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "to" else verb.head
    if verb.dep_ in {"xcomp", "pcomp"} and (
        head.lemma_.lower() in OFFER_HEADS or head.lower_ in OFFER_HEADS
    ):
        return False
    return (
        planned and len({a.country for a in actors if a.country}) <= 1 and not _names_a_guest(verb)
    )


def _names_a_guest(verb: Any) -> bool:
    """A name among the verb's objects and their phrases, outside its subject, agent and
    clauses: someone to meet ("will host talks with Uganda", "will visit the Pope") whom the
    finder may not have made a recipient. A purpose clause names a topic ("to discuss the
    crisis in Mali"), not a guest."""
    stack = [c for c in verb.children if c.dep_ not in GUEST_SKIPPED_DEPS]
    while stack:
        token = stack.pop()
        if token.ent_type_ in GUEST_ENTITIES:
            return True
        stack.extend(c for c in token.children if c.dep_ not in GUEST_SKIPPED_DEPS)
    return False
