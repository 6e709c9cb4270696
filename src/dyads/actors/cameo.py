"""CAMEO actor codes: what a GDELT-style ``ActorNCode`` column carries for an actor.

- An actor of a state: its ISO-3 code and its PLOVER sector, the way CAMEO codes compose
  (``TURGOV``, ``RUSMIL``).
- An intergovernmental organisation (country code ``IGO``) named in
  ``data/igo_cameo.tsv``: the code PETRARCH-2's dictionary gives it (``IGOUNO`` for the
  United Nations and its organs, ``IGOWSTNAT`` for NATO, ``IGOEUREEC`` for the EU,
  ``IGOAFRAFU`` for the African Union), also for the UN secretaries-general. These codes
  already hold the organisation's own kind (``IGOUNOREFHCR``): no sector is added.
- Any other actor: its code and sector as they are (``IGOIGO`` for an IGO the table does not
  name, ``NGONGO``, ``IMGREB``).

``data/igo_cameo.tsv`` (name -> code) is written by ``scripts/igo_cameo.py``; the names are
the canonical names of ``organisations.tsv`` and ``leaders.tsv``, which resolved actors carry.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from dyads.records import ActorRef

IGO = "IGO"


@cache
def igo_cameo_codes() -> dict[str, str]:
    """Canonical name -> CAMEO code of every IGO in ``data/igo_cameo.tsv``, read once."""
    text = resources.files("dyads").joinpath("data", "igo_cameo.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and line[0] != "#")
    return {name: code for name, code in rows}


def cameo_actor_code(actor: ActorRef) -> str:
    """The CAMEO actor code of ``actor`` (see the module docstring); empty when the actor has
    neither a code nor a sector."""
    if actor.country == IGO:
        known = igo_cameo_codes().get(actor.name)
        if known is not None:
            return known
    return f"{actor.country or ''}{actor.sector or ''}"
