"""Re-parsing headline-style sentences whose main verb the model read as a noun.

News summaries are written in the present tense ("Iran fires projectiles at two tankers",
"Palestinian media reports that ...", "A gunman shoots and kills one person"). The small
English model often tags such a third-person verb as a plural noun and builds the sentence
around the wrong word ("fires" a noun, "projectiles" the verb). When a sentence has no
finite verb at its root and a plural noun whose lemma is a verb of kg's lexicon follows its
subject, the sentence is parsed again with that word rewritten as "will <lemma>" (a form
the model does not confuse), and the parse is kept if the verb then heads the sentence with
a subject. The text, offsets and entities stay those of the original; only the tags,
lemmas and dependencies of that sentence are taken from the second parse (the inserted
"will" is dropped, the verb keeps the tag ``VBZ``).
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from kg.gazetteer import SPEECH_VERBS
from kg.lexicon import dictionary_verbs, trigger_table, words
from kg.model import Parse, Sentence, Token

#: Tags a sentence's subject may end with before the misread verb.
_SUBJECT_END = frozenset({"NNP", "NNPS", "NN", "NNS", "PRP"})
#: How far into a sentence the misread verb may stand.
_REACH = 12


@cache
def _verbs() -> frozenset[str]:
    """Verb lemmas kg knows: triggers, speech, light and casualty verbs."""
    return (frozenset(trigger_table().verbs) | SPEECH_VERBS | words("light_verbs")
            | words("casualty_verbs") | frozenset(dictionary_verbs()))


def _verb_lemma(t: Token) -> str:
    """The verb lemma of a word the model may have lemmatised as a noun ("notifies" →
    "notifie" → "notify")."""
    low = t.lemma.lower()
    if low not in _verbs() and low.endswith("ie") and low[:-2] + "y" in _verbs():
        return low[:-2] + "y"
    return low


def _has_main_verb(parse: Parse, sent: Sentence) -> bool:
    """The sentence's root is a real verb with its subject (not a noun the model made a verb:
    "Iran fires projectiles" with "projectiles" at the root)."""
    toks = parse.tokens
    root = next((t for t in toks[sent.start:sent.end] if t.head == t.i), None)
    if root is None or root.pos not in ("VERB", "AUX"):
        return False
    if root.tag == "VBN" and not any(t.head == root.i and t.dep in ("aux", "auxpass")
                                     for t in toks[sent.start:sent.end]):
        return False  # "X, ..., sanctions 50 people allegedly linked to Y": a participle
    if root.tag == "VBZ" and _verb_lemma(root) not in _verbs():
        return False
    if _infinitive_root(parse, sent):
        return False  # "Israel's military claims to have killed": no finite verb
    if root.tag == "VBG" and not any(t.head == root.i and t.dep in ("aux", "auxpass")
                                     for t in toks[sent.start:sent.end]):
        return False  # "Chad severs relations with Qatar, citing ...": a bare participle
    return any(t.head == root.i and t.dep in ("nsubj", "nsubjpass")
               for t in toks[sent.start:sent.end])


def _infinitive_root(parse: Parse, sent: Sentence) -> bool:
    """The sentence's root is an infinitive ("to have killed"), which no sentence can be."""
    toks = parse.tokens
    root = next((t for t in toks[sent.start:sent.end] if t.head == t.i), None)
    return root is not None and any(
        t.head == root.i and t.dep == "aux" and t.text.lower() == "to"
        for t in toks[sent.start:sent.end])


def _that_clause(parse: Parse, t: Token) -> bool:
    """A clause opened by "that" hangs on token ``t`` ("reports that the air force ..."):
    the next word (after the name it is told to) is "that", a child of ``t`` or of a
    child of ``t``."""
    toks = parse.tokens
    k = t.i + 1
    while k < len(toks) and k < t.i + 4 and toks[k].tag in ("NNP", "NNPS"):
        k += 1  # whom it is told to: "notifies Congress that"
    if k >= len(toks) or toks[k].text.lower() != "that":
        return False
    that = toks[k]
    return toks[that.head].head == t.i or (that.head == t.i and that.dep in ("nsubj", "mark"))


def _after_aside(parse: Parse, sent: Sentence, t: Token) -> bool:
    """Token ``t`` follows an aside set off by commas after the subject, and the model made
    it a second subject of the same word ("The U.S. state department, in coordination with
    the Mexican finance ministry, sanctions over 50 ...")."""
    toks = parse.tokens
    return toks[t.i - 1].text == "," and t.dep == "nsubj" and any(
        o.dep == "nsubj" and o.head == t.head for o in toks[sent.start:t.i - 1])


def _candidate(parse: Parse, sent: Sentence) -> int | None:
    """The token the model misread as a noun although it is a verb with its subject ("Iran
    fires projectiles", "... after Cambodia shells Ubon Ratchathani"), or None."""
    toks = parse.tokens
    verbs = _verbs()
    main = _has_main_verb(parse, sent)
    root = next((t for t in toks[sent.start:sent.end] if t.head == t.i), None)
    if root is not None and not main and _verb_lemma(root) in verbs and \
            root.text[0].islower() and root.i > sent.start and (
            # "The U.S. state department, in coordination with ..., sanctions 50 people":
            # the model gave the "noun" a subject of its own
            # (or a plural one: "Mediators from Qatar report that ...")
            (any(t.head == root.i and t.dep == "nsubj" and (
                root.tag == "NNS" or (root.tag == "NN" and t.tag in ("NNS", "NNPS")))
                for t in toks[sent.start:root.i]))
            # "An Israeli F-35 shoots down a jet": a noun has no particle ("down" may be
            # read as a preposition)
            or (root.tag == "NNS" and root.i + 1 < sent.end and toks[root.i + 1].head == root.i
                and (toks[root.i + 1].dep == "prt" or toks[root.i + 1].text.lower() == "down"))
            # "Burkina Faso severs relations": the subject read as the verb's compound
            or (root.tag == "VBZ" and toks[root.i - 1].tag in ("NNP", "NNPS")
                and toks[root.i - 1].dep == "compound" and toks[root.i - 1].head == root.i)
            # "The Israeli military reports that ...": the subject read as the verb's
            # modifier, a that-clause after it
            or (root.tag in ("VBZ", "NNS") and toks[root.i - 1].tag in _SUBJECT_END
                and toks[root.i - 1].dep in ("compound", "amod")
                and toks[root.i - 1].head == root.i and _that_clause(parse, root))):
        return root.i
    aside = next((t.i for t in toks[sent.start + 1:sent.end - 1] if t.tag == "NNS"
                  and _verb_lemma(t) in verbs and t.text[0].islower()
                  and _after_aside(parse, sent, t)), None)
    if aside is not None:
        return aside
    for t in toks[sent.start + 1:sent.end - 1]:
        word = t.text.lower()
        prev = toks[t.i - 1]
        plural_subject = prev.tag in ("NNPS", "NNS") or (prev.tag == "NNP"
                                                         and prev.text.endswith("s"))
        misread = t.tag == "NNS" or (t.tag == "VBZ" and t.dep in (
            "compound", "amod", "pobj", "dobj")) or (
            # "Netanyahu states that ...": a verb with its clause read as a subject
            t.tag == "VBZ" and t.dep in ("nsubj", "nsubjpass") and _that_clause(parse, t)) or (
            # "The Houthis fire two missiles": a plural subject's verb read as a noun
            # or "El Salvador and the United States sign Agreement 123"
            t.tag == "NN" and plural_subject and t.dep in ("ROOT", "compound", "conj")
            and toks[t.i + 1].pos in ("DET", "NUM", "PROPN"))
        clause_noun = t.tag == "NNS" and t.dep == "advcl"  # "when an Israeli tank fires at"
        if main and not clause_noun and (t.tag != "VBZ" or toks[t.i - 1].tag not in ("NNP",
                                                                                   "NNPS")):
            continue  # inside a sentence that has its verb: only a verb after a name, or a
            # "noun" heading an adverbial clause
        if (misread and (word.endswith("s") or t.tag == "NN") and _verb_lemma(t) in verbs
                and (t.dep in ("ROOT", "nsubj", "compound", "nsubjpass", "pobj", "dobj",
                               "advcl", "nmod") or (t.dep == "conj" and t.tag == "NN"))
                and toks[t.i - 1].tag in _SUBJECT_END and t.text[0].islower()
                and (toks[t.i + 1].pos not in ("PUNCT", "PART")
                     or (toks[t.i + 1].text.lower() == "to" and _infinitive_root(parse, sent)))
                and (not main or toks[t.i + 1].pos in ("DET", "NUM", "PROPN", "PRON", "ADJ",
                                                       "ADP")
                     or (t.tag == "VBZ" and toks[t.i + 1].text.lower() == "that"))
                and not (prev.dep == "det" and prev.head == t.i)):  # "the fires"
            return t.i
        if not main and (t.i >= sent.start + _REACH or t.text == ","
                         or (t.pos == "ADP" and word != "of") or t.tag in ("VBZ", "VBD", "VBP")):
            break  # a headline's verb follows its subject ("X of Y"), before other phrases
    return None


def repair_headlines(parse: Parse, nlp: Language) -> Parse:
    """``parse`` with each misread headline sentence parsed again (see the module doc)."""
    tokens = list(parse.tokens)
    changed = False
    for sent in parse.sentences:
        k = _candidate(parse, sent)
        if k is None:
            continue
        fixed = _reparse(parse, sent, k, nlp)
        if fixed is not None:
            tokens[sent.start:sent.end] = fixed
            changed = True
    if not changed:
        return parse
    return Parse(text=parse.text, tokens=tuple(tokens), sentences=parse.sentences)


def _reparse(parse: Parse, sent: Sentence, k: int, nlp: Language) -> list[Token] | None:
    toks = parse.tokens[sent.start:sent.end]
    local = k - sent.start
    pieces: list[str] = []
    for j, t in enumerate(toks):
        pieces.append(("will " + _verb_lemma(t)) if j == local else t.text)
        pieces.append(t.whitespace)
    doc = nlp("".join(pieces))
    new = list(doc)
    if len(new) != len(toks) + 1 or sum(1 for _ in doc.sents) != 1:
        return None
    if any(new[_index(j, local)].text != t.text for j, t in enumerate(toks) if j != local):
        return None
    will, verb = new[local], new[local + 1]
    if will.lower_ != "will" or will.head.i != verb.i or \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    root = next(t for t in toks if t.head == t.i)
    main = _has_main_verb(parse, sent)
    old_root = new[_index(root.i - sent.start, local)]
    if (not main and verb.dep_ != "ROOT") or (main and old_root.dep_ != "ROOT" and not (
            verb.dep_ == "ROOT" and old_root.head.i == verb.i and old_root.dep_ == "ccomp")):
        return None  # the main clause must stay what it was, or become the verb's content
    subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    if not main and subject.left_edge.i != 0:
        return None  # a headline's subject opens the sentence ("Iran fires ...")
    if any(t.head.i == will.i for t in new if t.i != will.i):
        return None

    def back(i: int) -> int:
        return sent.start + (i if i < local else i - 1)

    out: list[Token] = []
    for j, t in enumerate(toks):
        n = new[_index(j, local)]
        tag = ("VBZ" if t.text.lower().endswith("s") else "VBP") if j == local else n.tag_
        out.append(t._replace(lemma=n.lemma_, pos=n.pos_, tag=tag,
                              dep=n.dep_, head=back(n.head.i)))
    return out


def _index(j: int, local: int) -> int:
    """Index in the rewritten sentence of original token ``j`` (one token was inserted)."""
    return j if j < local else j + 1
