"""Frames that report an act without asserting it happened or is planned, and the negation,
modals, conditions and plans that change how a verb's act is read (``coding.triggers``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

VERB_TAGS = frozenset({"VERB", "AUX"})
MAX_DEPTH = 50  # deeper than any real parse; guards the walk up a malformed tree
# Modals that make a report conditional; "will"/"would" state a plan (intent).
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "should", "can"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "'d"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Verbs and adjectives that state a plan: what they frame is intent.
INTENT_HEADS = frozenset(
    {"plan", "intend", "prepare", "aim", "decide", "determine", "set", "pledge"}
)
INTENT_ADJECTIVES = frozenset({"willing", "prepared", "ready", "committed", "determined", "set"})
# Nouns of promise, whose infinitive is an intent ("a pledge to punish"), and of planning,
# whose infinitive is not done ("a plan to expel"; an attempt or a decision is done or tried).
PROMISE_NOUNS = frozenset({"pledge", "promise", "vow", "commitment", "threat", "ultimatum"})
PLANNING_NOUNS = frozenset(
    {"plan", "proposal", "bid", "effort", "idea", "option", "push", "scheme", "intention",
     "possibility", "prospect", "move", "readiness", "willingness", "desire", "wish", "hope"}
)  # fmt: skip
# Words of a time, never a party nor a target: "the bombing on Sunday", "fired ... on Monday".
TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.",
     "dec.", "today", "yesterday", "tomorrow", "tonight", "day", "days", "night", "morning",
     "afternoon", "evening", "weekend", "week", "weeks", "month", "months", "year", "years",
     "hour", "hours", "dawn", "midnight", "noon", "time", "occasion", "date"}
)  # fmt: skip

# Verbs of permission: what they let another do is not done by saying so ("allowed Uganda to
# send troops", "will enable China to send a lander"; the permission itself is coded by its
# own row).
PERMISSION_HEADS = frozenset({"allow", "permit", "enable", "let"})
# Frames whose complement is not asserted to happen: ability, obligation, inclination,
# likelihood ("was able to talk", "was supposed to be deported", "does not seem keen to crack
# down"). An attempt ("tried to hack", "attempted to assassinate") is coded as the act, the
# way PLOVER codes attempted attacks.
NONFACTIVE_HEADS = (
    frozenset(
        {
            "able",
            "unable",
            "supposed",
            "keen",
            "eager",
            "likely",
            "unlikely",
            "seem",
            "appear",
            "reluctant",
            "hesitant",
            "free",
            # an obligation is not its fulfilment: "are required to account for the changes"
            "required",
            "obliged",
            "obligated",
            # a wish is no plan: "wants to join the alliance", "hoped to ease tensions" (with
            # their forms: the model lemmatises "hoped" as "hop")
            "want",
            "wants",
            "wanted",
            "wanting",
            "hope",
            "hopes",
            "hoped",
            "hoping",
            "wish",
            "wishes",
            "wished",
            # a forecast of one's own act is not a promise: "expects to lift the ban",
            # "is expected to sign the deal"
            "expect",
            "expects",
            "expected",
            "expecting",
            # a design states a purpose, not a use: "the satellite is designed to support the
            # mission", "the talks were meant to ease tensions"
            "designed",
            "meant",
            # an option weighed is not a choice made: "was considering buying missiles",
            # "is weighing sending tanks", "mulled imposing sanctions"
            "consider",
            "weigh",
            "mull",
            "contemplate",
            # nor is one talked over: "discussed imposing sanctions", "debated revising the
            # constitution", "explored sending troops"
            "discuss",
            "debate",
            "explore",
        }
    )
    | PERMISSION_HEADS
)
# A wish with the one acted on as its object is still a wish: "want the man detained",
# "wished him gone", "hopes the talks resume" (a clause on the verb of wishing).
WISH_HEADS = frozenset(
    {"want", "wants", "wanted", "wanting", "hope", "hopes", "hoped", "hoping", "wish", "wished"}
)
# Verbs of thought whose clause is belief, not report ("never thought he would be killing").
BELIEF_HEADS = frozenset(
    {"think", "believe", "imagine", "fear", "suspect", "doubt", "wonder", "assume", "guess"}
)

# Nouns of opinion: the clause a copula gives them is what someone holds, not a report ("My
# interpretation was that he was assaulted", "the fear is that troops will cross").
OPINION_NOUNS = frozenset(
    {
        "interpretation", "view", "belief", "impression", "assumption", "theory", "guess",
        "feeling", "suspicion", "fear", "concern", "worry", "hope", "expectation",
        "understanding", "sense", "opinion", "hunch", "thinking", "suggestion", "speculation",
    }
)  # fmt: skip


def nonfactive_frame(verb: Any) -> bool:
    """The verb completes a frame that does not assert it: "able to", "supposed to", a
    clause of wishing ("want the man detained") or of belief ("thought he would")."""
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "xcomp" and (
        head.lemma_.lower() in NONFACTIVE_HEADS or head.lower_ in NONFACTIVE_HEADS
    ):
        return not performed(verb)
    if verb.dep_ == "ccomp" and (head.lemma_.lower() in WISH_HEADS or head.lower_ in WISH_HEADS):
        return True
    if verb.dep_ == "ccomp" and head.lemma_.lower() in PERMISSION_HEADS and infinitive(verb):
        return True  # "allowed Uganda to send troops", parsed with a subject of its own
    if verb.dep_ in {"ccomp", "attr"} and head.lemma_.lower() == "be" and _opinion_held(head):
        return True
    # a clause before the verb of belief is the news with a parenthetical ("X attacked Y,
    # officials believe"), not a belief
    return verb.dep_ == "ccomp" and verb.i > head.i and head.lemma_.lower() in BELIEF_HEADS


# Speech acts that a speaker performs by saying he wants to: "I want to thank the people",
# "we wish to congratulate Kenya", "I would like to apologise".
PERFORMATIVES = frozenset(
    {"thank", "congratulate", "apologize", "apologise", "welcome", "condemn", "praise",
     "commend", "salute", "urge", "appeal", "express", "reiterate", "reaffirm", "assure",
     "invite", "call"}
)  # fmt: skip
_SPEAKERS = frozenset({"i", "we"})
_WANTING = frozenset({"want", "wish", "like"})


def performed(verb: Any) -> bool:
    """ "I want to thank ...", "we would like to congratulate ...": the speaker's wish to
    perform a speech act is that act, in the first person."""
    head = verb.head
    if verb.dep_ != "xcomp" or verb.lemma_.lower() not in PERFORMATIVES:
        return False
    if head.lemma_.lower() not in _WANTING:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _SPEAKERS for c in head.children)


def _opinion_held(copula: Any) -> bool:
    """The copula's subject is a noun of opinion ("my interpretation was that ...")."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in OPINION_NOUNS for c in copula.children)


def infinitive(verb: Any) -> bool:
    """A to-infinitive: "to" as the verb's auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def present_perfect(verb: Any) -> bool:
    """ "has protested", "have been meeting": "has" or "have" as the verb's auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)


def chain(token: Any) -> Iterator[Any]:
    """The token and the verbs it is the open complement or conjunct of."""
    yield token
    steps = 0
    while token.dep_ in {"xcomp", "conj"} and token.head.i != token.i and steps < MAX_DEPTH:
        token, steps = token.head, steps + 1
        yield token


def negated(token: Any) -> bool:
    if token.dep_ in {"pcomp", "pobj"} and token.head.lower_ == "without":
        return True  # "fended off the blows without retaliating", "left without talks"
    for verb in chain(token):
        if _denies(verb):
            return True
        if verb.i != token.i and verb.lemma_.lower() == "fail":
            return True
        if _purpose(verb) and _denies(verb.head):
            return True  # "nobody came up to ask him to move": no one asked
    return False


def _denies(verb: Any) -> bool:
    """A negation or a subject that denies the act on ``verb``."""
    return any(c.dep_ == "neg" or _nobody(c) for c in verb.children)


def _nobody(child: Any) -> bool:
    """A subject that denies the act: "none of the workers were charged", "no troops"."""
    if child.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return child.lower_ in {"none", "nobody", "nothing", "neither"} or any(
        c.dep_ == "det" and c.lower_ == "no" for c in child.children
    )


def hypothetical(token: Any) -> bool:
    """The act is told under a modal of possibility, a condition or a non-factive frame, or
    as the aim of a purpose ("filed a lawsuit to force Chile to negotiate": the negotiation is
    what the suit seeks, not a talk held; the purpose verb itself, "flew to Moscow to meet
    Putin", is the trip's act and stays)."""
    planned = future(token)
    for verb in chain(token):
        if nonfactive_frame(verb) or planned_by_noun(verb):
            return True
        if (verb.i != token.i and _purpose(verb)) or _for_to(verb):
            return True
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_MODALS:
                return True
            # a condition on a stated plan ("will meet if ...") is still a plan
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS and not planned:
                return True
        if conditioned(verb) and not planned:
            return True
    return False


def _purpose(verb: Any) -> bool:
    """An infinitive of purpose: "to force ..." hanging on another verb as an adverbial."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and infinitive(verb)


def _for_to(verb: Any) -> bool:
    """An infinitive with a subject of its own after "for" ("set up a hotline for families
    to call", "it is time for Russia to withdraw"): the act is one made possible or wanted,
    never one done."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and infinitive(verb)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def conditioned(token: Any) -> bool:
    """The act hangs on a condition: an "if" or "unless" clause under its verb. Not "even if"
    (a concession: "accused the police of inaction, even if they did file the claims" asserts
    the accusation) nor "as if" (a manner: "shouted at them as if they were enemies")."""
    return any(
        c.dep_ == "advcl" and has_mark(c, CONDITION_MARKS) and not _concessive(c)
        for c in token.children
    )


def _concessive(clause: Any) -> bool:
    """ "even if ...", "as if ...": a clause with "if" that puts no condition on its head."""
    return any(
        (c.dep_ == "advmod" and c.lower_ == "even") or (c.dep_ == "mark" and c.lower_ == "as")
        for c in clause.children
    )


def has_mark(token: Any, marks: frozenset[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


def framed_by_intent(token: Any) -> bool:
    """An act told as intended: the complement of "plan", "pledge", "willing" ("pledged to
    punish"), or the infinitive on a noun of promise ("Erdogan's pledge to punish")."""
    if token.dep_ == "acl" and infinitive(token):
        return token.head.lemma_.lower() in PROMISE_NOUNS
    if token.dep_ != "xcomp":
        return False
    head = token.head
    return head.lemma_.lower() in INTENT_HEADS or head.lower_ in INTENT_ADJECTIVES


def planned_by_noun(verb: Any) -> bool:
    """An infinitive on a noun of planning or proposing ("Kenya's plan to expel Ugandan
    traders", "a proposal to impose tariffs", "efforts to end the war"): an act not done."""
    return verb.dep_ == "acl" and infinitive(verb) and verb.head.lemma_.lower() in PLANNING_NOUNS


def future(token: Any) -> bool:
    for verb in chain(token):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if verb.i != token.i and verb.lower_ == "going" and token.dep_ == "xcomp":
            return True  # "are going to carry out an investigation"
    return False


def is_time(token: Any) -> bool:
    """A word of a time or a number ("on Sunday", "in 2019"): never a party."""
    return token.lower_ in TIME_WORDS or token.lemma_.lower() in TIME_WORDS or token.like_num


# Types whose verb's object, when it takes no clause, says what is agreed, backed or asked:
# "signed a memorandum" and "agreed to form a team" are two agreements, "praised the
# partnership" and "praised the support" two acts of praise. The object of a blame or a
# refusal names its target, which one story calls by many words ("the launch", "the move").
OBJECT_CONTENT_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST"})


def clause_content(verb: Any, event: str) -> tuple[str, ...]:
    """What a verb's clausal complement says is agreed, asked or promised, as lemmas: the
    complement's verb, its object and its first prepositional object ("agreed to enhance
    cooperation in the defence field" -> enhance, cooperation, field). A verb of an
    ``OBJECT_CONTENT_TYPES`` event that takes no clause has its common-noun object for
    content ("signed a memorandum" -> memorandum). Empty otherwise. Two agreements of one pair
    in one article with different contents are two happenings ("agreed to form a team", then
    "agreed to enhance cooperation")."""
    clause = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
    if clause is None:
        if event not in OBJECT_CONTENT_TYPES:
            return ()
        thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        return () if thing is None else (thing.lemma_.lower(),)
    words = [clause.lemma_.lower()]
    for child in clause.children:
        if child.dep_ in ("dobj", "attr"):
            words.append(child.lemma_.lower())
            words.extend(
                g.lemma_.lower()
                for p in child.children
                if p.dep_ == "prep"
                for g in p.children
                if g.dep_ == "pobj"
            )
            break
    return tuple(words)


# Prepositions whose object says what a noun of agreeing, asking or supporting is about.
CONTENT_PREPS = frozenset({"of", "for", "on", "regarding"})


def noun_content(noun: Any, event: str) -> tuple[str, ...]:
    """What an ``OBJECT_CONTENT_TYPES`` noun is about, as lemmas: the objects of its "of",
    "for", "on" phrases with their compounds ("the signing of a data cable project
    agreement" -> data, cable, project, agreement; "its support for Greece's candidacy" ->
    candidacy). Empty when it says nothing of it ("its support")."""
    if event not in OBJECT_CONTENT_TYPES:
        return ()
    words: list[str] = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in CONTENT_PREPS:
            continue
        for thing in prep.children:
            if thing.dep_ == "pobj" and thing.pos_ == "NOUN":
                words.extend(c.lemma_.lower() for c in thing.children if c.dep_ == "compound")
                words.append(thing.lemma_.lower())
    return tuple(words)


# Verbs of agreeing that, with a that-clause, share a view rather than make an agreement.
CONCURRING_VERBS = frozenset({"agree", "concur"})


def agrees_with_a_view(trigger: Any) -> bool:
    """ "The agency agreed that the station cannot be controlled": a shared opinion, not an
    agreement (PLOVER's AGREE is a promise or a deal: "agreed to", "agreed on", "agreed with
    Peru on"). A that-clause (a ``ccomp`` with no "to") on agree / concur says so."""
    verb = trigger.verb
    if verb.lemma_.lower() not in CONCURRING_VERBS or trigger.event != "AGREE":
        return False
    return any(
        child.dep_ == "ccomp"
        and not any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        for child in verb.children
    )
