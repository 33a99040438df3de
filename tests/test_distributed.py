"""kg ingest --dask: extraction on Dask workers, one writer; the store ends as after a plain
``kg ingest`` of the same inputs (canonically sorted N-Quads compared byte for byte), a
worker killed mid-run loses and doubles nothing, a poison article is reported and skipped.
Shards written to a folder load back with ``kg load FOLDER``.

One local cluster of two worker processes serves the module (starting one, with spaCy in
each worker, costs seconds); the tests that need no cluster run the worker function here.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kg.api
from kg.articles import read_text
from kg.cli import main
from kg.distributed import extract_partition, ingest_dask
from kg.errors import KGError
from kg.model import Article, Extraction
from kg.pipeline import extract_articles, ingest_articles
from kg.store import KnowledgeGraph
from kg.store.shards import write_shard

distributed = pytest.importorskip("distributed", reason="Dask is not installed (kg[dask])")

PLACES = ["Geneva", "Vienna", "Ankara", "Doha", "Cairo", "Oslo"]
PAIRS = [("Russia", "Ukraine"), ("China", "India"), ("France", "Germany")]


def news_items(n: int) -> list[dict[str, str]]:
    """``n`` short news items; reports of one talks in several items (occurrences link them)."""
    out = []
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        place = PLACES[i % len(PLACES)]
        out.append({"title": f"Talks {i}", "published": f"2024-10-{1 + i % 5:02d}",
                    "text": f"Officials of {a} met officials of {b} in {place} on Tuesday, "
                            f"the ministry said. {a} sent 200 troops to {place} on Monday. "
                            f"{b} condemned the sanctions imposed by {a}. Item {i}."})
    return out


def write_items(path: Path, items: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in items), encoding="utf-8")
    return path


def canonical(store: KnowledgeGraph) -> list[bytes]:
    """The store as sorted N-Quads lines: its named graphs and its union default graph."""
    import pyoxigraph as ox

    union = ox.serialize((q for q in store.store if isinstance(q.graph_name, ox.DefaultGraph)),
                         format=ox.RdfFormat.N_QUADS) or b""
    return sorted(store.dump("nquads").splitlines() + union.splitlines())


def poisoned(batch: Sequence[Article]) -> Iterator[Extraction]:
    """The real extraction, crashing on a batch that holds the word POISON."""
    if any("POISON" in a.body for a in batch):
        raise ValueError("cannot parse this batch")
    return extract_articles(batch)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # poisoned() in the workers
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_items(tmp_path_factory.mktemp("in") / "items.jsonl", news_items(24))


@pytest.fixture(scope="module")
def plain(items: Path) -> list[bytes]:
    with kg.api.memory() as g:
        g.ingest(items)
        return canonical(g.store)


# --------------------------------------------------------------------------- no cluster


def test_a_partition_stored_by_the_writer_is_what_ingest_stores(items: Path,
                                                                plain: list[bytes]) -> None:
    arts = [a for a in kg.api.read_inputs(items) if isinstance(a, Article)]
    with KnowledgeGraph() as store:
        for start in range(0, len(arts), 5):
            part = extract_partition(arts[start:start + 5], batch_size=4)
            assert part.keys == tuple(a.key for a in arts[start:start + 5])
            assert write_shard(store, part.nquads) == len(part.keys)
        assert canonical(store) == plain


def test_a_poison_article_fails_alone_in_its_partition() -> None:
    texts = ["Russia met China in Moscow.", "POISON here.", "France sent troops to Mali."]
    arts = [read_text(text, title=f"t{i}", key=f"k{i}") for i, text in enumerate(texts)]
    part = extract_partition(arts, batch_size=4, extract=poisoned)
    assert part.keys == ("k0", "k2")
    assert part.failed == (("k1", "extraction failed: ValueError: cannot parse this batch"),)


def test_bad_addresses_are_clear_errors(tmp_path: Path) -> None:
    for address, says in [("local:x", "local:N"), ("somewhere", "tcp://host:8786")]:
        r = CliRunner().invoke(main, ["ingest", str(write_items(tmp_path / "a.jsonl",
                                                                news_items(1))),
                                      "--store", str(tmp_path / "s"), "--dask", address])
        assert r.exit_code == 1 and says in r.output, r.output
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "part-00000.nq").write_bytes(b"")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.jsonl"), "--store",
                                  str(tmp_path / "s"), "--dask", "local:1", "--shards",
                                  str(tmp_path / "old")])
    assert r.exit_code == 1 and "holds N-Quads files already" in r.output, r.output


def test_load_folder_of_plain_parts_and_refusals(tmp_path: Path, items: Path) -> None:
    with kg.api.memory() as g:
        g.ingest(items)
        dump = g.dump("nquads").splitlines(keepends=True)
        expected = canonical(g.store)
    parts = tmp_path / "parts"
    parts.mkdir()
    for k in range(3):
        (parts / f"p{k}.nq").write_bytes(b"".join(dump[k::3]))
    with kg.api.memory() as g:
        assert g.load(parts) == len(dump)
        assert canonical(g.store) == expected
        (tmp_path / "empty").mkdir()
        with pytest.raises(KGError, match="no N-Quads files"):
            g.load(tmp_path / "empty")
        arts = [a for a in kg.api.read_inputs(items) if isinstance(a, Article)][:2]
        (parts / "shard.nq").write_bytes(extract_partition(arts).nquads)
        with pytest.raises(KGError, match="mixes kg shards"):
            g.load(parts)


# --------------------------------------------------------------------------- on a cluster


def test_dask_ingest_stores_what_plain_ingest_stores(client: Any, items: Path,
                                                     plain: list[bytes]) -> None:
    links: list[str] = []
    with kg.api.memory() as g:
        report = g.ingest_articles(kg.api.read_inputs(items), dask=client,
                                   on_dashboard=links.append)
        assert report.summary() == "24 added, 0 replaced, 0 skipped (unchanged), 0 failed"
        assert canonical(g.store) == plain
        again = g.ingest_articles(kg.api.read_inputs(items), dask=client)
        assert again.summary() == "0 added, 0 replaced, 24 skipped (unchanged), 0 failed"


def test_cli_with_a_scheduler_address_and_shards_then_load(client: Any, items: Path,
                                                          plain: list[bytes],
                                                          tmp_path: Path) -> None:
    address = client.scheduler.address
    shards = tmp_path / "shards"
    r = CliRunner().invoke(main, ["ingest", str(items), "--store", str(tmp_path / "s"),
                                  "--dask", address, "--shards", str(shards)])
    assert r.exit_code == 0, r.output
    assert "24 added" in r.stdout
    assert len(list(shards.glob("part-*.nq"))) >= 2
    with KnowledgeGraph(tmp_path / "s", read_only=True) as store:
        assert canonical(store) == plain
    r = CliRunner().invoke(main, ["load", str(shards), "--store", str(tmp_path / "copy")])
    assert r.exit_code == 0, r.output
    with KnowledgeGraph(tmp_path / "copy", read_only=True) as store:
        assert canonical(store) == plain


def test_a_poison_article_is_reported_by_name_and_skipped(client: Any, tmp_path: Path) -> None:
    items = news_items(10)
    items[6]["text"] = "POISON " + items[6]["text"]
    path = write_items(tmp_path / "p.jsonl", items)
    with kg.api.memory() as g:
        expected = ingest_articles(g.store, kg.api.read_inputs(path), poisoned)
        want = canonical(g.store)
    with kg.api.memory() as g:
        report = ingest_dask(g.store, kg.api.read_inputs(path), client, extract=poisoned,
                             partition_size=4)
        assert report == expected
        assert [reason for _, reason in report.failed] == [
            "extraction failed: ValueError: cannot parse this batch"]
        assert report.failed[0][0] == kg.api.read_inputs(path)[6].key  # type: ignore[union-attr]
        assert canonical(g.store) == want


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(client: Any, tmp_path: Path) -> None:
    path = write_items(tmp_path / "k.jsonl", news_items(48))
    with kg.api.memory() as g:
        g.ingest(path)
        want = canonical(g.store)
    killed: list[int] = []

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            busy = [w for w, tasks in client.processing().items() if tasks]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            time.sleep(0.05)

    before = set(client.run(os.getpid).values())
    killer = threading.Thread(target=kill_a_busy_worker)
    with kg.api.memory() as g:
        killer.start()
        report = ingest_dask(g.store, kg.api.read_inputs(path), client, partition_size=4)
        killer.join()
        assert killed and killed[0] in before
        assert report.summary() == "48 added, 0 replaced, 0 skipped (unchanged), 0 failed"
        assert len(set(report.added)) == 48
        assert canonical(g.store) == want
