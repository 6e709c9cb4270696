"""Every candidate the coder leaves out is reported with its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyads.coding.dropped import Collector
from tests.conftest import make_article

pytestmark = pytest.mark.slow

# Sentences written for this test, one rule each, and one event that stays.
SENTENCES = (
    "Did Egypt accuse Israel of violating the truce?",
    "In 1998, Egypt accused Israel of violating the truce.",
    "Egypt did not accuse Israel of violating the truce.",
    "Egypt could impose sanctions on Israel.",
    "Egypt accused Israel of violating the truce.",
)


def test_each_left_out_candidate_says_why(code_stage: Any) -> None:
    with Collector() as collected:
        coded = code_stage.process(make_article(SENTENCES))
    reasons = {d.sentence_index: d.reason for d in collected.dropped}
    assert reasons[0] == "a question"
    assert reasons[1].startswith("background")
    assert reasons[2] == "negated"
    assert reasons[3] == "hypothetical or intended, not done"
    assert 4 not in reasons
    assert [e.evidence[0].sentence_index for e in coded.events] == [4]
    words = {d.sentence_index: d.word for d in collected.dropped}
    assert words[0] == "accuse" and words[3] == "sanctions"
    assert all(d.article_id == coded.article.id for d in collected.dropped)


def test_a_candidate_with_no_party_of_a_known_country_is_reported(code_stage: Any) -> None:
    with Collector() as collected:
        coded = code_stage.process(make_article(("The spokesman accused the landlord of theft.",)))
    assert coded.events == ()
    assert [d.reason for d in collected.dropped] == ["no party of a known country"]


def test_events_under_the_floor_are_reported(code_stage: Any) -> None:
    from dyads.coding.stage import ArticleCoder
    from dyads.settings import Settings

    strict = ArticleCoder(settings=Settings(min_confidence=1.0))
    strict.open()
    with Collector() as collected:
        coded = strict.process(make_article((SENTENCES[-1],)))
    assert coded.events == ()
    (dropped,) = collected.dropped
    assert dropped.reason.startswith("under the confidence floor:") and "< 1.0" in dropped.reason


def test_nothing_is_collected_once_the_collector_is_gone(code_stage: Any) -> None:
    with Collector() as collected:
        pass
    code_stage.process(make_article(SENTENCES[:1]))
    assert collected.dropped == []


def test_dyads_code_prints_the_dropped_candidates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dyads.cli.main import main

    page = tmp_path / "page.txt"
    page.write_text("\n\n".join(SENTENCES[:1] + SENTENCES[-1:]), encoding="utf-8")
    assert main(["code", str(page), "--dropped", "--progress", "never"]) == 0
    out, err = capsys.readouterr()
    assert "dropped:" in err and "'accuse' left out: a question" in err
    assert out.count('"event": "ACCUSE"') == 1


def test_collected_candidates_are_not_printed_by_the_programs_logging(code_stage: Any) -> None:
    import logging

    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    root = logging.getLogger()
    handler = Keep(level=logging.DEBUG)
    root.addHandler(handler)
    try:
        with Collector() as collected:
            code_stage.process(make_article(SENTENCES[:1]))
    finally:
        root.removeHandler(handler)
    assert collected.dropped and not [r for r in seen if r.name == "dyads.coding.dropped"]
