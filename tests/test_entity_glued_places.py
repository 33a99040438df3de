"""A place's name the model glued to the name after "<title> from" ("Senator from Vermont
Bernie Sanders") is a place and a person (kg.extract.entities._persons). Read off an
unseen Wikinews article; sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract import analyze
from kg.model import Article, EntityType
from kg.resolve import resolve_entities


def _labels(nlp: Language, text: str) -> dict[str, EntityType]:
    article = Article(key="t", title="", body=text)
    return {e.label: e.type for e in resolve_entities(next(analyze([article], nlp=nlp)))}


@pytest.mark.parametrize(("text", "person", "place"), [
    ("On Monday, Senator from Vermont Bernie Sanders endorsed the bill.",
     "Bernie Sanders", "Vermont"),
    ("Congressman from Texas Dan Crenshaw criticized the decision.", "Dan Crenshaw", "Texas"),
])
def test_a_place_glued_to_a_titled_name_is_two_entities(nlp: Language, text: str,
                                                        person: str, place: str) -> None:
    labels = _labels(nlp, text)
    assert labels.get(person) is EntityType.PERSON
    assert labels.get(place) is EntityType.PLACE
