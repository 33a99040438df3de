"""Checks on SPARQL text before it reaches the parser, and room for the parser to recurse.

Oxigraph's SPARQL parser and evaluator recurse on the shape of a query: about 3,000 nested
braces, 1,000 nested function calls or 10,000 chained ``+`` overflow an 8 MiB thread stack
and kill the process (SIGSEGV), even for a query that is invalid. Every query kg runs goes
through :func:`check_query` first, which reads the text once with a small lexer (strings,
IRIs and comments skipped) and refuses, with a one-line :class:`~kg.errors.QueryError`:

- an empty query (nothing but whitespace and comments);
- a query longer than :data:`MAX_QUERY_CHARS`;
- a query whose *estimated nesting* is above :data:`MAX_NESTING`: brackets count one level
  each, and so does every operator or keyword that chains at one level (``||``, ``&&``,
  ``+``, ``-``, ``*``, ``/``, ``!``, ``|``, ``^``, ``UNION``, ``OPTIONAL``, ``MINUS``,
  ``BIND``, ``FILTER``, a sibling group), since the parser builds a chain as a left-deep
  tree; rows of a ``VALUES`` block and commas do not count;
- a ``SERVICE`` clause unless ``allow_service`` (a federated query makes the process that
  runs it send HTTP requests to any address the query names).

The query is then run by :func:`on_large_stack` in a thread with a 256 MiB stack (reserved,
not used: pages are taken as the recursion needs them), which leaves a margin of more than
ten times the nesting the check lets through.

>>> check_query("SELECT * WHERE { ?s ?p ?o }")
>>> estimated_nesting("SELECT * WHERE { FILTER(1 + 2 + 3) }")
8
>>> is_update("# a comment\\nPREFIX ex: <http://ex/> DROP GRAPH ex:g")
True
"""

from __future__ import annotations

import re
import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

from kg.errors import QueryError, RefusedQueryError

__all__ = [
    "MAX_NESTING",
    "MAX_QUERY_CHARS",
    "STACK_BYTES",
    "check_query",
    "estimated_nesting",
    "is_update",
    "on_large_stack",
    "uses_service",
]

#: Longest query text kg runs (characters); the HTTP endpoint has its own, lower limit.
MAX_QUERY_CHARS = 1_000_000
#: Highest estimated nesting (see the module docstring) kg lets through to the parser.
MAX_NESTING = 1_000
#: Stack of the thread a query is parsed and evaluated in.
STACK_BYTES = 256 * 1024 * 1024

T = TypeVar("T")

_UPDATE_WORDS = frozenset({"insert", "delete", "load", "clear", "drop", "create", "add",
                           "copy", "move", "with"})
_CHAIN_WORDS = frozenset({"union", "optional", "minus", "bind", "filter", "service", "graph"})
_OPEN = frozenset("({[")
_CLOSE = frozenset(")}]")
_CHAIN_OPS = frozenset({"||", "&&", "+", "-", "*", "/", "!", "|", "^"})

# One alternative per kind of token; anything else (numbers, names, punctuation) is skipped.
# An IRI is at most 4,096 characters: a longer "<...>" is read as operators and operands, so
# that nothing the parser might read as an expression can hide inside a fake IRI.
_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]{0,4096}>)
  | (?P<name>[?$][^\W]\w*|@[A-Za-z]+(?:-[A-Za-z0-9]+)*|_:[\w.-]*
              |(?:[^\W\d][\w.-]*)?:(?:[\w.:%-]|\\.)*)
  | (?P<word>[A-Za-z]\w*)
  | (?P<op>\|\||&&|\^\^|!=|[(){}\[\]!+\-*/|^])
""", re.VERBOSE | re.DOTALL)


def check_query(sparql: str, *, max_chars: int = MAX_QUERY_CHARS,
                max_nesting: int = MAX_NESTING, allow_service: bool = True) -> None:
    """Raise :class:`QueryError` if ``sparql`` is empty, too long, nested too deeply for the
    parser, or (unless ``allow_service``) holds a ``SERVICE`` clause."""
    if len(sparql) > max_chars:
        raise QueryError(f"query is {len(sparql):,} characters; the limit is {max_chars:,}")
    scan = _Scan(sparql)
    if not scan.any_token:
        raise QueryError("empty query: give a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    if scan.nesting > max_nesting:
        raise QueryError(
            f"query nests too deeply: an estimated {scan.nesting:,} levels of brackets and "
            f"chained operators; the limit is {max_nesting:,} (use VALUES or IN lists for "
            "long alternatives, or split the query)")
    if not allow_service and "service" in scan.words:
        raise RefusedQueryError("SERVICE (federated query) is disabled here: it would make this "
                         "process send requests to the addresses the query names")


def estimated_nesting(sparql: str) -> int:
    """How deep the parser will recurse on ``sparql``, roughly (see the module docstring)."""
    return _Scan(sparql).nesting


def uses_service(sparql: str) -> bool:
    """Whether ``sparql`` holds the keyword ``SERVICE`` outside strings, IRIs and comments."""
    return "service" in _Scan(sparql).words


def is_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update: its first keyword after the prologue (``BASE``,
    ``PREFIX``) is INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, COPY, MOVE or WITH."""
    return _Scan(sparql).first_word in _UPDATE_WORDS


def on_large_stack(fn: Callable[[], T], stack_bytes: int = STACK_BYTES) -> T:
    """``fn()`` run in a new thread with a ``stack_bytes`` stack; its result or exception.

    The thread costs about 0.1 ms to start; its stack is address space, not memory, until
    the recursion reaches it.
    """
    box: list[T] = []
    err: list[BaseException] = []

    def run() -> None:
        try:
            box.append(fn())
        except BaseException as e:  # handed to the caller's thread
            # without the locals of its frames: pyoxigraph's query answers must be freed on
            # the thread that made them (the traceback's lines are kept)
            seen: set[int] = set()
            chained: BaseException | None = e
            while chained is not None and id(chained) not in seen:
                seen.add(id(chained))
                traceback.clear_frames(chained.__traceback__)
                chained = chained.__cause__ or chained.__context__
            err.append(e)

    with _STACK_LOCK:  # threading.stack_size is process-wide: set, start, restore
        old = threading.stack_size(stack_bytes)
        try:
            t = threading.Thread(target=run, name="kg-sparql", daemon=True)
            t.start()
        finally:
            threading.stack_size(old)
    t.join()
    if err:
        raise err[0]
    return box[0]


_STACK_LOCK = threading.Lock()


class _Scan:
    """One pass of the lexer over a query: estimated nesting, keywords, the first keyword."""

    __slots__ = ("any_token", "first_word", "nesting", "words")

    def __init__(self, sparql: str) -> None:
        self.words: set[str] = set()
        self.first_word: str | None = None
        self.any_token = False
        self.nesting = 0
        # per open bracket (and the query itself): [levels it adds (1 + chained operators so
        # far), 1 if it is VALUES data]
        stack: list[list[int]] = [[0, 0]]
        depth = 0
        values_next = False  # the next "{" opens a VALUES data block
        prologue: str | None = None  # BASE / PREFIX still expecting its IRI
        for m in _TOKEN.finditer(sparql):
            kind = m.lastgroup
            if kind == "comment":
                continue
            self.any_token = True
            text = m.group()
            in_data = stack[-1][1] == 1
            if kind == "word":
                word = text.lower()
                self.words.add(word)
                if self.first_word is None and prologue is None:
                    if word in ("base", "prefix"):
                        prologue = word
                    else:
                        self.first_word = word
                if word == "values":
                    values_next = True
                elif word in _CHAIN_WORDS and not in_data:
                    stack[-1][0] += 1
                    depth += 1
            elif kind == "iri":
                if prologue is not None:
                    prologue = None
            elif kind == "op":
                if text in _OPEN:
                    data = in_data or (values_next and text == "{")
                    if text == "{":
                        values_next = False
                    if not in_data:  # a sibling group chains with the others
                        stack[-1][0] += 1
                        depth += 1
                    stack.append([1, int(data)])
                    depth += 1
                elif text in _CLOSE:
                    if len(stack) > 1:
                        depth -= stack.pop()[0]
                elif text in _CHAIN_OPS and not in_data:
                    stack[-1][0] += 1
                    depth += 1
            if depth > self.nesting:
                self.nesting = depth
