from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dyads.export import EXPORT_FORMATS, FORMATS, export_events
from tests.conftest import make_event, make_stored_event


@pytest.mark.parametrize("format", EXPORT_FORMATS)
def test_export_events_writes_every_format_to_a_file(format: str, tmp_path: Path) -> None:
    path = tmp_path / f"events.{format}"
    events = (make_stored_event(make_event(event=t, id=t)) for t in ("AGREE", "AID"))
    assert export_events(events, format=format, path=path) == 2
    if format == "parquet":
        assert pq.read_table(path).num_rows == 2
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == (3 if format in ("csv", "dyadic") else 2)  # a header, then rows
    if format in ("jsonl", "plover"):
        assert [json.loads(line)["id"] for line in lines] == ["AGREE", "AID"]


def test_export_events_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_events([], format="xml", path=tmp_path / "out.xml")


def test_export_formats_table_names_a_writer_media_type_and_suffix_for_each() -> None:
    assert tuple(FORMATS) == EXPORT_FORMATS
    assert {"csv", "jsonl", "parquet", "plover", "gdelt"} <= set(FORMATS)
    assert FORMATS["parquet"].binary and not FORMATS["csv"].binary
    for name, chosen in FORMATS.items():
        assert chosen.name == name
        assert "/" in chosen.media_type and chosen.suffix.startswith(".")


@pytest.mark.parametrize("format", EXPORT_FORMATS)
def test_export_format_writes_a_stream_as_export_events_writes_a_file(
    format: str, tmp_path: Path
) -> None:
    events = [make_stored_event(make_event(event=t, id=t)) for t in ("AGREE", "AID")]
    path = tmp_path / "out"
    export_events(events, format=format, path=path)
    chosen = FORMATS[format]
    if chosen.binary:
        binary = io.BytesIO()
        chosen.write_to(events, stream=binary)
        assert binary.getvalue() == path.read_bytes()
    else:
        text = io.StringIO(newline="")
        chosen.write_to(events, stream=text)
        assert text.getvalue().encode("utf-8") == path.read_bytes()
