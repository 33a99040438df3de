"""Persons: names, titles and posts, and which full name a bare surname means."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kg import gazetteer
from kg.gazetteer import TITLE_WORDS, normalize, slugify
from kg.lexicon import words
from kg.model import EntityType, Mention, Parse, Post, Span, Token
from kg.resolve._drafts import (
    APOSTROPHES,
    Draft,
    actor_draft,
    country_at,
    surface,
    token_index,
)

_CONNECTORS = frozenset({"of", "for", "on"})
_BODIES = (EntityType.ORGANIZATION, EntityType.MILITARY_FORCE, EntityType.COUNTRY)
#: Titles taken off the front of a PERSON span ("President Biden"); honorifics that are
#: part of how a person is named ("Sheikh Hasina", "King Charles") stay.
_STRIPPED_TITLES = frozenset(w.rstrip(".") for w in TITLE_WORDS) - words("honorific_titles")


#: token index → key of the body (organisation, force or state) whose mention covers it
BodyAt = Mapping[int, str]


def bodies_at(drafts: dict[str, Draft]) -> dict[int, str]:
    """The :data:`BodyAt` index of the non-person mentions found so far."""
    return {i: key for i, (key, _) in token_index(drafts).items()
            if drafts[key].type in _BODIES}


def _body_in(title: Sequence[Token], bodies: BodyAt) -> str | None:
    """The body named inside a title: "NATO secretary general" → NATO, "commander of
    U.S. Central Command" → U.S. Central Command."""
    for t in title:
        key = bodies.get(t.i)
        if key is not None and not key.startswith("country/"):
            return key
    for t in title:
        if t.ent_type in ("ORG", "FORCE"):
            a = gazetteer.actor_by_name(t.text)
            if a is not None and a.type != EntityType.PERSON.value:
                return a.key
    return None


def _title_mention(parse: Parse, words: Sequence[Token], bodies: BodyAt,
                   sentence: int) -> Mention | None:
    """A title in apposition to a name ("the CJTF-OIR spokesperson") as a mention of the
    person, starting after any name inside it (the state or body keeps its own tokens)."""
    toks = list(words)
    while toks and (toks[0].i in bodies or toks[0].text in APOSTROPHES
                    or not toks[0].text[:1].isalnum()
                    or toks[0].ent_type in ("GPE", "NORP", "ORG", "FORCE")):
        toks.pop(0)
    if not toks or any(t.i in bodies for t in toks):
        toks = [t for t in toks if t.text.lower() in TITLE_WORDS][:1]
    if not toks:
        return None
    span = Span(toks[0].idx, toks[-1].idx + len(toks[-1].text))
    return Mention(span=span, text=parse.text[span.begin:span.end], label="PERSON",
                   start=toks[0].i, end=toks[-1].i + 1, sentence=sentence)


def post_before(m: Mention, parse: Parse, bodies: BodyAt
                ) -> tuple[Post | None, Mention | None]:
    """The title just before a name: "U.S. Defense Secretary", "North Korea's U.N.
    Ambassador", or set off by a comma at the start of a sentence or after "the" ("The
    Foreign Secretary, Boris Johnson, said"; then the title is a mention of its own)."""
    toks = parse.tokens
    sent_start = parse.sentences[m.sentence].start
    i = m.start - 1
    comma = i > sent_start and toks[i].text == "," and m.end < len(toks) and (
        toks[m.end].text in (",", ":") or toks[m.end].pos == "VERB")
    if comma:
        i -= 1
    title: list[Token] = []
    org: str | None = None
    while i >= sent_start and len(title) < 6:
        t = toks[i]
        if t.text in APOSTROPHES[:2] and i - 1 >= sent_start:
            c = country_at(toks, i - 1)
            if c is not None:
                org = c.key
            break
        if t.ent_type in ("GPE", "NORP") and t.ent_iob in ("B", "I"):
            c = country_at(toks, i)
            if c is not None:
                org = c.key
                break
        if t.ent_type == "PERSON":
            break
        if (t.pos in ("PROPN", "NOUN", "ADJ") and (
                t.text[:1].isupper() or t.text.lower() in TITLE_WORDS or title)) or (
            t.text.lower() in _CONNECTORS and title):
            title.insert(0, t)
            i -= 1
            continue
        break
    while title and title[0].text.lower() in _CONNECTORS:
        title.pop(0)
    if not any(t.text.lower() in TITLE_WORDS for t in title):
        return None, None
    post = Post(" ".join(t.text for t in title), org or _body_in(title, bodies))
    if not comma:
        return post, None
    first = title[0].i if org is None else i
    before = toks[first - 1] if first > sent_start else None
    if title[-1].text.lower() not in TITLE_WORDS or (
            before is not None and before.text.lower() not in ("the", "a", "an")):
        return None, None  # "Russia, Ukraine, Putin": a list, not a title
    return post, _title_mention(parse, title, bodies, m.sentence)


def post_after(m: Mention, parse: Parse, bodies: BodyAt
               ) -> tuple[Post | None, Mention | None]:
    """An apposition after a name: "Lloyd Austin, the U.S. defense secretary,", "Gen.
    Joseph Votel, commander of U.S. Central Command,"; the apposition is a mention too."""
    toks = parse.tokens
    sent = parse.sentences[m.sentence]
    i = m.end
    if i >= sent.end or toks[i].text != ",":
        return None, None
    i += 1
    if i < sent.end and toks[i].text.lower() in ("the", "a", "an"):
        i += 1
    org: str | None = None
    words: list[Token] = []
    titled = -1  # index in ``words`` of the last title word
    while i < sent.end and len(words) < 8:
        t = toks[i]
        if t.text in (",", ".", ";", "—", "(", ")", ":") or t.pos in ("VERB", "AUX"):
            break
        if t.pos not in ("PROPN", "NOUN", "ADJ") and not (
                words and t.text.lower() in _CONNECTORS | {"the", "-"}):
            return None, None
        if not words and t.ent_type in ("GPE", "NORP", "ORG"):
            j = i
            while j + 1 < sent.end and toks[j + 1].ent_iob == "I":
                j += 1
            c = country_at(toks, j)
            if c is not None:
                org = c.key
                i = j + 1
                if i < sent.end and toks[i].text in APOSTROPHES[:2]:
                    i += 1
                continue
        if t.text.lower() in TITLE_WORDS:
            titled = len(words)
        words.append(t)
        i += 1
    if titled < 0:
        return None, None
    # "commander of U.S. Central Command", "Ambassador of Ukraine": only "of"/"for" and a
    # body or state may follow the title word
    tail = words[titled + 1:]
    of_body = [bodies[t.i] for t in tail if t.i in bodies]
    if tail and (tail[0].text.lower() not in ("of", "for") or not of_body):
        tail = []
        words = words[:titled + 1]
    body = _body_in(words, bodies) or (of_body[0] if tail else None)
    mention = _title_mention(parse, words[:titled + 1] if tail else words, bodies,
                             m.sentence)
    return Post(" ".join(t.text for t in words), org or body), mention


def name_of(m: Mention, parse: Parse) -> tuple[str, list[str]]:
    """The name in a PERSON mention without titles inside it ("President Biden")."""
    toks = [t for t in parse.tokens[m.start:m.end] if t.text not in APOSTROPHES]
    inner: list[str] = []
    while len(toks) > 1 and toks[0].text.lower().rstrip(".") in _STRIPPED_TITLES:
        inner.append(toks.pop(0).text)
    text = surface(parse.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]) if toks else ""
    return text, inner


def _name_parts(name: str) -> set[str]:
    parts = normalize(name).split()
    return {parts[0], parts[-1]} if parts else set()


def _longer_forms(names: Iterable[str]) -> dict[str, str]:
    """ "George Bush" → "George W. Bush" when the article has exactly one longer name with
    the same first and last words."""
    by_ends: dict[tuple[str, str], set[str]] = {}
    for n in set(names):
        parts = normalize(n).split()
        if len(parts) >= 2:
            by_ends.setdefault((parts[0], parts[-1]), set()).add(n)
    out: dict[str, str] = {}
    for group in by_ends.values():
        if len(group) < 2:
            continue
        longest = max(group, key=lambda n: (len(n.split()), n))
        rivals = [n for n in group if len(n.split()) == len(longest.split()) and n != longest]
        if rivals:
            continue
        for n in group:
            if n != longest:
                out[n] = longest
    return out


_VOWELS = frozenset("aeiouy")


def _skeleton(name: str) -> tuple[str, ...] | None:
    """ "Usama bin Ladin" and "Osama bin Laden" → ('sm', 'bn', 'ldn'): the consonants of
    each word, a transliteration's vowels ignored; None when too short to tell apart."""
    words = normalize(name).split()
    parts = tuple("".join(ch for ch in w if ch not in _VOWELS) for w in words)
    if len(words) < 2 or sum(len(p) for p in parts) < 6 or not all(parts):
        return None
    return parts


def _variants(names: Iterable[str]) -> dict[str, str]:
    """Spellings of one name in an article → the first one seen: transliterations
    ("Usama bin Ladin" → "Osama bin Laden") and a name that ends exactly one longer name
    ("Abd el-Fattah" → "Alaa Abd El-Fattah")."""
    order = list(dict.fromkeys(names))
    out: dict[str, str] = {}
    first: dict[tuple[str, ...], str] = {}
    for n in order:
        key = _skeleton(n)
        if key is None:
            continue
        if key in first and normalize(first[key]).split()[0][:1] in (
                normalize(n).split()[0][:1], *(_VOWELS if n[:1].lower() in _VOWELS else ())):
            out[n] = first[key]
        else:
            first.setdefault(key, n)
    canon = [n for n in order if n not in out]
    for n in canon:
        tail = " " + normalize(n)
        longer = [m for m in canon if m != n and normalize(m).endswith(tail)]
        if len(longer) == 1:
            out[n] = longer[0]
    return out


def resolve_persons(
    persons: list[tuple[Mention, str, Post | None]],
    drafts: dict[str, Draft],
    sentences_of: dict[str, set[int]],
) -> None:
    full = [(m, n, p) for m, n, p in persons if len(n.split()) >= 2]
    short = [(m, n, p) for m, n, p in persons if len(n.split()) < 2]
    last_seen: dict[str, int] = {}

    def add(key: str, label: str, m: Mention, post: Post | None, alias: str) -> None:
        d = drafts.get(key)
        if d is None:
            known = gazetteer.actor(key)
            d = actor_draft(known) if known else Draft(key, EntityType.PERSON, label)
            drafts[key] = d
        d.mentions.append(m)
        d.aliases.add(alias)
        if post is not None:
            d.posts.append(post)
        sentences_of.setdefault(key, set()).add(m.sentence)

    longer = _longer_forms([n for _, n, _ in full])
    variants = _variants(n for _, n, _ in sorted(full, key=lambda x: x[0].span))
    for m, name, post in full:
        known = gazetteer.actor_by_name(name)
        if known is not None and known.type == EntityType.PERSON.value:
            add(known.key, known.label, m, post, name)
        else:
            canonical = longer.get(variants.get(name, name), variants.get(name, name))
            add(f"person/{slugify(canonical)}", canonical, m, post, name)
    full_keys = {k for k, d in drafts.items() if d.type == EntityType.PERSON}
    for m, name, post in sorted(full + short, key=lambda x: x[0].span):
        if len(name.split()) >= 2:
            key = next(k for k in full_keys if m in drafts[k].mentions)
            last_seen[key] = m.span.begin
            continue
        norm = normalize(name)
        cands = [k for k in full_keys if norm in _name_parts(drafts[k].label)
                 or any(norm in _name_parts(a) for a in drafts[k].aliases if " " in a)]
        known = gazetteer.actor_by_name(name)
        if known is not None and post is not None and cands and not any(
                _post_fits(post, drafts[k].posts) for k in cands):
            cands = []  # "President Trump" beside "Mary Trump": the known actor
        chosen = _choose(m, post, cands, drafts, sentences_of, last_seen)
        if chosen is not None:
            key = chosen
        else:
            known = gazetteer.actor_by_name(name)
            if known is not None and known.type == EntityType.PERSON.value:
                key = known.key
            else:
                key = f"person/{slugify(name)}"
        add(key, name, m, post, name)
        last_seen[key] = m.span.begin


def _post_fits(post: Post, posts: Iterable[Post]) -> bool:
    """Same state or body, or the same title ("Defense Minister")."""
    title = normalize(post.title).removeprefix("former ")
    return any(
        (post.organization is not None and p.organization == post.organization)
        or normalize(p.title).removeprefix("former ") == title
        for p in posts
    )


def _choose(
    m: Mention,
    post: Post | None,
    cands: list[str],
    drafts: dict[str, Draft],
    sentences_of: dict[str, set[int]],
    last_seen: dict[str, int],
) -> str | None:
    if len(cands) <= 1:
        return cands[0] if cands else None
    if post is not None:
        fit = [k for k in cands if _post_fits(post, drafts[k].posts)]
        if len(fit) == 1:
            return fit[0]
        cands = fit or cands
    # Persons named in the same sentence: prefer whoever already appeared with them.
    others = {k for k, ss in sentences_of.items() if m.sentence in ss and k not in cands}
    if others:
        score = {k: sum(len(sentences_of[k] & sentences_of[o]) for o in others) for k in cands}
        best = max(score.values())
        top = [k for k in cands if score[k] == best]
        if best > 0 and len(top) == 1:
            return top[0]
        if best > 0:
            cands = top
    before = [k for k in cands if last_seen.get(k, m.span.end) < m.span.begin]
    if before:
        return max(before, key=lambda k: last_seen[k])
    return min(cands, key=lambda k: min(x.span.begin for x in drafts[k].mentions))


def title_mentions(parse: Parse, drafts: dict[str, Draft]) -> None:
    """ "the Foreign Secretary" alone refers to the one person of the article with that
    post: add it to that person's mentions."""
    holders: dict[str, list[tuple[Draft, Post]]] = {}
    for d in drafts.values():
        if d.type == EntityType.PERSON:
            for p in dict.fromkeys(d.posts):
                holders.setdefault(normalize(p.title).removeprefix("former "), []).append(
                    (d, p))
    if not holders:
        return
    toks = parse.tokens
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.text.lower() not in TITLE_WORDS or not t.text[:1].isupper() or t.ent_type:
            i += 1
            continue
        # extend left over capitalised title words ("Foreign Secretary", "Prime Minister")
        j = i
        while j > 0 and toks[j - 1].sent == t.sent and not toks[j - 1].ent_type and (
                toks[j - 1].text[:1].isupper() and toks[j - 1].pos in ("PROPN", "NOUN", "ADJ")):
            j -= 1
        nxt = toks[i + 1] if i + 1 < n else None
        if nxt is not None and (nxt.pos == "PROPN" or nxt.ent_type or nxt.text[:1].isupper()):
            i += 1
            continue  # a title before a name, or part of a longer name
        prev = toks[j - 1] if j > 0 else None
        if prev is None or prev.text.lower() != "the":
            i += 1
            continue  # "the Prime Minister", not "Prime Minister" in a name or heading
        title = " ".join(x.text for x in toks[j:i + 1])
        cands = {id(d): d for d, _ in holders.get(normalize(title), [])}
        span = Span(prev.idx, t.idx + len(t.text))
        if len(cands) == 1 and not any(x.span.overlaps(span)
                                       for x in next(iter(cands.values())).mentions):
            d = next(iter(cands.values()))
            d.mentions.append(Mention(span=span, text=parse.text[span.begin:span.end],
                                      label="PERSON", start=j - 1, end=i + 1,
                                      sentence=t.sent))
        i += 1
