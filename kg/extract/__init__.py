"""The NLP stage: the only package that imports spaCy.

``analyze(articles)`` runs the pipeline over article bodies in batches and returns, per
article, a plain :class:`~kg.model.Parse` and the :class:`~kg.model.Mention` spans that
name entities, times and quantities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.coordination import lift_finite_conjuncts
from kg.extract.entities import FORCE, refine_entities
from kg.extract.nlp import MODEL_NAME, load_nlp
from kg.extract.parse import to_parse
from kg.extract.repair import repair_headlines
from kg.model import Analysis, Article, Mention, Parse, Span

__all__ = [
    "FORCE",
    "MODEL_NAME",
    "Language",
    "analyze",
    "analyze_doc",
    "load_nlp",
    "refine_entities",
    "to_parse",
]


def _mentions(doc: Doc, parse: Parse) -> tuple[Mention, ...]:
    out: list[Mention] = []
    for ent in doc.ents:
        out.append(
            Mention(
                span=Span(ent.start_char, ent.end_char),
                text=ent.text,
                label=ent.label_,
                start=ent.start,
                end=ent.end,
                sentence=parse.tokens[ent.start].sent,
            )
        )
    return tuple(out)


def analyze_doc(article: Article, doc: Doc, nlp: Language | None = None) -> Analysis:
    """Turn the spaCy ``doc`` of ``article.body`` into an :class:`Analysis`.

    kg's entity rules (:func:`refine_entities`) run first, so tokens and mentions carry
    the refined labels (``FORCE`` among them). With ``nlp``, headline-style sentences whose
    verb the model misread as a noun are parsed again (:mod:`kg.extract.repair`); a finite
    verb hung on a to-infinitive is attached to its governor (:mod:`kg.extract.coordination`).
    """
    refine_entities(doc)
    parse = to_parse(doc)
    if nlp is not None:
        parse = repair_headlines(parse, nlp)
    parse = lift_finite_conjuncts(parse)
    return Analysis(article=article, parse=parse, mentions=_mentions(doc, parse))


#: Invisible format characters (zero-width space and joiners, word joiner, byte-order mark)
#: read as spaces by the parser, which would otherwise glue them to a word ("on\u200bRussia"
#: is no name); one character for one, so every offset still points into the body.
_INVISIBLE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "))


def analyze(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Analysis]:
    """Parse article bodies in batches (``nlp.pipe``) and yield one Analysis each."""
    model = nlp if nlp is not None else load_nlp()
    pairs = ((a.body.translate(_INVISIBLE), a) for a in articles)
    for doc, article in model.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                   n_process=n_process):
        yield analyze_doc(article, doc, model)
