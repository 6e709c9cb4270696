"""Events as PLOVER JSON Lines: the field names of the PLOVER manual's data interchange
specification (Open Event Data Alliance, "JSON Data Fields").

One event per line. What goes where:

- ``id``, ``date`` (YYYY-MM-DD), ``event``/``mode``/``context`` as lists (the manual lets
  each hold several values; ours hold one event type, at most one mode, any contexts).
- ``actor`` and ``recipient``: lists of actor objects (``code`` = ISO-3 country or IGO code,
  ``sector``, ``actor_text``, ``identifier_text`` = canonical name, ``office``). The
  manual's 0.7 table calls the first list ``source``; we write ``actor``, the name current
  PLOVER data use beside ``recipient``.
- ``event_loc``: a geonames-style location object (``geonameid``, ``name``, ``latitude``,
  ``longitude``, ``country code`` as ISO alpha-2 like geonames, plus ``cc3`` alpha-3).
- ``event_text``: the evidence sentence of every mention we hold for the event.
- ``text_info``: sentence ``sequence`` number and character ``start``/``end`` of the first
  evidence sentence in the article body.
- ``cite_info``: ``url``, ``title``, ``publication`` (site), ``language``, ``citation``
  (our article id), ``coder``, ``codebook``.
- ``quad_code`` and ``event_scale`` (the Goldstein score), both derived from the event type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from dyads.records import ActorRef, Place

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

CODEBOOK = "plover"


@cache
def alpha2(alpha3: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of an alpha-3 code, or None (IGO codes, unknown codes)."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return None if country is None else str(country.alpha_2)


def plover_actor(actor: ActorRef) -> dict[str, Any]:
    return {
        "code": actor.country,
        "sector": actor.sector,
        "actor_text": actor.text or actor.name,
        "identifier_text": actor.name,
        "office": actor.title,
    }


def plover_location(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "country code": None if place.country is None else alpha2(place.country),
        "cc3": place.country,
    }


def plover_record(stored: StoredEvent) -> dict[str, Any]:
    """One event as a PLOVER JSON object."""
    event = stored.event
    first = event.evidence[0] if event.evidence else None
    coder = f"{event.coder} {event.coder_version}".strip()
    return {
        "id": event.id,
        "date": None if event.date is None else event.date.isoformat(),
        "actor": [plover_actor(a) for a in event.actors],
        "recipient": [plover_actor(a) for a in event.recipients],
        "event": [event.event],
        "mode": [] if event.mode is None else [event.mode],
        "context": list(event.contexts),
        "event_loc": plover_location(event.place),
        "event_text": [e.sentence for e in event.evidence],
        "quad_code": event.quad,
        "event_scale": event.goldstein,
        "text_info": None
        if first is None
        else {"sequence": first.sentence_index, "start": first.start, "end": first.end},
        "cite_info": {
            "citation": event.article_id,
            "url": stored.url,
            "title": stored.title,
            "publication": stored.site,
            "language": stored.language,
            "coder": coder,
            "codebook": CODEBOOK,
        },
        "coder": coder,
    }


def write_plover(events: Iterable[StoredEvent], *, stream: TextIO) -> int:
    """Write one PLOVER JSON object per line to ``stream``; return the number of lines."""
    count = 0
    for stored in events:
        stream.write(json.dumps(plover_record(stored), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count
