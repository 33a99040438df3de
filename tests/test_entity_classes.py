"""Classes of entity errors fixed on the dev split (data/gold/dev), each with sentences of
its own: armed groups, commands, platforms, places the model misread, ships and works."""

from __future__ import annotations

from spacy.language import Language

from kg.extract import analyze
from kg.model import Article, Entity, EntityType, Span
from kg.resolve import EntityIndex, resolve_entities


def entities(nlp: Language, text: str) -> tuple[Entity, ...]:
    analysis = next(analyze([Article(key="t", title="", body=text)], nlp=nlp))
    return resolve_entities(analysis)


def typed(nlp: Language, text: str) -> dict[str, EntityType]:
    """Label → type of every entity named in ``text``."""
    return {e.label: e.type for e in entities(nlp, text)}


def at(nlp: Language, text: str, phrase: str) -> Entity | None:
    begin = text.index(phrase)
    return EntityIndex(entities(nlp, text)).at(Span(begin, begin + len(phrase)))


def test_non_state_armed_groups_are_organisations(nlp: Language) -> None:
    text = ("Fighters of the Rapid Support Forces shelled a market, and the Syrian "
            "Democratic Forces withdrew from two villages near the border.")
    got = typed(nlp, text)
    assert got["Rapid Support Forces"] is EntityType.ORGANIZATION
    assert got["Syrian Democratic Forces"] is EntityType.ORGANIZATION
    assert "Democratic Forces" not in got


def test_combatant_commands_are_forces_of_their_state(nlp: Language) -> None:
    text = "The U.S. Southern Command said that U.S. CENTCOM had moved two destroyers."
    southern = at(nlp, text, "U.S. Southern Command")
    central = at(nlp, text, "U.S. CENTCOM")
    assert southern is not None and southern.type is EntityType.MILITARY_FORCE
    assert southern.label == "United States Southern Command"
    assert central is not None and central.label == "United States Central Command"


def test_social_media_platforms_are_organisations(nlp: Language) -> None:
    got = typed(nlp, "The senator wrote on Twitter that the vote was rigged.")
    assert got.get("Twitter") is EntityType.ORGANIZATION
