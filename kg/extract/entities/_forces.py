"""State forces, named units and governments."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg import gazetteer
from kg.extract.entities._common import FORCE, ORDINAL, Ent, is_country_word
from kg.gazetteer import (
    CIVILIAN_WORDS,
    FORCE_MODIFIERS,
    FORCE_NOUNS,
    GOVERNMENT_ADJECTIVES,
    GOVERNMENT_NOUNS,
    MILITARY_WORDS,
    STATE_BODY_NOUNS,
    UNIT_WORDS,
    WEAK_UNIT_WORDS,
)
from kg.lexicon import words

#: "a Colombian military airstrike", "a Ugandan military helicopter".
ARMED_ACTS = words("armed_act_nouns") | words("weapon_nouns") | words("vehicle_nouns")
#: "the Ghanaian information ministry", "the Egyptian cabinet".
STATE_BODY_HEADS = words("state_body_heads")


def force_end(doc: Doc, j: int) -> int | None:
    """End of a force phrase starting at token ``j`` ("armed forces", "army units")."""
    last = None
    k = j
    while k < len(doc) and k - j < 4:
        low = doc[k].lower_
        if low in FORCE_NOUNS and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
            last = k
        elif low not in FORCE_MODIFIERS:
            break
        k += 1
    if last is None:
        return None
    tok = doc[last]
    # "Russian military resources": the force word only modifies another noun; not "a
    # Colombian military airstrike" (the force's act) or "the Israeli military claims"
    # (a verb the model read as a noun)
    if tok.head.i > last and (tok.dep_ in ("amod", "compound", "nmod") or (
            tok.pos_ == "ADJ" and tok.dep_ != "ROOT")) and not _acts(tok.head):
        return None
    return last + 1


def _acts(noun: Token) -> bool:
    """The noun a force word modifies is the force's act or arms ("airstrike",
    "helicopter"), or a present-tense verb read as a plural noun ("claims", "says")."""
    lemma = noun.lemma_.lower()
    return lemma in ARMED_ACTS or noun.lower_ in ARMED_ACTS or (
        noun.dep_ == "ROOT" and noun.tag_ == "NNS" and noun.i + 1 < len(noun.doc)
        and noun.doc[noun.i + 1].pos_ in ("PRON", "SCONJ", "PART", "DET", "ADP"))


def forces(doc: Doc, ents: list[Ent]) -> list[Ent]:
    out: list[Ent] = []
    for start, end, label in ents:
        if label not in ("NORP", "GPE"):
            continue
        span = doc[start:end]
        text = span.text
        j = end
        if doc[end - 1].lower_ in ("'s", "’s"):
            text = doc[start:end - 1].text
        elif j < len(doc) and doc[j].lower_ in ("'s", "’s"):
            j += 1
        # a state ("Russian troops") or, for NORP, a people ("Kurdish forces")
        if not (is_country_word(text) or (label == "NORP" and j == end)):
            continue
        stop = force_end(doc, j)
        if stop is not None:
            out.append((start, stop, FORCE))
    # Named units: "82nd Airborne Division", "101st Airborne".
    for i, tok in enumerate(doc):
        if ORDINAL.match(tok.text):
            k = i + 1
            while k < len(doc) and k - i <= 4 and doc[k].is_title:
                if doc[k].lower_ in UNIT_WORDS | WEAK_UNIT_WORDS:
                    out.append((i, k + 1, FORCE))
                    break
                k += 1
    return out


def governments(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "the Iraqi government", "the Syrian regime", "Assad's brutal regime": a state (or a
    leader of the actor table who belongs to one) followed by a government noun is one
    ``ORG`` span, the state's government; "the Syrian opposition" is one ``ORG`` too."""
    out: list[Ent] = []
    for start, end, label in ents:
        text = doc[start:end].text
        if label in ("NORP", "GPE"):
            if not is_country_word(text.removesuffix("'s").removesuffix("’s")):
                continue
        elif label == "PERSON":
            known = gazetteer.actor_by_name(text)
            if known is None or known.type != "Person" or known.part_of is None:
                continue
        else:
            continue
        k = end
        if k < len(doc) and doc[k].lower_ in ("'s", "’s"):
            k += 1
        while k < len(doc) and k - end < 3 and doc[k].lower_ in GOVERNMENT_ADJECTIVES:
            k += 1
        if k >= len(doc) or doc[k].pos_ != "NOUN" or not (
                doc[k].lower_ in GOVERNMENT_NOUNS
                or (doc[k].lower_ in STATE_BODY_NOUNS and label != "PERSON")):
            # "the Ghanaian information ministry", "the Egyptian cabinet": a state's body
            body = _state_body_end(doc, k) if label != "PERSON" else None
            if body is not None:
                out.append((start, body, "ORG"))
            continue
        # "Syrian government forces": the noun only modifies another one
        if doc[k].dep_ in ("compound", "amod", "nmod") and doc[k].head.i > k:
            continue
        out.append((start, k + 1, "ORG"))
    return out + _body_of_state(doc, ents)


def _body_of_state(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "the government of Yemen", "the ministry of internal affairs of Belarus": a
    lower-case government noun or state body, "of" and a state make one ``ORG`` span."""
    out: list[Ent] = []
    for start, end, label in ents:
        if label != "GPE" or start < 3 or doc[start - 1].lower_ != "of" or not (
                is_country_word(doc[start:end].text)):
            continue
        for j in range(start - 2, max(start - 7, 0), -1):
            tok = doc[j]
            if not tok.is_lower or tok.pos_ not in ("NOUN", "ADJ", "ADP", "CCONJ"):
                break
            if tok.lower_ in GOVERNMENT_NOUNS | STATE_BODY_HEADS and tok.pos_ == "NOUN" and (
                    doc[j - 1].lower_ == "the"):
                out.append((j, end, "ORG"))
                break
    return out


def _state_body_end(doc: Doc, k: int) -> int | None:
    """End of "information ministry", "civil defense office", "cabinet" at token ``k``: up
    to two lower-case words, then a body noun heading the phrase."""
    for j in range(k, min(k + 3, len(doc))):
        tok = doc[j]
        if tok.lower_ in STATE_BODY_HEADS and tok.is_lower and tok.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > j:
                return None  # "the Egyptian cabinet meeting"
            return j + 1
        if not (tok.is_lower and tok.pos_ in ("NOUN", "ADJ", "PROPN")):
            return None
    return None


def org_label(words: list[str]) -> str:
    """ORG spans that name a military body ("the Israel Defense Forces") are FORCE."""
    if len(words) < 2 or "ministry" in words or any(w in CIVILIAN_WORDS for w in words):
        return "ORG"
    if words[-1] in UNIT_WORDS or (
            words[-1] in WEAK_UNIT_WORDS and any(w in MILITARY_WORDS for w in words)):
        return FORCE
    return "ORG"
