"""The stage protocol.

A stage turns a batch of items of one record type into one result per item, in order: the
item it produced, or the exception that stopped that item there. ``Drop`` is such an
exception raised on purpose to filter an item out (it is counted, not treated as an error);
any other exception is the item's failure in that stage, which the runner records as a
rejection naming the stage. A stage that cannot tell which item of a batch broke it may
raise instead: the pipeline then runs the batch's items one by one through it to find the
culprit.

Most stages map one item to one item: they subclass ``MapStage`` and implement ``process``.
A stage that gains from seeing many items at once (the parser hands every sentence of a batch
to spaCy in one ``nlp.pipe``) subclasses ``BatchStage`` and implements ``run``. Heavy
resources are loaded in ``open`` once per worker, never at import or construction time, so a
stage is cheap to build from its description in any process.

Exceptions::

    Exception
    └── Drop        an item filtered out on purpose, with its reason
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import ExitStack
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
    """What a stage may use while it runs: settings, a logger, and the batch's scope.

    ``batch`` holds what must live until the current batch has passed every stage and no
    longer (the parser's spaCy memory zone: the Docs it returns are read by the stages after
    it). The pipeline gives each batch a fresh one and closes it when the batch is done.
    """

    settings: Settings = field(default_factory=Settings)
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("dyads"))
    batch: ExitStack = field(default_factory=ExitStack)


class Stage(Protocol[In_contra, Out_co]):
    name: ClassVar[str]
    consumes: ClassVar[type[Any]]
    produces: ClassVar[type[Any]]

    def open(self, ctx: StageContext) -> None: ...

    def run(self, items: Sequence[In_contra], ctx: StageContext) -> list[Any]:
        """One result per item, in order: the item produced, or the exception that stopped it."""

    def close(self) -> None: ...


class BatchStage(Generic[In, Out]):
    """A stage that works on a whole batch at once through ``run``."""

    name: ClassVar[str] = "batch"
    consumes: ClassVar[type[Any]] = object
    produces: ClassVar[type[Any]] = object

    def open(self, ctx: StageContext) -> None:
        """Load heavy resources; called once per worker before the first batch."""

    def run(self, items: Sequence[In], ctx: StageContext) -> list[Out | Exception]:
        """One result per item, in order: an ``Out``, a ``Drop``, or the item's error."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what ``open`` loaded."""


class MapStage(BatchStage[In, Out]):
    """A stage that maps each item to one item through ``process``."""

    name: ClassVar[str] = "map"

    def process(self, item: In) -> Out:
        raise NotImplementedError

    def run(self, items: Sequence[In], ctx: StageContext) -> list[Out | Exception]:
        """Map every item; an item's ``Drop`` or error is its result, the others go on."""
        results: list[Out | Exception] = []
        for item in items:
            try:
                results.append(self.process(item))
            except Exception as exc:  # attributed to this item; the runner owns the policy
                results.append(exc)
        return results
