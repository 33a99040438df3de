"""Short names of bodies inside one article."""

from __future__ import annotations

from kg import gazetteer
from kg.model import EntityType
from kg.resolve._drafts import Draft


def _opens_or_ends(name: str, word: str) -> bool:
    """ "Iraqi Parliament", "Trump administration" end with the word, "House of
    Representatives" opens with it and goes on with "of"; not "Medal of the Knesset"
    (another thing of it) or "Amazon Fresh" (a part of it)."""
    parts = name.casefold().split()
    if len(parts) < 2:
        return False
    if parts[-1] == word:
        return parts[-2] not in ("of", "the")
    return parts[0] == word and parts[1] == "of"


def join_short_names(drafts: dict[str, Draft]) -> None:
    """ "the House" after "the House of Representatives", "Parliament" after "the Iraqi
    Parliament", "the Administration" after "the Trump administration": a one-word name
    of a body that opens or ends the name of exactly one other body of the article is
    that body (not a body of the tables: "the Senate", "Congress")."""
    orgs = [d for d in drafts.values() if d.type is EntityType.ORGANIZATION]
    for short in orgs:
        if " " in short.label or not short.label.istitle() or (
                gazetteer.actor_by_name(short.label) is not None):
            continue
        word = short.label.casefold()
        hosts = {d.key: d for d in orgs if d is not short and d.key in drafts and any(
            _opens_or_ends(name, word) for name in (d.label, *d.aliases))}
        if len(hosts) != 1:
            continue
        host = next(iter(hosts.values()))
        host.mentions.extend(short.mentions)
        host.aliases |= {short.label, *short.aliases}
        del drafts[short.key]
