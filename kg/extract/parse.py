"""Copying a spaCy ``Doc`` into kg's plain :class:`~kg.model.Parse`."""

from __future__ import annotations

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

from kg.model import Parse, Sentence, Span, Token

_ATTRS = [ORTH, IDX, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, ENT_IOB, SENT_START]
_IOB = ("", "I", "O", "B")
# to_array returns uint64: HEAD (a signed offset to the head) comes back wrapped
_SIGN, _WRAP = 1 << 63, 1 << 64


def to_parse(doc: Doc) -> Parse:
    """The tokens, dependencies and sentences of ``doc`` as plain data.

    Sentence indexes are stored on each token, so later stages never need spaCy. The
    attributes are read in one bulk ``Doc.to_array`` call: this runs once per article on
    the hot path of corpus ingest.
    """
    n = len(doc)
    if n == 0:
        return Parse(text=doc.text, tokens=(), sentences=())
    rows = doc.to_array(_ATTRS).tolist()
    lookup = doc.vocab.strings
    names: dict[int, str] = {}  # hash -> string, memoised: tags and deps repeat a lot

    def string(h: int) -> str:
        s = names.get(h)
        if s is None:
            s = names[h] = lookup[h]
        return s

    text = doc.text
    size = len(text)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    sent = -1
    sent_start = 0
    for i, (orth, idx, lemma, pos, tag, dep, head, ent_type, ent_iob, starts) in enumerate(rows):
        if i == 0 or starts == 1:  # SENT_START: 1 starts a sentence
            if sent >= 0:
                sentences.append(_sentence(sent, sent_start, i, tokens))
            sent += 1
            sent_start = i
        word = string(orth)
        end = idx + len(word)
        tokens.append(Token(
            i, word, idx, string(lemma), string(pos), string(tag), string(dep),
            i + (head - _WRAP if head >= _SIGN else head), sent, string(ent_type),
            _IOB[ent_iob] or "O", " " if end < size and text[end] == " " else "",
        ))
    sentences.append(_sentence(sent, sent_start, n, tokens))
    return Parse(text=text, tokens=tuple(tokens), sentences=tuple(sentences))


def _sentence(index: int, start: int, end: int, tokens: list[Token]) -> Sentence:
    last = tokens[end - 1]
    return Sentence(index, start, end, Span(tokens[start].idx, last.idx + len(last.text)))
