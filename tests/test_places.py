"""Places that are where they are: readings of a place name and the one an article means
(kg.places), the states an article names (kg.resolve._places), and the place-state
gold of bench_links."""

from __future__ import annotations

import pytest
from bench_links import canonical_title, expected_state
from spacy.language import Language

from kg import places
from kg.extract import analyze
from kg.model import Article, Entity, EntityType, Mention, Span
from kg.places import PlaceKind, choose
from kg.resolve import resolve_entities
from kg.resolve._places import States, article_states


def _state(name: str, *context: str) -> str | None:
    found = choose(name, frozenset(context))
    return found.iso3 if found is not None else None


@pytest.mark.parametrize(("name", "state"), [
    ("Florida", "USA"),  # a US state, not the Cuban town (news reading)
    ("Arizona", "USA"),  # not the Honduran town
    ("Goa", "IND"),  # an Indian state, not a Philippine town
    ("Amman", "JOR"),  # the city, dominant
    ("Tripoli", "LBY"),  # 1.3 M against 230,000 in Lebanon
])
def test_a_division_or_a_dominant_city_wins_over_a_homonymous_town_abroad(
        name: str, state: str) -> None:
    assert _state(name) == state


def test_the_article_states_decide_first() -> None:
    assert _state("Florida", "URY") == "URY"  # Uruguay's department beside "Uruguay"
    assert _state("Punjab", "PAK") == "PAK" and _state("Punjab", "IND") == "IND"
    assert _state("Canterbury", "GBR") == "GBR"  # the English city, not NZ's region


def test_ambiguous_or_unsupported_names_stay_without_a_state() -> None:
    assert _state("Punjab") is None  # India and Pakistan
    assert _state("Chala", "PER") is None  # a town of 20,000 in Tanzania
    assert _state("Posen", "USA") is None  # Poznań's German name, in Illinois
    assert _state("West", "SDN") is None  # Cameroon's West region, in a Sudan article
    assert _state("Chala", "TZA") == "TZA"  # ... unless the article names Tanzania


def test_in_one_state_the_city_comes_before_the_division() -> None:
    found = choose("Washington", frozenset({"USA"}))
    assert found is not None and found.kind is PlaceKind.CITY
    kursk = choose("Kursk")
    assert kursk is not None and kursk.kind is PlaceKind.CITY and kursk.geonameid


def test_x_city_is_a_city_own_name() -> None:
    gaza = [c for c in places.candidates("Gaza City") if c.kind is PlaceKind.CITY]
    assert gaza and not gaza[0].alternate and gaza[0].iso3 == "PSE"


def _mention(text: str, label: str = "GPE") -> Mention:
    return Mention(span=Span(0, len(text)), text=text, label=label, start=0, end=1,
                   sentence=0)


def test_article_states_come_from_names_demonyms_territories_and_divisions() -> None:
    s = article_states([_mention("Cuban", "NORP"), _mention("Kentucky"), _mention("Gaza"),
                        _mention("Chala"), _mention("Canterbury")])
    assert s.named == {"CUB", "PSE"}
    assert s.through == (("kentucky", "USA"),)  # not a small town, not an ambiguous name


def test_a_place_does_not_vouch_for_its_own_reading() -> None:
    s = States(frozenset(), (("posen", "POL"),))
    assert s.around("Posen") == frozenset() and s.around("Gniezno") == {"POL"}


def _entities(nlp: Language, text: str) -> tuple[Entity, ...]:
    return resolve_entities(next(analyze([Article(key="t", title="", body=text)], nlp=nlp)))


def test_resolution_puts_us_states_in_the_united_states(nlp: Language) -> None:
    text = ("Heavy rain causes flash flooding across Arizona. "
            "A plane crashes into a pond in Coral Springs, Florida.")
    found = {e.label: e for e in _entities(nlp, text) if e.type is EntityType.PLACE}
    assert found["Arizona"].part_of == "country/USA"
    assert found["Florida"].part_of == "country/USA"


def test_resolution_reads_the_article_states(nlp: Language) -> None:
    text = "Police in Uruguay said the storm flooded parts of Florida on Monday."
    florida = next(e for e in _entities(nlp, text) if e.label == "Florida")
    assert florida.part_of == "country/URY" and florida.type is EntityType.PLACE


@pytest.mark.parametrize(("title", "state"), [
    ("Florida", "USA"), ("Portland,_Oregon", "USA"), ("Kherson (city)", "UKR"),
    ("Georgia (U.S. state)", "USA"), ("Salisbury", None), ("Canterbury", None),
    ("Georgia (country)", None), ("Jordan", None), ("Amazon (company)", None),
])
def test_bench_links_reads_the_state_of_a_title(title: str, state: str | None) -> None:
    assert expected_state(title) == state


def test_bench_links_titles_of_one_state_are_one() -> None:
    assert canonical_title("U.S.") == canonical_title("United States")
    assert canonical_title("March 23 Movement") == canonical_title("March 23 movement")
