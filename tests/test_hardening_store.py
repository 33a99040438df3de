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
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.errors import StoreError
from kg.export import events_csv
from kg.rdf.vocab import KG, KGR
from kg.recovery import BACKUP_DIR, LOAD_MARKER, begin_load
from kg.store import BULK_LOAD_MIN, KnowledgeGraph

KG_BIN = Path(sys.executable).with_name("kg")
K = "https://w3id.org/geokg/ontology#"
R = "https://w3id.org/geokg/resource/"


def article_nquads(i: int, version: str, triples: int) -> list[str]:
    """An article graph of ``triples`` triples, as N-Quads lines."""
    a = f"<{R}article/{i:016x}>"
    out = [f'{a} <{RDF.type}> <{K}Article> {a} .',
           f'{a} <{RDFS.label}> "Article {i} {version}" {a} .',
           f'{a} <{K}eventCount> "0"^^<http://www.w3.org/2001/XMLSchema#integer> {a} .']
    for j in range(triples - 3):
        out.append(f'<{R}person/p{i}-{j % 40}> <{K}note{j % 7}> "{version} {i} {j}" {a} .')
    return out


def write_dump(path: Path, articles: range, version: str, triples: int = 400) -> int:
    lines = [q for i in articles for q in article_nquads(i, version, triples)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def quads(store: Path) -> frozenset[str]:
    with KnowledgeGraph(store, read_only=True) as kg:
        return frozenset(str(q) for q in kg.store)


class LoadStates:
    """A base store, a dump replacing half its articles and adding more, and the quads of
    the store before and after a complete load."""

    def __init__(self, work: Path, new: int, triples: int = 400) -> None:
        self.base = work / "base"
        old = work / "old.nq"
        write_dump(old, range(0, 100), "v1", triples)
        with KnowledgeGraph(self.base) as kg:
            kg.load(old, "nquads")
        self.dump = work / "new.nq"
        self.count = write_dump(self.dump, range(50, 50 + new), "v2", triples)
        self.before = quads(self.base)
        done = work / "done"
        shutil.copytree(self.base, done)
        t0 = time.monotonic()
        r = subprocess.run([str(KG_BIN), "load", str(self.dump), "--store", str(done)],
                           capture_output=True, text=True, timeout=600)
        self.seconds = time.monotonic() - t0
        assert r.returncode == 0, r.stderr
        self.after = quads(done)
        assert self.after != self.before


def kill_loads(work: Path, states: LoadStates, kills: int, seed: int) -> list[str]:
    """SIGKILL ``kg load`` ``kills`` times at random moments; the outcome of each."""
    rnd = random.Random(seed)
    outcomes: list[str] = []
    store = work / "store"
    for _ in range(kills):
        shutil.rmtree(store, ignore_errors=True)
        shutil.copytree(states.base, store)
        proc = subprocess.Popen([str(KG_BIN), "load", str(states.dump), "--store", str(store)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rnd.uniform(0.2, states.seconds * 1.05)
        writing = False
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            writing = (store / LOAD_MARKER).exists()  # between checkpoint and commit
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        got = quads(store)  # this open rolls an interrupted load back
        state = "before" if got == states.before else "after" if got == states.after else (
            f"INCONSISTENT: {len(got)} quads, {len(states.before)} before, "
            f"{len(states.after)} after")
        killed = "killed" if proc.returncode == -signal.SIGKILL else "finished"
        during = " while writing" if writing else ""
        outcomes.append(f"{killed}{during} at {delay:.2f} s: {state}")
        assert not (store / LOAD_MARKER).exists() and not (store / BACKUP_DIR).exists()
    return outcomes


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
