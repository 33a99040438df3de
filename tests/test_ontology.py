"""ontology/kg.ttl and ontology/shapes.ttl: complete, aligned, consistent with kg.rdf.vocab."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import owlrl  # type: ignore[import-untyped]  # installed with pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS
from test_rdf_mapping import small_extraction  # pytest puts tests/ on sys.path

from kg.model import EntityType, EventType, Modality, Polarity, Role
from kg.rdf.mapping import extraction_graph
from kg.rdf.vocab import KG, KG_NS, SEM

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY)


def _kg_terms(g: Graph) -> set[str]:
    return {str(s)[len(KG_NS):] for s in g.subjects() if str(s).startswith(KG_NS)}


def test_vocab_and_ontology_define_the_same_terms(onto: Graph) -> None:
    in_vocab = set(KG.__annotations__)
    in_ontology = _kg_terms(onto)
    assert in_vocab - in_ontology == set(), "in kg.rdf.vocab.KG but not in ontology/kg.ttl"
    assert in_ontology - in_vocab == set(), "in ontology/kg.ttl but not in kg.rdf.vocab.KG"


def test_every_term_is_declared_labelled_and_defined(onto: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    for name in sorted(_kg_terms(onto)):
        term = URIRef(KG_NS + name)
        assert set(onto.objects(term, RDF.type)) & kinds, f"kg:{name} has no OWL declaration"
        label = onto.value(term, RDFS.label)
        assert isinstance(label, Literal) and str(label).strip(), f"kg:{name} has no rdfs:label"
        definition = onto.value(term, SKOS.definition) or onto.value(term, RDFS.comment)
        assert definition is not None and len(str(definition)) > 10, f"kg:{name} has no definition"


def test_model_enums_name_ontology_terms(onto: Graph) -> None:
    for t in EntityType:
        assert (KG[t.value], RDF.type, OWL.Class) in onto
    for e in EventType:
        assert (KG[e.value], RDFS.subClassOf, KG.Event) in onto
    for m in Modality:
        assert (KG[m.value], RDF.type, KG.Modality) in onto
    for p in Polarity:
        assert (KG[p.value], RDF.type, KG.Polarity) in onto
    for r in Role:
        assert (KG[r.value], RDF.type, OWL.ObjectProperty) in onto


def test_role_properties_specialise_sem(onto: Graph) -> None:
    for r in Role:
        expected = SEM.hasPlace if r.is_place else SEM.hasActor
        assert (KG[r.value], RDFS.subPropertyOf, expected) in onto, r
    assert (KG.agent, RDFS.subPropertyOf, PROV.wasAssociatedWith) in onto


def test_classes_align_to_the_contract_vocabularies(onto: Graph) -> None:
    closure = Graph()
    closure += onto
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(closure)
    schema = "https://schema.org/"

    def supers(c: URIRef) -> set[URIRef]:
        return {o for o in closure.objects(c, RDFS.subClassOf) if isinstance(o, URIRef)}

    for e in EventType:
        assert {SEM.Event, PROV.Activity} <= supers(KG[e.value])
    for t in (KG.Person, KG.Country, KG.Organization, KG.MilitaryForce):
        assert {SEM.Actor, PROV.Agent} <= supers(t)
    assert {SEM.Place, URIRef(schema + "Place")} <= supers(KG.Country)
    assert URIRef("http://www.w3.org/ns/org#Organization") in supers(KG.Organization)
    assert URIRef(schema + "NewsArticle") in supers(KG.Article)
    assert SEM.Time in supers(KG.TimeExpression)


# Domains and ranges of the PROV-O relations, and its disjointness (PROV-O, W3C 2013).
_PROV_AXIOMS = """
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
prov:wasAssociatedWith rdfs:domain prov:Activity ; rdfs:range prov:Agent .
prov:wasAttributedTo rdfs:domain prov:Entity ; rdfs:range prov:Agent .
prov:wasDerivedFrom rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:hadPrimarySource rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:used rdfs:domain prov:Activity ; rdfs:range prov:Entity .
prov:wasGeneratedBy rdfs:domain prov:Entity ; rdfs:range prov:Activity .
"""


def test_mapped_output_is_prov_consistent(onto: Graph) -> None:
    """Under RDFS entailment with PROV-O's axioms, nothing is both an Activity and an Entity."""
    g = extraction_graph(small_extraction())
    g += onto
    g.parse(data=_PROV_AXIOMS, format="turtle")
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(g)
    activities = set(g.subjects(RDF.type, PROV.Activity))
    entities = set(g.subjects(RDF.type, PROV.Entity))
    assert activities, "events should be PROV activities"
    assert activities & entities == set()


def test_a_sem_user_finds_actors_and_places_without_kg_terms() -> None:
    g = extraction_graph(small_extraction())
    rows = g.query("""
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?actor ?place WHERE {
          ?e a sem:Event ; sem:hasActor/rdfs:label ?actor .
          OPTIONAL { ?e sem:hasPlace/rdfs:label ?place }
        }""")
    got = {(str(r[0]), str(r[1]) if r[1] is not None else None) for r in rows}  # type: ignore[index]
    assert got == {("Lloyd Austin", None), ("South Korea", None), ("North Korea", "Russia")}


def test_shapes_only_name_ontology_terms() -> None:
    shapes = Graph().parse(SHAPES)
    onto = Graph().parse(ONTOLOGY)
    known = _kg_terms(onto)
    used: set[str] = set()
    for p in (SH.path, SH.targetClass, SH.targetObjectsOf, SH["class"], SH.lessThanOrEquals):
        used |= {str(o)[len(KG_NS):] for o in shapes.objects(None, p) if str(o).startswith(KG_NS)}
    for lst in shapes.objects(None, SH["in"]):
        used |= {str(o)[len(KG_NS):] for o in shapes.items(lst) if str(o).startswith(KG_NS)}
    assert used and used <= known, used - known


# --------------------------------------------------------------------------- docs


def _generator() -> ModuleType:
    path = ROOT / "scripts" / "gen_ontology_doc.py"
    spec = importlib.util.spec_from_file_location("gen_ontology_doc", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_ontology_md_is_up_to_date() -> None:
    gen = _generator()
    doc = ROOT / "docs" / "ontology.md"
    assert doc.read_text(encoding="utf-8") == gen.render(ONTOLOGY), \
        "docs/ontology.md is stale: run .venv/bin/python scripts/gen_ontology_doc.py"


def test_docs_list_every_term() -> None:
    text = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    for name in KG.__annotations__:
        assert f"`kg:{name}`" in text, name
