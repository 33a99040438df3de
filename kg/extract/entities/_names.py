"""Name spans: dropped, cut, split, joined and relabelled."""

from __future__ import annotations

from spacy.tokens import Doc

from kg import gazetteer
from kg.extract.entities._common import (
    ACTOR_LABELS,
    BODY_HEADS,
    GEO_FEATURES,
    LATIN,
    LOCATIVE,
    MISREAD_AS_THING,
    NAME_LABELS,
    PLACE_PREPOSITIONS,
    Ent,
    is_city,
    is_country_word,
)
from kg.extract.entities._forces import org_label
from kg.extract.entities._places import (
    in_address,
    in_place_context,
    known_place,
    listed_places,
    place_headed,
    place_like_org,
    place_slot,
    surely_place,
)
from kg.gazetteer import DEPARTMENT_WORDS, NOT_NAMES, TITLE_WORDS


def clean(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Drop name spans that name nothing; cut a name at an unclosed parenthesis."""
    out: list[Ent] = []
    for start, end, label in ents:
        if label in NAME_LABELS:
            for k in range(start + 1, end):
                if doc[k].text == "(" and ")" not in doc[k:end].text:
                    end = k
                    break
            # "Later the Defense Ministry": a sentence adverb is not part of the name.
            while end - start >= 2 and doc[start].pos_ in ("ADV", "CCONJ", "INTJ"):
                start += 1
            # "Near Palmyra," at a sentence start: the preposition is not part of the
            # name, and what the model read as a person or body there is a place
            if end - start >= 2 and doc[start].lower_ in LOCATIVE and (
                    doc[start].pos_ == "ADP" or doc[start].is_sent_start):
                start += 1
                if label in ("PERSON", "ORG", "NORP") and gazetteer.actor_by_name(
                        doc[start:end].text) is None:
                    label = "GPE"
            text = doc[start:end].text
            if (not LATIN.search(text) or text.islower() or "[" in text or "]" in text
                    or gazetteer.normalize(text) in NOT_NAMES
                    # "QUESTION:" in a transcript
                    or (label == "PERSON" and end - start == 1 and text.isupper()
                        and len(text) > 3 and gazetteer.actor_by_name(text) is None)):
                continue
        out.append((start, end, label))
    return out


def relabel(doc: Doc, ents: list[Ent], person_surnames: set[str]) -> list[Ent]:
    person_at: dict[str, set[int]] = {}
    for s, e, lab in ents:
        if lab == "PERSON" and e - s >= 2:
            person_at.setdefault(gazetteer.normalize(doc[s:e].text), set()).add(s)
    persons = set(person_at)
    listed = listed_places(doc, ents)
    # "Gupta" alone elsewhere: "Arnav Gupta" is a person, whatever list it stands in
    called: dict[str, set[int]] = {}
    for s, e, lab in ents:
        if lab == "PERSON" and e - s == 1:
            called.setdefault(gazetteer.normalize(doc[s].text), set()).add(s)
    out: list[Ent] = []
    for start, end, label in ents:
        span = doc[start:end]
        text = span.text
        name = gazetteer.normalize(text)
        known = gazetteer.actor_by_name(text)
        # a person's name elsewhere in the article, not just this span
        elsewhere = bool(person_at.get(name, set()) - {start})
        if label != "PERSON" and label in NAME_LABELS and (
            (end - start >= 2 and name in persons)  # "Alexei Navalny" tagged ORG once
            or (known is not None and known.type == "Person")  # "the Asad regime"
            or (end - start == 1 and name in person_surnames and not (
                is_country_word(text) or gazetteer.country_by_metonym(text) or known))
        ):
            out.append((start, end, "PERSON"))
            continue
        # "Turkish Cypriots", "Bosnian Serbs": a people named by demonyms, no person or body
        if label in ("PERSON", "ORG") and end - start >= 2 and known is None and \
                doc[end - 1].text.endswith("s") and all(
                    gazetteer.country_by_demonym(t.text) for t in span):
            out.append((start, end, "NORP"))
            continue
        # "the Strait of Hormuz" read as "Hormuz" PERSON: one LOC with its feature word.
        if (label in ("PERSON", "ORG", "GPE") and start >= 2 and doc[start - 1].lower_ == "of"
                and doc[start - 2].lower_ in GEO_FEATURES and doc[start - 2].is_title
                and (not out or out[-1][1] <= start - 2)):
            out.append((start - 2, end, "LOC"))
            continue
        # "Central Command", "the Maintenance Group" read as a person: a body's head noun
        if label == "PERSON" and doc[end - 1].lower_ in BODY_HEADS and doc[end - 1].is_title:
            out.extend(org_spans(doc, start, end))
            continue
        glued = glued_person(doc, start, end) if label in ("ORG", "LOC", "GPE") else None
        if glued is not None:
            out.extend(glued)
            continue
        # "in Khan Yunis and Rafah", "Vladimir Oblast", "leaves Portsmouth": a city or region
        # of the tables read as a person or a body
        if label in ("PERSON", "ORG", "NORP") and known is None and not elsewhere and (
                name not in person_surnames) and (
                place_headed(doc, start, end) or in_address(doc, start, end)
                or (end - 1 in listed and not is_country_word(text) and not (
                    label == "PERSON"
                    and called.get(gazetteer.normalize(doc[end - 1].text), set()) - {start}))
                or (end - start >= 2 and known_place(text))
                or (place_slot(doc, start, end) and known_place(text, small=True))):
            out.append((start, end, "GPE"))
            continue
        if label == "ORG" and known is None and place_like_org(doc, start, end) and (
                surely_place(doc, start, end) or in_place_context(doc, start, end,
                                                                   strong=True)
        ) and not elsewhere:  # "the town of Dabiq", "ISIL-held Mosul"
            out.append((start, end, "GPE"))
            continue
        if label == "ORG":
            out.extend(org_spans(doc, start, end))
            continue
        if (label in MISREAD_AS_THING and gazetteer.city_by_name(text)) or (
                label == "NORP" and is_city(text)):  # "Aleppo" as NORP
            out.append((start, end, "GPE"))
            continue
        # a multi-word person's name only right after a preposition ("a bridge in Bandar
        # Khamir"), never by coordination alone
        free = name not in persons or (not elsewhere and after_preposition(doc, start, end))
        if label in ("ORG", "NORP", "PERSON") and known is None and (
                surely_place(doc, start, end) or (in_place_context(doc, start, end)
                                                   and name not in person_surnames
                                                   and free)):
            out.append((start, end, "GPE"))
            continue
        out.append((start, end, label))
    return out


def after_preposition(doc: Doc, start: int, end: int) -> bool:
    """ "a bridge in Bandar Khamir": right after a preposition of place (a multi-word name
    read as a person is a place there; "in X and Y" is not enough, nor "in X's role")."""
    return start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS and not any(
        t.lower_ in ("'s", "’s") for t in doc[end - 1:end + 1])


def join_of(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "The Ministry of Foreign Affairs of" + "Ukraine": one ORG."""
    out: list[Ent] = []
    for ent in ents:
        if out and out[-1][2] == "ORG" and ent[2] == "GPE" and out[-1][1] == ent[0] and (
                doc[ent[0] - 1].lower_ == "of"):
            out[-1] = (out[-1][0], ent[1], "ORG")
        else:
            out.append(ent)
    return out


def _name_tail(doc: Doc, cut: int, end: int) -> bool:
    """ "Scott Bessent", "Man-kei Tam": capitalised proper nouns, hyphenated parts too,
    at most three words, no body word at the end."""
    words = 0
    for t in doc[cut:end]:
        if t.text == "-" or (t.is_lower and t.i > cut and doc[t.i - 1].text == "-"
                             and not doc[t.i - 1].whitespace_):
            continue
        if not (t.pos_ == "PROPN" and t.is_title):
            return False
        words += 1
    return end - cut >= 2 and words <= 3 and doc[end - 1].lower_ not in BODY_HEADS


def glued_person(doc: Doc, start: int, end: int) -> list[Ent] | None:
    """ "the Middle East Tobias Ellwood", "Secretary of the Treasury Scott Bessent", "envoy
    to Sudan Mohamed Belaiche" as one span: a known name, then a person's name."""
    if end - start < 3 or start < 2:
        return None
    before = doc[start - 1]
    if not (before.lower_ in TITLE_WORDS or (
            before.lower_ in ("for", "of", "to") and doc[start - 2].lower_ in TITLE_WORDS)):
        return None
    for cut in range(end - 2, start, -1):
        if not _name_tail(doc, cut, end):
            continue
        head = doc[start:cut].text
        actor = gazetteer.actor_by_name(head)
        if actor is not None:
            return [(start, cut, ACTOR_LABELS[actor.type]), (cut, end, "PERSON")]
        if is_country_word(head):
            return [(start, cut, "GPE"), (cut, end, "PERSON")]
        words = [t.lower_ for t in doc[start:cut] if t.lower_ != "the"]
        if words and all(w in DEPARTMENT_WORDS for w in words):
            return [(cut, end, "PERSON")]  # "the Treasury" is part of the title
    return None


def org_spans(doc: Doc, start: int, end: int) -> list[Ent]:
    span = doc[start:end]
    words = [t.lower_ for t in span if t.lower_ != "the"]
    nxt = doc[end] if end < len(doc) else None
    prev = doc[start - 1] if start > 0 else None
    # "U.S. Defense Secretary": "Defense" is part of a title, not a body.
    if words and all(w in DEPARTMENT_WORDS for w in words) and (
        (nxt is not None and nxt.lower_ in TITLE_WORDS)
        or (prev is not None and prev.lower_ == "of" and start > 1
            and doc[start - 2].lower_ in TITLE_WORDS)
    ):
        return []
    # "Ukrainian U.N." → NORP "Ukrainian" + ORG "U.N.".
    if end - start >= 2 and gazetteer.actor_by_name(span.text) is None:
        for cut in range(start + 1, min(end, start + 3)):
            head = doc[start:cut].text
            if is_country_word(head) and gazetteer.actor_by_name(doc[cut:end].text):
                lab = "NORP" if gazetteer.country_by_demonym(head) else "GPE"
                return [(start, cut, lab), (cut, end, "ORG")]
    # "in Belgorod" tagged ORG: a known city after a locative preposition.
    if end - start == 1 and prev is not None and prev.lower_ in LOCATIVE and is_city(
            span.text):
        return [(start, end, "GPE")]
    return [(start, end, org_label(words))]
