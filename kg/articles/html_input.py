"""Articles from HTML pages: main text, title, date and site name via trafilatura, with
tag stripping as the fallback."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from kg.articles.cleaning import clean_plain
from kg.articles.dates import parse_date
from kg.articles.fields import one_line
from kg.articles.limits import checked_article
from kg.model import Article


class _TextOnly(HTMLParser):
    """Text of an HTML page without scripts and styles, blocks on their own lines."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                        "section", "article", "blockquote", "pre", "header", "footer", "ul",
                        "ol", "table", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def read_html(text: str, where: str, origin: str) -> Article:
    import trafilatura

    title = ""
    body = ""
    published: date | None = None
    source: str | None = None
    url: str | None = None
    try:
        extracted = trafilatura.bare_extraction(text, with_metadata=True,
                                                include_comments=False, include_tables=False)
        doc = extracted if extracted is None or isinstance(extracted, dict) else (
            extracted.as_dict())
    except Exception:  # trafilatura raises assorted errors on odd markup: fall back
        doc = None
    if isinstance(doc, dict):
        body = doc.get("text") or ""
        title = one_line(doc.get("title") or "")
        published = parse_date(doc.get("date"))
        source = doc.get("sitename") or None
        url = doc.get("url") or None
        # trafilatura separates paragraphs by one newline; kg bodies use a blank line
        body = re.sub(r"\n+", "\n\n", body)
    if not body.strip():
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        body = "".join(parser.parts)
        title = title or one_line(parser.title)
    parsed = clean_plain(body, title=title, detect_title=not title)
    return checked_article(where, origin, title=title or parsed.title, body=parsed.body,
                           published=published or parsed.published,
                           source=source or parsed.source, url=url)
