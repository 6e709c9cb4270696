"""Single-page files, directories, globs and stdin through ``read_inputs``."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from dyads.ingest import read_inputs
from dyads.records import Document, MediaType, Rejection, content_id
from dyads.settings import Settings

SETTINGS = Settings()
PAGE = (
    "   date 2023-03-14 Harbour talks resume in Valletta\n"
    "\n"
    "  • March 14 2023 10:02:11\n"
    "\n"
    "VALLETTA\n"
    "Fisheries ministers of Malta and Tunisia resumed talks on Tuesday.\n"
)
HTML = "<!DOCTYPE html>\n<html><head><title>Talks</title></head><body><p>Hi.</p></body></html>"


def read(*paths: str | Path, settings: Settings = SETTINGS) -> list[Document | Rejection]:
    return list(read_inputs([str(path) for path in paths], settings=settings))


def only(items: list[Document | Rejection]) -> Document | Rejection:
    assert len(items) == 1, items
    return items[0]


def test_read_inputs_page_text_kept_intact(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.replace("\n", "\r\n").encode("utf-8"))
    document = only(read(path))
    assert isinstance(document, Document)
    assert document.text == PAGE
    assert document.media_type is MediaType.PAGE_TEXT
    assert document.id == content_id(PAGE)
    assert document.source == str(path)


@pytest.mark.parametrize(
    ("name", "content", "media_type"),
    [
        ("a.html", "<p>fragment without a html tag</p>", MediaType.HTML),
        ("a.htm", HTML, MediaType.HTML),
        ("a.xhtml", HTML, MediaType.HTML),
        ("a.txt", HTML, MediaType.HTML),
        ("a.page", "  <!-- saved -->\n<html><body>x</body></html>", MediaType.HTML),
        ("noext", PAGE, MediaType.PAGE_TEXT),
        ("a.md", "# heading\n\nsome <html words", MediaType.PAGE_TEXT),
    ],
)
def test_read_inputs_media_type_by_name_or_sniff(
    tmp_path: Path, name: str, content: str, media_type: MediaType
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = only(read(path))
    assert isinstance(document, Document)
    assert document.media_type is media_type


@pytest.mark.parametrize(
    ("name", "content", "media_type"),
    [("a.html.gz", HTML, MediaType.HTML), ("a.txt.gz", PAGE, MediaType.PAGE_TEXT)],
)
def test_read_inputs_gzipped_page(
    tmp_path: Path, name: str, content: str, media_type: MediaType
) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    document = only(read(path))
    assert isinstance(document, Document)
    assert (document.text, document.media_type) == (content, media_type)


def test_read_inputs_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(PAGE.encode("utf-16"))
    document = only(read(path))
    assert isinstance(document, Document)
    assert (document.text, document.encoding) == (PAGE, "utf-16")


def test_read_inputs_cp1252_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The minister’s café visit — “brief”.\n".encode("cp1252"))
    document = only(read(path))
    assert isinstance(document, Document)
    assert document.encoding == "cp1252"
    assert document.text == "The minister’s café visit — “brief”.\n"
    assert f"{path}: not valid UTF-8, decoded as cp1252" in caplog.text


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _bad_inputs(tmp_path: Path) -> list[tuple[Path, str, str]]:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n  ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"IHDR" + bytes(range(40)))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7\n%binary\n1 0 obj\n<<>>\nendobj\n")
    (tmp_path / "nul.txt").write_bytes(b"text\x00with nul")
    (tmp_path / "ctrl.txt").write_bytes(b"a\x01\x02\x03\x04b" * 20)
    (tmp_path / "bad.txt").write_bytes(("Москва и Киев. " * 10).encode("cp1251"))
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(PAGE.encode() * 50)[:-30])
    (tmp_path / "bin.gz").write_bytes(gzip.compress(bytes(range(256)) * 4))
    _sparse(tmp_path / "huge.txt", 50_000_001)
    return [
        (tmp_path / "missing.txt", "UnreadableInput", "no such file"),
        (tmp_path / "empty.txt", "EmptyInput", "empty"),
        (tmp_path / "blank.txt", "EmptyInput", "only whitespace"),
        (tmp_path / "image.txt", "BinaryInput", "PNG image"),
        (tmp_path / "doc.pdf", "BinaryInput", "PDF document"),
        (tmp_path / "nul.txt", "BinaryInput", "NUL bytes"),
        (tmp_path / "ctrl.txt", "BinaryInput", "control bytes"),
        (tmp_path / "bad.txt", "UnknownEncoding", "invalid UTF-8"),
        (tmp_path / "cut.txt.gz", "CorruptArchive", "truncated gzip"),
        (tmp_path / "bin.gz", "BinaryInput", "NUL bytes"),
        (tmp_path / "huge.txt", "InputTooLarge", "50000001 bytes"),
    ]


def test_read_inputs_bad_inputs_rejected_in_order(tmp_path: Path) -> None:
    cases = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    items = read(*(path for path, _, _ in cases), good)
    assert len(items) == len(cases) + 1
    for item, (path, error, reason) in zip(items, cases, strict=False):
        assert isinstance(item, Rejection), item
        assert (item.source, item.stage, item.error) == (str(path), "ingest", error)
        assert reason in item.message
        assert not item.message.startswith(str(path))  # named once, in ``source``
    assert isinstance(items[-1], Document)


def test_read_inputs_gzip_expanding_past_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"word " * 1000))
    rejection = only(read(path, settings=Settings(max_input_bytes=2000)))
    assert isinstance(rejection, Rejection)
    assert rejection.error == "InputTooLarge"
    assert "expands past" in rejection.message


def test_read_inputs_directory_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", ".git/config", "a/.x.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"page {name}", encoding="utf-8")
    sources = [item.source for item in read(tmp_path)]
    relative = [str(Path(source).relative_to(tmp_path)) for source in sources]
    assert relative == ["a/b/c.txt", "a/z.txt", "b.txt"]


def test_read_inputs_glob_expanded_and_unmatched(tmp_path: Path) -> None:
    for name in ("2.txt", "1.txt", "3.html"):
        (tmp_path / name).write_text(f"page {name}", encoding="utf-8")
    items = read(tmp_path / "*.txt", tmp_path / "nothing-*.txt")
    assert [Path(item.source).name for item in items[:2]] == ["1.txt", "2.txt"]
    assert isinstance(items[2], Rejection)
    assert items[2].error == "UnreadableInput"
    assert "no file matches" in items[2].message


def test_read_inputs_literal_name_wins_over_glob(tmp_path: Path) -> None:
    odd = tmp_path / "odd[1].txt"
    odd.write_text("page", encoding="utf-8")
    document = only(read(odd))
    assert document.source == str(odd)


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (PAGE.encode("utf-8"), MediaType.PAGE_TEXT),
        (HTML.encode("utf-8"), MediaType.HTML),
        (gzip.compress(HTML.encode("utf-8")), MediaType.HTML),
    ],
)
def test_read_inputs_stdin_single_page(data: bytes, media_type: MediaType) -> None:
    items = list(read_inputs(["-"], settings=SETTINGS, stdin=io.BytesIO(data)))
    document = only(items)
    assert isinstance(document, Document)
    assert (document.source, document.media_type) == ("-", media_type)


def test_read_inputs_stdin_jsonl_streamed() -> None:
    data = b'{"text": "One."}\n\n{"page": "Two."}\n{not json\n'
    items = list(read_inputs(["-"], settings=SETTINGS, stdin=io.BytesIO(data)))
    assert [item.source for item in items] == ["-#L1", "-#L3", "-#L4"]
    assert isinstance(items[2], Rejection)
    assert items[2].error == "MalformedRecord"


def test_read_inputs_stdin_first_lines_not_all_objects_is_a_page() -> None:
    data = b'{"text": "One."}\n[1, 2]\n'
    document = only(list(read_inputs(["-"], settings=SETTINGS, stdin=io.BytesIO(data))))
    assert isinstance(document, Document)
    assert document.media_type is MediaType.PAGE_TEXT


def test_read_inputs_stdin_empty() -> None:
    rejection = only(list(read_inputs(["-"], settings=SETTINGS, stdin=io.BytesIO(b""))))
    assert isinstance(rejection, Rejection)
    assert (rejection.source, rejection.error) == ("-", "EmptyInput")


def test_read_inputs_keeps_argument_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    items = read(tmp_path / "b.txt", tmp_path / "missing", tmp_path / "a.txt")
    assert [Path(item.source).name for item in items] == ["b.txt", "missing", "a.txt"]


@pytest.mark.external
def test_read_inputs_seed_page_intact(seed_page: Path) -> None:
    document = only(read(seed_page))
    assert isinstance(document, Document)
    assert document.media_type is MediaType.PAGE_TEXT
    assert document.text == seed_page.read_text(encoding="utf-8")
    assert document.text.lstrip().startswith("date ")
