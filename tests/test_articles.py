"""Specs of kg.articles: every input form, the plain-text cleaning, and every error."""

from __future__ import annotations

import csv
import json
import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.articles import (
    clean_body,
    iter_inputs,
    normalize_whitespace,
    parse_date,
    read_articles,
    read_articles_lenient,
    read_text,
    split_dateline,
)
from kg.errors import InputError, UnsupportedFormatError
from kg.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def one(path: Path | str) -> Article:
    articles = list(read_articles(path))
    assert len(articles) == 1
    return articles[0]


def message(path: Path, *, lenient: bool = False) -> str:
    """The one-line message of the (first) error reading ``path``."""
    if lenient:
        errors = [x for x in read_articles_lenient([path]) if isinstance(x, InputError)]
        assert errors
        return str(errors[0])
    with pytest.raises(InputError) as info:
        list(read_articles(path))
    text = str(info.value)
    assert "\n" not in text
    return text


# --------------------------------------------------------------------------- plain text


def test_plain_text_header_dateline_and_boilerplate() -> None:
    a = one(FIXTURES / "plain.txt")
    assert a.title == "Ministers Meet in Geneva Over Grain Deal"
    assert a.source == "Reuters"
    assert a.body == (
        "Foreign ministers from Turkey and Ukraine met on Tuesday to discuss a “grain "
        "corridor” across the Black Sea.\n\n"
        "The talks lasted four hours, officials said.\n\n"
        "A second round is planned for May."
    )
    origin = str((FIXTURES / "plain.txt").resolve())
    assert a.key == a.origin == origin
    assert a.url is None and a.published is None


def test_plain_text_crlf_date_line_and_agency_dateline() -> None:
    a = one(FIXTURES / "crlf.txt")
    assert a.title == "Ports Reopen After Strike"
    assert a.published == date(2020, 3, 2)
    assert a.source == "AP"
    assert a.body == "Dock workers returned to work on Monday.\n\nShips began unloading."


def test_seed_article(shared_dir: Path) -> None:
    path = shared_dir / "seed" / "000_4fd073a643f2e162.txt"
    a = one(path)
    assert a.title == ("North Korean Troops in Russian Uniforms Reportedly Heading to Ukraine, "
                       "Says U.S.")
    assert a.body.startswith("U.S. Defense Secretary Lloyd Austin")
    assert a.body.endswith("at the State Department.")
    assert "Post a Comment" not in a.body and "comments:" not in a.body
    assert "**" not in a.body
    assert a.source == "AP"
    # the body is the text offsets refer to: words found there are the words of the file
    raw = path.read_text(encoding="utf-8")
    for words in ("Lloyd Austin", "Kursk region", "up to 12,000 troops", "Buryats"):
        b = a.body.index(words)
        assert a.body[b:b + len(words)] == words
    for paragraph in a.body.split("\n\n"):
        assert paragraph in raw
    assert "’" in a.body  # typographic quotes kept as written


@pytest.mark.parametrize(
    ("text", "place", "agency", "rest"),
    [
        ("**WASHINGTON (AP)** — Officials met.", "WASHINGTON", "AP", "Officials met."),
        ("WASHINGTON (AP) — Officials met.", "WASHINGTON", "AP", "Officials met."),
        ("LONDON, March 3 (Reuters) - Talks ended.", "LONDON, March 3", "Reuters",
         "Talks ended."),
        ("KYIV, Ukraine — Fighting raged.", "KYIV, Ukraine", None, "Fighting raged."),
        ("WASHINGTON — Officials met.", "WASHINGTON", None, "Officials met."),
    ],
)
def test_datelines(text: str, place: str, agency: str | None, rest: str) -> None:
    dateline, remainder = split_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.agency, remainder) == (place, agency, rest)
    assert text == dateline.text + remainder


@pytest.mark.parametrize("text", [
    "NATO — the alliance — met today.",  # capitals and a dash, but not a place
    "U.S. Defense Secretary Lloyd Austin said.",
    "**Bold** — a styled opening.",
    "Washington (AP) said nothing",  # no dash
])
def test_not_datelines(text: str) -> None:
    assert split_dateline(text) == (None, text)


@pytest.mark.parametrize("text", [
    "Talks Resume\nBy Jane Doe, Associated Press\nPublished: Jan. 4, 2019 at 10:30 a.m.\n\n"
    "The talks resumed.",
    "News\n\nBy Jane Doe\n\nTalks Resume\n\nJanuary 4, 2019\n\nThe talks resumed.",
    "# Talks Resume\n\nUpdated: 2019-01-04T10:00:00Z\n\nThe talks resumed.",
])
def test_header_byline_and_labelled_date(text: str) -> None:
    a = read_text(text)
    assert (a.title, a.published, a.body) == ("Talks Resume", date(2019, 1, 4),
                                              "The talks resumed.")


@pytest.mark.parametrize("text", ["KYIV — Fighting raged", "WASHINGTON (AP) — Talks"])
def test_a_dateline_is_not_a_title(text: str) -> None:
    a = read_text(text)
    assert a.title == ""
    assert a.body in ("Fighting raged", "Talks")


def test_boilerplate_only_at_the_end() -> None:
    text = ("Share this story with officials, the minister told reporters on Monday.\n\n"
            "Talks continue.\n\nRelated articles:\n\nOne link\nAnother link\n\n"
            "Copyright 2024 Example. All rights reserved.")
    assert clean_body(text, title="x") == (
        "Share this story with officials, the minister told reporters on Monday.\n\n"
        "Talks continue.")


def test_long_paragraph_after_a_related_heading_is_kept() -> None:
    long = "The ministry said the troops would stay. " * 6
    text = f"First paragraph.\n\nRelated\n\n{long.strip()}"
    assert clean_body(text, title="x") == text


@pytest.mark.parametrize("title", ["Talks Resume", "Talks resume | Example Times",
                                   "Talks resume - Example Times"])
def test_repeated_title_is_dropped(title: str) -> None:
    assert clean_body("**Talks resume**\n\nThe talks resumed.", title=title) == (
        "The talks resumed.")


def test_different_first_line_is_kept() -> None:
    assert clean_body("Talks\n\nThe talks resumed.", title="Talks resume") == (
        "Talks\n\nThe talks resumed.")


def test_whitespace_normalisation() -> None:
    assert normalize_whitespace(" a \r\nb\r\rc\n\n\n\n\nd\t\n") == "a\nb\n\nc\n\nd"


def test_body_keeps_inner_markdown_and_quotes() -> None:
    a = read_text("Talks **resumed** on “Monday”, officials said.", title="T")
    assert a.body == "Talks **resumed** on “Monday”, officials said."


# --------------------------------------------------------------------------- read_text


def test_read_text_api() -> None:
    a = read_text("Troops Move\n\nWASHINGTON (AP) — Troops moved.", url="https://x.org/1",
                  published=date(2024, 1, 2))
    assert (a.title, a.body, a.source, a.key, a.origin, a.published) == (
        "Troops Move", "Troops moved.", "AP", "https://x.org/1", "https://x.org/1",
        date(2024, 1, 2))
    keyed = read_text("Something happened.", key="mine")
    assert keyed.key == keyed.origin == "mine"
    anonymous = read_text("Something happened.")
    assert anonymous.key.startswith("text:") and anonymous.key == read_text(
        "Something happened.").key


def test_read_text_without_cleaning_keeps_header_lines() -> None:
    text = "Title Line\n\nWASHINGTON (AP) — Body.\r\n"
    assert read_text(text, clean=False).body == "Title Line\n\nWASHINGTON (AP) — Body."


def test_read_text_empty_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^<text>: article body is empty after cleaning$"):
        read_text("  \n\n ")


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400), st.booleans())
@settings(max_examples=300, deadline=None)
def test_read_text_never_fails_otherwise(text: str, clean: bool) -> None:
    try:
        a = read_text(text, clean=clean)
    except InputError as e:
        assert "\n" not in str(e)
        return
    assert a.body and a.body == a.body.strip() and "\r" not in a.body
    assert "\n\n\n" not in a.body
    assert normalize_whitespace(a.body) == a.body
    # every line of the body is text of the input, so offsets point at the words written
    source = normalize_whitespace(text)
    for line in a.body.split("\n"):
        assert line in source


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-10-30", date(2024, 10, 30)),
    ("2024-10-30T08:00:00Z", date(2024, 10, 30)),
    ("2024-10-30 08:00", date(2024, 10, 30)),
    ("Friday, January 4, 2019", date(2019, 1, 4)),
    ("Jan. 4, 2019", date(2019, 1, 4)),
    ("4 January 2019", date(2019, 1, 4)),
    ("Sept 30, 2020", date(2020, 9, 30)),
    ("yesterday", None),
    ("February 30, 2020", None),
    (20240101, None),
])
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


# --------------------------------------------------------------------------- front matter


def test_front_matter() -> None:
    a = one(FIXTURES / "frontmatter.md")
    assert (a.title, a.published, a.source, a.url) == (
        "Border talks resume", date(2024, 10, 30), "Example Wire",
        "https://example.org/news/border-talks")
    assert a.key == a.url
    assert a.body == ("Negotiators from both sides returned to the table on Wednesday, "
                      "according to a statement.\n\nThey agreed to meet again next week.")


def test_front_matter_datetime_string() -> None:
    a = one(FIXTURES / "frontmatter_datetime.md")
    assert (a.title, a.published) == ("Sanctions widened", date(2023, 2, 24))
    assert a.body == "The European Union widened its sanctions on Thursday."


# --------------------------------------------------------------------------- HTML


def test_html_page() -> None:
    a = one(FIXTURES / "page.html")
    assert a.title == "Navy ships arrive in port"
    assert a.published == date(2024, 5, 17)
    assert a.source == "Example Times"
    assert a.body.startswith("Three navy ships arrived in the port of Split on Friday")
    assert a.body.endswith("dock in the early morning.")
    assert a.body.count("\n\n") == 2
    for junk in ("tracking", "color", "About us", "Copyright"):
        assert junk not in a.body


def test_html_page_title_with_site_name_is_not_repeated(tmp_path: Path) -> None:
    paragraph = "<p>Officials said the talks in Geneva would resume on Monday after a pause.</p>"
    p = write(tmp_path, "x.html", "<html><head><title>Talks resume - Example Times</title>"
              f"</head><body><h1>Talks resume</h1>{paragraph * 3}</body></html>")
    a = one(p)
    assert a.title.startswith("Talks resume")
    assert a.body.startswith("Officials said")


def test_tiny_html_falls_back_to_tag_stripping() -> None:
    a = one(FIXTURES / "tiny.html")
    assert a.body == "Talks & more."
    assert a.title == ""


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    p = tmp_path / "page"
    p.write_text("<html><head><title>Hi</title></head><body><p>Body text.</p></body></html>",
                 encoding="utf-8")
    a = one(p)
    assert a.body == "Body text."


# --------------------------------------------------------------------------- JSON, JSONL, CSV


def test_json_list() -> None:
    first, second = read_articles(FIXTURES / "items.json")
    origin = str((FIXTURES / "items.json").resolve())
    assert (first.key, first.title, first.published, first.source, first.url, first.origin) == (
        "https://example.org/a", "Talks open", date(2024, 1, 8), "Wire",
        "https://example.org/a", origin + "#0")
    assert (second.key, second.body, second.published) == (
        origin + "#1", "The delegates left Vienna on Friday.", date(2024, 1, 12))


def test_json_single_object() -> None:
    a = one(FIXTURES / "one.json")
    assert (a.title, a.published, a.key) == (
        "Aid arrives", date(2022, 3, 6), str((FIXTURES / "one.json").resolve()))


def test_json_lines() -> None:
    a, b, c = read_articles(FIXTURES / "items.jsonl")
    origin = str((FIXTURES / "items.jsonl").resolve())
    assert a.key == origin + "#0" and a.published == date(2025, 9, 14)
    assert a.title == ("At least 53 people are killed in an attack on a market in the "
                       "capital, officials…")
    assert len(a.title) <= 81
    assert (b.key, b.title) == ("https://example.org/c", "Ceasefire")
    assert (c.key, c.source, c.title) == (origin + "#2", "Example Wire",
                                          "Parliament votes to expel the ambassador.")


def test_json_objects_one_per_line_in_a_json_file(tmp_path: Path) -> None:
    p = tmp_path / "documents.json"
    p.write_text('{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n',
                 encoding="utf-8")
    assert [a.body for a in read_articles(p)] == ["One.", "Two."]


def test_json_wrapper_object_and_key_case(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text('{"status": "ok", "articles": [{"Title": "A", "Text": "One.", '
                 '"Date": "2020-01-02"}]}', encoding="utf-8")
    a = one(p)
    assert (a.title, a.body, a.published, a.key) == ("A", "One.", date(2020, 1, 2),
                                                     f"{p.resolve()}#0")


def test_csv_header_case(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text("Title,Text\nA,One.\n", encoding="utf-8")
    assert (one(p).title, one(p).body) == ("A", "One.")


def test_csv() -> None:
    a, b = read_articles(FIXTURES / "items.csv")
    assert (a.key, a.title, a.published) == (
        "https://example.org/1", "Building collapses, dozens dead", date(2019, 1, 4))
    assert a.body == ("An apartment building collapsed on Monday.\n\n"
                      'Rescuers said "at least 39" died.')
    assert b.key == str((FIXTURES / "items.csv").resolve()) + "#1"
    assert b.published == date(2019, 1, 5)


def test_wikinews_csv(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "wikinews" / "wikinews_2019.csv"
    csv.field_size_limit(1 << 30)
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    articles = list(read_articles(path))
    assert len(articles) == len(rows) == 171
    for a, row in zip(articles, rows, strict=True):
        assert a.title == row["title"] and a.url == row["url"] == a.key
        assert a.published == date.fromisoformat(row["date"])
        assert a.body and not re.match(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \w+ \d",
                                       a.body)


def test_wp_current_events_jsonl(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "wp-current-events" / "items.jsonl"
    started = time.perf_counter()
    items = list(read_articles_lenient([path]))
    elapsed = time.perf_counter() - started
    assert len(items) == 4975
    errors = [x for x in items if isinstance(x, InputError)]
    # one item of the corpus has an empty text: it is reported, the others read
    assert [str(e) for e in errors] == [
        f"{path}: line 2761: no 'text' or 'body' field with the article text"]
    assert elapsed < 5
    objects = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    checked = wrong = 0
    for obj, a in zip((o for o in objects if o["text"].strip()),
                      (x for x in items if isinstance(x, Article)), strict=True):
        assert a.published == date.fromisoformat(obj["date"])
        for link in obj["links"]:  # editor-made offsets into the text hold in the body
            checked += 1
            wrong += a.body[link["start"]:link["end"]] != link["text"]
    assert checked > 20000 and wrong <= 2  # two links of the corpus have a start of -1


# --------------------------------------------------------------------------- inputs


def test_iter_inputs_expands_directories_and_globs(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.md", "1.txt", "b/3.jsonl", "notes.pdf", ".hidden/x.txt", "c.HTML"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])] == [
        "1.txt", "b/2.md", "b/3.jsonl", "c.HTML"]
    assert [p.name for p in iter_inputs([str(tmp_path / "**" / "*.md"), tmp_path / "1.txt"])
            ] == ["2.md", "1.txt"]


def test_iter_inputs_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file or directory$"):
        list(iter_inputs([tmp_path / "missing.txt"]))
    with pytest.raises(InputError, match=r"\*\.zz: no files match this pattern$"):
        list(iter_inputs([str(tmp_path / "*.zz")]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"empty: directory holds no article files"):
        list(iter_inputs([tmp_path / "empty"]))


def test_lenient_batch_carries_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Fine Title\n\nA fine body.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "One."}\n{"text": \n{"text": "Three."}\n', encoding="utf-8")
    out = list(read_articles_lenient([bad, tmp_path / "nope.txt", good]))
    assert [x.body if isinstance(x, Article) else str(x) for x in out] == [
        "One.",
        f"{bad}: invalid JSON at line 2: Expecting value",
        "Three.",
        f"{tmp_path / 'nope.txt'}: no such file or directory",
        "A fine body.",
    ]
    assert out[2].key.endswith("bad.jsonl#2")  # type: ignore[union-attr]


# --------------------------------------------------------------------------- errors


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def test_error_missing_file(tmp_path: Path) -> None:
    assert message(tmp_path / "x.txt") == f"{tmp_path / 'x.txt'}: no such file"


def test_error_directory(tmp_path: Path) -> None:
    assert message(tmp_path) == (f"{tmp_path}: is a directory, not a file (pass its files, "
                                 "or use iter_inputs to expand it)")


@pytest.mark.parametrize("content", [b"", b"  \n\n\t"])
def test_error_empty(tmp_path: Path, content: bytes) -> None:
    p = write(tmp_path, "x.txt", content)
    assert message(p) == f"{p}: empty file"


def test_error_binary_with_known_extension(tmp_path: Path) -> None:
    p = write(tmp_path, "x.txt", b"abc\x00def")
    assert message(p) == f"{p}: binary file (contains NUL bytes)"


def test_error_binary_unknown_extension(tmp_path: Path) -> None:
    p = write(tmp_path, "x.bin", b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(UnsupportedFormatError, match=r"x\.bin: binary file \(contains NUL "
                       r"bytes\); not an article format kg reads \(known extensions: \.csv"):
        list(read_articles(p))


def test_error_invalid_utf8(tmp_path: Path) -> None:
    p = write(tmp_path, "x.txt", b"Title\n\nCaf\xe9 opened.")
    assert message(p) == (f"{p}: not valid UTF-8 (byte 0xe9 at line 3); re-encode the file "
                          "as UTF-8")


def test_error_invalid_utf8_after_a_bom(tmp_path: Path) -> None:
    p = write(tmp_path, "x.txt", b"\xef\xbb\xbfTitle\n\nCaf\xe9 opened.")
    assert message(p) == (f"{p}: not valid UTF-8 (byte 0xe9 at line 3); re-encode the file "
                          "as UTF-8")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    p = write(tmp_path, "x.txt", "\ufeffTitle Here\n\nThe body.".encode())
    a = one(p)
    assert (a.title, a.body) == ("Title Here", "The body.")


def test_unknown_extension_with_text_is_read(tmp_path: Path) -> None:
    p = write(tmp_path, "x.article", '{"title": "T", "text": "Body."}')
    assert one(p).body == "Body."


@pytest.mark.parametrize(("content", "problem"), [
    ("---\ntitle: x\n\nBody.", "front matter opened with '---' is never closed (add a '---' "
     "line after it)"),
    ("---\ntitle: [x\n---\nBody.", "invalid YAML front matter at line 3: expected ',' or "
     "']', but got '<stream end>'"),
    ("---\n- a\n- b\n---\nBody.", "front matter is not a mapping of fields (got list); write "
     "'title: ...' lines"),
    ("---\npublished: soon\n---\nBody.", "field 'published' is not an ISO date: 'soon'"),
])
def test_error_front_matter(tmp_path: Path, content: str, problem: str) -> None:
    p = write(tmp_path, "x.md", content)
    assert message(p) == f"{p}: {problem}"


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("x.json", '[{"text": "a"},\n {"text": "b"}\n {"text": "c"}]',
     "invalid JSON at line 3: Expecting ',' delimiter"),
    ("x.json", '{"title": "no text"}', "no 'text' or 'body' field with the article text"),
    ("x.json", '[{"text": "ok"}, 5]', "item #1: expected a JSON object, found int"),
    ("x.json", "[]", "empty JSON list: no articles"),
    ("x.json", '{"text": ["a"]}', "field 'text' must be a string, not list"),
    ("x.json", '{"text": "a", "published": "last week"}',
     "field 'published' is not an ISO date: 'last week'"),
    ("x.jsonl", '{"text": "a"}\n\n{"text": "b",}\n', "invalid JSON at line 3: Expecting "
     "property name enclosed in double quotes"),
    ("x.jsonl", '{"text": "a"}\n{"body": "  "}\n',
     "line 2: no 'text' or 'body' field with the article text"),
    ("x.csv", "title,content\nA,B\n", "CSV header has no 'text' or 'body' column (found: "
     "title, content)"),
    ("x.csv", "title,text\nA,B,C\n", "item #0: more cells than the header has columns"),
    ("x.txt", "0 comments:\n\nPost a Comment\n", "article body is empty after cleaning"),
    ("x.json", '{"title": "T", "text": "Share this"}', "article body is empty after cleaning"),
])
def test_error_structured(tmp_path: Path, name: str, content: str, problem: str) -> None:
    p = write(tmp_path, name, content)
    assert message(p) == f"{p}: {problem}"


def test_jsonl_strict_raises_at_the_bad_line(tmp_path: Path) -> None:
    p = write(tmp_path, "x.jsonl", '{"text": "a"}\nnot json\n{"text": "c"}\n')
    read = read_articles(p)
    assert next(read).body == "a"
    with pytest.raises(InputError, match=r"x\.jsonl: invalid JSON at line 2: Expecting value$"):
        next(read)


# --------------------------------------------------------------------------- corpus


def test_plain_text_cleaning_over_wikinews(shared_dir: Path, tmp_path: Path) -> None:
    """Every wikinews article written out as a .txt file (title, blank line, text) reads back
    with its title, its date and the body the CSV reader gives."""
    csv.field_size_limit(1 << 30)
    rows: list[dict[str, str]] = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (shared_dir / "corpus" / "wikinews" / name).open(newline="", encoding="utf-8") as f:
            rows += csv.DictReader(f)
    assert len(rows) == 295
    empty = 0
    for n, row in enumerate(rows):
        p = tmp_path / f"{n:03}.txt"
        p.write_text(f"{row['title']}\n\n{row['text']}", encoding="utf-8")
        try:
            a = one(p)
        except InputError as e:
            assert str(e) == f"{p}: article body is empty after cleaning"
            assert not clean_body(row["text"], title=row["title"])  # a page with no text
            empty += 1
            continue
        assert a.title == row["title"]
        assert a.body == clean_body(row["text"], title=row["title"])
        if a.published is not None:
            assert a.published == date.fromisoformat(row["date"])
        for paragraph in a.body.split("\n\n"):
            assert paragraph in normalize_whitespace(row["text"])
    assert empty == 1
