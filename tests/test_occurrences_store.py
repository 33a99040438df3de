"""The occurrence layer in a store: written with each article, updated on replace and
remove, exported with the article graphs, and conformant to the SHACL shapes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, URIRef
from test_occurrences import KABUL, PAK, _event, _extraction

from kg.model import EventType, Extraction, Role
from kg.rdf.iris import article_iri, occurrences_graph_iri
from kg.rdf.vocab import KG
from kg.store import KnowledgeGraph
from kg.store.occurrences import occurrences, relink_all

SHAPES = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"


def _strike(key: str, day: date, place: str = "place/kabul") -> Extraction:
    return _extraction(f"https://news.example/{key}", day, _event(
        EventType.COMBAT, "airstrikes", (Role.AGENT, "country/PAK"), (Role.LOCATION, place)))


def test_reports_of_one_event_become_one_occurrence_as_articles_arrive() -> None:
    with KnowledgeGraph() as kg:
        kg.ingest([_strike("a", date(2025, 10, 15))])
        kg.ingest([_strike("b", date(2025, 10, 15)), _strike("c", date(2025, 10, 9))])
        occs = occurrences(kg)
        assert sorted(len(o.reports) for o in occs) == [1, 2]
        rows = kg.query("SELECT ?o ?n WHERE { ?o a kg:Occurrence ; kg:sourceCount ?n }").rows
        assert sorted(int(str(r["n"])) for r in rows) == [1, 2]
        assert len(kg.articles()) == 3  # the occurrence graph is not an article
        assert kg.stats().articles == 3


def test_replacing_or_removing_an_article_updates_its_occurrences() -> None:
    with KnowledgeGraph() as kg:
        kg.ingest([_strike("a", date(2025, 10, 15)), _strike("b", date(2025, 10, 15))])
        assert [len(o.reports) for o in occurrences(kg)] == [2]
        moved = _strike("b", date(2025, 10, 15), "place/spin-boldak")
        kg.ingest([moved], skip_unchanged=False)  # now a strike elsewhere: two events
        assert sorted(len(o.reports) for o in occurrences(kg)) == [1, 1]
        kg.remove_article(article_iri(moved.article))
        (only,) = occurrences(kg)
        assert only.articles == {str(article_iri(_strike("a", date(2025, 10, 15)).article))}
        kg.remove_article(article_iri(_strike("a", date(2025, 10, 15)).article))
        assert occurrences(kg) == []
        assert len(list(kg.store)) == 0  # nothing left behind, union included


def test_incremental_and_whole_corpus_linking_agree() -> None:
    exs = [_strike(k, date(2025, 10, d), p) for k, d, p in (
        ("a", 15, "place/kabul"), ("b", 15, "place/kabul"), ("c", 9, "place/kabul"),
        ("d", 15, "place/spin-boldak"), ("e", 16, "place/kabul"))]
    with KnowledgeGraph() as one, KnowledgeGraph() as all_:
        for ex in exs:
            one.ingest([ex])
        all_.link_occurrences = False
        all_.ingest(exs)
        assert relink_all(all_, exs) == len(occurrences(one))
        assert occurrences(one) == occurrences(all_)


def test_export_carries_the_occurrence_graph_and_it_conforms() -> None:
    with KnowledgeGraph() as kg:
        kg.ingest([_strike("a", date(2025, 10, 15)), _strike("b", date(2025, 10, 15))])
        ds = Dataset()
        ds.parse(data=kg.dump("trig"), format="trig")
    occ = ds.graph(occurrences_graph_iri())
    assert len(occ) > 0
    (o,) = occ.subjects(KG.sourceCount, None)
    assert isinstance(o, URIRef) and occ.value(o, KG.bestPlace) == URIRef(
        "https://w3id.org/geokg/resource/" + KABUL.key)
    union = Graph()
    for s, p, obj, _ in ds.quads((None, None, None, None)):
        union.add((s, p, obj))
    ok, _, text = pyshacl.validate(union, shacl_graph=Graph().parse(SHAPES))
    assert ok, text
    assert PAK.key == "country/PAK"


def test_push_sends_the_occurrence_graph(tmp_path: Path) -> None:
    from test_push import remote_select, start_oxigraph

    from kg.push import push

    with KnowledgeGraph() as kg:
        kg.ingest([_strike("a", date(2025, 10, 15)), _strike("b", date(2025, 10, 15))])
        for base in start_oxigraph(tmp_path, "serve"):
            report = push(kg, f"{base}/query")
            assert report.graphs == 3
            rows = remote_select(base, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <"
                                 f"{occurrences_graph_iri()}> {{ ?o a <{KG.Occurrence}> }} }}")
            assert int(rows[0]["n"]["value"]) == 1
