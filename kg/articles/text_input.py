"""Articles from text: a string given to the Python API, or a plain-text or Markdown file
(with optional front matter)."""

from __future__ import annotations

from datetime import date

from kg.articles.cleaning import clean_plain, normalize_whitespace
from kg.articles.fields import item_fields
from kg.articles.front_matter import split_front_matter
from kg.articles.limits import check_fields, checked_article
from kg.errors import InputError
from kg.model import Article


def read_text(
    text: str,
    *,
    title: str = "",
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    key: str | None = None,
    clean: bool = True,
) -> Article:
    """Make an :class:`Article` from a string (the Python API's way to ingest text).

    With ``clean`` the text goes through the plain-text cleaning of files: a title on the
    first lines (when ``title`` is not given), a date line, a dateline and trailing
    boilerplate are taken off. Without it only line endings and outer whitespace are
    normalised. ``key`` defaults to the URL, else ``"text:" + sha1 of the body``.

    >>> a = read_text("WASHINGTON (AP) — Talks began.", title="Talks")
    >>> a.body, a.source
    ('Talks began.', 'AP')
    """
    where = key or url or "<text>"
    if not isinstance(text, str):
        raise InputError(where, f"text must be a string, not {type(text).__name__}")
    if clean:
        parsed = clean_plain(text, title=title, detect_title=not title)
        body = parsed.body
        title = title or parsed.title
        published = published or parsed.published
        source = source or parsed.source
    else:
        body = normalize_whitespace(text)
    if not body:
        raise InputError(where, "article body is empty after cleaning")
    check_fields(where, "", title=title, body=body, source=source, url=url)
    if key is None:
        import hashlib

        key = url or "text:" + hashlib.sha1(body.encode("utf-8")).hexdigest()
    return Article(key=key, title=title, body=body, published=published, source=source,
                   url=url, origin=key)


def read_plain(text: str, where: str, origin: str) -> Article:
    """The article of a plain-text or Markdown file, with its front matter if it has one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, text = split_front_matter(text, where)
    fields = item_fields(meta, where, require_text=False)
    parsed = clean_plain(text, title=fields.title, detect_title=not fields.title)
    return checked_article(where, origin, title=fields.title or parsed.title,
                           body=parsed.body, published=fields.published or parsed.published,
                           source=fields.source or parsed.source, url=fields.url)
