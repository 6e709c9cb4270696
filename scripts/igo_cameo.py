"""Write ``src/dyads/data/igo_cameo.tsv``: the CAMEO actor code of every intergovernmental
organisation in ``organisations.tsv`` (and of the UN secretaries-general in ``leaders.tsv``),
read from PETRARCH-2's international actors dictionary (Open Event Data, MIT).

Regenerate with (the dictionary is in ``../shared`` beside the checkout)::

    .venv/bin/python scripts/igo_cameo.py \
        ../shared/resources/petrarch2/Phoenix.International.actors.txt \
        src/dyads/data/igo_cameo.tsv

An entry of the dictionary is a phrase (words joined by ``_``), ``+`` lines with more phrases
for the same actor, and codes in brackets, each with an optional date range
(``[IGOUNO 970101-061231]``, ``[IGOWSTNAT >070101]``). An organisation takes the code of the
first of its names and aliases (in table order) that is a phrase of the dictionary: the code
without a date range, else the open-ended one, else the one whose range ends last. A person
(a UN secretary-general) takes the code of the office, which the dictionary gives undated
under ``UN_SECRETARY_GENERAL``. Names the dictionary lacks are printed and left out; an IGO
without a row keeps the generic code ``IGO``. ``PHRASES`` names, for organisations the
dictionary has no entry for, the entry whose code they take, with the evidence.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

CODE = re.compile(r"\[([A-Z]{3,}) *([^\]]*)\]")
# Organisations the dictionary has no entry for, with the phrase whose code they take; each
# line is the evidence, read off the dictionary.
PHRASES = {
    # the AU's Peace and Security Council: AUPSC_ [IGOAFRAFU]; Amara Essy, AU chair from
    # 2002, [IGOAFRAFU 020709-030916] after [IGOAFROAU ...]
    "African Union": "AUPSC",
    # its secretary-general: ABDUL_RAHMAN_IBN_HAMAD_AL-ATTIYAH_ [IGOPGSGCC >020401]
    "Gulf Cooperation Council": "ABDUL_RAHMAN_IBN_HAMAD_AL-ATTIYAH",
    # its directors-general: SUPACHAI_PANITCHPAKDI_ [IGOBUSWTO 020901-050901], ...
    "World Trade Organization": "SUPACHAI_PANITCHPAKDI",
    # INTERNATIONAL_WAR_CRIMES_TRIBUNAL_ [IGOUNOJUDWCT]
    "International Criminal Tribunal for the former Yugoslavia": (
        "INTERNATIONAL_WAR_CRIMES_TRIBUNAL"
    ),
    # the presidents of the Council of the EU are coded [IGOEUREEC ...] ("president of the
    # CoEU"); EEC names the European (Economic) Community itself
    "European Council": "EUROPEAN_UNION",
    "European Community": "EUROPEAN_UNION",
    # UN peacekeepers: INDIAN_UN_PEACEKEEPER_ [IGOUNO]
    "United Nations Interim Force in Lebanon": "INDIAN_UN_PEACEKEEPER",
    # UN organs and agencies the dictionary does not list take the UN's own code, as its
    # Security Council, General Assembly and Secretariat do
    "United Nations Relief and Works Agency": "UNITED_NATIONS",
    "Office for the Coordination of Humanitarian Affairs": "UNITED_NATIONS",
    "United Nations Human Rights Council": "UNITED_NATIONS",
}
UN_CHIEF = "UN_SECRETARY_GENERAL"  # the office: [IGOUNO], undated


def phrase_key(text: str) -> str:
    """A name or a dictionary phrase as one comparable key: upper case, words by one ``_``,
    no trailing ``_``, no leading ``THE_``."""
    key = re.sub(r"[\s_]+", "_", text.strip().upper()).strip("_")
    return key.removeprefix("THE_")


def _current(codes: list[tuple[str, str]]) -> str:
    """The code without a date range, else the open-ended one, else the latest."""
    for code, dates in codes:
        if not dates.strip():
            return code
    for code, dates in codes:
        if dates.strip().startswith(">"):
            return code
    return max(codes, key=lambda pair: pair[1].split("-")[-1])[0]


def read_dictionary(path: Path) -> dict[str, str]:
    """Phrase key -> current code of every entry of the dictionary."""
    entries: dict[str, str] = {}
    phrases: list[str] = []
    codes: list[tuple[str, str]] = []

    def close() -> None:
        if phrases and codes:
            for phrase in phrases:
                entries.setdefault(phrase, _current(codes))

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = CODE.findall(line)
        head = CODE.sub("", line)
        if line[0] not in " \t+":  # a new entry
            close()
            phrases, codes = [phrase_key(head)], []
        elif line.startswith("+"):
            phrases.append(phrase_key(head[1:]))
        codes += found
    close()
    return entries


def _rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def igo_codes(dictionary: dict[str, str], data: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, code) of every IGO row and UN secretary-general, and the names not found."""
    found: list[tuple[str, str]] = []
    missing: list[str] = []
    for row in _rows(data / "organisations.tsv"):
        name, aliases, code, _sector, kind = (row + [""] * 5)[:5]
        if code != "IGO" or kind != "igo":
            continue
        forms = [PHRASES.get(name, name), name, *aliases.split("|")]
        match = next(
            (dictionary[phrase_key(f)] for f in forms if phrase_key(f) in dictionary), None
        )
        if match is None:
            missing.append(name)
        else:
            found.append((name, match))
    for row in _rows(data / "leaders.tsv"):
        name, _aliases, country, _sector, title = (row + [""] * 5)[:5]
        if country == "IGO" and title == "Secretary-General":
            found.append((name, dictionary[UN_CHIEF]))
    return found, missing


HEADER = """\
# CAMEO actor codes of intergovernmental organisations (and of the UN secretaries-general),
# from PETRARCH-2's Phoenix.International.actors.txt (Open Event Data, MIT licence: see
# igo_cameo.LICENSE beside this file). Written by scripts/igo_cameo.py; do not edit by hand.
# name\tcameo
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", type=Path, help="Phoenix.International.actors.txt")
    parser.add_argument("out", type=Path, help="the TSV to write")
    parser.add_argument("--data", type=Path, default=Path("src/dyads/data"))
    args = parser.parse_args(argv)
    found, missing = igo_codes(read_dictionary(args.dictionary), args.data)
    with args.out.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for name, code in found:
            out.write(f"{name}\t{code}\n")
    for name in missing:
        sys.stderr.write(f"not in the dictionary: {name}\n")
    sys.stderr.write(f"{len(found)} codes written, {len(missing)} names not found\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
