"""Event coreference inside an article: drafts that report one real event become one."""

from __future__ import annotations

from kg.events.context import ACTOR_ROLES, Draft
from kg.model import EventType, Modality, Role

#: Classes whose later mention without an object recalls an earlier one ("the request").
RECALLED = frozenset({EventType.APPEAL, EventType.SANCTION})


def same_event(a: Draft, b: Draft) -> bool:
    """Two drafts that report one real event (event coreference inside an article)."""
    if a.type is not b.type or a.polarity is not b.polarity:
        return False
    if a.type is EventType.STATEMENT:  # one statement per speaker (or group of speakers):
        # no chain from a joint statement to each speaker's own ("Trump responded"; "Christie,
        # who denounced ..."; "Schwarzman said ...")
        return bool(a.keys([Role.SPEAKER])) and a.keys([Role.SPEAKER]) == b.keys([Role.SPEAKER])
    if abs(a.sentence - b.sentence) > 3:
        return False
    if a.sentence == b.sentence and a.sequence != b.sequence:
        return False  # "killed in Russian airstrikes ... after infrastructure was targeted"
    objects = (Role.RECIPIENT, Role.TARGET, Role.ADDRESSEE)
    oa, ob = a.keys(objects), b.keys(objects)
    if a.sentence != b.sentence and oa != ob and ((oa and ob) or a.type not in RECALLED):
        return False  # "demanded X from Interpol ... Iran's request": one request
    places = (Role.LOCATION, Role.DESTINATION, Role.ORIGIN)
    pa, pb = a.keys(places), b.keys(places)
    if (not a.keys(ACTOR_ROLES) or not b.keys(ACTOR_ROLES)) and pa and pa == pb and \
            abs(a.sentence - b.sentence) <= 2 and not (a.quantities and b.quantities):
        return True  # "en route to Kursk" ... "have already arrived in the Kursk area"
    if a.keys(ACTOR_ROLES) != b.keys(ACTOR_ROLES) or not a.keys(ACTOR_ROLES):
        return False
    if pa != pb and pa and pb:
        return False
    if pa != pb and a.sentence != b.sentence:
        return False
    qa = {(q.value, q.min_value, q.max_value) for q in a.quantities}
    qb = {(q.value, q.min_value, q.max_value) for q in b.quantities}
    if qa and qb and not qa & qb:
        return False
    if (qa or qb) and not (qa and qb) and a.sentence != b.sentence:
        return False
    return not (a.time and b.time and a.time.text.lower() != b.time.text.lower())


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        twin = next((o for o in out if same_event(o, d)), None)
        if twin is None:
            out.append(d)
            continue
        for a in d.args:
            twin.add(a.role, a.entity, a.mention)
        for q in d.quantities:
            if q not in twin.quantities:
                twin.quantities.append(q)
        twin.time = twin.time or d.time
        twin.quote = twin.quote or d.quote
        twin.attributed_to = twin.attributed_to or d.attributed_to
        if twin.modality is Modality.ASSERTED and d.sentence != twin.sentence:
            twin.modality = d.modality  # not from the content of the act in its sentence
            # ("reach an agreement to renew the ceasefire": the agreement is reached)
    return out


