"""The plain-text cleaning of an article: header lines (title, date line, byline, section
word), dateline and trailing page furniture (comments, share links, related articles) come
off; what is left is the body every offset refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.articles.datelines import Dateline, split_dateline
from kg.articles.dates import line_date


def normalize_whitespace(text: str) -> str:
    """``\\n`` line endings, no trailing spaces on lines, at most one blank line in a row,
    no leading/trailing whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean_body(text: str, *, title: str = "") -> str:
    """The plain-text cleaning of a body whose title is known (see
    :func:`kg.articles.read_text`)."""
    return clean_plain(text, title=title, detect_title=not title).body


def _header_date(line: str) -> date | None:
    """The date of a header line that is only a date, emphasised or not (see
    :func:`kg.articles.dates.line_date`)."""
    return line_date(_unwrap(line))


def _is_date_line(line: str) -> bool:
    return _header_date(line) is not None


# Lines that end a page rather than an article (only matched on short lines at the end).
_BOILERPLATE_RE = re.compile(
    r"""^(?:
        \d+\s+comments?:?
      | (?:no|view|show|load|hide)\s+comments?.*
      | comments?:?
      | post\s+a\s+comment.*
      | leave\s+a\s+(?:comment|reply).*
      | add\s+(?:a\s+)?comment.*
      | share\s+(?:this|on|to|via).*
      | share:?
      | email\s+this.*
      | blogthis!?
      | related(?:\s+(?:articles?|posts?|stories|content|coverage|news|links|reading))?:?
      | (?:you\s+may\s+also\s+like|more\s+from\s+.*|read\s+more|see\s+also|further\s+reading).*
      | subscribe\b.*
      | sign\s+up\b.*newsletter.*
      | follow\s+us\b.*
      | (?:newer|older)\s+posts?.*
      | home
      | posted\s+by\b.*
      | labels?:.*
      | tags?:.*
      | filed\s+under:?.*
      | advertisement
      | (?:©|\(c\)|copyright\b).*
      | .*\ball\s+rights\s+reserved\b.*
      | (?:sources?|references?|external\s+links):?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Headings after which everything left is page furniture, when it is all short lines.
_TAIL_SECTION_RE = re.compile(
    r"^(?:related(?:\s+\w+)?|you\s+may\s+also\s+like|more\s+from\b.*|read\s+more|see\s+also|"
    r"share\s+this(?:\s+\w+)?|\d+\s+comments?|comments?|post\s+a\s+comment)\s*:?$",
    re.IGNORECASE,
)
_BOILERPLATE_MAX_CHARS = 100
_TAIL_LINE_MAX_CHARS = 160

_MD_WRAP_RE = re.compile(r"^(\*\*|__|\*|_)(?P<inner>.+?)\1$")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(?P<inner>.+?)\s*#*$")
_TITLE_MAX_CHARS = 200
_SECTION_WORD_MAX_WORDS = 3
_ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Z]\.){1,3}$|\b(?:Inc|Ltd|Co|Jr|Sr|St|Corp)\.$")


def _unwrap(line: str) -> str:
    """A line without the Markdown emphasis or heading marks that wrap all of it."""
    s = line.strip()
    for _ in range(3):
        m = _MD_WRAP_RE.match(s) or _MD_HEADING_RE.match(s)
        if m is None:
            break
        s = m["inner"].strip()
    return s


def _comparable(s: str) -> str:
    return re.sub(r"\W+", " ", _unwrap(s)).strip().casefold()


_BYLINE_RE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){0,4}"
                        r"(?:\s*(?:,|and|&)\s*[\w.'’\- ]+){0,3}$")
_BYLINE_MAX_CHARS = 100


def _looks_like_title(line: str) -> bool:
    """A headline: one short line that does not end like a sentence (or ends with an
    abbreviation such as ``U.S.``), or a Markdown heading / emphasised line."""
    raw = line.strip()
    s = _unwrap(raw)
    if not s or len(s) > _TITLE_MAX_CHARS or split_dateline(s)[0] is not None:
        return False
    if raw != s:  # a `# heading` or a fully emphasised line
        return True
    if s[-1] in ".!?;:" and not _ABBREVIATION_END_RE.search(s):
        return False
    return not (s[-1] in "\"”’'" and len(s) > 1 and s[-2] in ".!?,")


_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—:-]\s+|\s+-\s+")


def _same_title(line: str, title: str) -> bool:
    """``line`` repeats ``title``, possibly without the site name a page title adds
    (``Troops move | Example Times``)."""
    a, b = _comparable(line), _comparable(title)
    if not a or not b:
        return False
    if a == b:
        return True
    return any(_comparable(part) == a for part in _TITLE_SEPARATOR_RE.split(_unwrap(title))[:1])


def _is_section_word(line: str) -> bool:
    s = _unwrap(line)
    words = s.split()
    return 0 < len(words) <= _SECTION_WORD_MAX_WORDS and len(s) <= 30 and s[-1].isalnum()


@dataclass(frozen=True, slots=True)
class Parsed:
    """What :func:`clean_plain` takes apart: the title and date found in the header, the
    body, and the dateline's agency as the source."""

    title: str
    body: str
    published: date | None
    source: str | None
    dateline: Dateline | None


def _blocks(text: str) -> list[str]:
    return [b for b in text.split("\n\n") if b.strip()]


def clean_plain(text: str, *, title: str, detect_title: bool) -> Parsed:
    """Take a plain-text article apart: header lines, dateline, body, trailing boilerplate."""
    text = normalize_whitespace(text)
    blocks = _blocks(text)
    published: date | None = None
    found_title = title
    i = 0
    # Header: leading one-line blocks that are a title, a duplicate of it, a date line, a
    # section word before the title, or (Markdown) a heading.
    while i < len(blocks) and i < 8:
        lines = blocks[i].split("\n")
        line = lines[0]
        if len(lines) > 1:
            # A date line or the title again right above the text, without a blank line
            if _is_date_line(line) or (found_title and _same_title(line, found_title)):
                blocks[i:i + 1] = [line, "\n".join(lines[1:])]
                continue
            # A block of several short lines at the very top (title + date on adjacent lines)
            if all(len(x) <= _TITLE_MAX_CHARS and (_looks_like_title(x) or _is_date_line(x))
                   for x in lines) and len(lines) <= 3:
                blocks[i:i + 1] = lines
                continue
            break
        if _is_date_line(line):
            published = published or _header_date(line)
        elif _BYLINE_RE.match(_unwrap(line)) and len(line) <= _BYLINE_MAX_CHARS:
            pass  # "By Jane Doe, Associated Press"
        elif found_title and _same_title(line, found_title):
            pass  # the title again (often in bold)
        elif detect_title and not found_title and _looks_like_title(line):
            nxt = next((b for b in blocks[i + 1:i + 4]
                        if not _is_date_line(b) and not _BYLINE_RE.match(_unwrap(b))), "")
            if not (_is_section_word(line) and nxt and "\n" not in nxt
                    and _looks_like_title(nxt) and len(_unwrap(nxt)) > len(_unwrap(line))):
                found_title = _unwrap(line)
            # else: "News", "World": a section word above the headline, dropped
        else:
            break
        i += 1
    body_blocks = blocks[i:]
    dateline = None
    if body_blocks:
        dateline, first = split_dateline(body_blocks[0])
        if dateline is not None:
            body_blocks[0] = first.lstrip()
    body = _drop_trailing_boilerplate("\n\n".join(body_blocks))
    return Parsed(found_title, normalize_whitespace(body), published,
                   dateline.agency if dateline else None, dateline)


def _drop_trailing_boilerplate(body: str) -> str:
    lines = body.split("\n")
    # 1. a tail section (Related articles, Share this, N comments) followed only by short lines
    for k in range(1, len(lines)):
        s = _unwrap(lines[k])
        if _TAIL_SECTION_RE.match(s) and all(len(x) <= _TAIL_LINE_MAX_CHARS
                                             for x in lines[k + 1:]):
            lines = lines[:k]
            break
    # 2. short boilerplate lines (and blank lines) at the very end
    while lines:
        s = _unwrap(lines[-1])
        if not s or (len(s) <= _BOILERPLATE_MAX_CHARS and _BOILERPLATE_RE.match(s)):
            lines.pop()
        else:
            break
    return "\n".join(lines)
