from __future__ import annotations

import pytest

from dyads.coding.derive import code_tables
from dyads.coding.lexicon import EVENT_TYPES, Lexicon, default_lexicon, parse_rows, surface_forms
from dyads.errors import LexiconError

HEADER = (
    "lemma\tpos\tevent\tmode\tcameo\tprep\tparticle\tobject\trecipient\tcontexts\tweight\tflags"
)


@pytest.mark.parametrize(
    ("lemma", "form"),
    [
        ("meet", "met"),
        ("attack", "attacked"),
        ("urge", "urging"),
        ("ban", "banned"),
        ("deny", "denied"),
        ("accuse", "accuses"),
        ("withdraw", "withdrew"),
        ("take", "took"),
        ("take", "taken"),
        ("single", "singled"),
    ],
)
def test_surface_forms_cover_inflections(lemma: str, form: str) -> None:
    assert form in surface_forms(lemma)


def test_default_lexicon_covers_every_plover_type() -> None:
    lexicon = default_lexicon()
    covered = {row.event for rows in lexicon.entries.values() for row in rows}
    assert covered == set(EVENT_TYPES)


def test_default_lexicon_modes_are_known_to_the_cameo_table() -> None:
    tables = code_tables()
    for rows in default_lexicon().entries.values():
        for row in rows:
            assert tables.cameo_of(row.event, row.mode) is not None, (row.lemma, row.mode)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested five protesters.", True),
        ("The ministers held talks.", True),
        ("The weather was mild and sunny.", False),
        ("Police re-arrested five protesters.", True),  # by its stem
        ("The re-tiled hall was sunny.", False),
    ],
)
def test_lexicon_might_trigger_without_parsing(text: str, expected: bool) -> None:
    assert default_lexicon().might_trigger(text) is expected


def test_parse_rows_rejects_unknown_event() -> None:
    rows = [HEADER, "frobnicate\tV\tFROB\t-\t-\t-\t-\t-\tdobj\t-\t0.5\t-"]
    with pytest.raises(LexiconError, match="unknown PLOVER event"):
        list(parse_rows(rows, source="test"))


def test_parse_rows_reads_conditions_and_exclusions() -> None:
    rows = [
        HEADER,
        "call\tV\tREQUEST\t-\t100\tfor|on\t-\t-\ton\t-\t0.8\tgovern",
        "fire\tV\tCOERCE\t-\t170\t-\t-\t!missile|shot\tdobj\t-\t0.3\t-",
    ]
    lexicon = Lexicon.from_rows(parse_rows(rows, source="test"))
    (call,) = lexicon.rows("call")
    (fire,) = lexicon.rows("fire")
    assert call.preps == {"for", "on"} and call.governs
    assert fire.excluded_objects == {"missile", "shot"} and not fire.objects


def test_parse_rows_reads_light_nouns_and_adjectives() -> None:
    rows = [
        HEADER,
        "menace\tN\tTHREATEN\t-\t130\t-\t-\t-\tto\t-\t0.7\tgovern;light",
        "scornful\tA\tACCUSE\tdisapprove\t111\tof\t-\t-\tof\t-\t0.6\ttarget",
    ]
    lexicon = Lexicon.from_rows(parse_rows(rows, source="test"))
    (menace,) = lexicon.rows("menace")
    (scornful,) = lexicon.rows("scornful")
    assert menace.light_only and menace.governs
    assert scornful.pos == "A" and scornful.needs_target and not scornful.light_only


def test_hyphen_stems_of_a_word_with_a_prefix_before_a_hyphen() -> None:
    from dyads.coding.lexicon import hyphen_stems

    assert hyphen_stems("re-imposed") == ("reimposed", "imposed")
    assert hyphen_stems("co-operate") == ("cooperate", "operate")
    assert hyphen_stems("mysuru-based") == ()
    assert hyphen_stems("re-") == ()
    assert hyphen_stems("arrested") == ()


def test_a_row_spelt_the_american_way_reads_the_british_spelling_too() -> None:
    from dyads.coding.lexicon import british_spelling

    assert british_spelling("normalize") == "normalise"
    assert british_spelling("organization") == "organisation"
    assert british_spelling("analyze") == "analyse"
    assert british_spelling("seize") is None and british_spelling("size") is None
    lexicon = default_lexicon()
    assert [r.event for r in lexicon.rows("normalise")] == [
        r.event for r in lexicon.rows("normalize")
    ]
    assert lexicon.might_trigger("Norway normalised relations with Kenya.")
