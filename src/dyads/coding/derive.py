"""CAMEO code, quad class and Goldstein score derived from a PLOVER event and mode.

Two packaged tables (sources in ``data/README.md``): ``plover_cameo.tsv`` maps CAMEO codes to
PLOVER event, mode and contexts; ``cameo.tsv`` gives each CAMEO code its name, quad class and
Goldstein score. The PLOVER -> CAMEO direction picks, for an event and mode, the most general
code the table maps to them (the shortest code, the first listed among equals).

PLOVER drops CAMEO's appeals (02x) and reports a request as REQUEST, which the table maps to
CAMEO's demands (10x, verbal conflict, Goldstein -5). A REQUEST whose trigger is an appeal
("urged", "called on", "asked", "appealed to": the lexicon gives them 02x) keeps the appeal's
code, so its quad class is verbal cooperation and its Goldstein score positive; "demanded"
stays a demand.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from dyads.errors import LexiconError
from dyads.records import Event

# CAMEO's appeals (02x): a trigger code under this root derives a REQUEST's code.
APPEAL_ROOT = "02"
APPEAL_EVENT = "REQUEST"
# CAMEO's demands (10x), numbered in parallel with the appeals.
DEMAND_ROOT = "10"


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverCode:
    event: str
    mode: str | None
    contexts: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    code: str
    name: str
    quad: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class CodeTables:
    to_plover: Mapping[str, PloverCode]
    cameo: Mapping[str, CameoCode]
    to_cameo: Mapping[tuple[str, str | None], str]

    def plover_of(self, code: str) -> PloverCode | None:
        """PLOVER event of a CAMEO code, falling back to the root rule of the PLOVER manual.

        Codes the table lacks fall back to their 3-digit parent, then their root; the root
        "08" splits (080-083 CONCEDE, 084-087 RETREAT), and roots 01 and 02 (statements and
        appeals) have no PLOVER event.
        """
        for candidate in (code, code[:3], code[:2] + "0"):
            if candidate in self.to_plover:
                return self.to_plover[candidate]
        root = code[:2]
        if root == "08":
            event = "CONCEDE" if code[:3] < "084" else "RETREAT"
            return PloverCode(event=event, mode=None, contexts=())
        return None

    def cameo_of(self, event: str, mode: str | None) -> str | None:
        return self.to_cameo.get((event, mode)) or self.to_cameo.get((event, None))


def _rows(name: str) -> Iterable[dict[str, str]]:
    text = resources.files("dyads.data").joinpath(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


@cache
def code_tables() -> CodeTables:
    """The packaged tables, read once per process."""
    to_plover: dict[str, PloverCode] = {}
    to_cameo: dict[tuple[str, str | None], str] = {}
    for row in _rows("plover_cameo.tsv"):
        code, mode = row["cameo"], row["plover_mode"] or None
        plover = PloverCode(
            event=row["plover_event"],
            mode=mode,
            contexts=tuple(c for c in row["plover_contexts"].split(";") if c),
        )
        to_plover.setdefault(code, plover)
        key = (plover.event, mode)
        if key not in to_cameo or len(code) < len(to_cameo[key]):
            to_cameo[key] = code
    cameo: dict[str, CameoCode] = {}
    for row in _rows("cameo.tsv"):
        try:
            cameo[row["cameo"]] = CameoCode(
                code=row["cameo"],
                name=row["name"],
                quad=int(row["quad"]),
                goldstein=float(row["goldstein"]),
            )
        except (TypeError, ValueError) as exc:
            raise LexiconError(f"cameo.tsv: bad row for {row.get('cameo')!r}: {exc}") from None
    return CodeTables(to_plover=to_plover, cameo=cameo, to_cameo=to_cameo)


def derive(event: Event, *, cameo_hint: str | None = None) -> Event:
    """``event`` with cameo, quad and goldstein filled from its PLOVER event and mode.

    ``cameo_hint`` (the trigger's own CAMEO code) is used when the table maps it to the same
    PLOVER event; an appeal's code makes a REQUEST the appeal of its mode (see the module's
    text). Otherwise the event and mode decide.
    """
    tables = code_tables()
    code = None
    if is_appeal(cameo_hint) and event.event == APPEAL_EVENT:
        code = _appeal_code(tables, event) or cameo_hint
    elif cameo_hint is not None:
        plover = tables.plover_of(cameo_hint)
        if plover is not None and plover.event == event.event:
            code = cameo_hint
    code = code or tables.cameo_of(event.event, event.mode)
    if code is None:
        return event
    info = tables.cameo.get(code) or tables.cameo.get(code[:3]) or tables.cameo.get(code[:2])
    if info is None:
        return replace(event, cameo=code)
    return replace(event, cameo=code, quad=info.quad, goldstein=info.goldstein)


def is_appeal(code: str | None) -> bool:
    """Whether a CAMEO code is one of the appeals (02x)."""
    return code is not None and code.startswith(APPEAL_ROOT)


def _appeal_code(tables: CodeTables, event: Event) -> str | None:
    """The appeal beside the demand the table gives the event's mode: CAMEO numbers them in
    parallel (101 "demand material cooperation", 021 "appeal for material cooperation")."""
    demand = tables.cameo_of(event.event, event.mode)
    if demand is None or not demand.startswith(DEMAND_ROOT):
        return None
    parallel = APPEAL_ROOT + demand[len(DEMAND_ROOT) :]
    return parallel if parallel in tables.cameo else None
