"""How ``dyads`` behaves at the edges a shell user meets: pipes, missing stores, the server's
address, progress, empty folders, one-sentence texts and event ids."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dyads.cli.main import main
from tests.conftest import fill_store, make_serve_articles, write_invented_news

pytestmark = pytest.mark.integration

DYADS = [sys.executable, "-m", "dyads.cli.main"]
SENTENCE = "Japan and South Korea agreed on Monday to expand military intelligence sharing."


def _env() -> dict[str, str]:
    """The environment of a ``dyads`` subprocess: this checkout's sources first."""
    src = str(Path(__file__).resolve().parents[2] / "src")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


@pytest.fixture
def filled_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'filled.db'}"
    fill_store(url).dispose()
    return url


# 1. standard output and pipes ----------------------------------------------------------------


def test_export_dash_writes_to_standard_output(
    filled_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "csv", str(out), "--db", filled_db]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "csv", "-", "--db", filled_db]) == 0
    printed, err = capsys.readouterr()
    assert printed == out.read_text(encoding="utf-8")
    assert len(list(csv.DictReader(io.StringIO(printed)))) == len(make_serve_articles()) + 1
    assert "to standard output" in err
    assert not Path("-").exists()


def test_export_dash_writes_parquet_to_a_redirected_standard_output(
    filled_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "events.parquet"
    with out.open("wb") as sink:
        command = [*DYADS, "export", "--format", "parquet", "-", "--db", filled_db]
        status = subprocess.run(command, stdout=sink, env=_env(), check=False).returncode
    assert status == 0
    assert pq.read_table(out).num_rows == len(make_serve_articles()) + 1


@pytest.mark.parametrize(
    "argv",
    [["events", "--format", "csv"], ["export", "--format", "csv", "-"], ["events"]],
)
def test_cli_closed_pipe_ends_quietly(filled_db: str, argv: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte, as after `| head -0`
    try:
        done = subprocess.run(
            [*DYADS, *argv, "--db", filled_db],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=_env(),
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert b"BrokenPipeError" not in done.stderr


# 2. stores that are not there ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["events"],
        ["dyad", "TUR", "KAZ"],
        ["article", "some-id"],
        ["export", "--format", "csv", "OUT"],
        ["serve", "--port", "0"],
    ],
)
def test_read_commands_refuse_a_store_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    missing = tmp_path / "typo" / "dyads.db"
    argv = [str(tmp_path / "out.csv") if a == "OUT" else a for a in argv]
    assert main([*argv, "--db", str(missing)]) == 2
    assert f"no store at {missing}" in capsys.readouterr().err
    assert not missing.exists() and not missing.parent.exists()
    assert not (tmp_path / "out.csv").exists()


def test_write_commands_create_a_store(tmp_path: Path) -> None:
    store = tmp_path / "new" / "keys.db"
    assert main(["keys", "create", "--name", "desk", "--db", str(store)]) == 0
    assert store.is_file()


@pytest.mark.parametrize("argv", [["events"], ["keys", "list"], ["dyad", "TUR", "KAZ"]])
def test_commands_name_an_unreachable_postgresql_server(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    # port 1 on this host: nothing listens there, so the connection is refused at once
    assert main([*argv, "--db", "postgresql://dyads@127.0.0.1:1/test"]) == 2
    err = capsys.readouterr().err
    assert "cannot connect to PostgreSQL at 127.0.0.1:1/test" in err
    assert len(err.strip().splitlines()) == 1


# 6. the server's address ---------------------------------------------------------------------


def test_serve_prints_the_address_it_listens_on(filled_db: str) -> None:
    command = [*DYADS, "serve", "--db", filled_db, "--port", "0"]
    with subprocess.Popen(command, stderr=subprocess.PIPE, env=_env(), text=True) as server:
        try:
            assert server.stderr is not None
            line = server.stderr.readline()
            assert line.startswith(f"dyads: serving {filled_db} on http://127.0.0.1:")
            base = line.split(" on ", 1)[1].split()[0].rstrip("/")
            assert not base.endswith(":0")
            with urllib.request.urlopen(f"{base}/healthz") as response:
                assert response.status == 200
        finally:
            server.terminate()


# 7. progress ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_run_progress_shows_the_total_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", 4)
    db = str(tmp_path / "run.db")
    assert main(["run", str(news), "--db", db]) == 0
    quiet = capsys.readouterr().err
    assert "4/4" not in quiet and "━" not in quiet
    assert main(["run", str(news), "--db", db, "--progress", "always"]) == 0
    shown = capsys.readouterr().err
    assert "4/4" in shown and "100%" in shown and "documents" in shown and "left" in shown


def test_export_and_load_progress_show_their_totals(
    filled_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dyads.jobs.dataset import write_shard

    events = len(make_serve_articles()) + 1
    assert main(["export", "--format", "jsonl", str(tmp_path / "e.jsonl"), "--db", filled_db]) == 0
    assert f"{events}/{events}" not in capsys.readouterr().err
    argv = ["export", "--format", "jsonl", str(tmp_path / "e.jsonl"), "--db", filled_db]
    assert main([*argv, "--progress", "always"]) == 0
    assert f"{events}/{events} 100% events" in capsys.readouterr().err

    dataset = tmp_path / "dataset"
    write_shard(str(dataset), shard_id="s1", items=make_serve_articles())
    rows = len(make_serve_articles())
    loaded = str(tmp_path / "loaded.db")
    assert main(["load", str(dataset), "--db", loaded, "--progress", "always"]) == 0
    assert f"{rows}/{rows} 100% records" in capsys.readouterr().err


# 9. one sentence is an article ---------------------------------------------------------------


@pytest.mark.slow
def test_code_codes_one_sentence_from_a_file_and_from_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "one.txt"
    page.write_text(SENTENCE + "\n", encoding="utf-8")
    assert main(["code", str(page)]) == 0
    (event,) = map(json.loads, capsys.readouterr().out.splitlines())
    assert event["event"] == "AGREE"
    assert {a["country"] for a in event["actors"]} == {"JPN", "KOR"}
    piped = subprocess.run(
        [*DYADS, "code", "-"],
        input=SENTENCE,
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert piped.returncode == 0, piped.stderr
    assert [json.loads(line)["event"] for line in piped.stdout.splitlines()] == ["AGREE"]


# 10. empty folders ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["run", "code", "extract"])
def test_empty_input_folder_is_a_warning_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / ".hidden").write_text("not an input", encoding="utf-8")
    db = tmp_path / "never.db"
    argv = [command, str(folder), *(["--db", str(db)] if command == "run" else [])]
    assert main(argv) == 1
    assert f"dyads: warning: {folder}: no input files in this folder" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.slow
def test_empty_input_folder_beside_real_inputs_still_ends_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    page = tmp_path / "one.txt"
    page.write_text(SENTENCE, encoding="utf-8")
    assert main(["code", str(folder), str(page)]) == 1
    out, err = capsys.readouterr()
    assert "AGREE" in out and "no input files" in err


# 11. one id in dyads code and in the store ---------------------------------------------------


@pytest.mark.slow
def test_code_and_store_give_an_event_the_same_id(
    tmp_path: Path, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", 6)
    assert main(["code", str(news)]) == 0
    coded = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert len(coded) >= 6
    assert main(["run", str(news), "--db", store_url]) == 0
    capsys.readouterr()
    assert main(["events", "--db", store_url, "--format", "jsonl", "--limit", "100"]) == 0
    stored = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert sorted(stored) == sorted(coded)
