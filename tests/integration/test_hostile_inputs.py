"""``dyads run``, ``extract`` and ``code`` on the inputs a hostile but realistic user brings.

Unreadable paths, a page that is a whole site on one line, ten megabytes without a line
break, HTML nested five thousand deep, a parent killed with SIGKILL, two runs at once: each
ends in stored articles or a rejection that names the input and says why, never in a
traceback, a hang or orphaned workers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dyads.cli.main import main
from tests.conftest import write_invented_news
from tests.integration.test_run_resume import count, table_contents

pytestmark = pytest.mark.integration

ARTICLE = (
    "Turkey and Kazakhstan signed an agreement on rail transit in Ankara on Tuesday, the "
    "foreign ministry said. The deal opens a freight corridor across the Caspian Sea and "
    "ends two years of talks between the two governments. Officials from both countries "
    "said the first trains would run next spring, and that customs checks would be shared.\n"
)
# About 170 characters: the sentence a whole site flattened into one paragraph repeats.
SENTENCE = (
    "The foreign minister of Turkey met his counterpart from Kazakhstan in Ankara on "
    "Tuesday and the two men discussed trade, border security and a new rail link, aides said. "
)


def _good_pages(folder: Path, number: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for n in range(number):
        page = folder / f"good-{n}.txt"
        page.write_text(ARTICLE.replace("Tuesday", ("Monday", "Tuesday", "Friday")[n % 3]))
        pages.append(page)
    return pages


def _dyads(
    *args: str, prefix: tuple[str, ...] = (), cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "dyads.cli.main", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=os.environ,
    )


# --- rejections are named, the others stored -------------------------------------------------


def test_run_unreadable_input_named_and_the_others_stored(
    tmp_path: Path, unprivileged: list[str]
) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.html").write_text(ARTICLE)
    (tmp_path / "locked").chmod(0)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    try:
        done = _dyads(
            "run", "ok.txt", "locked/x.html", "locked", "--db", db, "--stages", "clean",
            "--progress", "never", prefix=tuple(unprivileged), cwd=tmp_path,
        )  # fmt: skip
    finally:
        (tmp_path / "locked").chmod(0o755)
    lines = done.stderr.splitlines()
    assert done.returncode == 1, done.stderr
    assert lines[:2] == [
        "dyads: locked/x.html: UnreadableInput: cannot read: Permission denied",
        "dyads: locked: UnreadableInput: cannot list the directory: Permission denied",
    ]
    assert "Traceback" not in done.stderr
    assert lines[2].split() == ["documents", "read", "3"]
    assert count(db, "articles") == 1 and count(db, "rejections") == 2


def test_run_names_each_rejected_input_before_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (good,) = _good_pages(tmp_path, 1)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    db = f"sqlite:///{tmp_path / 'store.db'}"
    missing = str(tmp_path / "missing.txt")
    args = [str(good), str(tmp_path / "image.txt"), missing]
    assert main(["run", *args, "--db", db, "--stages", "clean", "--progress", "never"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[:2] == [
        f"dyads: {tmp_path / 'image.txt'}: BinaryInput: binary input: a PNG image, not text",
        f"dyads: {missing}: UnreadableInput: no such file",
    ]
    assert lines[2].split() == ["documents", "read", "3"]
    assert count(db, "articles") == 1


@pytest.mark.slow
def test_run_megabyte_single_line_page_rejected_and_good_pages_coded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = _good_pages(tmp_path / "in", 3)
    site = tmp_path / "in" / "site.txt"
    site.write_text(SENTENCE * 6_000)  # 1.02 MB, no line break
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["run", str(tmp_path / "in"), "--db", db, "--progress", "never"]) == 1
    err = capsys.readouterr().err
    assert (
        f"dyads: {site}: ArticleTooLong: the article body has 1,019,999 characters, over the "
        "limit of 500,000 (DYADS_MAX_ARTICLE_CHARS)"
    ) in err
    assert count(db, "articles") == len(pages)
    assert count(db, "events") >= 1


@pytest.mark.slow
def test_code_long_paragraph_over_the_sentence_bound_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "site.txt"
    page.write_text(SENTENCE * 60)
    monkeypatch.setenv("DYADS_MAX_CODED_SENTENCES", "50")
    assert main(["code", str(page), "--progress", "never"]) == 1
    err = capsys.readouterr().err
    assert f"dyads: {page}: ArticleTooLong: 60 sentences to code, over the limit of 50" in err


def test_extract_ten_megabyte_single_line_rejected_with_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ten.txt"
    page.write_text(SENTENCE * 60_000)  # 10.2 MB on one line
    assert main(["extract", str(page), "--progress", "never"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"dyads: {page}: ArticleTooLong: the article body has 10,199,999")


def test_extract_deeply_nested_html_cleaned_without_recursion_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "nested.html"
    depth = 5_000
    page.write_text(
        "<html><head><title>Rail deal</title></head><body>"
        + "<div>" * depth
        + "".join(f"<p>{line}</p>" for line in ARTICLE.split(". "))
        + "</div>" * depth
        + "</body></html>"
    )
    status = main(["extract", str(page), "--format", "text", "--progress", "never"])
    out, err = capsys.readouterr()
    assert "RecursionError" not in err and "Traceback" not in err
    if status == 0:
        assert "rail transit in Ankara" in out
    else:
        assert err.startswith(f"dyads: {page}: ") and len(err.splitlines()) == 1


# --- no orphans ------------------------------------------------------------------------------


def _descendants_when_busy(pid: int, wanted: int) -> list[object]:
    """The processes below ``pid`` once ``wanted`` of them hold a language model."""
    import psutil

    parent = psutil.Process(pid)
    for _ in range(1_500):  # polls of 0.2 s: a generous bound for two models to load
        children = parent.children(recursive=True)
        loaded = [c for c in children if _rss(c) > 150_000_000]
        if len(loaded) >= wanted:
            return list(children)
        threading.Event().wait(0.2)
    pytest.fail(f"the workers of process {pid} never loaded their model")


def _rss(process: object) -> int:
    import psutil

    try:
        return int(process.memory_info().rss)  # type: ignore[attr-defined]
    except psutil.Error:
        return 0


def _alive(processes: list[object]) -> list[object]:
    import psutil

    out = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:  # type: ignore[attr-defined]
                out.append(process)
        except psutil.NoSuchProcess:
            continue
    return out


@pytest.mark.slow
@pytest.mark.parametrize("executor", ["local", "dask"])
def test_run_killed_with_sigkill_leaves_no_workers(tmp_path: Path, executor: str) -> None:
    pytest.importorskip("psutil")
    if not sys.platform.startswith("linux"):
        pytest.skip("the parent-death signal is Linux's")
    news = write_invented_news(tmp_path / "news.jsonl", 400)
    run = subprocess.Popen(
        [sys.executable, "-m", "dyads.cli.main", "run", str(news), "--workers", "2",
         "--executor", executor, "--db", f"sqlite:///{tmp_path / 'store.db'}",
         "--progress", "never"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        workers = _descendants_when_busy(run.pid, wanted=1 if executor == "dask" else 2)
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
    polls = 0
    while _alive(workers) and polls < 150:  # 30 s of 0.2 s polls
        threading.Event().wait(0.2)
        polls += 1
    assert _alive(workers) == [], f"still running after {polls} polls"


# --- two runs at once --------------------------------------------------------------------------


@pytest.mark.slow
def test_run_twice_at_once_doubles_nothing(tmp_path: Path, store_url: str) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", 24)
    args = ("run", str(news), "--batch-size", "5", "--progress", "never")
    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    assert _dyads(*args, "--db", alone).returncode == 0
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "dyads.cli.main", *args, "--db", store_url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        _, err = run.communicate()
        assert run.returncode == 0, err
    together, single = table_contents(store_url), table_contents(alone)
    assert {name: len(rows) for name, rows in together.items()} == {
        name: len(rows) for name, rows in single.items()
    }
    assert len(together["articles"]) == 24 and len(together["events"]) >= 24
