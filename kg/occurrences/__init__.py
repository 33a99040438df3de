"""Event identity across articles: event reports linked into occurrences.

An event node of an article graph is a *report*; the reports of one real-world event,
read from several articles, form one *occurrence* (CONTRACT.md, "Occurrences"). This
package decides which reports are one event, from plain data:

- :func:`reports_of` turns an :class:`~kg.model.Extraction` into :class:`Report` objects,
  each with its class, date (the event's own, else the article's publication date), its
  actors rolled up to their state or body, and its places;
- :func:`link` adds reports to a set of :class:`Occurrence` objects, each report to the
  best compatible occurrence or to a new one, recording why (:class:`Link`).

Rules (:mod:`kg.occurrences.linking`): same class; two reports of one article only when
they come from one sentence; dates within a window per class (wider for combat that
lasts: clashes, fighting; a publication date, which may follow the event, gets a few
days' slack); a shared actor on the same side (after roll-up) or a shared place; no two
distinct specific places, no two distinct targets.
See ``docs/occurrences.md``.
"""

from __future__ import annotations

from kg.occurrences.linking import (
    Link,
    Occurrence,
    Report,
    compatible,
    link,
    occurrence_id,
    reports_of,
)

__all__ = ["Link", "Occurrence", "Report", "compatible", "link", "occurrence_id", "reports_of"]
