"""``scripts/import_graph.py`` on a package written here, and the layering of ``dyads`` itself.

The package cycle check counts ``TYPE_CHECKING`` imports too: a layer that names another's
types in its signatures depends on it as much as one that calls it, and keeping them one way
costs nothing here (the records every layer shares live in ``dyads.records``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "import_graph.py"
SRC = ROOT / "src" / "dyads"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("import_graph", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


graph = _script()


def _write_package(root: Path, files: dict[str, str]) -> Path:
    src = root / "dyads"
    for name, text in files.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return src


TOY = {
    "__init__.py": "",
    "a/__init__.py": "",
    "a/one.py": (
        "from typing import TYPE_CHECKING\n"
        "from dyads.b import two\n"
        "if TYPE_CHECKING:\n"
        "    from dyads.c.three import Thing\n"
        "def late() -> None:\n"
        "    from dyads.c import three\n"
    ),
    "b/__init__.py": "",
    "b/two.py": "from ..a import one\n",
    "c/__init__.py": "",
    "c/three.py": "class Thing: ...\n",
}


def test_import_graph_reads_each_kind_of_import(tmp_path: Path) -> None:
    edges = graph.read_imports(_write_package(tmp_path, TOY))
    found = {(e.source, e.target, e.kind) for e in edges}
    assert found == {
        ("dyads.a.one", "dyads.b.two", "import"),
        ("dyads.a.one", "dyads.c.three", "typing"),
        ("dyads.a.one", "dyads.c.three", "lazy"),
        ("dyads.b.two", "dyads.a.one", "import"),  # relative, resolved
    }
    assert graph.package_edges(edges)[("a", "c")] == {"lazy", "typing"}


def test_import_graph_flags_a_package_cycle(tmp_path: Path) -> None:
    src = _write_package(tmp_path, TOY)
    text, has_cycle = graph.report(src)
    assert has_cycle
    assert "CYCLE: a <-> b" in text
    assert graph.module_cycles(graph.read_imports(src)) == [["dyads.a.one", "dyads.b.two"]]


def test_import_graph_leaves_type_checking_edges_out_of_run_time_cycles(tmp_path: Path) -> None:
    files = {
        "__init__.py": "",
        "a/__init__.py": "",
        "a/one.py": (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from dyads.c import three\n"
        ),
        "c/__init__.py": "",
        "c/three.py": "from dyads.a import one\n",
    }
    src = _write_package(tmp_path, files)
    edges = graph.read_imports(src)
    assert graph.package_cycles(edges, kinds=graph.RUNTIME) == []
    assert graph.package_cycles(edges, kinds=graph.RUNTIME | {"typing"}) == [["a", "c"]]
    assert graph.report(src)[1] is False  # the script fails on run-time cycles only


@pytest.fixture(scope="module")
def dyads_edges() -> list[object]:
    return list(graph.read_imports(SRC))


def test_import_graph_of_dyads_has_no_package_cycle(dyads_edges: list[object]) -> None:
    every_kind = graph.RUNTIME | {"typing"}
    assert graph.package_cycles(dyads_edges, kinds=every_kind) == []


def test_import_graph_of_dyads_has_no_module_cycle(dyads_edges: list[object]) -> None:
    assert graph.module_cycles(dyads_edges) == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("store", {"runner", "registry", "pipeline", "jobs", "export", "serve", "cli"}),
        ("runner", {"store", "jobs", "export", "serve", "cli"}),
        ("export", {"runner", "jobs", "serve", "cli"}),
        ("jobs", {"serve", "cli"}),
    ],
)
def test_import_graph_of_dyads_keeps_layers_apart(
    dyads_edges: list[object], package: str, forbidden: set[str]
) -> None:
    targets = {b for (a, b) in graph.package_edges(dyads_edges) if a == package}
    assert targets, f"{package} should import something"
    assert targets & forbidden == set()
