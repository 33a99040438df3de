"""Contract scoring (kg.evaluate) on hand-built graphs with known precision and recall."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from kg.evaluate import (
    GoldError,
    evaluate,
    format_confusion,
    format_report,
    load_gold,
    normalize,
    pooled,
)
from kg.rdf.vocab import KG, SEM, TIME

R = "https://w3id.org/geokg/resource/"


def node(name: str) -> URIRef:
    return URIRef(R + name)


def entity(g: Graph, name: str, kind: str, label: str, *alt: str) -> URIRef:
    n = node(name)
    g.add((n, RDF.type, KG[kind]))
    g.add((n, RDFS.label, Literal(label)))
    for a in alt:
        g.add((n, SKOS.altLabel, Literal(a)))
    return n


def event(g: Graph, name: str, kind: str, **roles: URIRef) -> URIRef:
    e = node(f"article/x/event/{name}")
    g.add((e, RDF.type, KG[kind]))
    g.add((e, RDFS.label, Literal(name)))
    for role, target in roles.items():
        g.add((e, KG[role], target))
    return e


def write_gold(tmp_path: Path, entities: list[dict[str, object]],
               events: list[dict[str, object]]) -> Path:
    p = tmp_path / "a.gold.json"
    p.write_text(json.dumps({"file": "a.txt", "entities": entities, "events": events}))
    return p


GOLD_ENTITIES: list[dict[str, object]] = [
    {"label": "North Korea", "type": "Country", "aliases": ["DPRK", "North Korean"]},
    {"label": "Russia", "type": "Country", "aliases": ["Russian"]},
    {"label": "Lloyd Austin", "type": "Person", "aliases": ["Austin"]},
    {"label": "Kursk", "type": "Place", "aliases": ["Kursk region"], "optional": True},
]


def base_graph() -> Graph:
    g = Graph()
    entity(g, "country/PRK", "Country", "North Korea")
    entity(g, "country/RUS", "Country", "Russia", "Russian Federation")
    entity(g, "person/lloyd-austin", "Person", "Lloyd Austin")
    return g


def test_normalize_ignores_case_punctuation_the_and_possessive() -> None:
    assert normalize("The U.S.") == normalize("us")
    assert normalize("North Korea’s") == "north korea"
    assert normalize("Kim Yong-hyun") == "kim yonghyun"


def test_entities_all_found(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, GOLD_ENTITIES, [])
    r = evaluate(gold, base_graph())
    assert (r.entities.precision, r.entities.recall) == (1.0, 1.0)


def test_second_node_for_one_entity_is_a_false_positive(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, GOLD_ENTITIES, [])
    g = base_graph()
    entity(g, "country/dprk", "Country", "DPRK")
    entity(g, "person/nobody", "Person", "Nobody")
    r = evaluate(gold, g)
    assert r.entities.paired_output == 3 and r.entities.output == 5
    assert r.entities.precision == pytest.approx(3 / 5)
    assert r.entities.recall == 1.0
    assert sorted(x.split(":")[0] for x in r.spurious_entities) == ["Country", "Person"]


def test_entity_type_must_match_and_optional_is_not_required(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, GOLD_ENTITIES, [])
    g = Graph()
    entity(g, "place/kursk", "Place", "Kursk region")  # optional gold: neither TP nor FP
    entity(g, "org/russia", "Organization", "Russia")  # wrong type
    r = evaluate(gold, g)
    assert r.entities.output == 1 and r.entities.paired_output == 0
    assert r.entities.gold == 3 and r.entities.paired_gold == 0


def test_event_pairs_through_role_nodes_within_two_hops(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [
        {"types": ["Transfer"], "participants": ["North Korea", "Russia"]},
        {"types": ["Meeting"], "participants": ["Lloyd Austin"]},
        {"types": ["Combat"], "participants": ["Russia"], "optional": True},
    ]
    gold = write_gold(tmp_path, GOLD_ENTITIES, events)
    g = base_graph()
    role = node("article/x/role/1")
    e = event(g, "supply", "Transfer", agent=node("country/PRK"))
    g.add((e, KG.recipient, role))  # a role node one hop away, the actor two hops away
    g.add((role, RDF.value, node("country/RUS")))
    event(g, "attack", "Combat", agent=node("country/RUS"))  # pairs with the optional one
    event(g, "talks", "Meeting", participant=node("country/RUS"))  # Austin not reachable
    r = evaluate(gold, g)
    assert r.events.paired_gold == 1 and r.events.gold == 2
    assert r.events.output == 2 and r.events.paired_output == 1
    assert r.events.precision == pytest.approx(0.5)
    assert r.events.recall == pytest.approx(0.5)
    assert r.per_type["Meeting"].recall == 0.0
    assert r.missed_events and "Meeting" in r.missed_events[0]


def test_provenance_is_not_followed_and_type_must_be_allowed(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [{"types": ["Statement"], "participants": ["Lloyd Austin"]}]
    gold = write_gold(tmp_path, GOLD_ENTITIES, events)
    g = base_graph()
    mention = node("article/x/mention/0-6")
    g.add((mention, RDFS.label, Literal("Lloyd Austin")))
    event(g, "said", "Statement", evidence=mention)
    event(g, "met", "Meeting", participant=node("person/lloyd-austin"))
    r = evaluate(gold, g)
    assert r.events.paired_gold == 0 and r.events.output == 2


def test_alternatives_aliases_and_maximum_matching(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [
        {"types": ["Deployment"], "participants": ["North Korean troops|North Korea"]},
        {"types": ["Deployment"], "participants": ["North Korea"]},
    ]
    gold = write_gold(tmp_path, GOLD_ENTITIES, events)
    g = Graph()
    entity(g, "country/PRK", "Country", "DPRK")  # an alias of the gold entity
    event(g, "deploy-1", "Deployment", agent=node("country/PRK"))
    event(g, "deploy-2", "Deployment", agent=node("country/PRK"))
    r = evaluate(gold, g)
    assert r.events.f1 == 1.0


def test_arguments_scored_on_paired_events(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [{
        "types": ["Deployment"], "participants": ["North Korea"], "place": "Kursk",
        "quantity": [12000], "time_text": "this week", "time": "2024-10-21",
        "modality": "possible", "polarity": "positive"}]
    gold = write_gold(tmp_path, GOLD_ENTITIES, events)
    g = base_graph()
    kursk = entity(g, "place/kursk", "Place", "Kursk region")
    e = event(g, "deploy", "Deployment", agent=node("country/PRK"), destination=kursk)
    q = node("article/x/quantity/1-2")
    g.add((e, KG.quantity, q))
    g.add((q, KG.maxValue, Literal(Decimal(12000), datatype=XSD.decimal)))
    t = node("article/x/time/3-4")
    g.add((e, SEM.hasTime, t))
    g.add((t, RDFS.label, Literal("this week")))
    g.add((t, TIME.inXSDDate, Literal("2024-10-22", datatype=XSD.date)))
    g.add((e, KG.modality, KG.Reported))
    r = evaluate(gold, g)
    assert r.arguments == {"place": (1, 1), "quantity": (1, 1), "time": (0, 1),
                           "time_text": (1, 1), "modality": (0, 1), "polarity": (1, 1)}
    assert r.argument_accuracy == pytest.approx(4 / 6)
    assert "modality" in format_report(r)


def test_dataset_named_graphs_are_read(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [{"types": ["Meeting"], "participants": ["Lloyd Austin"]}]
    gold = write_gold(tmp_path, GOLD_ENTITIES, events)
    ds = Dataset()
    g = ds.graph(node("article/x"))
    for triple in base_graph():
        g.add(triple)
    event(g, "met", "Meeting", participant=node("person/lloyd-austin"))
    r = evaluate(gold, ds)
    assert r.events.f1 == 1.0 and r.entities.f1 == 1.0


def test_bad_gold_files_raise_one_line_errors(tmp_path: Path) -> None:
    p = tmp_path / "bad.gold.json"
    p.write_text("{not json")
    with pytest.raises(GoldError, match="not valid JSON"):
        load_gold(p)
    p.write_text(json.dumps({"file": "a.txt", "entities": [],
                             "events": [{"types": ["Party"], "participants": []}]}))
    with pytest.raises(GoldError, match="Party"):
        load_gold(p)


def test_seed_gold_loads(shared_dir: Path) -> None:
    gold = load_gold(shared_dir / "seed" / "000_4fd073a643f2e162.gold.json")
    assert gold.article_path.name == "000_4fd073a643f2e162.txt"
    assert sum(1 for e in gold.events if not e.optional) == 20


def test_class_confusion_pairs_left_over_events_by_participants(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [
        {"types": ["Combat"], "participants": ["Russia"]},
        {"types": ["Meeting"], "participants": ["Lloyd Austin"]},
        {"types": ["Statement"], "participants": []},
    ]
    gold = write_gold(tmp_path, GOLD_ENTITIES, events)
    g = base_graph()
    event(g, "said", "Statement", speaker=node("country/RUS"))  # Russia: a Combat read wrong
    event(g, "met", "Meeting", participant=node("person/lloyd-austin"))
    event(g, "pledge", "Cooperation", participant=node("country/PRK"))
    r = evaluate(gold, g)
    # the Statement pairs with the participant-less gold Statement; the Combat is missed
    assert r.confusion == {("Meeting", "Meeting"): 1, ("Statement", "Statement"): 1,
                           ("Combat", "-"): 1, ("-", "Cooperation"): 1}
    assert "class confusion" in format_confusion(r)


def test_pooled_reports_add_counts(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [{"types": ["Meeting"], "participants": ["Lloyd Austin"]}]
    gold = write_gold(tmp_path, GOLD_ENTITIES, events)
    g = base_graph()
    event(g, "met", "Meeting", participant=node("person/lloyd-austin"))
    event(g, "talks", "Meeting", participant=node("country/RUS"))
    one = evaluate(gold, g)
    total = pooled([one, one])
    assert (total.events.paired_output, total.events.output) == (2, 4)
    assert total.events.recall == 1.0 and total.events.precision == pytest.approx(0.5)
    assert total.per_type["Meeting"].output == 4
    assert total.confusion[("Meeting", "Meeting")] == 2
