"""The fields of a structured item (front matter, a JSON object, a CSV record): which keys
name them, their types, and the article an item makes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kg.articles.cleaning import clean_plain
from kg.articles.dates import parse_date
from kg.articles.limits import checked_article
from kg.errors import InputError
from kg.model import Article

#: Longest title derived from the text of an item that has none.
DERIVED_TITLE_CHARS = 80


# Field names accepted in JSON objects and CSV headers, in order of preference.
TEXT_FIELDS = ("text", "body")
_TITLE_FIELDS = ("title", "headline")
_DATE_FIELDS = ("published", "date", "datePublished")
_SOURCE_FIELDS = ("source", "sourceName")
_URL_FIELDS = ("url", "sourceUrl", "link")


@dataclass(frozen=True, slots=True)
class Fields:
    """The article fields of an item, checked and stripped (``""`` or None when absent)."""

    title: str
    text: str
    published: date | None
    source: str | None
    url: str | None


def first_field(obj: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str, Any]:
    """The first of ``names`` with a value in ``obj`` (case of the key ignored)."""
    for n in names:
        v = obj.get(n)
        if v is not None and v != "":
            return n, v
    folded = {k.casefold(): k for k in obj if isinstance(k, str)}
    for n in names:
        k = folded.get(n.casefold())
        if k is not None and obj[k] is not None and obj[k] != "":
            return k, obj[k]
    return names[0], None


def item_fields(obj: Mapping[str, Any], where: str, *, require_text: bool, ctx: str = ""
                ) -> Fields:
    """The fields of ``obj``; an InputError (``ctx`` prefixed to its message) for a field of
    the wrong type, a date that is not one, or no text when ``require_text``."""
    def string(names: tuple[str, ...]) -> str | None:
        name, v = first_field(obj, names)
        if v is None:
            return None
        if isinstance(v, Mapping) and isinstance(v.get("name"), str):  # "source": {"name": ..}
            v = v["name"]
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str):
            raise InputError(where, f"{ctx}field '{name}' must be a string, not "
                             f"{type(v).__name__}")
        return v.strip() or None

    text = string(TEXT_FIELDS)
    if require_text and text is None:
        raise InputError(where, f"{ctx}no 'text' or 'body' field with the article text")
    name, raw_date = first_field(obj, _DATE_FIELDS)
    published = parse_date(raw_date) if raw_date is not None else None
    if raw_date is not None and published is None:
        shown = repr(raw_date[:40]) if isinstance(raw_date, str) else (
            f"a {type(raw_date).__name__}")
        raise InputError(where, f"{ctx}field '{name}' is not an ISO date: {shown}")
    return Fields(title=one_line(string(_TITLE_FIELDS) or ""), text=text or "",
                  published=published, source=string(_SOURCE_FIELDS), url=string(_URL_FIELDS))


def one_line(s: str) -> str:
    """``s`` with every run of whitespace, line breaks included, made one space."""
    return " ".join(s.split())


def _derived_title(body: str) -> str:
    first = body.split("\n", 1)[0].strip()
    if len(first) <= DERIVED_TITLE_CHARS:
        return first
    cut = first[:DERIVED_TITLE_CHARS + 1].rsplit(" ", 1)[0].rstrip(",;:")
    return (cut or first[:DERIVED_TITLE_CHARS]) + "…"


def _item_article(obj: object, where: str, origin: str, ctx: str) -> Article:
    if not isinstance(obj, Mapping):
        raise InputError(where, f"{ctx}expected a JSON object, found {type(obj).__name__}")
    f = item_fields(obj, where, require_text=True, ctx=ctx)
    parsed = clean_plain(f.text, title=f.title, detect_title=False)
    return checked_article(where, origin, title=f.title or _derived_title(parsed.body),
                           body=parsed.body, published=f.published or parsed.published,
                           source=f.source or parsed.source, url=f.url, ctx=ctx)


def guarded(obj: object, where: str, origin: str, ctx: str) -> Article | InputError:
    """The article of one item (a JSON object, a CSV record), or the InputError that says
    why it is not one."""
    try:
        return _item_article(obj, where, origin, ctx)
    except InputError as e:
        return e
