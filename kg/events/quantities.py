"""Amounts written in text: numbers, their bounds ("up to", "at least") and their units.

``read_quantity(parse, i)`` reads the number whose (last) token is ``i``: digits with
thousands separators, decimals, number words ("seventeen", "two hundred") and scale words
("700 million"). The unit is the noun the number modifies ("12,000 troops" → ``troops``) or
a currency ("700 million euros" → ``EUR``).
"""

from __future__ import annotations

import re
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
    toks = parse.tokens
    sent = parse.sentence_of(i)
    start = i
    while start > sent.start and is_number(toks[start - 1]) and toks[start - 1].text != ",":
        start -= 1
    end = i + 1
    while end < sent.end and is_number(toks[end]):
        end += 1
    while start < end and _number_value(toks[start]) is None:
        start += 1
    if start >= end:
        return None
    total = Decimal(0)
    current = Decimal(0)
    for t in toks[start:end]:
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
    return start, end, total + current


def _before(parse: Parse, start: int, n: int) -> tuple[str, ...]:
    sent = parse.sentence_of(start)
    lo = max(sent.start, start - n)
    return tuple(t.text.lower() for t in parse.tokens[lo:start])


def _unit(parse: Parse, start: int, end: int) -> tuple[str | None, int]:
    """The unit and the token index of the counted noun (or -1)."""
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
