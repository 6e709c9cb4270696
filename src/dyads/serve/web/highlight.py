"""Cut a text into runs that each carry the set of highlight classes covering them.

Templates render each run as plain text or as ``<mark class="...">``; overlapping spans (a
trigger inside an evidence sentence) give a run with both classes, so no markup nests and
autoescaping stays in charge of the text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    start: int
    end: int
    kind: str  # a CSS class: trigger, actor, recipient, evidence


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    text: str
    classes: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(self.classes)


def runs(text: str, marks: Iterable[Mark]) -> tuple[Run, ...]:
    """``text`` cut at every mark boundary; marks outside the text are clipped or ignored."""
    clipped = [
        Mark(start=max(0, m.start), end=min(len(text), m.end), kind=m.kind)
        for m in marks
        if m.end > 0 and m.start < len(text) and m.end > m.start
    ]
    cuts = sorted({0, len(text)} | {m.start for m in clipped} | {m.end for m in clipped})
    out: list[Run] = []
    for start, end in itertools.pairwise(cuts):
        classes = tuple(sorted({m.kind for m in clipped if m.start <= start and end <= m.end}))
        out.append(Run(text=text[start:end], classes=classes))
    return tuple(out)


def shifted(marks: Iterable[Mark], offset: int) -> tuple[Mark, ...]:
    """Marks moved by ``-offset``: body offsets made relative to a sentence or paragraph."""
    return tuple(Mark(start=m.start - offset, end=m.end - offset, kind=m.kind) for m in marks)
