"""KnowledgeGraph: article graphs in, SPARQL answers out, errors named."""

from __future__ import annotations

import csv
import functools
import io
import json
import logging
import re
import sys
import types
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import QueryError, StoreError
from kg.model import Article, Extraction
from kg.store import CONTENT_HASH, META_GRAPH, KnowledgeGraph

KG = Namespace("https://w3id.org/geokg/ontology#")
KGR = Namespace("https://w3id.org/geokg/resource/")
A1 = KGR["article/0000000000000001"]
A2 = KGR["article/0000000000000002"]


def article_graph(article: URIRef, *, troops: int = 10000, label: str = "North Korea") -> Graph:
    g = Graph()
    ev = URIRef(f"{article}/event/10-20-Deployment")
    q = URIRef(f"{article}/quantity/30-36")
    g.add((KGR["country/PRK"], RDF.type, KG.Country))
    g.add((KGR["country/PRK"], RDFS.label, Literal(label)))
    g.add((ev, RDF.type, KG.Deployment))
    g.add((ev, KG.agent, KGR["country/PRK"]))
    g.add((ev, KG.quantity, q))
    g.add((q, KG.value, Literal(troops, datatype=XSD.integer)))
    return g


@pytest.fixture
def kg() -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph() as k:
        k.add_article_graph(A1, article_graph(A1), "h1")
        yield k


def test_query_returns_rdflib_terms_with_datatypes(kg: KnowledgeGraph) -> None:
    r = kg.query("SELECT ?e ?v WHERE { ?e a kg:Deployment ; kg:quantity/kg:value ?v }")
    assert r.variables == ("e", "v")
    assert r.rows == [{"e": URIRef(f"{A1}/event/10-20-Deployment"),
                       "v": Literal("10000", datatype=XSD.integer)}]


def test_readding_an_article_replaces_its_graph(kg: KnowledgeGraph) -> None:
    kg.add_article_graph(A1, article_graph(A1, troops=12000), "h2")
    values = kg.query("SELECT ?v WHERE { ?q kg:value ?v }").rows
    assert values == [{"v": Literal(12000)}]
    assert kg.has_article(A1, "h2") and not kg.has_article(A1, "h1")
    assert isomorphic(kg.graph_of(A1), article_graph(A1, troops=12000))


def test_default_graph_is_the_union_of_article_graphs(kg: KnowledgeGraph) -> None:
    kg.add_article_graph(A2, article_graph(A2), "h")
    r = kg.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Deployment }")
    assert r.rows[0]["n"] == Literal(2)
    assert kg.articles() == [A1, A2]
    assert kg.stats().articles == 2


def test_the_union_is_a_set_kept_in_step_with_the_articles(kg: KnowledgeGraph) -> None:
    # both articles state North Korea's label; the default graph holds it once
    kg.add_article_graph(A2, article_graph(A2), "h")
    q = "SELECT ?l WHERE { ?x a kg:Country ; rdfs:label ?l }"
    assert kg.query(q).rows == [{"l": Literal("North Korea")}]
    kg.add_article_graph(A1, article_graph(A1, label="DPRK"), "h1b")
    assert sorted(str(r["l"]) for r in kg.query(q).rows) == ["DPRK", "North Korea"]
    kg.remove_article(A2)
    assert kg.query(q).rows == [{"l": Literal("DPRK")}]
    kg.remove_article(A1)
    assert kg.query("ASK { ?s ?p ?o }").boolean is False
    assert kg.stats().triples == 0


def test_bulk_load_fills_the_union_as_a_set_without_the_bookkeeping_graph(
        tmp_path: Path) -> None:
    import pyoxigraph as ox

    graphs = {A1: article_graph(A1), A2: article_graph(A2, label='a "quoted" . <label> x')}
    ds = Dataset()
    for g, graph in graphs.items():
        for t in graph:
            ds.graph(g).add(t)
    ds.graph(META_GRAPH).add((A1, CONTENT_HASH, Literal("h1")))
    quads = list(ox.parse(ds.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS))
    with KnowledgeGraph(tmp_path / "store") as k:
        k.bulk_load(quads)
        for g, graph in graphs.items():
            assert isomorphic(k.graph_of(g), graph)
        assert k.has_article(A1, "h1") and not k.has_article(A2, "h1")
        default = {(str(q.subject), str(q.predicate), str(q.object))
                   for q in k.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        union = {(str(q.subject), str(q.predicate), str(q.object))
                 for q in quads if q.graph_name != ox.NamedNode(str(META_GRAPH))}
        assert default == union  # every article triple, and not the content hash
        labels = k.query("SELECT ?l WHERE { ?x a kg:Country ; rdfs:label ?l } ORDER BY ?l")
        assert [str(r["l"]) for r in labels] == ["North Korea", 'a "quoted" . <label> x']


def test_a_store_without_the_union_gets_one(tmp_path: Path) -> None:
    import pyoxigraph as ox

    raw = ox.Store(str(tmp_path / "s"))
    raw.add(ox.Quad(ox.NamedNode(str(KGR["x"])), ox.NamedNode(str(RDFS.label)),
                    ox.Literal("X"), ox.NamedNode(str(A1))))
    raw.flush()
    del raw
    q = "SELECT ?l WHERE { ?x rdfs:label ?l }"
    with KnowledgeGraph(tmp_path / "s", read_only=True) as k:
        assert k.query(q).rows == [{"l": Literal("X")}]
    with KnowledgeGraph(tmp_path / "s") as k:
        assert k.query(q).rows == [{"l": Literal("X")}]
        assert k.stats().triples == 1


def test_remove_article(kg: KnowledgeGraph) -> None:
    assert kg.remove_article(A1) is True
    assert kg.remove_article(A1) is False
    assert not kg.has_article(A1)
    assert kg.query("ASK { ?s ?p ?o }").boolean is False


def test_hash_lives_in_the_meta_graph(kg: KnowledgeGraph) -> None:
    r = kg.query("SELECT ?g ?a ?p ?h WHERE { GRAPH ?g { ?a ?p ?h } }",
                 {"g": META_GRAPH, "a": A1, "p": CONTENT_HASH})
    assert [row["h"] for row in r.rows] == [Literal("h1")]


def test_bindings_are_bound_not_pasted(kg: KnowledgeGraph) -> None:
    q = "SELECT ?x ?name WHERE { ?x rdfs:label ?name }"
    assert len(kg.query(q, {"name": "North Korea"})) == 1
    assert len(kg.query(q, {"name": 'x" } ; DROP ALL ; SELECT * { "'})) == 0
    q2 = "SELECT ?e ?n WHERE { ?e kg:quantity/kg:value ?n }"
    assert len(kg.query(q2, {"n": 10000})) == 1
    assert len(kg.query(q2, {"n": 9999})) == 0
    q3 = "SELECT ?x ?c WHERE { ?x a ?c }"
    assert len(kg.query(q3, {"c": KG.Country})) == 1


def test_a_parameter_outside_the_projection_is_explained(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"\?name.*SELECT"):
        kg.query("SELECT ?x WHERE { ?x rdfs:label ?name }", {"name": "North Korea"})


def test_date_binding_is_typed() -> None:
    with KnowledgeGraph() as k:
        g = Graph()
        g.add((KGR["t"], KG.date, Literal(date(2024, 10, 30))))
        k.add_article_graph(A1, g, "h")
        r = k.query("SELECT ?t ?d WHERE { ?t kg:date ?d }", {"d": date(2024, 10, 30)})
        assert [row["t"] for row in r.rows] == [KGR["t"]]


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR GRAPH kgr:meta",
    "LOAD <http://example.org/data.ttl>",
])
def test_updates_are_refused(kg: KnowledgeGraph, update: str) -> None:
    with pytest.raises(QueryError, match="is an update; kg query is read-only"):
        kg.query(update)
    assert kg.has_article(A1, "h1")


def test_update_words_inside_literals_are_fine(kg: KnowledgeGraph) -> None:
    r = kg.query('SELECT ?x WHERE { ?x rdfs:label "INSERT DATA { DROP ALL }" }')
    assert r.rows == []


def test_invalid_sparql_is_one_line_query_error(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError) as e:
        kg.query("SELECT ?x WHERE {\n ?x ?y \n")
    assert "invalid SPARQL" in str(e.value) and "\n" not in str(e.value)


def test_ask_and_construct(kg: KnowledgeGraph) -> None:
    assert kg.query("ASK { ?x a kg:Country }").boolean is True
    r = kg.query("CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x a kg:Country ; rdfs:label ?l }")
    assert r.graph is not None
    expected = Graph()
    expected.add((KGR["country/PRK"], RDFS.label, Literal("North Korea")))
    assert isomorphic(r.graph, expected)


def test_result_serialisations(kg: KnowledgeGraph) -> None:
    r = kg.query("SELECT ?x ?l ?v ?none WHERE { ?x rdfs:label ?l . ?q kg:value ?v "
                 "OPTIONAL { ?x kg:nothing ?none } }")
    js = json.loads(r.to_json())
    assert js["head"]["vars"] == ["x", "l", "v", "none"]
    assert js["results"]["bindings"] == [{
        "x": {"type": "uri", "value": str(KGR["country/PRK"])},
        "l": {"type": "literal", "value": "North Korea"},
        "v": {"type": "literal", "value": "10000", "datatype": str(XSD.integer)},
    }]
    assert r.to_csv() == f"x,l,v,none\r\n{KGR['country/PRK']},North Korea,10000,\r\n"
    assert r.to_tsv() == (f"?x\t?l\t?v\t?none\n<{KGR['country/PRK']}>\t\"North Korea\"\t"
                          f"\"10000\"^^<{XSD.integer}>\t\n")
    assert r.to_table().splitlines()[2].split() == ["kgr:country/PRK", "North", "Korea",
                                                    "10000"]
    root = ET.fromstring(r.to_xml())
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [b.get("name") for b in root.iter(f"{ns}binding")] == ["x", "l", "v"]
    assert json.loads(kg.query("ASK { ?s ?p ?o }").to_json()) == {"head": {}, "boolean": True}


def test_to_dataframe(kg: KnowledgeGraph) -> None:
    pytest.importorskip("pandas")
    df = kg.query("SELECT ?l ?v WHERE { ?x rdfs:label ?l . ?q kg:value ?v }").to_dataframe()
    assert list(df.columns) == ["l", "v"]
    assert df.iloc[0].tolist() == ["North Korea", 10000]


def test_stats(kg: KnowledgeGraph) -> None:
    s = kg.stats()
    assert s.articles == 1
    assert s.triples == len(article_graph(A1))
    assert s.entities["Country"] == 1 and s.entities["Person"] == 0
    assert s.events["Deployment"] == 1 and s.events["Meeting"] == 0


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dump_load_round_trip(kg: KnowledgeGraph, fmt: str) -> None:
    kg.add_article_graph(A2, article_graph(A2, label='Quote " back\\slash\nnewline'), "h")
    data = kg.dump(fmt)
    with KnowledgeGraph() as other:
        n = other.load(data, fmt)
        assert n == len(kg.graph_of(A1)) + len(kg.graph_of(A2)) + 2  # + 2 content hashes
        for a in (A1, A2):
            assert isomorphic(other.graph_of(a), kg.graph_of(a))
        assert other.has_article(A1, "h1")


def test_dump_turtle_leaves_out_bookkeeping(kg: KnowledgeGraph) -> None:
    g = Graph().parse(data=kg.dump("turtle"), format="turtle")
    assert isomorphic(g, article_graph(A1))


def test_to_dataset_keeps_graphs(kg: KnowledgeGraph) -> None:
    ds = kg.to_dataset()
    assert isomorphic(ds.graph(A1), article_graph(A1))


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40))
def test_any_text_survives_a_round_trip(text: str) -> None:
    with KnowledgeGraph() as k:
        k.add_article_graph(A1, article_graph(A1, label=text), "h")
        r = k.query("SELECT ?l WHERE { ?x a kg:Country ; rdfs:label ?l }")
        assert r.rows == [{"l": Literal(text)}]


# --------------------------------------------------------------------------- on disk


def test_persistent_store_reopens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with KnowledgeGraph(path) as k:
        k.add_article_graph(A1, article_graph(A1), "h1")
    with KnowledgeGraph(path, read_only=True) as k:
        assert k.has_article(A1, "h1")
        with pytest.raises(StoreError, match="read-only"):
            k.add_article_graph(A2, article_graph(A2), "h")


def test_read_only_open_of_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=re.escape(str(tmp_path / "nope"))):
        KnowledgeGraph(tmp_path / "nope", read_only=True)


def test_a_file_or_foreign_directory_is_not_a_store(tmp_path: Path) -> None:
    f = tmp_path / "file.txt"
    f.write_text("hello")
    with pytest.raises(StoreError, match=re.escape(str(f))):
        KnowledgeGraph(f)
    with pytest.raises(StoreError, match="not empty and not a kg store"):
        KnowledgeGraph(tmp_path)


def test_a_locked_store_names_its_path(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with KnowledgeGraph(path), pytest.raises(StoreError, match=re.escape(str(path))):
        KnowledgeGraph(path)


# --------------------------------------------------------------------------- ingest


@pytest.fixture
def fake_mapping(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand-in mapping: one label triple per article, and a failure for 'bad' bodies."""
    mapped: list[str] = []

    def iri(article: Article) -> URIRef:
        return KGR[f"article/{article.key}"]

    def extraction_triples(ex: Extraction) -> list[tuple[URIRef, URIRef, Literal]]:
        if ex.article.body == "bad":
            raise ValueError("cannot map this article")
        mapped.append(ex.article.key)
        return [(iri(ex.article), RDFS.label, Literal(ex.article.title))]

    for name, attr, fn in (("kg.rdf.iris", "article_iri", iri),
                           ("kg.rdf.mapping", "extraction_triples", extraction_triples)):
        try:
            module = __import__(name, fromlist=[attr])
        except ImportError:
            module = types.ModuleType(name)
            monkeypatch.setitem(sys.modules, name, module)
        monkeypatch.setattr(module, attr, fn, raising=False)
    return mapped


def test_ingest_adds_replaces_skips_and_reports_failures(fake_mapping: list[str]) -> None:
    def ex(key: str, title: str, body: str = "text") -> Extraction:
        return Extraction(Article(key=key, title=title, body=body))

    progress: list[int] = []
    with KnowledgeGraph() as k:
        r1 = k.ingest([ex("a", "A"), ex("b", "B"), ex("c", "C", "bad")],
                      on_progress=progress.append)
        assert (r1.added, r1.replaced, r1.skipped) == (("a", "b"), (), ())
        assert r1.failed == (("c", "cannot map this article"),)
        assert sum(progress) == 3
        r2 = k.ingest([ex("a", "A"), ex("b", "B2")])
        assert (r2.added, r2.replaced, r2.skipped) == ((), ("b",), ("a",))
        labels = k.query("SELECT ?l WHERE { ?a rdfs:label ?l } ORDER BY ?l").rows
        assert [row["l"] for row in labels] == [Literal("A"), Literal("B2")]
        r3 = k.ingest([ex("a", "A")], skip_unchanged=False)
        assert r3.replaced == ("a",)
        assert r3.summary() == "0 added, 1 replaced, 0 skipped (unchanged), 0 failed"


# --------------------------------------------------------------------------- command line


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """kg ingest without spaCy: each article becomes an Extraction with no entities, and
    an article whose body says 'explode' makes extraction fail."""
    import kg.pipeline

    def extract_articles(articles: list[Article], **_: object) -> Iterator[Extraction]:
        for a in articles:
            if "explode" in a.body:
                raise RuntimeError("extractor crashed")
            yield Extraction(a)

    monkeypatch.setattr(kg.pipeline, "extract_articles", extract_articles)


def cli(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from kg.cli import main

    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_cli_ingest_query_stats(tmp_path: Path, fake_pipeline: None) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = [json.dumps({"title": f"T{i}", "text": f"Body {i}.", "url": f"https://x/{i}"})
             for i in range(3)]
    (docs / "a.jsonl").write_text("\n".join(lines) + "\n")
    (docs / "b.json").write_text(json.dumps({"title": "Bad", "text": "This will explode."}))
    (docs / "c.txt").write_bytes(b"\x00\x01binary")
    store = str(tmp_path / "store")
    code, out, err = cli("ingest", str(docs), "--store", store)
    assert code == 1  # the good articles are stored; the failures set the exit status
    assert out.splitlines()[0] == "3 added, 0 replaced, 0 skipped (unchanged), 2 failed"
    assert any("c.txt" in line for line in out.splitlines()[1:])
    assert any("extraction failed: RuntimeError: extractor crashed" in line
               for line in out.splitlines()[1:])
    assert "ingesting" in err
    code, out, _ = cli("ingest", str(docs / "a.jsonl"), "--store", store)
    assert code == 0
    assert out.splitlines()[0] == "0 added, 0 replaced, 3 skipped (unchanged), 0 failed"
    code, out, _ = cli("ingest", str(docs / "a.jsonl"), "--store", store, "--force")
    assert out.splitlines()[0] == "0 added, 3 replaced, 0 skipped (unchanged), 0 failed"

    code, out, _ = cli("query", "--store", store, "--name", "articles", "--format", "csv")
    assert code == 0
    assert sorted(r["title"] for r in csv.DictReader(io.StringIO(out))) == ["T0", "T1", "T2"]
    code, out, _ = cli("query", "--store", store, "--format", "json",
                       "SELECT ?a ?t WHERE { ?a kg:title ?t }", "--param", "t=T1")
    assert code == 0 and len(json.loads(out)["results"]["bindings"]) == 1
    code, out, _ = cli("stats", "--store", store)
    assert out.splitlines()[0].split() == ["articles", "3"]


def test_cli_query_errors(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with KnowledgeGraph(store) as k:
        k.add_article_graph(A1, article_graph(A1), "h")
    code, _, err = cli("query", "--store", str(store), "DROP ALL")
    assert code == 1 and "is an update; kg query is read-only" in err
    code, _, err = cli("query", "--store", str(store), "SELECT WHERE")
    assert code == 1 and err.startswith("Error: invalid SPARQL")
    code, _, err = cli("query", "--store", str(tmp_path / "nowhere"), "ASK {}")
    assert code == 1 and "not a kg store" in err
    code, _, err = cli("query", "--store", str(store))
    assert code == 2 and "exactly one of" in err
    code, out, _ = cli("query", "--list")
    assert code == 0 and "contested_claims:" in out and "?country (iso3, optional)" in out
    code, out, _ = cli("export", "--store", str(store), "--format", "csv",
                       "--out", str(tmp_path / "e.csv"))
    assert code == 0 and (tmp_path / "e.csv").read_text().startswith("date,event,type")


# --------------------------------------------------------------------------- bulk load and order


@functools.cache
def _bench_quads(n: int) -> list[object]:
    """kg-shaped synthetic quads from the store benchmark's generator."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_store.py"
    spec = importlib.util.spec_from_file_location("bench_store", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.generate(n))


@pytest.fixture(scope="module")
def bench_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph(tmp_path_factory.mktemp("bench") / "store") as k:
        k.bulk_load(_bench_quads(150_000), workers=3)  # type: ignore[arg-type]
        yield k


def test_a_bulk_load_in_parallel_parts_stores_what_one_part_does(
        tmp_path: Path, bench_store: KnowledgeGraph) -> None:
    import pyoxigraph as ox

    with KnowledgeGraph(tmp_path / "one") as one:
        one.bulk_load(_bench_quads(150_000), workers=1)  # type: ignore[arg-type]
        assert len(one.store) == len(bench_store.store)
        assert set(one.store.quads_for_pattern(None, None, None, ox.DefaultGraph())) == set(
            bench_store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_named_queries_are_ordered_as_oxigraph_orders_them(bench_store: KnowledgeGraph) -> None:
    """named_query sorts rows itself; the order must be the one of the query's ORDER BY."""
    from kg.store import _split_order_by, list_queries

    params = {"events_by_type": {"type": "Deployment"}, "actor_timeline": {"actor": "Person 3"},
              "entities_by_type": {}}
    checked = 0
    for nq in list_queries():
        split = _split_order_by(nq.text)
        assert split is not None, f"{nq.name}: ORDER BY of plain variables expected"
        keys = [var for var, _ in split[1]]
        given_params = params.get(nq.name, {})
        coerced = {p.name: p.coerce(given_params[p.name]) for p in nq.parameters
                   if p.name in given_params}
        ours = bench_store.named_query(nq.name, given_params).rows
        theirs = bench_store.query(nq.text, coerced).rows
        assert len(ours) == len(theirs) > 0, nq.name
        assert [[r[k] for k in keys] for r in ours] == [[r[k] for k in keys] for r in theirs], \
            nq.name
        assert bench_store.named_query(nq.name, given_params, limit=3).rows == ours[:3]
        checked += 1
    assert checked >= 8


def test_rows_sort_like_sparql_order_by() -> None:
    from rdflib import BNode

    from kg.store import sort_rows

    rows: list[dict[str, object]] = [
        {"x": Literal("b")}, {"x": Literal(10)}, {"x": None}, {"x": Literal(9.5)},
        {"x": URIRef("http://a")}, {"x": Literal(date(2024, 1, 2))}, {"x": BNode("z")},
        {"x": Literal("a")}, {"x": Literal(date(2023, 12, 31))},
    ]
    sort_rows(rows, [("x", False)])  # type: ignore[arg-type]
    assert [r["x"] for r in rows] == [
        None, BNode("z"), URIRef("http://a"), Literal(9.5), Literal(10),
        Literal(date(2023, 12, 31)), Literal(date(2024, 1, 2)), Literal("a"), Literal("b")]
    sort_rows(rows, [("x", True)])  # type: ignore[arg-type]
    assert rows[0]["x"] == Literal("b") and rows[-1]["x"] is None


def _uncounted_article(a: URIRef, events: int) -> Graph:
    """An article graph as kg wrote it before kg:eventCount: the article and its events."""
    g = Graph()
    g.add((a, RDF.type, KG.Article))
    for i in range(events):
        e = URIRef(f"{a}/event/{i}")
        g.add((e, KG.article, a))
        g.add((e, KG.cameoCode, Literal("04")))
    return g


def test_an_old_store_opened_read_only_says_to_upgrade_it(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    a = URIRef("https://w3id.org/geokg/resource/article/00000000000000c4")
    with KnowledgeGraph(tmp_path / "s") as k:
        k.add_article_graph(a, _uncounted_article(a, 2), "h")  # no kg:eventCount
    with caplog.at_level(logging.WARNING, logger="kg.store"):
        with KnowledgeGraph(tmp_path / "s", read_only=True) as k:
            assert k.named_query("articles").rows[0]["events"] is None  # read as it is
        with KnowledgeGraph(tmp_path / "s", read_only=True):
            pass
    hints = [r.getMessage() for r in caplog.records if r.name == "kg.store"]
    assert hints == [f"{tmp_path / 's'}: the store lacks event counts, which an older kg "
                     f"(or another tool) did not write, and answers may miss them: run kg "
                     f"upgrade --store {tmp_path / 's'}"]  # once per store and process
    with KnowledgeGraph(tmp_path / "s", upgrade=False) as k:
        assert k.upgrade() == ["event counts"]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kg.store"), \
            KnowledgeGraph(tmp_path / "s", read_only=True) as k:
        assert k.named_query("articles").rows[0]["events"] == Literal(2)
    assert not caplog.records


def test_articles_without_events_or_counts_are_no_old_store(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    a = URIRef("https://w3id.org/geokg/resource/article/00000000000000c5")
    with KnowledgeGraph(tmp_path / "s") as k:  # add_article_graph keeps a graph as given
        k.add_article_graph(a, _uncounted_article(a, 0), "h")
    with caplog.at_level(logging.WARNING, logger="kg.store"), \
            KnowledgeGraph(tmp_path / "s", read_only=True):
        pass
    assert not caplog.records


def test_articles_stored_before_event_counts_get_them_on_open(tmp_path: Path) -> None:
    a = URIRef("https://w3id.org/geokg/resource/article/00000000000000c1")
    g = _uncounted_article(a, 3)
    with KnowledgeGraph(tmp_path / "s") as k:
        k.add_article_graph(a, g, "h")  # as an older kg wrote it: no kg:eventCount
        assert k.named_query("articles").rows[0]["events"] is None
    with KnowledgeGraph(tmp_path / "s", read_only=True) as k:
        assert k.named_query("articles").rows[0]["events"] is None  # read-only: untouched
    with KnowledgeGraph(tmp_path / "s") as k:
        assert k.named_query("articles").rows[0]["events"] == Literal(3)
        assert (a, KG.eventCount, Literal(3)) in k.graph_of(a)


def test_an_upgrade_on_open_says_so_once(tmp_path: Path,
                                         caplog: pytest.LogCaptureFixture) -> None:
    a = KGR["article/00000000000000c4"]
    with KnowledgeGraph(tmp_path / "s") as k:
        k.add_article_graph(a, _uncounted_article(a, 2), "h")  # as an older kg wrote it
    caplog.set_level(logging.WARNING, logger="kg.store")
    with KnowledgeGraph(tmp_path / "s", read_only=True):
        pass
    # read-only: nothing upgraded, only the hint to run kg upgrade (tested on its own)
    assert [m.endswith(f"run kg upgrade --store {tmp_path / 's'}") for m in caplog.messages
            ] == [True]
    caplog.clear()
    with KnowledgeGraph(tmp_path / "s"):
        pass
    assert caplog.messages == [
        f"{tmp_path / 's'}: upgraded a store written by an older kg: added event counts"]
    caplog.clear()
    with KnowledgeGraph(tmp_path / "s"):
        pass
    assert caplog.messages == []


def test_a_store_opened_without_upgrading_is_upgraded_explicitly(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    raw = ox.Store(str(tmp_path / "s"))  # written by another tool: no union, no counts
    raw.extend([ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), ox.Literal(str(o)) if
                        isinstance(o, Literal) else ox.NamedNode(str(o)), ox.NamedNode(str(A1)))
                for s, p, o in _uncounted_article(A1, 2)])
    raw.flush()
    del raw
    caplog.set_level(logging.WARNING, logger="kg.store")
    with KnowledgeGraph(tmp_path / "s", upgrade=False) as k:
        assert k.named_query("articles").rows[0]["events"] is None  # read as the union
        with pytest.raises(StoreError, match=r"no union of its article graphs: upgrade it"):
            k.add_article_graph(A2, article_graph(A2), "h2")
        assert k.upgrade() == ["the union of the article graphs", "event counts"]
        assert k.upgrade() == []
        assert k.named_query("articles").rows[0]["events"] == Literal(2)
        k.add_article_graph(A2, article_graph(A2), "h2")
    assert caplog.messages == []  # an explicit upgrade returns what it did instead
    with KnowledgeGraph(tmp_path / "s", read_only=True) as k, \
            pytest.raises(StoreError, match=r"open read-only: open it for writing"):
        k.upgrade()


@pytest.mark.parametrize("bulk", [False, True])
def test_load_replaces_stored_article_graphs(tmp_path: Path, bulk: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.store.core

    if bulk:  # the same file through the parallel bulk loader
        monkeypatch.setattr(kg.store.core, "BULK_LOAD_MIN", 1)
    with KnowledgeGraph() as source:
        source.add_article_graph(A1, article_graph(A1, troops=12000), "h1-new")
        dump = source.dump("trig")
    with KnowledgeGraph(tmp_path / "s") as k:
        k.add_article_graph(A1, article_graph(A1), "h1")
        k.add_article_graph(A2, article_graph(A2), "h2")
        assert k.load(dump, "trig") == len(article_graph(A1)) + 1
        assert isomorphic(k.graph_of(A1), article_graph(A1, troops=12000))  # not merged
        assert isomorphic(k.graph_of(A2), article_graph(A2))  # untouched
        assert k.has_article(A1, "h1-new") and not k.has_article(A1, "h1")
        values = k.query("SELECT ?v WHERE { ?q kg:value ?v } ORDER BY ?v").rows
        assert [r["v"] for r in values] == [Literal(10000), Literal(12000)]  # the union too


def test_a_malformed_load_changes_nothing(tmp_path: Path) -> None:
    with KnowledgeGraph(tmp_path / "s") as k:
        k.add_article_graph(A1, article_graph(A1), "h1")
        before = set(k.store)
        bad = tmp_path / "bad.trig"
        bad.write_text(f"<{A1}> {{ <{A1}> <http://x/p> 1 . }}\n<oops", encoding="utf-8")
        with pytest.raises(StoreError, match=r"^cannot load .*bad\.trig as trig: "):
            k.load(bad, "trig")
        assert set(k.store) == before


def test_a_loaded_dump_without_event_counts_gets_them(tmp_path: Path) -> None:
    old = KGR["article/00000000000000c2"]
    g = _uncounted_article(old, 2)
    with KnowledgeGraph() as writer:  # a dump an older kg wrote: no kg:eventCount
        writer.add_article_graph(old, g, "old")
        dump = writer.dump("trig")
    with KnowledgeGraph(tmp_path / "s") as k:
        fresh = article_graph(A1)
        fresh.add((A1, RDF.type, KG.Article))
        fresh.add((A1, KG.eventCount, Literal(1)))
        k.add_article_graph(A1, fresh, "h1")  # this store already has counts
        k.load(dump, "trig")
        counts = {r["article"]: r["events"] for r in k.named_query("articles").rows}
        assert counts == {A1: Literal(1), old: Literal(2)}


def test_answer_literals_are_the_ones_rdflib_builds() -> None:
    """Query answers build literals with rdflib's constructor and keep them for the next
    answers; what they give is rdflib's own literal, odd forms included."""
    from kg.store import _rdflib_term

    xsd = "http://www.w3.org/2001/XMLSchema#"
    for value, dt in (("Kyiv", "string"), ("", "string"), ("12000", "integer"),
                      ("-3", "integer"), ("+3", "integer"), ("012", "integer"),
                      ("2024-10-30", "date"), ("20241030", "date"), ("2024-02-30", "date"),
                      ("1.50", "decimal"), ("x", "integer")):
        got = _rdflib_term(ox.Literal(value, datatype=ox.NamedNode(xsd + dt)))
        want = Literal(value) if dt == "string" else Literal(value, datatype=URIRef(xsd + dt))
        assert (got, hash(got), repr(got), got.n3()) == (want, hash(want), repr(want), want.n3())
        assert got.toPython() == want.toPython() and got.ill_typed == want.ill_typed
        again = _rdflib_term(ox.Literal(value, datatype=ox.NamedNode(xsd + dt)))
        assert again is got  # kept: the same literal recurs in answer after answer


def test_events_stored_before_time_stamps_get_them_on_open(tmp_path: Path) -> None:
    from kg.rdf.vocab import SEM, TIME

    a = KGR["article/00000000000000c3"]
    e, t = URIRef(f"{a}/event/1"), URIRef(f"{a}/time/2")
    old = [(e, RDF.type, KG.Meeting), (e, KG.article, a), (e, SEM.hasTime, t),
           (t, TIME.inXSDDate, Literal(date(2024, 10, 30)))]
    with KnowledgeGraph(tmp_path / "s") as k:
        k._write_article(a, old, "h")  # as an older kg wrote it: no sem:hasTimeStamp
        assert k.named_query("events_by_type", {"type": "Meeting"}).rows[0]["date"] is None
    with KnowledgeGraph(tmp_path / "s") as k:
        rows = k.named_query("events_by_type", {"type": "Meeting"}).rows
        assert [r["date"] for r in rows] == [Literal(date(2024, 10, 30))]
        assert (e, SEM.hasTimeStamp, Literal(date(2024, 10, 30))) in k.graph_of(a)


def _union(k: KnowledgeGraph) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in k.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def _graphs(k: KnowledgeGraph) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in k.store if not isinstance(q.graph_name, ox.DefaultGraph)}


@pytest.mark.parametrize("blank", [False, True])
def test_a_replaced_article_ends_as_if_written_anew(blank: bool) -> None:
    """Replacing writes only the difference (or drops and rewrites a graph with blank
    nodes); either way graphs, union and hashes end as in a store where the new version
    was the only one ever written."""
    first, second = article_graph(A1, troops=12000, label="DPRK"), article_graph(A1)
    if blank:
        second.parse(data=f"<{A1}> <{KG.source}> [ <{RDFS.label}> \"AP\" ] .", format="turtle")
    with KnowledgeGraph() as k, KnowledgeGraph() as fresh:
        for store in (k, fresh):
            store.add_article_graph(A2, article_graph(A2, label="DPRK"), "h2")
        k.add_article_graph(A1, first, "old")
        k.add_article_graph(A1, second, "new")
        fresh.add_article_graph(A1, second, "new")
        if blank:  # blank node labels differ between stores: compare the rest
            assert len(_graphs(k)) == len(_graphs(fresh))
            assert {t for t in _union(k) if "_:" not in " ".join(t)} == {
                t for t in _union(fresh) if "_:" not in " ".join(t)}
        else:
            assert _graphs(k) == _graphs(fresh) and _union(k) == _union(fresh)
        # "DPRK" stays in the union: A2 still states it; 12000 is gone with the old version
        labels = {str(r["l"]) for r in k.query("SELECT ?l WHERE { ?x rdfs:label ?l }").rows}
        assert {"DPRK", "North Korea"} <= labels
        assert [r["v"] for r in k.query("SELECT ?v WHERE { ?q kg:value ?v }").rows] == [
            Literal(10000)] * 2  # one quantity in each article
        assert k.has_article(A1, "new") and not k.has_article(A1, "old")
