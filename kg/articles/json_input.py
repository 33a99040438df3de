"""Articles from JSON (an object, a list of objects, or a list under a wrapper key such as
``articles``) and JSON Lines (one object per line; a bad line does not stop the good ones)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kg.articles.fields import TEXT_FIELDS, first_field, guarded
from kg.articles.limits import first_clause
from kg.errors import InputError
from kg.model import Article

_WRAPPER_KEYS = ("articles", "items", "documents", "data", "results")


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
        raise InputError(where, f"{at}invalid JSON: {first_clause(e)}") from e


def read_json(text: str, where: str, origin: str) -> Iterator[Article | InputError]:
    """The articles of a JSON file (of a JSON Lines one given a ``.json`` name), with an
    InputError in place of each bad item."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data" and _all_lines_json(text):
            yield from read_jsonl(text, where, origin)  # one object per line in a .json file
            return
        raise InputError(where, f"invalid JSON at line {e.lineno}: {e.msg}") from e
    except (RecursionError, ValueError):
        data = _json(text, where)  # raises the InputError
    if isinstance(data, dict) and first_field(data, TEXT_FIELDS)[1] is None:
        # {"articles": [...]}: a list of articles under one key
        lists = [k for k in _WRAPPER_KEYS if isinstance(data.get(k), list)]
        if lists:
            data = data[lists[0]]
    if isinstance(data, list):
        if not data:
            raise InputError(where, "empty JSON list: no articles")
        for n, obj in enumerate(data):
            yield guarded(obj, where, f"{origin}#{n}", f"item #{n}: ")
    else:
        yield guarded(data, where, origin, "")


def _all_lines_json(text: str) -> bool:
    try:
        for line in text.splitlines():
            if line.strip():
                json.loads(line)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return False
    return True


def read_jsonl(text: str, where: str, origin: str) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines file, with an InputError in place of each bad line."""
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
            yield guarded(obj, where, f"{origin}#{n}", f"line {lineno}: ")
        n += 1
    if not any_line:
        yield InputError(where, "empty file")
