"""Which lexicon row a word is read by: the rows of its lemma, and the conditions they set.

A row may ask for an object (a listed lemma, or a word of a class), a preposition or a particle
on the word, and may exclude objects. The object is the word's direct object, passive subject
or predicate, or the noun a participle modifies ("the curfew imposed"); its compounds and "of"
complements count ("state of emergency"); a class of words is matched on the object itself, and
through a quantity on what it measures ("90 percent of oil imports"). A preposition that only
says when ("fired on Monday") is no preposition a row can ask for. Among the rows met, the most
specific wins, then the surest. A row may also ask that the word ask someone to act with a
to-infinitive ("challenged Y to hold talks", not "challenged the ruling"). A lemma with no
rows falls back to the word without "re" ("reimpose": "impose"), then to the lemmas its form
may inflect (the tagger's "stag" for "staged").
"""

from __future__ import annotations

from typing import Any

from dyads.coding.frames import has_mark, is_time
from dyads.coding.lexicon import Lexicon, TriggerEntry, hyphen_stems

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
VERB_POS = frozenset({"VERB", "AUX"})
# Where a to-infinitive complement hangs: "dared Y to close" (xcomp), "challenged Y to
# preach" (parsed as a clause with Y its subject), "calls to resign" (also parsed as a
# relative clause).
INFINITIVE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl"})
# Heads of a quantity whose "of" phrase is the real object ("most of its exports").
QUANTITY_HEADS = frozenset(
    {"percent", "%", "most", "all", "some", "half", "share", "part", "bulk", "majority", "much"}
)
# A preposition of time whose object is a time (frames.is_time, a DATE or TIME entity) tells
# when, not a party or a target.
TIME_PREPS = frozenset({"on", "in", "at", "during", "since", "until", "before", "after", "over"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _object_words(token: Any) -> list[Any]:
    """The token's objects, with an adjective that completes one ("held Uganda responsible",
    parsed as a clause of its own); a participle's noun is what it acts on ("the photo
    released by", "curfew imposed")."""
    words = [c for c in token.children if c.dep_ in OBJECT_DEPS or _object_complement(c)]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        words.insert(0, token.head)
    return words


def _object_complement(child: Any) -> bool:
    return child.pos_ == "ADJ" and child.dep_ in {"advcl", "xcomp", "ccomp"}


def objects_of(token: Any) -> set[str]:
    """Lemmas of the token's objects, their compounds and "of" complements ("state of
    emergency"), but for an owner ("the letter of the president": ``_owner``)."""
    found: set[str] = set()
    for word in _object_words(token):
        found.update({word.lemma_.lower(), word.lower_})
        if word.i == token.head.i and word.i != token.i:
            continue  # a participle's noun: its own modifiers are not the object's
        for grand in word.children:
            if grand.dep_ in {"compound", "conj", "amod"}:
                found.add(grand.lemma_.lower())
            elif grand.dep_ == "prep" and grand.lower_ == "of":
                found.update(
                    g.lemma_.lower() for g in grand.children if g.dep_ == "pobj" and not _owner(g)
                )
    return found


def _owner(noun: Any) -> bool:
    """An "of" phrase with a definite noun names the object's owner, not what it is made of:
    "received the letter of the president" is the president's letter, where "a delegation of
    ministers" and "a state of emergency" say what the object is."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children)


def object_heads(token: Any) -> set[str]:
    """The lemmas and forms of the token's objects themselves, without their modifiers, but
    through a quantity ("90 percent of oil imports": imports), and the act a party is kept
    from (``_kept_from``)."""
    found = _kept_from(token)
    for word in _object_words(token):
        found.update({word.lemma_.lower(), word.lower_})
        if word.lemma_.lower() in QUANTITY_HEADS:
            found.update(
                g.lemma_.lower()
                for prep in word.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for g in prep.children
                if g.dep_ == "pobj"
            )
    return found


def _kept_from(token: Any) -> set[str]:
    """What a party is barred from doing is what is barred: "barred Kenya from importing
    gas" bans imports, as "banned gas imports" does; the gerund and its object."""
    found: set[str] = set()
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
        for act in (g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"):
            found.add(act.lemma_.lower())
            found.update(o.lemma_.lower() for o in act.children if o.dep_ == "dobj")
    return found


def preps_of(token: Any) -> set[str]:
    """Prepositions on the token, but for those that only say when ("fired on Monday",
    "met in May"): a row that asks for "fire on" means a target. The "for" of an infinitive
    with its own subject counts as one ("called for Uganda to withdraw": the parse makes
    "for" the clause's mark, not a preposition of "called")."""
    preps = {
        c.lower_
        for c in token.children
        if c.dep_ in {"prep", "agent", "dative"} and not _says_when(c)
    }
    if any(for_clause(c) for c in token.children):
        preps.add("for")
    return preps


FOR_MARK = frozenset({"for"})


def for_clause(child: Any) -> bool:
    """An infinitive with its own subject after "for" ("for Uganda to withdraw")."""
    return child.dep_ in {"advcl", "ccomp", "xcomp"} and has_mark(child, FOR_MARK)


def _says_when(prep: Any) -> bool:
    if prep.lower_ not in TIME_PREPS:
        return False
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in TIME_ENTITIES or is_time(o) for o in objects)


def particles_of(token: Any) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "prt"}


def has_infinitive(token: Any) -> bool:
    """The word asks someone to act with a to-infinitive. A verb names the one asked as its
    object or the clause's subject ("dared Uganda to close the border", "challenged
    politicians to preach peace"; "dared to speak" is courage); a noun need not ("calls to
    resign", "a call for Uganda to withdraw")."""
    named = token.pos_ not in VERB_POS or any(c.dep_ == "dobj" for c in token.children)
    for clause in (c for c in token.children if c.dep_ in INFINITIVE_DEPS):
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        subject = any(a.dep_ in {"nsubj", "nsubjpass"} for a in clause.children)
        if infinitive and clause.pos_ in VERB_POS and (named or subject):
            return True
    return False


def rows_for(lexicon: Lexicon, lemma: str, *, pos: str, form: str = "") -> list[TriggerEntry]:
    """Rows of ``lemma`` for a part of speech; "reimpose" falls back to "impose", and a lemma
    the tagger got wrong ("staged" -> "stag") to the lemmas the word form may inflect, or its
    stem may ("re-arrested" -> "arrest")."""
    rows = [r for r in lexicon.rows(lemma) if r.pos == pos]
    if not rows and lemma.startswith("re") and len(lemma) > 5:
        rows = [r for r in lexicon.rows(lemma[2:].lstrip("-")) if r.pos == pos]
    if rows or not form:
        return rows
    for word in (form, *hyphen_stems(form)):
        rows = [r for other in lexicon.lemmas_of(word) for r in lexicon.rows(other) if r.pos == pos]
        if rows:
            break
    return rows


def choose_entry(token: Any, rows: list[TriggerEntry]) -> TriggerEntry | None:
    """The row whose conditions ``token`` meets, most specific first, then surest."""
    objects, preps, particles = objects_of(token), preps_of(token), particles_of(token)
    heads = object_heads(token)
    met: list[TriggerEntry] = []
    for row in rows:
        if (row.objects or row.class_objects) and not (
            row.objects & objects or row.class_objects & heads
        ):
            continue
        if row.excluded_objects & (objects | preps | particles) or row.class_excluded & heads:
            continue
        if row.preps and not row.preps & (preps | particles):
            continue
        if row.particles and not row.particles & (particles | preps):
            continue
        if row.needs_infinitive and not has_infinitive(token):
            continue
        met.append(row)
    if not met:
        return None
    return max(met, key=lambda r: (r.specificity, r.weight))
