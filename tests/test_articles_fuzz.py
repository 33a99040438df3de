"""Property tests of kg.articles: whatever the input, only InputError escapes, and what is
read keeps the body invariants that offsets rely on."""

from __future__ import annotations

import csv
import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.articles import (
    KNOWN_EXTENSIONS,
    clean_body,
    normalize_whitespace,
    read_articles_lenient,
    read_text,
)
from kg.errors import InputError
from kg.model import Article

# Pieces real articles are made of, so the cleaning rules actually fire.
FRAGMENTS = st.sampled_from([
    "News", "World", "**Troops Cross the Border**", "Troops Cross the Border", "# Heading",
    "WASHINGTON (AP) —", "**WASHINGTON (AP)** —", "LONDON, March 3 (Reuters) -", "KYIV —",
    "NATO —", "Friday, January 4, 2019", "2024-10-30", "0 comments:", "Post a Comment",
    "Share this:", "Related articles", "© 2024 Example", "Subscribe", "U.S.", "“quoted”",
    "Officials said on Monday that 1,000 troops had arrived.", "\n", "\n\n", "\n\n\n\n",
    "\r\n", "\r", " ", "\t", "\xa0", "**", "---", "title: x", "<p>", "{", "}",
])
ARTICLE_TEXT = st.lists(st.one_of(FRAGMENTS, FRAGMENTS, st.text(max_size=30)),
                        max_size=25).map("".join)


def check_body(a: Article, source: str) -> None:
    assert a.body and a.body == a.body.strip()
    assert "\r" not in a.body and "\n\n\n" not in a.body
    assert normalize_whitespace(a.body) == a.body
    normalised = normalize_whitespace(source)
    for line in a.body.split("\n"):
        assert line in normalised


@given(ARTICLE_TEXT, st.sampled_from(["", "Troops Cross the Border"]))
@settings(max_examples=400, deadline=None)
def test_read_text_on_article_like_text(text: str, title: str) -> None:
    try:
        a = read_text(text, title=title)
    except InputError as e:
        assert "\n" not in str(e)
        return
    check_body(a, text)
    assert "\n" not in a.title
    assert a.body == clean_body(text, title=title) or not title


@given(st.one_of(st.binary(max_size=300), ARTICLE_TEXT.map(str.encode)),
       st.sampled_from([*sorted(KNOWN_EXTENSIONS), ".dat", ""]))
@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
def test_any_file_gives_articles_or_input_errors(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"input{ext}"
        p.write_bytes(data)
        for item in read_articles_lenient([p]):
            if isinstance(item, InputError):
                assert "\n" not in str(item)
                assert str(item).startswith(str(p))
            else:
                assert item.body and normalize_whitespace(item.body) == item.body
                assert item.origin.startswith(str(p.resolve()))


ITEM = st.fixed_dictionaries({
    "title": st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
                     min_size=1, max_size=40).filter(str.strip),
    "text": st.text(st.characters(codec="utf-8", exclude_categories=["Cs"],
                                  exclude_characters="\x00"), min_size=1, max_size=200),
    "published": st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
})


@given(st.lists(ITEM, min_size=1, max_size=5), st.sampled_from([".json", ".jsonl", ".csv"]))
@settings(max_examples=150, deadline=None)
def test_structured_round_trip(items: list[dict[str, object]], ext: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"items{ext}"
        rows = [{**i, "published": i["published"].isoformat()}  # type: ignore[attr-defined]
                for i in items]
        if ext == ".json":
            p.write_text(json.dumps(rows), encoding="utf-8")
        elif ext == ".jsonl":
            p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        else:
            with p.open("w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=["title", "text", "published"])
                w.writeheader()
                w.writerows(rows)
        out = list(read_articles_lenient([p]))
        assert len(out) == len(items)
        for n, (item, got) in enumerate(zip(items, out, strict=True)):
            title = " ".join(str(item["title"]).split())
            expected = clean_body(str(item["text"]), title=title)
            if not expected:
                assert isinstance(got, InputError)
                continue
            assert isinstance(got, Article)
            assert (got.title, got.body, got.published, got.key) == (
                title, expected, item["published"], f"{p.resolve()}#{n}")
