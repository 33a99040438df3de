"""Interrupted ingest: ``kg ingest`` really runs in a subprocess and is SIGKILLed mid-way.

After every kill the store must open; every stored article graph must be whole
(isomorphic to the graph an uninterrupted ``kg ingest`` stores for that article); every
article with a content hash must have its graph and every graph its hash; nothing is
stored twice. A final ``kg ingest`` must finish the job: the store then equals (quad for
quad, hashes included) a clean single-run ingest.

Quick variant (default run): 8 Wikinews articles, 1 kill. Slow variant: 30 articles,
6 kills at random moments; once a run has stored everything, the next one either uses
``--force`` (so kills also land while graphs are being replaced) or starts a new store.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hardening_kills import (
    WIKINEWS,
    finish_and_compare,
    freeze_code,
    kill_loop,
    reference_graphs,
    write_articles,
)

# with KG_REQUIRE_SHARED set the tests run anyway, and fail loudly when ../shared is absent
needs_corpus = pytest.mark.skipif(not WIKINEWS.is_file()
                                  and not os.environ.get("KG_REQUIRE_SHARED"),
                                  reason=f"../shared corpus is absent ({WIKINEWS})")


@needs_corpus
def test_killed_ingest_then_finished(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 8)
    freeze_code(tmp_path)
    ref = reference_graphs(folder, tmp_path)
    store = tmp_path / "store"
    run = kill_loop(folder, store, ref, kills=1, seed=7, delays=(3.0, 5.0))
    assert run.problems == []
    assert run.kills == 1 and run.survived == run.kills
    assert finish_and_compare(folder, store, ref) == []


@pytest.mark.slow
@needs_corpus
def test_killed_ingest_many_times_at_random_moments(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 30)
    freeze_code(tmp_path)
    ref = reference_graphs(folder, tmp_path)
    store = tmp_path / "store"
    t0 = time.monotonic()
    run = kill_loop(folder, store, ref, kills=6, seed=int(os.environ.get("KG_KILL_SEED", "1")),
                    delays=(3.0, 7.0))
    assert run.problems == []
    assert run.kills >= 5 and run.survived == run.kills, run
    assert len(set(run.counts)) >= 2, run  # the kills landed at different moments
    assert finish_and_compare(folder, store, ref) == []
    assert time.monotonic() - t0 < 600


@pytest.mark.slow
@needs_corpus
def test_killed_ingest_with_two_processes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 30)
    freeze_code(tmp_path)
    ref = reference_graphs(folder, tmp_path)
    store = tmp_path / "store"
    run = kill_loop(folder, store, ref, kills=6, seed=int(os.environ.get("KG_KILL_SEED", "2")),
                    delays=(4.0, 10.0), processes=2)
    assert run.problems == [] and run.orphans == 0
    assert run.kills >= 5 and run.survived == run.kills, run
    assert finish_and_compare(folder, store, ref) == []
