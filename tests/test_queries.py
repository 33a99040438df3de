"""Every named query in kg/queries, run on a small hand-built graph with known answers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from kg.errors import QueryError
from kg.store import KnowledgeGraph, list_queries, load_query

KG = Namespace("https://w3id.org/geokg/ontology#")
KGR = Namespace("https://w3id.org/geokg/resource/")
A1 = KGR["article/00000000000000a1"]
A2 = KGR["article/00000000000000a2"]

PREFIXES = """
@prefix kg: <https://w3id.org/geokg/ontology#> .
@prefix kgr: <https://w3id.org/geokg/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
"""

ENTITIES = """
kgr:country/PRK a kg:Country ; rdfs:label "North Korea" ; kg:iso3 "PRK" .
kgr:country/RUS a kg:Country ; rdfs:label "Russia" ; kg:iso3 "RUS" .
kgr:country/USA a kg:Country ; rdfs:label "United States" ; skos:altLabel "U.S." ; kg:iso3 "USA" .
kgr:country/UKR a kg:Country ; rdfs:label "Ukraine" ; kg:iso3 "UKR" .
kgr:force/PRK a kg:MilitaryForce ; rdfs:label "North Korean troops" ; kg:forceOf kgr:country/PRK .
kgr:person/lloyd-austin a kg:Person ; rdfs:label "Lloyd Austin" ; skos:altLabel "Austin" .
kgr:person/kim-yong-hyun a kg:Person ; rdfs:label "Kim Yong-hyun" .
kgr:person/sergiy-kyslytsya a kg:Person ; rdfs:label "Sergiy Kyslytsya" ;
    skos:altLabel "Kyslytsya" .
kgr:place/kursk a kg:Place ; rdfs:label "Kursk" ; geo:lat 51.73 ; geo:long 36.19 .
"""

ARTICLE1 = PREFIXES + ENTITIES + """
kgr:article/00000000000000a1 a kg:Article ; kg:title "Troops move" ;
    kg:published "2024-10-30"^^xsd:date .
kgr:article/00000000000000a1/event/1 a kg:Meeting ; rdfs:label "Meeting: talks" ;
    kg:cameoCode "04" ; kg:agent kgr:person/lloyd-austin ;
    kg:participant kgr:person/kim-yong-hyun ;
    sem:hasTime [ rdfs:label "Wednesday" ; time:inXSDDate "2024-10-30"^^xsd:date ] ;
    kg:article kgr:article/00000000000000a1 ;
    kg:evidence [ kg:article kgr:article/00000000000000a1 ] .
kgr:article/00000000000000a1/event/2 a kg:Deployment ; rdfs:label "Deployment: in" ;
    kg:cameoCode "15" ; kg:agent kgr:force/PRK ; kg:location kgr:country/RUS ;
    kg:quantity [ kg:value 10000 ; kg:unit "troops" ] ;
    kg:attributedTo kgr:country/USA ; kg:modality kg:Estimated ;
    sem:hasTime [ time:inXSDDate "2024-10-30"^^xsd:date ] ;
    kg:article kgr:article/00000000000000a1 ;
    kg:evidence [ kg:article kgr:article/00000000000000a1 ] .
kgr:article/00000000000000a1/event/3 a kg:Deployment ; rdfs:label "Deployment: training" ;
    kg:cameoCode "15" ; kg:agent kgr:force/PRK ; kg:destination kgr:country/RUS ;
    kg:quantity [ kg:maxValue 12000 ; kg:unit "soldiers" ] ;
    kg:attributedTo kgr:person/sergiy-kyslytsya ; kg:modality kg:Reported ;
    kg:article kgr:article/00000000000000a1 ;
    kg:evidence [ kg:article kgr:article/00000000000000a1 ] .
kgr:article/00000000000000a1/event/5 a kg:Deployment ; rdfs:label "Deployment: including" ;
    kg:cameoCode "15" ; kg:agent kgr:force/PRK ; kg:destination kgr:country/RUS ;
    kg:quantity [ kg:minValue 500 ; kg:unit "officers" ] ;
    kg:attributedTo kgr:country/USA ;
    kg:article kgr:article/00000000000000a1 ;
    kg:evidence [ kg:article kgr:article/00000000000000a1 ] .
kgr:article/00000000000000a1/event/4 a kg:Statement ; rdfs:label "Statement: called" ;
    kg:cameoCode "01" ; kg:speaker kgr:person/lloyd-austin ;
    kg:quote "dangerous and destabilizing" ; kg:polarity kg:Positive ;
    sem:hasTime [ time:inXSDDate "2024-10-30"^^xsd:date ] ;
    kg:article kgr:article/00000000000000a1 ;
    kg:evidence [ kg:article kgr:article/00000000000000a1 ] .
"""

ARTICLE2 = PREFIXES + ENTITIES + """
kgr:article/00000000000000a2 a kg:Article ; kg:title "Talks again" ;
    kg:published "2024-11-01"^^xsd:date .
kgr:article/00000000000000a2/event/1 a kg:Meeting ; rdfs:label "Meeting: met" ;
    kg:cameoCode "04" ; kg:agent kgr:person/kim-yong-hyun ;
    kg:participant kgr:person/lloyd-austin ;
    sem:hasTime [ time:inXSDDate "2024-11-01"^^xsd:date ] ;
    kg:article kgr:article/00000000000000a2 ;
    kg:evidence [ kg:article kgr:article/00000000000000a2 ] .
kgr:article/00000000000000a2/event/2 a kg:Deployment ; rdfs:label "Deployment: sent" ;
    kg:cameoCode "15" ; kg:agent kgr:force/PRK ; kg:location kgr:place/kursk ;
    kg:quantity [ kg:value 10000 ; kg:unit "troops" ] ; kg:attributedTo kgr:country/USA ;
    kg:article kgr:article/00000000000000a2 ;
    kg:evidence [ kg:article kgr:article/00000000000000a2 ] .
kgr:article/00000000000000a2/event/3 a kg:Combat ; rdfs:label "Combat: fought" ;
    kg:cameoCode "19" ; kg:agent kgr:country/UKR ; kg:target kgr:force/PRK ;
    kg:location kgr:place/kursk ;
    kg:article kgr:article/00000000000000a2 ;
    kg:evidence [ kg:article kgr:article/00000000000000a2 ] .
kgr:article/00000000000000a2/event/4 a kg:Statement ; rdfs:label "Statement: denied" ;
    kg:cameoCode "01" ; kg:speaker kgr:person/sergiy-kyslytsya ; kg:polarity kg:Negative ;
    kg:addressee kgr:country/RUS ;
    kg:article kgr:article/00000000000000a2 ;
    kg:evidence [ kg:article kgr:article/00000000000000a2 ] .
"""


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
_ACTOR_ROLES = ("agent", "participant", "recipient", "target", "speaker", "addressee")
_ACTOR_CLASSES = ("Person", "Country", "Organization", "MilitaryForce")


def turtle(text: str) -> Graph:
    """Parse Turtle where ``kgr:a/b`` may hold slashes (expanded to full IRIs first), and
    add what kg.rdf.mapping writes beside the hand-written triples: sem:hasActor for each
    actor role, sem:Actor for each actor, and each article's kg:eventCount."""
    text = re.sub(r"\bkgr:([\w/\-]+)", lambda m: f"<{KGR}{m.group(1)}>", text)
    g = Graph().parse(data=text, format="turtle")
    for role in _ACTOR_ROLES:
        for s, o in list(g.subject_objects(KG[role])):
            g.add((s, SEM.hasActor, o))
    for cls in _ACTOR_CLASSES:
        for s in list(g.subjects(RDF.type, KG[cls])):
            g.add((s, RDF.type, SEM.Actor))
    for a in list(g.subjects(RDF.type, KG.Article)):
        events = {e for e in g.subjects(KG.article, a) if (e, KG.cameoCode, None) in g}
        g.add((a, KG.eventCount, Literal(len(events))))
    return g


def py(term: object) -> object:
    assert isinstance(term, Literal)
    return term.toPython()


def ev(article: URIRef, n: int) -> URIRef:
    return URIRef(f"{article}/event/{n}")


@pytest.fixture(scope="module")
def kg() -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph() as k:
        k.add_article_graph(A1, turtle(ARTICLE1), "1")
        k.add_article_graph(A2, turtle(ARTICLE2), "2")
        yield k


def column(kg: KnowledgeGraph, name: str, var: str, **params: object) -> list[Any]:
    return [row[var] for row in kg.named_query(name, params).rows]


def test_every_query_has_a_description_and_a_test() -> None:
    names = {q.name for q in list_queries()}
    assert names == {"events_by_type", "who_met_whom", "deployments_with_quantities",
                     "actor_timeline", "statements_by_speaker", "contested_claims",
                     "entities_by_type", "articles", "dyads"}
    assert all(q.description for q in list_queries())
    tested = {n[len("test_"):] for n in globals() if n.startswith("test_")}
    assert names <= tested


def test_events_by_type(kg: KnowledgeGraph) -> None:
    deployments = [ev(A1, 2), ev(A1, 3), ev(A1, 5), ev(A2, 2)]
    assert sorted(column(kg, "events_by_type", "event", type="Deployment")) == deployments
    assert sorted(column(kg, "events_by_type", "event", type=KG.Deployment,
                         country="prk")) == deployments
    assert column(kg, "events_by_type", "event", type="kg:Deployment", country="UKR") == []
    assert column(kg, "events_by_type", "event", type="Combat", country="PRK") == [ev(A2, 3)]
    assert column(kg, "events_by_type", "event", type="Combat", country="UKR") == [ev(A2, 3)]
    assert column(kg, "events_by_type", "date", type="Meeting") == [
        Literal(date(2024, 10, 30)), Literal(date(2024, 11, 1))]


def test_dyads(kg: KnowledgeGraph) -> None:
    # the same counts as g.dyads(): tests/test_time_dyads.py compares the two
    from kg.read.graph_data import load_graph_data
    from kg.read.states import dyads

    want = {(d.source_iri, d.target_iri, d.type, d.month): d.events
            for d in dyads(load_graph_data(kg))}
    got = {(str(r["source"]), str(r["target"]), str(r["class"]).rsplit("#", 1)[-1],
            str(r["month"]) if r["month"] is not None else None): int(str(r["events"]))
           for r in kg.named_query("dyads").rows}
    assert got == want and got


def test_events_by_type_checks_its_parameters(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="needs parameter type"):
        kg.named_query("events_by_type")
    with pytest.raises(QueryError, match="not an ISO 3166-1 alpha-3"):
        kg.named_query("events_by_type", {"type": "Meeting", "country": "Korea"})
    with pytest.raises(QueryError, match="no parameter colour"):
        kg.named_query("events_by_type", {"type": "Meeting", "colour": "red"})


def test_a_named_query_returns_every_row_unless_limited(kg: KnowledgeGraph) -> None:
    full = kg.named_query("events_by_type", {"type": "Deployment"}).rows
    assert len(full) == 4
    assert kg.named_query("events_by_type", {"type": "Deployment"}, limit=2).rows == full[:2]
    assert kg.named_query("events_by_type", {"type": "Deployment"}, limit=0).rows == []
    with pytest.raises(QueryError, match="limit must be a non-negative integer"):
        kg.named_query("events_by_type", {"type": "Deployment"}, limit=-1)


def test_who_met_whom(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("who_met_whom").rows
    assert [(r["aLabel"], r["bLabel"], r["meetings"], r["first"], r["last"]) for r in rows] == [
        (Literal("Kim Yong-hyun"), Literal("Lloyd Austin"), Literal(2),
         Literal(date(2024, 10, 30)), Literal(date(2024, 11, 1)))]


def test_deployments_with_quantities(kg: KnowledgeGraph) -> None:
    rows = {r["event"]: r for r in kg.named_query("deployments_with_quantities").rows}
    assert set(rows) == {ev(A1, 2), ev(A1, 3), ev(A1, 5), ev(A2, 2)}
    assert rows[ev(A1, 5)]["minValue"] == Literal(500)
    r = rows[ev(A1, 3)]
    assert (r["maxValue"], r["value"], r["unit"], r["sourceLabel"], r["placeLabel"]) == (
        Literal(12000), None, Literal("soldiers"), Literal("Sergiy Kyslytsya"), Literal("Russia"))
    assert rows[ev(A1, 2)]["modality"] == KG.Estimated
    assert rows[ev(A2, 2)]["article"] == A2


def test_actor_timeline(kg: KnowledgeGraph) -> None:
    expected = [ev(A1, 1), ev(A1, 4), ev(A2, 1)]
    assert column(kg, "actor_timeline", "event", actor="austin") == expected
    assert column(kg, "actor_timeline", "event", actor="kgr:person/lloyd-austin") == expected
    assert column(kg, "actor_timeline", "role", actor="Lloyd Austin") == [
        KG.agent, KG.speaker, KG.participant]
    assert sorted(column(kg, "actor_timeline", "event", actor="U.S.")) == [
        ev(A1, 2), ev(A1, 5), ev(A2, 2)]
    assert column(kg, "actor_timeline", "event", actor="nobody") == []


def test_statements_by_speaker(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("statements_by_speaker").rows
    assert [(r["speakerLabel"], r["statement"], r["polarity"]) for r in rows] == [
        (Literal("Lloyd Austin"), ev(A1, 4), KG.Positive),
        (Literal("Sergiy Kyslytsya"), ev(A2, 4), KG.Negative)]
    assert rows[0]["quote"] == Literal("dangerous and destabilizing")
    assert rows[1]["addresseeLabel"] == Literal("Russia")


def test_contested_claims(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("contested_claims").rows
    got = [(r["subject"], r["place"], r["unit"], r["asOf"], r["low"], r["high"], r["sources"],
            set(str(r["claims"]).split("; "))) for r in rows]
    # the same force (counted as its state), place and day: 10,000 troops per the U.S. vs
    # up to 12,000 soldiers per Kyslytsya; not contested: the Kursk deployment (another
    # place, another day), the U.S.'s repeated 10,000, and 500 officers (another unit)
    assert got == [(Literal("North Korea"), Literal("Russia"), Literal("troops"),
                    Literal("2024-10-30"), Literal(10000), Literal(12000), Literal(2),
                    {"10000 (United States)", "12000 (Sergiy Kyslytsya)"})]


def test_entities_by_type(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("entities_by_type", {"type": "Person"}).rows
    assert [(r["label"], r["articles"]) for r in rows] == [
        (Literal("Kim Yong-hyun"), Literal(2)), (Literal("Lloyd Austin"), Literal(2)),
        (Literal("Sergiy Kyslytsya"), Literal(2))]
    every = kg.named_query("entities_by_type").rows
    assert len(every) == 9
    assert {r["type"] for r in every} == {KG.Country, KG.MilitaryForce, KG.Person, KG.Place}


def test_articles(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("articles").rows
    assert [(r["article"], r["title"], r["published"], r["events"]) for r in rows] == [
        (A1, Literal("Troops move"), Literal(date(2024, 10, 30)), Literal(5)),
        (A2, Literal("Talks again"), Literal(date(2024, 11, 1)), Literal(4))]


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match="known: actor_timeline, articles"):
        load_query("nope")


# --------------------------------------------------------------------------- with the real mapping


def test_named_queries_on_the_real_mapping() -> None:
    """An Extraction mapped by kg.rdf.mapping, ingested, and found by the named queries."""
    from decimal import Decimal

    from kg.model import (
        Argument,
        Article,
        Entity,
        EntityType,
        Event,
        EventType,
        Extraction,
        Mention,
        Quantity,
        Role,
        Span,
        TimeExpression,
    )

    body = ("The U.S. estimates that 10,000 North Korean troops are in Russia. "
            "Kyslytsya said as many as 12,000 North Korean soldiers are in Russia.")

    def m(text: str, nth: int = 0) -> Mention:
        begin = -1
        for _ in range(nth + 1):
            begin = body.index(text, begin + 1)
        return Mention(Span(begin, begin + len(text)), text, "X", 0, 1, 0)

    s1, s2 = Span(0, body.index(".") + 1), Span(body.index("Kyslytsya"), len(body))
    article = Article(key="test://claims", title="Claims", body=body,
                      published=date(2024, 10, 30))
    entities = (
        Entity("country/USA", EntityType.COUNTRY, "United States", iso3="USA"),
        Entity("country/RUS", EntityType.COUNTRY, "Russia", iso3="RUS"),
        Entity("country/PRK", EntityType.COUNTRY, "North Korea", iso3="PRK"),
        Entity("force/PRK", EntityType.MILITARY_FORCE, "North Korean troops",
               part_of="country/PRK"),
        Entity("person/sergiy-kyslytsya", EntityType.PERSON, "Sergiy Kyslytsya",
               aliases=("Kyslytsya",)),
    )
    events = (
        Event(EventType.DEPLOYMENT, m("are in"), s1,
              arguments=(Argument(Role.AGENT, "force/PRK"),
                         Argument(Role.LOCATION, "country/RUS")),
              quantities=(Quantity(m("10,000").span, "10,000", value=Decimal(10000),
                                   unit="troops"),),
              time=TimeExpression(m("estimates").span, "now", date(2024, 10, 30)),
              attributed_to="country/USA"),
        Event(EventType.DEPLOYMENT, m("are in", 1), s2,
              arguments=(Argument(Role.AGENT, "force/PRK"),
                         Argument(Role.LOCATION, "country/RUS")),
              quantities=(Quantity(m("12,000").span, "as many as 12,000",
                                   max_value=Decimal(12000), unit="soldiers"),),
              attributed_to="person/sergiy-kyslytsya"),
    )
    with KnowledgeGraph() as k:
        report = k.ingest([Extraction(article, entities, events)])
        assert len(report.added) == 1 and report.failed == ()
        rows = k.named_query("contested_claims").rows
        assert [(py(r["low"]), py(r["high"]), set(str(r["claims"]).split("; ")))
                for r in rows] == [
            (10000, 12000, {"10000 (United States)", "12000 (Sergiy Kyslytsya)"})]
        assert len(k.named_query("events_by_type", {"type": "Deployment",
                                                    "country": "PRK"}).rows) == 2
        assert len(k.named_query("actor_timeline", {"actor": "kyslytsya"}).rows) == 1
        arts = k.named_query("articles").rows
        assert [(str(r["title"]), py(r["events"])) for r in arts] == [("Claims", 2)]
        assert k.ingest([Extraction(article, entities, events)]).skipped == ("test://claims",)
