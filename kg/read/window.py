"""Time windows and helpful refusals: the two checks every read answer goes through.

- :class:`TimeWindow`: ``since`` / ``until`` (inclusive ISO dates) that cut events by the
  date they are read at (``kg:eventDate``: their own date, else their article's
  publication date, see :mod:`kg.rdf.derived`);
- :func:`suggest`: the close matches of a misspelt value among the values the store
  holds, for :class:`~kg.errors.UnknownValueError`.

>>> w = TimeWindow.of("2019-01-01", "2019-12-31")
>>> w.contains(date(2019, 6, 1)), w.contains(date(2020, 1, 1)), w.contains(None)
(True, False, False)
>>> TimeWindow.of(None, None).contains(None)
True
>>> suggest("Vladimir Putn", ["Vladimir Putin", "Volodymyr Zelensky"])
['Vladimir Putin']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from kg.errors import UnknownValueError

__all__ = ["TimeWindow", "as_day", "suggest"]


def as_day(value: date | str | None, what: str = "date") -> date | None:
    """``value`` as a date: a date, a datetime (its day) or an ISO string
    (``2019``, ``2019-06`` and ``2019-06-01`` are read as their first day); None stays None.
    Anything else is an :class:`~kg.errors.UnknownValueError`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    padded = {4: "-01-01", 7: "-01"}.get(len(text), "")
    try:
        return date.fromisoformat(text + padded)
    except ValueError as e:
        raise UnknownValueError(what, value, hint="give an ISO date: YYYY-MM-DD, YYYY-MM or "
                                                  "YYYY") from e


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """Events read at a date from ``since`` to ``until``, both included; an open end is
    None. With neither, everything passes (undated events too); with either, an event
    without a date (neither its own nor its article's) is left out."""

    since: date | None = None
    until: date | None = None

    @classmethod
    def of(cls, since: date | str | None = None, until: date | str | None = None
           ) -> TimeWindow:
        """A window from dates or ISO strings; ``until`` before ``since`` is refused.
        ``until="2019"`` or ``"2019-06"`` means the end of that year or month."""
        start = as_day(since, "since date")
        end = as_day(until, "until date")
        if end is not None and until is not None and not isinstance(until, date):
            text = str(until).strip()
            if len(text) == 4:
                end = date(end.year, 12, 31)
            elif len(text) == 7:
                nxt = date(end.year + end.month // 12, end.month % 12 + 1, 1)
                end = date.fromordinal(nxt.toordinal() - 1)
        if start is not None and end is not None and end < start:
            raise UnknownValueError("time window", f"{start} .. {end}",
                                    hint="until is before since")
        return cls(start, end)

    @property
    def is_open(self) -> bool:
        """True when neither end is given: nothing is cut."""
        return self.since is None and self.until is None

    def contains(self, day: date | str | None) -> bool:
        """Whether an event read at ``day`` (a date or an ISO date string) is inside."""
        if self.is_open:
            return True
        if day is None:
            return False
        if isinstance(day, str):
            try:
                day = date.fromisoformat(day[:10])
            except ValueError:
                return False
        return ((self.since is None or day >= self.since)
                and (self.until is None or day <= self.until))


def suggest(value: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.75
            ) -> list[str]:
    """Up to ``n`` candidates close to ``value`` (case ignored), best first."""
    by_fold: dict[str, str] = {}
    for c in candidates:
        by_fold.setdefault(c.casefold(), c)
    close = difflib.get_close_matches(value.casefold(), list(by_fold), n=n, cutoff=cutoff)
    return [by_fold[c] for c in close]
