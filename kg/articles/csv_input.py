"""Articles from CSV: one per record of a file with a ``text`` (or ``body``) column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from kg.articles.fields import TEXT_FIELDS, guarded
from kg.errors import InputError
from kg.model import Article


def read_csv(text: str, where: str, origin: str) -> Iterator[Article | InputError]:
    """The articles of a CSV file, with an InputError in place of each bad record (and of
    the rest of the file after a syntax error)."""
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""))  # RFC 4180 / Excel dialect
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    if not any(h.casefold() in TEXT_FIELDS for h in header):
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
            yield guarded(row, where, f"{origin}#{n}", f"item #{n}: ")
        n += 1
