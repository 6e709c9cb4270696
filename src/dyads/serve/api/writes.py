"""The gate ``POST /documents`` passes: its work runs in worker threads, off the event loop,
at most ``threads`` at once, with at most ``queue`` more requests waiting their turn.

Waiting (rather than refusing as soon as the writers are busy) stores a short burst of
pages without the client having to retry; the bound on the line keeps a flood from holding
request bodies and connections without end: past it the answer is 503 with Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from fastapi import HTTPException

T = TypeVar("T")

# Seconds a refused writer is told to wait: about what one page takes to code and store
# (0.1 s to a minute for a very long page), so a retry usually finds room.
BUSY_RETRY_AFTER_S = 10


class WriteGate:
    """Runs blocking write work in threads: ``threads`` at a time, ``queue`` in line."""

    def __init__(self, *, threads: int, queue: int) -> None:
        self.threads = threads
        self.queue = queue
        self.limiter = anyio.CapacityLimiter(threads)
        # Requests running or waiting. Read and changed only on the event loop's thread,
        # between awaits, so it needs no lock.
        self.admitted = 0

    @property
    def running(self) -> int:
        """Writes being worked on in a thread now."""
        return int(self.limiter.borrowed_tokens)

    async def run(self, work: Callable[[], T]) -> T:
        """``work()``'s result, computed in a worker thread once a writer is free; a 503
        when ``threads`` writes run and ``queue`` more already wait."""
        if self.admitted >= self.threads + self.queue:
            raise HTTPException(
                503,
                f"the writers are busy ({self.threads} running, {self.queue} waiting): retry later",
                headers={"Retry-After": str(BUSY_RETRY_AFTER_S)},
            )
        self.admitted += 1
        try:
            return await anyio.to_thread.run_sync(work, limiter=self.limiter)
        finally:
            self.admitted -= 1
