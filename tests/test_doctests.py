"""Every docstring example of kg runs (networkx and pyoxigraph do the same): the doctests of
each module are collected here, one test per module, so none is left unrun."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg

#: Modules whose doctests another test runs already (with the data they need).
ELSEWHERE = frozenset({"kg.api", "kg.analysis", "kg.viz"})
MODULES = sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg.")
                 if m.name not in ELSEWHERE)


def test_the_modules_of_the_issue_are_collected() -> None:
    assert {"kg.store.core", "kg.articles", "kg.gazetteer", "kg.resolve._things"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
