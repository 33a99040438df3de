"""Read answers as pandas DataFrames for researchers (needs the ``pandas`` extra): short
categorical names, ``datetime64`` dates, one row per event or dyad."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import Any

from kg.errors import KGError
from kg.read.records import EventRecord
from kg.read.states import DyadRow

__all__ = ["dyads_frame", "events_frame", "pandas"]

#: Columns of :func:`events_frame`, in order.
EVENT_COLUMNS = ("date", "date_source", "type", "quad_class", "agent", "target", "place",
                 "label", "modality", "polarity", "quantity", "unit", "attribution",
                 "evidence", "article_title", "published", "publisher", "url", "article",
                 "iri", "occurrence", "reports", "sources")
_CATEGORIES = ("date_source", "type", "quad_class", "modality", "polarity")


def pandas() -> Any:
    """The pandas module, or a KGError saying which extra installs it."""
    try:
        return importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise KGError("this needs pandas: pip install 'kg[pandas]' (scripts/setup --dev "
                      "installs it)") from e


def events_frame(records: Iterable[EventRecord]) -> Any:
    """One row per event: when (``date`` as ``datetime64``, and whether it is the event's
    own date or its article's), what (class, quad class), who did it (``agent``) to whom
    (``target``), where, how certain, and the source: article title, publication date,
    publisher and URL; the occurrence, and how many reports and articles tell it."""
    pd = pandas()
    rows = []
    for r in records:
        d = r.to_dict()
        rows.append({**{k: d.get(k) for k in EVENT_COLUMNS}, "place": d["places"]})
    return _typed(pd, pd.DataFrame(rows, columns=list(EVENT_COLUMNS)), ("date", "published"))


def dyads_frame(rows: Sequence[DyadRow]) -> Any:
    """One row per source, target, class, quad class and month, with the event count;
    ``month`` as a ``datetime64`` (its first day)."""
    pd = pandas()
    frame = pd.DataFrame([r.to_dict() for r in rows],
                         columns=["source", "target", "type", "quad_class", "month", "events",
                                  "source_iri", "target_iri"])
    return _typed(pd, frame, ("month",))


def _typed(pd: Any, frame: Any, dates: tuple[str, ...]) -> Any:
    for col in dates:
        frame[col] = pd.to_datetime(frame[col])
    for col in _CATEGORIES:
        if col in frame:
            frame[col] = frame[col].astype("category")
    return frame
