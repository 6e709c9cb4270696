"""``GET /aggregates``: event counts per country or dyad and period, as ``dyads aggregate``
gives them (``dyads.store.aggregate`` says what a row counts), in JSON or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import create_model

from dyads.serve.api.deps import CacheDep, EngineDep, cached_json, error_responses, json_bytes
from dyads.serve.api.events import CODE, PAIR, PLAIN
from dyads.serve.api.schemas import Schema
from dyads.store.aggregate import (
    AggregateOptions,
    AggregateRow,
    aggregate_columns,
    aggregate_events,
    aggregate_record,
    type_columns,
)
from dyads.store.filters import EventFilter

# the aggregate's CSV (its own columns, not the events' export)
AGGREGATE_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}

router = APIRouter(tags=["aggregates"])

_KEY_HELP = (
    "by=country: country; by=dyad&directed=true: actor and recipient; "
    "by=dyad&directed=false: country_a and country_b (country_a <= country_b)"
)

# One row: its key columns (which of them depends on ``by`` and ``directed``), the period,
# and the counts; the columns of ``dyads aggregate --format csv``, typed.
_ROW_FIELDS: dict[str, Any] = {
    **{name: (str | None, None) for name in ("country", "actor", "recipient")},
    **{name: (str | None, None) for name in ("country_a", "country_b")},
    "period": (str, ...),
    "start": (dt.date, ...),
    **{name: (int, ...) for name in ("events", "quad1", "quad2", "quad3", "quad4")},
    **{name: (int, ...) for name in type_columns()},
    "goldstein_mean": (float | None, ...),
    "goldstein_sum": (float, ...),
    "mentions": (int, ...),
    "sources": (int, ...),
}
AggregateRowOut: Any = create_model("AggregateRowOut", __base__=Schema, **_ROW_FIELDS)


class AggregatesOut(Schema):
    by: Literal["country", "dyad"]
    period: Literal["day", "week", "month", "year"]
    directed: bool
    side: Literal["any", "actor", "recipient"]
    rows: list[AggregateRowOut]


def row_json(row: AggregateRow, columns: tuple[str, ...]) -> dict[str, object]:
    out = dict(zip(columns, aggregate_record(row), strict=True))
    out["start"] = row.start.isoformat()
    return out


@router.get(
    "/aggregates",
    response_model=AggregatesOut,
    responses={**AGGREGATE_CSV, **error_responses(422)},
)
def read_aggregates(
    *,
    engine: EngineDep,
    cache: CacheDep,
    by: Annotated[Literal["country", "dyad"], Query(description=_KEY_HELP)] = "country",
    period: Annotated[Literal["day", "week", "month", "year"], Query()] = "month",
    directed: Annotated[bool, Query(description="with by=dyad: actor -> recipient")] = True,
    side: Annotated[
        Literal["any", "actor", "recipient"],
        Query(description="with by=country: the side of an event a country counts on"),
    ] = "any",
    actor: Annotated[str | None, Query(pattern=CODE)] = None,
    recipient: Annotated[str | None, Query(pattern=CODE)] = None,
    between: Annotated[str | None, Query(pattern=PAIR)] = None,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,32}$")] = None,
    since: Annotated[dt.date | None, Query()] = None,
    until: Annotated[dt.date | None, Query()] = None,
    text: Annotated[str | None, Query(pattern=PLAIN, max_length=500)] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Response:
    """Counts of the dated events the filters select, per country (an event counts for each
    distinct country among its actors and recipients, or on one ``side``) or per dyad, and
    period: events per PLOVER type and quad class, mean and summed Goldstein score,
    mentions and distinct reporting sites. Periods with no events have no row."""
    options = AggregateOptions(by=by, period=period, directed=directed, side=side)
    pair = None if between is None else tuple(between.upper().split(","))
    flt = EventFilter(
        actor=actor.upper() if actor else None,
        recipient=recipient.upper() if recipient else None,
        between=(pair[0], pair[1]) if pair else None,
        type=type,
        since=since,
        until=until,
        text=text,
    )
    columns = aggregate_columns(options)
    if format == "csv":
        return _csv(aggregate_events(engine, options=options, filter=flt), columns)

    def compute() -> bytes:
        rows = [row_json(r, columns) for r in aggregate_events(engine, options=options, filter=flt)]
        head = {"by": by, "period": period, "directed": directed, "side": side}
        return json_bytes({**head, "rows": rows})

    return cached_json(cache, engine, ("aggregates", options, flt), compute)


def _csv(rows: tuple[AggregateRow, ...], columns: tuple[str, ...]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in aggregate_record(r)] for r in rows)
    return Response(out.getvalue(), media_type="text/csv")
