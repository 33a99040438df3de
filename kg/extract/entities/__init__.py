"""Rules run after spaCy's NER: the entity spans an analyst would mark.

:func:`refine_entities` rewrites ``doc.ents`` in place, in one linear pass per rule:

- state forces: a demonym or a state (possessive) followed by a force noun becomes one
  ``FORCE`` span ("North Korean troops", "Israeli army units", "Russia's forces"); named
  units ("82nd Airborne Division", "Israel Defense Forces", ORG spans ending in Army, Corps,
  Brigade...) become ``FORCE`` too;
- governments: a state, or a leader who belongs to one, followed by a government noun is
  one ``ORG`` span ("the Iraqi government", "the Syrian regime", "the Asad regime"); a
  state and a lower-case body noun name its body ("the Ghanaian information ministry",
  "the Egyptian cabinet");
- ships and aircraft models (``_vehicles``): a ship's name ("the tanker Al Rekayyat",
  "MV Hondius") and a maker or model before a vehicle noun ("a Kamov Ka-226 helicopter")
  are no entity; a model glued to its operator is cut off ("Flamingo Air Cessna 402");
- repairs (``_repairs``): counting words are cut off a name ("Several IRGC Navy"),
  events and prizes dropped ("Bahrain Grand Prix"), counted peoples are no entity ("44
  Palestinians"), a demonym read as a body is a demonym ("Nicaraguans"), a demonym and a
  proper noun name a body ("Saudi Aramco"), a name after an institution noun is a body
  ("the group Mercosur"), a span holding two places is split ("Skopje and Strumica",
  "Tomsk in Siberia") and "Jammu" "and" "Kashmir" joined;
- persons (``_persons``): people in office of the PETRARCH2 tables the model missed or
  misread ("Nicolás Maduro" as a work of art), names after a title or in a list of
  persons, names opening with a common given name, "Presidents X of Nigeria and Y of
  Benin", a body's acronym glued to a person's name ("NPR Hamza bin Laden"); an untagged
  proper noun that speaks ("Nakilat confirms", "Katya said");
- frequent actors and places of ``kg/data/actors.tsv`` missed by the model are added
  ("Kremlin", "Korean Peninsula", "Africa Corps");
- places: a city tagged ``PRODUCT``/``WORK_OF_ART``/``EVENT``/``LAW`` becomes ``GPE``;
  "Kursk region" / "Kursk area" / "Donetsk Oblast" become one ``LOC`` span; a city or
  region of the tables (PETRARCH2's places, ISO 3166-2 subdivisions, geonames cities)
  read as a person or a body is a place where a place fits ("in Khan Yunis and Rafah",
  "leaves Portsmouth"), and so is a name ending in a place word ("Vladimir Oblast",
  "Sepang International Circuit", "Blue Nile State") or before a site noun ("the Khurais
  oil field");
- model errors: a department word read as ``ORG`` inside a title ("U.S. Defense Secretary",
  "Secretary of State") is dropped; an ``ORG`` that glues a demonym to a known body
  ("Ukrainian U.N.") is split; a surname of a person named in the article read as ``GPE``
  or ``ORG`` ("Kyslytsya stated") becomes ``PERSON``.

Other labels (DATE, TIME, CARDINAL, QUANTITY, MONEY, PERCENT, ORDINAL...) are kept as is.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg import gazetteer
from kg.extract.entities._common import FORCE, merge, non_overlapping
from kg.extract.entities._forces import forces, governments
from kg.extract.entities._matchers import actor_matcher
from kg.extract.entities._names import clean, join_of, relabel
from kg.extract.entities._persons import missed_persons, persons, speakers
from kg.extract.entities._places import (
    consistent_places,
    fronted_places,
    joined_places,
    regions,
)
from kg.extract.entities._repairs import (
    described_bodies,
    drop_events,
    named_after_institution,
    norp_bodies,
    peoples,
    split_places,
    strip_quantifiers,
)
from kg.extract.entities._vehicles import vehicles

__all__ = ["FORCE", "refine_entities"]


def refine_entities(doc: Doc) -> Doc:
    """Rewrite ``doc.ents`` with kg's rules (see the module docstring); return ``doc``."""
    ents = vehicles(doc, clean(doc, [(e.start, e.end, e.label_) for e in doc.ents]))
    ents = drop_events(doc, strip_quantifiers(doc, ents))
    ents = joined_places(doc, split_places(doc, ents))
    ents = named_after_institution(doc, norp_bodies(doc, peoples(doc, ents)))
    ents = merge(ents, described_bodies(doc, ents), replace=False)
    ents = merge(ents, missed_persons(doc, ents), replace=False)
    ents = merge(ents, speakers(doc, ents), replace=False)
    ents = persons(doc, join_of(doc, ents))
    # Family name first or last ("Kim Yong-hyun", "Lloyd Austin").
    surnames = {
        gazetteer.normalize(doc[i].text)
        for s, e, lab in ents
        if lab == "PERSON" and e - s >= 2
        for i in (s, e - 1)
    }
    ents = relabel(doc, ents, surnames)
    ents = consistent_places(doc, ents, surnames)
    ents = regions(doc, ents)
    matches = actor_matcher(doc.vocab)(doc)
    found = [(s, e, doc.vocab.strings[m]) for m, s, e in matches]
    found = [f for f in found if not any(
        g != f and g[0] <= f[0] and f[1] <= g[1] for g in found)]
    # "The Islamic State of Iraq" (the model) inside "Islamic State of Iraq and the Levant"
    # (the tables): an article opening the model's span does not keep the longer name out
    opened = {s for s, e, _ in ents if doc[s].lower_ == "the" and e - s > 1}
    found = [(s - 1, e, lab) if s - 1 in opened else (s, e, lab) for s, e, lab in found]
    ents = merge(ents, found, replace=False)
    ents = merge(ents, fronted_places(doc, ents), replace=False)
    ents = merge(ents, forces(doc, ents), replace=True)
    ents = merge(ents, governments(doc, ents), replace=True)
    doc.ents = [SpacySpan(doc, s, e, label=lab) for s, e, lab in non_overlapping(ents)]
    return doc
