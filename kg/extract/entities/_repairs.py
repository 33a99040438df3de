"""Repairs of the model's name spans before they are relabelled: words that are not part of
a name, names that name no actor, peoples, and spans that hold two names or half of one."""

from __future__ import annotations

from spacy.tokens import Doc

from kg import gazetteer
from kg.extract.entities._common import BODY_HEADS, NAME_LABELS, Ent, is_country_word
from kg.gazetteer import REGION_WORDS, TITLE_WORDS
from kg.lexicon import table, words

#: "Several IRGC Navy gunboats", "Two Palestinians": counting words before a name.
QUANTIFIERS = words("quantifier_words") | frozenset(table("number_words"))
#: "the Russia–Ukraine war": marks between two sides' names.
DASHES = frozenset({"-", "–", "—"})
#: "Bahrain Grand Prix", "European Championships", "Sacred Defence Week".
EVENT_HEADS = words("event_name_heads")
#: "the South American group Mercosur", "news agency Fars", "Iranian airline Mahan Air",
#: "the nuclear operator Energoatom".
INSTITUTION_NOUNS = words("institution_nouns") | words("descriptor_nouns")


def strip_quantifiers(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Several Islamic Revolutionary Guard Corps Navy": counting words before a name are
    not part of it."""
    out: list[Ent] = []
    for start, end, label in ents:
        if label in NAME_LABELS:
            # cardinals only: "Fifth Fleet" keeps its ordinal
            while end - start >= 2 and (doc[start].lower_ in QUANTIFIERS
                                        or doc[start].pos_ == "NUM"
                                        or doc[start].text.isdigit()):
                start += 1
        out.append((start, end, label))
    return out


def drop_events(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "the Bahrain Grand Prix", "the European Championships": a sporting or cultural
    event, an occasion or a prize names no actor and no place. An event the model names by
    its sides and a common noun names them ("the Iran war", "the Russia–Ukraine war")."""
    out: list[Ent] = []
    for start, end, label in ents:
        last = doc[end - 1]
        sides = _sides(doc, start, end) if label == "EVENT" and last.is_lower else []
        if sides:
            out.extend(sides)
            continue
        if (label in NAME_LABELS and end - start >= 2 and last.lower_ in EVENT_HEADS
                and last.text[:1].isupper()
                and gazetteer.actor_by_name(doc[start:end].text) is None):
            if gazetteer.actor_by_name(doc[start:end - 1].text) is not None:
                out.append((start, end - 1, "ORG"))  # "the ASEAN Summit": ASEAN meets
            continue
        out.append((start, end, label))
    return out


def _sides(doc: Doc, start: int, end: int) -> list[Ent]:
    """The states and known bodies whose names open the span, each apart, up to its first
    lower-case word ("the Iran war" → Iran; "the Russia–Ukraine war" → Russia, Ukraine);
    every piece must be a name ("the Russo-Ukrainian war" stays whole)."""
    out: list[Ent] = []
    piece = start + (doc[start].lower_ == "the")
    for j in range(piece, end):
        if doc[j].text[:1].isupper():
            continue
        text = doc[piece:j].text
        if j > piece and gazetteer.country_by_name(text) is not None:
            out.append((piece, j, "GPE"))
        elif j > piece and gazetteer.actor_by_name(text) is not None:
            out.append((piece, j, "ORG"))
        if doc[j].text not in DASHES:
            break
        piece = j + 1
    return out


def _counted(doc: Doc, start: int) -> bool:
    """ "44 Palestinians", "Two Palestinians", "several Syrians" (not "thousands of
    Syrians fled": a people acting, which kg codes as its state)."""
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and (prev.pos_ == "NUM" or prev.lower_ in QUANTIFIERS
                                 or prev.dep_ == "nummod")


def peoples(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A plural demonym counted ("44 Palestinians are killed", "Two Palestinians") names
    people, not their state: no entity (GUIDELINES: peoples are not entities). A demonym
    the model read as a body or a person ("Nicaraguans") is a demonym."""
    out: list[Ent] = []
    for start, end, label in ents:
        text = doc[start:end].text
        if label in ("NORP", "ORG", "PERSON", "GPE") and end - start <= 2 and (
                gazetteer.country_by_demonym(text) is not None
                and gazetteer.country_by_name(text) is None):
            if text.lower().endswith("s") and _counted(doc, start):
                continue
            label = "NORP"
        out.append((start, end, label))
    return out


def norp_bodies(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Saudi Aramco" read as a nationality: a demonym followed by a proper noun that is
    not a demonym itself is the name of a body."""
    out: list[Ent] = []
    for start, end, label in ents:
        if label == "NORP" and end - start >= 2 and doc[end - 1].pos_ == "PROPN" and (
                is_country_word(doc[start].text)
                and not is_country_word(doc[start:end].text)
                and not is_country_word(doc[end - 1].text)
                and doc[end - 1].text[:1].isupper()
                # "a Greek Orthodox church": not a name that only modifies a noun
                and not (doc[end - 1].dep_ in ("amod", "compound")
                         and doc[end - 1].head.i >= end)):
            label = "ORG"
        out.append((start, end, label))
    return out


def named_after_institution(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "the South American group Mercosur", "news agency Fars", "the airline Mahan Air":
    a name right after the institution noun that describes it names that body."""
    out: list[Ent] = []
    for start, end, label in ents:
        if (label in ("GPE", "LOC", "PERSON", "NORP", "FAC") and _describes(doc, start, end)
                and not is_country_word(doc[start:end].text)
                and gazetteer.country_by_metonym(doc[start:end].text) is None):
            label = "ORG"
        out.append((start, end, label))
    return out


def _describes(doc: Doc, start: int, end: int) -> bool:
    """A lower-case institution noun right before the name, in one phrase with it."""
    prev = doc[start - 1] if start > 0 else None
    return (prev is not None and prev.lower_ in INSTITUTION_NOUNS and prev.is_lower
            and prev.pos_ in ("NOUN", "PROPN") and (prev.head.i in range(start, end)
                                                    or doc[end - 1].head.i == prev.i))


def described_bodies(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "The human rights organization Emergency Lawyers reports", "low-cost airline
    Pegasus announces": capitalised words the model left untagged after an institution
    noun name a body (to be merged where no span is)."""
    taken = {i for s, e, _ in ents for i in range(s, e)}
    out: list[Ent] = []
    for i in range(1, len(doc)):
        end = i
        while end < len(doc) and end - i < 4 and end not in taken and (
                doc[end].pos_ == "PROPN" and (doc[end].is_title or doc[end].is_upper)
                and doc[end].lower_ not in TITLE_WORDS):
            end += 1
        if end > i and (end == len(doc) or not doc[end].is_title) and _describes(
                doc, i, end) and not is_country_word(doc[i:end].text) and (
                gazetteer.place_by_name(doc[i:end].text) is None):
            out.append((i, end, "ORG"))
    return out


def _place_or_state(text: str) -> bool:
    """A state, a city or a region of the tables, also with its region word ("Tillabéri
    Region")."""
    parts = text.split()
    if len(parts) >= 2 and parts[-1].lower() in REGION_WORDS:
        text = " ".join(parts[:-1])
    return bool(is_country_word(text) or gazetteer.city_by_name(text)
                or gazetteer.place_by_name(text))


def split_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """One span holding two places: "Skopje and Strumica", "Crete and Cyprus", "Tomsk in
    Siberia", "Kharkiv, Kharkiv Oblast" become two; "Jammu" "and" "Kashmir" become one
    when the whole names a known region."""
    out: list[Ent] = []
    for start, end, label in ents:
        span = doc[start:end]
        whole = span.text
        cut = next((k for k in range(start + 1, end - 1)
                    if doc[k].lower_ in ("and", "in", ",")), None)
        if (label in ("GPE", "LOC", "ORG", "FAC") and cut is not None
                and gazetteer.place_by_name(whole) is None
                and gazetteer.actor_by_name(whole) is None and not is_country_word(whole)):
            left, right = doc[start:cut].text, doc[cut + 1:end].text
            if (_place_or_state(right) and (_place_or_state(left) or doc[cut].lower_ in (
                    "in", ",")) and doc[start].is_title and doc[cut + 1].is_title):
                # "Brown University in Providence": the body stays a body; "Takoubatt,
                # Tillabéri Region": an address of places
                first = "GPE" if _place_or_state(left) or (
                    doc[cut].text == "," and not any(
                        t.lower_ in BODY_HEADS for t in doc[start:cut])) else label
                out += [(start, cut, first), (cut + 1, end, "GPE")]
                continue
        if (out and label in ("GPE", "LOC") and out[-1][2] in ("GPE", "LOC")
                and out[-1][1] + 1 == start and doc[start - 1].lower_ == "and"
                and gazetteer.place_by_name(doc[out[-1][0]:end].text) is not None):
            out[-1] = (out[-1][0], end, "GPE")
            continue
        out.append((start, end, label))
    return out
