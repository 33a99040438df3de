"""The CLI and the Python API agree: each command is the API call of the same name plus
argument and output translation, so both give the same answers on the same store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_analysis import SAMPLE_TRIG

import kg
from kg.cli import main


def run(*args: str) -> str:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def lines(text: str) -> list[str]:
    """The lines of a text (the test runner's stdout turns CSV's CRLF into LF)."""
    return text.splitlines()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli_api")
    (d / "sample.trig").write_text(SAMPLE_TRIG, encoding="utf-8")
    run("load", str(d / "sample.trig"), "--store", str(d / "store"))
    return d


def test_stats(store: Path) -> None:
    with kg.open(store / "store", read_only=True) as g:
        assert run("stats", "--store", str(store / "store")) == g.stats().to_text() + "\n"


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query(store: Path, fmt: str) -> None:
    sparql = "SELECT ?e ?l WHERE { ?e a kg:Meeting ; rdfs:label ?l } ORDER BY ?e"
    with kg.open(store / "store", read_only=True) as g:
        want = getattr(g.query(sparql), f"to_{fmt}")()
    got = run("query", sparql, "--store", str(store / "store"), "--format", fmt)
    assert lines(got) == lines(want)


def test_named_query(store: Path) -> None:
    with kg.open(store / "store", read_only=True) as g:
        want = g.named_query("events_by_type", type="Statement").to_csv()
    got = run("query", "--name", "events_by_type", "--param", "type=Statement",
              "--store", str(store / "store"), "--format", "csv")
    assert lines(got) == lines(want)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "csv", "graphml"])
def test_export(store: Path, tmp_path: Path, fmt: str) -> None:
    run("export", "--store", str(store / "store"), "--format", fmt,
        "--out", str(tmp_path / f"cli.{fmt}"))
    with kg.open(store / "store", read_only=True) as g:
        g.export(tmp_path / "api.out", fmt)
    assert (tmp_path / f"cli.{fmt}").read_bytes() == (tmp_path / "api.out").read_bytes()


def test_analyze_reads_the_same_graph_from_a_store_and_from_a_file(store: Path) -> None:
    from kg.analysis import actor_network, describe, format_rankings, rankings

    with kg.open(store / "store", read_only=True) as g:
        data = g.graph_data()
    G = actor_network(data)
    want = describe(data, G) + "\n" + format_rankings(G, rankings(G, 3)) + "\n"
    assert run("analyze", "--store", str(store / "store"), "--top", "3") == want
    assert run("analyze", "--input", str(store / "sample.trig"), "--top", "3") == want
