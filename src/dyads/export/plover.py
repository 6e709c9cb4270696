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

from dyads.export.fields import Fields, stored_event_fields
from dyads.export.jsonable import iso
from dyads.export.options import DEFAULT_OPTIONS, ExportOptions

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

CODEBOOK = "plover"


@cache
def alpha2(alpha3: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of an alpha-3 code, or None (IGO codes, unknown codes)."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return None if country is None else str(country.alpha_2)


def plover_actor(actor: Fields) -> dict[str, Any]:
    """An actor's fields (``dyads.export.fields.actor_fields``) as a PLOVER actor object."""
    return {
        "code": actor["country"],
        "sector": actor["sector"],
        "actor_text": actor["text"] or actor["name"],
        "identifier_text": actor["name"],
        "office": actor["title"],
    }


def plover_location(place: Fields | None) -> dict[str, Any] | None:
    """A place's fields as a geonames-style location object."""
    if place is None:
        return None
    country = place["country"]
    return {
        "geonameid": place["geonameid"],
        "name": place["name"],
        "latitude": place["lat"],
        "longitude": place["lon"],
        "country code": None if country is None else alpha2(country),
        "cc3": country,
    }


def plover_record(stored: StoredEvent) -> dict[str, Any]:
    """One event as a PLOVER JSON object."""
    fields = stored_event_fields(stored)
    evidence = fields["evidence"]
    first = evidence[0] if evidence else None
    coder = f"{fields['coder']} {fields['coder_version']}".strip()
    return {
        "id": fields["id"],
        "date": iso(fields["date"]),
        "actor": [plover_actor(a) for a in fields["actors"]],
        "recipient": [plover_actor(a) for a in fields["recipients"]],
        "event": [fields["event"]],
        "mode": [] if fields["mode"] is None else [fields["mode"]],
        "context": fields["contexts"],
        "event_loc": plover_location(fields["place"]),
        "event_text": [e["sentence"] for e in evidence],
        "quad_code": fields["quad"],
        "event_scale": fields["goldstein"],
        "text_info": None
        if first is None
        else {"sequence": first["sentence_index"], "start": first["start"], "end": first["end"]},
        "cite_info": {
            "citation": fields["article_id"],
            "url": fields["url"],
            "title": fields["title"],
            "publication": fields["site"],
            "language": fields["language"],
            "coder": coder,
            "codebook": CODEBOOK,
        },
        "coder": coder,
    }


def write_plover(
    events: Iterable[StoredEvent], *, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS
) -> int:
    """Write one PLOVER JSON object per line to ``stream``; return the number of lines."""
    count = 0
    for stored in events:
        stream.write(json.dumps(plover_record(stored), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count
