"""The store under interruption and damage: a killed ``kg load`` leaves the store exactly as
it was before (or, if it got to its end, as after); a damaged store is one line naming it
and what to do; a dump without named graphs is refused, not loaded into the union.

The kill tests run ``kg load`` in a subprocess, SIGKILL it at a random moment, open the
store (which rolls an interrupted load back) and compare every quad with the store before
the load and after a complete one. Quick: 2 kills; slow (``-m slow``): 20.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hardening_kills import KG_BIN, LoadStates, R, kill_loads, quads, write_dump
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.errors import StoreError
from kg.export import events_csv
from kg.rdf.vocab import KG, KGR
from kg.recovery import LOAD_MARKER, begin_load
from kg.store import BULK_LOAD_MIN, KnowledgeGraph


def test_a_killed_bulk_load_leaves_the_store_as_before_or_after(tmp_path: Path) -> None:
    states = LoadStates(tmp_path, new=300)  # 120,000 quads: the bulk loader
    assert states.count >= BULK_LOAD_MIN
    outcomes = kill_loads(tmp_path, states, kills=2, seed=3)
    assert not [o for o in outcomes if "INCONSISTENT" in o], outcomes


@pytest.mark.slow
@pytest.mark.parametrize("new", [300, 60])  # the bulk loader, and one transaction
def test_twenty_killed_loads(tmp_path: Path, new: int) -> None:
    states = LoadStates(tmp_path, new=new)
    outcomes = kill_loads(tmp_path, states, kills=20, seed=int(os.environ.get("KG_SEED", "5")))
    assert not [o for o in outcomes if "INCONSISTENT" in o], outcomes
    assert sum("killed" in o and "before" in o for o in outcomes) >= 5, outcomes


def test_an_unfinished_load_is_rolled_back_when_the_store_is_next_opened(
        tmp_path: Path) -> None:
    states_dir = tmp_path / "s"
    old = tmp_path / "old.nq"
    write_dump(old, range(3), "v1", 20)
    with KnowledgeGraph(states_dir) as kg:
        kg.load(old, "nquads")
    before = quads(states_dir)
    with KnowledgeGraph(states_dir) as kg:
        guard = begin_load(states_dir, kg.store.backup, kg.store.flush)
        kg.store.update("DROP ALL")  # half a load, then the process "dies": no commit
        with pytest.raises(StoreError) as e:  # meanwhile, others wait for the load
            KnowledgeGraph(states_dir, read_only=True)
        assert "a kg load into this store is running" in str(e.value)
        guard.marker.close()  # the lock goes with the process
    assert quads(states_dir) == before
    assert not (states_dir / LOAD_MARKER).exists()


def test_a_failed_load_says_the_store_will_be_rolled_back(tmp_path: Path) -> None:
    store = tmp_path / "s"
    old = tmp_path / "old.nq"
    write_dump(old, range(3), "v1", 20)
    with KnowledgeGraph(store) as kg:
        kg.load(old, "nquads")
    before = quads(store)
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["load", str(bad), "--store", str(store)])
    assert r.exit_code == 1 and r.stderr.count("\n") == 1  # refused before writing
    assert quads(store) == before


def test_a_turtle_file_is_not_loaded_into_the_union(tmp_path: Path) -> None:
    ttl = tmp_path / "export.ttl"
    ttl.write_text(f"<{R}x> <{RDFS.label}> \"x\" .\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["load", str(ttl), "--store", str(tmp_path / "s")])
    assert r.exit_code == 1
    assert "1 triples are outside any named graph" in r.stderr
    assert "kg export --format trig" in r.stderr and r.stderr.count("\n") == 1
    with KnowledgeGraph() as kg:  # an in-memory view of a file may still read it
        assert kg.load(ttl, "turtle", default_graph=True) == 1


# --------------------------------------------------------------------------- damage


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    dump = tmp_path / "d.nq"
    write_dump(dump, range(40), "v1", 200)
    with KnowledgeGraph(store) as kg:
        kg.load(dump, "nquads")
    return store


@pytest.mark.parametrize("how", ["truncate", "overwrite"])
def test_a_damaged_store_is_one_line(damaged: Path, how: str) -> None:
    for sst in sorted(damaged.glob("*.sst")):
        if how == "truncate":
            sst.write_bytes(b"")
        else:
            data = bytearray(sst.read_bytes())
            mid = len(data) // 3
            data[mid:mid + 2000] = os.urandom(min(2000, len(data) - mid))
            sst.write_bytes(bytes(data))
    for args in (["stats"], ["query", "SELECT * WHERE { ?s ?p ?o }"],
                 ["export", "--format", "nquads", "--out", str(damaged.parent / "x.nq")]):
        r = subprocess.run([str(KG_BIN), *args, "--store", str(damaged)], capture_output=True,
                           text=True, timeout=120)
        assert r.returncode == 1, (args, r.stderr[-300:])
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr[-500:]
        assert f"{damaged}: the store is damaged" in r.stderr
        assert "restore it from a dump" in r.stderr


# --------------------------------------------------------------------------- exports


def test_csv_cells_that_look_like_formulas_are_text(tmp_path: Path) -> None:
    article = KGR["article/00000000000000cc"]
    event = KGR["event/e1"]
    g = Graph(identifier=article)
    g.add((article, RDF.type, KG.Article))
    g.add((event, RDF.type, KG.Statement))
    g.add((event, KG.cameoCode, Literal("010")))
    g.add((event, KG.speaker, KGR["person/x"]))
    g.add((KGR["person/x"], RDFS.label, Literal("@SUM(1+1)*cmd|' /C calc'!A0")))
    g.add((event, KG.evidence, KGR["mention/m"]))
    g.add((KGR["mention/m"], KG.article, article))
    g.add((KGR["mention/m"], KG.anchorOf, Literal("=HYPERLINK(\"http://x\")")))
    g.add((event, KG.quantity, KGR["quantity/q"]))
    g.add((KGR["quantity/q"], KG.value, Literal(-7)))
    with KnowledgeGraph() as kg:
        kg.add_article_graph(URIRef(article), g, "h")
        rows = list(csv.DictReader(io.StringIO(events_csv(kg))))
    assert rows[0]["source_actor"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert rows[0]["evidence"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["quantity"] == "-7"  # a number stays a number


def test_a_load_killed_while_checkpointing_leaves_the_store_untouched(tmp_path: Path) -> None:
    store = tmp_path / "s"
    old = tmp_path / "old.nq"
    write_dump(old, range(3), "v1", 20)
    with KnowledgeGraph(store) as kg:
        kg.load(old, "nquads")
    before = quads(store)
    (store / LOAD_MARKER).write_text("kg load, process 1, killed\n", encoding="utf-8")
    (store / "kg-load-backup.partial").mkdir()  # a checkpoint that never completed
    assert quads(store) == before
    assert not (store / LOAD_MARKER).exists()
    assert not (store / "kg-load-backup.partial").exists()
