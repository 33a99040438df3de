"""Gold annotation files (CONTRACT.md, "Gold annotations"): reading and name comparison."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.errors import GoldError
from kg.model import EntityType, EventType

# --------------------------------------------------------------------------- names


def normalize(name: str) -> str:
    """Case, punctuation, a leading "the" and a possessive "'s" ignored."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = text.replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^the\s+", "", text)
    text = "".join(ch if ch.isalnum() or ch.isspace() else "" for ch in text)
    return " ".join(text.split())


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    @property
    def names(self) -> frozenset[str]:
        return frozenset(normalize(n) for n in (self.label, *self.aliases))


@dataclass(frozen=True)
class GoldEvent:
    types: tuple[str, ...]
    participants: tuple[str, ...]
    place: str | None = None
    quantity: tuple[Decimal, ...] = ()
    time: str | None = None
    time_text: str | None = None
    modality: str | None = None
    polarity: str | None = None
    optional: bool = False
    note: str = ""

    def describe(self) -> str:
        who = ", ".join(self.participants) or "-"
        extra = f" ({self.note})" if self.note else ""
        return f"{'/'.join(self.types)}[{who}]{extra}"


@dataclass(frozen=True)
class Gold:
    path: Path
    file: str
    entities: tuple[GoldEntity, ...]
    events: tuple[GoldEvent, ...]

    @property
    def article_path(self) -> Path:
        """The annotated article, relative to the gold file."""
        return (self.path.parent / self.file).resolve()

    def names_of(self, name: str) -> frozenset[str]:
        """``name`` and, when it is a gold entity's label or alias, all that entity's names."""
        norm = normalize(name)
        out = {norm}
        for e in self.entities:
            if norm in e.names:
                out |= e.names
        return frozenset(out)


def _decimal(v: Any, path: Path) -> Decimal:
    try:
        return Decimal(str(v))
    except InvalidOperation as e:
        raise GoldError(f"{path}: quantity {v!r} is not a number") from e


def load_gold(path: str | Path) -> Gold:
    """Read a ``*.gold.json`` file; a malformed one raises :class:`GoldError`."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldError(f"{p}: cannot read gold file ({e.strerror})") from e
    except json.JSONDecodeError as e:
        raise GoldError(f"{p}: not valid JSON (line {e.lineno}: {e.msg})") from e
    if not isinstance(data, dict) or "events" not in data or "file" not in data:
        raise GoldError(f"{p}: a gold file is an object with 'file', 'entities' and 'events'")
    valid_entity = {t.value for t in EntityType}
    valid_event = {t.value for t in EventType}
    entities: list[GoldEntity] = []
    for ent in data.get("entities", []):
        if ent.get("type") not in valid_entity:
            raise GoldError(f"{p}: entity {ent.get('label')!r} has type {ent.get('type')!r}; "
                            f"expected one of {', '.join(sorted(valid_entity))}")
        entities.append(GoldEntity(label=ent["label"], type=ent["type"],
                                   aliases=tuple(ent.get("aliases", ())),
                                   optional=bool(ent.get("optional", False))))
    events: list[GoldEvent] = []
    for ev in data["events"]:
        types = tuple(ev.get("types", ()))
        bad = [t for t in types if t not in valid_event]
        if not types or bad:
            raise GoldError(f"{p}: event types {list(types)!r} must be among "
                            f"{', '.join(sorted(valid_event))}")
        qty = ev.get("quantity")
        if qty is None:
            qty = []
        elif not isinstance(qty, list):
            qty = [qty]
        events.append(GoldEvent(
            types=types, participants=tuple(ev.get("participants", ())),
            place=ev.get("place"), quantity=tuple(_decimal(q, p) for q in qty),
            time=ev.get("time"), time_text=ev.get("time_text"),
            modality=(ev.get("modality") or None), polarity=(ev.get("polarity") or None),
            optional=bool(ev.get("optional", False)), note=str(ev.get("note", "")),
        ))
    return Gold(path=p, file=str(data["file"]), entities=tuple(entities), events=tuple(events))


