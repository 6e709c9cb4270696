"""``dyads extract``: good pages come out, each bad input gets one clear line, and the exit
status says that some inputs failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.cli.main import main

pytestmark = pytest.mark.integration

PAGE = "\n".join(
    [
        " date 2023-05-02 Chile and Peru sign fisheries accord",
        "Home | World | Business",
        "",
        "Chile and Peru sign fisheries accord",
        "",
        "LIMA",
        "Chile and Peru signed an accord on Monday to share data on anchovy stocks along"
        " their maritime border, the two foreign ministries said.",
        "",
        "The agreement sets up a joint commission that will meet twice a year in Lima and"
        " Santiago.",
        "",
        "Officials from both countries said the deal would help fishing towns plan their seasons.",
        "",
        "Most Read",
        "  1. Copper price climbs on mine strike",
        "  2. Election date set for October",
        "",
    ]
)


def _bad_inputs(folder: Path) -> dict[str, Path]:
    bad = {
        "binary": folder / "logo.txt",
        "empty": folder / "empty.txt",
        "invalid": folder / "broken.txt",
        "no-article": folder / "menu.html",
        "huge": folder / "huge.txt",
    }
    bad["binary"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    bad["empty"].write_bytes(b"   \n\n")
    bad["invalid"].write_bytes(b"Report: " + b"\x81\x8d\x8f\x90\x9d" * 60)
    bad["no-article"].write_text(
        "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>",
        encoding="utf-8",
    )
    with bad["huge"].open("wb") as handle:  # sparse: 50 MB and one byte, no disk cost
        handle.truncate(50_000_001)
    return bad


def test_extract_reports_each_bad_input_and_keeps_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "chile-peru.txt"
    good.write_text(PAGE, encoding="utf-8")
    bad = _bad_inputs(tmp_path)
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        json.dumps({"id": "a1", "text": "Kenya and Uganda agreed to build a railway link."})
        + "\n{not json\n"
        + json.dumps({"id": "a2", "text": "Ghana recalled its ambassador to Togo on Friday."})
        + "\n",
        encoding="utf-8",
    )
    paths = [str(good), *map(str, bad.values()), str(jsonl)]
    status = main(["extract", "--format", "jsonl", "--progress", "never", *paths])
    out, err = capsys.readouterr()
    assert status == 1
    articles = [json.loads(line) for line in out.splitlines()]
    assert [a["id"] for a in articles][-2:] == ["a1", "a2"]
    assert articles[0]["title"] == "Chile and Peru sign fisheries accord"
    assert articles[0]["dateline"]["text"] == "LIMA"
    assert articles[0]["dateline"]["place"]["country"] == "PER"
    assert len(articles[0]["paragraphs"]) == 3
    lines = err.strip().splitlines()
    assert len(lines) == len(bad) + 1  # one line per bad input, one for the bad JSONL line
    for path in bad.values():
        assert sum(str(path) in line for line in lines) == 1
    assert any(f"{jsonl}#L2" in line and "MalformedRecord" in line for line in lines)
    reasons = " ".join(lines)
    for error in ("BinaryInput", "EmptyInput", "UnknownEncoding", "InputTooLarge"):
        assert error in reasons
    assert "NoArticleFound" in reasons


def test_extract_json_of_one_page_is_one_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "chile-peru.txt"
    good.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(good)]) == 0
    article = json.loads(capsys.readouterr().out)
    assert set(article) >= {
        "id", "source", "url", "site", "title", "published", "dateline", "byline",
        "language", "paragraphs", "boilerplate", "method", "confidence",
    }  # fmt: skip
    assert article["published"] == "2023-05-02"
    assert {"kind": "most_popular"}.items() <= article["boilerplate"][-1].items()


def test_extract_text_format_shows_boilerplate_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "chile-peru.txt"
    good.write_text(PAGE, encoding="utf-8")
    assert main(["extract", "--format", "text", "--show-boilerplate", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Chile and Peru sign fisheries accord")
    assert "[most_popular" in out and "Copper price climbs on mine strike" in out
