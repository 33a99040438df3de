"""A finite verb the model coordinated with a to-infinitive is attached to the verb that
governs the infinitive (kg.extract.coordination). The parses are built by hand, so a model
upgrade does not change what these tests check; one end-to-end case checks the event."""

from __future__ import annotations

from eventkit import labels, of_type, only, run
from spacy.language import Language

from kg.extract.coordination import lift_finite_conjuncts
from kg.model import EventType, Parse, Sentence, Span, Token

# (text, tag, dep, head)
URGED = [("Raab", "NNP", "nsubj", 1), ("urged", "VBD", "ROOT", 1), ("Kyiv", "NNP", "dobj", 1),
         ("to", "TO", "aux", 4), ("wait", "VB", "xcomp", 1), ("and", "CC", "cc", 4),
         ("spoke", "VBD", "conj", 4), ("with", "IN", "prep", 6), ("Blinken", "NNP", "pobj", 7)]


def _parse(rows: list[tuple[str, str, str, int]]) -> Parse:
    tokens, idx = [], 0
    for i, (text, tag, dep, head) in enumerate(rows):
        tokens.append(Token(i=i, text=text, idx=idx, lemma=text.lower(), pos="VERB"
                            if tag.startswith("VB") else "X", tag=tag, dep=dep, head=head,
                            sent=0, whitespace=" "))
        idx += len(text) + 1
    text = " ".join(r[0] for r in rows)
    return Parse(text=text, tokens=tuple(tokens),
                 sentences=(Sentence(0, 0, len(rows), Span(0, len(text))),))


def test_a_finite_verb_on_an_infinitive_is_lifted_to_its_governor() -> None:
    parse = lift_finite_conjuncts(_parse(URGED))
    assert parse.tokens[6].head == 1  # "spoke" is coordinated with "urged"
    assert [t.head for t in parse.tokens[:6]] == [r[3] for r in URGED[:6]]


def test_two_infinitives_stay_coordinated() -> None:
    rows = [*URGED[:6], ("talk", "VB", "conj", 4), *URGED[7:]]
    parse = _parse(rows)
    assert lift_finite_conjuncts(parse) is parse


def test_who_spoke_after_urging_is_the_one_who_urged(nlp: Language) -> None:
    events, ents = run(nlp, "Foreign Secretary Dominic Raab urged the embassy to reconsider "
                            "and spoke with Secretary of State Mike Pompeo about the case.")
    assert labels(only(of_type(events, EventType.MEETING)), ents) == {
        "Dominic Raab", "Mike Pompeo"}
