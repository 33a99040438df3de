"""Dates: from field values (ISO strings, dates, datetimes) and from the date lines that
head a plain-text article (``Friday, January 4, 2019``, ``Published: Jan. 4, 2019 at 10:30``)."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY_RE = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE_LINE_RES = (
    # Friday, January 4, 2019 / Jan. 4, 2019
    re.compile(rf"^{_WEEKDAY_RE}(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"(?P<y>\d{{4}})$", re.IGNORECASE),
    # Friday 4 January 2019
    re.compile(rf"^{_WEEKDAY_RE}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE}),?\s+"
               rf"(?P<y>\d{{4}})$", re.IGNORECASE),
)
_ISO_DATE_LINE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def parse_date(value: object) -> date | None:
    """A date from a date, a datetime, an ISO date/datetime string or a written date line
    such as ``Friday, January 4, 2019``; None when it is none of these."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip().rstrip(".")
    if not s:
        return None
    if s[:4].isdigit():
        try:
            return datetime.fromisoformat(s).date()
        except ValueError:
            try:
                return date.fromisoformat(s[:10])
            except ValueError:
                return None
    for rx in _DATE_LINE_RES:
        m = rx.match(s)
        if m:
            month = next((n for name, n in _MONTHS.items()
                          if name.startswith(m["m"].rstrip(".").lower()[:3])), None)
            try:
                return date(int(m["y"]), month or 0, int(m["d"]))
            except ValueError:
                return None
    return None


_PUBLISHED_PREFIX_RE = re.compile(
    r"^(?:published|updated|posted|last\s+updated|date)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_TIME_TAIL_RE = re.compile(r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\b.*|\s+[|·•].*)$")


def line_date(s: str) -> date | None:
    """The date of a header line (its Markdown marks taken off) that is only a date
    (``Friday, January 4, 2019``, ``2019-01-04``) or a labelled one (``Published: Jan. 4,
    2019 at 10:30``); None for any other line.

    >>> line_date("Published: Jan. 4, 2019 at 10:30")
    datetime.date(2019, 1, 4)
    """
    labelled = _PUBLISHED_PREFIX_RE.match(s)
    if labelled:
        s = _TIME_TAIL_RE.sub("", s[labelled.end():]).strip()
    s = s.rstrip(".").strip()
    if _ISO_DATE_LINE_RE.match(s) or any(rx.match(s) for rx in _DATE_LINE_RES):
        return parse_date(s)
    return None
