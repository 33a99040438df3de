"""scripts/build_actors.py: PETRARCH2's actor dictionaries as kg's tables, and the look-ups
kg.gazetteer makes over what it wrote."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from kg import gazetteer

ROOT = Path(__file__).resolve().parents[1]

COUNTRIES = """\
# a comment
NIGERIA_  [NGA]
+NIGERIAN_
+LAGOS_
+KADUNA
+THE_GIANT_OF_AFRICA_

HONDURAS_  [HND]
+HONDURAN_
+TEGUCIGALPA_

MUHAMMADU_BUHARI
+GENERAL_MUHAMMADU_BUHARI
+BUHARI
\t[NGAGOV 19831231-19850827]
\t[NGAELI]
JOHN_SMITH_  # CountryInfo.txt
\t[GBRGOV 990101-000101]

GAZA_ [PSEGZA]
+RAFAH
"""

INTERNATIONAL = """\
INTERNATIONAL_ATOMIC_ENERGY_AGENCY_
+VIENNA_NUCLEAR_AGENCY_
\t[IGOUNOIAE] # a note
ANNA_SMITH_\t[IGOUNO 010101-020202]# a person
UN_ENVOY_\t[IGOUNO]
GREAT_LAKES_SHIPPING_CORPORATION_\t[MNCUSA]
"""

NONSTATE = """\
PALESTINIAN_ISLAMIC_JIHAD [MEAREB] #  kkl
+HARAKAT_AL-JIHAD_AL-ISLAMI_FI_FILASTIN_

ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]
+JAYSH_ADAN_

SHAHIN_ [XXXREB]
+FALCON_
+SHEIKH_ALI_MUSTAFA_

OSAMA_BIN_LADEN_
+BIN_LADEN
\t[IMGMUSALQ]
"""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_actors",
                                                  ROOT / "scripts" / "build_actors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_actors"] = module
    spec.loader.exec_module(module)
    return module


def test_dictionaries_become_bodies_persons_and_places(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (src / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (src / "Phoenix.MilNonState.actors.txt").write_text(NONSTATE, encoding="utf-8")
    build = _script()
    build.SOURCE = src
    out = tmp_path / "out"
    build.write(out, src)
    actors = [line.split("\t") for line in (out / "actors.tsv").read_text().splitlines()
              if line and not line.startswith("#")]
    labels = {cols[2]: cols[5].split("|") for cols in actors}
    # a curated body gains the dictionary's other names, under its own key and label
    assert ["organization/iaea", "Organization", "International Atomic Energy Agency",
            "", "", "Vienna Nuclear Agency"] in actors
    assert labels["Palestinian Islamic Jihad"] == ["Harakat Al-Jihad Al-Islami Fi Filastin"]
    assert labels["Aden Abyan Islamic Army"] == ["Jaysh Adan", "AAIA"]
    assert labels["Great Lakes Shipping Corporation"] == [""]  # a company of several words
    # a group's leader, a bare common word and a person entry are no body's names
    assert labels["Shahin"] == [""]
    assert not any("Osama" in label or "Envoy" in label or "Anna" in label
                   for label in labels)
    persons = set((out / "persons.tsv").read_text().splitlines())
    assert {"muhammadu buhari\tNGA", "john smith\tGBR"} <= persons
    assert not any(p.startswith(("buhari", "general")) for p in persons)
    places = (out / "places.tsv").read_text()
    assert "Lagos\tNGA" in places and "Kaduna\tNGA" in places and "Rafah\tPSE" in places
    assert "Giant" not in places and "Nigerian" not in places
    # a demonym for a state kg's countries.tsv gives none for
    assert "HND\tHonduran" in (out / "demonyms.tsv").read_text()


def test_lookups_over_the_shipped_tables() -> None:
    assert gazetteer.known_person("Muhammadu Buhari") == "NGA"
    assert gazetteer.known_person("Nicolás Maduro") == "VEN"  # accents ignored
    assert gazetteer.known_person("Buhari") is None  # full names only
    assert gazetteer.place_by_name("Khan Yunis") == ("Khan Yunis", "PSE")
    assert gazetteer.place_by_name("Uttar Pradesh") == ("Uttar Pradesh", "IND")
    assert gazetteer.place_by_name("Blue Nile") == ("Blue Nile", "SDN")
    assert gazetteer.place_by_name("Plateau", alone=True) is None  # a word of English too
    honduras = gazetteer.country_by_demonym("Honduran")
    assert honduras is not None and honduras.iso3 == "HND"
    pij = gazetteer.actor_by_name("Palestinian Islamic Jihad")
    assert pij is not None and pij.type == "Organization"
    g7 = gazetteer.actor_by_name("Group of Seven")
    assert g7 is not None and g7.key == "organization/g7"  # kg's own row wins
