"""Helpers shared by commands: error lines, progress on stderr, the exit status."""

from __future__ import annotations

import sys
from typing import TextIO

from dyads.records import Rejection

# exit statuses
OK = 0
SOME_INPUTS_FAILED = 1
USAGE = 2


def report_rejection(rejection: Rejection, *, stream: TextIO | None = None) -> None:
    """One clear line on stderr naming the input and the reason."""
    out = stream or sys.stderr
    out.write(f"dyads: {rejection.source}: {rejection.error}: {rejection.message}\n")
