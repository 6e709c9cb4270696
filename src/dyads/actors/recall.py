"""Words that point back to an actor named before: pronouns and remembered surnames.

- "he" / "she" / "him" / "her": a person named as a subject earlier in the same sentence
  ("Trump said he was willing ...", "Moon, who said he hoped ..."), else the last person
  (the subject of the last sentence that had one), unless the sentence speaks of an unnamed
  person before it ("the attacker is killed; he pledges allegiance ..."): no one named;
- a capitalised word that is a remembered surname ("Dere also met ..."), also when spaCy has
  tagged it as an organisation or a place, unless a different given name comes before it
  ("Dominique Molina" after "Tony Molina");
- "the two sides", "both countries" (``dyads.actors.pairs``): two parties named together;
- "it" / "its" and "they" / "their": the last subject that was a country, body or group
  ("Iran said it would ...", "NATO said its troops ...", "the rebels said they ..."). These
  are resolved from the memory when the unit itself is resolved, so that a subject earlier in
  the same sentence counts. "it" is only taken as the subject of a verb that reports what
  someone does or says (not "it is", "it seems", "it takes"), and "its" / "their" only when
  they qualify a word that names an actor ("its troops", not "its borders").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyads.actors.memory import HONORIFICS, ArticleMemory
from dyads.actors.pairs import PERSON_NOUNS, pair_sector
from dyads.actors.unit import Unit
from dyads.records import MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_BODY_SUBJECTS = frozenset({"it", "they"})
_BODY_POSSESSIVES = frozenset({"its", "their"})
# Verbs whose subject "it" / "they" is mostly not an actor: copulas and raising verbs ("it
# is", "it seems"), and verbs of extraposed or weather-like "it" ("it takes", "it means").
_EMPTY_SUBJECT_VERBS = frozenset(
    {
        "be",
        "seem",
        "appear",
        "remain",
        "become",
        "take",
        "mean",
        "matter",
        "happen",
        "cost",
        "look",
        "sound",
        "come",
        "rain",
        "follow",
        "emerge",
        "feel",
        "include",
        "contain",
    }
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def recalled_units(doc: Doc, memory: ArticleMemory, owner: list[Unit | None]) -> list[Unit]:
    """Units for the pronouns and remembered surnames of ``doc`` not claimed by another unit."""
    units = []
    for token in doc:
        if owner[token.i] is not None:
            continue
        unit = Unit(kind=MentionKind.PERSON, first=token.i, last=token.i, head=token.i)
        if _body_pronoun(token, owner):
            unit.kind = MentionKind.ORGANISATION
            unit.pronoun = token.lower_
        elif token.lower_ in _PERSON_PRONOUNS and token.pos_ == "PRON" and token.dep_ != "poss":
            unit.recalled = None if _unnamed_before(doc, token, owner) else memory.last_person
            unit.person_pronoun = True
        elif token.pos_ == "PROPN" and token.text[:1].isupper():
            name = _with_given_name(token, owner)
            unit.recalled = memory.person_by_name(name)
            if unit.recalled is None and name != token.text and memory.person_by_name(token.text):
                unit.first, unit.person = token.i - 1, name  # a namesake: a new person
        if unit.recalled or unit.person or unit.pronoun is not None or unit.person_pronoun:
            units.append(unit)
            for i in unit.tokens():
                owner[i] = unit
    return units


# Nouns of people the news does not name ("the girl", "a man", "the suspect"): a "he" or
# "she" after one in the same sentence most likely stands for that person, not for the
# last person the article named.
UNNAMED_PERSONS = frozenset(
    {"man", "woman", "girl", "boy", "child", "teenager", "teen", "suspect", "driver",
     "victim", "attacker", "assailant", "shooter", "gunman", "mother", "father", "son",
     "daughter", "wife", "husband", "brother", "sister", "girlfriend", "boyfriend",
     "patient", "passenger", "student", "worker", "resident", "witness", "owner", "friend"}
)  # fmt: skip


def _unnamed_before(doc: Doc, pronoun: Token, owner: list[Unit | None]) -> bool:
    """An unnamed person, not taken for an actor, named before ``pronoun`` in its sentence."""
    return any(
        t.lemma_.lower() in UNNAMED_PERSONS and t.pos_ == "NOUN" and owner[t.i] is None
        for t in doc[: pronoun.i]
    )


def pair_units(doc: Doc, owner: list[Unit | None]) -> list[Unit]:
    """Units for "the two sides", "both countries": resolved to the two states named last."""
    units = []
    for token in doc:
        is_pair, sector = pair_sector(token)
        if not is_pair or owner[token.i] is not None:
            continue
        first = min([token.i, *(c.i for c in token.children if c.i < token.i)])
        if any(owner[i] is not None for i in range(first, token.i + 1)):
            continue
        unit = Unit(kind=MentionKind.COUNTRY, first=first, last=token.i, head=token.i)
        unit.pair, unit.pair_sector = True, sector
        unit.pair_persons = token.lower_ in PERSON_NOUNS
        units.append(unit)
        for i in unit.tokens():
            owner[i] = unit
    return units


def remembered_person_entity(ent: Span, memory: ArticleMemory) -> bool:
    """Whether an entity spaCy tagged as an organisation or place is a remembered person.

    True for the person's full name, or for a single word that is a remembered surname
    ("Bello said" after "Interior Minister Omar Bello").
    """
    text = ent.text.removesuffix("'s").strip()
    known = memory.person_by_name(text) if text else None
    if known is None:
        return False
    return len(ent) == 1 or known.name.lower() == text.lower()


def _with_given_name(token: Token, owner: list[Unit | None]) -> str:
    """A surname with the capitalised name word before it ("Dominique Molina"), so that the
    memory tells a namesake from the person it knows ("Tony Molina")."""
    before = token.nbor(-1) if token.i > 0 else None
    if (
        before is not None
        and owner[before.i] is None
        and before.is_alpha
        and before.lower_ not in HONORIFICS
        and before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.dep_ == "compound"
        and before.head.i == token.i
    ):
        return f"{before.text} {token.text}"
    return token.text


def _body_pronoun(token: Token, owner: list[Unit | None]) -> bool:
    word = token.lower_
    if token.pos_ != "PRON" and word not in _BODY_POSSESSIVES:
        return False
    if word in _BODY_SUBJECTS:
        head = token.head
        return token.dep_ in _SUBJECT_DEPS and head.lemma_.lower() not in _EMPTY_SUBJECT_VERBS
    if word in _BODY_POSSESSIVES:
        return token.dep_ == "poss" and owner[token.head.i] is not None and not _own(token.head)
    return False


def _own(noun: Token) -> bool:
    """Whether "its X" is what the clause's own subject acts on ("Israel reinforced its forces").

    Such an X belongs to the one acting and is no second party of the event, so "its" is left
    unresolved; "NATO said its troops would stay", where "its troops" is the subject, is not.
    """
    token = noun
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if token.dep_ in _SUBJECT_DEPS:
            return False
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return False
    while token.dep_ == "xcomp" and token.head.i != token.i:
        token = token.head  # "offered to hand over its nationals": the subject of "offered"
    return any(child.dep_ in _SUBJECT_DEPS for child in token.children)
