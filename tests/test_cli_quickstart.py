"""The quick start on a fresh clone: a store folder whose parents do not exist yet, an
export whose format the file suffix says, a corpus folder with its README and LICENSE."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
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


def test_a_folder_s_readme_and_licence_are_skipped_and_said(tmp_path: Path,
                                                           caplog: pytest.LogCaptureFixture
                                                           ) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    (folder / "README.md").write_text("# About this corpus\n\nNews items.\n")
    (folder / "LICENSE.md").write_text("CC BY 4.0\n")
    with caplog.at_level(logging.WARNING):
        code, text = run("ingest", str(folder), "--store", str(tmp_path / "store"))
    assert code == 0, text
    assert "1 added" in text and "0 failed" in text
    skipped = sorted(r.getMessage().split(":")[0] for r in caplog.records)
    assert skipped == [f"skipped {folder / 'LICENSE.md'}", f"skipped {folder / 'README.md'}"]
