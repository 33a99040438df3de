"""The read side (kg.read): its queries name every class and role of the model, and the
records it reads agree with the graph."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from kg.model import EntityType, EventType, Role
from kg.read import read_query

QUERIES = sorted(p.name[:-3] for p in resources.files("kg.queries").joinpath("read").iterdir()
                 if p.name.endswith(".rq"))

EVENTS = {f"kg:{t.value}" for t in EventType}
ENTITIES = {f"kg:{t.value}" for t in EntityType}
ROLES = {f"kg:{r.value}" for r in Role}
ACTOR_ROLES = {f"kg:{r.value}" for r in Role if not r.is_place}


def lists(text: str) -> list[set[str]]:
    """The sets of kg: terms in each ``VALUES ?v { ... }`` and ``IN (...)`` of a query."""
    found = re.findall(r"VALUES \?\w+ \{([^}]*)\}|IN \(([^)]*)\)", text)
    return [set(re.findall(r"kg:\w+", a or b)) for a, b in found]


def test_there_are_read_queries() -> None:
    assert {"event", "entity", "graph_events", "graph_roles"} <= set(QUERIES)


@pytest.mark.parametrize("name", QUERIES)
def test_each_class_list_is_a_whole_vocabulary(name: str) -> None:
    """A class or role list written out in a .rq file is exactly one of the model's enums
    (plus kg:attributedTo where labels of attributed sources are read)."""
    for terms in lists(read_query(name)):
        assert terms - {"kg:attributedTo"} in (EVENTS, ENTITIES, ROLES, ACTOR_ROLES), (name, terms)


@pytest.mark.parametrize("name", QUERIES)
def test_each_read_query_parses_and_runs(name: str) -> None:
    from kg.store import KnowledgeGraph

    with KnowledgeGraph() as kg:
        assert kg.query(read_query(name)).rows == []
