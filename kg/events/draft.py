"""An event being assembled: its class, trigger, roles and claims before it is frozen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.lexicon import Condition
from kg.model import (
    Argument,
    EventType,
    Mention,
    Modality,
    Polarity,
    Quantity,
    Role,
    TimeExpression,
)


@dataclass
class Draft:
    """An event being assembled before it becomes a frozen :class:`Event`."""

    type: EventType
    cameo: str
    trigger: int  # token index of the trigger word
    light: int | None  # the light verb carrying it, if any
    sentence: int
    extra: list[int] = field(default_factory=list)  # merged trigger words
    args: list[Argument] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    time: TimeExpression | None = None
    modality: Modality = Modality.ASSERTED
    polarity: Polarity = Polarity.POSITIVE
    attributed_to: str | None = None
    quote: str | None = None
    cue: str | None = None
    condition: Condition = Condition.NONE
    negative: bool = False  # the trigger itself denies or rejects ("deny", "veto")
    #: the clause "after / before / following ..." the trigger stands in (its head), if any:
    #: acts on either side of such a clause are two events
    sequence: int | None = None

    @property
    def head(self) -> int:
        """The token the event's clause hangs on: its light verb, else its trigger."""
        return self.light if self.light is not None else self.trigger

    def keys(self, roles: Iterable[Role]) -> frozenset[str]:
        wanted = set(roles)
        return frozenset(a.entity for a in self.args if a.role in wanted)

    def add(self, role: Role, key: str | None, mention: Mention | None = None) -> None:
        if key is None:
            return
        if any(a.entity == key and a.role == role for a in self.args):
            return
        self.args.append(Argument(role=role, entity=key, mention=mention))


def head_word(label: str) -> str:
    """The head noun of a name: "US Embassy in London" → "embassy"."""
    words = label.lower().split()
    for cut in ("in", "of", "for", "on", "at"):
        if cut in words[1:]:
            words = words[:words.index(cut, 1)]
    return words[-1] if words else ""
