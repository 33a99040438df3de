"""Entities across the corpus: the publisher, table names the model read as persons,
surnames read as places, acronyms and full names, a company's short name
(kg.resolve._names)."""

from __future__ import annotations

from spacy.language import Language

from kg.extract import analyze
from kg.model import Article, Entity, EntityType, Mention, Span
from kg.resolve import resolve_entities
from kg.resolve._drafts import Draft
from kg.resolve._names import (
    acronym_key,
    acronym_of,
    as_surname,
    names_a_thing,
    publisher_names,
    rekey,
)


def _entities(nlp: Language, text: str, url: str | None = None) -> dict[str, Entity]:
    article = Article(key="t", title="", body=text, url=url)
    return {e.key: e for e in resolve_entities(next(analyze([article], nlp=nlp)))}


def test_the_publisher_is_never_a_person_or_a_place(nlp: Language) -> None:
    text = ("Smith told Wikinews this might happen in cases of illegal fishing. "
            "Wikinews attended the event. The candidate proposed to Wikinews a novel approach.")
    ents = _entities(nlp, text, url="https://en.wikinews.org/wiki/Some_story")
    named = [e for e in ents.values() if "Wikinews" in (e.label, *e.aliases)]
    assert [e.key for e in named] == ["organization/wikinews"]
    assert named[0].type is EntityType.ORGANIZATION and len(named[0].mentions) == 3


def test_publisher_names_come_from_the_source_and_the_site() -> None:
    article = Article("k", "", "", source="Al Jazeera", url="https://apnews.com/article/x")
    assert publisher_names(article) == {"aljazeera", "apnews"}
    assert publisher_names(Article("k", "", "", url="https://www.state.gov/x")) == set()


def test_a_table_body_or_a_two_word_state_read_as_a_person_is_that_thing() -> None:
    assert names_a_thing("Bermuda") and names_a_thing("Southcom")
    assert names_a_thing("Sri Lanka")
    assert not names_a_thing("Chad") and not names_a_thing("Lloyd Austin")


def test_a_person_surname_is_the_person_not_the_capital(nlp: Language) -> None:
    text = ("The attacker, identified as Sudesh Amman, 20, was placed under police "
            "surveillance. Amman, who was described as knife-obsessed by the police, "
            "sent his girlfriend videos.")
    ents = _entities(nlp, text)
    assert "country/JOR" not in ents
    assert "Amman" in [m.text for m in ents["person/sudesh-amman"].mentions]


def test_as_surname_keeps_state_names() -> None:
    m = Mention(Span(0, 5), "Amman", "GPE", 0, 1, 0)
    assert as_surname(m, frozenset({"amman"})) is not None
    j = Mention(Span(0, 6), "Jordan", "GPE", 0, 1, 0)
    assert as_surname(j, frozenset({"jordan"})) is None


def test_a_full_name_defining_its_acronym_has_the_acronym_key(nlp: Language) -> None:
    text = ("The move drew criticism from the United Nations Educational, Scientific and "
            "Cultural Organization (UNESCO) on Friday. UNESCO said it regretted it.")
    ents = _entities(nlp, text)
    unesco = ents["organization/unesco"]
    assert unesco.label == "United Nations Educational, Scientific and Cultural Organization"
    assert "UNESCO" in unesco.aliases
    assert not any(e.label == "Cultural Organization" for e in ents.values())
    # the acronym alone in another article is the same IRI
    assert "organization/unesco" in _entities(nlp, "UNESCO said it regretted the decision.")


def test_an_acronym_in_apposition_joins_its_full_name(nlp: Language) -> None:
    text = ("UNESCO, the United Nations Educational, Scientific and Cultural Organization, "
            "said the site was at risk.")
    orgs = [e for e in _entities(nlp, text).values() if e.type is EntityType.ORGANIZATION]
    assert [e.key for e in orgs] == ["organization/unesco"]


def test_acronym_keys_need_the_initials_and_leave_table_bodies() -> None:
    assert acronym_of("NTSB", "National Transportation Safety Board")
    assert not acronym_of("PKK", "Kurdistan Workers' Party")
    d = Draft("organization/national-hurricane-center", EntityType.ORGANIZATION,
              "National Hurricane Center")
    assert acronym_key(d, "NHC") == "organization/nhc"
    icc = Draft("organization/international-criminal-court", EntityType.ORGANIZATION,
                "International Criminal Court")
    assert acronym_key(icc, "ICC") is None  # the table's own key stays


def test_rekey_merges_into_the_acronym_draft() -> None:
    drafts = {"organization/unesco": Draft("organization/unesco", EntityType.ORGANIZATION,
                                           "UNESCO"),
              "organization/x": Draft("organization/x", EntityType.ORGANIZATION,
                                      "United Nations Educational")}
    rekey(drafts, "organization/x", "organization/unesco")
    assert list(drafts) == ["organization/unesco"]
    assert drafts["organization/unesco"].label == "United Nations Educational"
    assert "UNESCO" in drafts["organization/unesco"].aliases


def test_a_company_short_name_is_the_company_not_a_town(nlp: Language) -> None:
    for text in ("Germany banned Mahan Air from flying in the country on Tuesday. "
                 "Officials said Mahan had carried weapons to Syria.",
                 "Germany banned Mahan Air from flying in the country. Mahan has been the "
                 "subject of United States sanctions since 2011."):
        ents = _entities(nlp, text)
        mahan = [e for e in ents.values() if "Mahan" in (e.label, *e.aliases)
                 or e.label == "Māhān"]
        assert [e.key for e in mahan] == ["organization/mahan-air"], text


def test_a_surname_in_a_place_slot_stays_the_place(nlp: Language) -> None:
    text = ("George Washington was the first president. Congress offers a solution to the "
            "brokenness we see in Washington, D.C. today.")
    ents = _entities(nlp, text)
    assert [m.text for m in ents["person/george-washington"].mentions] == ["George Washington"]


def test_a_possessive_surname_after_a_preposition_is_the_person(nlp: Language) -> None:
    text = ("Former vice-president Nickey Iyambo died on Monday. The president expressed "
            "his sadness at Iyambo's death.")
    ents = _entities(nlp, text)
    assert "Iyambo's" in [m.text for m in ents["person/nickey-iyambo"].mentions]


def test_a_shared_body_name_takes_the_state_named_before_it(nlp: Language) -> None:
    ents = _entities(nlp, "South Korea's National Assembly passes a law legalizing tattoos.")
    assembly = ents["organization/kor-national-assembly"]
    assert assembly.label == "National Assembly" and assembly.part_of == "country/KOR"


def test_a_shared_body_name_without_a_state_before_it_stays_generic(nlp: Language) -> None:
    ents = _entities(nlp, "The Supreme Court blocked the tariffs on China on Friday.")
    assert ents["organization/supreme-court"].part_of is None


def test_a_shared_body_of_the_table_keeps_the_table_key(nlp: Language) -> None:
    ents = _entities(nlp, "U.S. President Trump asked Congress to pass the bill.")
    assert "organization/usa-congress" not in ents
    assert "Congress" in [m.text for m in ents["organization/us-congress"].mentions]


def test_a_shared_force_name_takes_the_state_named_before_it(nlp: Language) -> None:
    ents = _entities(nlp, "Mexico's National Guard patrols the border.")
    assert ents["force/mex-national-guard"].part_of == "country/MEX"
