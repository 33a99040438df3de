"""YAML front matter (``---`` lines around ``title: ...`` fields) at the top of a text or
Markdown file, read safely: size-capped, no timestamps or objects, one-line errors."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from kg.articles.limits import MAX_FRONT_MATTER_CHARS, first_clause
from kg.errors import InputError

_FRONT_MATTER_OPEN_RE = re.compile(r"\A---[ \t]*\n")
_FRONT_MATTER_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str, where: str) -> tuple[Mapping[str, Any], str]:
    """The fields of the front matter ``text`` opens with (``\\n`` line endings), and the
    text after it; ``({}, text)`` when there is none."""
    opening = _FRONT_MATTER_OPEN_RE.match(text)
    if opening is None:
        return {}, text
    import yaml

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
        raise InputError(where, f"invalid YAML front matter: {first_clause(e)}") from e
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
