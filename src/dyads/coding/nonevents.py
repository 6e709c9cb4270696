"""Sentences that hold an event word and report no act: habits, previews, ideas, no comment.

News codes what a party did in the news cycle. English also uses the words of acts for

- standing attitudes: an attitude told in the perfect ("has been critical of the handling",
  "have long been supportive of the plan") is a position held, not a word said in the news;
- habits and dispositions: a simple present with a word of frequency ("Venezuela repeatedly
  defies the sanctions", "the navy routinely patrols the coast"), any tense with a word of
  sparse frequency ("has seldom called for", "has at times supported"), or a frame of habit ("has
  made it a practice to criticize", "tends to side with", "is known for criticizing");
- refusals to comment ("declined to comment", "refused to say whether"): a statement about
  the press, not the rejection of a party's demand;
- ideas, prospects and possibilities ("raised the idea of visiting Somalia", "the prospect
  of sanctions", "an opportunity to thank", "the right to refuse"): an act thought of or
  allowed, not done;
- manners of acting: "could affect the way Inuit are sentenced" (a relative clause on "way"
  or "manner") tells how something is done, not that it was;
- alternatives ("either it accepts the demands or it faces sanctions"): neither is asserted;
- descriptions of people: "the last prime minister to visit Beijing" (an infinitive after the
  last or the only one) tells who someone is; "the officials charged with investigating"
  are given a duty, not accused;
- standing allegations: "has been accused of ..." with no one accusing tells what is said
  about someone, not an accusation a party made in the news;
- forecasts: a plan told with a word of likelihood ("will almost certainly send the bill",
  "will probably meet") is the writer's guess, not a party's promise;
- requests planned: "will seek a warrant", "said he would appeal the verdict" announce a
  request not yet made (a promise binds its maker and is coded; a plan to ask is not);
- previews: an act named only as what a party will announce ("plans to announce its
  withdrawal", "is expected to unveil an aid package") is news to come;
- acts not done yet: "will not send the money yet" expects the act, it does not refuse it;
- standing states and habits told in the simple present by a verb of a material act ("China
  and Russia supply nearly all of its oil", "they also patrol the river borders", "the
  resolution bars imports of gas"): a report of an act in a news text's body takes a past or
  perfect tense; headlines and fragments without a full stop, where the present reports
  the news ("France bans phones in cars"), are read as usual (``present_state``).

Acts on no party (open addressees, courtesy, discharges, a watch kept...) are read in
``coding.no_party``; acts alleged in a charge, denied by a want of evidence or told as a
party's standing, in ``coding.unasserted``.
Each reading is a function of the trigger alone (its parse), checked before the arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dyads.coding.frames import chain, framed_by_intent, future, present_perfect
from dyads.coding.no_party import READINGS as NO_PARTY
from dyads.coding.triggers import Trigger
from dyads.coding.unasserted import READINGS as UNASSERTED
from dyads.nlp.sentences import ends_like_sentence

# Adverbs that make a simple present a habit, not a report ("repeatedly defies").
FREQUENCY_ADVERBS = frozenset(
    {"repeatedly", "routinely", "regularly", "often", "frequently", "usually", "always",
     "constantly", "habitually", "typically", "generally", "sometimes", "occasionally",
     "normally", "traditionally", "customarily", "continually", "consistently"}
)  # fmt: skip
SIMPLE_PRESENT = frozenset({"VBZ", "VBP"})
# Verbs whose open complement is a habit ("tends to", "has made it a practice to").
HABIT_VERBS = frozenset({"tend"})
HABIT_NOUNS = frozenset({"practice", "habit", "custom", "routine", "tradition"})
# "is known for criticizing", "is famous for": a reputation.
REPUTATION_WORDS = frozenset({"known", "famous", "notorious", "renowned", "noted"})
REFUSAL_VERBS = frozenset({"decline", "refuse"})
# What a refusal to comment withholds: words and information, not an act a party asked for.
# Not "respond", "answer" or "discuss": "refused to respond to a demand", "refused to discuss
# the proposal" reject what a party put forward.
COMMENT_VERBS = frozenset(
    {"comment", "say", "elaborate", "disclose", "speak", "specify", "identify", "name",
     "reveal", "confirm", "detail"}
)  # fmt: skip
COMMENT_NOUNS = frozenset({"comment", "comments", "interview", "interviews"})
# Nouns whose "of" complement is an act thought of ("the idea of visiting").
IDEA_NOUNS = frozenset(
    {"idea", "prospect", "possibility", "option", "notion", "thought", "likelihood",
     "chance", "risk", "hope", "dream", "question", "suggestion", "spectre", "specter"}
)  # fmt: skip
# Nouns whose infinitive is an act one may do ("an opportunity to visit", "the right to
# refuse"). Not "effort", "attempt" or "bid": "efforts to combat the group" report the acts.
CHANCE_NOUNS = frozenset(
    {
        "opportunity",
        "chance",
        "possibility",
        "option",
        "right",
        "freedom",
        "liberty",
        "leeway",
        "occasion",
    }
)

# Words that make a noun the one of a kind: "the last leader to visit", "the only one to
# sign". Not "first" or "latest": "became the first country to recognize", "the latest party
# to boycott the talks" report the act that makes them so.
SINGLING_WORDS = frozenset({"last", "only"})
BECOMING_VERBS = frozenset({"become", "make"})
# Gerunds after "charged with" that name a task given, not an offence: "the panel charged with
# investigating", "officials charged with overseeing the vote".
DUTY_VERBS = frozenset(
    {"investigate", "oversee", "supervise", "monitor", "enforce", "implement", "manage",
     "run", "lead", "protect", "guard", "draft", "review", "organize", "organise",
     "coordinate", "administer", "regulate", "examine", "probe", "handle", "prepare",
     "negotiate", "ensure", "maintain", "develop", "design"}
)  # fmt: skip
LIKELIHOOD_ADVERBS = frozenset(
    {"certainly", "likely", "probably", "possibly", "presumably", "perhaps", "maybe"}
)

# Verbs that make public what their object names ("announce its withdrawal").
ANNOUNCING_VERBS = frozenset({"announce", "unveil", "reveal", "publish", "present", "outline"})


# Words of frequency that make any tense a habit: "has seldom called for", "at times
# supported", "has from time to time protested" tell no one act.
SPARSE_ADVERBS = frozenset({"seldom", "rarely", "sometimes", "occasionally"})
SPARSE_PHRASES = frozenset({("at", "times"), ("from", "time")})


# A rate that makes a simple present a habit: "rejects 80 applicants a year", "deports
# hundreds every month", "opens 20,000 companies per year", "meets annually".
RATE_UNITS = frozenset({"day", "night", "week", "month", "year", "decade"})
RATE_DETERMINERS = frozenset({"a", "an", "every", "each", "per"})
RATE_ADVERBS = frozenset({"daily", "nightly", "weekly", "monthly", "annually", "yearly"})


def _habitual(trigger: Trigger) -> bool:
    verb = trigger.verb
    if verb.tag_ in SIMPLE_PRESENT and any(_often(v) for v in _present_conjuncts(verb)):
        return True
    if verb.tag_ == "VBN" and present_perfect(verb) and _often(verb, rates_only=True):
        return True  # "have protested weekly for eight years", "has met every month since"
    if _sparse(verb):
        return True
    return _habit_frame(verb) or _reputation(trigger.token)


def _present_conjuncts(verb: Any) -> list[Any]:
    """The verb, and the simple present it is conjoined to ("opens 20,000 companies a year
    but also rejects 80 applicants": the rate tells of both)."""
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i and head.tag_ in SIMPLE_PRESENT:
        return [verb, head]
    return [verb]


def _often(verb: Any, *, rates_only: bool = False) -> bool:
    """A word of frequency or a rate on the verb or on its direct object (``rates_only``:
    a rate, "weekly", "every month"; not "repeatedly", which a present perfect reports)."""
    adverbs = RATE_ADVERBS if rates_only else FREQUENCY_ADVERBS | RATE_ADVERBS
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for token in (*verb.children, *(c for o in objects for c in o.children)):
        if token.dep_ == "advmod" and token.lower_ in adverbs:
            return True
        if _rate(token):
            return True
    return False


def _rate(token: Any) -> bool:
    """ "a year", "every month" (a noun of time with its determiner), "per year"."""
    if token.dep_ == "prep" and token.lower_ == "per":
        return any(g.dep_ == "pobj" and g.lemma_.lower() in RATE_UNITS for g in token.children)
    return (
        token.dep_ == "npadvmod"
        and token.lemma_.lower() in RATE_UNITS
        and any(c.dep_ == "det" and c.lower_ in RATE_DETERMINERS for c in token.children)
    )


def _sparse(verb: Any) -> bool:
    """ "seldom", "at times", "from time to time" on the verb, in any tense."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in SPARSE_ADVERBS:
            return True
        if child.dep_ == "prep" and any(
            (child.lower_, g.lower_) in SPARSE_PHRASES for g in child.children if g.dep_ == "pobj"
        ):
            return True
    return False


def _habit_frame(verb: Any) -> bool:
    """ "tends to criticize", "has made it a practice to criticize" (the infinitive hangs on
    "made" or on "practice", as the parse has it)."""
    if verb.dep_ not in {"xcomp", "acl", "ccomp"}:
        return False
    head = verb.head
    if head.lemma_.lower() in HABIT_VERBS or head.lemma_.lower() in HABIT_NOUNS:
        return True
    return head.lemma_.lower() == "make" and any(
        c.lemma_.lower() in HABIT_NOUNS for c in head.children
    )


def _reputation(token: Any) -> bool:
    """ "is known for criticizing": a gerund under "for" under a word of reputation."""
    prep = token.head
    return token.dep_ == "pcomp" and prep.lower_ == "for" and prep.head.lower_ in REPUTATION_WORDS


PERFECT_AUX = frozenset({"has", "have", "had", "'s", "'ve", "'d"})


def _standing_attitude(trigger: Trigger) -> bool:
    """ "has been critical of": an adjective predicate under a perfect "been"."""
    verb = trigger.verb
    return (
        trigger.predicative
        and verb.lower_ == "been"
        and any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX for c in verb.children)
    )


def _no_comment(trigger: Trigger) -> bool:
    verb = trigger.verb
    if trigger.event != "REJECT" or verb.lemma_.lower() not in REFUSAL_VERBS:
        return False
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in COMMENT_VERBS:
            return True
        if child.dep_ == "dobj" and child.lower_ in COMMENT_NOUNS:
            return True
    return False


def _idea(trigger: Trigger) -> bool:
    token = trigger.token
    if token.dep_ not in {"pcomp", "pobj"} or token.head.lower_ != "of":
        return _chance_to(trigger.verb)
    noun = token.head.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in IDEA_NOUNS


def _chance_to(verb: Any) -> bool:
    """An infinitive that completes a noun of possibility ("an opportunity to thank the
    faithful", "the right to refuse entry"): an act one may do, not one done."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and verb.head.lemma_.lower() in CHANCE_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


# Nouns whose relative clause tells how something is done, not that it was: "could affect
# the way Inuit are sentenced", "changed the manner in which it arrests traders".
MANNER_NOUNS = frozenset({"way", "manner", "fashion"})


def _manner(trigger: Trigger) -> bool:
    """The act is a relative clause on a noun of manner ("the way migrants are deported")."""
    verb = trigger.verb
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in MANNER_NOUNS


def _alternative(trigger: Trigger) -> bool:
    """ "Either X accepts or it faces ...": a preconjunction "either" on the verb or on the
    verb it is coordinated with."""
    verb = trigger.verb
    nodes = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for node in nodes:
        if any(c.dep_ == "preconj" and c.lower_ == "either" for c in node.children):
            return True
    # the parse may hang "either" on the first clause's subject or first word; "either way"
    # is an adverb ("Either way, the army shelled the town"), not an alternative
    first = (verb.head if verb.dep_ == "conj" else verb).left_edge
    return bool(first.lower_ == "either" and first.head.lower_ != "way")


def _description(trigger: Trigger) -> bool:
    verb = trigger.verb
    if verb.dep_ in {"relcl", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        noun = verb.head
        return noun.head.lemma_.lower() not in BECOMING_VERBS and any(
            c.lower_ in SINGLING_WORDS for c in noun.children
        )
    if trigger.event != "ACCUSE" or verb.lemma_.lower() != "charge":
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(g.dep_ == "pcomp" and g.lemma_.lower() in DUTY_VERBS for g in c.children)
        for c in verb.children
    )


def _forecast(trigger: Trigger) -> bool:
    """ "will almost certainly send": the likelihood word may hang on the verb or on another
    adverb of it."""
    if trigger.event != "AGREE" or trigger.entry.event == "AGREE":
        return False
    adverbs = [c for c in trigger.verb.children if c.dep_ == "advmod"]
    return any(a.lower_ in LIKELIHOOD_ADVERBS for a in adverbs)


def _planned_request(trigger: Trigger) -> bool:
    """ "will seek a warrant", "would appeal the verdict", "plans to ask the council": a
    request announced, not yet made (a promise is coded, a plan to ask is not)."""
    verb = trigger.verb
    return trigger.event == "REQUEST" and (
        future(verb) or any(framed_by_intent(v) for v in chain(verb))
    )


def _preview(trigger: Trigger) -> bool:
    """An act named only as what a party will announce ("plans to announce its withdrawal",
    "is expected to unveil an aid package", "will announce sanctions"): news to come, to
    which the party has not yet bound itself."""
    verb = trigger.verb
    if verb.i == trigger.token.i or verb.lemma_.lower() not in ANNOUNCING_VERBS:
        return False
    return future(verb) or any(framed_by_intent(v) for v in chain(verb))


def _not_yet(trigger: Trigger) -> bool:
    """ "will not be sending the money yet", "has not yet agreed": an act expected later,
    not a refusal (a refusal is read only from a negated act with no "yet")."""
    if trigger.event != "REJECT" or trigger.entry.event == "REJECT":
        return False
    return any(
        c.dep_ == "advmod" and c.lower_ == "yet" for v in chain(trigger.verb) for c in v.children
    )


def _standing_allegation(trigger: Trigger) -> bool:
    """ "X has been accused of using his role ...": the present perfect passive of "accuse"
    with no "by" phrase after it (wherever the parse hangs it: "accused of misusing funds,
    much of it embezzled, by government officials" names the accusers)."""
    verb = trigger.verb
    if trigger.event != "ACCUSE" or verb.lemma_.lower() != "accuse" or verb.tag_ != "VBN":
        return False
    deps = {(c.dep_, c.lower_) for c in verb.children}
    perfect = ("aux", "has") in deps or ("aux", "have") in deps
    named = any(t.lower_ == "by" for t in verb.doc[verb.i + 1 :])
    return perfect and ("auxpass", "been") in deps and not named


READINGS: tuple[tuple[Callable[[Trigger], bool], str], ...] = (
    (_habitual, "a habit, not an act"),
    (_standing_attitude, "a standing attitude, not an act"),
    (_no_comment, "a refusal to comment"),
    (_idea, "an act thought of, not done"),
    (_manner, "a manner of acting, not an act"),
    (_alternative, "one of alternatives"),
    (_description, "a description of someone, not an act"),
    (_forecast, "a forecast, not a promise"),
    (_standing_allegation, "an allegation with no one making it"),
    (_planned_request, "a request planned, not made"),
    (_preview, "an announcement to come"),
    (_not_yet, "an act not done yet, not a refusal"),
    *NO_PARTY,  # acts on no party (``coding.no_party``)
    *UNASSERTED,  # acts charged or denied (``coding.unasserted``)
)


# Types of material acts, whose simple present in a full sentence tells a state or a habit;
# verbal acts ("China opposes the launch", "Peru rejects the claim") are reported in it.
MATERIAL_EVENTS = frozenset(
    {"ASSAULT", "COERCE", "MOBILIZE", "AID", "COOPERATE", "SANCTION", "RETREAT"}
)


def present_state(trigger: Trigger) -> bool:
    """A material act told by a verb in the simple present, with no auxiliary, in a full
    sentence: a standing state or a habit, not an act of the news (see the module
    docstring). The caller leaves the headline and lead paragraph alone."""
    verb = trigger.verb
    if trigger.event not in MATERIAL_EVENTS or trigger.anchor is not None or trigger.nominal:
        return False
    if verb.tag_ not in SIMPLE_PRESENT or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return ends_like_sentence(verb.doc.text)


def no_act(trigger: Trigger) -> str | None:
    """Why the trigger's sentence reports no act (see the module docstring), or None."""
    return next((reason for holds, reason in READINGS if holds(trigger)), None)
