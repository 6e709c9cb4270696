#!/usr/bin/env python3
"""Print the package-to-package import graph of ``src/dyads`` and flag its cycles.

Usage: ``python scripts/import_graph.py [SRC_DIR]`` (default: ``src/dyads`` beside this
script). Exit status 1 when two top-level packages import each other at run time.

A package is the first name below ``dyads`` (``store``, ``runner``, ``records`` for the module
``dyads.records``); ``dyads`` itself is the package's ``__init__``. Every ``import`` and
``from ... import`` statement counts, read with ``ast`` (nothing is imported), each of one
kind:

- ``import``: at module level, run when the module is imported;
- ``lazy``: inside a function, run when the function is called (still a dependency);
- ``typing``: under ``if TYPE_CHECKING:``, seen by the type checker only.

An edge shows every kind its statements have. Cycles are strongly connected components:
first between packages over run-time edges (``import`` and ``lazy``), then the same counting
``typing`` edges, then between modules over run-time edges.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = "dyads"
RUNTIME = frozenset({"import", "lazy"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportEdge:
    """One import statement's target, seen from the module that holds it."""

    source: str  # dotted module name, e.g. dyads.store.writer
    target: str  # the dyads module it names, e.g. dyads.runner.local
    kind: str  # import | lazy | typing
    line: int


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_of(module: str) -> str:
    """``dyads.store.writer`` -> ``store``; ``dyads`` -> ``dyads``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str | None:
    if node.level == 0:
        return node.module
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _targets(node: ast.stmt, module: str, is_package: bool, known: set[str]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = _resolve(node, module, is_package)
        if base is None:
            return
        for alias in node.names:
            name = f"{base}.{alias.name}"
            yield name if name in known else base  # a submodule, else a name in ``base``


def _walk(body: Iterable[ast.stmt], kind: str) -> Iterator[tuple[ast.stmt, str]]:
    """Every statement under ``body`` with the kind its imports would have."""
    for node in body:
        yield node, kind
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inner = "typing" if kind == "typing" else "lazy"
            yield from _walk(node.body, inner)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _walk(node.body, "typing")
            yield from _walk(node.orelse, kind)
        else:
            for field in ("body", "orelse", "finalbody", "handlers"):
                children = getattr(node, field, None)
                if isinstance(children, list):
                    yield from _walk([c for c in children if isinstance(c, ast.stmt)], kind)
            for handler in getattr(node, "handlers", []):
                yield from _walk(handler.body, kind)


def read_imports(src: Path) -> list[ImportEdge]:
    """Every import of a ``dyads`` module by a module under ``src``."""
    files = sorted(src.rglob("*.py"))
    known = {module_name(path, src) for path in files}
    edges: list[ImportEdge] = []
    for path in files:
        module = module_name(path, src)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, kind in _walk(tree.body, "import"):
            is_package = path.name == "__init__.py"
            for target in _targets(node, module, is_package, known):
                if target == ROOT or target.startswith(ROOT + "."):
                    edges.append(
                        ImportEdge(source=module, target=target, kind=kind, line=node.lineno)
                    )
    return list(dict.fromkeys(edges))  # ``from a import b, c`` names module ``a`` once


def package_edges(edges: Iterable[ImportEdge]) -> dict[tuple[str, str], set[str]]:
    """(package, package) -> the kinds of the imports between them."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for edge in edges:
        pair = (package_of(edge.source), package_of(edge.target))
        if pair[0] != pair[1]:
            out[pair].add(edge.kind)
    return out


def cycles(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan), each sorted."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        if a != b:
            graph[a].add(b)
            graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def package_cycles(edges: Iterable[ImportEdge], *, kinds: frozenset[str]) -> list[list[str]]:
    pairs = package_edges(e for e in edges if e.kind in kinds)
    return cycles(pairs)


def module_cycles(edges: Iterable[ImportEdge]) -> list[list[str]]:
    return cycles((e.source, e.target) for e in edges if e.kind in RUNTIME)


def _cycle_lines(
    found: list[list[str]], edges: list[ImportEdge], *, kinds: frozenset[str], by_package: bool
) -> list[str]:
    if not found:
        return ["  none"]
    lines = []
    for component in found:
        members = set(component)
        lines.append("  CYCLE: " + " <-> ".join(component))
        for edge in edges:
            a, b = edge.source, edge.target
            if by_package:
                a, b = package_of(a), package_of(b)
            if edge.kind in kinds and a != b and a in members and b in members:
                where = f"{edge.source}:{edge.line}"
                lines.append(f"    {a} -> {b}  ({edge.kind}: {where} imports {edge.target})")
    return lines


def report(src: Path) -> tuple[str, bool]:
    """The printed graph, and whether packages import each other at run time."""
    edges = read_imports(src)
    lines = [
        "package edges (import: module level; lazy: inside a function; typing: under TYPE_CHECKING)"
    ]
    for (a, b), kinds in sorted(package_edges(edges).items()):
        lines.append(f"  {a:>10} -> {b:<10} {', '.join(sorted(kinds))}")
    all_kinds = RUNTIME | {"typing"}
    runtime = package_cycles(edges, kinds=RUNTIME)
    lines.append("package cycles at run time (import, lazy)")
    lines += _cycle_lines(runtime, edges, kinds=RUNTIME, by_package=True)
    lines.append("package cycles counting TYPE_CHECKING imports")
    typed = package_cycles(edges, kinds=all_kinds)
    lines += _cycle_lines(typed, edges, kinds=all_kinds, by_package=True)
    lines.append("module cycles at run time (import, lazy)")
    lines += _cycle_lines(module_cycles(edges), edges, kinds=RUNTIME, by_package=False)
    return "\n".join(lines), bool(runtime)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "src" / ROOT
    text, has_cycle = report(src)
    sys.stdout.write(text + "\n")
    return 1 if has_cycle else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
