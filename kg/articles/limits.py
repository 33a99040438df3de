"""What kg accepts from an input, and the checks that hold every article to it.

The limits keep hostile or accidental inputs (a 540,000-character run-on text, a device
such as ``/dev/zero``, 8,000 quotation marks in a row) from costing minutes of parsing:
such an input is an :class:`~kg.errors.InputError` before any parsing.
"""

from __future__ import annotations

import re
from datetime import date

from kg.errors import InputError
from kg.model import Article

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

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_PUNCTUATION_RUN + 1},}}")


def check_fields(where: str, ctx: str, *, title: str, body: str, source: str | None,
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


def checked_article(where: str, origin: str, *, title: str, body: str, published: date | None,
                    source: str | None, url: str | None, ctx: str = "") -> Article:
    """The :class:`Article` of a cleaned body and its fields, keyed by its URL (else
    ``origin``); an InputError (``ctx`` prefixed to its message) when the body is empty or
    a field breaks a limit."""
    if not body:
        raise InputError(where, f"{ctx}article body is empty after cleaning")
    check_fields(where, ctx, title=title, body=body, source=source, url=url)
    return Article(key=url or origin, title=title, body=body, published=published,
                   source=source, url=url, origin=origin)


def first_clause(e: BaseException) -> str:
    """The first clause of an exception's message ("Exceeds the limit (4300 digits) for
    integer string conversion" rather than the advice that follows)."""
    return str(e).split(":", 1)[0].split(";", 1)[0].strip() or type(e).__name__
