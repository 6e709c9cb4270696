"""The trigger lexicon: which words report which PLOVER events, read from ``data/lexicon.tsv``.

Each row names a lemma and the conditions under which it reports an event (a preposition or
particle on the word, the lemma of its object). A lemma may have several rows; the row whose
conditions are all met and which asks for the most of them wins, so "call for" beats "call".

The lexicon also gives the set of surface forms of every trigger lemma, so a sentence can be
skipped without parsing when none of its words could be a trigger.

A second table, ``data/petrarch_verbs.tsv`` (read from PETRARCH-2's verb dictionary by
``scripts/petrarch_verbs.py``), may stand behind the hand-written one: its rows serve only
lemmas that ``lexicon.tsv`` lacks, so a hand-written lemma keeps exactly its own rows.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from dyads.errors import LexiconError

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

COLUMNS = (
    "lemma",
    "pos",
    "event",
    "mode",
    "cameo",
    "prep",
    "particle",
    "object",
    "recipient",
    "contexts",
    "weight",
    "flags",
)
FLAGS = frozenset(
    {"govern", "intent", "reciprocal", "target", "clause", "light", "nominal", "infinitive"}
)
# Events of bodily force: done to people, places and things, never to what is said or
# decided. A row of one that names no object of its own is ruled out by an object of the
# class ABSTRACT ("attacked the inquiry", "shot down the proposal" report no violence).
FORCE_EVENTS = frozenset({"ASSAULT"})
ABSTRACT = "discourse"
CLASS_MARK = "@"
# "re" + a verb of at least four letters: "reimpose", "re-arrest", not "read" or "react".
REPEAT_PREFIX_MIN = 5

# Past tenses and participles that the regular rules of ``surface_forms`` cannot build.
IRREGULAR: Mapping[str, tuple[str, ...]] = {
    "meet": ("met",),
    "hold": ("held",),
    "bring": ("brought",),
    "send": ("sent",),
    "fight": ("fought",),
    "shoot": ("shot",),
    "strike": ("struck", "stricken"),
    "give": ("gave", "given"),
    "make": ("made",),
    "withdraw": ("withdrew", "withdrawn"),
    "seek": ("sought",),
    "lend": ("lent",),
    "have": ("had", "has"),
    "pay": ("paid",),
    "beat": ("beaten",),
    "begin": ("began", "begun"),
    "break": ("broke", "broken"),
    "freeze": ("froze", "frozen"),
    "hit": ("hit",),
    "cut": ("cut",),
    "put": ("put",),
    "forgive": ("forgave", "forgiven"),
    "blow": ("blew", "blown"),
    "bar": ("barred",),
    "ban": ("banned",),
    "stab": ("stabbed",),
    "rebuff": ("rebuffed",),
    "hand": ("handed",),
    "lodge": ("lodged",),
    "free": ("freed",),
    "plead": ("pled",),
    "slam": ("slammed",),
    "commit": ("committed",),
    "sentence": ("sentenced",),
    "defy": ("defied", "defies"),
    "take": ("took", "taken"),
    "sell": ("sold",),
    "buy": ("bought",),
    "win": ("won",),
    "withhold": ("withheld",),
    "uphold": ("upheld",),
    "withstand": ("withstood",),
    "oversee": ("oversaw", "overseen"),
    "overrun": ("overran",),
    "overcome": ("overcame",),
    "overtake": ("overtook", "overtaken"),
    "draw": ("drew", "drawn"),
    "fly": ("flew", "flown"),
    "lay": ("laid",),
    "swear": ("swore", "sworn"),
    "tear": ("tore", "torn"),
    "write": ("wrote", "written"),
    "burn": ("burnt",),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class TriggerEntry:
    """One row of the lexicon: a word, the event it reports, and the conditions it needs."""

    lemma: str
    pos: str  # "V" or "N"
    event: str
    mode: str | None = None
    cameo: str | None = None
    preps: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    excluded_objects: frozenset[str] = frozenset()
    # words of the ``@class`` names in the object column (``word_classes.tsv``): matched
    # against the object's own word only, not its modifiers ("the tax office" is no tax)
    class_objects: frozenset[str] = frozenset()
    class_excluded: frozenset[str] = frozenset()
    recipient: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    weight: float = 0.5
    flags: frozenset[str] = frozenset()
    fallback: bool = False  # a row of the table behind the hand-written one (``layered``)

    @property
    def specificity(self) -> int:
        """How much the row asks for: more specific rows win; an object counts double, since
        it says more about the act than a preposition ("fired a missile into the sea"); an
        infinitive asked for counts as a preposition does."""
        objects = bool(self.objects or self.class_objects)
        return (
            int(bool(self.preps))
            + int(bool(self.particles))
            + 2 * int(objects)
            + int(self.needs_infinitive)
        )

    @property
    def governs(self) -> bool:
        return "govern" in self.flags

    @property
    def reciprocal(self) -> bool:
        return "reciprocal" in self.flags

    @property
    def intent(self) -> bool:
        return "intent" in self.flags

    @property
    def needs_target(self) -> bool:
        """The word reports a political event only with a recipient ("investigated the
        minister", not "investigated the crash")."""
        return "target" in self.flags

    @property
    def light_only(self) -> bool:
        """A noun that reports the event only as the object of a light verb: "made a
        threat" is one, "the threat from X" names a danger."""
        return "light" in self.flags

    @property
    def nominal_only(self) -> bool:
        """A noun that reports the event only with parties of its own ("charges against
        X", "X faces charges"), never as a light verb's object: "took charge of", "paid the
        charges" name a duty and a price."""
        return "nominal" in self.flags

    @property
    def needs_infinitive(self) -> bool:
        """The word reports the event only when it asks someone to act with a
        to-infinitive: "challenged Kenya to hold talks" asks, "challenged the ruling" and
        "dared to speak" do not (``rows.has_infinitive``)."""
        return "infinitive" in self.flags

    @property
    def needs_act_clause(self) -> bool:
        """A clause under the word must report an act for the word to report one: "warned
        that it would retaliate" is a threat, "warned that the launch will raise tensions" a
        forecast; "helped the rebels fight" is aid, "helped the party enter parliament" not."""
        return "clause" in self.flags


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lexicon rows by lemma and the surface forms of every lemma."""

    entries: Mapping[str, tuple[TriggerEntry, ...]]
    surface: frozenset[str]
    lemmas: Mapping[str, tuple[str, ...]]  # surface form -> lemmas it may be a form of

    def rows(self, lemma: str) -> tuple[TriggerEntry, ...]:
        return self.entries.get(lemma, ())

    def lemmas_of(self, form: str) -> tuple[str, ...]:
        """Lemmas of which ``form`` is a regular or listed inflection ("staged" -> "stage")."""
        return self.lemmas.get(form.lower(), ())

    def might_trigger(self, text: str) -> bool:
        """True when some word of ``text`` is a form of a trigger lemma (no parsing), or
        one with a prefix of repetition or partnership before a hyphen ("re-imposed")."""
        surface = self.surface
        return any(
            word in surface or ("-" in word and any(w in surface for w in hyphen_stems(word)))
            for word in _WORD.findall(text.lower())
        )

    @classmethod
    def load(cls, path: Path | None = None, *, behind: Path | None = None) -> Lexicon:
        """The lexicon of ``path`` (default: the packaged ``lexicon.tsv``), with the rows of
        ``behind`` for the lemmas it lacks."""
        rows = list(read_table(path, name="lexicon.tsv"))
        if behind is not None:
            rows = layered(rows, read_table(behind, name="petrarch_verbs.tsv"))
        return cls.from_rows(rows)

    @classmethod
    def load_default(cls, *, petrarch_verbs: bool) -> Lexicon:
        """The packaged lexicon, with ``petrarch_verbs.tsv`` behind it when asked."""
        rows = list(read_table(None, name="lexicon.tsv"))
        if petrarch_verbs:
            rows = layered(rows, read_table(None, name="petrarch_verbs.tsv"))
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows: Iterable[TriggerEntry]) -> Lexicon:
        grouped: dict[str, list[TriggerEntry]] = {}
        for row in rows:
            grouped.setdefault(row.lemma, []).append(row)
        for lemma, group in list(grouped.items()):
            twin = british_spelling(lemma)
            if twin is None:
                continue
            # a hand-written row of one spelling stands before a dictionary row of the other
            behind = twin in grouped and all(r.fallback for r in grouped[twin])
            if twin not in grouped or (behind and not all(r.fallback for r in group)):
                grouped[twin] = [replace(row, lemma=twin) for row in group]
        entries = {lemma: tuple(group) for lemma, group in grouped.items()}
        lemmas: dict[str, list[str]] = {}
        for lemma in entries:
            for form in surface_forms(lemma):
                lemmas.setdefault(form, []).append(lemma)
        return cls(
            entries=entries,
            surface=frozenset(lemmas),
            lemmas={form: tuple(found) for form, found in lemmas.items()},
        )


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@cache
def default_lexicon(*, petrarch_verbs: bool = False) -> Lexicon:
    """The packaged lexicon, read once per process (and per choice of the second table)."""
    return Lexicon.load_default(petrarch_verbs=petrarch_verbs)


def read_table(path: Path | None, *, name: str) -> Iterable[TriggerEntry]:
    """Rows of a lexicon file, or of the packaged table ``name`` when ``path`` is None."""
    if path is None:
        text = resources.files("dyads.data").joinpath(name).read_text("utf-8")
        source = f"dyads/data/{name}"
    else:
        text = path.read_text("utf-8")
        source = str(path)
    return parse_rows(text.splitlines(), source=source)


def layered(front: Iterable[TriggerEntry], behind: Iterable[TriggerEntry]) -> list[TriggerEntry]:
    """The rows of ``front``, then the rows of ``behind`` whose lemma ``front`` lacks: a lemma
    written by hand is never mixed with rows read from elsewhere. A prefixed lemma whose base
    is written by hand ("reimpose", "re-impose" for "impose") is left to the base, as the
    trigger finder reads it when the lemma has no rows of its own."""
    rows = list(front)
    known = {row.lemma for row in rows}
    return [
        *rows,
        *(
            replace(r, fallback=True)
            for r in behind
            if r.lemma not in known and unprefixed(r.lemma) not in known
        ),
    ]


def unprefixed(lemma: str) -> str:
    """``lemma`` without a leading "re" ("reimpose" -> "impose"), for lemmas long enough to
    carry one; the lemma itself otherwise."""
    if lemma.startswith("re") and len(lemma) > REPEAT_PREFIX_MIN:
        return lemma[2:].lstrip("-")
    return lemma


def _field(value: str) -> str:
    return "" if value.strip() in {"", "-"} else value.strip()


def _set(value: str) -> frozenset[str]:
    return frozenset(part for part in _field(value).split("|") if part)


def parse_rows(lines: Iterable[str], *, source: str) -> Iterable[TriggerEntry]:
    """Rows of a lexicon file; ``#`` lines are comments, the first other line the header."""
    data = [line for line in lines if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(data, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise LexiconError(f"{source}: the header must be {' '.join(COLUMNS)}")
    for number, row in enumerate(reader, start=2):
        yield _entry(row, where=f"{source} row {number}")


def _entry(row: Mapping[str, str], *, where: str) -> TriggerEntry:
    event = row["event"].strip()
    if event not in EVENT_TYPES:
        raise LexiconError(f"{where}: unknown PLOVER event {event!r}")
    flags = _set(row["flags"].replace(";", "|"))
    if not flags <= FLAGS:
        raise LexiconError(f"{where}: unknown flags {sorted(flags - FLAGS)}")
    try:
        weight = float(row["weight"])
    except ValueError:
        raise LexiconError(f"{where}: weight {row['weight']!r} is not a number") from None
    words = _set(row["object"])
    negative = _field(row["object"]).startswith("!")
    words = frozenset(w.lstrip("!") for w in words)
    named = {w for w in words if w.startswith(CLASS_MARK)}
    classes = word_classes()
    unknown = sorted(n for n in named if n[1:] not in classes)
    if unknown:
        raise LexiconError(f"{where}: unknown word classes {unknown}")
    class_words = frozenset(w for n in named for w in classes[n[1:]])
    plain = words - named
    objects, excluded = (frozenset(), plain) if negative else (plain, frozenset())
    class_objects, class_excluded = (
        (frozenset(), class_words) if negative else (class_words, frozenset())
    )
    if event in FORCE_EVENTS and not objects and not class_objects:
        class_excluded |= classes[ABSTRACT]
    return TriggerEntry(
        lemma=row["lemma"].strip().lower(),
        pos=row["pos"].strip(),
        event=event,
        mode=_field(row["mode"]) or None,
        cameo=_field(row["cameo"]) or None,
        preps=_set(row["prep"]),
        particles=_set(row["particle"]),
        objects=objects,
        excluded_objects=excluded,
        class_objects=class_objects,
        class_excluded=class_excluded,
        recipient=tuple(sorted(_set(row["recipient"]))),
        contexts=tuple(c for c in _field(row["contexts"]).split(";") if c),
        weight=weight,
        flags=flags,
    )


@cache
def word_classes() -> Mapping[str, frozenset[str]]:
    """The word classes of ``data/word_classes.tsv``: class name -> lower-case words."""
    text = resources.files("dyads.data").joinpath("word_classes.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    classes: dict[str, frozenset[str]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        classes[row["class"].strip()] = _set(row["words"].lower())
    if ABSTRACT not in classes:
        raise LexiconError(f"word_classes.tsv: no class {ABSTRACT!r}")
    return classes


# American endings and their British spellings ("normalize", "normalise"; "analyze").
_BRITISH_ENDINGS = (
    ("ization", "isation"),
    ("izations", "isations"),
    ("ize", "ise"),
    ("yze", "yse"),
)


def british_spelling(lemma: str) -> str | None:
    """The British spelling of an American "-ize" lemma ("normalize": "normalise"), or None:
    a row written once reads both ("Kenya normalised relations with Uganda")."""
    for american, british in _BRITISH_ENDINGS:
        if lemma.endswith(american) and len(lemma) > len(american) + 2:
            return lemma[: -len(american)] + british
    return None


# Prefixes a hyphen keeps on a verb ("re-imposed", "co-hosted", "pre-empted"); the tokenizer
# keeps such a word whole (``dyads.nlp.parser``) and the lexicon reads it by its stem.
HYPHEN_PREFIXES = ("re", "co", "pre")


def hyphen_stems(form: str) -> tuple[str, ...]:
    """The forms a lexicon may list a prefixed word under: joined, then its stem ("re-imposed":
    "reimposed", "imposed"; "co-operate": "cooperate", "operate"); none for other words."""
    prefix, hyphen, stem = form.partition("-")
    if not hyphen or prefix not in HYPHEN_PREFIXES or not stem.isalpha():
        return ()
    return (prefix + stem, stem)


def surface_forms(lemma: str) -> frozenset[str]:
    """The lemma and its regular inflections (plus known irregular ones), lowercased."""
    forms = {lemma, *IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
        forms |= {plural, lemma + "ed", lemma + "ing"}
        if _doubles_final(lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(forms)


def _doubles_final(lemma: str) -> bool:
    """Short consonant-vowel-consonant verbs double their last letter: ban -> banned."""
    vowels = "aeiou"
    return (
        len(lemma) >= 3
        and lemma[-1] not in vowels + "wxy"
        and lemma[-2] in vowels
        and lemma[-3] not in vowels
    )
