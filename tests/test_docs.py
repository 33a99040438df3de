"""Documentation that runs: kg.api's doctests, the Python blocks of docs/api.md and of the
README's "Python API" section, and the generated references (CLI, named queries) being
up to date and complete."""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import click
import pytest
from spacy.language import Language

import kg.api
from kg.cli import main as cli
from kg.store import list_queries

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.MULTILINE | re.DOTALL)


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text,
                  flags=re.MULTILINE | re.DOTALL)
    assert m is not None, f"README.md has no section '## {title}'"
    return m.group(1)


def _run_blocks(blocks: list[str], where: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (where / "data").symlink_to(ROOT / "data")
    (where / "out").mkdir()
    monkeypatch.chdir(where)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for i, block in enumerate(blocks):
        try:
            exec(compile(block, f"<block {i + 1}>", "exec"), namespace)
        except Exception as e:
            raise AssertionError(f"block {i + 1} failed: {e!r}\n{block}") from e


# --------------------------------------------------------------------------- runnable docs


def test_api_doctests(nlp: Language) -> None:
    result = doctest.testmod(kg.api, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 8
    assert result.failed == 0


def test_api_md_blocks_run(nlp: Language, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks((DOCS / "api.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    _run_blocks(blocks, tmp_path, monkeypatch)
    for name in ("actors.html", "events.csv", "kg.trig", "network.gexf"):
        assert (tmp_path / "out" / name).stat().st_size > 0


def test_readme_python_api_blocks_run(nlp: Language, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks(_readme_section("Python API"))
    assert blocks
    _run_blocks(blocks, tmp_path, monkeypatch)


def test_readme_links_the_documentation() -> None:
    section = _readme_section("Documentation")
    for page in ("docs/cli.md", "docs/api.md", "docs/queries.md", "docs/external-stores.md",
                 "docs/ontology.md", "examples/"):
        assert f"]({page})" in section, page
        assert (ROOT / page).exists(), page


def test_doc_links_resolve() -> None:
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: broken link {target}"


# --------------------------------------------------------------------------- generated docs


def test_cli_reference_is_up_to_date() -> None:
    gen = _script("gen_cli_doc")
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == gen.render(), \
        "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_doc.py"


def test_every_command_and_option_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert isinstance(cli, click.Group)
    ctx = click.Context(cli, info_name="kg")
    for name in cli.list_commands(ctx):
        cmd = cli.get_command(ctx, name)
        assert cmd is not None and (cmd.help or "").strip(), f"kg {name} has no help"
        assert f"\n## kg {name}\n" in text
        section = text.split(f"\n## kg {name}\n", 1)[1].split("\n## ", 1)[0]
        for p in cmd.params:
            if isinstance(p, click.Option) and not p.hidden and p.name != "help":
                assert any(f"`{o}" in section or f" {o}" in section for o in p.opts), \
                    f"kg {name}: option {p.opts} not in docs/cli.md"


def test_readme_mentions_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ctx = click.Context(cli, info_name="kg")
    assert isinstance(cli, click.Group)
    missing = [n for n in cli.list_commands(ctx) if f"kg {n}" not in readme]
    assert missing == []


def test_query_catalogue_is_up_to_date_and_complete() -> None:
    gen = _script("gen_query_doc")
    text = (DOCS / "queries.md").read_text(encoding="utf-8")
    assert text == gen.render(), \
        "docs/queries.md is stale: run .venv/bin/python scripts/gen_query_doc.py"
    for q in list_queries():
        assert f"\n## {q.name}\n" in text and q.description
        for p in q.parameters:
            assert f"`?{p.name}`" in text


def test_query_columns_are_read_from_the_projection() -> None:
    gen = _script("gen_query_doc")
    q = {q.name: q for q in list_queries()}["who_met_whom"]
    assert gen.columns(q) == ["a", "aLabel", "b", "bLabel", "meetings", "first", "last"]
