"""Repairs of coordination the model attaches one level too low.

"Raab urged the embassy to reconsider and spoke with Pompeo": the small English model
hangs the finite verb "spoke" on the infinitive "reconsider", so "spoke" would take the
embassy as its subject and the urging as its frame. A finite verb (past or present tense)
cannot be coordinated with a bare infinitive; it is coordinated with the verb that governs
the infinitive, and is attached there. Works on the plain-data parse
(:class:`kg.model.Parse`); the text, offsets and every other arc stay the same.
"""

from __future__ import annotations

from kg.model import Parse, Token

#: Finite verb tags: past tense, third-person and other present tense.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _lifted(parse: Parse, t: Token) -> int | None:
    """The new head of conjunct ``t``, when it is a finite verb on a to-infinitive."""
    if t.dep != "conj" or t.tag not in _FINITE or t.head == t.i:
        return None
    inf = parse.tokens[t.head]
    if inf.tag != "VB" or inf.dep not in ("xcomp", "advcl") or inf.head == inf.i:
        return None
    if not any(c.dep == "aux" and c.text.lower() == "to" for c in parse.children(inf.i)):
        return None
    return inf.head


def lift_finite_conjuncts(parse: Parse) -> Parse:
    """``parse`` with each finite verb coordinated with a to-infinitive attached to the
    infinitive's governor instead ("urged X to reconsider and spoke with Y")."""
    tokens = list(parse.tokens)
    changed = False
    for t in parse.tokens:
        head = _lifted(parse, t)
        if head is not None:
            tokens[t.i] = t._replace(head=head)
            changed = True
    if not changed:
        return parse
    return Parse(text=parse.text, tokens=tuple(tokens), sentences=parse.sentences)
