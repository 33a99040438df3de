"""Amounts written in text: numbers, their bounds ("up to", "at least") and their units.

``read_quantity(parse, i)`` reads the number whose (last) token is ``i``: digits with
thousands separators, decimals, number words ("seventeen", "two hundred") and scale words
("700 million"). The unit is the noun the number modifies ("12,000 troops" → ``troops``) or
a currency ("700 million euros" → ``EUR``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from kg.lexicon import table
from kg.model import Parse, Quantity, Span, Token

_NUMBERS: dict[str, int] = {k: int(v) for k, v in table("number_words").items()}
#: Number words ("seventeen", "dozen") and scale words ("million", "bn").
_SCALES: dict[str, int] = {k: v for k, v in _NUMBERS.items() if v >= 100 and k != "dozen"}
_WORDS: dict[str, int] = {k: v for k, v in _NUMBERS.items() if k not in _SCALES}
_CURRENCIES: dict[str, str] = table("currencies")
# (words before the number, lower-case) → which bound the number gives
_MAX = (("up", "to"), ("as", "many", "as"), ("as", "much", "as"), ("at", "most"),
        ("no", "more", "than"), ("fewer", "than"), ("less", "than"), ("under",), ("below",),
        ("up", "to", "some"))
_MIN = (("at", "least"), ("more", "than"), ("over",), ("above",), ("upwards", "of"),
        ("in", "excess", "of"), ("no", "fewer", "than"), ("no", "less", "than"))
_APPROX = (("about",), ("around",), ("nearly",), ("approximately",), ("roughly",),
           ("almost",), ("some",), ("an", "estimated"), ("close", "to"), ("reportedly", "about"))
_NUM_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def _number_value(tok: Token) -> Decimal | None:
    text = tok.text.lower()
    if _NUM_RE.match(text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex admits only numbers
            return None
    if text in _WORDS:
        return Decimal(_WORDS[text])
    return None


def is_number(tok: Token) -> bool:
    return _number_value(tok) is not None or tok.text.lower() in _SCALES


def _number_run(parse: Parse, i: int) -> tuple[int, int, Decimal] | None:
    """Tokens ``[start, end)`` of the number containing token ``i``, and its value."""
    runs = _runs_of(parse)
    start, end = runs.back[i], runs.forward[i]
    start = min(runs.valued[start], end)
    if start >= end:
        return None
    value = runs.values.get((start, end))
    if value is None:
        value = runs.values[(start, end)] = _run_value(parse.tokens[start:end])
    return start, end, value


def _run_value(toks: Sequence[Token]) -> Decimal:
    total = Decimal(0)
    current = Decimal(0)
    for t in toks:
        low = t.text.lower()
        if low in _SCALES:
            current = (current or Decimal(1)) * _SCALES[low]
            if _SCALES[low] >= 1000:
                total += current
                current = Decimal(0)
        else:
            v = _number_value(t)
            if v is not None:
                current += v
    return total + current


class _Runs:
    """Where the scans of :func:`_number_run` stop, for every token of one parse, found in
    one pass each way (scanning from every number of a run of 20,000 took minutes):
    ``back[i]`` is the first token of the numbers just before ``i`` (stopping at a comma
    and at the sentence start), ``forward[i]`` the end of the numbers just after ``i``,
    ``valued[j]`` the first token from ``j`` on that has a value of its own; ``values``
    and ``units`` keep what was computed for a run."""

    def __init__(self, parse: Parse) -> None:
        toks = parse.tokens
        n = len(toks)
        numeric = [is_number(t) for t in toks]
        self.back = list(range(n))
        for i in range(1, n):
            if (numeric[i - 1] and toks[i - 1].text != ","
                    and toks[i - 1].sent == toks[i].sent):
                self.back[i] = self.back[i - 1]
        self.forward = [i + 1 for i in range(n)]
        for i in range(n - 2, -1, -1):
            if numeric[i + 1] and toks[i + 1].sent == toks[i].sent:
                self.forward[i] = self.forward[i + 1]
        self.valued = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            self.valued[j] = j if _number_value(toks[j]) is not None else self.valued[j + 1]
        self.values: dict[tuple[int, int], Decimal] = {}
        self.units: dict[tuple[int, int], tuple[str | None, int]] = {}


_LAST: list[tuple[Parse, _Runs]] = []  # the parse being read and its tables


def _runs_of(parse: Parse) -> _Runs:
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is parse:
        return last[1]
    runs = _Runs(parse)
    _LAST[:] = [(parse, runs)]
    return runs


def _before(parse: Parse, start: int, n: int) -> tuple[str, ...]:
    sent = parse.sentence_of(start)
    lo = max(sent.start, start - n)
    return tuple(t.text.lower() for t in parse.tokens[lo:start])


def _unit(parse: Parse, start: int, end: int) -> tuple[str | None, int]:
    """The unit and the token index of the counted noun (or -1); once per run."""
    units = _runs_of(parse).units
    found = units.get((start, end))
    if found is None:
        found = units[(start, end)] = _find_unit(parse, start, end)
    return found


def _find_unit(parse: Parse, start: int, end: int) -> tuple[str | None, int]:
    toks = parse.tokens
    if start > 0 and toks[start - 1].text in _CURRENCIES:
        return _CURRENCIES[toks[start - 1].text], toks[end - 1].head
    head = toks[end - 1].head
    for k in range(start, end):
        if not start <= toks[k].head < end:
            head = toks[k].head
            break
    if head in range(start, end) or head == end - 1:
        return None, -1
    noun = toks[head]
    if noun.text.lower() in _CURRENCIES:
        return _CURRENCIES[noun.text.lower()], head
    if noun.pos in ("NOUN", "PROPN") and noun.i > start:
        # "1,000 containers of military supplies": the counted noun is the head itself
        return noun.text.lower(), head
    if noun.pos == "ADP" and noun.lemma == "of" and noun.head != noun.i:  # "500 of the troops"
        return toks[noun.head].text.lower(), noun.head
    return None, -1


def read_quantity(parse: Parse, i: int) -> tuple[Quantity, int] | None:
    """The quantity whose number contains token ``i`` and the index of the counted noun.

    Bounds come from the words just before the number: "up to" / "as many as" give
    ``max_value``, "at least" / "more than" give ``min_value``; "about" and the like keep
    ``value`` (an approximate exact value). Years ("in 2011") are not quantities.
    """
    run = _number_run(parse, i)
    if run is None:
        return None
    start, end, value = run
    toks = parse.tokens
    first = toks[start]
    if first.ent_type in ("DATE", "TIME", "ORDINAL", "PERCENT") or first.pos not in ("NUM",):
        if not (first.ent_type in ("CARDINAL", "MONEY", "QUANTITY") or first.pos == "NUM"):
            return None
        if first.ent_type in ("DATE", "TIME", "ORDINAL"):
            return None
    unit, noun = _unit(parse, start, end)
    lo = start
    if lo > 0 and toks[lo - 1].text in _CURRENCIES:
        lo -= 1
    min_v: Decimal | None = None
    max_v: Decimal | None = None
    exact: Decimal | None = value
    before = _before(parse, lo, 4)
    for cues, kind in ((_MAX, "max"), (_MIN, "min"), (_APPROX, "approx")):
        hit = next((c for c in cues if before[-len(c):] == c), None)
        if hit is None:
            continue
        lo -= len(hit)
        if kind == "max":
            max_v, exact = value, None
        elif kind == "min":
            min_v, exact = value, None
        break
    last = end - 1
    if unit is not None and noun >= end and noun < len(toks) and noun - end <= 3:
        last = noun
    span = Span(toks[lo].idx, toks[last].idx + len(toks[last].text))
    q = Quantity(span=span, text=parse.span_text(span), value=exact, min_value=min_v,
                 max_value=max_v, unit=unit)
    return q, noun
