"""Reading one file: extensions, decoding (UTF-8 only, size-capped), and the reader of each
format."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from kg.articles.csv_input import read_csv
from kg.articles.html_input import read_html
from kg.articles.json_input import read_json, read_jsonl
from kg.articles.limits import MAX_FILE_BYTES
from kg.articles.text_input import read_plain
from kg.errors import InputError, UnsupportedFormatError
from kg.model import Article

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
CSV_EXTENSIONS = frozenset({".csv"})
#: File extensions :func:`iter_inputs` picks up when it expands a directory.
KNOWN_EXTENSIONS = (TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS
                    | JSONL_EXTENSIONS | CSV_EXTENSIONS)


def extension_list() -> str:
    """The known extensions, for messages: ``.csv .htm .html ...``."""
    return " ".join(sorted(KNOWN_EXTENSIONS))


def read_articles(path: str | Path) -> Iterator[Article]:
    """Read every article in one file; raise :class:`InputError` at the first problem.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
    >>> _ = open(p, "w").write("Troops Move North\\n\\nLONDON (Reuters) - Troops moved north.\\n")
    >>> [(a.title, a.body, a.source) for a in read_articles(p)]
    [('Troops Move North', 'Troops moved north.', 'Reuters')]
    """
    for item in read_file(Path(path), str(path)):
        if isinstance(item, InputError):
            raise item
        yield item


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
            problem += f"; not an article format kg reads (known extensions: {extension_list()})"
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
                       f"{extension_list()})")
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


def read_file(path: Path, where: str) -> Iterator[Article | InputError]:
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
            yield read_plain(text, where, origin)
        elif kind == "html":
            yield read_html(text, where, origin)
        elif kind == "json":
            yield from read_json(text, where, origin)
        elif kind == "jsonl":
            yield from read_jsonl(text, where, origin)
        else:
            yield from read_csv(text, where, origin)
    except InputError as e:
        yield e
