"""Golden events of ``examples/``: every file there, coded through the ``dyads code`` pipeline.

``examples/events.jsonl`` holds the canonical lines ``scripts/compare_events.py`` writes for
its ``examples`` set (a header, then per input its fate and its events as sorted-key JSON),
and the pipeline must reproduce them byte for byte. After an intended change to the
cleaner or the coder, regenerate the file with

    PYTHONPATH=src .venv/bin/python tests/golden/test_examples.py --regenerate

and review the diff like code.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTED = Path(__file__).parent / "examples" / "events.jsonl"


def compare_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compare_events", ROOT / "scripts" / "compare_events.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def examples_lines() -> str:
    script = compare_script()
    (name, paths), *_ = script.sets(script.SHARED)
    assert name == "examples"
    return "".join(line + "\n" for line in script.coded_lines(name, paths, workers=1))


@pytest.mark.slow
def test_golden_examples_code_to_the_expected_events_byte_for_byte() -> None:
    assert examples_lines() == EXPECTED.read_text(encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit(f"usage: {sys.argv[0]} --regenerate")
    EXPECTED.write_text(examples_lines(), encoding="utf-8")
    sys.stderr.write(f"wrote {EXPECTED.relative_to(ROOT)}\n")
