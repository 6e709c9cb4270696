"""The stage protocol.

A stage turns items of one record type into items of another. Most stages map one item to
one item: they subclass ``MapStage`` and implement ``process``; raising ``Drop`` filters an
item out on purpose (it is counted, not treated as an error). Heavy resources are loaded in
``open`` once per worker, never at import or construction time, so a stage is cheap to build
from its description in any process.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from dyads.settings import Settings

In = TypeVar("In")
Out = TypeVar("Out")
In_contra = TypeVar("In_contra", contravariant=True)
Out_co = TypeVar("Out_co", covariant=True)


class Drop(Exception):  # a control signal rather than an error, hence no "Error" suffix
    """Raised by a stage to filter an item out, with the reason recorded."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True, kw_only=True)
class StageContext:
    """What a stage may use while it runs: settings and a logger."""

    settings: Settings = field(default_factory=Settings)
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("dyads"))


class Stage(Protocol[In_contra, Out_co]):
    name: ClassVar[str]
    consumes: ClassVar[type[Any]]
    produces: ClassVar[type[Any]]

    def open(self, ctx: StageContext) -> None: ...

    def run(self, items: Iterable[In_contra], ctx: StageContext) -> Iterator[Out_co]: ...

    def close(self) -> None: ...


class MapStage(Generic[In, Out]):
    """A stage that maps each item to one item through ``process``."""

    name: ClassVar[str] = "map"
    consumes: ClassVar[type[Any]] = object
    produces: ClassVar[type[Any]] = object

    def open(self, ctx: StageContext) -> None:
        """Load heavy resources; called once per worker before the first item."""

    def process(self, item: In) -> Out:
        raise NotImplementedError

    def run(self, items: Iterable[In], ctx: StageContext) -> Iterator[Out]:
        """Map every item; ``Drop`` skips an item. Errors propagate to the runner."""
        for item in items:
            try:
                yield self.process(item)
            except Drop as drop:
                ctx.logger.debug("%s dropped an item: %s", self.name, drop.reason)

    def close(self) -> None:
        """Release what ``open`` loaded."""
