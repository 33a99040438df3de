"""Events and claims: who did what to whom, where, when, how many, and who says so.

``find_events(analysis, entities)`` reads the plain dependency parse of one article and
returns its :class:`~kg.model.Event` s (nine classes, CONTRACT.md), each with roles over
the entities' keys, quantities with bounds, a resolved time, modality, polarity,
attribution, CAMEO code and PLOVER type. No spaCy here: only :mod:`kg.model` data.
"""

from __future__ import annotations

from kg.events.codes import CAMEO_TO_PLOVER, plover_type
from kg.events.finder import find_events
from kg.events.quantities import read_quantity
from kg.events.times import resolve_time

__all__ = ["CAMEO_TO_PLOVER", "find_events", "plover_type", "read_quantity", "resolve_time"]
