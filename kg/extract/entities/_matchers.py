"""Names of kg's tables that the model missed: matched in the text."""

from __future__ import annotations

from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg import gazetteer
from kg.extract.entities._common import ACTOR_LABELS, is_country_word


@cache
def actor_matcher(vocab: Vocab) -> PhraseMatcher:
    """A case-sensitive matcher of the names in the tables (built once per vocab)."""
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    for a in gazetteer._actor_index().by_key.values():
        names = {a.label, *a.aliases}
        # Two-letter acronyms like "IS" or "AU" are too ambiguous to add where the model
        # saw nothing (they still resolve when the model tags them); three capitals are a
        # body's ("Russia's GRU", "the FSB").
        # "Israeli army", "Russia's Africa Corps": the force rules read the demonym.
        # "G7", "M23": letters and digits are not ambiguous. "Palestinian Islamic Jihad",
        # "Saudi Aramco": a body's own name may open with a demonym.
        pats = [Doc(vocab, words=[t.text for t in tokenizer(n)])
                for n in names if (len(n) > 3 or "." in n or (len(n) == 3 and n.isupper()) or (
                    any(ch.isdigit() for ch in n) and any(ch.isalpha() for ch in n)))
                and (a.type != "MilitaryForce"
                     or not is_country_word(n.split()[0].removesuffix("'s")))]
        matcher.add(ACTOR_LABELS[a.type], pats)
    # States, seats of government and demonyms of countries.tsv the model may miss
    # ("Kyiv appealed..."); only added where the model tagged nothing.
    gpe: list[Doc] = []
    norp: list[Doc] = []
    for c in gazetteer.countries():
        if not c.demonyms:  # of the other ISO rows, only the common name ("Suriname")
            if len(c.label) > 3 and not gazetteer.given_name(c.label):
                gpe.append(Doc(vocab, words=[t.text for t in tokenizer(c.label)]))
            continue
        for n in (c.label, *c.metonyms, *(x for x in c.aliases if "," not in x)):
            if len(n) > 3 or "." in n or (len(n) == 3 and n.isupper()):  # "DRC", "UAE"
                gpe.append(Doc(vocab, words=[t.text for t in tokenizer(n)]))
        norp.extend(Doc(vocab, words=[t.text for t in tokenizer(d)]) for d in c.demonyms)
    matcher.add("GPE", gpe)
    matcher.add("NORP", norp)
    return matcher
