"""The trigger rows read from PETRARCH-2's verb dictionary: the converter on a dictionary
written here, the shipped table against the converter, and the table standing behind the
hand-written lexicon."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dyads.coding.lexicon import (
    Lexicon,
    british_spelling,
    default_lexicon,
    layered,
    parse_rows,
    read_table,
    unprefixed,
)
from tests.conftest import ROOT, SHARED, make_article

PETRARCH = SHARED / "resources" / "petrarch2"
DATA = ROOT / "src" / "dyads" / "data"

# A small dictionary in PETRARCH's syntax, written for this test: a synonym set, a block with
# a code, a block without one, verbs with their own codes and particles, and patterns of
# every kind the converter reads or leaves out.
SNIPPET = """\
# a test dictionary
&GADGET
+WIDGET
+GIZMO
+FLUX_CAPACITOR

####### VERB PATTERNS #######

---  BEFRIEND   [051]  ---
BEFRIEND [051]
ENCHANT {ENCHANTS ENCHANTED ENCHANTING}
+CHEER_UP [051]
- * (WITH)                                     [051]   # BEFRIEND
- * GIFT (TO)                                  [071]   # ENCHANT
- * &GADGET                                    [072]   # BEFRIEND
- * {WARM WELCOME}                             [051]   # BEFRIEND
- * (WITH PRESENTS)                            [071]   # ENCHANT
- &MILITARY * GIFT                             [072]   # BEFRIEND

---  FIDDLE   [---]  ---
FIDDLE
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED WIRE_+TAPPING}
TINKER [010]
- * OUT SIEGE                                  [191]   # FIDDLE
- * (AGAINST)                                  [:190]  # FIDDLE
- * LEVER                                      [042:043]
- * $ (INTO) ^                                 [190]   # TINKER

~ a (a b Q) SAY = a b Q
"""


def _script() -> ModuleType:
    """``scripts/petrarch_verbs.py`` as a module (the scripts are not a package)."""
    path = ROOT / "scripts" / "petrarch_verbs.py"
    spec = importlib.util.spec_from_file_location("petrarch_verbs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("petrarch_verbs", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _converted() -> tuple[Lexicon, Any]:
    script = _script()
    tally = script.Tally()
    table = script.convert(SNIPPET, tally)
    return Lexicon.from_rows(parse_rows(table.splitlines(), source="snippet")), tally


def _conditions(lexicon: Lexicon, lemma: str) -> set[tuple[Any, ...]]:
    return {
        (r.event, r.cameo, tuple(sorted(r.preps)), tuple(sorted(r.particles)), r.objects)
        for r in lexicon.rows(lemma)
    }


def test_petrarch_converter_reads_verbs_and_simple_patterns() -> None:
    lexicon, _ = _converted()
    assert _conditions(lexicon, "befriend") == {
        ("SUPPORT", "051", (), (), frozenset()),
        ("AID", "072", (), (), frozenset({"widget", "gizmo"})),
    }
    # a pattern goes to the verb its comment names; a verb without a code of its own has no
    # row without a condition (the block's code is the synonym set's, not the verb's)
    assert _conditions(lexicon, "enchant") == {("AID", "071", ("to",), (), frozenset({"gift"}))}
    assert _conditions(lexicon, "cheer") == {("SUPPORT", "051", (), ("up",), frozenset())}


def test_petrarch_converter_codes_of_a_block_without_a_code() -> None:
    lexicon, _ = _converted()
    # no bare row (the block's code is null); a particle and an object; "[:190]" codes the
    # recipient's side only; a pattern naming no verb of the block goes to all of them
    assert _conditions(lexicon, "fiddle") == {
        ("COERCE", "191", (), ("out",), frozenset({"siege"})),
        ("CONSULT", "042", (), (), frozenset({"lever"})),
    }
    # a statement code (010) maps to no PLOVER event: the verb's own row is dropped
    assert _conditions(lexicon, "tinker") == {("CONSULT", "042", (), (), frozenset({"lever"}))}
    assert "wire" not in lexicon.entries and "tap" not in lexicon.entries


def test_petrarch_converter_counts_what_it_leaves_out() -> None:
    _, tally = _converted()
    assert tally.counts["patterns read"] == 10
    assert tally.counts["patterns with subject nouns left out"] == 1
    assert tally.counts["patterns with a preposition alone left out"] == 2
    assert tally.counts["patterns with a noun in a prepositional phrase left out"] == 1
    assert tally.counts["patterns with phrases or special tokens left out"] == 2
    assert tally.counts["multi-word verbs left out"] == 1
    assert tally.counts["transformations left out"] == 1


def test_petrarch_shipped_table_is_the_converters_output() -> None:
    source = PETRARCH / "CAMEO.2.0.txt"
    if not source.is_file():
        pytest.skip(f"needs PETRARCH-2's verb dictionary in {PETRARCH} (../shared)")
    script = _script()
    text = source.read_text("utf-8", errors="replace")
    assert (DATA / "petrarch_verbs.tsv").read_text("utf-8") == script.convert(text)
    notice = (DATA / "petrarch.LICENSE").read_text("utf-8")
    assert (PETRARCH / "LICENSE").read_text("utf-8") in notice
    assert "petrarch_verbs.tsv" in notice.split("The MIT License")[0]


def test_petrarch_rows_stand_behind_hand_written_lemmas() -> None:
    hand = list(read_table(None, name="lexicon.tsv"))
    petrarch = list(read_table(None, name="petrarch_verbs.tsv"))
    hand_lemmas = {row.lemma for row in hand}
    shared = sorted({row.lemma for row in petrarch} & hand_lemmas)
    assert shared, "the dictionary and the hand-written lexicon share lemmas"
    lexicon = Lexicon.from_rows(layered(hand, petrarch))
    for lemma in shared:
        assert lexicon.rows(lemma) == tuple(row for row in hand if row.lemma == lemma)
    # "reimpose" is left to the hand-written "impose", as the trigger finder reads it
    assert "reimpose" in {row.lemma for row in petrarch} and not lexicon.rows("reimpose")
    added = {r.lemma for r in petrarch if unprefixed(r.lemma) not in hand_lemmas} - hand_lemmas
    assert added and all(lexicon.rows(lemma) for lemma in added)
    # and the British spelling of a lemma written the American way ("normalise")
    twins = {british_spelling(lemma) for lemma in hand_lemmas | added} - {None}
    assert set(lexicon.entries) == hand_lemmas | added | twins
    assert default_lexicon(petrarch_verbs=True).entries == lexicon.entries
    assert not added & set(default_lexicon().entries)


@pytest.mark.slow
def test_petrarch_rows_code_a_sentence_the_hand_lexicon_misses(
    code_stage: Any, hand_lexicon_code_stage: Any
) -> None:
    text = "Chile airlifted medicine to Haiti."
    assert code_stage.settings.petrarch_verbs, "the rows are on by default"
    assert "airlift" not in default_lexicon().entries
    assert hand_lexicon_code_stage.process(make_article((text,))).events == ()
    (event,) = code_stage.process(make_article((text,))).events
    assert (event.event, event.cameo) == ("AID", "073")
    assert {ref.country for ref in event.actors} == {"CHL"}
    assert {ref.country for ref in event.recipients} == {"HTI"}


def test_petrarch_table_reads_with_the_lexicon_loader() -> None:
    rows = list(
        parse_rows((DATA / "petrarch_verbs.tsv").read_text("utf-8").splitlines(), source="t")
    )
    assert len(rows) > 1000
    assert all(row.pos == "V" and 0 < row.weight < 0.7 for row in rows)
    assert Path(DATA / "petrarch.LICENSE").read_text("utf-8").count("MIT License") == 1
