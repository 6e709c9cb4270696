"""Write ``src/dyads/data/petrarch_verbs.tsv``: trigger rows read from PETRARCH-2's verb
dictionary ``CAMEO.2.0.txt`` (Open Event Data, MIT), in the columns of ``lexicon.tsv``.

Regenerate with (the dictionary is in ``../shared`` beside the checkout)::

    PYTHONPATH=src .venv/bin/python scripts/petrarch_verbs.py \
        ../shared/resources/petrarch2/CAMEO.2.0.txt

The dictionary's licence notice is kept in ``src/dyads/data/petrarch.LICENSE``, which
``scripts/petrarch_actors.py`` writes for every table derived from the PETRARCH-2 dictionaries.

The dictionary is a list of synonym sets (``&LABEL`` and ``+`` members) followed by verb
blocks: a ``--- NAME [CODE] ---`` line, the verbs of the block (each with optional irregular
forms in ``{...}`` and a code of its own in ``[...]``), and patterns
``- [subject nouns] * [object nouns] [(preposition noun)] [CODE] # VERB``. What becomes a row:

- a verb with a code of its own ("AIRLIFT [073]"): one row with no condition. The other verbs
  of a block are WordNet synonyms that inherit the block's code ("THINK" and "PONDER" under
  a block coded 040, consult); they get no row without a condition;
- a pattern after ``*`` made only of an object noun or synonym set (``AID``, ``&WEAPON``),
  a particle (``OUT``), or an object with a particle or a preposition: a row with that
  ``object``, ``particle`` or ``prep``. A pattern is given to
  the verb its comment names when that verb is in the block (where the pattern was first
  written), else to every verb of the block;
- ``+VERB_PARTICLE`` verbs ("+CALL_OFF"): the verb with that particle or preposition.

Left out and counted: patterns with subject nouns, with a preposition alone (``(TO)``, which
says where the target stands, not what the verb means), with noun phrases (``{MOCK ATTACK}``),
with a noun inside a prepositional phrase (``(INTO CHARGES)``, which the lexicon's
conditions cannot express), with PETRARCH's special tokens (``$``, ``^``, ``%``); verbs
written with words before them (``WIRE_+TAP``) or a non-particle word after them; the
transformation lines (``~``); any code whose PLOVER event is none (``01x`` statements,
``02x`` appeals, the null code ``---``, a ``[:code]`` with no first code); a verb and
condition the dictionary codes two ways; and every row of a generic lemma (``generic_lemmas``:
the widest verbs, the verbs the coder reads as frames, lemmas spread over many CAMEO roots).
A code ``[A:B]`` codes the act of the subject as ``A`` (``B`` is the recipient's side of it).
Rows carry no flags and leave the recipient to the coder's fallback, except a preposition
condition, whose object is the recipient.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from dyads.coding.derive import code_tables
from dyads.coding.frames import BELIEF_HEADS, INTENT_HEADS, NONFACTIVE_HEADS
from dyads.coding.lexicon import COLUMNS
from dyads.coding.light import LIGHT_VERBS

DEFAULT_SOURCE = Path("../shared/resources/petrarch2/CAMEO.2.0.txt")
OUT = Path(__file__).resolve().parents[1] / "src" / "dyads" / "data"

# A row read from the dictionary is surer than nothing and less sure than a hand-written one
# (0.6 to 0.9 in lexicon.tsv): a bare verb says less than a verb with its object or
# preposition, which PETRARCH wrote for that very reading.
BARE_WEIGHT = 0.5
CONDITIONED_WEIGHT = 0.6
# Words after a verb that are verb particles ("call off", "set out"): a pattern word or the
# second half of "+VERB_WORD" that is one of them is a particle condition.
PARTICLES = frozenset(
    {"out", "up", "off", "down", "back", "away", "over", "in", "on", "around", "forward"}
)
PREPOSITIONS = frozenset(
    {"for", "to", "with", "against", "by", "from", "into", "upon", "after", "at", "of", "about"}
)
# The commonest verbs of news text, whose senses are too many for any one CAMEO code: "take",
# "use", "open" or "return" report nothing until their object does, and the coder reads such
# objects as eventive nouns of its own lexicon ("took control", "opened talks").
LIGHT = frozenset(
    {
        "be", "have", "do", "get", "make", "take", "go", "come", "see", "give", "put", "set",
        "say", "tell", "keep", "let", "show", "hold", "bring", "run", "turn", "move", "place",
        "leave", "find", "use", "look", "seem", "appear", "work", "call", "lead", "follow",
        "meet", "play", "start", "begin", "end", "open", "close", "carry", "reach", "pass",
        "stand", "raise", "send", "receive", "face", "return", "hear", "die", "engage",
        "target", "consider",
    }
)  # fmt: skip
# Verbs the coder reads as a frame around another act, never as an act: light verbs carry an
# eventive noun ("held talks"), intent heads make a plan of their complement ("decided to
# withdraw"), non-factive and belief heads make it unasserted ("seemed to", "thought that"),
# and "fail" negates it ("failed to capture": ``dyads.coding.triggers``).
FRAMES = LIGHT_VERBS | INTENT_HEADS | NONFACTIVE_HEADS | BELIEF_HEADS | {"fail"}
# A lemma whose rows span more CAMEO roots than this has no sense of its own in the
# dictionary: "set" reaches 11 roots, "announce" 9, "seize" 4, "arrest" 1. Of the 1,161
# lemmas with a code that maps to a PLOVER event, 1,016 reach at most 3 roots. Chosen from
# these counts, not on evaluation data.
MAX_ROOTS = 3

_CODE = re.compile(r"\[([0-9]*)(?::([0-9]*))?!?\]")
_VERB = re.compile(r"^(?P<word>[A-Z0-9'+_-]+)\s*(?:\{[^}]*\})?\s*(?:\[(?P<code>[^\]]*)\])?")
_BLOCK = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\]")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    lemma: str
    event: str
    mode: str
    cameo: str
    prep: str = ""
    particle: str = ""
    objects: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    weight: float = BARE_WEIGHT
    own: bool = True

    @property
    def bare(self) -> bool:
        return not (self.prep or self.particle or self.objects)

    def cells(self) -> tuple[str, ...]:
        recipient = self.prep if self.prep in PREPOSITIONS else ""
        return (
            self.lemma,
            "V",
            self.event,
            self.mode or "-",
            self.cameo,
            self.prep or "-",
            self.particle or "-",
            "|".join(self.objects) or "-",
            recipient or "-",
            ";".join(self.contexts) or "-",
            f"{self.weight:g}",
            "-",
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition:
    """What a verb or pattern asks for, before its code is mapped."""

    lemma: str
    code: str
    prep: str = ""
    particle: str = ""
    objects: tuple[str, ...] = ()
    own: bool = True  # the code is written on the verb or pattern, not inherited from the block


@dataclass(slots=True)
class Tally:
    """What was read and what was left out, by reason."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str) -> None:
        self.counts[reason] += 1


def strip_comment(line: str) -> tuple[str, str]:
    """The line before its comment (``#`` or ``;``), and the comment."""
    cut = min((i for i in (line.find("#"), line.find(";")) if i >= 0), default=len(line))
    return line[:cut].strip(), line[cut:].lstrip("#;").strip()


def read_synsets(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Single-word members of each ``&LABEL`` synonym set, lower case (phrases left out)."""
    sets: dict[str, list[str]] = {}
    label = ""
    for raw in lines:
        line, _ = strip_comment(raw)
        if line.startswith("&"):
            label = line.split()[0].lstrip("&").rstrip("_")
            sets[label] = []
        elif line.startswith("+") and label:
            word = line[1:].split()[0].rstrip("_")
            if "_" not in word:
                sets[label].append(word.lower())
        elif line.startswith("---"):
            break
    return {label: tuple(dict.fromkeys(words)) for label, words in sets.items()}


def first_code(text: str) -> str:
    """The subject's code of ``[A]`` or ``[A:B]``; empty for ``[---]`` or ``[:B]``."""
    match = _CODE.search(text)
    return match.group(1) if match else ""


def verb_condition(line: str, block_code: str, tally: Tally) -> Condition | None:
    """The verb of a verb line with its code; None (and counted) for what is left out."""
    match = _VERB.match(line)
    if match is None:
        tally.add("verb lines not read")
        return None
    word = match.group("word")
    own = match.group("code") is not None
    code = first_code(f"[{match.group('code')}]") if own else block_code
    if "_" not in word:
        return Condition(lemma=word.lstrip("+").lower(), code=code, own=own)
    head, _, rest = word.partition("_")
    second = rest.lower()
    if not head.startswith("+") or "_" in rest or "+" in rest:
        tally.add("multi-word verbs left out")
        return None
    lemma = head[1:].lower()
    if second in PARTICLES:
        return Condition(lemma=lemma, code=code, particle=second, own=own)
    if second in PREPOSITIONS:
        return Condition(lemma=lemma, code=code, prep=second, own=own)
    tally.add("multi-word verbs left out")
    return None


def pattern_condition(
    body: str, synsets: Mapping[str, tuple[str, ...]], tally: Tally
) -> Condition | None:
    """The condition of a pattern's text (after the ``-``, before the code), with an empty
    lemma; None (and counted) for a pattern the lexicon's columns cannot express."""
    pre, star, post = body.partition("*")
    found = _after_verb(post, synsets) if star and not pre.strip() else None
    if isinstance(found, Condition):
        return found
    if not star:
        tally.add("patterns without '*' left out")
    elif pre.strip():
        tally.add("patterns with subject nouns left out")
    else:
        tally.add(f"patterns with {found} left out")
    return None


def _after_verb(post: str, synsets: Mapping[str, tuple[str, ...]]) -> Condition | str:
    """The condition of the words after the verb, or why they are left out."""
    prep, particle = "", ""
    objects: tuple[str, ...] = ()
    for token in _TOKEN.findall(post):
        if token.startswith("("):
            words = token[1:-1].split()
            if len(words) != 1 or prep or words[0].lower() not in PREPOSITIONS:
                return "a noun in a prepositional phrase"
            prep = words[0].lower()
        elif token.startswith("&") and not objects:
            objects = synsets.get(token[1:].rstrip("_"), ())
            if not objects:
                return "an unknown synonym set"
        elif token.lower() in PARTICLES and not particle and not objects:
            particle = token.lower()
        elif re.fullmatch(r"[A-Z][A-Z'-]*", token) and not objects:
            objects = (token.lower(),)
        else:
            return "phrases or special tokens"
    if not (prep or particle or objects):
        return "no condition"
    if prep and not (particle or objects):
        # "FLY * (TO)", "COMMUNICATE * (WITH)": the preposition tells where the target
        # stands, as TABARI's patterns did, not a sense of the verb; most verbs take one
        return "a preposition alone"
    return Condition(lemma="", code="", prep=prep, particle=particle, objects=objects)


@dataclass(slots=True)
class Block:
    """One verb block while it is read: its code, verbs, and patterns with the verb their
    comment names."""

    code: str = ""
    verbs: list[Condition] = field(default_factory=list)
    patterns: list[tuple[Condition, str]] = field(default_factory=list)

    def conditions(self) -> Iterator[Condition]:
        """The verbs, then each pattern for the verb its comment names when that verb is in
        the block (where the pattern was first written), else for every verb of the block."""
        lemmas = tuple(dict.fromkeys(c.lemma for c in self.verbs))
        yield from self.verbs
        for condition, named in self.patterns:
            for lemma in (named,) if named in lemmas else lemmas:
                yield replace(condition, lemma=lemma)


def read_conditions(lines: list[str], tally: Tally) -> Iterator[Condition]:
    """Every verb and pattern of the verb blocks as a condition with its code."""
    synsets = read_synsets(lines)
    block: Block | None = None
    for raw in lines:
        if raw.startswith("---"):
            if block is not None:
                yield from block.conditions()
            match = _BLOCK.match(raw)
            block = Block(code=first_code(f"[{match.group('code')}]") if match else "")
            continue
        line, comment = strip_comment(raw)
        if block is None or not line:
            continue
        if line.startswith("~"):
            tally.add("transformations left out")
        elif line.startswith("-"):
            tally.add("patterns read")
            body, _, code_text = line[1:].rpartition("[")
            condition = pattern_condition(body, synsets, tally)
            if condition is not None:
                named = comment.split()[0].lower() if comment else ""
                code = first_code("[" + code_text)
                block.patterns.append((replace(condition, code=code), named))
        else:
            verb = verb_condition(line, block.code, tally)
            if verb is not None:
                block.verbs.append(verb)
    if block is not None:
        yield from block.conditions()


def to_rows(conditions: Iterable[Condition], tally: Tally) -> list[Row]:
    """Conditions whose code maps to a PLOVER event, as rows; generic lemmas lose bare rows."""
    tables = code_tables()
    conditions = list(conditions)
    disputed = _disputed(conditions)
    rows: list[Row] = []
    for condition in conditions:
        plover = tables.plover_of(condition.code) if condition.code else None
        if _key(condition) in disputed:
            tally.add("verbs and patterns the dictionary codes two ways left out")
            continue
        if plover is None:
            tally.add("verbs and patterns whose code maps to no PLOVER event")
            continue
        bare = not (condition.prep or condition.particle or condition.objects)
        rows.append(
            Row(
                lemma=condition.lemma,
                event=plover.event,
                mode=plover.mode or "",
                cameo=condition.code,
                prep=condition.prep,
                particle=condition.particle,
                objects=condition.objects,
                contexts=plover.contexts,
                weight=BARE_WEIGHT if bare else CONDITIONED_WEIGHT,
                own=condition.own,
            )
        )
    generic = generic_lemmas(rows)
    kept = []
    for row in rows:
        if row.lemma in generic:
            tally.add("rows of generic lemmas left out")
        elif row.bare and not row.own:
            tally.add("bare rows with the block's code left out")
        else:
            kept.append(row)
    return unique(kept, tally)


def _key(item: Condition | Row) -> tuple[str, str, str, tuple[str, ...]]:
    return (item.lemma, item.prep, item.particle, item.objects)


def _disputed(conditions: Iterable[Condition]) -> set[tuple[str, str, str, tuple[str, ...]]]:
    """Lemma and condition pairs that the dictionary gives codes of two PLOVER events (or an
    event and a code of none: "express" + "shock" is both 012 and 111); a block's null code
    disputes nothing."""
    tables = code_tables()
    events: dict[tuple[str, str, str, tuple[str, ...]], set[str]] = {}
    for condition in conditions:
        if condition.code:
            plover = tables.plover_of(condition.code)
            event = plover.event if plover is not None else "-"
            events.setdefault(_key(condition), set()).add(event)
    return {key for key, found in events.items() if len(found) > 1}


def generic_lemmas(rows: Iterable[Row]) -> frozenset[str]:
    """Lemmas left to the coder's own reading: the widest verbs and the frame verbs
    (``LIGHT``, ``FRAMES``), any lemma whose rows reach more than ``MAX_ROOTS`` CAMEO roots,
    and any whose rows without a condition disagree on the event."""
    roots: dict[str, set[str]] = {}
    bare_events: dict[str, set[str]] = {}
    for row in rows:
        roots.setdefault(row.lemma, set()).add(row.cameo[:2])
        if row.bare:
            bare_events.setdefault(row.lemma, set()).add(row.event)
    wide = {lemma for lemma, found in roots.items() if len(found) > MAX_ROOTS}
    split = {lemma for lemma, found in bare_events.items() if len(found) > 1}
    return frozenset(LIGHT | FRAMES | wide | split)


def unique(rows: Iterable[Row], tally: Tally) -> list[Row]:
    """One row per lemma and condition: the first code read wins (the dictionary lists the
    verb's own block first); rows sorted by lemma, then condition."""
    seen: dict[tuple[str, str, str, tuple[str, ...]], Row] = {}
    for row in rows:
        key = _key(row)
        if key in seen:
            tally.add("duplicate lemma and condition left out")
            continue
        seen[key] = row
    return sorted(seen.values(), key=lambda r: (r.lemma, r.cells()))


def render(rows: Iterable[Row]) -> str:
    header = [
        "# Trigger rows read from PETRARCH-2's verb dictionary CAMEO.2.0.txt by",
        "# scripts/petrarch_verbs.py (do not edit; see README.md, section petrarch_verbs.tsv).",
        "# Columns as in lexicon.tsv; a lemma of lexicon.tsv keeps only its own rows there.",
        "\t".join(COLUMNS),
    ]
    return "\n".join([*header, *("\t".join(row.cells()) for row in rows)]) + "\n"


def convert(text: str, tally: Tally | None = None) -> str:
    """The table for a dictionary's text."""
    tally = tally if tally is not None else Tally()
    return render(to_rows(read_conditions(text.splitlines(), tally), tally))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write into")
    args = parser.parse_args(argv)
    tally = Tally()
    table = convert(args.source.read_text("utf-8", errors="replace"), tally)
    (args.out / "petrarch_verbs.tsv").write_text(table, "utf-8")
    rows = table.count("\n") - 4
    sys.stdout.write(f"rows written: {rows}\n")
    for reason, count in sorted(tally.counts.items()):
        sys.stdout.write(f"{reason}: {count}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
