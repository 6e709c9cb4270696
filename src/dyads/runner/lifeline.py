"""Worker processes that end when the process that started them dies.

A process pool's workers and a local Dask cluster's nannies and workers wait for work from
their parent; killed with SIGKILL, the parent cannot tell them to stop, and they would live
on (a loaded language model each) with nobody to serve. Each worker therefore binds itself
to its parent when it starts:

- on Linux, it asks the kernel for SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``),
  then checks the parent did not die before the request;
- elsewhere, or when ``prctl`` cannot be called, a daemon thread looks at the parent's pid
  every ``WATCH_SECONDS`` and ends the worker once the parent is gone.

``bind_to_parent`` is called by the process pool's initializer; Dask runs ``dask_setup`` in
each nanny and worker when this module is named as a preload.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time

logger = logging.getLogger(__name__)

# <linux/prctl.h>: the signal a process receives when the thread that created it exits.
PR_SET_PDEATHSIG = 1
# How often the watcher thread looks for its parent where prctl is not available: a worker
# outlives a dead parent by at most this long, at the cost of one getppid call a second.
WATCH_SECONDS = 1.0
# The exit status of a worker that ends because its parent has gone (128 + SIGKILL, as if
# the kernel had sent the signal).
ORPHANED = 128 + signal.SIGKILL


def bind_to_parent() -> None:
    """End this process when its parent (the process that started it) dies."""
    parent = _parent_pid()
    if _ask_kernel_for_death_signal():
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(ORPHANED)
        return
    watcher = threading.Thread(target=_watch, args=(parent,), name="dyads-lifeline", daemon=True)
    watcher.start()


def dask_setup(service: object) -> None:
    """Dask's preload hook, run in each nanny and worker process of a local cluster."""
    del service  # the nanny or worker object; the binding is to the process
    bind_to_parent()


def _parent_pid() -> int:
    parent = multiprocessing.parent_process()
    return parent.pid if parent is not None and parent.pid is not None else os.getppid()


def _ask_kernel_for_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        done = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError) as exc:
        logger.debug("prctl is not available (%s): watching the parent instead", exc)
        return False
    if done != 0:
        logger.debug("prctl(PR_SET_PDEATHSIG) failed: %s", os.strerror(ctypes.get_errno()))
        return False
    return True


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(ORPHANED)
