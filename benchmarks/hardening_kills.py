"""Killing ``kg ingest`` and ``kg load`` at random moments and checking the store after
each kill: shared by tests/test_hardening_interrupt.py, tests/test_hardening_store.py and
benchmarks/bench_hardening.py (which runs many more kills; it imports no test module).

Every ``kg`` subprocess runs :data:`KG_BIN` beside the current Python.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic

from kg.articles import iter_inputs
from kg.recovery import BACKUP_DIR, LOAD_MARKER
from kg.store import CONTENT_HASH, META_GRAPH, KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews_2019.csv"
KG_BIN = Path(sys.executable).with_name("kg")
K = "https://w3id.org/geokg/ontology#"
R = "https://w3id.org/geokg/resource/"

# --------------------------------------------------------------------------- kg ingest


#: Environment of every ``kg`` subprocess here; :func:`freeze_code` points it at a copy.
CODE_ENV: dict[str, str] = {**os.environ, "PYTHONHASHSEED": "0"}


def freeze_code(work: Path) -> None:
    """Run every ``kg`` subprocess of this test on a copy of the kg package taken now, so
    the reference, the killed runs and the final runs execute the same code even while
    the working tree is being edited."""
    code = work / "frozen-code"
    if not code.exists():
        shutil.copytree(ROOT / "kg", code / "kg",
                        ignore=shutil.ignore_patterns("__pycache__"))
    CODE_ENV["PYTHONPATH"] = str(code)


def write_articles(folder: Path, n: int) -> list[Path]:
    """The first ``n`` Wikinews articles, one JSON file each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with WIKINEWS.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= n:
                break
            p = folder / f"a{i:03d}.json"
            p.write_text(json.dumps({k: row[k] for k in ("url", "date", "title", "text")}),
                         encoding="utf-8")
            paths.append(p)
    return paths


def reference_graphs(folder: Path, work: Path) -> dict[URIRef, tuple[Graph, str]]:
    """Article IRI → (graph, content hash) as one uninterrupted ``kg ingest`` stores them
    (run as a subprocess, so reference and killed runs execute the same code)."""
    ref_store = work / "reference-store"
    if ref_store.exists():
        shutil.rmtree(ref_store)
    r = subprocess.run([str(KG_BIN), "ingest", str(folder), "--store", str(ref_store)],
                       capture_output=True, text=True, timeout=600, env=CODE_ENV)
    assert r.returncode == 0, r.stdout + r.stderr
    n_files = sum(1 for _ in iter_inputs([folder]))
    out: dict[URIRef, tuple[Graph, str]] = {}
    with KnowledgeGraph(ref_store, read_only=True) as kg:
        for iri in kg.articles():
            hashes = kg.store.quads_for_pattern(ox.NamedNode(str(iri)),
                                                ox.NamedNode(str(CONTENT_HASH)), None,
                                                ox.NamedNode(str(META_GRAPH)))
            (h,) = [q.object.value for q in hashes if isinstance(q.object, ox.Literal)]
            out[iri] = (kg.graph_of(iri), h)
    assert len(out) == n_files
    return out


@dataclass
class StoreCheck:
    complete: int = 0  # article graphs found whole
    problems: list[str] = field(default_factory=list)


def check_store(store: Path, ref: dict[URIRef, tuple[Graph, str]]) -> StoreCheck:
    """Whether every stored article graph is whole and hashed, with nothing extra."""
    res = StoreCheck()
    with KnowledgeGraph(store, read_only=True) as kg:
        graphs = kg.articles()
        hashes: dict[URIRef, list[str]] = {}
        union: set[str] = set()    # triples of the article graphs
        default: set[str] = set()  # the store keeps their union in its default graph
        for q in kg.store:
            triple = f"{q.subject} {q.predicate} {q.object}"
            if isinstance(q.graph_name, ox.DefaultGraph):
                default.add(triple)
            elif q.graph_name.value == str(META_GRAPH):
                assert q.predicate.value == str(CONTENT_HASH)
                hashes.setdefault(URIRef(q.subject.value), []).append(q.object.value)
            else:
                union.add(triple)
        if default and default != union:
            res.problems.append(f"default graph is not the union of the article graphs: "
                                f"{len(default - union)} extra, {len(union - default)} missing")
        for iri in graphs:
            if iri not in ref:
                res.problems.append(f"unknown graph {iri}")
                continue
            g = kg.graph_of(iri)
            want, h = ref[iri]
            if len(g) != len(want) or not isomorphic(g, want):
                res.problems.append(f"{iri}: {len(g)} triples, a clean extraction has "
                                    f"{len(want)}")
            elif hashes.get(iri) != [h]:
                res.problems.append(f"{iri}: content hash {hashes.get(iri)} != [{h}]")
            else:
                res.complete += 1
        for iri in set(hashes) - set(graphs):
            res.problems.append(f"{iri}: a content hash but no graph")
        n_articles = kg.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }")
        n = int(n_articles.rows[0]["n"].toPython())  # type: ignore[union-attr]
        if n != len(graphs):
            res.problems.append(f"{n} kg:Article nodes for {len(graphs)} article graphs")
    return res


@dataclass
class KillRun:
    kills: int = 0           # processes killed while still running (store already created)
    finished_early: int = 0  # processes that ended before their kill time
    survived: int = 0        # kills after which the store passed check_store
    counts: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    orphans: int = 0         # worker processes still alive 3 s after their parent's kill


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    out = []
    for d in Path("/proc").glob("[0-9]*"):
        try:
            if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
        except (OSError, ValueError, IndexError):
            continue
    return out


def _gone(pids: list[int], within: float) -> list[int]:
    deadline = time.monotonic() + within
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if Path(f"/proc/{p}").exists()
                 and "Z" not in (Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1][:3])]
    return alive


def kill_loop(folder: Path, store: Path, ref: dict[URIRef, tuple[Graph, str]], kills: int,
              seed: int, delays: tuple[float, float] = (2.0, 9.0),
              processes: int = 1) -> KillRun:
    """Start ``kg ingest`` and SIGKILL it after a random delay, ``kills`` times; after each
    kill check the store (and, with ``processes`` > 1, that spaCy's worker processes died
    with it). Once everything is stored, the next run either re-ingests with ``--force``
    (kills land while graphs are replaced) or starts over in a new store."""
    rnd = random.Random(seed)
    out = KillRun()
    attempts = 0
    lo, hi = delays
    while out.kills < kills and attempts < kills * 3 + 3:
        attempts += 1
        force = False
        if out.counts and out.counts[-1] == len(ref):  # all stored: replace, or start over
            force = rnd.random() < 0.5
            if not force:
                shutil.rmtree(store)
        cmd = [str(KG_BIN), "ingest", str(folder), "--store", str(store), "--batch-size", "4",
               "--processes", str(processes)]
        if force:
            cmd.append("--force")
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=CODE_ENV)
        delay = rnd.uniform(lo, hi)
        existed = False  # a kill before the store exists proves nothing
        t0 = time.monotonic()
        try:
            proc.wait(timeout=delay)
            out.finished_early += 1  # kill sooner next time
            took = time.monotonic() - t0
            hi = min(hi, 0.9 * took)
            lo = min(lo, 0.5 * took)
        except subprocess.TimeoutExpired:
            existed = store.exists()
            workers = children(proc.pid)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if proc.returncode != -signal.SIGKILL:  # it ended just before the signal
                out.finished_early += 1
            elif existed:
                out.kills += 1
            left = _gone(workers, 3.0)
            if left:
                out.orphans += len(left)
                out.problems.append(f"{len(left)} worker processes outlived the kill")
                for p in left:
                    with contextlib.suppress(OSError):
                        os.kill(p, signal.SIGKILL)
        if store.exists():
            res = check_store(store, ref)
            out.counts.append(res.complete)
            if res.problems:
                out.problems += res.problems
            elif existed and proc.returncode == -signal.SIGKILL:
                out.survived += 1
        else:
            out.counts.append(0)
    return out


def finish_and_compare(folder: Path, store: Path,
                       ref: dict[URIRef, tuple[Graph, str]]) -> list[str]:
    """Run ``kg ingest`` to the end; the store must then equal, quad for quad, the clean
    single-run ingest :func:`reference_graphs` made (same frozen code), and every article
    must be stored whole with its hash."""
    problems: list[str] = []
    clean = store.parent / "reference-store"
    r = subprocess.run([str(KG_BIN), "ingest", str(folder), "--store", str(store)],
                       capture_output=True, text=True, timeout=600, env=CODE_ENV)
    if r.returncode != 0:
        problems.append(f"final ingest exit {r.returncode}: {r.stdout}")
    with KnowledgeGraph(clean, read_only=True) as c, KnowledgeGraph(store, read_only=True) as kg:
        # no blank nodes anywhere, so equal quad sets are isomorphic datasets
        want = {str(q) for q in c.store}
        got = {str(q) for q in kg.store}
        n_clean = len(c.articles())
    if want != got:
        problems.append(f"final store differs from a clean single-run ingest: "
                        f"{len(got - want)} extra, {len(want - got)} missing quads")
    if n_clean != len(ref):
        problems.append(f"the clean ingest stored {n_clean} of {len(ref)} articles")
    res = check_store(store, ref)  # whole graphs (vs the in-process extraction) and hashes
    problems += res.problems
    return problems


# --------------------------------------------------------------------------- kg load


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
