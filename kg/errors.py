"""The one exception tree of kg.

Every error the library raises on purpose is a :class:`KGError`; the CLI turns it into a
one-line message and a non-zero exit. Messages name the file or value at fault and say
what to do next.

    KGError
    ├── InputError            an article file cannot be read or parsed
    │   ├── UnsupportedFormatError   the file's format is not one kg reads
    │   └── TimeBudgetError   an article took longer than its time budget to extract
    ├── ModelError            the spaCy model is missing or broken
    ├── StoreError            the store cannot be opened, written or read
    │   └── QueryError        a SPARQL query is invalid, too big, or its answer too long
    │       ├── RefusedQueryError   an update on a read path, or SERVICE where disabled
    │       └── UnknownValueError   a parameter value (a class, a name, a date) the store
    │                               does not know: the message suggests close matches
    ├── GoldError             a gold annotation file is malformed
    ├── LexiconError          a data file of kg's lexicon (kg/data/lexicon) is malformed
    ├── AnalysisError         an actor is not in the graph, or two actors are not connected
    └── PushError             a remote SPARQL store refused or failed a request
"""

from __future__ import annotations

import re

__all__ = ["AnalysisError", "GoldError", "InputError", "KGError", "LexiconError",
           "ModelError", "PushError", "QueryError", "RefusedQueryError", "StoreError",
           "TimeBudgetError", "UnknownValueError", "UnsupportedFormatError", "printable"]

# control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional
# overrides and isolates that reorder what a terminal shows, and lone surrogates
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters written as escapes, so that it prints as one line
    and cannot ring the terminal's bell, move its cursor or reverse what follows.

    >>> printable("a\\nb\\x07c\\u202ed")
    'a\\\\nb\\\\x07c\\\\u202ed'
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """An article file cannot be read: missing, empty, binary, or malformed."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{printable(path)}: {problem}")


class UnsupportedFormatError(InputError):
    """The file's format is not one kg reads."""


class TimeBudgetError(InputError):
    """Extracting an article took longer than the per-article time budget."""


class ModelError(KGError):
    """The spaCy model cannot be loaded."""


class StoreError(KGError):
    """The store cannot be opened, written or read."""


class QueryError(StoreError):
    """A SPARQL query is invalid, too long or nested too deeply, or its answer is longer
    than the caller allowed."""


class UnknownValueError(QueryError):
    """A parameter value kg cannot answer for: an unknown class (``type="Meetings"``), a
    name no node has (``actor="Vladimir Putn"``), a date that is no ISO date. The message
    lists the close matches among the values the store holds (:attr:`suggestions`); an
    empty answer would hide the typo. The CLI exits with status 2, as for a usage error."""

    def __init__(self, what: str, value: object, suggestions: list[str] | tuple[str, ...] = (),
                 hint: str = "") -> None:
        self.what = what
        self.value = value
        self.suggestions = tuple(suggestions)
        near = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" \
            if self.suggestions else ""
        super().__init__(f"unknown {what} {value!r}{near}{'; ' + hint if hint else ''}")


class RefusedQueryError(QueryError):
    """A well-formed request kg will not run here: a SPARQL update on a read path, or a
    federated query (``SERVICE``) where it is disabled."""


class GoldError(KGError):
    """A gold annotation file is malformed."""


class LexiconError(KGError):
    """A file of kg's lexicon (``kg/data/lexicon``) is missing or malformed."""


class AnalysisError(KGError):
    """An actor is not in the graph, two actors are not connected, or an export failed."""


class PushError(KGError):
    """A remote SPARQL store refused or failed a request."""
