"""Entity resolution: metonyms, titles, surnames, forces, places, seed gold score."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from kg.extract import analyze
from kg.model import Article, Entity, EntityType, Post, Span
from kg.resolve import EntityIndex, resolve_entities


def entities(nlp: Language, text: str) -> tuple[Entity, ...]:
    analysis = next(analyze([Article(key="t", title="", body=text)], nlp=nlp))
    return resolve_entities(analysis)


def keyed(ents: Iterable[Entity]) -> dict[str, Entity]:
    return {e.key: e for e in ents}


def at(ents: tuple[Entity, ...], text: str, phrase: str, nth: int = 0) -> Entity | None:
    begin = -1
    for _ in range(nth + 1):
        begin = text.index(phrase, begin + 1)
    return EntityIndex(ents).at(Span(begin, begin + len(phrase)))


def test_capital_as_agent_is_the_state_and_as_location_the_city(nlp: Language) -> None:
    text = ("Beijing warned on Monday that it would retaliate. "
            "The two delegations later met in Paris for talks.")
    ents = entities(nlp, text)
    assert at(ents, text, "Beijing").key == "country/CHN"  # type: ignore[union-attr]
    paris = at(ents, text, "Paris")
    assert paris is not None and paris.type == EntityType.PLACE and paris.geonames


def test_demonyms_and_names_make_one_country_with_iso3(nlp: Language) -> None:
    text = ("Iranian officials met Syria's foreign minister. "
            "Iran said the talks went well, and Tehran announced a new envoy.")
    by = keyed(entities(nlp, text))
    iran = by["country/IRN"]
    assert iran.label == "Iran" and iran.iso3 == "IRN" and len(iran.mentions) == 3
    assert "country/SYR" in by and by["country/SYR"].label == "Syria"


def test_title_before_name_gives_post_with_state(nlp: Language) -> None:
    text = ("British Foreign Secretary David Lammy arrived in Warsaw. "
            "Lammy said he would meet Polish President Andrzej Duda.")
    by = keyed(entities(nlp, text))
    lammy = by["person/david-lammy"]
    assert Post("Foreign Secretary", "country/GBR") in lammy.posts
    assert [m.text for m in lammy.mentions] == ["David Lammy", "Lammy", "he"]
    assert Post("President", "country/POL") in by["person/andrzej-duda"].posts


def test_apposition_gives_post(nlp: Language) -> None:
    text = "Mark Rutte, the NATO secretary general, said allies must spend more."
    rutte = keyed(entities(nlp, text))["person/mark-rutte"]
    assert any(p.title.lower().endswith("secretary general")
               and p.organization == "organization/nato" for p in rutte.posts)


def test_two_people_with_one_surname_are_not_merged(nlp: Language) -> None:
    text = (
        "Chinese Foreign Minister Wang Yi met Taiwan's opposition leader Wang Jin-pyng. "
        "Japanese Prime Minister Fumio Kishida joined Foreign Minister Wang Yi for lunch. "
        "Kishida and Wang discussed trade. "
        "Taiwanese opposition leader Wang said he was not invited."
    )
    ents = entities(nlp, text)
    by = keyed(ents)
    assert "person/wang-yi" in by and "person/wang-jin-pyng" in by
    # co-mentioned with Kishida before -> Wang Yi; title context -> Wang Jin-pyng
    assert at(ents, text, "Wang", 3).key == "person/wang-yi"  # type: ignore[union-attr]
    last = at(ents, text, "Wang", 4)
    assert last is not None and last.key == "person/wang-jin-pyng"


def test_surname_goes_to_the_most_recent_full_name(nlp: Language) -> None:
    text = ("Senator Elizabeth Warren spoke first. Then Senator John Warren spoke. "
            "Warren said the bill was flawed.")
    ents = entities(nlp, text)
    assert at(ents, text, "Warren", 2).key == "person/john-warren"  # type: ignore[union-attr]


def test_state_forces_are_one_node_per_state(nlp: Language) -> None:
    text = ("Israeli troops entered the town while Iranian soldiers and Iranian forces "
            "stayed back. The Iranian military denied it, and Iranian army units withdrew.")
    by = keyed(entities(nlp, text))
    irn = by["force/IRN"]
    assert irn.type == EntityType.MILITARY_FORCE and irn.part_of == "country/IRN"
    assert irn.label == "Iranian forces"
    assert len(irn.mentions) == 4
    assert {"Iranian soldiers", "Iranian military"} <= set(irn.aliases)
    assert by["force/ISR"].label == "Israel Defense Forces"


def test_named_unit_is_a_force(nlp: Language) -> None:
    text = "The Pentagon ordered the 82nd Airborne Division to Poland."
    by = keyed(entities(nlp, text))
    assert by["force/82nd-airborne-division"].type == EntityType.MILITARY_FORCE
    assert by["organization/pentagon"].part_of == "country/USA"


def test_region_and_city_are_one_place(nlp: Language) -> None:
    text = ("Shelling hit the Belgorod region overnight. "
            "Officials in Belgorod said two people were hurt.")
    by = keyed(entities(nlp, text))
    places = [e for e in by.values() if e.type == EntityType.PLACE]
    assert len(places) == 1
    place = places[0]
    assert place.label == "Belgorod" and "Belgorod region" in place.aliases
    assert place.geonames and place.latitude and place.part_of == "country/RUS"


def test_known_bodies_get_wikidata_and_state(nlp: Language) -> None:
    text = "The Kremlin rejected the U.N. General Assembly resolution, NATO said."
    by = keyed(entities(nlp, text))
    assert by["organization/kremlin"].part_of == "country/RUS"
    assert by["organization/nato"].wikidata == "Q7184"
    assert by["organization/un-general-assembly"].type == EntityType.ORGANIZATION


def test_index_finds_the_best_covering_entity(nlp: Language) -> None:
    text = "North Korean troops crossed into Russia."
    ents = entities(nlp, text)
    idx = EntityIndex(ents)
    assert idx.at(Span(0, 19)).key == "force/PRK"  # type: ignore[union-attr]
    assert idx.at(Span(13, 19)).key == "force/PRK"  # type: ignore[union-attr]
    # the demonym inside the force phrase is also evidence of the state
    assert idx.at(Span(0, 12)).key == "country/PRK"  # type: ignore[union-attr]
    assert idx.by_key("country/RUS") is not None
    assert idx.at(Span(21, 25)) is None


# --------------------------------------------------------------------------- seed score


def test_seed_entity_score(nlp: Language, shared_dir: Path) -> None:
    """The contract's entity scoring (kg.evaluate.score) over Entity objects."""
    from rdflib import URIRef

    from kg.articles import read_articles
    from kg.evaluate import OutEntity, load_gold, normalize, score

    seed = shared_dir / "seed"
    for path in sorted(seed.glob("*.gold.json")):
        gold = load_gold(path)
        article = next(iter(read_articles(seed / gold.file)))
        ents = resolve_entities(next(analyze([article], nlp=nlp)))
        out = [OutEntity(node=URIRef(f"urn:test:{e.key}"), types=frozenset({e.type.value}),
                         names=frozenset(normalize(n) for n in (e.label, *e.aliases)),
                         label=e.label) for e in ents]
        report = score(gold, out, [])
        assert report.entities.f1 >= 0.95, (report.missed_entities, report.spurious_entities)
        # one real thing, one node: no gold entity matched by two nodes of its type
        for g in gold.entities:
            nodes = [o for o in out if g.type in o.types and g.names & o.names]
            assert len(nodes) <= 1, (g.label, [o.label for o in nodes])


def test_title_alone_refers_to_the_post_holder(nlp: Language) -> None:
    text = ("Foreign Secretary Boris Johnson visited Baghdad. "
            "The talks, the Foreign Secretary said, were useful.")
    johnson = keyed(entities(nlp, text))["person/boris-johnson"]
    assert "the Foreign Secretary" in [m.text for m in johnson.mentions]


def test_ministries_are_keyed_by_state_and_field(nlp: Language) -> None:
    text = ("Russia's Defense Ministry said its forces advanced. Later the Defense Ministry "
            "published a video. The Ministry of Foreign Affairs of Ukraine protested.")
    by = keyed(entities(nlp, text))
    mod = by["organization/rus-defense-ministry"]
    assert mod.label == "Russian Defense Ministry" and mod.part_of == "country/RUS"
    assert [m.text for m in mod.mentions if m.label != "PRON"] == [
        "Defense Ministry", "the Defense Ministry"]
    assert by["organization/ukr-foreign-ministry"].part_of == "country/UKR"


def test_government_of_a_state_is_one_body(nlp: Language) -> None:
    text = "The Iraqi Government welcomed the deal. Later the Government of Iraq signed it."
    gov = keyed(entities(nlp, text))["organization/irq-government"]
    assert gov.label == "Government of Iraq" and len(gov.mentions) == 2


def test_same_thing_same_key_across_articles(nlp: Language) -> None:
    one = entities(nlp, "Kim Jong Un inspected North Korean troops near Pyongyang.")
    two = entities(nlp, "North Korea's leader Kim Jong-un said Pyongyang would not yield, "
                        "while North Korean soldiers drilled.")
    shared = {"person/kim-jong-un", "force/PRK"}
    assert shared <= set(keyed(one)) and shared <= set(keyed(two))
    assert keyed(two)["person/kim-jong-un"].wikidata == "Q56226"


def test_shorter_full_name_joins_the_longer_one(nlp: Language) -> None:
    text = ("Omani Foreign Minister Badr bin Hamad Al Busaidi spoke on Monday. "
            "On Tuesday Badr Al Busaidi met the envoy.")
    persons = [e for e in entities(nlp, text) if e.type == EntityType.PERSON]
    assert [p.key for p in persons] == ["person/badr-bin-hamad-al-busaidi"]
    assert len(persons[0].mentions) == 2


# --------------------------------------------------------------------------- tables


def test_tables_are_consistent() -> None:
    from kg import gazetteer

    seen: dict[str, str] = {}
    for a in gazetteer._actor_index().by_key.values():
        assert EntityType(a.type)  # a valid class name
        assert a.key.split("/")[0] in ("organization", "person", "force", "place"), a.key
        if a.part_of is not None:
            assert gazetteer.country(a.part_of.removeprefix("country/")), a.part_of
        for name in (a.label, *a.aliases):
            owner = seen.setdefault(gazetteer.normalize(name), a.key)
            assert owner == a.key, f"{name!r} names both {owner} and {a.key}"
    for c in gazetteer.countries():
        assert len(c.iso3) == 3 and c.label


def test_gazetteer_lookups() -> None:
    from kg import gazetteer

    assert gazetteer.country_by_name("the U.S.").iso3 == "USA"  # type: ignore[union-attr]
    assert gazetteer.country_by_name("Korea, Republic of").iso3 == "KOR"  # type: ignore[union-attr]
    assert gazetteer.country_by_demonym("North Korean").iso3 == "PRK"  # type: ignore[union-attr]
    assert gazetteer.country_by_metonym("Kyiv").iso3 == "UKR"  # type: ignore[union-attr]
    assert gazetteer.city_by_name("Kiev").name == "Kyiv"  # type: ignore[union-attr]
    assert gazetteer.actor_by_name("the Kremlin").key == "organization/kremlin"  # type: ignore[union-attr]
    assert gazetteer.slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert gazetteer.normalize("North Korea’s") == "north korea"


def test_to_a_capital_is_the_city_only_after_motion(nlp: Language) -> None:
    text = "Kyiv appealed to Moscow to stop. Then the envoy flew to Moscow."
    ents = entities(nlp, text)
    assert at(ents, text, "Kyiv").key == "country/UKR"  # type: ignore[union-attr]
    assert at(ents, text, "Moscow", 0).key == "country/RUS"  # type: ignore[union-attr]
    assert at(ents, text, "Moscow", 1).type == EntityType.PLACE  # type: ignore[union-attr]


def test_a_capital_naming_a_spot_is_the_city(nlp: Language) -> None:
    text = ("A Damascus car bombing killed five, the mayor of Cairo said. Buses ran from "
            "Herat to Kabul, and a plane headed for Ankara landed near the capital, Baku. "
            "Tehran warned Baghdad.")
    ents = entities(nlp, text)
    for city in ("Damascus", "Cairo", "Kabul", "Ankara", "Baku"):
        assert at(ents, text, city).type == EntityType.PLACE, city  # type: ignore[union-attr]
    assert at(ents, text, "Tehran").key == "country/IRN"  # type: ignore[union-attr]
    assert at(ents, text, "Baghdad").key == "country/IRQ"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- anaphora


def _refs(ent: Entity) -> list[str]:
    return [m.text for m in ent.mentions if m.label in ("PRON", "DEF")]


def test_pronouns_become_mentions_of_the_nearest_fitting_entity(nlp: Language) -> None:
    text = ("Defense Secretary Lloyd Austin met Japan's foreign minister in Tokyo. "
            "He said his country would help. The Pentagon said it had sent advisers.")
    by = keyed(entities(nlp, text))
    assert _refs(by["person/lloyd-austin"]) == ["He", "his"]
    pentagon = next(e for e in by.values() if e.label.endswith("Pentagon")
                    or "Pentagon" in e.aliases)
    assert _refs(pentagon) == ["it"]


def test_a_dummy_it_and_a_common_noun_referent_get_no_entity(nlp: Language) -> None:
    text = ("Russia deployed troops to the border. It is unclear why. "
            "The deployment worried Finland, and it could escalate the crisis.")
    ents = entities(nlp, text)
    assert all(_refs(e) == [] for e in ents)


def test_she_is_not_a_person_already_called_he(nlp: Language) -> None:
    text = ("Joe Biden met Angela Merkel in Berlin. He praised the alliance. "
            "Biden said she was a friend.")
    by = keyed(entities(nlp, text))
    assert "she" not in _refs(by["person/joe-biden"])


def test_they_needs_a_plural_body(nlp: Language) -> None:
    text = ("The Syrian Democratic Forces said they had taken the town. "
            "The Selective Service System registers men. They must sign up at 18.")
    by = keyed(entities(nlp, text))
    sdf = next(e for e in by.values() if "Democratic Forces" in e.label)
    assert _refs(sdf) == ["they"]
    sss = next(e for e in by.values() if "Selective Service" in e.label)
    assert _refs(sss) == []


def test_the_city_refers_back_to_the_last_place(nlp: Language) -> None:
    text = ("Iraqi forces entered Mosul on Monday. Fighting continued in the city "
            "for a week. The ancient city of Nineveh lies nearby.")
    ents = entities(nlp, text)
    mosul = next(e for e in ents if e.label == "Mosul")
    assert _refs(mosul) == ["the city"]


def test_first_person_in_a_quotation_is_its_speaker(nlp: Language) -> None:
    text = ('"We will not back down, and I will say so in Brussels," NATO Secretary '
            "General Jens Stoltenberg said on Tuesday.\n\n"
            "Foreign Secretary David Lammy said:\n\nI condemn this attack. We stand with "
            "our partners.")
    by = keyed(entities(nlp, text))
    assert _refs(by["person/jens-stoltenberg"]) == ["I"]
    assert _refs(by["organization/nato"]) == ["We"]
    assert _refs(by["person/david-lammy"]) == ["I"]


def test_a_pronoun_in_a_quotation_is_not_its_speaker(nlp: Language) -> None:
    text = ('Tony Mendez died on Saturday. Ben Affleck said, "He was a true hero. '
            'He never sought the spotlight."')
    by = keyed(entities(nlp, text))
    assert _refs(by["person/ben-affleck"]) == []
    assert _refs(by["person/tony-mendez"]) == ["He", "He"]


def test_a_state_named_in_a_body_is_mentioned_too(nlp: Language) -> None:
    text = "The Government of Iraq welcomed the agreement."
    by = keyed(entities(nlp, text))
    assert [m.text for m in by["country/IRQ"].mentions] == ["Iraq"]


def test_a_state_or_its_leader_before_a_government_noun_is_its_government(
        nlp: Language) -> None:
    text = ("The Venezuelan government rejected the report. Later the regime expelled "
            "two diplomats. Critics of the Assad regime met in Geneva, and Syrian "
            "government forces shelled Idlib.")
    by = keyed(entities(nlp, text))
    ven = by["organization/ven-government"]
    assert [m.text for m in ven.mentions] == ["Venezuelan government", "the regime"]
    assert ven.part_of == "country/VEN"
    assert [m.text for m in by["organization/syr-government"].mentions] == ["Assad regime"]
    assert "Assad" in [m.text for m in by["person/bashar-al-assad"].mentions]
    assert "force/SYR" in by  # "government forces" stay the state's forces


def test_the_regime_alone_needs_a_government_named_before(nlp: Language) -> None:
    ents = entities(nlp, "The regime collapsed in 1989 after mass protests.")
    assert not any(e.key.endswith("-government") for e in ents)


def test_a_title_set_off_by_commas_is_a_post_and_a_mention(nlp: Language) -> None:
    text = ("The Home Secretary, Yvette Cooper, said: We will act. Later the Home "
            "Secretary visited Dover. Maj. Gen. Pat Ryder, spokesperson for the "
            "Pentagon, said the talks went well.")
    by = keyed(entities(nlp, text))
    cooper = by["person/yvette-cooper"]
    assert Post("Home Secretary") in cooper.posts
    assert [m.text for m in cooper.mentions] == ["Home Secretary", "Yvette Cooper",
                                                 "the Home Secretary"]
    ryder = by["person/pat-ryder"]
    assert ryder.posts[0].title == "spokesperson for the Pentagon"
    assert ryder.posts[0].organization is not None
    assert "spokesperson" in [m.text for m in ryder.mentions]


def test_a_list_of_names_is_not_a_title(nlp: Language) -> None:
    text = "Delegates from France, Germany, Olaf Scholz and others attended."
    by = keyed(entities(nlp, text))
    scholz = next(e for e in by.values() if e.label == "Olaf Scholz")
    assert scholz.posts == ()


def test_the_city_of_x_and_the_town_of_x_are_mentions_of_x(nlp: Language) -> None:
    text = ("Troops advanced on the city of Kherson. Rebels held the northern town of "
            "Kidal.")
    ents = entities(nlp, text)
    kherson = next(e for e in ents if e.label == "Kherson")
    assert _refs(kherson) == ["the city"]
    assert any(e.type is EntityType.PLACE and "Kidal" in (e.label, *e.aliases)
               for e in ents)


def test_we_outside_quotations_is_the_publisher(nlp: Language) -> None:
    text = ('We condemn the attack on the embassy. "We were lucky," a guard said. '
            "Our thoughts are with the victims.")
    art = Article(key="t", title="", body=text, source="Norwegian Government")
    by = keyed(resolve_entities(next(analyze([art], nlp=nlp))))
    gov = by["organization/nor-government"]
    assert _refs(gov) == ["We", "Our"]  # not the guard's "We"
    no_source = keyed(entities(nlp, text))
    assert not any(_refs(e) for e in no_source.values())


def test_publisher_names_resolve_like_names_in_text() -> None:
    from kg.resolve._things import publisher_draft

    assert publisher_draft("UK Government").key == "organization/gbr-government"  # type: ignore[union-attr]
    assert publisher_draft("Reuters").key == "organization/reuters"  # type: ignore[union-attr]
    assert publisher_draft("France").key == "country/FRA"  # type: ignore[union-attr]
    assert publisher_draft("  ") is None


def test_common_english_names_of_states_resolve(nlp: Language) -> None:
    by = keyed(entities(nlp, "The European Union gave the Ivory Coast new aid, and Ivorian "
                             "officials thanked East Timor and Swaziland for their support."))
    assert {"country/CIV", "country/TLS", "country/SWZ"} <= set(by)
    assert len(by["country/CIV"].mentions) == 2


def test_a_government_is_named_with_the_article_its_state_takes(nlp: Language) -> None:
    by = keyed(entities(nlp, "The Philippine government and the Iraqi government met."))
    assert by["organization/phl-government"].label == "Government of the Philippines"
    assert by["organization/irq-government"].label == "Government of Iraq"


def test_a_people_named_in_the_plural_is_its_state(nlp: Language) -> None:
    by = keyed(entities(nlp, "Thousands of Syrians fled as Iraqis crossed the border."))
    assert {"country/SYR", "country/IRQ"} <= set(by)
    assert [m.text for m in by["country/SYR"].mentions] == ["Syrians"]


def test_a_release_quoting_its_own_official_speaks_as_the_publisher(nlp: Language) -> None:
    text = ('Minister Jane Doe said:\n\nWe are deeply concerned by the fighting.\n\n'
            '"We will win," Ali Khan told reporters.')
    for source, key in (("Norwegian Government", "organization/nor-government"),
                        ("Reuters", None)):
        art = Article(key="t", title="", body=text, source=source)
        by = keyed(resolve_entities(next(analyze([art], nlp=nlp))))
        if key is None:  # a news agency does not speak for the people it quotes
            assert not any(_refs(e) for e in by.values())
        else:
            assert _refs(by[key]) == ["We"]  # the minister's, not the untitled speaker's


def test_spellings_of_one_name_are_one_person(nlp: Language) -> None:
    text = ("Officials said Usama bin Ladin planned the attacks. Osama bin Laden hid in "
            "Abbottabad. A court freed Alaa Abd El-Fattah; Abd el-Fattah left prison.")
    persons = [e for e in entities(nlp, text) if e.type == EntityType.PERSON]
    names = sorted(sorted(m.text for m in p.mentions if m.label == "PERSON") for p in persons)
    assert ["Osama bin Laden", "Usama bin Ladin"] in names
    assert ["Abd el-Fattah", "Alaa Abd El-Fattah"] in names
