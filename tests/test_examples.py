"""Every example runs: the scripts in-process (sharing the session's spaCy model) with a
temporary output folder, the notebook in a Jupyter kernel."""

from __future__ import annotations

import os
import re
import runpy
import sys
from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py"))


def _run(script: str, out: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    monkeypatch.setattr(sys, "argv", [str(EXAMPLES / script), "--out", str(out), *args])
    monkeypatch.chdir(out)  # anything written to the current directory would show up here
    runpy.run_path(str(EXAMPLES / script), run_name="__main__")


def test_every_script_is_tested() -> None:
    assert SCRIPTS == ["contested_claims.py", "corpus_network.py", "quickstart.py"]


@pytest.mark.parametrize("name", [*SCRIPTS, "explore.ipynb"])
def test_examples_need_no_shared_folder(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert not re.search(r"""["'/]shared\b|\.\./|parents\[2\]""", text)


def test_quickstart(nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    _run("quickstart.py", tmp_path, monkeypatch)
    out = capsys.readouterr().out
    assert out.startswith("1 added, 0 replaced")
    assert "Deployments:" in out and "Who met whom:" in out and "Lloyd Austin" in out
    assert (tmp_path / "store" / "CURRENT").is_file()
    assert "<html" in (tmp_path / "graph.html").read_text(encoding="utf-8")[:500].lower()
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith("date,event,type")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "graph.html", "store"]
    _run("quickstart.py", tmp_path, monkeypatch)  # again: the article is unchanged
    assert capsys.readouterr().out.startswith("0 added, 0 replaced, 1 skipped")


def test_contested_claims(nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    _run("contested_claims.py", tmp_path, monkeypatch)
    out = capsys.readouterr().out
    assert out.startswith("3 added")
    assert "about 3,000 troops" in out
    csv_lines = (tmp_path / "contested_claims.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0] == "subject,place,unit,asOf,low,high,sources,types,claims"
    # Seoul's figure against Kyiv's (same day), and the seed's U.S. estimate against
    # Kyslytsya's (same undated article)
    assert sorted(line.split(",")[4:6] for line in csv_lines[1:]) == [
        ["10000", "12000"], ["3000", "12000"]]


def test_corpus_network(nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    _run("corpus_network.py", tmp_path, monkeypatch)
    out = capsys.readouterr().out
    n_articles = len(list((ROOT / "data" / "gold" / "dev").glob("wikinews_*.md")))
    assert out.startswith(f"{n_articles} added, 0 replaced, 0 skipped (unchanged), 0 failed")
    assert "Top actors by weighted degree:" in out and "Communities (Louvain):" in out
    assert "<html" in (tmp_path / "actors.html").read_text(encoding="utf-8")[:500].lower()
    for name in ("actors.gexf", "actor_event.graphml"):
        assert (tmp_path / name).read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.slow
def test_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    from jupyter_client.kernelspec import NoSuchKernel

    nb = nbformat.read(EXAMPLES / "explore.ipynb", as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "commit the notebook without outputs"
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(EXAMPLES)}})
    env = {**os.environ, "KG_OUT": str(tmp_path)}
    old = os.environ.copy()
    os.environ.update(env)  # the kernel inherits the environment
    try:
        client.execute()
    except (NoSuchKernel, RuntimeError) as e:
        if "kernel" in str(e).lower() and "died" not in str(e).lower():
            pytest.skip(f"no Jupyter kernel: {e}")
        raise
    finally:
        os.environ.clear()
        os.environ.update(old)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    assert (tmp_path / "actors.html").is_file()


def test_benchmarks_import_no_test_module() -> None:
    """Benchmarks share helpers with the tests through benchmarks/hardening_*.py, never by
    putting tests/ on the path and importing a test module."""
    tests = {p.stem for p in (ROOT / "tests").glob("*.py")}
    for script in sorted((ROOT / "benchmarks").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        imported = set(re.findall(r"^\s*(?:from|import)\s+(\w+)", text, re.MULTILINE))
        assert not imported & tests, (script.name, imported & tests)
        assert '"tests"' not in text, script.name
