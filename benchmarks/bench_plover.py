"""Event type and actor agreement on the PLOVER gold standard records (OEDA PLOVER GSR).

Usage::

    .venv/bin/python benchmarks/bench_plover.py [PLOVER_GSR_CAMEO.txt] [--list]

Every figure is given for all records and for two fixed halves (:mod:`halves`: dev, whose
misses ``--list`` prints, and test, reported in aggregate only).

Default input: ``../shared/bench/plover-gsr/PLOVER_GSR_CAMEO.txt`` (a JSON list of coded
sentences: ``text``, ``event`` (PLOVER type), ``source`` / ``target`` actors with ISO3-like
codes). Each sentence is extracted on its own as an article (``kg.pipeline``).

A sentence is *mappable* when its PLOVER type maps to one of kg's nine classes (the
CONTRACT.md table; this GSR predates PLOVER 0.8, so DISAPPROVE stands for ACCUSE, DEMAND
for REQUEST and FIGHT for ASSAULT; SUPPORT is CAMEO 05, which kg codes as Cooperation):

============================  ====================
PLOVER                        kg
============================  ====================
CONSULT                       Meeting
MOBILIZE                      Deployment, Training
DISAPPROVE, ACCUSE, REJECT    Statement
AID                           Transfer
DEMAND, REQUEST               Appeal
ASSAULT, FIGHT                Combat
AGREE, COOPERATE, SUPPORT     Cooperation
SANCTION                      Sanction
============================  ====================

THREATEN, PROTEST, COERCE, RETREAT, CONCEDE, INVESTIGATE are not mappable and not scored.

Measures on mappable sentences:

- *type agreement (any)*: some extracted event has an allowed class;
- *type agreement (main)*: the event whose trigger is nearest the coded event text has an
  allowed class (sentences without any event count as disagreement in both);
- *source / target agreement*: among agreeing sentences whose gold source (target) has a
  three-letter country code, an agreeing event has an actor (source: agent, speaker,
  participant; target: recipient, target, addressee, participant) whose entity is that
  country or belongs to it (``part_of``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pycountry
from halves import half

from kg.extract import load_nlp
from kg.model import Article, Entity, Event, Extraction, Role
from kg.pipeline import extract_articles

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "bench" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"

MAPPING: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"Meeting"}),
    "MOBILIZE": frozenset({"Deployment", "Training"}),
    "DISAPPROVE": frozenset({"Statement"}),
    "ACCUSE": frozenset({"Statement"}),
    "REJECT": frozenset({"Statement"}),
    "AID": frozenset({"Transfer"}),
    "DEMAND": frozenset({"Appeal"}),
    "REQUEST": frozenset({"Appeal"}),
    "ASSAULT": frozenset({"Combat"}),
    "FIGHT": frozenset({"Combat"}),
    "AGREE": frozenset({"Cooperation"}),
    "COOPERATE": frozenset({"Cooperation"}),
    "SUPPORT": frozenset({"Cooperation"}),
    "SANCTION": frozenset({"Sanction"}),
}
SOURCE_ROLES = (Role.AGENT, Role.SPEAKER, Role.PARTICIPANT)
TARGET_ROLES = (Role.RECIPIENT, Role.TARGET, Role.ADDRESSEE, Role.PARTICIPANT)


def country_codes(ext: Extraction, event: Event, roles: Iterable[Role]) -> set[str]:
    """ISO3 codes of the countries an event's actors in ``roles`` are or belong to (as kg's
    events CSV codes them: a visit's host state counts as its target)."""
    by_key: dict[str, Entity] = {e.key: e for e in ext.entities}
    wanted = set(roles)
    codes: set[str] = set()
    for arg in event.arguments:
        host = (event.type.value == "Meeting" and arg.role is Role.DESTINATION
                and Role.TARGET in wanted and arg.entity.startswith("country/"))
        if arg.role not in wanted and not host:
            continue
        ent = by_key.get(arg.entity)
        keys = [arg.entity] + ([ent.part_of] if ent is not None and ent.part_of else [])
        codes.update(_iso3(key, ("country", "force")) for key in keys)
        if ent is not None and ent.iso3:
            codes.add(ent.iso3)
        # a person counts for the state of a post ("Iraqi President Saddam Hussein"), as
        # CAMEO codes an official by the government he serves (and kg's events CSV does)
        for post in ent.posts if ent is not None else ():
            org = by_key.get(post.organization or "")
            for key in (post.organization or "", org.part_of if org and org.part_of else ""):
                codes.add(_iso3(key, ("country",)))
    codes.discard("")
    return codes


def _iso3(key: str, kinds: tuple[str, ...]) -> str:
    """The ISO3 code in an entity key of one of ``kinds`` ("country/IRQ"), else ""."""
    kind, _, rest = key.partition("/")
    return rest.upper() if kind in kinds and len(rest) == 3 else ""


def _gold_codes(actors: Any) -> set[str]:
    """Country codes of gold actors (the first three letters when they are an ISO3 code)."""
    if isinstance(actors, dict | str):
        actors = [actors]
    codes: set[str] = set()
    for a in actors or ():
        code = str(a.get("code", "") if isinstance(a, dict) else "")[:3].upper()
        if len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None:
            codes.add(code)
    return codes


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.is_file():
        print(f"{path}: not found (pass the PLOVER_GSR_CAMEO.txt path)", file=sys.stderr)
        return 2
    records = [r for r in json.loads(path.read_text(encoding="utf-8"))
               if r.get("text") and r.get("event") in MAPPING]
    articles = [Article(key=r["id"], title="", body=r["text"]) for r in records]
    extractions = list(extract_articles(articles, nlp=load_nlp()))
    total: Counter[tuple[str, str]] = Counter()  # (half, PLOVER type) → count
    any_ok: Counter[tuple[str, str]] = Counter()
    main_ok: Counter[tuple[str, str]] = Counter()
    actors: Counter[tuple[str, str]] = Counter()  # (half, "src"/"tgt"/"src_n"/"tgt_n")
    wrong: list[str] = []
    for rec, ext in zip(records, extractions, strict=True):
        kind = rec["event"]
        part = half(rec["text"])
        allowed = MAPPING[kind]
        total[part, kind] += 1
        good = [e for e in ext.events if e.type.value in allowed]
        if good:
            any_ok[part, kind] += 1
        cue = str(rec.get("eventText", "")).split(" ")[0].lower()
        at = rec["text"].lower().find(cue) if cue else -1
        main_event = min(ext.events, key=lambda e: abs(e.trigger.span.begin - at),
                         default=None) if at >= 0 else (ext.events[0] if ext.events else None)
        if main_event is not None and main_event.type.value in allowed:
            main_ok[part, kind] += 1
        elif listing and part == "dev":
            got = ", ".join(f"{e.type.value}:{e.trigger.text}" for e in ext.events) or "-"
            wrong.append(f"{kind:<10} {got:<40} {rec['text'][:110]}")
        if good:
            for side, roles in (("src", SOURCE_ROLES), ("tgt", TARGET_ROLES)):
                want = _gold_codes(rec.get("source" if side == "src" else "target"))
                if want:
                    actors[part, f"{side}_n"] += 1
                    actors[part, side] += any(want & country_codes(ext, e, roles)
                                              for e in good)
    kinds = sorted({k for _, k in total})
    print(f"{'PLOVER type':<12} {'n':>4} {'any':>6} {'main':>6}")
    for kind in kinds:
        n = total["dev", kind] + total["test", kind]
        ok_any = any_ok["dev", kind] + any_ok["test", kind]
        ok_main = main_ok["dev", kind] + main_ok["test", kind]
        print(f"{kind:<12} {n:>4} {ok_any / n:6.2f} {ok_main / n:6.2f}")
    for name, parts in (("all", ("dev", "test")), ("dev", ("dev",)), ("test", ("test",))):
        n = sum(v for (p, _), v in total.items() if p in parts)
        a = sum(v for (p, _), v in any_ok.items() if p in parts)
        m = sum(v for (p, _), v in main_ok.items() if p in parts)
        print(f"{name:<12} {n:>4} {a / max(n, 1):6.2f} {m / max(n, 1):6.2f}")
    for name, parts in (("", ("dev", "test")), ("dev ", ("dev",)), ("test ", ("test",))):
        for side, word in (("src", "source"), ("tgt", "target")):
            ok = sum(actors[p, side] for p in parts)
            n = sum(actors[p, f"{side}_n"] for p in parts)
            print(f"{name}{word} country agreement {ok}/{n} = {ok / max(n, 1):.2f}")
    for line in wrong:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
