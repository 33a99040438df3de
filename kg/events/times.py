"""Resolving time expressions ("Wednesday", "yesterday", "March 3, 2024") to dates.

Rules, relative to the article's publication date ``pub``:

- a weekday is the most recent such day on or before ``pub`` when the event is past, the
  next one after ``pub`` when it is planned or future (``future=True``);
- "today" / "yesterday" / "tomorrow" are ``pub`` / the day before / the day after; "this
  morning" (afternoon, evening) is ``pub``, "last night" the day before;
- "N days ago" ("three days ago", "2 days ago", "a day ago") is N days before ``pub``;
- "this week" / "last week" / "next week" resolve to the Monday of that week (a week
  stands for its first day, as in ISO 8601 week dates);
- an explicit date ("March 3, 2024", "3 March 2024", "October 6", "2024-03-03") is that
  day; without a year the year of ``pub`` (the year before when the day would fall after
  ``pub`` for a past event);
- anything else (a month alone, "by November", "earlier in the month") stays unresolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.lexicon import table

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS) + "|" + "|".join(
    m[:3].capitalize() + r"\.?" for m in MONTHS)
_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAYS_AGO = re.compile(r"\b(\d{1,2}|[a-z]+)\s+days?\s+ago\b")
_LAST_NIGHT = re.compile(r"(?<!the )\blast night\b")
_PARTS_OF_TODAY = re.compile(r"\bthis (?:morning|afternoon|evening)\b")


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return next(n for n, m in enumerate(MONTHS, 1) if m.startswith(low[:3]))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _explicit(text: str, pub: date | None, future: bool) -> date | None:
    if m := _ISO.search(text):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    month = day = year = None
    if m := _MDY.search(text):
        month, day, year = _month(m[1]), int(m[2]), m[3]
    elif m := _DMY.search(text):
        day, month, year = int(m[1]), _month(m[2]), m[3]
    if month is None or day is None:
        return None
    if year is not None:
        return _safe(int(year), month, day)
    if pub is None:
        return None
    d = _safe(pub.year, month, day)
    if d is not None and not future and d > pub:
        d = _safe(pub.year - 1, month, day)
    elif d is not None and future and d < pub:
        d = _safe(pub.year + 1, month, day)
    return d


def _count(word: str) -> int | None:
    """A small count written in digits or as a word ("3", "three", "a")."""
    if word.isdigit():
        return int(word)
    if word in ("a", "one"):
        return 1
    value = table("number_words").get(word)
    return int(value) if value is not None and value.isdigit() and int(value) < 100 else None


def resolve_time(text: str, pub: date | None, *, future: bool = False) -> date | None:
    """The date ``text`` denotes relative to ``pub``, or None when it is not one day."""
    if d := _explicit(text, pub, future):
        return d
    if pub is None:
        return None
    low = text.lower()
    words = re.findall(r"[a-z]+", low)
    if "yesterday" in words:
        return pub - timedelta(days=1)
    if "tomorrow" in words:
        return pub + timedelta(days=1)
    if "today" in words or "tonight" in words or _PARTS_OF_TODAY.search(low):
        return pub
    if _LAST_NIGHT.search(low):
        return pub - timedelta(days=1)
    if m := _DAYS_AGO.search(low):
        n = _count(m[1])
        return pub - timedelta(days=n) if n is not None else None
    if "week" in words or "weekend" in words:
        monday = pub - timedelta(days=pub.weekday())
        if "last" in words or "previous" in words:
            return monday - timedelta(days=7)
        if "next" in words or "coming" in words:
            return monday + timedelta(days=7)
        if "this" in words:
            return monday
        return None
    day = next((WEEKDAYS.index(w) for w in words if w in WEEKDAYS), None)
    if day is None:
        return None
    if "next" in words:
        future = True
    if "last" in words:
        future = False
    if future:
        delta = (day - pub.weekday()) % 7 or 7
        return pub + timedelta(days=delta)
    delta = (pub.weekday() - day) % 7
    return pub - timedelta(days=delta)
