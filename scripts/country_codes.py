"""Add the country codes analysts join on to ``src/dyads/data/countries.tsv``: Correlates of
War (numeric ``cown`` and letter ``cowc``), Gleditsch-Ward (``gwn``, ``gwc``) and FIPS 10-4
(``fips``), beside the ISO-3 code of every row.

The codes come from ``countrycode`` (the Python port of Arel-Bundock, Enevoldsen and Yetman's
R package, the converter political scientists use; ``pip install countrycode``, a
development tool only). Regenerate with::

    .venv/bin/python scripts/country_codes.py src/dyads/data/countries.tsv

- A row whose ISO-3 code the converter knows takes the converter's codes, empty where it has
  none (a territory is not a COW or GW state: Aruba has only a FIPS code).
- The rows of states that are not in ISO 3166-1 (Kosovo ``XKX``, and the withdrawn ``YUG``,
  ``SUN``, ``CSK``, ``DDR``) are looked up by their English name. Such a state takes a FIPS
  code only when the converter does not read its name as a present-day state (it reads
  "Soviet Union" as Russia, whose FIPS code ``RS`` the Soviet Union never had).
- ``OVERRIDES`` lists where the table departs from the converter, each with its reason; the
  tests check every other cell against the converter.

The script rewrites the file in place, keeping the first six columns as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

CODE_COLUMNS = ("cown", "cowc", "gwn", "gwc", "fips")
# States outside ISO 3166-1 that the table holds (see data/README.md), looked up by name.
BY_NAME = frozenset({"XKX", "YUG", "SUN", "CSK", "DDR"})
# iso3 -> {column: value}: where the table departs from the converter, and why.
OVERRIDES: dict[str, dict[str, str]] = {
    # COW's state list keeps Serbia under Yugoslavia's 345/YUG from 1878 to the present
    # (system membership 1878-1915 and 1918 on); the converter leaves Serbia's COW code
    # empty because 345 reads back as "Yugoslavia".
    "SRB": {"cown": "345", "cowc": "YUG"},
    # Gleditsch and Ward continue the Democratic Republic of Vietnam (816, DRV, 1954 on) as
    # Vietnam; 817 (RVN) is the Republic of Vietnam of 1954-1975, which the converter gives
    # (countrycode issues #16 and #320 discuss the two Vietnams).
    "VNM": {"gwn": "816", "gwc": "DRV"},
    # Gleditsch and Ward continue the Yemen Arab Republic (678) as unified Yemen from 1990
    # (680 is the People's Republic of 1967-1990); the converter leaves it empty.
    "YEM": {"gwn": "678", "gwc": "YEM"},
}


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def codes_of(rows: list[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """The five code cells of each (iso3, name) row, from the converter and ``OVERRIDES``
    (one converter call per column: a call per cell takes minutes)."""
    from countrycode import countrycode

    by_code = [iso3 for iso3, _ in rows if iso3 not in BY_NAME]
    by_name = [(iso3, name) for iso3, name in rows if iso3 in BY_NAME]
    names = [name for _, name in by_name]
    out: dict[str, dict[str, str]] = {iso3: {} for iso3, _ in rows}
    for column in CODE_COLUMNS:
        found = countrycode(by_code, origin="iso3c", destination=column)
        for iso3, value in zip(by_code, found, strict=True):
            out[iso3][column] = _cell(value)
        found = countrycode(names, origin="country.name", destination=column)
        for (iso3, _), value in zip(by_name, found, strict=True):
            out[iso3][column] = _cell(value)
    present = countrycode(names, origin="country.name", destination="iso3c")
    for (iso3, _), today in zip(by_name, present, strict=True):
        if today:
            out[iso3]["fips"] = ""  # read as a present-day state: its FIPS code is that state's
    for iso3, cells in OVERRIDES.items():
        out[iso3].update(cells)
    return out


def rewrite(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [(line.split("\t") + [""] * 6)[:6] for line in lines]
    codes = codes_of([(cells[0], cells[1]) for cells in rows if not cells[0].startswith("#")])
    out = []
    for cells in rows:
        if cells[0].startswith("#"):
            out.append("\t".join([*cells, *CODE_COLUMNS]))
        else:
            out.append("\t".join([*cells, *(codes[cells[0]][c] for c in CODE_COLUMNS)]))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return len(out) - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("table", type=Path, help="src/dyads/data/countries.tsv")
    args = parser.parse_args(argv)
    count = rewrite(args.table)
    sys.stderr.write(f"{count} rows written to {args.table}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
