"""Where the arguments of a trigger stand in the parse: the tokens that head them.

The actor is the verb's subject, or the agent of a passive ("was attacked by Y"); a verb with
no subject of its own borrows the subject of the verb it is the complement or conjunct of
("agreed to cooperate", "met and discussed"), and a relative clause's "who"/"which" stands
for the noun it hangs on. A participle conjoined to a passive verb is passive too, and shares
its subject ("was found and arrested"). The recipient is found where the lexicon row says:
the direct object, the indirect object, the passive subject, the subject of a that-clause, or
the object of a named preposition on the trigger or on its object ("sanctions on Y"). An
argument's own words are its subtree without the clauses and phrases about something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyads.coding.frames import VERB_TAGS, infinitive
from dyads.coding.speech import speech_words

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
# Clauses told of something else than the clause they hang on: a passive one names no agent
# of its own and takes none from above. A conjunct may ("the ship struck a bridge and 25
# people were injured": the ship did it).
OWN_CLAUSE_DEPS = frozenset({"relcl", "advcl", "pcomp", "acl"})
PARTICIPLE_TAG = "VBN"
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Dependents that leave the argument's core: clauses and phrases about something else.
OUTSIDE_CORE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "prep", "cc"})
# Prepositions that name the members of a group of states or their people: "several
# governments, including Germany", "nations such as Britain", "allies like Japan" (the members
# act or are acted on). Other groups name examples that are no parties ("smartphone makers
# such as Apple", "emergency services including the police").
MEMBER_PREPS = frozenset({"including", "like"})
GROUPS_OF_STATES = frozenset(
    {"country", "nation", "state", "government", "power", "ally", "member", "neighbour",
     "neighbor", "leader", "capital", "partner", "signatory", "economy"}
)  # fmt: skip
# "was stopped, searched, questioned and arrested": lists of acts run to four or five verbs
MAX_CONJUNCTS = 6


PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def several(noun: Any) -> bool:
    """A noun that names several: a plural ("the two sides") or a coordination ("Saudi
    Arabia and Greece")."""
    return noun.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in noun.children)


def agent_objects(verb: Any) -> list[Any]:
    """Who a passive says does its act: the objects of its "by" ("was appalled by Russia's
    bombing", "was assaulted by police")."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def subject_of(token: Any) -> tuple[Any | None, bool, bool]:
    """(subject token, passive, borrowed): the actor-side argument of a verb."""
    if _undergone_above(token):
        # "died after being shot": the subject above undergoes the act, it does not do it
        return None, True, False
    return _doer(token)


def _doer(token: Any) -> tuple[Any | None, bool, bool]:
    node, borrowed, below = token, False, None
    for _ in range(4):  # complement/conjunct chains are short; 4 covers "agreed to try to meet"
        named = _named_doer(node, below)
        if named is not None:
            return named[0], named[1], borrowed
        if node.dep_ in OWN_CLAUSE_DEPS and any(c.dep_ == "nsubjpass" for c in node.children):
            # "was in Dallas when five officers were shot": a subordinate clause with a
            # passive subject of its own names no agent and borrows none from the clause
            # above; in "a migrant who had been deported" the noun is the one acted on
            return None, node.dep_ == "relcl", borrowed
        if node.dep_ == "relcl":
            return node.head, False, borrowed
        above = _lender(node)
        if above is None and node.dep_ == "acl" and _done_by_its_noun(node):
            return node.head, False, borrowed
        if above is None:
            break
        node, borrowed, below = above, True, node
    return None, False, borrowed


def _named_doer(node: Any, below: Any) -> tuple[Any | None, bool] | None:
    """(doer, passive) the verb ``node`` names itself: its agent ("by police"), its
    subject (the noun a relative pronoun stands for), or the one seen doing its gerund
    ``below``; None when it names none."""
    for child in node.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None), True
    for child in node.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return node.head, False
            return child, False
    seen = _seen_doing(node, below) or _raised_doer(node, below)
    return None if seen is None else (seen, False)


# Verbs of seeing and recording: the one seen or filmed doing something does it ("she was
# filmed slapping the soldiers", "he was seen firing at the crowd").
PERCEIVING_VERBS = frozenset(
    {"film", "see", "photograph", "picture", "catch", "spot", "record", "videotape", "show"}
)


def _seen_doing(node: Any, below: Any) -> Any | None:
    """The passive subject of a verb of seeing whose gerund ``below`` is the act: the one
    seen doing it."""
    if below is None or below.tag_ != "VBG" or node.lemma_.lower() not in PERCEIVING_VERBS:
        return None
    return next((c for c in node.children if c.dep_ == "nsubjpass"), None)


# Passive verbs of saying and believing whose passive subject is the one who does what their
# infinitive tells: "soldiers are said to have shelled villages", "the group is believed to
# have carried out the attack" (the soldiers shelled, the group carried it out).
RAISING_VERBS = frozenset(
    {"say", "report", "believe", "think", "allege", "know", "understand", "rumour", "rumor",
     "suspect", "claim", "consider", "presume", "reckon"}
)  # fmt: skip


def _raised_doer(node: Any, below: Any) -> Any | None:
    """The passive subject of a verb of saying or believing whose to-infinitive ``below``
    is the act: the one said or believed to do it."""
    if below is None or below.dep_ != "xcomp" or node.lemma_.lower() not in RAISING_VERBS:
        return None
    if not infinitive(below):
        return None
    return next((c for c in node.children if c.dep_ == "nsubjpass"), None)


def _lender(node: Any) -> Any | None:
    """The verb whose subject a subjectless clause borrows, or None when it borrows none."""
    if node.dep_ == "acl" and node.head.head.i != node.head.i:
        # "issued a declaration demanding ...": the subject of the verb that issues the noun
        # (or the first of nouns joined: "used a post and an interview to accuse"); one who
        # describes or judges it ("described the use of a truck to kill people", "condemned
        # the decision to expel") did not do what it tells
        noun = node.head
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        upper = noun.head
        return upper if upper.lemma_.lower() in ISSUING_VERBS else None
    if node.dep_ == "ccomp" and node.pos_ == "ADJ" and _reports(node.head):
        # '"Very disappointed that China is allowing oil into North Korea," Trump said':
        # a feeling told with no one who feels it is the speaker's own
        return node.head
    if node.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and node.head.i != node.i:
        if node.dep_ == "advcl" and node.head.lemma_.lower() in SUFFERING_VERBS:
            # "has faced a series of attacks, killing dozens": the one who faced them
            # suffered the killing, it did not kill
            return None
        return _clause_verb(node.head)
    return None


def _done_by_its_noun(verb: Any) -> bool:
    """A clause on a noun that tells what the noun does: a present participle ("satellites
    spotted Chinese ships transferring oil"), or a past tense the parse hung on a noun in
    apposition ('Western forces are behind the "Panama Papers", a Chinese newspaper alleged
    Tuesday': the newspaper alleged; "ships seized last week" are seized, not in apposition)."""
    if verb.tag_ == "VBG":
        return True
    return bool(verb.tag_ == "VBD" and verb.head.dep_ == "appos")


def _reports(verb: Any) -> bool:
    return verb.lemma_.lower() in speech_words().reporting


def _clause_verb(token: Any) -> Any:
    """The verb a clause hangs on: the token, or above a preposition ("after" in "died
    after being shot") the verb the preposition hangs on."""
    return token if token.pos_ in VERB_TAGS else token.head


def is_passive(verb: Any) -> bool:
    """A passive verb: with a passive subject or auxiliary of its own, or a participle
    conjoined to a passive verb ("was found and arrested")."""
    node = verb
    for _ in range(MAX_CONJUNCTS):
        if any(c.dep_ in PASSIVE_DEPS for c in node.children):
            return True
        if not _shares_passive_subject(node):
            return False
        node = node.head
    return False


def passive_subjects(verb: Any) -> list[Any]:
    """The passive subject of ``verb``, or of the passive verb a subjectless participle is
    conjoined to: "the woman was found and arrested" is said of the woman twice."""
    node = verb
    for _ in range(MAX_CONJUNCTS):
        own = [c for c in node.children if c.dep_ == "nsubjpass"]
        if not own and node is verb and _subjectless_passive(verb):
            return _subjects_above(verb)
        if own or not _shares_passive_subject(node):
            return own
        node = node.head
    return []


# Verbs whose subject issues the noun an infinitive or participle hangs on, and so does what
# it says: "issued a declaration demanding", "signed a decree ordering", "launched a campaign
# to", "released a statement condemning", "sent a letter urging".
ISSUING_VERBS = frozenset(
    {"issue", "make", "send", "give", "deliver", "publish", "release", "sign", "adopt", "pass",
     "launch", "submit", "file", "table", "present", "unveil", "announce", "lodge", "write",
     "post", "put", "have", "take", "start", "begin", "hold", "mount", "stage", "lead", "join",
     "form", "set", "create", "establish", "pen", "draft", "approve", "introduce", "offer",
     "publicize", "publicise", "defend", "confirm", "reaffirm", "reiterate", "justify",
     "explain", "implement", "enforce", "renew", "express", "voice", "outline", "use",
     "seize"}
)  # fmt: skip
# Verbs whose subject undergoes what their object names: a participle hung on them tells
# what that did, not what the subject did.
SUFFERING_VERBS = frozenset(
    {"face", "suffer", "endure", "experience", "witness", "undergo", "survive", "see"}
)
# Clauses with no subject of their own that hang on another verb: "after being shot",
# "before being killed", "wants to be heard".
BORROWING_DEPS = frozenset({"pcomp", "advcl", "xcomp"})


def _undergone_above(verb: Any) -> bool:
    """A passive participle with no subject or agent of its own in a clause on another verb
    ("died after being shot"): the subject of that verb is the one it is done to, and no one
    named does it."""
    return _subjectless_passive(verb) and not any(c.dep_ == "agent" for c in verb.children)


def _subjectless_passive(verb: Any) -> bool:
    """A passive participle with no subject of its own in a clause on another verb whose
    subject it borrows ("released after being detained by police")."""
    return (
        verb.dep_ in BORROWING_DEPS
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children)
        and bool(_subjects_above(verb))
    )


def _subjects_above(verb: Any) -> list[Any]:
    """The subjects of the verb a subjectless clause hangs on ("after" in "died after
    being shot" leads to "died")."""
    node = _clause_verb(verb.head)
    return [c for c in node.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]


def _shares_passive_subject(node: Any) -> bool:
    """A participle in a chain of conjuncts with no subject of its own."""
    return (
        node.dep_ == "conj"
        and node.tag_ == PARTICIPLE_TAG
        and node.head.i != node.i
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in node.children)
    )


def recipient_tokens(token: Any, where: Sequence[str], *, passive: bool) -> list[Any]:
    """Tokens heading the recipient: per the lexicon row's places, in order."""
    found: list[Any] = []
    objects = [c for c in token.children if c.dep_ in {"dobj", "attr"}]
    for place in where:
        if place == "dobj":
            found.extend(objects)
            if passive:
                found.extend(passive_subjects(token))
        elif place == "dative":
            found.extend(c for c in token.children if c.dep_ in {"dative", "iobj"})
        elif place == "nsubjpass":
            found.extend(passive_subjects(token))
        elif place == "clause":  # "disappointed that Y allowed ...": Y
            clauses = [c for c in token.children if c.dep_ == "ccomp"]
            found.extend(s for c in clauses for s in c.children if s.dep_ in SUBJECT_DEPS)
        else:
            for holder in (token, *objects):
                for child in holder.children:
                    if child.dep_ in {"prep", "dative"} and child.lower_ == place:
                        found.extend(c for c in child.children if c.dep_ == "pobj")
    if passive and token.dep_ == "relcl":
        # the relative pronoun of a passive relative clause stands for the noun it hangs on
        found = [token.head if t.lower_ in RELATIVE_PRONOUNS else t for t in found]
    return found


def core_tokens(head: Any, *, appositions: bool = False) -> set[int]:
    """Indices of the argument's own words: its subtree without clauses about other things.

    "of" phrases stay ("the president of Ghana"), and so do the members a group of states
    names ("governments including Germany", "nations such as Britain"); other prepositional
    phrases and clauses go. Conjuncts are followed ("Turkey and Kazakhstan").
    """
    keep: set[int] = set()
    stack = [head]
    while stack:
        node = stack.pop()
        keep.add(node.i)
        for child in node.children:
            if child.dep_ == "appos" and not appositions:
                continue
            if _in_core(node, child):
                stack.append(child)
    return keep


def _in_core(node: Any, child: Any) -> bool:
    """Whether ``child`` belongs to the argument ``node`` is part of: no clause, no phrase
    but "of" and the members of a group of states."""
    if child.dep_ not in OUTSIDE_CORE:
        return True
    if child.dep_ != "prep":
        return False
    return child.lower_ == "of" or (node.lemma_.lower() in GROUPS_OF_STATES and _members(child))


def _members(prep: Any) -> bool:
    """A preposition that lists a group's members: "including", "like", "such as"."""
    word = prep.lower_
    return word in MEMBER_PREPS or (word == "as" and any(c.lower_ == "such" for c in prep.children))
