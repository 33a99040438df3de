"""Copying a spaCy ``Doc`` into kg's plain :class:`~kg.model.Parse`."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.model import Parse, Sentence, Span, Token


def to_parse(doc: Doc) -> Parse:
    """The tokens, dependencies and sentences of ``doc`` as plain data.

    Sentence indexes are stored on each token, so later stages never need spaCy.
    """
    sent_of: list[int] = [0] * len(doc)
    sentences: list[Sentence] = []
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
        sentences.append(
            Sentence(n, sent.start, sent.end, Span(sent.start_char, sent.end_char))
        )
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            idx=t.idx,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            sent=sent_of[t.i],
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_ or "O",
            whitespace=t.whitespace_,
        )
        for t in doc
    )
    return Parse(text=doc.text, tokens=tokens, sentences=tuple(sentences))
