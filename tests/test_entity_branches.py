"""Named parts of a state are their own entities: the service branches of its armed
forces, its divisions named with their division word, its bodies whose state is named
inside another name (kg.resolve._units, kg.resolve._things)."""

from __future__ import annotations

from eventkit import analyse
from spacy.language import Language

from kg.model import Entity, EntityType
from kg.resolve import resolve_entities


def keyed(nlp: Language, text: str) -> dict[str, Entity]:
    return {e.key: e for e in resolve_entities(analyse(nlp, text))}


def named(ents: dict[str, Entity], name: str) -> Entity:
    """The entity with a name mention ``name``."""
    found = [e for e in ents.values() if any(m.text.removeprefix("the ").removeprefix(
        "The ") == name for m in e.mentions)]
    assert len(found) == 1, (name, sorted(ents))
    return found[0]


def test_a_branch_named_with_its_state_is_its_own_force(nlp: Language) -> None:
    text = ("The U.S. Navy moved two destroyers while the U.S. Space Force watched, "
            "and U.S. Marines guarded the port beside American troops.")
    ents = keyed(nlp, text)
    navy, space = named(ents, "U.S. Navy"), named(ents, "U.S. Space Force")
    marines, troops = named(ents, "U.S. Marines"), named(ents, "American troops")
    assert (navy.key, space.key, marines.key) == (
        "force/usa-navy", "force/usa-space-force", "force/usa-marine-corps")
    assert troops.key == "force/USA"  # the forces as a whole stay one node
    for force in (navy, space, marines):
        assert force.type is EntityType.MILITARY_FORCE and force.part_of == "country/USA"
    assert "United States Navy" in navy.aliases


def test_a_branch_is_one_key_whatever_names_its_state(nlp: Language) -> None:
    a = named(keyed(nlp, "The Ukrainian Air Force shot down nine drones."),
              "Ukrainian Air Force")
    b = named(keyed(nlp, "The Air Force of Ukraine shot down nine drones."),
              "Air Force of Ukraine")
    assert a.key == b.key == "force/ukr-air-force"


def test_a_lower_case_branch_word_is_the_state_s_forces(nlp: Language) -> None:
    ents = keyed(nlp, "The Iranian Navy seized a tanker after the Iranian navy warned it.")
    assert named(ents, "Iranian Navy").key == "force/irn-navy"
    assert named(ents, "Iranian navy").key == "force/IRN"


def test_the_table_s_own_branch_is_kept(nlp: Language) -> None:
    ents = keyed(nlp, "The American Coast Guard rescued the crew off Florida.")
    assert named(ents, "American Coast Guard").key == "force/us-coast-guard"


def test_a_division_named_with_its_word_is_not_its_city(nlp: Language) -> None:
    ents = keyed(nlp, "Drones hit Moscow Oblast overnight, and officials in Moscow "
                      "closed two airports.")
    oblast, city = named(ents, "Moscow Oblast"), named(ents, "Moscow")
    assert oblast.key == "place/moscow-division" and oblast.part_of == "country/RUS"
    assert "Moscow Oblast" in oblast.aliases
    assert city.key != oblast.key and city.geonames is not None
    other = named(keyed(nlp, "Drones hit the Moscow Region overnight."), "Moscow Region")
    assert other.key == oblast.key  # one division whatever its word


def test_a_division_of_iso_3166_2_keeps_the_division_s_key(nlp: Language) -> None:
    ents = keyed(nlp, "Floods reached the Mahdia Governorate of Tunisia; in Mahdia two "
                      "bridges fell.")
    division, city = named(ents, "Mahdia Governorate"), named(ents, "Mahdia")
    assert division.key == "place/mahdia" and division.part_of == "country/TUN"
    assert city.key != division.key and city.part_of == "country/TUN"


def test_a_body_takes_a_state_named_inside_an_earlier_name(nlp: Language) -> None:
    ents = keyed(nlp, "Citizens of the Ivory Coast vote for a new National Assembly while "
                      "the Democratic Party stays away from the polls.")
    assembly = named(ents, "National Assembly")
    party = named(ents, "Democratic Party")
    assert assembly.key == "organization/civ-national-assembly"
    assert party.key == "organization/civ-democratic-party"
    assert party.part_of == "country/CIV"
