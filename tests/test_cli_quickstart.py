"""The quick start on a fresh clone: a store folder whose parents do not exist yet, and an
export whose format the file suffix says."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "000_4fd073a643f2e162.txt"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout + result.stderr


def test_ingest_makes_the_store_folders_and_export_reads_the_suffix(tmp_path: Path) -> None:
    store = tmp_path / "out" / "deeper" / "store"
    code, text = run("ingest", str(EXAMPLE), "--store", str(store))
    assert code == 0, text
    assert (store / "CURRENT").is_file()
    ttl = tmp_path / "graph.ttl"
    code, text = run("export", "--store", str(store), "--out", str(ttl))
    assert code == 0, text
    assert len(Dataset().parse(ttl, format="turtle")) > 100
    code, text = run("export", "--store", str(store), "--out", str(tmp_path / "g.xyz"))
    assert code != 0
    assert "give --format" in text and "g.xyz" in text
