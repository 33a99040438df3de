"""Helpers of the event tests: run kg's event finder on a hand-written sentence."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from spacy.language import Language

from kg.events import find_events
from kg.extract import analyze
from kg.model import Analysis, Article, Entity, Event, EventType, Role
from kg.resolve import resolve_entities

PUB = date(2024, 10, 23)  # a Wednesday
T = TypeVar("T")


def analyse(nlp: Language, text: str, published: date | None = PUB) -> Analysis:
    return next(analyze([Article(key="test", title="", body=text, published=published)],
                        nlp=nlp))


def run(nlp: Language, text: str, published: date | None = PUB
        ) -> tuple[tuple[Event, ...], dict[str, Entity]]:
    analysis = analyse(nlp, text, published)
    entities = resolve_entities(analysis)
    return find_events(analysis, entities), {e.key: e for e in entities}


def of_type(events: tuple[Event, ...], kind: EventType) -> list[Event]:
    return [e for e in events if e.type is kind]


def labels(event: Event, ents: dict[str, Entity], *roles: Role) -> set[str]:
    return {ents[a.entity].label for a in event.arguments if not roles or a.role in roles}


def with_states(event: Event, ents: dict[str, Entity]) -> set[str]:
    """Labels of an event's entities and of the states they belong to."""
    keys: list[str | None] = [a.entity for a in event.arguments]
    keys += [ents[k].part_of for k in keys if k and ents[k].part_of in ents]
    return {ents[k].label for k in keys if k}


def only(items: list[T]) -> T:
    assert len(items) == 1, items
    return items[0]
