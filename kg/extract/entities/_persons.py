"""Persons the model missed or read as bodies, places or works."""

from __future__ import annotations

from spacy.tokens import Doc

from kg import gazetteer
from kg.extract.entities._common import BODY_HEADS, NAME_LABELS, Ent, is_country_word
from kg.gazetteer import SPEECH_VERBS, TITLE_WORDS
from kg.lexicon import words

#: "journalist Frenchie Mae Cumpio", "Chilean architect Smiljan Radić".
OCCUPATIONS = words("occupation_nouns")
#: A law or document may "state" or "say" too ("Republic Act No. 3846 states").
DOCUMENT_WORDS = words("legislation_nouns") | words("one_sided_documents")
#: Labels a person's name is misread as.
_MISREAD = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT",
                      "LAW"})


def _name_like(doc: Doc, start: int, end: int) -> bool:
    """Two to four capitalised words, none a body's head word, naming no known body,
    state or place: the shape of a person's name."""
    span = doc[start:end]
    text = span.text
    return (2 <= end - start <= 4 and all(t.text[:1].isupper() or t.text in ("-", "'")
                                          or t.lower_ in ("bin", "al", "de", "van", "von")
                                          for t in span)
            and not any(t.lower_ in BODY_HEADS | TITLE_WORDS or t.text.isupper() or t.like_num
                        or t.lower_.removesuffix("s") in BODY_HEADS  # "al-Ghuraba Brigades"
                        or is_country_word(t.text) for t in span)
            and gazetteer.actor_by_name(text) is None and not is_country_word(text)
            and gazetteer.place_by_name(text) is None and gazetteer.city_by_name(text) is None)


def _after_title(doc: Doc, start: int) -> bool:
    """ "spokesperson, Morgan Ortagus", "Presidents Muhammadu Buhari", "counterparts,
    Nikos Dendias": right after a title word (and a comma)."""
    i = start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and (doc[i].lower_ in TITLE_WORDS or doc[i].lower_.rstrip("s") in TITLE_WORDS
                       or doc[i].lower_ == "counterparts"
                       or (doc[i].lower_ in OCCUPATIONS and doc[i].is_lower))


def _with_persons(doc: Doc, start: int, end: int, persons: set[int]) -> bool:
    """In a list or coordination with persons: "Nikos Dendias, Nikos Christodoulides and
    Jean-Yves Le Drian"."""
    for tok in doc[start:end]:
        if tok.dep_ == "conj" and tok.head.i in persons:
            return True
        if any(c.dep_ == "conj" and c.i in persons for c in tok.children):
            return True
    before = start - 2 if start >= 2 and doc[start - 1].text in (",", "and") else None
    after = end + 1 if end + 1 < len(doc) and doc[end].text in (",", "and") else None
    return (before is not None and before in persons) and (after is not None and after in persons)


def persons(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the model read as bodies or works that are persons: a person in office of
    the tables ("Nicolás Maduro" as a work of art), a name after a title or in a list of
    persons ("spokesperson, Morgan Ortagus", "Nikos Dendias, Nikos Christodoulides and
    ..."), a name opening with a common given name ("Johannes Liebmann"); "President
    Patrice Talon of Benin" read as one body is the person and the state."""
    person_tokens = {i for s, e, lab in ents if lab == "PERSON" for i in range(s, e)}
    person_names = {gazetteer.normalize(doc[s:e].text) for s, e, lab in ents
                    if lab == "PERSON" and e - s >= 2}
    out: list[Ent] = []
    for start, end, label in ents:
        text = doc[start:end].text
        if label in _MISREAD and end - start >= 2 and gazetteer.known_person(text) is not None:
            out.append((start, end, "PERSON"))
            continue
        if label == "ORG":
            # "Patrice Talon of Benin" after a title: the person, then the state
            cut = next((k for k in range(start + 2, end - 1) if doc[k].lower_ == "of"), None)
            if (cut is not None and is_country_word(doc[cut + 1:end].text)
                    and _name_like(doc, start, cut) and (
                        _after_title(doc, start) or gazetteer.given_name(doc[start].text)
                        or _with_persons(doc, start, cut, person_tokens))):
                out += [(start, cut, "PERSON"), (cut + 1, end, "GPE")]
                continue
            glued = _glued(doc, start, end, person_names)
            if glued is not None:
                out += glued
                continue
            if _name_like(doc, start, end) and (
                    _after_title(doc, start) or _with_persons(doc, start, end, person_tokens)
                    or gazetteer.given_name(doc[start].text)):
                out.append((start, end, "PERSON"))
                continue
        out.append((start, end, label))
    return out


def _glued(doc: Doc, start: int, end: int, person_names: set[str]) -> list[Ent] | None:
    """ "told NPR Hamza bin Laden had...": a known body's name glued to a person's; "Senator
    from Vermont Bernie Sanders": a place's name glued to the name after a title."""
    titled = start >= 2 and doc[start - 1].lower_ == "from" and (
        doc[start - 2].lower_ in TITLE_WORDS)
    for cut in range(start + 1, min(end - 1, start + 3)):
        head = doc[start:cut].text
        actor = gazetteer.actor_by_name(head)
        rest = doc[cut:end].text
        if titled and gazetteer.place_by_name(head) is not None and _name_like(doc, cut, end):
            return [(start, cut, "GPE"), (cut, end, "PERSON")]
        if ((head.isupper() and len(head) >= 3)  # not "FS Charles de Gaulle" (a ship)
                or (actor is not None and actor.type == "Organization")) and (
                _name_like(doc, cut, end)) and (
                gazetteer.normalize(rest) in person_names
                or gazetteer.known_person(rest) is not None
                or gazetteer.given_name(doc[cut].text)):
            return [(start, cut, "ORG"), (cut, end, "PERSON")]
    return None


def missed_persons(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Full names of people in office of the tables, or with a person's shape right after a
    title, where the model tagged nothing ("Presidents Muhammadu Buhari of Nigeria");
    each word capitalised."""
    taken = {i for s, e, lab in ents if lab in NAME_LABELS for i in range(s, e)}
    out: list[Ent] = []
    i = 0
    while i < len(doc):
        if not doc[i].is_title or i in taken:
            i += 1
            continue
        for n in (4, 3, 2):
            j = i + n
            if j <= len(doc) and not any(k in taken for k in range(i, j)) and all(
                    t.text[:1].isupper() or t.text == "-" for t in doc[i:j]) and (
                    gazetteer.known_person(doc[i:j].text) is not None
                    or _titled_name(doc, i, j)):
                out.append((i, j, "PERSON"))
                i = j
                break
        else:
            i += 1
    return out


def _titled_name(doc: Doc, start: int, end: int) -> bool:
    """A whole run of proper nouns with a person's shape right after a title ("Presidents
    Félix Tshisekedi of the Democratic Republic of the Congo and ...")."""
    return _after_title(doc, start) and _name_like(doc, start, end) and all(
        t.tag_ == "NNP" for t in doc[start:end]) and not (
        end < len(doc) and doc[end].tag_ == "NNP")


def speakers(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A run of capitalised proper nouns the model tagged nothing in that is the subject
    of a verb of speech names an actor ("Nakilat confirms that ...", "Katya said"): a
    person when it has a person's shape and opens with a given name or follows a title,
    else a body. Sentence-initial common words are no name (their tag is not NNP)."""
    # a product or work label is no name: "Danish shipping firm Maersk/PRODUCT says"
    taken = {i for s, e, lab in ents if lab in NAME_LABELS for i in range(s, e)}
    out: list[Ent] = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in SPEECH_VERBS or \
                tok.head.pos_ not in ("VERB", "AUX") or tok.tag_ != "NNP" or tok.i in taken:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].tag_ == "NNP" and doc[start - 1].head.i == tok.i \
                and start - 1 not in taken:
            start -= 1
        span = doc[start:tok.i + 1]
        # only an apposition set off by commas, an auxiliary or an adverb between the
        # name and its verb: not "Imus in the Morning writer ... Rob Bartlett tweeted"
        appos = {t.i for c in tok.children if c.dep_ == "appos" for t in c.subtree}
        between = doc[tok.i + 1:tok.head.i]
        if (start > 0 and doc[start - 1].text in ("-", "–", "—", "/")
                and not doc[start - 1].whitespace_) or tok.head.i < tok.i or any(
                t.i not in appos and t.text != "," and (
                    t.head.i != tok.head.i or t.dep_ not in ("aux", "advmod", "neg"))
                for t in between):
            continue  # "Movement–North"
        if not all(t.text[:1].isupper() and t.is_alpha for t in span) or \
                any(t.lower_ in TITLE_WORDS | BODY_HEADS | DOCUMENT_WORDS for t in span) or \
                is_country_word(span.text):
            continue
        person = (_name_like(doc, start, tok.i + 1) or len(span) == 1) and (
            gazetteer.given_name(doc[start].text) or _after_title(doc, start))
        out.append((start, tok.i + 1, "PERSON" if person else "ORG"))
    return out
