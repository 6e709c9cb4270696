from __future__ import annotations

from pathlib import Path

import pytest

from dyads.cli.main import build_parser, main


def test_keys_create_list_revoke_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "keys.db")
    assert main(["keys", "--db", db, "create", "--name", "desk"]) == 0
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("dyk_")
    assert main(["keys", "--db", db, "list"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    prefix, name, _created, state = line.split("\t")
    assert (name, state) == ("desk", "active")
    assert secret.split("_")[1] == prefix
    assert secret not in line
    assert main(["keys", "--db", db, "revoke", prefix]) == 0
    assert main(["keys", "--db", db, "revoke", "desk"]) == 1


def test_serve_parser_takes_db_host_port() -> None:
    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "8123"])
    assert (args.db, args.host, args.port, args.workers) == ("x.db", "127.0.0.1", 8123, 1)
