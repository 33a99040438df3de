"""CAMEO codes and their PLOVER types.

``CAMEO_TO_PLOVER`` (``kg/data/lexicon/cameo_plover.tsv``) is transcribed from the
conversion table ``CAMEO2PLOVER-2021.txt
(PLOVER manual draft 0.8, 17 September 2021, edited by Philip Schrodt; Open Event Data
Alliance, CC BY-SA 4.0): two- and three-digit CAMEO codes → PLOVER event type. CAMEO roots
01 (statement) and 02 (appeal) have no PLOVER type in that table; for those the class
default of :data:`kg.model.EVENT_CODES` applies.
"""

from __future__ import annotations

from kg.lexicon import cameo_plover
from kg.model import EVENT_CODES, EventType

CAMEO_TO_PLOVER: dict[str, str] = cameo_plover()


def plover_type(cameo: str, event_type: EventType) -> str:
    """The PLOVER type of ``cameo`` (its longest listed prefix), else the class default."""
    for n in (len(cameo), 3, 2):
        code = CAMEO_TO_PLOVER.get(cameo[:n])
        if code:
            return code
    return EVENT_CODES[event_type][1]
