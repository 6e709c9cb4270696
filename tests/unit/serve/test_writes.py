from __future__ import annotations

import threading

import anyio
import pytest
from fastapi import HTTPException

from dyads.serve.api.writes import WriteGate


def test_write_gate_runs_a_bounded_number_and_refuses_past_its_line() -> None:
    """One writer, one in line: a third request is refused with 503 and Retry-After while
    the first two are admitted, and both of them finish once the work is let go."""
    release = threading.Event()
    started = threading.Event()
    finished: list[int] = []

    def work(n: int) -> int:
        started.set()
        release.wait()
        finished.append(n)
        return n

    async def scenario() -> HTTPException:
        gate = WriteGate(threads=1, queue=1)
        refused: list[HTTPException] = []
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(gate.run, lambda: work(1))
            tasks.start_soon(gate.run, lambda: work(2))
            while not started.is_set():
                await anyio.sleep(0)
            assert (gate.admitted, gate.running) == (2, 1)
            with pytest.raises(HTTPException) as caught:
                await gate.run(lambda: work(3))
            refused.append(caught.value)
            release.set()
        assert gate.admitted == 0
        return refused[0]

    refused = anyio.run(scenario)
    assert refused.status_code == 503
    assert refused.headers is not None and int(refused.headers["Retry-After"]) > 0
    assert sorted(finished) == [1, 2]
