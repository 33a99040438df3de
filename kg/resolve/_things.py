"""Countries, organisations, forces and places: the non-person mentions."""

from __future__ import annotations

from collections.abc import Sequence

from kg import gazetteer
from kg.gazetteer import (
    FORCE_MODIFIERS,
    FORCE_NOUNS,
    GOVERNMENT_ADJECTIVES,
    GOVERNMENT_NOUNS,
    REGION_WORDS,
    SHARED_BODY_NAMES,
    STATE_BODY_NOUNS,
    normalize,
    slugify,
    wordset,
)
from kg.lexicon import table, words
from kg.model import EntityType, Mention, Parse, Span, Token
from kg.resolve._drafts import (
    APOSTROPHES,
    Draft,
    actor_draft,
    country_after_of,
    country_at,
    country_before,
    country_draft,
    country_prefix,
    place_draft,
    state_force_draft,
    surface,
)
from kg.resolve._places import States
from kg.resolve._units import branch_draft, division_draft

_LOCATIVE = wordset(
    "in at near into inside outside around toward towards across via through"
)
#: "to"/"from" a capital is the city after a verb of motion ("flew to Moscow"), else the
#: state ("appealed to Moscow", "arms from Tehran").
_DIRECTIONAL = wordset("to from")
_MOTION = words("travel_words")
#: "the Kabul government", "the government of Moscow": the seat stands for the state.
_GOVERNING = GOVERNMENT_NOUNS | STATE_BODY_NOUNS
#: "the capital, Riyadh".
_SETTLEMENTS = words("settlement_nouns")
#: Labels of names that can name a state inside them ("Citizens of the Ivory Coast").
_NAMING_LABELS = frozenset({"ORG", "LOC", "FAC"})


def _words(m: Mention, parse: Parse) -> list[str]:
    return [t.text for t in parse.tokens[m.start:m.end] if t.text.lower() != "the"]


def is_locative(m: Mention, parse: Parse) -> bool:
    """A city name used as a place ("in Moscow", dateline "WASHINGTON (AP)", "a Kabul car
    bombing", "the outskirts of Accra", "headed for Moscow", "from Quetta to Islamabad",
    "the capital, Riyadh")."""
    if m.text.isupper() and len(m.text) > 3:
        return True
    toks = parse.tokens
    head = toks[m.end - 1]
    governor = toks[head.head]
    # "a Kabul car bombing", not "the Kabul government"; "the capital, Riyadh"
    if head.dep in ("compound", "nmod") and head.head > head.i and governor.pos == "NOUN":
        return governor.lemma.lower() not in _GOVERNING
    if head.dep == "appos" and governor.lemma.lower() in _SETTLEMENTS:
        return True
    prep = toks[head.head] if head.dep == "pobj" else (
        toks[m.start - 1] if m.start > 0 else None)
    if prep is not None:
        word = prep.text.lower()
        verb = toks[prep.head]
        if word in _LOCATIVE:
            return True
        # "the outskirts of Accra", "the prosecutor general of Tehran"; not "the
        # government of Moscow"
        if word == "of" and prep.dep == "prep" and verb.pos in ("NOUN", "PROPN"):
            return verb.lemma.lower() not in _GOVERNING
        if word in _DIRECTIONAL | {"for"}:
            # "headed for Moscow", "en route from Quetta to Islamabad"
            return verb.lemma.lower() in _MOTION or any(
                t.head == prep.head and t.text.lower() == "from" and t.i != prep.i
                for t in toks[max(0, prep.i - 8):prep.i])
    nxt = parse.tokens[m.end] if m.end < len(parse.tokens) else None
    if nxt is None or nxt.text != "," or m.end + 1 >= len(parse.tokens):
        return False
    # "Washington, D.C.", "Cairo, Egypt", "Beijing, China, and Pyongyang": a city in an
    # address of places
    after = parse.tokens[m.end + 1]
    return after.text in ("D.C.", "DC") or _names_state(parse, m.end + 1)


def _names_state(parse: Parse, i: int) -> bool:
    """Whether the name starting at token ``i`` is a state ("Egypt", "North Korea")."""
    toks = parse.tokens
    if toks[i].ent_type not in ("GPE", "NORP") or toks[i].ent_iob != "B":
        return False
    j = i + 1
    while j < len(toks) and toks[j].ent_iob == "I":
        j += 1
    text = parse.text[toks[i].idx:toks[j - 1].idx + len(toks[j - 1].text)]
    return gazetteer.country_by_name(text) is not None


def classify(m: Mention, parse: Parse, states: States | None = None) -> Draft | None:
    """The entity a non-person mention names, or None when it names no entity;
    ``states`` those the article names (where its places are)."""
    name = surface(m.text)
    if not name:
        return None
    words = _words(m, parse)
    known = gazetteer.actor_by_name(name)
    if m.label == "FORCE":
        if known is not None:
            return actor_draft(known)
        branch = branch_draft(name, words)
        if branch is not None:  # "U.S. Navy" is not the state's forces as a whole
            return branch
        c, k = country_prefix(words)
        rest = [w for w in words[k:] if w not in ("'s", "’s")]
        if c is not None and all(w.lower() in FORCE_NOUNS | FORCE_MODIFIERS for w in rest):
            return state_force_draft(c)
        unit = " ".join(rest) if c is not None else name
        known = gazetteer.actor_by_name(unit)
        if known is not None:
            return actor_draft(known)
        if c is None:  # "the National Guard" after "Mexico's"
            c = _shared_state(unit, m, parse)
            if c is not None:
                return Draft(key=f"force/{c.iso3.lower()}-{slugify(unit)}", label=unit,
                             type=EntityType.MILITARY_FORCE, part_of=c.key)
        return Draft(key=f"force/{slugify(unit)}", type=EntityType.MILITARY_FORCE,
                      label=unit, part_of=c.key if c else None)
    if known is not None and known.part_of is not None:
        before = country_before(m, parse) or _shared_state(name, m, parse)
        if before is not None and before.key != known.part_of:
            known = None  # "Australian Senate" is not the U.S. Senate
    if known is not None and known.type != EntityType.PERSON.value:
        return actor_draft(known)
    if m.label == "NORP":
        c = gazetteer.country_by_demonym(name) or gazetteer.country_by_name(name)
        return country_draft(c) if c else None
    c = gazetteer.country_by_name(name)
    if c is None and m.label == "GPE":  # the model sometimes tags a demonym GPE
        c = gazetteer.country_by_demonym(name)
    if c is not None:
        return country_draft(c)
    if m.label in ("GPE", "ORG", "LOC"):
        c = gazetteer.country_by_metonym(name)
        if c is not None:
            if m.label != "ORG" and is_locative(m, parse):
                return place_draft(name, name, states.around(name) if states else frozenset())
            return country_draft(c)
    if m.label == "ORG":
        branch = branch_draft(name, words)
        if branch is not None:  # "the Turkish Air Force" read as a body
            return branch
        return _shared_body(_org_draft(name, words, m, parse), m, parse)
    if m.label in ("GPE", "LOC", "FAC"):
        division = division_draft(name, words, states.around(name) if states else frozenset())
        if division is not None:  # "Moscow Oblast" is not Moscow
            return division
        base = name
        last = words[-1].lower() if words else ""
        if last in REGION_WORDS and len(words) >= 2:
            # "Kursk region" is Kursk; "Western District" stays what it says.
            stem = surface(" ".join(words[:-1]))
            if gazetteer.city_by_name(stem) is not None:
                base = stem
        return place_draft(base, name, states.around(base) if states else frozenset())
    return None


def _state_earlier(m: Mention, parse: Parse) -> gazetteer.Country | None:
    """The only state named earlier in the mention's sentence ("Citizens of the Ivory
    Coast vote for the National Assembly"): by a state's name or demonym, or inside the
    name of a body ("Citizens of the Ivory Coast", "Senegal's" read as a body); None when
    none or several are."""
    found: set[str] = set()
    toks = parse.tokens
    i = m.start - 1
    while i >= 0 and toks[i].sent == toks[m.start].sent:
        if toks[i].ent_iob != "O" and toks[i].ent_type:
            j = i  # the name ends at token i; find where it opens
            while j > 0 and toks[j].ent_iob == "I" and toks[j - 1].ent_type == toks[i].ent_type:
                j -= 1
            c = _state_in_name(toks, j, i)
            if c is not None:
                found.add(c.iso3)
            i = j
        i -= 1
    return gazetteer.country(found.pop()) if len(found) == 1 else None


def _state_in_name(toks: Sequence[Token], j: int, i: int) -> gazetteer.Country | None:
    """The state the name of tokens ``j``..``i`` is or names: "Senegal", "Ivorian",
    "Senegal's", "Citizens of the Ivory Coast", "Senegalese Senate"."""
    if toks[i].ent_type in ("GPE", "NORP"):
        return country_at(toks, i)
    if toks[i].ent_type not in _NAMING_LABELS:
        return None
    words = [t.text for t in toks[j:i + 1] if t.text.lower() != "the"]
    name = surface(" ".join(words))
    c = gazetteer.country_by_name(name) or gazetteer.country_by_demonym(name)
    if c is None:
        c = country_prefix(words)[0] or country_after_of(words)[0]
    return c


def _shared_state(name: str, m: Mention, parse: Parse) -> gazetteer.Country | None:
    """Whose body a name many states give their own is (``kg/data/shared_body_names.txt``:
    "National Assembly", "Democratic Party"): the state named just before it, else the
    only state named earlier in its sentence."""
    if normalize(name) not in SHARED_BODY_NAMES:
        return None
    return country_before(m, parse) or _state_earlier(m, parse)


def _shared_body(d: Draft, m: Mention, parse: Parse) -> Draft:
    """ "the National Assembly" after "Senegal's" is Senegal's: a body whose name many
    states give their own and that names no state takes :func:`_shared_state`."""
    if d.part_of is not None:
        return d
    c = _shared_state(d.label, m, parse)
    if c is None:
        return d
    for form in (c.label, c.demonym, *c.aliases):  # the table's "U.S. Congress"
        known = gazetteer.actor_by_name(f"{form} {d.label}")
        if known is not None and known.part_of == c.key:
            return actor_draft(known)
    return Draft(key=f"organization/{c.iso3.lower()}-{slugify(d.label)}", type=d.type,
                 label=d.label, aliases=set(d.aliases), part_of=c.key)


_MINISTRY_FIELDS = table("ministry_fields")


def _ministry_field(words: Sequence[str]) -> str | None:
    """ "Defense Ministry", "Ministry of Foreign Affairs" → "Defense", "Foreign"."""
    low = [w.lower() for w in words]
    if len(low) >= 2 and low[-1] == "ministry":
        return _MINISTRY_FIELDS.get(" ".join(low[:-1]))
    if len(low) >= 3 and low[0] == "ministry" and low[1] in ("of", "for"):
        rest = [w for w in low[2:] if w != "the"]
        return _MINISTRY_FIELDS.get(" ".join(rest))
    return None


def _is_government(words: Sequence[str]) -> bool:
    """ "government", "federal government", "'s brutal regime"."""
    low = [w.lower() for w in words if w not in APOSTROPHES[:2]]
    return bool(low) and low[-1] in GOVERNMENT_NOUNS and all(
        w in GOVERNMENT_ADJECTIVES for w in low[:-1])


def _leader_state(words: Sequence[str]) -> tuple[gazetteer.Country | None, int]:
    """The state of a leader of the actor table named by the first words ("Asad regime")."""
    for k in (3, 2, 1):
        if len(words) > k and words[k - 1] not in APOSTROPHES[:2]:
            known = gazetteer.actor_by_name(" ".join(words[:k]))
            if known is not None and known.type == EntityType.PERSON.value and known.part_of:
                return gazetteer.country(known.part_of.removeprefix("country/")), k
    return None, 0


_THE_WORDS = words("the_name_words")
_THE_NAMES = words("the_names")


def _with_the(name: str) -> str:
    """ "United Kingdom" → "the United Kingdom", "Iraq" → "Iraq".

    >>> _with_the("United States"), _with_the("Czech Republic"), _with_the("Iraq")
    ('the United States', 'the Czech Republic', 'Iraq')
    """
    low = name.lower()
    if low.startswith("the ") or not (low in _THE_NAMES or _THE_WORDS & set(low.split())):
        return name
    return f"the {name}"


def _government_draft(c: gazetteer.Country, name: str) -> Draft:
    return Draft(key=f"organization/{c.iso3.lower()}-government",
                 type=EntityType.ORGANIZATION, label=f"Government of {_with_the(c.label)}",
                 aliases={f"{c.demonym} government", name}, part_of=c.key)


def publisher_draft(source: str) -> Draft | None:
    """The body an article's source names ("UK Government", "US State Department",
    "CENTCOM", "Reuters"): who "we" is in the article's own voice. None when the source
    names a person or nothing."""
    name = surface(source)
    words = name.split()
    if not words or not any(ch.isalpha() for ch in name):
        return None
    known = gazetteer.actor_by_name(name)
    if known is not None:
        return None if known.type == EntityType.PERSON.value else actor_draft(known)
    c = gazetteer.country_by_name(name)
    if c is not None:
        return country_draft(c)
    return _org_draft(name, words)  # as the same name in a text would be


def leader_in_government(m: Mention, parse: Parse) -> Mention | None:
    """The leader's name opening a government mention ("Asad" in "Asad regime"), as a
    PERSON mention of its own."""
    toks = [t for t in parse.tokens[m.start:m.end] if t.text.lower() != "the"]
    c, k = _leader_state([t.text for t in toks])
    if c is None:
        return None
    span = Span(toks[0].idx, toks[k - 1].idx + len(toks[k - 1].text))
    return Mention(span=span, text=parse.text[span.begin:span.end], label="PERSON",
                   start=toks[0].i, end=toks[k - 1].i + 1, sentence=m.sentence)


def _org_draft(name: str, words: list[str], m: Mention | None = None,
               parse: Parse | None = None) -> Draft:
    """An organisation named ``name`` (``words``); ``m`` in ``parse``, when given, lets a
    ministry take the state named just before it."""
    c, k = country_prefix(words)
    rest = words[k:] if c is not None else words
    if c is None:  # "Ministry of Foreign Affairs of Ukraine"
        c, cut = country_after_of(words)
        if c is not None:
            rest = words[:cut]
    if c is None:  # "the Asad regime"
        c, k = _leader_state(words)
        rest = words[k:] if c is not None else words
    if c is not None and _is_government(rest):
        # "the Government of Iraq", "the Iraqi Government", "the Syrian regime": one body
        return _government_draft(c, name)
    if c is not None:
        known = gazetteer.actor_by_name(surface(" ".join(rest)))
        if known is not None and known.type == EntityType.ORGANIZATION.value and (
            known.part_of in (None, c.key)
        ):
            return actor_draft(known)
    field = _ministry_field([w for w in rest if w not in APOSTROPHES[:2]])
    if field is not None:
        if c is None and m is not None and parse is not None:
            c = country_before(m, parse)
        if c is None:
            return Draft(key=f"organization/{slugify(field)}-ministry",
                          type=EntityType.ORGANIZATION, label=f"{field} Ministry")
        return Draft(key=f"organization/{c.iso3.lower()}-{slugify(field)}-ministry",
                      type=EntityType.ORGANIZATION, label=f"{c.demonym} {field} Ministry",
                      aliases={f"{c.label} {field} Ministry", f"{c.label}'s {field} Ministry"},
                      part_of=c.key)
    return Draft(key=f"organization/{slugify(name)}", type=EntityType.ORGANIZATION,
                  label=name, part_of=c.key if c else None)


def add_state_of_force(
    m: Mention, parse: Parse, drafts: dict[str, Draft], sentences_of: dict[str, set[int]]
) -> None:
    """ "North Korean troops" also mentions North Korea, and "the Government of Iraq" /
    "Iraqi Foreign Ministry" / "southern Lebanon" mention Iraq and Lebanon: the state's
    name or demonym in a force's, a body's or a region's name is evidence of the state
    too."""
    toks = [t for t in parse.tokens[m.start:m.end] if t.text.lower() != "the"]
    c, k = country_prefix([t.text for t in toks])
    part = toks[:k]
    if c is None:
        c, cut = country_after_of([t.text for t in toks])
        part = toks[cut + 1:]
    if c is None and len(toks) >= 2:  # "southern Lebanon"
        c = gazetteer.country_by_name(toks[-1].text)
        part = toks[-1:]
    if c is None or not part:
        return
    if part[-1].text in APOSTROPHES[:2]:
        part = part[:-1]
    if not part:
        return
    span = Span(part[0].idx, part[-1].idx + len(part[-1].text))
    text = parse.text[span.begin:span.end]
    label = "NORP" if gazetteer.country_by_demonym(text) else "GPE"
    known = gazetteer.actor_by_name(text)
    if known is not None and known.type == EntityType.PLACE.value:
        # "the Hong Kong authorities": a territory of the table is a place, not a state
        d = drafts.setdefault(known.key, actor_draft(known))
    else:
        d = drafts.setdefault(c.key, country_draft(c))
    d.mentions.append(Mention(span=span, text=text, label=label, start=part[0].i,
                              end=part[-1].i + 1, sentence=m.sentence))
    sentences_of.setdefault(d.key, set()).add(m.sentence)


def acronym_after(m: Mention, parse: Parse) -> str | None:
    """The acronym a name defines: "World Health Organization (WHO)"."""
    toks = parse.tokens
    i = m.end
    if i + 2 < len(toks) and toks[i].text == "(" and toks[i + 2].text == ")":
        acro = toks[i + 1].text
        if acro.replace(".", "").isupper() and 2 <= len(acro) <= 8:
            return acro
    return None
