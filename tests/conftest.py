"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract import load_nlp

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_4fd073a643f2e162.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def shared_missing(what: str = "../shared") -> None:
    """A test that needs ``../shared`` (seed, corpus, benchmarks beside the project) and does
    not find it: skipped with that reason (``-rs`` lists it in the summary), or failed when
    ``KG_REQUIRE_SHARED`` is set, for a run that must not pass without it."""
    message = f"{what} is not present beside the project ({SHARED})"
    if os.environ.get("KG_REQUIRE_SHARED"):
        pytest.fail(message + "; KG_REQUIRE_SHARED is set")
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        shared_missing()
    return SHARED
