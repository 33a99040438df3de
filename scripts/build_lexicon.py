"""Derive kg's PETRARCH2 lexicon files from the CAMEO verb dictionary (regenerable).

    .venv/bin/python scripts/build_lexicon.py [--source ../shared/lexicons/petrarch2]

Reads ``CAMEO.2.0.txt`` (PETRARCH2's CAMEO verb dictionary, MIT licence, Copyright (c) 2015
Open Event Data Alliance; see kg/data/lexicon/petrarch2/NOTICE) and writes, under
``kg/data/lexicon/petrarch2/``:

- ``verbs.tsv``: every verb of the dictionary: lemma, its block (the dictionary's verb
  group), default CAMEO code (its own, else its block's; ``-`` when it has none) and that
  code's class among kg's nine (``kg/data/lexicon/cameo_classes.tsv``; ``-`` for none).
  Multi-word verbs ("stir up") keep their particle.
- ``patterns.tsv``: the dictionary's verb + object patterns whose code falls in a class:
  block, object head lemma (the last word of the object phrase, or a synonym set such as
  ``&weapon``), CAMEO code, class ("IMPOSE * SANCTIONS" → impose, sanction, 163,
  Sanction).
- ``synsets.tsv``: the synonym sets patterns name: set, word.
- ``nouns.tsv``: the object heads of those patterns that name an act rather than a thing
  (the head word is a nominalisation or appears as the object of verbs of one class in
  at least two blocks): noun lemma, the most frequent code, its class.

Only codes and words are taken (facts of the dictionary), never its program. Lemmas are
lower-cased; plural object heads are reduced to a simple singular (``sanctions`` →
``sanction``); the irregular forms in braces are dropped (spaCy lemmatises).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "data" / "lexicon" / "petrarch2"
CLASSES = ROOT / "kg" / "data" / "lexicon" / "cameo_classes.tsv"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_MEMBER = re.compile(r"^(\+?[A-Z][A-Z_'\-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
_SYNSET = re.compile(r"^&([A-Z_]+)")
_WORD = re.compile(r"^[A-Z][A-Z\-]*$")
#: Words after "*" in a pattern that are particles or prepositions of a phrasal verb, not
#: the head of an object ("- * UP", "- * OFF DEAL").
_NOT_HEADS = frozenset({
    "up", "down", "off", "out", "in", "on", "over", "back", "away", "forward", "through",
    "about", "around", "along", "across", "into", "onto", "to", "for", "from", "with", "by",
    "at", "of", "as", "than"})
#: Endings of English nominalisations ("deployment", "invasion", "shelling").
_ACT_ENDINGS = ("ment", "tion", "sion", "ance", "ence", "ing", "ade", "age", "al", "ure")

HEADER = """# Derived by scripts/build_lexicon.py from PETRARCH2's CAMEO verb dictionary
# (CAMEO.2.0.txt, github.com/openeventdata/petrarch2 commit 676801cd; MIT licence,
# Copyright (c) 2015 Open Event Data Alliance, see NOTICE beside this file). Do not edit:
# change the script or kg's own triggers.tsv instead.
"""


def load_classes(path: Path = CLASSES) -> dict[str, str]:
    """CAMEO code prefix → kg class (``cameo_classes.tsv``)."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, kind = line.split("\t")[:2]
            out[code.strip()] = kind.strip()
    return out


def class_of(code: str, classes: dict[str, str]) -> str | None:
    """The class of a CAMEO code by its longest listed prefix ("-" in the table: none)."""
    for n in (4, 3, 2):
        kind = classes.get(code[:n])
        if kind is not None:
            return None if kind == "-" else kind
    return None


def _code(raw: str) -> str | None:
    code = raw.split(":")[0].strip()
    return code if code.isdigit() else None


def _lemma(word: str) -> str:
    return word.lstrip("+").rstrip("_").replace("_", " ").lower()


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def parse(text: str) -> tuple[dict[str, list[str]], list[tuple[str, str, str]],
                              list[tuple[str, str, str]]]:
    """Synonym sets, (verb, default code or "", block) and (block, object phrase, code)."""
    synsets: dict[str, list[str]] = defaultdict(list)
    verbs: list[tuple[str, str, str]] = []
    patterns: list[tuple[str, str, str]] = []
    section = ""
    current: str | None = None
    block_code: str | None = None
    block_name = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("#######"):
            section = raw
            continue
        if not line.strip():
            continue
        if "SYNONYM" in section:
            if line.startswith("&"):
                current = line.strip()[1:]
            elif line.startswith("+") and current:
                synsets[current].append(_lemma(line.strip()))
            continue
        if "VERB PATTERNS" not in section:
            continue
        block = _BLOCK.match(line)
        if block:
            block_code = _code(block.group(2))
            block_name = _lemma(block.group(1))
            continue
        pat = _PATTERN.match(line)
        if pat:
            code = _code(pat.group(2))
            if code:
                patterns.append((block_name, pat.group(1), code))
            continue
        member = _MEMBER.match(line.strip())
        if member and not line.startswith("-"):
            verb = _lemma(member.group(1))
            code = _code(member.group(2)) if member.group(2) else block_code
            verbs.append((verb, code or "", block_name))
    return dict(synsets), verbs, patterns


def object_head(phrase: str) -> str | None:
    """The head of the object of a ``- * OBJECT`` pattern ("&weapon" for a synonym set)."""
    if not phrase.startswith("*"):
        return None
    rest = phrase[1:].strip()
    rest = re.sub(r"\(.*?\)", "", rest).strip()  # prepositional phrases: not the object
    if not rest or rest.startswith(("$", "+", "%")):
        return None
    braced = re.match(r"^\{([^}]*)\}", rest)
    words = braced.group(1).split() if braced else rest.split()[:1]
    if not words:
        return None
    if not braced and words[0].lower() in _NOT_HEADS:
        return None
    head = words[-1]
    syn = _SYNSET.match(head)
    if syn:
        return "&" + syn.group(1).lower()
    return _singular(head.lower()) if _WORD.match(head) else None


def build(source: Path) -> dict[str, list[tuple[str, ...]]]:
    classes = load_classes()
    text = (source / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    synsets, verbs, patterns = parse(text)
    verb_rows: dict[str, tuple[str, str, str]] = {}
    for verb, code, block in verbs:
        if verb not in verb_rows:
            verb_rows[verb] = (block, code or "-", (class_of(code, classes) or "-") if code
                               else "-")
    pattern_rows: dict[tuple[str, str], tuple[str, str]] = {}
    used_sets: set[str] = set()
    noun_codes: dict[str, Counter[str]] = defaultdict(Counter)
    noun_blocks: dict[str, set[str]] = defaultdict(set)
    for block, phrase, code in patterns:
        kind = class_of(code, classes)
        head = object_head(phrase)
        if not kind or head is None:
            continue
        pattern_rows.setdefault((block, head), (code, kind))
        if head.startswith("&"):
            used_sets.add(head[1:])
        else:
            noun_codes[head][code] += 1
            noun_blocks[head].add(block)
    noun_rows: dict[str, tuple[str, str]] = {}
    for noun, codes in noun_codes.items():
        kinds = Counter(class_of(c, classes) for c in codes.elements())
        kind, n = kinds.most_common(1)[0]
        if kind is None or n < 0.8 * sum(kinds.values()):
            continue  # objects of several classes name things, not acts
        if noun.endswith(_ACT_ENDINGS) or len(noun_blocks[noun]) >= 2:
            code = max((c for c in codes if class_of(c, classes) == kind), key=codes.__getitem__)
            noun_rows[noun] = (code, kind)
    return {
        "verbs": [(v, *row) for v, row in sorted(verb_rows.items())],
        "patterns": [(b, o, c, k) for (b, o), (c, k) in sorted(pattern_rows.items())],
        "nouns": [(n, c, k) for n, (c, k) in sorted(noun_rows.items())],
        "synsets": [(name.lower(), w) for name in sorted(used_sets)
                    for w in sorted(set(synsets.get(name.upper(), [])))],
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path,
                    default=ROOT.parent / "shared" / "lexicons" / "petrarch2")
    args = ap.parse_args(argv)
    if not (args.source / "CAMEO.2.0.txt").is_file():
        print(f"{args.source}: no CAMEO.2.0.txt here", file=sys.stderr)
        return 2
    tables = build(args.source)
    OUT.mkdir(parents=True, exist_ok=True)
    columns = {"verbs": "lemma\tblock\tcameo\tclass",
               "patterns": "block\tobject\tcameo\tclass",
               "nouns": "lemma\tcameo\tclass", "synsets": "set\tword"}
    for name, rows in tables.items():
        with (OUT / f"{name}.tsv").open("w", encoding="utf-8") as f:
            f.write(HEADER + f"# columns: {columns[name]}\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
        print(f"{name}: {len(rows)} rows")
    licence = (args.source / "LICENSE").read_text(encoding="utf-8")
    (OUT / "NOTICE").write_text(
        "The files in this folder are derived from PETRARCH2's CAMEO verb dictionary\n"
        "(github.com/openeventdata/petrarch2, data/dictionaries/CAMEO.2.0.txt) by\n"
        "scripts/build_lexicon.py, under the following licence:\n\n" + licence,
        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
