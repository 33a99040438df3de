"""Hostile and careless inputs by class, randomised, for benchmarks/bench_hardening.py.

Each class writes one sample into a fresh folder: good articles beside one bad item (in the
same file where the format holds several items, else as a file of its own). A sample says
which good titles must end up stored and how many items must be refused.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD = "France sent {n} troops to Mali on Monday, officials said."
PUNCTUATION = [*'"\'“”‘’«»()[]{}!?:;—–…#&*%$@^~|\\/<>', ":)", "''", "--"]


@dataclass
class Sample:
    """Inputs to read (files or folders), the titles that must be stored, bad items."""

    inputs: list[Path] = field(default_factory=list)
    good: set[str] = field(default_factory=set)
    bad: int = 1
    names_with_controls: bool = False


def _good_item(rnd: random.Random, i: int) -> dict[str, str]:
    return {"title": f"Good {i} {rnd.randrange(10**9)}", "text": GOOD.format(n=i + 1) + f" {i}.",
            "url": f"https://example.org/{rnd.randrange(10**12)}"}


def _jsonl_with(rnd: random.Random, d: Path, bad_line: str, name: str = "items.jsonl") -> Sample:
    goods = [_good_item(rnd, i) for i in range(rnd.randint(2, 6))]
    lines = [json.dumps(g) for g in goods]
    lines.insert(rnd.randint(0, len(lines)), bad_line)
    (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Sample([d / name], {g["title"] for g in goods})


def _files_with(rnd: random.Random, d: Path, bad_name: str, bad: bytes | str) -> Sample:
    goods = [_good_item(rnd, i) for i in range(rnd.randint(1, 4))]
    for k, g in enumerate(goods):
        (d / f"good{k}.md").write_text(f"---\ntitle: {g['title']}\ndate: 2020-0{k + 1}-1{k}\n---\n"
                                       f"{g['text']}\n", encoding="utf-8")
    path = d / bad_name
    if isinstance(bad, bytes):
        path.write_bytes(bad)
    else:
        path.write_text(bad, encoding="utf-8")
    return Sample([d], {g["title"] for g in goods})


def surrogate(rnd: random.Random, d: Path) -> Sample:
    item = _good_item(rnd, 99)
    item["source"] = "Agency"
    key = rnd.choice(["title", "text", "url", "source"])
    value = item[key]
    at = rnd.randint(0, len(value))
    line = json.dumps({**item, key: value[:at] + "@@S@@" + value[at:]})
    line = line.replace("@@S@@", f"\\u{rnd.randrange(0xD800, 0xE000):04x}")
    return _jsonl_with(rnd, d, line)


def impossible_date(rnd: random.Random, d: Path) -> Sample:
    year = rnd.choice([2019, 2021, 2023, 1900, 2100])
    date = rnd.choice([f"{year}-02-29", f"{year}-02-30", f"{year}-02-31", f"{year}-04-31",
                       f"{year}-06-31", f"{year}-09-31", f"{year}-11-31", f"{year}-13-01",
                       f"{year}-00-10", f"{year}-12-00", "9999-99-99", f"{year}-01-32"])
    field_ = rnd.choice(["date", "published"])
    return _files_with(rnd, d, "bad.md", f"---\ntitle: Bad\n{field_}: {date}\n---\nBody text.\n")


def deep_json(rnd: random.Random, d: Path) -> Sample:
    depth = rnd.choice([1_000, 2_000, 10_000, 100_000, rnd.randint(1_000, 200_000)])
    opener, closer = rnd.choice([("[", "]"), ('{"a":', "}"), ('[{"text":', "}]")])
    deep = opener * depth + "1" + closer * depth
    if rnd.random() < 0.5:
        return _jsonl_with(rnd, d, deep)
    return _files_with(rnd, d, "deep.json", deep)


def big_integer(rnd: random.Random, d: Path) -> Sample:
    digits = "9" + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(4_300, 50_000)))
    if rnd.random() < 0.5:
        item = json.dumps(_good_item(rnd, 98))[:-1] + f', "n": {digits}}}'
        return _jsonl_with(rnd, d, item)
    return _files_with(rnd, d, "bigint.md", f"---\ntitle: Big\ncount: {digits}\n---\nBody.\n")


def deep_yaml(rnd: random.Random, d: Path) -> Sample:
    depth = rnd.randint(1_000, 20_000)
    value = rnd.choice(["[" * depth + "]" * depth, "{a: " * depth + "1" + "}" * depth,
                        "[" * depth])
    return _files_with(rnd, d, "deep.md", f"---\ntitle: Deep\nx: {value}\n---\nBody.\n")


def yaml_laughs(rnd: random.Random, d: Path) -> Sample:
    levels = rnd.randint(6, 12)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    lines.append(f"{rnd.choice(['date', 'title', 'source'])}: *a{levels - 1}")
    return _files_with(rnd, d, "laughs.md", "---\n" + "\n".join(lines) + "\n---\nBody.\n")


def huge_front_matter(rnd: random.Random, d: Path) -> Sample:
    note = "y" * rnd.randint(65_600, 3_000_000)
    return _files_with(rnd, d, "front.md", f"---\ntitle: x\nnote: {note}\n---\nBody.\n")


def endless(rnd: random.Random, d: Path) -> Sample:
    device = Path(rnd.choice(["/dev/zero", "/dev/urandom"]))
    sample = _files_with(rnd, d, "unused.txt", f"Fine\n\n{GOOD.format(n=7)}\n")
    sample.good.add("Fine")
    sample.inputs.append(device)
    return sample


def long_field(rnd: random.Random, d: Path) -> Sample:
    key = rnd.choice(["title", "source", "url"])
    n = rnd.choice([2_001, 10_000, 1_000_000, 5_000_000, rnd.randint(2_001, 100_000)])
    item = {**_good_item(rnd, 97), key: "Z" * n}
    if rnd.random() < 0.5:
        return _jsonl_with(rnd, d, json.dumps(item))
    return _files_with(rnd, d, "long.json", json.dumps(item))


def punctuation_run(rnd: random.Random, d: Path) -> Sample:
    mark = rnd.choice(PUNCTUATION)
    n = rnd.choice([1_001, 5_000, 50_000, rnd.randint(1_001, 60_000)]) // len(mark) + 1
    run = mark * n if rnd.random() < 0.7 else "".join(rnd.choice(PUNCTUATION) for _ in range(n))
    text = f"Talks began in Geneva. {run} Then they ended."
    return _jsonl_with(rnd, d, json.dumps({"title": "Run", "text": text}))


def symlink_out(rnd: random.Random, d: Path) -> Sample:
    outside = d.parent / f"outside-{rnd.randrange(10**9)}.txt"
    outside.write_text(f"Outside\n\n{GOOD.format(n=5)}\n", encoding="utf-8")
    sample = _files_with(rnd, d, "placeholder.md",
                         f"---\ntitle: Also fine\n---\n{GOOD.format(n=9)}\n")
    sample.good.add("Also fine")
    (d / rnd.choice(["link.txt", "a.md", "z.json"])).symlink_to(outside)
    return sample


def wide_encoding(rnd: random.Random, d: Path) -> Sample:
    text = f"Talks\n\n{GOOD.format(n=3)}\n"
    enc = rnd.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
    return _files_with(rnd, d, rnd.choice(["wide.txt", "wide.md", "wide.json"]),
                       text.encode(enc))


def control_name(rnd: random.Random, d: Path) -> Sample:
    mark = rnd.choice(["\n", "\r", "\x07", "\x1b[2J", "\x01", "\u202e", "\x7f", "\u2028"])
    sample = _files_with(rnd, d, f"bad{mark}name.txt", b"")
    sample.names_with_controls = True
    return sample


CLASSES: dict[str, Callable[[random.Random, Path], Sample]] = {
    "lone surrogate in a JSON field": surrogate,
    "impossible front-matter date": impossible_date,
    "JSON nested 1,000-200,000 deep": deep_json,
    "integer of 4,300-50,000 digits": big_integer,
    "YAML nested 1,000-20,000 deep": deep_yaml,
    "YAML alias bomb": yaml_laughs,
    "front matter over 64 KiB": huge_front_matter,
    "endless input (/dev/zero, urandom)": endless,
    "title/source/URL over 2,000 chars": long_field,
    "run of 1,001-60,000 punctuation": punctuation_run,
    "symlink out of the folder": symlink_out,
    "UTF-16 / UTF-32 file": wide_encoding,
    "control characters in a file name": control_name,
}
#: Samples per class by default (the endless inputs read 256 MiB each: fewer of them).
DEFAULT_COUNTS = {name: (3 if name.startswith("endless") else 20) for name in CLASSES}

__all__ = ["CLASSES", "DEFAULT_COUNTS", "Sample"]
