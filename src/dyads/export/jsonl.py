"""Events as JSON Lines: one object per line, the fields of ``stored_event_to_dict``.

This is what ``dyads events --format jsonl`` prints, so a file exported once can be compared
line for line with a later query.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from dyads.export.jsonable import stored_event_to_dict
from dyads.export.options import DEFAULT_OPTIONS, ExportOptions

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent


def write_jsonl(
    events: Iterable[StoredEvent], *, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS
) -> int:
    """Write one JSON object per event to ``stream``; return the number of lines."""
    count = 0
    for stored in events:
        stream.write(json.dumps(stored_event_to_dict(stored), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count
