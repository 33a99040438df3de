"""Runaway articles: a per-article time budget in the pipeline, and linear extraction paths.

An article that takes longer than ``--time-budget`` (the parse of its batch included) is
reported failed on one line and the others are stored. The two paths that were quadratic
in the length of a sentence — the speaker search for quotations and the reading of runs of
numbers — now take time in proportion to it; a run of quotation marks long enough to make
spaCy's tokenizer quadratic is refused before parsing.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

import kg.pipeline as pipeline
from kg.articles import MAX_PUNCTUATION_RUN, read_text
from kg.budget import time_budget
from kg.cli import main
from kg.errors import InputError
from kg.extract import analyze
from kg.model import Analysis, Extraction
from kg.pipeline import extract_analysis
from kg.store import KnowledgeGraph

GOOD = "France sent 200 troops to Mali on Monday, officials said."


def _spin() -> None:
    while True:
        pass


@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_the_budget_stops_a_busy_block(where: str) -> None:
    out: list[float] = []

    def run() -> None:
        t0 = time.monotonic()
        try:
            with time_budget(0.3, lambda: TimeoutError("over")):
                _spin()
        except TimeoutError:
            out.append(time.monotonic() - t0)

    if where == "main thread":
        run()
    else:
        t = threading.Thread(target=run)
        t.start()
        t.join(10)
    assert len(out) == 1 and 0.25 < out[0] < 2


def test_the_budget_also_stops_the_tokenizer(nlp: Language) -> None:
    t0 = time.monotonic()
    with pytest.raises(TimeoutError), time_budget(0.5, lambda: TimeoutError("over")):
        nlp.tokenizer('"' * 30_000)  # minutes, were it left to finish
    assert time.monotonic() - t0 < 3


def test_a_block_within_its_budget_is_left_alone() -> None:
    for _ in range(200):
        with time_budget(0.05, lambda: TimeoutError("over")):
            sum(range(1000))
    time.sleep(0.1)  # no late alarm


def test_a_runaway_article_is_skipped_and_the_others_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow_rules = extract_analysis

    def extract(analysis: Analysis) -> Extraction:
        if "Runaway" in analysis.article.title:
            time.sleep(60)  # stands for a rule that runs away on this article
        return slow_rules(analysis)

    monkeypatch.setattr(pipeline, "extract_analysis", extract)
    d = tmp_path / "in"
    d.mkdir()
    for i in range(5):
        title = "Runaway" if i == 2 else f"Fine {i}"
        (d / f"a{i}.txt").write_text(f"{title}\n\n{GOOD} Number {i}.\n", encoding="utf-8")
    t0 = time.monotonic()
    r = CliRunner().invoke(main, ["ingest", str(d), "--store", str(tmp_path / "s"),
                                  "--time-budget", "1"])
    assert time.monotonic() - t0 < 30
    assert r.exit_code == 1, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "4 added, 0 replaced, 0 skipped (unchanged), 1 failed"
    assert lines[1].startswith("  failed: ") and "a2.txt" in lines[1]
    assert lines[1].endswith("extraction took more than 1 s, the per-article time budget; "
                             "the article was skipped")
    with KnowledgeGraph(tmp_path / "s", read_only=True) as kg:
        assert len(kg.articles()) == 4


def _rules_seconds(nlp: Language, text: str) -> float:
    (analysis,) = analyze([read_text(text, title="t", clean=False)], nlp=nlp)
    t0 = time.monotonic()
    extract_analysis(analysis)
    return time.monotonic() - t0


def test_twenty_thousand_quotation_marks_in_one_sentence(nlp: Language) -> None:
    # was about 20 s: every quotation scanned the whole sentence for its speaker, twice
    assert _rules_seconds(nlp, '" ' * 20_000) < 3


def test_twenty_thousand_numbers_in_one_sentence(nlp: Language) -> None:
    # was 71 s: every number scanned the whole run of numbers around it
    assert _rules_seconds(nlp, " ".join(str(i) for i in range(20_000))) < 3


def test_a_run_of_punctuation_too_long_to_tokenize_is_refused() -> None:
    read_text("x " + '"' * MAX_PUNCTUATION_RUN, title="t", clean=False)
    for run in ('"' * 50_000, "(" * 5_000, "“" * 2_000, ":)" * 1_000):
        with pytest.raises(InputError) as e:
            read_text(f"Talks began. {run} Then they ended.", title="t", clean=False)
        assert "punctuation marks or symbols in one run without a space" in str(e.value)
    read_text("x" * 20_000, title="t", clean=False)  # a long word of letters is fine
