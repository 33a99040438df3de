"""The command line: exact errors, exit codes, and that the README documents every verb."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "000_4fd073a643f2e162.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"kg {name}" not in readme]
    assert missing == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"---\ntitle: [unclosed\n---\nbody text\n", "invalid YAML front matter"),
    ],
)
def test_extract_bad_file_is_a_one_line_error(tmp_path: Path, content: bytes,
                                              problem: str) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    code, out, err = run("extract", str(bad))
    assert code == 1
    assert out == ""
    assert err.startswith(f"Error: {bad}: ")
    assert problem in err
    assert err.count("\n") == 1


def test_extract_missing_file(tmp_path: Path) -> None:
    code, out, err = run("extract", str(tmp_path / "nope.txt"))
    assert (code, out) == (1, "")
    assert err == f"Error: {tmp_path / 'nope.txt'}: no such file or directory\n"


def test_extract_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("extract", str(EXAMPLE), "--format", "xml")
    assert code == 2
    assert "'xml' is not one of" in err


def test_extract_bad_input_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.trig"
    out.write_text("previous", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, _ = run("extract", str(EXAMPLE), str(empty), "--out", str(out))
    assert code == 1
    assert out.read_text(encoding="utf-8") == "previous"


def test_extract_seed_writes_one_named_graph(tmp_path: Path, nlp: object) -> None:
    out = tmp_path / "seed.trig"
    code, stdout, err = run("extract", str(EXAMPLE), "--out", str(out))
    assert (code, stdout, err) == (0, "", "")
    ds = Dataset()
    ds.parse(out, format="trig")
    graphs = [g for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier]
    assert len(graphs) == 1
    assert str(graphs[0].identifier).startswith("https://w3id.org/geokg/resource/article/")


@pytest.mark.parametrize("fmt", ["nquads", "turtle", "jsonld"])
def test_extract_formats_parse_back(fmt: str, nlp: object) -> None:
    code, out, _ = run("extract", str(EXAMPLE), "--format", fmt)
    assert code == 0
    ds = Dataset()
    ds.parse(data=out, format={"nquads": "nquads", "turtle": "turtle", "jsonld": "json-ld"}[fmt])
    assert len(ds) > 100 or sum(len(g) for g in ds.graphs()) > 100


def test_load_restores_an_exported_store(tmp_path: Path) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDFS

    from kg.store import KnowledgeGraph

    a = URIRef("https://w3id.org/geokg/resource/article/00000000000000f1")
    g = Graph()
    g.add((a, RDFS.label, Literal("Restored")))
    with KnowledgeGraph(tmp_path / "old") as k:
        k.add_article_graph(a, g, "hash-f1")
    code, _, err = run("export", "--store", str(tmp_path / "old"), "--format", "trig",
                       "--out", str(tmp_path / "dump.trig"))
    assert code == 0, err
    code, _, err = run("load", str(tmp_path / "dump.trig"), "--store", str(tmp_path / "new"))
    assert code == 0 and "loaded 2 quads" in err
    with KnowledgeGraph(tmp_path / "new", read_only=True) as k:
        assert k.has_article(a, "hash-f1")
        assert k.query("SELECT ?l WHERE { ?a rdfs:label ?l }").rows == [{"l": Literal("Restored")}]


def _store_without_counts(store: Path) -> None:
    """A store as a kg before kg:eventCount wrote it: one article with one event."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF

    from kg.rdf.vocab import KG
    from kg.store import KnowledgeGraph

    a = URIRef("https://w3id.org/geokg/resource/article/00000000000000f2")
    e = URIRef(f"{a}/event/1")
    g = Graph()
    for triple in ((a, RDF.type, KG.Article), (e, KG.article, a),
                   (e, KG.cameoCode, Literal("04"))):
        g.add(triple)
    with KnowledgeGraph(store) as k:
        k.add_article_graph(a, g, "hash-f2")


def test_upgrade_says_what_it_added_then_up_to_date(tmp_path: Path) -> None:
    store = tmp_path / "s"
    _store_without_counts(store)
    assert run("upgrade", "--store", str(store)) == (
        0, f"upgraded {store}: added event counts\n", "")
    assert run("upgrade", "--store", str(store)) == (0, f"{store}: up to date\n", "")
    assert run("upgrade", "--store", str(tmp_path / "nope"))[0] == 2  # no store made


def test_a_command_that_upgrades_a_store_says_so_once_on_stderr(tmp_path: Path) -> None:
    store, dump = tmp_path / "s", tmp_path / "empty.nq"
    _store_without_counts(store)
    dump.write_text("", encoding="utf-8")
    code, out, err = run("stats", "--store", str(store))  # read-only: nothing upgraded
    assert code == 0 and "upgraded" not in err
    code, out, err = run("load", str(dump), "--store", str(store))
    assert (code, out) == (0, "")
    assert err == (f"kg: {store}: upgraded a store written by an older kg: added event "
                   f"counts\nloaded 0 quads from {dump}\n")
    code, out, err = run("load", str(dump), "--store", str(store))
    assert (code, err) == (0, f"loaded 0 quads from {dump}\n")


def test_a_read_only_command_on_an_old_store_says_to_run_kg_upgrade(tmp_path: Path) -> None:
    store = tmp_path / "s"
    _store_without_counts(store)
    code, out, err = run("stats", "--store", str(store))
    assert code == 0 and "articles  1" in out
    assert err == (f"kg: {store}: the store lacks event counts, which an older kg (or another "
                   f"tool) did not write, and answers may miss them: run kg upgrade --store "
                   f"{store}\n")
    assert run("upgrade", "--store", str(store))[0] == 0
    fresh = tmp_path / "t"
    _store_without_counts(fresh)
    assert run("upgrade", "--store", str(fresh))[0] == 0
    assert run("stats", "--store", str(fresh))[2] == ""  # up to date: nothing to say


def test_load_bad_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    code, _, err = run("load", str(bad), "--store", str(tmp_path / "s"))
    assert code == 1
    assert err.strip().startswith("Error: cannot load") and str(bad) in err
    assert len(err.strip().splitlines()) == 1
    odd = tmp_path / "x.rdf"
    odd.write_text("", encoding="utf-8")
    code, _, err = run("load", str(odd), "--store", str(tmp_path / "s2"))
    assert code == 1 and "give --format" in err
    assert not (tmp_path / "s2").exists()  # no store is created for a file it cannot read
