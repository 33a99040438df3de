"""The word lists and trigger table event finding reads, bound to names from
:mod:`kg.lexicon` (the data lives in ``kg/data/lexicon``; edit it there).

A verb entry may carry a condition that its arguments must meet (movement verbs count
only when forces move; "strike" only when it is not "strike a deal"). Nouns are event
nouns ("talks", "deployment", "sanctions"); a noun governed by a light verb ("held talks",
"launched an offensive", "imposed sanctions") is one event with the verb's arguments.
"""

from __future__ import annotations

from kg.lexicon import Condition, Trigger, trigger_table, words
from kg.model import EventType

__all__ = ["Condition", "Trigger"]

_TABLE = trigger_table()
VERBS: dict[str, Trigger] = _TABLE.verbs
NOUNS: dict[str, Trigger] = _TABLE.nouns


def noun_class(lemma: str) -> EventType | None:
    """The class of the event noun ``lemma`` names ("strike" → Combat), if any."""
    trig = NOUNS.get(lemma.lower())
    return trig.type if trig is not None else None


LIGHT_VERBS = words("light_verbs")
NOT_GOODS_NOUNS = words("not_goods_nouns")
INSTITUTION_NOUNS = words("institution_nouns")
NORM_NOUNS = words("norm_nouns")
WEAPON_NOUNS = words("weapon_nouns")
EXPLOSIVE_NOUNS = words("explosive_nouns")
MUNITION_NOUNS = words("munition_nouns")
VEHICLE_NOUNS = words("vehicle_nouns")
LISTING_WORDS = words("listing_words")
DESIGNATING_VERBS = words("designating_verbs")
DUES_NOUNS = words("dues_nouns")
ONE_PARTY_ACTS = words("one_party_acts")
WARSHIP_NOUNS = words("warship_nouns")
FORCE_MEMBER_NOUNS = words("force_member_nouns")
MILITARY_NOUNS = words("military_nouns") | WARSHIP_NOUNS
AID_NOUNS = words("aid_goods_nouns") | WEAPON_NOUNS
INFO_NOUNS = words("info_nouns")
TIES_NOUNS = words("ties_nouns")
FACILITY_NOUNS = words("facility_nouns")
TOPIC_VERBS = words("topic_verbs")
SANCTIONED_THINGS = words("sanctioned_things")
ACCIDENT_NOUNS = words("accident_nouns")
ANIMAL_NOUNS = words("animal_nouns")
OCCUPATION_NOUNS = words("occupation_nouns")
TRIP_WORDS = words("trip_words")
PURPOSE_NOUNS = words("purpose_nouns")
ACCIDENT_VERBS = words("accident_verbs")
FIGURATIVE_NOUNS = words("figurative_nouns")
ROUTINE_NOUNS = words("routine_nouns")
MOTION_VERBS = words("motion_verbs")
DEAL_NOUNS = words("deal_nouns")
ESTIMATE_WORDS = words("estimate_words")
POSSIBLE_AUX = words("possible_aux")
POSSIBLE_ADV = words("possible_adverbs")
POSSIBLE_MOD = words("possible_modifiers")
POSSIBLE_HEADS = words("possible_heads")
PLANNED_HEADS = words("planned_heads")
PLAN_NOUNS = words("plan_nouns")
PLANNED_MOD = words("planned_modifiers")
REPORTED_ADV = words("reported_adverbs")
TITLE_NOUNS = words("title_nouns")
SUMMIT_NOUNS = words("summit_nouns")
REFUSAL_VERBS = words("refusal_verbs")
OUSTING_VERBS = words("ousting_verbs")
TREATY_WORDS = words("treaty_words")
INSTIGATION_NOUNS = words("instigation_nouns")
ROAD_VEHICLE_NOUNS = words("road_vehicle_nouns")
GROUP_NOUNS = words("group_nouns")
INTENT_VERBS = words("intent_verbs")
UNDERGO_VERBS = words("undergo_verbs")
SETTING_NOUNS = words("setting_nouns")
ANSWER_VERBS = words("answer_verbs")
GRANTING_VERBS = words("granting_verbs")
UNREST_WORDS = words("unrest_words")
PASSAGE_WORDS = words("passage_words")
COMPLETION_VERBS = words("completion_verbs")
BUYING_WORDS = words("buying_words")
#: "the north of X", "the outskirts of X": X is the place meant.
AREA_WORDS = words("area_words")
DEST_PREPS = words("destination_preps")
LOC_PREPS = words("location_preps")
WITH_PREPS = words("with_preps")
TARGET_PREPS = words("target_preps")
NAMED_BY_OF_NOUNS = words("named_by_of_nouns")
EXPRESSED_NOUNS = words("expressed_nouns")
TARGET_VERBS = words("target_verbs")
CASUALTY_VERBS = words("casualty_verbs")
TERRITORY_NOUNS = words("territory_nouns")
OPERATION_MODIFIERS = words("operation_modifiers")
ATTRIBUTION_VERBS = words("attribution_verbs")
AFFILIATION_VERBS = words("affiliation_verbs")
CONCLUDING_VERBS = words("concluding_verbs")
ENDORSED_ACTS = words("endorsed_acts")
DETENTION_VERBS = words("detention_verbs")
SUPPORT_NOUNS = words("support_nouns")
FLAG_PARTICIPLES = words("flag_participles")
GENERIC_BODY_NOUNS = words("generic_body_nouns")
HALT_VERBS = words("halt_verbs")
PAUSE_VERBS = words("pause_verbs")
ENDING_VERBS = words("ending_verbs")
OPERATION_NOUNS = words("operation_nouns")
RESPONSIBILITY_NOUNS = words("responsibility_nouns")
QUANTIFIER_NOUNS = words("quantifier_nouns")
RETREAT_NOUNS = words("retreat_nouns")
JUDGEMENT_VERBS = words("judgement_verbs")
WISH_VERBS = words("wish_verbs")
CRITICISM_OBJECTS = words("criticism_objects")
VERBAL_ATTACK_VERBS = words("verbal_attack_verbs")
OCCURRENCE_VERBS = words("occurrence_verbs")
LABOR_STRIKE_WORDS = words("labor_strike_words")
ASSEMBLY_WORDS = words("assembly_words")
REFLEXIVE_PRONOUNS = words("reflexive_pronouns")
WORK_NOUNS = words("work_nouns")
WAR_STATE_NOUNS = words("war_state_nouns")
GOAL_NOUNS = words("goal_nouns")
PROTEST_VERBS = words("protest_verbs")
ATTACKER_NOUNS = words("attacker_nouns")
ATTACKER_MODIFIERS = words("attacker_modifiers")
DEBRIS_NOUNS = words("debris_nouns")
LIFTING_VERBS = words("lifting_verbs")
GOODS_NOUNS = words("goods_nouns")
JUDICIAL_NOUNS = words("judicial_nouns")
LEGISLATION_NOUNS = words("legislation_nouns")
ONE_SIDED_DOCUMENTS = words("one_sided_documents")
POST_NOUNS = words("post_nouns")
HOSTILE_VERBS = words("hostile_verbs")
PEOPLE_NOUNS = words("people_nouns")
FIGURATIVE_FIGHT_MODIFIERS = words("figurative_fight_modifiers")
INVESTIGATOR_NOUNS = words("investigator_nouns")
INQUIRY_NOUNS = words("inquiry_nouns")
CRIME_CASE_NOUNS = words("crime_case_nouns")
VISIT_SITE_NOUNS = words("visit_site_nouns")
LEGISLATURE_NOUNS = words("legislature_nouns")
OBJECT_CONTROL_VERBS = words("object_control_verbs")
NEWS_MEDIA_WORDS = words("news_media_words")
NOT_WAR_WORDS = words("not_war_words")
#: "the civil war", "an armed conflict": a war whose sides need not be named.
CIVIL_WAR_WORDS = words("civil_war_words")
#: "warned its citizens to leave", "told Russia to withdraw": with an object and a
#: to-infinitive, a demand made of the object.
DIRECTIVE_VERBS = words("directive_verbs")
WARNING_VERBS = words("warning_verbs")
#: "thousands of Marines": a count before the group it counts.
QUANTIFIER_WORDS = words("quantifier_words")
#: "usually", "typically": a remark on what usually happens (kg.events.scope).
HABITUAL_ADVERBS = words("habitual_adverbs")
#: "reporter", "journalist" before a name: a meeting with one is an interview.
JOURNALIST_NOUNS = words("journalist_nouns")
#: "lodged a protest": verbs under which "protest" is an official complaint, not a march.
COMPLAINT_VERBS = words("complaint_verbs")
#: "cancel", "suspend": sanctions only against a known or foreign body.
ADMINISTRATIVE_VERBS = words("administrative_verbs")
#: "Hadi's government", "the Afghan regime": a state's ruling body named by a noun.
GOVERNMENT_NOUNS = words("government_nouns")
#: "announced an operation": speech verbs whose object is what is said, never whom to.
CONTENT_VERBS = words("content_verbs")
CROWD_NOUNS = words("crowd_nouns")
PRIVATE_ORG_WORDS = words("private_org_words")
PATIENT_NOUNS = words("patient_nouns")
SEQUENCE_MARKS = words("sequence_marks")
RULING_NOUNS = words("ruling_nouns")
