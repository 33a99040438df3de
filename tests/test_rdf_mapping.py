"""kg.rdf: IRIs, the mapping of an Extraction to triples, SHACL validity, serialisations."""

from __future__ import annotations

import doctest
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS, SH, SKOS, XSD

import kg.rdf.iris
import kg.rdf.mapping
import kg.rdf.vocab
from kg.errors import KGError
from kg.model import (
    Argument,
    Article,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Mention,
    Modality,
    Post,
    Quantity,
    Role,
    Span,
    TimeExpression,
)
from kg.rdf.iris import (
    article_hash,
    article_iri,
    entity_iri,
    event_iri,
    mention_iri,
    post_iri,
    quantity_iri,
    time_iri,
)
from kg.rdf.mapping import RdfFormat, extraction_graph, extractions_dataset, serialize
from kg.rdf.vocab import KG, KGR, SEM

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "small.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

BODY = ("Defense Secretary Lloyd Austin met South Korean officials in Washington on Wednesday. "
        "Austin said North Korea had sent up to 12,000 troops to Russia.")


def _m(text: str, label: str, occurrence: int = 0) -> Mention:
    """A mention of the ``occurrence``-th ``text`` in BODY (token indexes are not used)."""
    begin = -1
    for _ in range(occurrence + 1):
        begin = BODY.index(text, begin + 1)
    return Mention(Span(begin, begin + len(text)), text, label, 0, 0, 0)


def _span(text: str) -> Span:
    begin = BODY.index(text)
    return Span(begin, begin + len(text))


def small_extraction() -> Extraction:
    """An article, five entities, two events (time, quantity, attribution)."""
    article = Article(key="https://example.org/news/austin", title="Austin meets allies",
                      body=BODY, published=date(2024, 10, 30), source="Example Wire",
                      url="https://example.org/news/austin")
    austin = Entity("person/lloyd-austin", EntityType.PERSON, "Lloyd Austin",
                    aliases=("Austin",),
                    mentions=(_m("Lloyd Austin", "PERSON"), _m("Austin", "PERSON", 1)),
                    posts=(Post("Defense Secretary", "country/USA"),))
    kor = Entity("country/KOR", EntityType.COUNTRY, "South Korea", aliases=("South Korean",),
                 mentions=(_m("South Korean", "NORP"),), iso3="KOR", wikidata="Q884")
    prk = Entity("country/PRK", EntityType.COUNTRY, "North Korea",
                 mentions=(_m("North Korea", "GPE"),), iso3="PRK", wikidata="Q423")
    russia = Entity("country/RUS", EntityType.COUNTRY, "Russia",
                    mentions=(_m("Russia", "GPE"),), iso3="RUS", geonames=2017370,
                    latitude=60.0, longitude=100.0)
    force = Entity("force/PRK", EntityType.MILITARY_FORCE, "North Korean forces",
                   mentions=(_m("troops", "FORCE"),), part_of=prk.key)
    meeting = Event(EventType.MEETING, trigger=_m("met", "TRIGGER"),
                    evidence=_span(BODY.split(". ")[0] + "."),
                    arguments=(Argument(Role.PARTICIPANT, austin.key),
                               Argument(Role.PARTICIPANT, kor.key, _m("South Korean", "NORP"))),
                    time=TimeExpression(_span("Wednesday"), "Wednesday", date(2024, 10, 30)))
    deployment = Event(EventType.DEPLOYMENT, trigger=_m("sent", "TRIGGER"),
                       evidence=_span("Austin said North Korea had sent up to 12,000 troops "
                                      "to Russia."),
                       arguments=(Argument(Role.AGENT, prk.key),
                                  Argument(Role.DESTINATION, russia.key)),
                       quantities=(Quantity(_span("up to 12,000 troops"), "up to 12,000 troops",
                                            max_value=Decimal(12000), unit="troops"),),
                       modality=Modality.REPORTED, attributed_to=austin.key, cue="said")
    return Extraction(article, (austin, kor, prk, russia, force), (meeting, deployment))


def shacl(graph: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(SHAPES), inference="none")
    return bool(conforms), str(text)


# --------------------------------------------------------------------------- golden


def test_small_extraction_maps_to_the_golden_graph() -> None:
    got = extraction_graph(small_extraction())
    want = Graph().parse(GOLDEN)
    if not isomorphic(got, want):
        extra = sorted(str(t) for t in to_isomorphic(got) - to_isomorphic(want))
        missing = sorted(str(t) for t in to_isomorphic(want) - to_isomorphic(got))
        pytest.fail(f"unexpected: {extra[:10]}\nmissing: {missing[:10]}")


def test_an_article_counts_its_events_and_nothing_else() -> None:
    """kg:eventCount has one definition (event_count_triples): the mapping writes it and a
    store written before kg stored counts gets the same number from it."""
    from kg.rdf.derived import event_count_triples

    ex = small_extraction()
    a = article_iri(ex.article)
    assert set(extraction_graph(ex).objects(a, KG.eventCount)) == {Literal(2)}
    empty = Extraction(ex.article, ex.entities, ())
    assert set(extraction_graph(empty).objects(a, KG.eventCount)) == {Literal(0)}
    other, e, m = KGR["article/b"], KGR["article/b/event/1"], KGR["article/a/mention/1"]
    given = [*extraction_graph(ex), (m, KG.article, a),  # a mention: no CAMEO code
             (e, KG.article, other), (e, KG.cameoCode, Literal("04"))]  # another article's
    assert event_count_triples(given) == [(a, KG.eventCount, Literal(2))]


def test_mapping_has_no_blank_nodes_and_only_kgr_subjects() -> None:
    g = extraction_graph(small_extraction())
    assert not any(isinstance(term, BNode) for triple in g for term in triple)
    assert all(str(s).startswith(str(KGR)) for s in g.subjects())


def test_every_event_reaches_its_participants_and_they_have_labels() -> None:
    ex = small_extraction()
    g = extraction_graph(ex)
    for event in ex.events:
        ev = event_iri(ex.article, event)
        reached = {o for o in g.objects(ev) if isinstance(o, URIRef)}
        for arg in event.arguments:
            target = entity_iri(arg.entity)
            assert target in reached
            assert g.value(target, RDFS.label) is not None
            sem_prop = SEM.hasPlace if arg.role.is_place else SEM.hasActor
            assert (ev, sem_prop, target) in g


def test_mention_anchor_is_the_body_text_at_the_offsets() -> None:
    ex = small_extraction()
    g = extraction_graph(ex)
    mentions = list(g.subjects(RDF.type, KG.Mention))
    assert len(mentions) >= 8
    for m in mentions:
        b, e = (g.value(m, p) for p in (KG.beginIndex, KG.endIndex))
        assert isinstance(b, Literal) and isinstance(e, Literal)
        assert str(g.value(m, KG.anchorOf)) == BODY[int(b):int(e)]


def test_quantity_numbers_are_integer_when_whole_and_decimal_otherwise() -> None:
    ex = small_extraction()
    q = Quantity(Span(0, 7), "Defense", value=Decimal("2.50"), min_value=Decimal("3.0"))
    ev = Event(EventType.TRANSFER, _m("sent", "TRIGGER"), Span(0, 10), quantities=(q,))
    g = extraction_graph(Extraction(ex.article, ex.entities, (ev,)))
    node = quantity_iri(ex.article, q)
    assert g.value(node, KG.value) == Literal("2.5", datatype=XSD.decimal)  # canonical form
    assert g.value(node, KG.minValue) == Literal(3)


def test_a_quantity_without_a_number_is_left_out() -> None:
    ex = small_extraction()
    ev = Event(EventType.DEPLOYMENT, _m("sent", "TRIGGER"), Span(0, 10),
               quantities=(Quantity(Span(0, 7), "Defense", unit="troops"),))
    g = extraction_graph(Extraction(ex.article, ex.entities, (ev,)))
    assert not list(g.subjects(RDF.type, KG.Quantity))


def test_an_event_naming_an_unknown_entity_is_an_error() -> None:
    ex = small_extraction()
    ev = Event(EventType.COMBAT, _m("sent", "TRIGGER"), Span(0, 10),
               arguments=(Argument(Role.TARGET, "country/UKR"),))
    with pytest.raises(KGError, match=r"country/UKR"):
        extraction_graph(Extraction(ex.article, ex.entities, (ev,)))


def test_a_span_outside_the_body_is_an_error() -> None:
    ex = small_extraction()
    ev = Event(EventType.COMBAT, _m("sent", "TRIGGER"), Span(0, len(BODY) + 5))
    with pytest.raises(KGError, match=r"outside the body"):
        extraction_graph(Extraction(ex.article, ex.entities, (ev,)))


def test_aliases_equal_to_the_label_are_not_repeated() -> None:
    ex = small_extraction()
    e = Entity("place/kursk", EntityType.PLACE, "Kursk", aliases=("Kursk", "Kursk region"))
    g = extraction_graph(Extraction(ex.article, (e,)))
    assert set(g.objects(entity_iri(e.key), SKOS.altLabel)) == {Literal("Kursk region")}


# --------------------------------------------------------------------------- SHACL


def test_mapped_graph_conforms_to_the_shapes() -> None:
    conforms, report = shacl(extraction_graph(small_extraction()))
    assert conforms, report


@pytest.mark.parametrize(("breakage", "path"), [
    ("no-label", RDFS.label), ("bad-modality", KG.modality), ("two-cameo", KG.cameoCode),
    ("float-value", KG.maxValue), ("bnode-actor", RDFS.label),
    ("mention-without-offsets", KG.beginIndex)])
def test_broken_graphs_fail_the_shapes(breakage: str, path: URIRef) -> None:
    ex = small_extraction()
    g = extraction_graph(ex)
    meeting, deployment = (event_iri(ex.article, e) for e in ex.events)
    austin = entity_iri("person/lloyd-austin")
    if breakage == "no-label":
        g.remove((austin, RDFS.label, None))
    elif breakage == "bad-modality":
        g.set((meeting, KG.modality, KG.Positive))
    elif breakage == "two-cameo":
        g.add((meeting, KG.cameoCode, Literal("042")))
    elif breakage == "float-value":
        q = next(iter(g.objects(deployment, KG.quantity)))
        g.set((q, KG.maxValue, Literal(12000.0)))
    elif breakage == "bnode-actor":
        g.add((deployment, KG.target, BNode()))
    elif breakage == "mention-without-offsets":
        m = mention_iri(ex.article, ex.events[0].trigger.span)
        g.remove((m, KG.beginIndex, None))
    conforms, results, _ = validate(g, shacl_graph=Graph().parse(SHAPES), inference="none")
    assert not conforms
    assert isinstance(results, Graph)
    assert path in set(results.objects(None, SH.resultPath))


# --------------------------------------------------------------------------- datasets


def test_dataset_has_one_named_graph_per_article_and_last_extraction_wins() -> None:
    ex = small_extraction()
    other = Extraction(Article(key="other", title="Other", body="Nothing happened."))
    newer = Extraction(ex.article, ex.entities[:1])
    ds = extractions_dataset([ex, other, newer])
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {article_iri(ex.article), article_iri(other.article)}
    assert isomorphic(ds.graph(article_iri(ex.article)), extraction_graph(newer))


def _quads(ds: Dataset) -> set[tuple[object, ...]]:
    return {q for q in ds.quads((None, None, None, None)) if q[3] is not None}


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_serialisations_parse_back_to_the_same_triples(fmt: RdfFormat) -> None:
    ex = small_extraction()
    other = Extraction(Article(key="other", title="Other", body="Nothing happened."))
    ds = extractions_dataset([ex, other])
    text = serialize(ds, fmt)
    assert text.strip()
    if fmt.has_graphs:
        back = Dataset()
        back.parse(data=text, format=fmt.rdflib_name)
        got = {(s, p, o, URIRef(str(g.identifier if isinstance(g, Graph) else g)))
               for s, p, o, g in back.quads((None, None, None, None))}
        want = {(s, p, o, URIRef(str(g.identifier if isinstance(g, Graph) else g)))
                for s, p, o, g in ds.quads((None, None, None, None))}
        assert got == want
    else:
        union = Graph()
        for g in (extraction_graph(ex), extraction_graph(other)):
            union += g
        assert isomorphic(Graph().parse(data=text, format="turtle"), union)


def test_nquads_output_is_stable() -> None:
    ds1 = extractions_dataset([small_extraction()])
    ds2 = extractions_dataset([small_extraction()])
    assert serialize(ds1, RdfFormat.NQUADS) == serialize(ds2, RdfFormat.NQUADS)


def test_format_names_match_the_cli() -> None:
    assert [f.value for f in RdfFormat] == ["trig", "nquads", "turtle", "jsonld"]
    assert RdfFormat("jsonld").rdflib_name == "json-ld"


# --------------------------------------------------------------------------- IRIs

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\uffff]')


def test_iris_follow_the_conventions() -> None:
    ex = small_extraction()
    a = ex.article
    h = article_hash(a.key)
    assert len(h) == 16 and re.fullmatch(r"[0-9a-f]{16}", h)
    assert article_iri(a) == KGR[f"article/{h}"]
    assert entity_iri("country/PRK") == KGR["country/PRK"]
    assert mention_iri(a, Span(3, 9)) == KGR[f"article/{h}/mention/3-9"]
    deployment = ex.events[1]
    t = deployment.trigger.span
    assert event_iri(a, deployment) == KGR[f"article/{h}/event/{t.begin}-{t.end}-deployment"]
    q = deployment.quantities[0]
    assert quantity_iri(a, q) == KGR[f"article/{h}/quantity/{q.span.begin}-{q.span.end}"]
    time = ex.events[0].time
    assert time is not None
    assert time_iri(a, time) == KGR[f"article/{h}/time/{time.span.begin}-{time.span.end}"]
    assert post_iri("person/lloyd-austin", "Defense Secretary") == \
        KGR["person/lloyd-austin/post/defense-secretary"]


@pytest.mark.parametrize("key", ["", "/", "person/..", "./x"])
def test_bad_entity_keys_are_refused(key: str) -> None:
    with pytest.raises(KGError):
        entity_iri(key)


_keys = st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=3).map("/".join).filter(
    lambda k: bool(k.strip("/")) and not any(p in (".", "..") for p in k.split("/")))


@given(_keys, _keys)
def test_entity_iris_are_valid_stable_and_distinct(k1: str, k2: str) -> None:
    i1 = entity_iri(k1)
    assert not _IRI_FORBIDDEN.search(str(i1))
    assert i1 == entity_iri(k1)
    assert (i1 == entity_iri(k2)) == (k1 == k2)
    # round trip through N-Triples, which refuses malformed IRIs
    g = Graph()
    g.add((i1, RDFS.label, Literal(k1)))
    back = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert set(back.subjects()) == {i1}


@given(st.text(max_size=40), st.text(min_size=1, max_size=30), st.text(max_size=15))
def test_article_and_post_iris_are_valid(key: str, title: str, org: str) -> None:
    a = Article(key=key, title="t", body="b")
    for iri in (article_iri(a), mention_iri(a, Span(0, 1)),
                post_iri("person/x", title, org or None)):
        assert not _IRI_FORBIDDEN.search(str(iri))
    assert article_iri(a) == article_iri(Article(key=key, title="other", body="other"))


# --------------------------------------------------------------------------- docstrings


@pytest.mark.parametrize("module", [kg.rdf.iris, kg.rdf.vocab, kg.rdf.mapping])
def test_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.failed == 0



_XSD_INTEGER = re.compile(r"-?[0-9]+")
_XSD_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+|-?\.[0-9]+|-?[0-9]+\.")


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_quantity_literals_are_valid_xsd_numbers(value: Decimal) -> None:
    ex = small_extraction()
    q = Quantity(Span(0, 7), "Defense", value=value)
    ev = Event(EventType.TRANSFER, _m("sent", "TRIGGER"), Span(0, 10), quantities=(q,))
    lit = extraction_graph(Extraction(ex.article, ex.entities, (ev,))).value(
        quantity_iri(ex.article, q), KG.value)
    assert isinstance(lit, Literal)
    if lit.datatype == XSD.integer:
        assert _XSD_INTEGER.fullmatch(str(lit))
    else:
        assert lit.datatype == XSD.decimal and _XSD_DECIMAL.fullmatch(str(lit)), str(lit)
    assert Decimal(str(lit)) == value


def test_a_malformed_wikidata_id_is_an_error() -> None:
    ex = small_extraction()
    e = Entity("country/PRK", EntityType.COUNTRY, "North Korea", wikidata="wd:Q423")
    with pytest.raises(KGError, match=r"'wd:Q423'.*Q423"):
        extraction_graph(Extraction(ex.article, (e,)))


# --------------------------------------------------------------------------- real output


@pytest.mark.slow
def test_pipeline_output_on_shared_texts_maps_and_conforms(shared_dir: Path, nlp: Language) -> None:
    """The whole pipeline's output on the seed and on corpus articles satisfies the shapes."""
    from itertools import islice

    from kg.articles import read_articles
    from kg.pipeline import extract_articles

    articles = list(read_articles(shared_dir / "seed" / "000_4fd073a643f2e162.txt"))
    corpus = shared_dir / "corpus" / "wikinews" / "wikinews_2019.csv"
    if corpus.is_file():
        articles += list(islice(read_articles(corpus), 20))
    union = Graph()
    events = 0
    for ex in extract_articles(articles, nlp=nlp):
        union += extraction_graph(ex)
        events += len(ex.events)
    assert events > 0
    conforms, report = shacl(union)
    assert conforms, report[:3000]


def test_two_events_on_one_trigger_are_two_nodes() -> None:
    # "Israel and Hamas accuse each other": one statement per speaker, one trigger
    body = "Israel and Hamas accuse each other."
    art = Article(key="t", title="", body=body)
    trigger = Mention(span=Span(17, 23), text="accuse", label="EVENT", start=3, end=4,
                      sentence=0)
    ents = (Entity(key="country/ISR", type=EntityType.COUNTRY, label="Israel"),
            Entity(key="org/hamas", type=EntityType.ORGANIZATION, label="Hamas"))
    events = tuple(Event(type=EventType.STATEMENT, trigger=trigger, evidence=Span(0, len(body)),
                         arguments=(Argument(Role.SPEAKER, a), Argument(Role.TARGET, b)))
                   for a, b in (("country/ISR", "org/hamas"), ("org/hamas", "country/ISR")))
    g = extraction_graph(Extraction(article=art, entities=ents, events=events))
    nodes = sorted(g.subjects(RDF.type, KG.Statement))
    assert len(nodes) == 2
    assert [str(n) for n in nodes] == [str(event_iri(art, events[0])),
                                       str(event_iri(art, events[0])) + "-2"]
    for n in nodes:
        assert len(set(g.objects(n, KG.speaker))) == 1
