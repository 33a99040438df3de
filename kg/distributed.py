"""Ingest on a Dask cluster: extraction in the workers, one writer (this process).

``kg ingest … --dask local:2`` (a :class:`distributed.LocalCluster` of 2 worker
processes), ``--dask tcp://host:8786`` (a running scheduler: ``dask scheduler`` plus
``dask worker``, or dask-jobqueue's SLURM/PBS jobs, docs/scale.md):

1. the articles are read here and triaged as plain ingest does (unreadable ones failed,
   unchanged ones skipped: :func:`kg.pipeline.triage`);
2. the others are cut into partitions, each extracted in a worker by
   :func:`extract_partition`: the same per-article extraction as plain ingest
   (:func:`kg.pipeline.extract_articles`, with its batch retry that blames only an
   article that fails by itself), the spaCy model loaded once per worker process
   (:func:`kg.extract.nlp.load_nlp` is cached);
3. each partition comes back as an N-Quads shard (:mod:`kg.store.shards`), or is written
   as ``part-NNNNN.nq`` to a folder every worker and this process can read (``--shards``);
4. this process stores the shards in partition order, article after article, as plain
   ingest stores extractions: the store holds the same quads as after ``kg ingest``.

A worker that dies is replaced and its partitions run again by Dask (a partition is
stored once, when its result is taken, so nothing is lost or doubled). Dask itself is an
optional dependency: ``pip install 'kg[dask]'``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from kg.budget import ARTICLE_TIME_BUDGET
from kg.errors import KGError
from kg.model import Article, Extraction
from kg.pipeline import extract_articles, extract_isolating, triage
from kg.store import IngestReport, KnowledgeGraph
from kg.store.shards import shard_block, write_shard

__all__ = ["Partition", "extract_partition", "ingest_dask", "partition_sizes"]

#: What turns a sequence of articles into one Extraction each (the tests' seam).
Extract = Callable[[Sequence[Article]], Iterable[Extraction]]


@dataclass(frozen=True)
class Partition:
    """What a worker hands back: the keys of the articles in the shard (in order), the
    articles that failed with why, and the shard (empty when written to ``path``)."""

    keys: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]
    nquads: bytes = b""
    path: str | None = None

    def shard(self) -> bytes:
        return Path(self.path).read_bytes() if self.path is not None else self.nquads


def extract_partition(articles: Sequence[Article], *, batch_size: int = 16,
                      time_budget: float | None = ARTICLE_TIME_BUDGET,
                      path: str | None = None, extract: Extract | None = None) -> Partition:
    """Extract ``articles`` (in a worker) into a shard; written to ``path`` if given."""
    from kg.files import write_atomic

    def plain(batch: Sequence[Article]) -> Iterator[Extraction]:
        return extract_articles(batch, batch_size=batch_size, time_budget=time_budget)

    keys: list[str] = []
    failed: list[tuple[str, str]] = []
    blocks: list[bytes] = []
    for done in extract_isolating(articles, extract or plain, retry_window=batch_size):
        if not isinstance(done, Extraction):
            failed.append(done)
            continue
        try:
            blocks.append(shard_block(done))
        except (KGError, ValueError) as e:  # as KnowledgeGraph.ingest reports it
            failed.append((done.article.key, " ".join(str(e).split())))
        else:
            keys.append(done.article.key)
    data = b"".join(blocks)
    if path is None:
        return Partition(tuple(keys), tuple(failed), data)
    write_atomic(path, data)
    return Partition(tuple(keys), tuple(failed), path=path)


def partition_sizes(n: int, workers: int, *, most: int = 64, least: int = 8) -> int:
    """Articles per partition: about four partitions per worker (so a slow one or a
    retried one is not the tail of the run), between ``least`` and ``most``.

    >>> partition_sizes(800, 2), partition_sizes(20, 2), partition_sizes(100_000, 40)
    (64, 8, 64)
    """
    return max(least, min(most, -(-n // max(1, 4 * workers))))


def ingest_dask(kg: KnowledgeGraph, items: Iterable[Article | KGError], address: Any, *,
                force: bool = False, batch_size: int = 16,
                time_budget: float | None = ARTICLE_TIME_BUDGET,
                partition_size: int | None = None, shards: str | Path | None = None,
                on_progress: Callable[[int], None] | None = None,
                on_dashboard: Callable[[str], None] | None = None,
                extract: Extract | None = None) -> IngestReport:
    """Like :func:`kg.pipeline.ingest_articles`, the extraction on Dask: ``address`` is
    ``local`` / ``local:N`` (a local cluster of N worker processes, default one per
    CPU), a scheduler address (``tcp://host:8786``), or a :class:`distributed.Client`
    or cluster object. ``shards``: a folder the workers write their shards to (it must
    be shared with this process). ``on_dashboard(url)`` gets Dask's dashboard link."""
    if shards is not None:  # a shard left by another run would be loaded with this one's
        Path(shards).mkdir(parents=True, exist_ok=True)
        if any(Path(shards).glob("*.nq")):
            raise KGError(f"--shards {shards}: the folder holds N-Quads files already; give "
                          "an empty (or new) folder")
    todo, report = triage(kg, items, force=force, on_progress=on_progress)
    if not todo:
        return report
    with _client(address) as client:
        if on_dashboard is not None and client.dashboard_link:
            on_dashboard(client.dashboard_link)
        workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        size = partition_size or partition_sizes(len(todo), workers)
        run = uuid.uuid4().hex[:8]
        futures = [client.submit(extract_partition, todo[i:i + size], key=f"kg-part-{run}-{k}",
                                 batch_size=batch_size, time_budget=time_budget,
                                 path=None if shards is None else
                                 str(Path(shards).resolve() / f"part-{k:05d}.nq"),
                                 extract=extract)
                   for k, i in enumerate(range(0, len(todo), size))]
        for future in futures:  # in order: the store is written as plain ingest writes it
            part: Partition = future.result()
            future.release()
            report = report.merge(_store(kg, part, on_progress))
    return report


def _store(kg: KnowledgeGraph, part: Partition,
           on_progress: Callable[[int], None] | None) -> IngestReport:
    keys = iter(part.keys)
    added: list[str] = []
    replaced: list[str] = []

    def stored(_: URIRef, existed: bool) -> None:
        (replaced if existed else added).append(next(keys))
        if on_progress is not None:
            on_progress(1)

    write_shard(kg, part.shard(), origin=part.path or "(partition)", on_article=stored)
    if on_progress is not None and part.failed:
        on_progress(len(part.failed))
    return IngestReport(tuple(added), tuple(replaced), (), part.failed)


@contextmanager
def _client(address: Any) -> Iterator[Any]:
    """A Dask client for ``address`` (see :func:`ingest_dask`), closed afterwards
    (with the local cluster it started)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise KGError("--dask needs Dask: pip install 'kg[dask]' (dask[distributed])") from e
    if isinstance(address, Client):
        yield address
        return
    if isinstance(address, str) and (address == "local" or address.startswith("local:")):
        n = address.partition(":")[2]
        if n and not (n.isdigit() and int(n) > 0):
            raise KGError(f"--dask {address}: expected local or local:N with N a number of "
                          "worker processes")
        cluster = LocalCluster(n_workers=int(n) if n else os.cpu_count() or 1,
                               threads_per_worker=1, processes=True,
                               dashboard_address="127.0.0.1:0")
        with cluster, Client(cluster) as client:
            yield client
        return
    if isinstance(address, str) and "://" not in address:
        raise KGError(f"--dask {address}: expected local, local:N or a scheduler address "
                      "such as tcp://host:8786")
    try:
        client = Client(address, timeout=30)
    except OSError as e:
        raise KGError(f"--dask {address}: cannot reach the Dask scheduler: {e}") from e
    with client:
        yield client
