"""Hostile and careless inputs, round two: each bad item is one line naming the file (and the
line or item) and the cause; every good item beside it is read and stored.

The classes: lone surrogates from JSON escapes in any field, impossible dates in YAML front
matter, JSON and YAML nested thousands of levels deep, integers of thousands of digits,
endless inputs (/dev/zero), over-long titles, sources and URLs, symbolic links out of an
input folder, UTF-16 files, file names with line breaks, and control characters headed for
the terminal.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.articles as articles
from kg.articles import (
    MAX_FIELD_CHARS,
    iter_inputs,
    read_articles,
    read_articles_lenient,
    read_text,
)
from kg.cli import main
from kg.errors import InputError, printable
from kg.store import KnowledgeGraph

GOOD = "France sent 200 troops to Mali on Monday, officials said."


def item(i: int, **fields: str) -> dict[str, str]:
    return {"title": f"Item {i}", "text": f"{GOOD} Item {i}.", "url": f"https://x.org/{i}",
            **fields}


def lenient(path: Path) -> tuple[list[str], list[InputError]]:
    good: list[str] = []
    bad: list[InputError] = []
    for a in read_articles_lenient([path]):
        if isinstance(a, InputError):
            bad.append(a)
        else:
            good.append(a.title)
    return good, bad


# --------------------------------------------------------------------------- per item


@pytest.mark.parametrize("field", ["text", "title", "url", "source"])
def test_a_lone_surrogate_fails_its_line_only(tmp_path: Path, field: str) -> None:
    p = tmp_path / "items.jsonl"
    lines = [json.dumps(item(i)) for i in range(31)]
    lines[20] = json.dumps(item(20, **{field: "BAD"})).replace('"BAD"', '"BAD \\udc00"')
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, bad = lenient(p)
    assert len(good) == 30 and len(bad) == 1
    assert str(bad[0]).startswith(f"{p}: line 21: ") and "lone surrogate" in str(bad[0])
    assert f"line 21: {field} holds a lone surrogate (\\udc00)" in str(bad[0])
    assert "\n" not in str(bad[0])


def test_an_impossible_front_matter_date_fails_its_file_only(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(21):
        (d / f"ok{i:02d}.md").write_text(f"---\ntitle: T{i}\ndate: 2019-02-{i + 1:02d}\n---\n"
                                         f"{GOOD}\n", encoding="utf-8")
    (d / "bad.md").write_text(f"---\ntitle: Bad\ndate: 2019-02-30\n---\n{GOOD}\n", "utf-8")
    got = list(read_articles_lenient([d]))
    errors = [e for e in got if isinstance(e, InputError)]
    assert len(got) == 22 and len(errors) == 1
    assert str(errors[0]) == f"{d / 'bad.md'}: field 'date' is not an ISO date: '2019-02-30'"
    dates = {a.published.isoformat() for a in got if not isinstance(a, InputError)
             and a.published}
    assert "2019-02-01" in dates and len(dates) == 21


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("deep_object.json", '{"a":' * 5_000 + "1" + "}" * 5_000, "nested too deeply"),
    ("bigint.json", '{"title": "x", "text": "y", "n": ' + "9" * 5_000 + "}",
     "Exceeds the limit (4300 digits)"),
    ("bigint.md", "---\ntitle: x\ncount: " + "9" * 5_000 + "\n---\nbody\n",
     "Exceeds the limit (4300 digits)"),
    ("deep.md", "---\ntitle: " + "[" * 5_000 + "]" * 5_000 + "\n---\nbody\n",
     "nested too deeply"),
    ("huge_front.md", "---\ntitle: x\nnote: " + "y" * 70_000 + "\n---\nbody\n",
     "front matter is 70,016 characters"),
    ("laughs.md", "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, "
     "*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, "
     "*c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f "
     "[*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ndate: [*f, *f, *f, *f, *f, *f, *f, *f, *f, "
     "*f]\n---\nbody\n", "field 'date' is not an ISO date: a list"),
    ("utf16.txt", "\ufeffTalks\n\nRussia and Ukraine met.\n".encode("utf-16-le"), "UTF-16 text"),
    ("utf16-nobom.txt", "Talks\n\nRussia and Ukraine met.\n".encode("utf-16-le"),
     "UTF-16 text"),
    ("utf16be.json", '{"text": "x"}'.encode("utf-16"), "UTF-16 text"),
    ("title.json", json.dumps({"title": "T" * 5_000_000, "text": GOOD}), "title is 5,000,000"),
    ("source.json", json.dumps({"source": "S" * 3_000, "text": GOOD}), "source is 3,000"),
    ("url.jsonl", json.dumps({"url": "https://x.org/" + "u" * 3_000, "text": GOOD}),
     "url is 3,014"),
])
def test_each_bad_file_is_one_line(tmp_path: Path, name: str, content: str | bytes,
                                   problem: str) -> None:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    good, bad = lenient(p)
    assert good == [] and len(bad) == 1
    msg = str(bad[0])
    assert msg.startswith(str(p)) and problem in msg and "\n" not in msg, msg
    assert len(msg) < 300


def test_a_title_at_the_limit_is_fine() -> None:
    a = read_text(GOOD, title="T" * MAX_FIELD_CHARS)
    assert len(a.title) == MAX_FIELD_CHARS
    with pytest.raises(InputError):
        read_text(GOOD, title="T" * (MAX_FIELD_CHARS + 1))
    with pytest.raises(InputError) as e:
        read_text(GOOD + "\udc00", title="t")
    assert "lone surrogate" in str(e.value)


def test_an_endless_input_is_refused_after_the_size_cap(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    monkeypatch.setattr("kg.articles.files.MAX_FILE_BYTES", 1 << 20)  # where it is read
    (e,) = list(read_articles_lenient(["/dev/zero"]))
    assert isinstance(e, InputError) and "larger than 1 MiB" in str(e)


def test_the_default_size_cap_reads_at_most_256_mib() -> None:
    assert articles.MAX_FILE_BYTES == 256 << 20


# --------------------------------------------------------------------------- folders


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret\n\nThe password is hunter2.\n", encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(f"Good\n\n{GOOD}\n", encoding="utf-8")
    (d / "link.txt").symlink_to(outside)
    (d / "inside.txt").symlink_to(d / "good.txt")
    (d / "etc").symlink_to("/etc")  # a linked directory is not entered
    got = list(read_articles_lenient([d]))
    errors = [str(e) for e in got if isinstance(e, InputError)]
    assert errors == [f"{d / 'link.txt'}: symbolic link to {outside.resolve()}, outside {d}; "
                      "not followed (give the file itself to read it)"]
    assert sorted(a.origin for a in got if not isinstance(a, InputError)) == sorted(
        [str((d / "good.txt").resolve()), str((d / "good.txt").resolve())])
    with pytest.raises(InputError):
        list(iter_inputs([d]))
    assert [a.title for a in read_articles(d / "link.txt")] == ["Secret"]  # named: read


def test_a_line_break_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    p = tmp_path / "two\nlines\x07.txt"
    p.write_bytes(b"")
    (e,) = list(read_articles_lenient([p]))
    assert "\n" not in str(e) and "\x07" not in str(e)
    assert "two\\nlines\\x07.txt: empty file" in str(e)


# --------------------------------------------------------------------------- end to end


def test_one_ingest_stores_every_good_item_beside_every_bad_one(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    lines = [json.dumps(item(i)) for i in range(10)]
    lines[4] = lines[4].replace('"text": "', '"text": "\\udc00', 1)
    lines[7] = "[" * 5_000 + "]" * 5_000
    (d / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "ok.md").write_text(f"---\ntitle: Fine\ndate: 2019-02-28\n---\n{GOOD}\n", "utf-8")
    (d / "bad.md").write_text(f"---\ntitle: Bad\ndate: 2019-02-30\n---\n{GOOD}\n", "utf-8")
    (d / "deep.md").write_text("---\nt: " + "[" * 5_000 + "\n---\nbody\n", encoding="utf-8")
    (d / "wide.json").write_text('{"text": "a", "n": ' + "1" * 5_000 + "}", encoding="utf-8")
    (d / "utf16.txt").write_bytes("\ufeffA\n\nB.\n".encode("utf-16-le"))
    (d / "bell\x07.txt").write_text(f"Bell\n\n{GOOD}\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text(f"Outside\n\n{GOOD}\n", encoding="utf-8")
    (d / "out.txt").symlink_to(tmp_path / "outside.txt")
    store = tmp_path / "store"
    r = CliRunner().invoke(main, ["ingest", str(d), "--store", str(store)])
    assert r.exit_code == 1, r.output
    out = r.stdout.splitlines()
    assert out[0] == "10 added, 0 replaced, 0 skipped (unchanged), 7 failed"
    assert len(out) == 8 and all(ln.startswith("  failed: ") for ln in out[1:])
    assert all(printable(ln) == ln for ln in out)
    for fragment in ("items.jsonl: line 5: text holds a lone surrogate",
                     "items.jsonl: line 8: invalid JSON: nested too deeply",
                     "bad.md: field 'date' is not an ISO date",
                     "deep.md: invalid YAML front matter", "wide.json: invalid JSON: Exceeds",
                     "utf16.txt: UTF-16 text", "out.txt: symbolic link"):
        assert sum(fragment in ln for ln in out) == 1, fragment
    with KnowledgeGraph(store, read_only=True) as kg:
        titles = {str(row["t"]) for row in kg.query(
            "SELECT ?t WHERE { ?a a kg:Article ; rdfs:label ?t }").rows}
    assert titles == {f"Item {i}" for i in (0, 1, 2, 3, 5, 6, 8, 9)} | {"Fine", "Bell"}


def test_control_characters_do_not_reach_the_terminal(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.json").write_text(json.dumps({"title": "Ring\x07\x01 bell",
                                          "text": GOOD}), encoding="utf-8")
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["ingest", str(d), "--store", str(store)]).exit_code == 0
    r = CliRunner().invoke(main, ["query", "--store", str(store), "--name", "articles"])
    assert r.exit_code == 0
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", r.stdout)
    assert "Ring\\x07\\x01 bell" in r.stdout
    # data formats are exact when they are not shown on a terminal
    r = CliRunner().invoke(main, ["query", "--store", str(store), "--name", "articles",
                                  "--format", "csv"])
    assert "Ring\x07\x01 bell" in r.stdout
