"""Tallies: what reported figures count, derived from an article's own triples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.rdf.tallies import normalise_unit, tally_iri, tally_triples
from kg.rdf.vocab import KG, KGR, RDF, RDFS, SEM, TIME
from kg.store import KnowledgeGraph

A = KGR["article/00000000000000d1"]
RUS, PRK, UKR = KGR["country/RUS"], KGR["country/PRK"], KGR["country/UKR"]
FORCE = KGR["force/korean-people-s-army"]
USA = KGR["country/USA"]


def figure(n: int, amount: int | None, *, agent: URIRef = FORCE, place: URIRef | None = RUS,
           unit: str | None = "soldiers", day: date | None = None,
           source: URIRef | None = None, bound: URIRef = KG.value,
           article: URIRef = A) -> Graph:
    """One event with one quantity, as kg's mapping writes it."""
    g = Graph()
    e, q = URIRef(f"{article}/event/{n}"), URIRef(f"{article}/quantity/{n}")
    g.add((e, RDF.type, KG.Deployment))
    g.add((e, KG.article, article))
    g.add((e, KG.agent, agent))
    g.add((e, KG.quantity, q))
    if amount is not None:
        g.add((q, bound, Literal(amount)))
    if unit is not None:
        g.add((q, KG.unit, Literal(unit)))
    if place is not None:
        g.add((e, KG.destination, place))
    if day is not None:
        t = URIRef(f"{article}/time/{n}")
        g.add((e, SEM.hasTime, t))
        g.add((t, TIME.inXSDDate, Literal(day)))
    if source is not None:
        g.add((e, KG.attributedTo, source))
    g.add((FORCE, KG.forceOf, PRK))
    for entity, label in ((USA, "United States"), (PRK, "North Korea"), (RUS, "Russia")):
        g.add((entity, RDFS.label, Literal(label)))
    g.add((article, RDFS.label, Literal("Troops move")))
    return g


def tallies(g: Graph) -> dict[URIRef, dict[URIRef, set[object]]]:
    out: dict[URIRef, dict[URIRef, set[object]]] = {}
    for s, p, o in tally_triples(g):
        if p != KG.tally:
            out.setdefault(s, {}).setdefault(p, set()).add(  # type: ignore[arg-type]
                o.toPython() if isinstance(o, Literal) else o)
    return out


def test_a_forces_figure_counts_for_its_state_at_the_place_on_the_day() -> None:
    got = tallies(figure(1, 12000, day=date(2024, 10, 30), source=USA))
    t = tally_iri(PRK, RUS, "troops", "2024-10-30")
    assert list(got) == [t]
    assert got[t][KG.tallyOf] == {PRK} and got[t][KG.tallyAt] == {RUS}
    assert got[t][KG.tallyUnit] == {"troops"} and got[t][KG.asOf] == {"2024-10-30"}
    assert got[t][KG.reportedAmount] == {12000} and got[t][KG.reportedBy] == {USA}
    assert got[t][KG.claim] == {"12000 (United States)"}
    assert got[t][KG.reportedIn] == {URIRef(f"{A}/event/1")}


def test_undated_unattributed_figures_are_the_articles_own() -> None:
    g = figure(1, 500, unit=None, bound=KG.maxValue)
    [(t, props)] = tallies(g).items()
    assert t == tally_iri(PRK, RUS, None, str(A))
    assert KG.tallyUnit not in props and props[KG.asOf] == {str(A)}
    assert props[KG.reportedBy] == {A} and props[KG.claim] == {"500 (Troops move)"}
    g.add((A, KG.published, Literal(date(2024, 11, 1))))  # a dated article: its day
    assert tallies(g)[tally_iri(PRK, RUS, None, "2024-11-01")][KG.asOf] == {"2024-11-01"}


def test_figures_without_a_place_or_a_number_count_for_nothing() -> None:
    assert tally_triples(figure(1, 500, place=None)) == []
    assert tally_triples(figure(1, None)) == []


def test_two_articles_reporting_the_same_thing_write_the_same_tally() -> None:
    b = KGR["article/00000000000000d2"]
    day = date(2024, 10, 30)
    one = tallies(figure(1, 10000, day=day, source=USA))
    other = tallies(figure(7, 12000, unit="Troops", day=day, article=b))
    assert list(one) == list(other)
    # a different unit, place or day is another tally
    assert list(tallies(figure(1, 500, unit="officers", day=day))) != list(one)
    assert list(tallies(figure(1, 500, place=UKR, day=day))) != list(one)
    assert list(tallies(figure(1, 500, day=date(2024, 10, 31)))) != list(one)


def test_units_of_people_under_arms_are_one() -> None:
    assert {normalise_unit(u) for u in ("Troops", "soldiers", "PERSONNEL", "fighters")} == {
        "troops"}
    assert normalise_unit("Tanks") == "tanks"


def _contested(k: KnowledgeGraph) -> list[tuple[object, ...]]:
    return [(r["low"], r["high"], r["sources"]) for r in k.named_query("contested_claims").rows]


def test_graphs_written_without_tallies_get_them_on_open_and_on_load(tmp_path: Path) -> None:
    day = date(2024, 10, 30)
    one, two = figure(1, 10000, day=day, source=USA), figure(2, 12000, day=day)
    with KnowledgeGraph(tmp_path / "s") as k:  # as an older kg wrote them: no tallies
        k._write_article(A, [*one, *two], "h")
        assert _contested(k) == []
        dump = k.dump("trig")
    with KnowledgeGraph(tmp_path / "s", read_only=True) as k:
        assert _contested(k) == []  # read-only: untouched
    with KnowledgeGraph(tmp_path / "s") as k:
        assert _contested(k) == [(Literal(10000), Literal(12000), Literal(2))]
        assert (URIRef(f"{A}/quantity/1"), KG.tally, tally_iri(PRK, RUS, "troops",
                                                               "2024-10-30")) in k.graph_of(A)
    with KnowledgeGraph(tmp_path / "t") as k:
        k.add_article_graph(KGR["article/00000000000000d3"],
                            figure(3, 9, day=day, article=KGR["article/00000000000000d3"]), "x")
        k.load(dump, "trig")  # this store has tallies already; the loaded graph gets its own
        assert _contested(k) == [(Literal(9), Literal(12000), Literal(3))]


def test_docstring_examples_run() -> None:
    import doctest

    import kg.rdf.derived
    import kg.rdf.tallies

    for module in (kg.rdf.tallies, kg.rdf.derived):
        result = doctest.testmod(module)
        assert result.attempted >= 1 and result.failed == 0
