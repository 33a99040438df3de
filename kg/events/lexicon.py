"""Trigger lexicons: which lemmas signal which event class, with their CAMEO code.

A verb entry may carry a condition that its arguments must meet (movement verbs count
only when forces move; "strike" only when it is not "strike a deal"). Nouns are event
nouns ("talks", "deployment", "sanctions"); a noun governed by a light verb ("held talks",
"launched an offensive", "imposed sanctions") is one event with the verb's arguments.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import EventType

M, D, S, T, A, TR, C, CO, SA = (
    EventType.MEETING, EventType.DEPLOYMENT, EventType.STATEMENT, EventType.TRANSFER,
    EventType.APPEAL, EventType.TRAINING, EventType.COMBAT, EventType.COOPERATION,
    EventType.SANCTION,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """An entry of a lexicon: class, CAMEO code and an optional condition name.

    Conditions: ``mil_subj`` (the subject is armed forces), ``mil_obj`` (the object is),
    ``speaker`` (the subject is a named actor), ``obj`` (it has a direct object),
    ``reverse`` (a Transfer whose subject receives: "acquire", "buy"), ``negative``
    (a denial or rejection), ``not_deal`` (not "strike a deal"), ``violent_subj`` (no
    accident or disease as the cause), ``attacker`` (that, in the active voice with a
    subject: "guerrillas wounded two soldiers", not "no troops were injured").
    """

    type: EventType
    cameo: str
    condition: str = ""


def _t(kind: EventType, cameo: str, *lemmas: str, condition: str = "") -> dict[str, Trigger]:
    return {lemma: Trigger(kind, cameo, condition) for lemma in lemmas}


VERBS: dict[str, Trigger] = {
    **_t(M, "040", "meet", "confer", "consult", "gather", "convene"),
    **_t(M, "040", "discuss", condition="speaker"),
    **_t(M, "042", "visit", "tour"),
    **_t(M, "043", "host"),
    **_t(M, "046", "negotiate"),
    **_t(D, "154", "deploy", "station", "mobilize", "mobilise", "reinforce", "redeploy"),
    **_t(D, "154", "send", "dispatch", "amass", "mass", condition="mil_obj"),
    **_t(D, "150", "move", "head", "arrive", "reach", "enter", "advance", "remain", "return",
         "leave", "withdraw", "march", "cross", "pour", condition="mil_subj"),
    **_t(D, "152", "bolster", "strengthen", condition="obj"),
    **_t(D, "150", "patrol"),
    **_t(S, "010", "say", "state", "tell", "remark", "comment", "announce", "declare",
         "stress", "assert", "insist", "argue", "tweet", "confirm", "add", "reiterate",
         "explain", "respond", "reply", "write", "characterize", "characterise", "inform",
         "notify", "brief"),
    **_t(S, "010", "report", "indicate", "suggest", "note", "claim", condition="speaker"),
    **_t(S, "012", "warn", "voice"),
    **_t(S, "015", "acknowledge", "admit"),
    **_t(S, "016", "deny", condition="negative"),
    **_t(S, "018", "regret"),
    **_t(S, "051", "praise", "welcome"),
    **_t(S, "052", "defend"),
    **_t(S, "111", "condemn", "denounce", "criticize", "criticise", "decry"),
    **_t(S, "112", "accuse", "allege", "blame"),
    **_t(S, "120", "reject", "dismiss", "refute", condition="negative"),
    **_t(S, "130", "threaten"),
    **_t(S, "114", "complain", "protest"),
    **_t(S, "112", "charge", condition="obj"),
    **_t(S, "120", "refuse", "decline", "oppose", "renege", condition="negative"),
    **_t(S, "129", "veto", condition="negative"),
    **_t(T, "070", "supply", "deliver", "transfer", "provide", "transport", "ship", "sell",
         "export", "smuggle", "donate", "hand"),
    **_t(T, "070", "fly", condition="obj"),
    **_t(T, "070", "give", "contribute", "grant", "allocate", condition="aid_obj"),
    **_t(T, "070", "acquire", "buy", "purchase", "receive", "import", "obtain",
         condition="reverse"),
    **_t(A, "020", "urge", "appeal", "request", "ask", "invite", "encourage", "recommend",
         "plead", "implore", "exhort"),
    **_t(A, "100", "demand"),
    **_t(TR, "150", "train"),
    **_t(TR, "150", "drill", condition="mil_subj"),
    **_t(C, "190", "fight", "attack", "raid", "ambush", "assault", "clash", "invade",
         "bombard", "storm"),
    **_t(C, "190", "strike", "hit", condition="not_deal"),
    **_t(C, "194", "shell"),
    **_t(C, "195", "bomb", "down", "shoot"),
    **_t(C, "190", "kill", condition="violent_subj"),
    # "guerrillas wounded two soldiers"; not "no troops were injured" (a casualty count)
    **_t(C, "190", "wound", "injure", condition="attacker"),
    **_t(C, "190", "launch", "fire", condition="weapon_obj"),
    **_t(C, "186", "assassinate", "execute"),
    **_t(C, "181", "kidnap", "abduct", "hijack"),
    **_t(C, "182", "torture", "beat", "abuse", condition="not_deal"),
    **_t(C, "192", "capture", "retake", "recapture", "seize", "occupy", condition="obj"),
    **_t(C, "200", "massacre"),
    **_t(CO, "030", "pledge", "agree", "vow", "promise", "offer", "accept", "consent"),
    **_t(CO, "050", "support", "back", "endorse", condition="speaker"),
    **_t(CO, "055", "apologize", "apologise"),
    **_t(CO, "056", "forgive"),
    **_t(CO, "064", "share", condition="info_obj"),
    **_t(CO, "063", "extradite"),
    **_t(CO, "057", "sign", "ratify"),
    **_t(CO, "060", "cooperate", "collaborate", "partner", "ally"),
    **_t(SA, "163", "sanction", "embargo", "blacklist", "freeze"),
    **_t(SA, "166", "expel"),
    **_t(SA, "172", "ban", "restrict", "bar"),
    **_t(SA, "172", "suspend", "prohibit", "halt", "cancel", "sever", condition="obj"),
    **_t(SA, "161", "cut", condition="ties_obj"),
    **_t(SA, "173", "arrest", "detain", "indict", condition="obj"),
}

NOUNS: dict[str, Trigger] = {
    **_t(M, "040", "meeting", "talk", "summit", "conference", "discussion", "consultation",
         "meet", "session", "summitry"),
    **_t(M, "042", "visit", "trip"),
    **_t(M, "046", "negotiation"),
    **_t(M, "045", "mediation"),
    **_t(D, "154", "deployment", "buildup", "build-up", "redeployment", "reinforcement",
         "mobilization", "mobilisation"),
    **_t(D, "150", "withdrawal", "arrival", "route", "pullout", "patrol"),
    **_t(S, "010", "statement", "remark", "comment", "announcement", "tweet", "speech"),
    **_t(S, "012", "warning"),
    **_t(S, "016", "denial", condition="negative"),
    **_t(S, "111", "condemnation", "criticism", "denunciation"),
    **_t(S, "114", "complaint", "protest"),
    **_t(S, "112", "accusation", "allegation"),
    **_t(T, "070", "delivery", "transfer", "shipment", "sale", "aid", "assistance"),
    **_t(T, "070", "acquisition", "purchase", condition="reverse"),
    **_t(A, "020", "appeal", "request", "call", "invitation", "plea"),
    **_t(A, "100", "demand", "ultimatum"),
    **_t(TR, "150", "training", "exercise", "drill", "maneuver", "manoeuvre", "wargame"),
    **_t(C, "190", "attack", "strike", "offensive", "combat", "fighting", "assault", "raid",
         "incursion", "clash", "battle", "fight", "hostility", "counteroffensive",
         "counter-offensive", "shootdown", "ambush", "firefight", "gunfight", "skirmish"),
    **_t(C, "192", "invasion"),
    **_t(C, "194", "shelling", "bombardment"),
    **_t(C, "195", "airstrike", "bombing"),
    **_t(C, "186", "killing", "assassination"),
    **_t(CO, "030", "agreement", "pledge", "deal", "pact", "accord", "memorandum", "memoranda",
         "consensus", "offer"),
    **_t(CO, "057", "treaty"),
    **_t(CO, "050", "alliance"),
    **_t(CO, "060", "collaboration", "cooperation", "partnership", "coalition"),
    **_t(SA, "163", "sanction", "embargo", "blockade"),
    **_t(SA, "166", "expulsion"),
    **_t(SA, "160", "suspension", "cancellation"),
    **_t(SA, "172", "ban", "restriction"),
    **_t(SA, "173", "warrant", "indictment", "arrest"),
}

#: Verbs that only carry an event noun: "held talks", "launched an offensive".
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "launch", "begin", "start", "carry", "stage", "make", "issue",
    "release", "express", "voice", "raise", "impose", "take", "give", "continue", "resume",
    "join", "open", "attend", "lead", "mount", "order", "approve", "complete", "enter",
    "host", "sign", "announce", "reach", "deliver", "seal", "conclude", "enhance", "deepen",
    "expand", "step", "plan", "propose", "engage", "increase", "boost", "improve",
    "strengthen", "bolster", "wage", "escalate", "intensify",
    "tighten", "extend", "lift", "receive", "hit", "face", "undergo", "observe", "address",
    "organize", "organise", "convene", "chair", "broker", "strike", "forge", "renew",
    "provide",
})

#: What a transfer verb moves that is not goods: "received a request", "casualties were
#: transported to hospital".
NOT_GOODS_NOUNS = frozenset({
    "warrant", "request", "letter", "message", "call", "casualty", "body", "patient",
    "passenger", "injured", "wounded", "victim", "complaint", "invitation", "award", "prize",
    "sentence", "threat", "criticism", "notice", "order", "approval", "permission", "vote",
    "response", "reply", "answer", "visitor", "guest", "treatment", "praise", "condolence",
    "apology", "warning", "news", "report", "question", "speech", "address", "signal",
})

#: Head nouns of bodies that "the <noun>" can refer back to ("the agency", "the embassy").
INSTITUTION_NOUNS = frozenset({
    "agency", "embassy", "ministry", "department", "council", "committee", "court",
    "commission", "organization", "organisation", "parliament", "party", "company", "airline",
    "movement", "office", "bank", "network", "newspaper", "union", "alliance", "assembly",
    "tribunal", "fund", "bureau", "service", "police", "militia", "group", "coalition",
})

#: Standing rules: "the constitution prohibits ..." states a norm, not an act.
NORM_NOUNS = frozenset({
    "constitution", "law", "charter", "rule", "regulation", "statute", "convention", "policy",
    "article", "clause", "code", "treaty", "legislation",
})

WEAPON_NOUNS = frozenset({
    "weapon", "arm", "arms", "munition", "munitions", "missile", "rocket", "shell", "ammunition",
    "drone", "jet", "artillery", "tank", "bomb", "grenade", "rifle", "gun", "torpedo",
    "warhead", "howitzer", "launcher", "mortar", "equipment", "battery", "shot", "round",
    "bullet", "salvo", "volley", "projectile",
})

MILITARY_NOUNS = frozenset({
    "troop", "troops", "soldier", "force", "forces", "unit", "army", "military", "personnel",
    "fighter", "marine", "battalion", "brigade", "division", "regiment", "navy", "warship",
    "tank", "militia", "militant", "contingent", "reinforcement", "paratrooper", "commando",
    "mercenary",
})


AID_NOUNS = frozenset({
    "aid", "grant", "loan", "money", "fund", "funds", "assistance", "dollar", "euro", "food",
    "supply", "supplies", "equipment", "credit", "million", "billion",
    "help", "support", "material", "materiel",
}) | WEAPON_NOUNS
INFO_NOUNS = frozenset({"intelligence", "information", "expertise", "evidence", "data",
                        "technology", "know-how", "experience", "findings", "resources"})
TIES_NOUNS = frozenset({"tie", "ties", "relation", "relations", "aid", "link", "links",
                        "contact", "contacts", "supply", "supplies"})
ACCIDENT_NOUNS = frozenset({
    "collision", "crash", "accident", "storm", "fire", "blaze", "flood", "earthquake",
    "disease", "virus", "outbreak", "explosion", "landslide", "hurricane", "typhoon",
    "avalanche", "cancer", "illness", "heat", "collapse", "wreck", "coronavirus", "covid-19",
    "pandemic", "epidemic", "infection", "pneumonia", "tornado", "cyclone", "drought",
})
#: Verbs of an accident: "seven were killed when a bomber crashed".
ACCIDENT_VERBS = frozenset({"crash", "collapse", "drown", "overturn", "derail", "sink",
                            "capsize", "erupt"})
#: Objects that make a combat verb figurative: "abused their power", "hit a record".
FIGURATIVE_NOUNS = frozenset({
    "power", "authority", "record", "deadline", "target", "expectation", "estimate", "trust",
    "position", "office", "privilege", "system", "market", "wall", "snag", "note", "jackpot",
})
#: What a cancelled or suspended thing can be without reducing relations.
ROUTINE_NOUNS = frozenset({
    "schedule", "appearance", "event", "concert", "show", "amendment", "performance", "game",
    "match", "campaign", "bid", "class", "party", "celebration", "festival", "plan",
})
#: Verbs of moving forces whose participle names the moved force: "troops deployed to X".
MOTION_VERBS = frozenset({"deploy", "station", "send", "move", "base", "position", "mobilize",
                          "mobilise", "dispatch", "redeploy", "transfer", "withdraw"})
DEAL_NOUNS = frozenset({"deal", "agreement", "balance", "chord", "tone", "pose", "bargain",
                        "compromise", "accord", "note"})


ESTIMATE_WORDS = frozenset({"estimate", "assess", "calculate", "reckon"})
POSSIBLE_AUX = frozenset({"may", "might", "could"})
POSSIBLE_ADV = frozenset({"potentially", "possibly", "perhaps", "likely", "probably", "maybe"})
POSSIBLE_MOD = frozenset({"potential", "possible", "likely", "probable", "prospective",
                          "eventual"})
POSSIBLE_HEADS = frozenset({"likelihood", "possibility", "chance", "likely", "possible",
                            "prospect", "risk", "threat"})
PLANNED_HEADS = frozenset({"expect", "schedule", "plan", "set", "intend", "prepare", "aim",
                           "commit", "decide", "due", "slate", "go", "scheduled", "expected",
                           "planned", "offer", "propose", "want", "promise", "vow", "pledge",
                           "agree", "hope", "seek", "threaten", "ready", "willing", "prepared"})
PLANNED_MOD = frozenset({"future", "upcoming", "planned", "proposed", "scheduled", "next"})
REPORTED_ADV = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                          "apparently"})
TITLE_NOUNS = frozenset({
    "president", "minister", "ambassador", "secretary", "spokesperson", "spokesman",
    "spokeswoman", "envoy", "chancellor", "premier", "king", "queen", "general", "commander",
    "chief", "leader", "governor", "mayor", "director", "head", "senator", "representative",
    "diplomat", "official", "prime", "foreign", "defense", "defence", "deputy",
})
GROUP_NOUNS = frozenset({
    "member", "representative", "leader", "official", "government", "spokesperson",
    "spokesman", "spokeswoman", "minister", "ministry", "delegation", "source", "authority",
    "president", "envoy", "ambassador", "diplomat", "intelligence", "navy", "commander",
})
