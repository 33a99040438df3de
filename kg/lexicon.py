"""kg's domain knowledge, read from data files under ``kg/data/lexicon/`` and validated once.

Everything kg knows about words of its domain lives in data a researcher can edit without
touching code:

- ``words/<concept>.txt``: one word list per concept (``speech_verbs``, ``weapon_nouns``,
  ``light_verbs``...): one entry per line, ``#`` comments; the file's leading comment says
  what the concept is. :func:`words` returns a list as a frozenset.
- ``triggers.tsv``: the event triggers: lemma, part of speech (``verb`` / ``noun``), event
  class, CAMEO code, condition (one of :class:`Condition`, or ``-``), polarity
  (``positive`` / ``negative``), the role of the subject (``agent`` / ``recipient``: "buy",
  "receive") and where the entry comes from (``kg`` or ``petrarch2``).
  :func:`trigger_table` returns it; a bad row raises :class:`~kg.errors.LexiconError` at
  load time naming the file, the line and the valid values.
- ``cameo_plover.tsv``: CAMEO code → PLOVER type (:func:`cameo_plover`).
- ``quad_classes.tsv``: CAMEO root or PLOVER type → quad class (:func:`quad_class`).
- ``number_words.tsv``, ``currencies.tsv``, ``ministry_fields.tsv``: small look-up tables
  (:func:`table`).

Closed-class grammar (pronouns, prepositions, dependency labels, calendar words) stays in
the code that reads the parse. Tables are read lazily, once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from kg.errors import LexiconError
from kg.model import EventType, QuadClass

__all__ = [
    "Condition",
    "Trigger",
    "TriggerTable",
    "cameo_class",
    "cameo_plover",
    "dictionary_verbs",
    "list_names",
    "phrase_table",
    "quad_class",
    "table",
    "trigger_table",
    "words",
]


class Condition(StrEnum):
    """What a trigger's arguments must be for the word to signal its event.

    Each member is implemented by :mod:`kg.events.triggers`; a condition in the trigger
    table that is not a member is refused when the table is loaded.
    """

    NONE = "-"
    #: the verb has a direct object (or is passive): "suspended the permit"
    OBJ = "obj"
    #: the verb has no direct object: "he added that ...", not "added them to a list"
    NO_OBJ = "no_obj"
    #: the subject is a named actor: "Russia backed ...", not "analysts suggest"
    SPEAKER = "speaker"
    #: the object is armed forces: "sent troops"
    MIL_OBJ = "mil_obj"
    #: the subject (or object) is armed forces: "troops crossed"
    MIL_SUBJ = "mil_subj"
    #: not "strike a deal" / figurative objects; no accident as the cause
    NOT_DEAL = "not_deal"
    #: no accident, storm or disease as the cause: "the crash killed"
    VIOLENT_SUBJ = "violent_subj"
    #: active voice with a subject, and violent: "guerrillas wounded two soldiers"
    ATTACKER = "attacker"
    #: the object is a weapon: "fired missiles"
    WEAPON_OBJ = "weapon_obj"
    #: the object is a weapon or armed forces, or the subject is armed forces or a weapon:
    #: "fired missiles", "tanks fired at a wedding", "troops destroyed a tunnel", not "the
    #: board fired its chief" or "the fire destroyed homes"
    ARMED_ACT = "armed_act"
    #: the object is aid, money, goods or weapons: "granted $5 million"
    AID_OBJ = "aid_obj"
    #: the object is information: "shared intelligence"
    INFO_OBJ = "info_obj"
    #: the object is ties, relations or supplies: "cut ties"
    TIES_OBJ = "ties_obj"
    #: the object is ground, a place, a vessel or armed forces: "seized the town", not
    #: "seized 28 tonnes of cannabis"
    TERRITORY_OBJ = "territory_obj"
    #: territory_obj, or the captor is armed forces: "seized the town", "was captured by
    #: U.S. forces", not "police captured the suspect"
    CAPTURE = "capture"
    #: the object is a guest or a gathering: an actor ("hosted Putin", "hosted a delegation")
    #: or a meeting noun ("hosted a summit"), not "hosted the Grand Prix"
    GUEST_OBJ = "guest_obj"
    #: the object names an actor: "recognised the State of Palestine", not "recognised the
    #: need"
    ACTOR_OBJ = "actor_obj"
    #: a state joins a body or a treaty: "Sweden joined NATO", "joins the Paris Agreement",
    #: not "joined the protest", "joined the talks", "Patel joined the Solidarity Party"
    BLOC_OBJ = "bloc_obj"
    #: the subject (or the agent of a passive) is armed forces or a weapon: "Russian drones
    #: targeted the grid", not "the campaign targets young voters"
    ARMED_SUBJ = "armed_subj"
    #: (a noun) a military modifier: "a military operation", "counter-terrorism operations",
    #: not "a rescue operation"
    MIL_MOD = "mil_mod"
    #: the subject is armed forces or a body of no state: "Hamas executed six alleged
    #: collaborators", "troops executed prisoners", not "Iran executes three men" (a
    #: sentence carried out)
    NONSTATE_SUBJ = "nonstate_subj"
    #: (a noun) named sides, or a military modifier: "the Iran–Israel war", "Russia's war",
    #: "the conflict between Cambodia and Thailand", "an armed conflict"; not "the war",
    #: "a trade war", "World War II"
    SIDES = "sides"
    #: the object is a named body or gathering: "addressed the UN General Assembly", not
    #: "addressed concerns"
    BODY_OBJ = "body_obj"
    #: (a noun) its "of" phrase names weapons or fire: "a barrage of rockets", "seven salvos
    #: of ballistic missiles", not "a barrage of criticism"
    WEAPON_OF = "weapon_of"
    #: the subject (or object) is an explosive: "a roadside bomb exploded", "explosive
    #: devices detonate on two bridges", "militants detonated a car bomb", not "a gas tank
    #: exploded" or "the debate exploded"
    EXPLOSIVE = "explosive"
    #: the object is goods, aid, money, weapons or forces: "received weapons", "flies
    #: fighters and cargo to Syria", not "received nominations", "flying the Guyanese flag"
    GOODS_OBJ = "goods_obj"
    #: an object and an infinitive: "ordered the security forces to pursue the attackers"
    #: (an order to act), not "ordered an investigation"
    ORDER_TO = "order_to"
    #: an actor pressed to act: order_to, or an actor object and an infinitive the parser
    #: read as a purpose clause: "pressed Chancellor Scholz to send tanks", not "pressed
    #: the button to release the fuel"
    PRESS_TO = "press_to"
    #: a plea to someone or for something: "pleaded with Russia", "pleaded for help", not
    #: "pleaded guilty"
    PLEA = "plea"
    #: a request, not a question: "asked Iran to release the crew", not "the press asked
    #: Trump about it" or "asked whether the talks would resume"
    NOT_QUESTION = "not_question"
    #: a message, not a work: "wrote on Instagram", "wrote a letter", not "wrote songs"
    NOT_WORK = "not_work"
    #: an appeal to an actor, not a legal one: "appealed for calm", not "the court of
    #: appeal" or "the appeal of that decision"
    NOT_LEGAL = "not_legal"
    #: the object is no law or decree: "signed an agreement", not "signed a law"
    NOT_LEGISLATION = "not_legislation"
    #: (checked on the roles) an international gathering: an international body or parties
    #: of two states take part ("a UN Security Council session"), not "an overnight session
    #: of the National Assembly"
    INTERNATIONAL = "international"
    #: (checked on the roles) two parties meet: two named actors, a plural or coordinated
    #: subject ("G7 leaders discussed"), or an international body; not "he discussed how
    #: he became the nominee" or "I met Raghu then"
    PARTIES = "parties"
    #: a commitment, not an opinion: "agreed to send", "agreed on a ceasefire", "agreed a
    #: deal", not "agreed that the plan was flawed"
    COMMIT = "commit"
    #: the verb has a clausal complement (what is said): "maintained (that) the inquiry
    #: is ...", not "maintained troops"
    CLAUSE = "clause"
    #: (checked on the roles) the sanction names whom it hits, a state, body, person or
    #: force: "suspended aid to Serbia", not "cancelled flights" or "suspended the game"
    SANCTION_TARGET = "sanction_target"
    #: (checked on the roles) a target of another state than the agent's: a state's legal
    #: act against a foreign leader, body or state ("Iran issued arrest warrants for
    #: Trump"), not an ordinary arrest or charge of individuals
    FOREIGN_TARGET = "foreign_target"


class Pos(StrEnum):
    VERB = "verb"
    NOUN = "noun"


@dataclass(frozen=True, slots=True)
class Trigger:
    """An entry of the trigger table: class, CAMEO code, condition and polarity.

    ``reverse`` marks a Transfer whose subject receives ("acquire", "buy").
    """

    type: EventType
    cameo: str
    condition: Condition = Condition.NONE
    negative: bool = False
    reverse: bool = False
    lemma: str = ""
    source: str = "kg"


@dataclass(frozen=True)
class TriggerTable:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]


_DATA = "data/lexicon"
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_CAMEO_RE = re.compile(r"^\d{2,4}$")


def _file(relative: str) -> Traversable:
    return resources.files("kg").joinpath(f"{_DATA}/{relative}")


def _lines(relative: str) -> list[tuple[int, str]]:
    """(line number, content) of the non-blank, non-comment lines of a lexicon file."""
    try:
        text = _file(relative).read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as e:
        raise LexiconError(f"kg/{_DATA}/{relative}: cannot read ({e})") from e
    out: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        content = line.split("#", 1)[0].rstrip() if not line.startswith("#") else ""
        if content.strip():
            out.append((n, content))
    return out


def list_names() -> tuple[str, ...]:
    """The names of every word list shipped in ``kg/data/lexicon/words``."""
    folder = _file("words")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


@cache
def words(name: str) -> frozenset[str]:
    """The word list ``name`` (``kg/data/lexicon/words/<name>.txt``) as a set.

    >>> "say" in words("speech_verbs")
    True
    """
    if not _NAME_RE.match(name):
        raise LexiconError(f"word list name {name!r}: use lower-case letters, digits and _")
    where = f"words/{name}.txt"
    out: set[str] = set()
    for n, line in _lines(where):
        entry = line.strip()
        if entry in out:
            raise LexiconError(f"kg/{_DATA}/{where}:{n}: {entry!r} is listed twice")
        out.add(entry)
    if not out:
        raise LexiconError(f"kg/{_DATA}/{where}: the list is empty")
    return frozenset(out)


@cache
def table(name: str) -> dict[str, str]:
    """A two-column look-up table ``kg/data/lexicon/<name>.tsv`` (key → value)."""
    where = f"{name}.tsv"
    out: dict[str, str] = {}
    for n, line in _lines(where):
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0] or not cols[1]:
            raise LexiconError(f"kg/{_DATA}/{where}:{n}: expected two tab-separated columns")
        if cols[0] in out:
            raise LexiconError(f"kg/{_DATA}/{where}:{n}: {cols[0]!r} is listed twice")
        out[cols[0]] = cols[1]
    return out


@cache
def cameo_plover() -> dict[str, str]:
    """CAMEO code (two or three digits) → PLOVER type."""
    return table("cameo_plover")


def cameo_class(code: str) -> EventType | None:
    """kg's class of a CAMEO code (``cameo_classes.tsv``, longest prefix), else None.

    >>> cameo_class("163"), cameo_class("173")
    (<EventType.SANCTION: 'Sanction'>, None)
    """
    classes = table("cameo_classes")
    for n in (4, 3, 2):
        kind = classes.get(code[:n])
        if kind is not None:
            return None if kind == "-" else EventType(kind)
    return None


def quad_class(cameo: str | None, plover: str | None = None) -> QuadClass | None:
    """The quad class of an event with this CAMEO code (its root decides), else of its
    PLOVER type; None when neither is in ``quad_classes.tsv``.

    >>> [str(quad_class("042")), str(quad_class("190")), str(quad_class(None, "SANCTION"))]
    ['verbal cooperation', 'material conflict', 'material conflict']
    """
    quads = _quad_table()
    found = quads.get(cameo[:2]) if cameo else None
    if found is None and plover:
        found = quads.get(plover.upper())
    return found


@cache
def _quad_table() -> dict[str, QuadClass]:
    out: dict[str, QuadClass] = {}
    for key, value in table("quad_classes").items():
        try:
            out[key] = QuadClass(value)
        except ValueError as e:
            raise LexiconError(f"kg/{_DATA}/quad_classes.tsv: {key}: {value!r} is not one of "
                               f"{', '.join(q.value for q in QuadClass)}") from e
    return out


@dataclass(frozen=True, slots=True)
class DictionaryVerb:
    """A verb of PETRARCH2's CAMEO dictionary (``petrarch2/verbs.tsv``)."""

    lemma: str
    block: str
    cameo: str | None
    type: EventType | None


@cache
def dictionary_verbs() -> dict[str, DictionaryVerb]:
    """The verbs of PETRARCH2's CAMEO dictionary as kg derived them (lemma → entry)."""
    out: dict[str, DictionaryVerb] = {}
    for n, line in _lines("petrarch2/verbs.tsv"):
        cols = line.split("\t")
        if len(cols) != 4:
            raise LexiconError(f"kg/{_DATA}/petrarch2/verbs.tsv:{n}: expected 4 columns")
        lemma, block, code, kind = cols
        out[lemma] = DictionaryVerb(lemma, block, None if code == "-" else code,
                                    None if kind == "-" else EventType(kind))
    return out


#: The classes whose PETRARCH2 verb patterns kg uses: measured on the dev split and the
#: corpus, the dictionary's patterns of the other classes fire on generic verbs and objects
#: ("approves a resolution", "issues an order", "took part") far more often than right.
DICTIONARY_PATTERN_CLASSES = frozenset({"Combat", "Sanction", "Deployment"})


@cache
def phrase_table() -> dict[tuple[str, str], Trigger]:
    """(verb lemma, object head lemma) → trigger: kg's ``phrases.tsv`` first, then the verb
    patterns of PETRARCH2's dictionary (a pattern holds for every verb of its block) whose
    class is one of :data:`DICTIONARY_PATTERN_CLASSES`."""
    out: dict[tuple[str, str], Trigger] = {}
    for n, line in _lines("phrases.tsv"):
        cols = line.split("\t")
        where = f"kg/{_DATA}/phrases.tsv:{n}"
        if len(cols) not in (4, 5):
            raise LexiconError(f"{where}: expected 4 or 5 columns (verb, object or particle, "
                               "class, cameo[, polarity])")
        lemma, obj, kind, code = cols[:4]
        polarity = cols[4] if len(cols) == 5 else "positive"
        _choice(kind, tuple(t.value for t in EventType), "event class", where)
        _choice(polarity, ("positive", "negative"), "polarity", where)
        if not _CAMEO_RE.match(code):
            raise LexiconError(f"{where}: CAMEO code {code!r} is not 2-4 digits")
        out[(lemma, obj)] = Trigger(EventType(kind), code, negative=polarity == "negative",
                                    lemma=lemma, source="kg")
    synsets: dict[str, list[str]] = {}
    for _, line in _lines("petrarch2/synsets.tsv"):
        name, word = line.split("\t")
        synsets.setdefault(name, []).append(word)
    by_block: dict[str, list[str]] = {}
    for entry in dictionary_verbs().values():
        by_block.setdefault(entry.block, []).append(entry.lemma)
    for _, line in _lines("petrarch2/patterns.tsv"):
        block, obj, code, kind = line.split("\t")
        if kind not in DICTIONARY_PATTERN_CLASSES:
            continue
        objects = synsets.get(obj[1:], []) if obj.startswith("&") else [obj]
        for verb in by_block.get(block, []):
            for o in objects:
                if " " not in verb and " " not in o:
                    # a dictionary sanction must name whom it hits ("closed the border"
                    # alone is no sanction): kg's role condition
                    cond = Condition.SANCTION_TARGET if kind == "Sanction" else Condition.NONE
                    out.setdefault((verb, o), Trigger(EventType(kind), code, cond, lemma=verb,
                                                      source="petrarch2"))
    return out


def _choice(value: str, valid: tuple[str, ...], what: str, where: str) -> str:
    if value not in valid:
        raise LexiconError(f"{where}: {what} {value!r} is not one of {', '.join(valid)}")
    return value


@cache
def trigger_table() -> TriggerTable:
    """The trigger table, validated: every class, condition and polarity is a known one."""
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    classes = tuple(t.value for t in EventType)
    conditions = tuple(c.value for c in Condition)
    for n, line in _lines("triggers.tsv"):
        where = f"kg/{_DATA}/triggers.tsv:{n}"
        cols = line.split("\t")
        if len(cols) != 8:
            raise LexiconError(f"{where}: expected 8 tab-separated columns (lemma, pos, class, "
                               f"cameo, condition, polarity, subject, source), got {len(cols)}")
        lemma, pos, kind, cameo, cond, polarity, subject, source = (c.strip() for c in cols)
        _choice(pos, tuple(p.value for p in Pos), "part of speech", where)
        _choice(kind, classes, "event class", where)
        _choice(cond, conditions, "condition", where)
        _choice(polarity, ("positive", "negative"), "polarity", where)
        _choice(subject, ("agent", "recipient"), "subject role", where)
        if not _CAMEO_RE.match(cameo):
            raise LexiconError(f"{where}: CAMEO code {cameo!r} is not 2-4 digits")
        target = verbs if pos == Pos.VERB else nouns
        if lemma in target:
            raise LexiconError(f"{where}: {pos} {lemma!r} is listed twice")
        target[lemma] = Trigger(EventType(kind), cameo, Condition(cond), polarity == "negative",
                                subject == "recipient", lemma, source)
    if not verbs or not nouns:
        raise LexiconError(f"kg/{_DATA}/triggers.tsv: no verb or no noun triggers")
    return TriggerTable(verbs, nouns)
