"""First-person words in reported speech: "I" and "we" inside a quotation are its
speaker and the speaker's organisation.

A quotation is a span between quotation marks, or what follows "X said:" and a line
break up to the next quotation mark or speech introduction (the way government press
releases quote their ministers). Its speaker is the entity that is
the subject of a speech verb ("said", "added", "told") outside the quotation in a
sentence where it opens or closes, or in the "said:" sentence introducing it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.gazetteer import SPEECH_VERBS, wordset
from kg.model import EntityType, Mention, Parse, Span, Token
from kg.resolve._drafts import PRONOUN_LABEL, Draft, token_index

__all__ = ["author_mentions", "quotation_speakers", "quotations", "quote_mentions"]

_SINGULAR = wordset("i me my mine myself")
_PLURAL = wordset("we us our ours ourselves")
_OPENING = frozenset({"“", "‘‘", "``"})
_CLOSING = frozenset({"”", "’’", "''"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_BODIES = (EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.MILITARY_FORCE)


def quote_mentions(parse: Parse, drafts: dict[str, Draft],
                   quotes: Sequence[tuple[int, int]], publisher: Draft | None = None) -> None:
    """Add "I"/"we" mentions inside ``quotes`` (from :func:`quotations`) to their
    speakers' entities (in place). When the article is published by a state body
    (``publisher``: a government, a ministry, a state) and the speaker is an official (a
    person with a title) of no known body, "we" is that publisher: a release quoting its
    own minister."""
    at = token_index(drafts)
    toks = parse.tokens
    official = publisher if publisher is not None and (
        publisher.type is EntityType.COUNTRY or publisher.part_of is not None) else None
    for start, end, speaker in quotation_speakers(parse, at, drafts, quotes):
        if speaker is None:
            continue
        person = speaker if drafts[speaker].type is EntityType.PERSON else None
        body = _body_of(drafts, speaker)
        if body is None and person is not None and drafts[person].posts and (
                official is not None):  # "Minister Ellwood said:" in a UK Government release
            body = drafts.setdefault(official.key, official).key
        for t in toks[start:end]:
            if t.pos != "PRON" or t.i in at:
                continue
            low = t.text.lower()
            key = person if low in _SINGULAR else body if low in _PLURAL else None
            if key is not None:
                drafts[key].mentions.append(_pronoun(t))


def author_mentions(parse: Parse, drafts: dict[str, Draft],
                    quotes: Sequence[tuple[int, int]], author: Draft | None) -> None:
    """ "We condemn...", "our partners" outside any quotation: the article speaks for
    ``author``, the body that published it (its source); add those words to it (in
    place, creating its entity if the text has not named it)."""
    if author is None:
        return
    at = token_index(drafts)
    inside = {i for s, e in quotes for i in range(s, e)}
    for t in parse.tokens:
        if t.pos != "PRON" or t.i in at or t.i in inside or t.text.lower() not in _PLURAL:
            continue
        drafts.setdefault(author.key, author).mentions.append(_pronoun(t))


def _pronoun(t: Token) -> Mention:
    """The one-token mention a pronoun makes."""
    return Mention(span=Span(t.idx, t.idx + len(t.text)), text=t.text, label=PRONOUN_LABEL,
                   start=t.i, end=t.i + 1, sentence=t.sent)


def quotation_speakers(parse: Parse, at: dict[int, tuple[str, Mention]],
                       drafts: dict[str, Draft], quotes: Sequence[tuple[int, int]]
                       ) -> list[tuple[int, int, str | None]]:
    """Each quotation's token range and the key of its speaker (None if unknown), with
    ``at`` the token index of the mentions known so far."""
    candidates: dict[int, list[tuple[int, int, str]]] = {}  # per sentence, built once
    return [(s, e, _speaker(parse, at, candidates, s, e)) for s, e in quotes]


def _body_of(drafts: dict[str, Draft], key: str) -> str | None:
    """Who "we" is in what ``key`` says: a body or state itself; a person's organisation
    when the article gives the person exactly one."""
    d = drafts[key]
    if d.type in _BODIES:
        return key
    orgs = {p.organization for p in d.posts if p.organization in drafts}
    return orgs.pop() if len(orgs) == 1 else None


def quotations(parse: Parse) -> Iterator[tuple[int, int]]:
    """Token ranges [start, end) of quoted speech."""
    toks = parse.tokens
    text = parse.text
    open_at: int | None = None
    straight_open = False
    covered_to = 0
    for t in toks:
        if t.text in _OPENING or (t.text == '"' and not straight_open):
            open_at = t.i
            straight_open = t.text == '"'
        elif (t.text in _CLOSING or (t.text == '"' and straight_open)) and open_at is not None:
            yield open_at + 1, t.i
            covered_to = t.i
            open_at, straight_open = None, False
        elif t.text == ":" and t.i > covered_to and _introduces_speech(toks, t):
            # "Foreign Secretary Philip Hammond said:" then the statement, up to the next
            # quotation mark or speech introduction (press releases run it to the end)
            end = t.i + 1
            while end < len(toks) and not (
                    toks[end].text in _OPENING | _CLOSING | {'"'}
                    or (toks[end].text == ":" and _introduces_speech(toks, toks[end]))):
                end += 1
            if end > t.i + 1 and text[t.idx + 1:toks[t.i + 1].idx + len(toks[t.i + 1].text)
                                      ].strip(" \t").startswith("\n"):
                yield t.i + 1, end
                covered_to = end


def _introduces_speech(toks: Sequence[Token], colon: Token) -> bool:
    head = toks[colon.head] if colon.head != colon.i else colon
    return head.lemma.lower() in SPEECH_VERBS and head.pos == "VERB"


def _speaker(parse: Parse, at: dict[int, tuple[str, Mention]],
             candidates: dict[int, list[tuple[int, int, str]]], start: int, end: int
             ) -> str | None:
    """The entity speaking the quotation [start, end)."""
    toks = parse.tokens
    sents = [toks[start - 1].sent if start > 0 else toks[start].sent]
    if end < len(toks):
        sents.append(toks[end].sent)
    if start > 0 and toks[start].sent != toks[start - 1].sent and toks[start - 1].sent > 0:
        sents.append(toks[start - 1].sent - 1)  # 'X commented on Y. "I want..."'
    elif start > 1 and toks[start - 2].sent != toks[start - 1].sent:
        sents.append(toks[start - 2].sent)
    for s in dict.fromkeys(sents):
        for verb, subject, key in _candidates(parse, at, candidates, s):
            if not (start <= verb < end or start <= subject < end):
                return key
    return None


def _candidates(parse: Parse, at: dict[int, tuple[str, Mention]],
                cache: dict[int, list[tuple[int, int, str]]], s: int
                ) -> list[tuple[int, int, str]]:
    """(speech verb, its subject, the entity the subject names) of sentence ``s``, in the
    order :func:`_speaker` tries them; found once per sentence, so that a sentence of
    thousands of quotation marks costs time in proportion to its length."""
    found = cache.get(s)
    if found is None:
        found = cache[s] = []
        sentence = parse.sentences[s]
        for t in parse.tokens[sentence.start:sentence.end]:
            if t.lemma.lower() not in SPEECH_VERBS or t.pos != "VERB":
                continue
            for c in parse.children(t.i):
                if c.dep in _SUBJ:
                    key = _entity_of(parse, at, c)
                    if key is not None:
                        found.append((t.i, c.i, key))
    return found


def _entity_of(parse: Parse, at: dict[int, tuple[str, Mention]], t: Token) -> str | None:
    """The entity a subject names: its own mention, the name in apposition to it, or for
    "a Foreign Office spokesman" the body it speaks for."""
    hit = at.get(t.i)
    if hit is not None:
        return hit[0]
    kids = [c for c in parse.children(t.i) if c.i in at]
    for dep in ("appos", "compound", "poss"):  # "Minister, Tobias Ellwood, said"
        for c in kids:
            if c.dep == dep:
                return at[c.i][0]
    return None
