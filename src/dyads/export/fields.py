"""An event as plain fields: the one mapping every export format and the API read.

``event_fields(event)`` and ``stored_event_fields(stored)`` give every value an export shows,
keyed by the records' own attribute names, with actors, the place and each evidence sentence
as plain dicts (``actor_fields``, ``place_fields``, ``evidence_fields``) and nothing rounded or
formatted. Each format then picks, renames and formats what it shows:

=============================  ============================================================
reader                         what it takes from these fields
=============================  ============================================================
JSONL, ``GET /events`` JSON    ``dyads.export.jsonable``: names of ``dyads code``, rounded
CSV (also ``GET /events``)     ``dyads.export.csv``: one flat row, lists ``;``-joined
Parquet                        ``dyads.export.parquet``: typed columns, nested structs
PLOVER                         ``dyads.export.plover``: the PLOVER interchange names
GDELT-style table              ``dyads.export.gdelt``: the 61 codebook columns
long dyadic CSV                ``dyads.export.dyadic``: one row per actor-recipient pair
=============================  ============================================================

A field added here is one every format can show; a format shows it by naming it.

An actor's and a place's fields carry, beside the ISO-3 ``country``, its Correlates of War
number ``cown``, its Gleditsch-Ward number ``gwn`` and its FIPS 10-4 code ``fips``
(``dyads.actors.tables.country_codes``; None for a code without one, such as ``IGO``), and
an actor's fields its CAMEO actor code ``cameo`` (``dyads.actors.cameo``: ``TURGOV``,
``IGOUNO``). A stored event's fields carry the ``tone`` of its first article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dyads.actors.cameo import cameo_actor_code
from dyads.actors.tables import country_codes
from dyads.records import ActorRef, Event, Evidence, Place, Span

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

Fields = dict[str, Any]


CODE_FIELDS = ("cown", "gwn", "fips")  # the codes beside an ISO-3 code, in this order


def code_fields(country: str | None) -> Fields:
    """The COW number, Gleditsch-Ward number and FIPS 10-4 code of an ISO-3 ``country``,
    each None where the country table has none (an IGO code, no country)."""
    codes = None if country is None else country_codes(country)
    if codes is None:
        return dict.fromkeys(CODE_FIELDS)
    return {"cown": codes.cown, "gwn": codes.gwn, "fips": codes.fips}


def actor_fields(actor: ActorRef) -> Fields:
    return {
        "name": actor.name,
        "text": actor.text,
        "country": actor.country,
        "sector": actor.sector,
        "title": actor.title,
        **code_fields(actor.country),
        "cameo": cameo_actor_code(actor),
    }


def place_fields(place: Place | None) -> Fields | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "kind": place.kind,
        **code_fields(place.country),
    }


def _pair(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def evidence_fields(evidence: Evidence) -> Fields:
    return {
        "sentence": evidence.sentence,
        "paragraph": evidence.paragraph,
        "sentence_index": evidence.sentence_index,
        "start": evidence.start,
        "end": evidence.end,
        "trigger": _pair(evidence.trigger),
        "actors": [[s.start, s.end] for s in evidence.actor_spans],
        "recipients": [[s.start, s.end] for s in evidence.recipient_spans],
        "article_id": evidence.article_id,
    }


def event_fields(event: Event) -> Fields:
    """What an event says, before the store adds counts and the first article's details."""
    return {
        "id": event.id,
        "article_id": event.article_id,
        "event": event.event,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "actors": [actor_fields(a) for a in event.actors],
        "recipients": [actor_fields(a) for a in event.recipients],
        "date": event.date,
        "date_method": event.date_method,
        "place": place_fields(event.place),
        "evidence": [evidence_fields(e) for e in event.evidence],
        "cameo": event.cameo,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "confidence": event.confidence,
        "coder": event.coder,
        "coder_version": event.coder_version,
    }


def stored_event_fields(stored: StoredEvent) -> Fields:
    """``event_fields`` plus the counts of the merged mentions, the first reporting
    article's url, title, site, language and tone, and when the event was stored."""
    return {
        **event_fields(stored.event),
        "num_mentions": stored.num_mentions,
        "num_articles": stored.num_articles,
        "num_sources": stored.num_sources,
        "url": stored.url,
        "title": stored.title,
        "site": stored.site,
        "language": stored.language,
        "added": stored.added,
        "tone": stored.tone,
    }


EvidenceView = Callable[[Fields], Fields]  # what a format shows of one evidence sentence


def evidence_brief(evidence: Fields) -> Fields:
    """An evidence sentence as ``dyads code`` and the JSONL export show it: the trigger and
    the article id only when known, no actor spans."""
    out = {key: evidence[key] for key in ("sentence", "paragraph", "start", "end")}
    if evidence["trigger"] is not None:
        out["trigger"] = evidence["trigger"]
    if evidence["article_id"] is not None:
        out["article_id"] = evidence["article_id"]
    return out


def evidence_full(evidence: Fields) -> Fields:
    """An evidence sentence as the API shows it: every key, null where unknown, with the
    actor and recipient spans for highlighting."""
    return {key: evidence[key] for key in _FULL_EVIDENCE}


_FULL_EVIDENCE = (
    "sentence",
    "paragraph",
    "start",
    "end",
    "trigger",
    "actors",
    "recipients",
    "article_id",
)
