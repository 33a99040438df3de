"""Batch robustness: one ``kg ingest`` over a directory mixing good and bad inputs.

Good files are stored, each bad file or item is reported on one line naming it and the
problem, the exit status is 1, and the store holds exactly the good articles. Also: an
article that breaks extraction inside a batch is the only one reported failed, and a body
over :data:`kg.articles.MAX_BODY_CHARS` is refused before any parsing.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.articles import MAX_BODY_CHARS, read_articles, read_text
from kg.cli import main
from kg.errors import InputError
from kg.model import Article, Extraction
from kg.pipeline import ingest_articles
from kg.rdf.iris import article_iri
from kg.store import KnowledgeGraph

GOOD_TEXT = ("Talks in Geneva\n\nGENEVA (Reuters) - Russian and American diplomats met in "
             "Geneva on Tuesday to discuss arms control, officials said.\n")
GOOD_JSONL_LINE = '{"title": "Troops", "text": "France sent 200 troops to Mali on Monday."}'
HTML_PAGE = ("<html><head><title>Treaty signed</title><script>window.__pwned=1</script>"
             "</head><body><p>Germany and France signed a defence treaty in Berlin on "
             "Monday.</p><script>alert('x')</script></body></html>")


def huge_text(chars: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    words = ["the", "army", "moved", "north", "Russia", "talks", "of", "and", "troops"]
    out: list[str] = []
    n = 0
    while n < chars:
        w = rnd.choice(words)
        out.append(w)
        n += len(w) + 1
    return "Huge\n\n" + " ".join(out) + ".\n"


def write_mixed_dir(d: Path, huge_chars: int = 5_000_000) -> tuple[list[Path], dict[str, str]]:
    """Good files (returned) and bad ones (name → expected problem fragment)."""
    d.mkdir(parents=True, exist_ok=True)
    (d / "good1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "good2.md").write_text("---\ntitle: Sanctions\npublished: 2020-03-02\n---\n"
                                "The European Union imposed sanctions on Belarus.\n",
                                encoding="utf-8")
    (d / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (d / "mixed.jsonl").write_text(GOOD_JSONL_LINE + '\n{"title": bad\n\n'
                                   '{"title": "no text"}\n', encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n\t\n")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    (d / "latin1.txt").write_bytes("Café news\n\nSomething happened.\n".encode("latin-1"))
    (d / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    (d / "front.md").write_text("---\ntitle: [unclosed\n---\nbody text here\n", encoding="utf-8")
    (d / "huge.txt").write_text(huge_text(huge_chars), encoding="utf-8")
    good = [d / "good1.txt", d / "good2.md", d / "page.html"]
    bad = {"empty.txt": "empty file", "blank.txt": "empty file",
           "binary.txt": "binary file", "latin1.txt": "not valid UTF-8",
           "broken.json": "invalid JSON", "front.md": "invalid YAML front matter",
           "huge.txt": "the limit is", "mixed.jsonl": "invalid JSON at line 2"}
    return good, bad


def test_mixed_directory_ingests_the_good_and_reports_each_bad(tmp_path: Path) -> None:
    good, bad = write_mixed_dir(tmp_path / "in")
    store = tmp_path / "store"
    t0 = time.monotonic()
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--store", str(store)])
    elapsed = time.monotonic() - t0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert elapsed < 60  # the 5 MB file is refused before parsing, not parsed
    lines = result.stdout.splitlines()
    assert lines[0] == "4 added, 0 replaced, 0 skipped (unchanged), 9 failed"
    failures = [ln for ln in lines[1:] if ln.startswith("  failed: ")]
    assert len(failures) == 9 and len(lines) == 10
    for name, problem in bad.items():
        mine = [ln for ln in failures if Path(ln.split(": ")[1].split("#")[0]).name == name]
        assert mine, name
        assert any(problem in ln for ln in mine), (name, mine)
    # the third line of mixed.jsonl has no text: an item-level failure
    assert any("mixed.jsonl" in ln and "line 4" in ln for ln in failures)
    assert not any("good" in ln or "page.html" in ln for ln in failures)
    expected = [a for p in good for a in read_articles(p)]
    expected += [a for a in _good_items(tmp_path / "in" / "mixed.jsonl")]
    with KnowledgeGraph(store, read_only=True) as kg:
        assert set(kg.articles()) == {URIRef(str(article_iri(a))) for a in expected}
        for a in expected:
            assert kg.has_article(URIRef(str(article_iri(a))), a.content_hash)
        html_text = " ".join(str(r["t"]) for r in kg.query(
            "SELECT ?t WHERE { ?m kg:anchorOf ?t }").rows)
    assert "__pwned" not in html_text and "alert" not in html_text


def _good_items(path: Path) -> Iterator[Article]:
    from kg.articles import read_articles_lenient

    for item in read_articles_lenient([path]):
        if not isinstance(item, InputError):
            yield item


def test_ingest_exit_status_is_zero_without_failures(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    args = ["ingest", str(tmp_path / "in"), "--store", str(tmp_path / "s")]
    r1 = CliRunner().invoke(main, args)
    assert r1.exit_code == 0
    assert r1.stdout == "1 added, 0 replaced, 0 skipped (unchanged), 0 failed\n"
    r2 = CliRunner().invoke(main, args)
    assert r2.exit_code == 0
    assert r2.stdout == "0 added, 0 replaced, 1 skipped (unchanged), 0 failed\n"


def test_body_over_the_limit_is_refused_with_one_line(tmp_path: Path) -> None:
    at_limit = "a" * MAX_BODY_CHARS
    assert len(read_text(at_limit, title="t", clean=False).body) == MAX_BODY_CHARS
    with pytest.raises(InputError) as e:
        read_text(at_limit + "b", title="t", clean=False)
    assert f"{MAX_BODY_CHARS + 1:,} characters" in str(e.value)
    p = tmp_path / "big.jsonl"
    p.write_text('{"text": "%s"}\n' % ("word " * (MAX_BODY_CHARS // 4)), encoding="utf-8")
    with pytest.raises(InputError) as e2:
        list(read_articles(p))
    assert "\n" not in str(e2.value) and str(p) in str(e2.value)


def test_a_batch_error_blames_only_the_article_that_fails_alone() -> None:
    arts = [read_text(f"Article number {i} about talks in Geneva.", title=f"a{i}")
            for i in range(6)]
    poison = arts[3].key

    def extract(batch: Sequence[Article]) -> Iterator[Extraction]:
        # like nlp.pipe: the whole batch of 4 is parsed before anything is yielded
        for start in range(0, len(batch), 4):
            chunk = batch[start:start + 4]
            if any(a.key == poison for a in chunk):
                raise ValueError("cannot parse this batch")
            for a in chunk:
                yield Extraction(article=a, entities=(), events=())

    with KnowledgeGraph() as kg:
        report = ingest_articles(kg, arts, extract)
        assert report.failed == ((poison, "extraction failed: ValueError: cannot parse this "
                                  "batch"),)
        assert sorted(report.added) == sorted(a.key for a in arts if a.key != poison)
        assert len(kg.articles()) == 5


def test_failure_lines_are_single_lines(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "bad.jsonl").write_text('{"text": "a\\nb"}\n[1, 2]\n"just a string"\n{"text": ""}\n',
                                 encoding="utf-8")
    r = CliRunner().invoke(main, ["ingest", str(d), "--store", str(tmp_path / "s")])
    assert r.exit_code == 1
    failed = [ln for ln in r.stdout.splitlines() if ln.startswith("  failed: ")]
    assert len(failed) == 3
    assert all(re.match(r"  failed: \S*bad\.jsonl\S*: \S", ln) for ln in failed)
