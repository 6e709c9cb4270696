"""The filters of a dashboard list: read from the page's query string, turned into the
store's ``EventFilter``, and written back as links (the next page, the API's CSV).

Every filter a page offers is one the API's ``GET /events`` takes, so the CSV button asks
the API for exactly the rows the page shows: a country is picked as actor or as recipient
(``actor=`` / ``recipient=``), a dyad either way (``between=``) or one way (``actor=`` and
``recipient=``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode

from dyads.errors import QueryError
from dyads.store.filters import EventFilter

Side = Literal["actor", "recipient"]
Direction = Literal["either", "forward", "backward"]
SIDES: tuple[Side, ...] = ("actor", "recipient")
DIRECTIONS: tuple[Direction, ...] = ("either", "forward", "backward")


@dataclass(frozen=True, slots=True, kw_only=True)
class ListFilters:
    """What a reader asked a list for; empty fields mean "any".

    ``country`` and ``side``: the country picker (events with that country as actor or as
    recipient). ``direction``: on a dyad's page, either way, only A acting on B
    (``forward``) or only B acting on A (``backward``). ``q``: words, as in search.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str = ""
    side: Side = "actor"
    type: str = ""
    min_confidence: float | None = None
    direction: Direction = "either"
    q: str = ""

    def params(self, **extra: str) -> dict[str, str]:
        """The page's own query string: the filters that are set, then ``extra``."""
        out = {
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "country": self.country,
            "side": self.side if self.country else "",
            "type": self.type,
            "min_confidence": "" if self.min_confidence is None else f"{self.min_confidence:g}",
            "direction": "" if self.direction == "either" else self.direction,
            "q": self.q,
            **extra,
        }
        return {key: value for key, value in out.items() if value}

    def query(self, **extra: str) -> str:
        """``params`` as a query string (with its ``?``), or "" with nothing set."""
        params = self.params(**extra)
        return "?" + urlencode(params) if params else ""

    @property
    def active(self) -> bool:
        return bool(self.params())


def _date(text: str, name: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise QueryError(f"{name} is not a date (YYYY-MM-DD): {text!r}") from exc


def _confidence(text: str) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError as exc:
        raise QueryError(f"minimum confidence is not a number: {text!r}") from exc


def read_filters(
    *,
    since: str = "",
    until: str = "",
    country: str = "",
    side: str = "actor",
    type: str = "",
    min_confidence: str = "",
    direction: str = "either",
    q: str = "",
) -> ListFilters:
    """The filters of a page's form fields (text as the browser sends it); a field that
    cannot be read raises ``QueryError`` with the reason."""
    if side not in SIDES:
        raise QueryError(f"side must be actor or recipient, not {side!r}")
    if direction not in DIRECTIONS:
        raise QueryError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    return ListFilters(
        since=_date(since, "since"),
        until=_date(until, "until"),
        country=country.strip().upper(),
        side=side,
        type=type.strip().upper(),
        min_confidence=_confidence(min_confidence),
        direction=direction,
        q=q.strip(),
    )


def event_filter(
    lf: ListFilters, *, limit: int, cursor: str | None = None, dyad: tuple[str, str] | None = None
) -> EventFilter:
    """The store's filter of a list: ``lf`` on its own, or within the ``dyad`` of a dyad
    page; ``QueryError`` when the values do not make a query (a bad code, dates reversed)."""
    actor = lf.country if lf.country and lf.side == "actor" else None
    recipient = lf.country if lf.country and lf.side == "recipient" else None
    between = None
    if dyad is not None:
        a, b = dyad
        if lf.direction == "either":
            between = (a, b)
        else:
            actor, recipient = (a, b) if lf.direction == "forward" else (b, a)
    return EventFilter(
        actor=actor,
        recipient=recipient,
        between=between,
        type=lf.type or None,
        since=lf.since,
        until=lf.until,
        text=lf.q or None,
        min_confidence=lf.min_confidence,
        limit=limit,
        cursor=cursor,
    )


def csv_url(flt: EventFilter) -> str:
    """The API's CSV of exactly the page ``flt`` selects (same filters, size and cursor)."""
    params: dict[str, str] = {"format": "csv"}
    for name in ("actor", "recipient", "type", "text"):
        value = getattr(flt, name)
        if value:
            params[name] = str(value)
    if flt.between:
        params["between"] = ",".join(flt.between)
    if flt.since:
        params["since"] = flt.since.isoformat()
    if flt.until:
        params["until"] = flt.until.isoformat()
    if flt.min_confidence is not None:
        params["min_confidence"] = repr(flt.min_confidence)
    params["limit"] = str(flt.limit)
    if flt.cursor:
        params["cursor"] = flt.cursor
    return "/events?" + urlencode(params)
