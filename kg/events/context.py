"""The working state of event finding: a parse with a token → entity lookup
(:class:`Context`) and the event being assembled (:class:`Draft`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg import gazetteer
from kg.events.draft import Draft as Draft  # re-exported: the events modules take it from here
from kg.events.draft import head_word
from kg.events.lexicon import (
    AFFILIATION_VERBS,
    AREA_WORDS,
    DEBRIS_NOUNS,
    FLAG_PARTICIPLES,
    FORCE_MEMBER_NOUNS,
    GENERIC_BODY_NOUNS,
    GROUP_NOUNS,
    INSTITUTION_NOUNS,
    MILITARY_NOUNS,
    MOTION_VERBS,
    NAMED_BY_OF_NOUNS,
    OBJECT_CONTROL_VERBS,
    QUANTIFIER_WORDS,
    TITLE_NOUNS,
    WARSHIP_NOUNS,
)
from kg.gazetteer import MILITARY_WORDS
from kg.model import Analysis, Entity, EntityType, Mention, Parse, Role, Token
from kg.resolve import PRONOUN_LABEL, longest_mention_at, quotations

SUBJ = ("nsubj", "nsubjpass", "csubj")
PRONOUNS = frozenset({"he", "she", "it", "they"})
PLACE_TYPES = (EntityType.COUNTRY, EntityType.PLACE)
ACTOR_ROLES = (Role.AGENT, Role.PARTICIPANT, Role.SPEAKER)
VERB_POS = ("VERB", "AUX")
NOUN_POS = ("NOUN", "PROPN")


class Context:
    """The parse of one article with a token → entity lookup."""

    def __init__(self, analysis: Analysis, entities: Sequence[Entity]) -> None:
        self.analysis = analysis
        self.parse: Parse = analysis.parse
        self.tokens: tuple[Token, ...] = analysis.parse.tokens
        self.entities = {e.key: e for e in entities}
        self.heads: list[tuple[int, str, Mention, str]] = []  # (start, key, mention, head)
        for e in entities:
            if e.type in (EntityType.ORGANIZATION, EntityType.MILITARY_FORCE):
                head = head_word(e.label)
                for m in e.mentions:
                    self.heads.append((m.start, e.key, m, head))
        self.heads.sort(key=lambda h: h[0])
        # "his nation's alliance" is not the person's alliance, and a quoted "we" is
        # grounded but too vague to be an event's actor: only subject pronouns count, and
        # "we" only outside quotations, where it is the publisher's voice ("We condemn")
        quoted = {i for s, e in quotations(analysis.parse) for i in range(s, e)}
        # ... and a possessive pronoun of armed forces names their owner: "Belarus denied
        # that its troops had crossed", "they withdrew their forces"
        self.at: dict[int, tuple[str, Mention]] = longest_mention_at(
            (e.key, m) for e in entities for m in e.mentions
            if m.label != PRONOUN_LABEL or (
                self.tokens[m.start].dep in SUBJ and (
                    m.text.lower() in PRONOUNS
                    or (m.text.lower() == "we" and m.start not in quoted)))
            or (self.tokens[m.start].dep == "poss" and m.start not in quoted
                and self._forces_noun(self.tokens[m.start].head)))

    # ----------------------------------------------------------------- tokens

    def kids(self, i: int, *deps: str) -> list[Token]:
        return [c for c in self.parse.children(i) if not deps or c.dep in deps]

    def to_infinitive(self, i: int) -> bool:
        """Verb ``i`` is a to-infinitive ("urged Israel *to halt*")."""
        return any(a.dep == "aux" and a.text.lower() == "to" for a in self.kids(i))

    def is_passive(self, i: int) -> bool:
        """Verb ``i`` is in the passive voice, also as the second of two coordinated
        participles ("were shot and killed by ...")."""
        if any(c.dep in ("nsubjpass", "auxpass") for c in self.parse.children(i)):
            return True
        tok = self.tokens[i]
        return (tok.dep == "conj" and tok.tag == "VBN" and tok.head != i
                and not any(c.dep in SUBJ for c in self.parse.children(i))
                and self.is_passive(tok.head))

    def passive_subjects(self, i: int) -> list[Token]:
        """The subjects of passive verb ``i`` (what undergoes the act), shared by a
        coordinated participle."""
        own = self.kids(i, "nsubjpass")
        tok = self.tokens[i]
        if not own and tok.dep == "conj" and tok.head != i and self.is_passive(i):
            return self.passive_subjects(tok.head)
        return own

    def objects(self, i: int) -> list[Token]:
        """What verb ``i`` acts on: its direct objects (also one the model hung on the verb's
        particle: "breaks off relations"), or its passive subjects."""
        return self.kids(i, "dobj") + self.particle_objects(i) + (
            self.passive_subjects(i) if self.is_passive(i) else [])

    def of_objects(self, i: int) -> list[Token]:
        """The objects of token ``i``'s "of" phrases ("800 tonnes of aid" → aid)."""
        return [o for p in self.kids(i, "prep") if p.lemma.lower() == "of"
                for o in self.kids(p.i, "pobj")]

    def particle_objects(self, i: int) -> list[Token]:
        """An object the model hung on verb ``i``'s particle ("breaks off relations")."""
        return [o for p in self.kids(i, "prt") for o in self.kids(p.i, "pobj")]

    def actors(self, d: Draft) -> set[str]:
        """The entities of the draft's roles that act: all but places."""
        return {a.entity for a in d.args if self.type_of(a.entity) is not EntityType.PLACE}

    def type_of(self, key: str) -> EntityType:
        return self.entities[key].type

    def states(self, keys: Iterable[str]) -> set[str]:
        """The states the entities ``keys`` belong to (those that belong to one)."""
        return {s for s in (self.state_of(k) for k in keys) if s is not None}

    def state_of(self, key: str) -> str | None:
        """The state an entity is or belongs to: a country itself, the state of a force,
        body or place (``part_of``), of a person's post or known affiliation."""
        ent = self.entities.get(key)
        if ent is None:
            return None
        if ent.type is EntityType.COUNTRY:
            return ent.key
        if ent.part_of:
            return self.state_of(ent.part_of) if ent.part_of != key else None
        for post in ent.posts:
            if post.organization and post.organization != key:
                found = self.state_of(post.organization)
                if found:
                    return found
        known = gazetteer.actor(key)  # a leader of the actor table: the state he serves
        return known.part_of if known is not None and known.part_of != key else None

    def _seat_as_state(self, hit: tuple[str, Mention]) -> tuple[str, Mention]:
        """A capital named for its government ("officials in Kyiv") as the state, when the
        article names that state too."""
        ent = self.entities.get(hit[0])
        if ent is not None and ent.type is EntityType.PLACE:
            state = gazetteer.country_by_metonym(ent.label)
            if state is not None and state.key in self.entities:
                return state.key, hit[1]
        return hit

    def _forces_noun(self, i: int) -> bool:
        tok = self.tokens[i]
        return tok.lemma.lower() in MILITARY_NOUNS or tok.text.lower() in MILITARY_NOUNS

    def is_military(self, i: int) -> bool:
        tok = self.tokens[i]
        if tok.text.lower() == "force" and not any(  # "enters into force", "in force"
                c.dep in ("det", "amod", "compound", "poss") for c in self.parse.children(i)):
            return False
        if tok.lemma.lower() in MILITARY_NOUNS or tok.text.lower() in MILITARY_NOUNS:
            return True
        noun = tok.pos == "NOUN"  # "military vehicles"; a name: "the frigate Hessen"
        if tok.pos in ("NOUN", "PROPN") and any(c.dep in ("amod", "compound") and (
                c.text.lower() in MILITARY_WORDS if noun else c.lemma.lower() in WARSHIP_NOUNS)
                for c in self.parse.children(i)):
            return True
        hit = self.at.get(i)
        if hit is None and tok.text.lower() in QUANTIFIER_WORDS:  # "thousands of Marines"
            return any(self.is_military(o.i) for o in self.of_objects(i))
        if hit is None and tok.lemma.lower() in FORCE_MEMBER_NOUNS:  # "IRGC officers"
            return any(self.type_of(k) is EntityType.MILITARY_FORCE
                       for k, _ in self.np_entities(i))
        return hit is not None and self.type_of(hit[0]) is EntityType.MILITARY_FORCE

    # ----------------------------------------------------------------- noun phrases

    def np_entities(self, i: int, depth: int = 0) -> list[tuple[str, Mention]]:
        """Entities a noun phrase headed by token ``i`` names.

        The entity whose mention covers the head; else those of its modifiers (compound,
        nationality adjective, possessive: "U.S. officials", "Russia's forces") or, for a
        group noun, of its "of"/"from" phrase ("members of the EU"). Conjuncts, appositions
        and "including X" / "such as X" phrases are followed.
        """
        if depth > 6:
            return []
        out: list[tuple[str, Mention]] = []
        hit = self.at.get(i)
        if hit is None and self.tokens[i].lemma.lower() in TITLE_NOUNS:
            person = self._person_under(i)
            if person is not None:
                hit = person
        if hit is None and self.tokens[i].pos == "NOUN":
            hit = self._named_by_apposition(i)
        if hit is None:
            hit = self._definite(i)
        if hit is not None and self._negated_name(hit[1].start):
            hit = None
        if hit is not None:
            out.append(hit)
            is_person = self.type_of(hit[0]) is EntityType.PERSON
            for c in [*self.kids(i, "nmod"), *(n for k in self.kids(i, "compound")
                                                for n in self.kids(k.i, "nmod"))]:
                # "on Syrian president Ahmed al-Sharaa and interior minister Anas
                # Khattab": the parser hung the first of two coordinated names on the second
                if c.i in self.at and c.i not in range(hit[1].start, hit[1].end) and \
                        self.kids(c.i, "cc") and self.type_of(self.at[c.i][0]) is \
                        self.type_of(hit[0]):
                    out.append(self.at[c.i])
            for c in self.kids(i, "compound"):
                if c.i not in range(hit[1].start, hit[1].end) or any(
                        g.dep in ("conj", "appos") for g in self.parse.children(c.i)):
                    for g in self.kids(c.i, "conj", "appos"):
                        # "Presidents Buhari and Talon"; not the body of a title ("FBI
                        # agent and terrorism specialist Ali Soufan")
                        out.extend(e for e in self.np_entities(g.i, depth + 1) if not is_person
                                   or self.type_of(e[0]) is EntityType.PERSON)
        else:
            for c in self.kids(i, "compound", "amod", "poss", "nmod", "npadvmod"):
                if self._negated_name(c.i):
                    continue  # an "anti-Houthi coalition" is not the Houthis
                if c.i in self.at:
                    out.append(self.at[c.i])
                    # "British and French aircraft"
                    out.extend(self.at[g.i] for g in self.kids(c.i, "conj") if g.i in self.at)
                elif c.dep in ("poss", "compound"):
                    out.extend(self.np_entities(c.i, depth + 1))
                elif c.lemma.lower() in FLAG_PARTICIPLES:  # "the Panama-flagged tanker"
                    out.extend(self.at[g.i] for g in self.kids(c.i, "npadvmod", "amod")
                               if g.i in self.at)
            tok = self.tokens[i]
            named = [e for o in self.of_objects(i) for e in self.np_entities(o.i, depth + 1)
                     if self.type_of(e[0]) in PLACE_TYPES] if tok.lemma.lower() in \
                NAMED_BY_OF_NOUNS else []
            out = named or out  # "the Pacific island of Niue": Niue, not the Pacific
            if not out and tok.pos in NOUN_POS:
                out.extend(self._left_run(i))
            if not out and tok.pos in NOUN_POS:
                # "tankers associated with the UAE", "vessels linked to Russia"
                for acl in self.kids(i, "acl"):
                    if acl.lemma.lower() in AFFILIATION_VERBS:
                        for p in self.kids(acl.i, "prep", "agent"):
                            for o in self.kids(p.i, "pobj"):
                                out.extend(self.np_entities(o.i, depth + 1))
            if not out and (tok.lemma.lower() in GROUP_NOUNS | DEBRIS_NOUNS
                            or tok.pos in ("PRON", "NUM")
                            or tok.text.lower() in QUANTIFIER_WORDS  # "thousands of"
                            or tok.lemma.lower() in ("some", "all", "many", "both", "part")):
                for p in self.kids(i, "prep"):
                    # "members of the EU", "officials in Kyiv", "a spokesman for Hamas"
                    if p.lemma.lower() in ("of", "from", "in", "for"):
                        for o in self.kids(p.i, "pobj"):
                            out.extend(self._seat_as_state(hit) for hit in self.np_entities(
                                o.i, depth + 1) if p.lemma.lower() != "for"
                                or self.type_of(hit[0]) is not EntityType.PLACE)
            if not out and AREA_WORDS & {tok.lemma.lower(), tok.text.lower()}:
                # "in the north of Mali", "on the outskirts of Kyiv": the place it is part of
                out.extend(e for o in self.of_objects(i) for e in self.np_entities(o.i, depth + 1)
                           if self.type_of(e[0]) in PLACE_TYPES)
            if not out and self._forces_noun(i):  # "a force of Nigerian Army and SSS",
                # not the place of "forces of Harsin"
                out.extend(e for o in self.of_objects(i)
                           for e in self.np_entities(o.i, depth + 1)
                           if self.type_of(e[0]) is not EntityType.PLACE)
        of_person = hit is not None and self.type_of(hit[0]) is EntityType.PERSON
        for c in self.kids(i, "conj", "appos"):
            if of_person and c.dep == "appos" and c.i not in self.at and \
                    self.tokens[c.i].lemma.lower() not in TITLE_NOUNS | GROUP_NOUNS:
                continue  # "Ivan Petrov, a Russian poet": a description, not Russia
            out.extend(self.np_entities(c.i, depth + 1))
        for p in self.kids(i, "prep"):
            if p.lemma.lower() in ("include", "such", "including") or p.text.lower() in (
                    "including", "like") or (p.lemma.lower() == "as" and any(
                    g.lemma.lower() == "such" for g in self.parse.children(p.i))):
                for o in self.kids(p.i, "pobj"):
                    out.extend(self.np_entities(o.i, depth + 1))
                for a in self.kids(p.i, "amod", "prep"):
                    for o in self.kids(a.i, "pobj"):
                        out.extend(self.np_entities(o.i, depth + 1))
        return out

    def _negated_name(self, i: int) -> bool:
        """Token ``i`` follows "anti-" / "non-" / "pro-": the phrase is not that entity."""
        return i >= 2 and self.tokens[i - 1].text == "-" and \
            self.tokens[i - 2].text.lower() in ("anti", "non", "pro")

    def _definite(self, i: int) -> tuple[str, Mention] | None:
        """The body a bare definite description names: "the agency" after "the Saudi Press
        Agency", "the embassy" after "the US Embassy in London" (the latest earlier
        organisation whose name has that head word)."""
        tok = self.tokens[i]
        low = tok.lemma.lower()
        generic = low in GENERIC_BODY_NOUNS  # "the organization": the last one named
        if tok.pos != "NOUN" or (low not in INSTITUTION_NOUNS and not generic) or any(
                c.dep in ("compound", "amod", "poss", "nmod") for c in self.parse.children(i)):
            return None
        if not any(c.dep == "det" and c.text.lower() in ("the", "this")
                   for c in self.parse.children(i)):
            return None
        found: tuple[str, Mention] | None = None
        for start, key, m, head in self.heads:
            if start >= i:
                break
            if head == low or (generic and tok.sent - m.sentence <= 3
                               and self.type_of(key) is EntityType.ORGANIZATION):
                found = (key, Mention(span=tok.span, text=tok.text, label=m.label, start=i,
                                      end=i + 1, sentence=tok.sent))
        return found

    def _named_by_apposition(self, i: int) -> tuple[str, Mention] | None:
        """The person a description ends with: "The then-manager of X and Director of Y,
        David Clay, called it ..." (the name in apposition inside the noun's phrase)."""
        for t in self.parse.subtree(i):
            if t.dep in ("relcl", "acl", "ccomp") and t.i != i:
                return None
            hit = self.at.get(t.i)
            if t.dep == "appos" and hit is not None and \
                    self.type_of(hit[0]) is EntityType.PERSON:
                return hit
        return None

    def _person_under(self, i: int) -> tuple[str, Mention] | None:
        """The person a title noun names ("Ambassador to Germany Richard Grenell")."""
        for t in self.parse.subtree(i):
            if t.i == i or t.dep in ("relcl", "acl", "ccomp"):
                continue
            hit = self.at.get(t.i)
            if hit is not None and self.type_of(hit[0]) is EntityType.PERSON and \
                    abs(t.i - i) <= 6:
                return hit
        return None

    def _left_run(self, i: int) -> list[tuple[str, Mention]]:
        """Entities written directly before noun ``i`` ("U.S. and South Korean leaders")
        that the parser attached elsewhere."""
        out: list[tuple[str, Mention]] = []
        j = i - 1
        sent = self.tokens[i].sent
        both = self.tokens[i].text.lower() in ("both", "all", "each")
        while j >= 0 and self.tokens[j].sent == sent:
            tok = self.tokens[j]
            if j in self.at:
                key, m = self.at[j]
                if self._negated_name(m.start):
                    break
                if not out or out[-1][0] != key:
                    out.append((key, m))
                j = m.start - 1
            elif ((tok.dep == "cc" or tok.text == ",") and (out or both)) or (
                    tok.pos == "ADJ" and j == i - 1):  # not "According to CNN, officials"
                j -= 1
            else:
                break
        return out

    # ----------------------------------------------------------------- clauses

    def subject(self, v: int, depth: int = 0) -> list[int]:
        """Token heads of the (logical) subject of verb ``v``."""
        if depth > 4:
            return []
        tok = self.tokens[v]
        passive = self.is_passive(v)
        if passive:
            for p in self.kids(v, "agent"):
                objs = [o.i for o in self.kids(p.i, "pobj")]
                if objs:
                    return objs
            if tok.dep == "conj" and not self.kids(v, "nsubjpass"):
                return self.subject(tok.head, depth + 1)  # "shot and killed by X": X
        subs = [c.i for c in self.kids(v, *SUBJ) if not (passive and c.dep == "nsubjpass")]
        if not subs:  # "The US has been encouraging": the parser hung it on the auxiliary
            subs = [s.i for a in self.kids(v, "aux") for s in self.kids(a.i, "nsubj")]
        if not subs and self.kids(v, "expl"):  # "there are 5,000 U.S. troops in Iraq"
            subs = [c.i for c in self.kids(v, "attr")]
        subs = self._outside_according(v, subs)
        if subs:
            out: list[int] = []
            for s in subs:
                low = self.tokens[s].lemma.lower()
                if low in ("who", "which", "that") and tok.dep == "relcl":
                    noun = self.tokens[tok.head]
                    if noun.i not in self.at and noun.dep == "appos" and noun.head in self.at:
                        out.append(noun.head)  # "X, a Russian artist who criticized": X
                    else:
                        out.append(tok.head)
                elif low in PRONOUNS and self.tokens[s].pos == "PRON":
                    # resolution made "he" a mention of the person it stands for
                    out.append(s)
                    out.extend(c.i for c in self.kids(s, "conj"))  # "he and X urged"
                else:
                    out.append(s)
            # "The Labour Party's leader, Jeremy Corbyn announced": the parser made the
            # title and the name two subjects; the named person is the one
            named = [s for s in out if s in self.at
                     and self.type_of(self.at[s][0]) is EntityType.PERSON]
            return [s for s in out if not (
                self.tokens[s].lemma.lower() in TITLE_NOUNS
                and any(0 < self.at[n][1].start - s <= 3 for n in named))] or out
        if passive:
            return []
        if self.to_infinitive(v) and v >= 3 and self.tokens[v - 2].dep == "pobj" and \
                self.tokens[self.tokens[v - 2].head].lemma.lower() == "for":
            return [v - 2]  # "an agreement for the Syrian Army to enter": the army enters
        if tok.tag == "VBG" and v - 1 in self.at and self.tokens[v - 1].head != v and (
                tok.dep == "acl" or (tok.dep == "advcl" and self.tokens[  # "with X saying"
                    self.tokens[v - 1].head].lemma.lower() == "with")):
            noun = self.tokens[tok.head]
            prep = self.tokens[noun.head]
            if noun.dep == "pobj" and prep.lemma.lower() in ("on", "in", "at", "via", "through") \
                    and self.tokens[prep.head].pos in NOUN_POS and prep.head != prep.i and \
                    self.tokens[self.tokens[prep.head].head].pos in VERB_POS:
                # "posted a message on Twitter blaming X": the poster blames
                return self.subject(self.tokens[prep.head].head, depth + 1)
            return [v - 1]  # "images showing North Korea transporting ..."
        if tok.dep == "pcomp" and self.tokens[tok.head].lemma.lower() == "by":
            # "expands the travel ban by banning citizens of Mali": who expands bans
            verb = next((a.i for a in self.parse.ancestors(v) if a.pos in VERB_POS), None)
            return self.subject(verb, depth + 1) if verb is not None else []
        if tok.dep == "acl" and tok.tag == "VBN" and tok.head != v:
            # "people accused of crimes": the noun undergoes the act; forces "deployed to X"
            # are still the ones that move
            by = [o.i for p in self.kids(v, "agent") for o in self.kids(p.i, "pobj")]
            if by:
                return by
            return [tok.head] if tok.lemma.lower() in MOTION_VERBS else []
        if tok.dep == "acl" and tok.head != v and self.tokens[tok.head].pos in VERB_POS:
            return self.subject(tok.head, depth + 1)  # "votes to lift": misread xcomp
        if tok.dep in ("acl", "relcl") and tok.head != v and tok.tag in ("VB", "VBG") and \
                self.tokens[tok.head].dep == "attr" and \
                self.tokens[self.tokens[tok.head].head].lemma.lower() in ("be", "become"):
            # "X became the first leader to address the Assembly": X addresses it
            return self.subject(self.tokens[tok.head].head, depth + 1)
        if tok.dep in ("acl", "relcl") and tok.head != v:
            noun = self.tokens[tok.head]
            if tok.dep == "acl" and self.to_infinitive(v) and noun.dep == "pobj" and \
                    not self.np_entities(noun.i) and self.tokens[noun.head].head != noun.head \
                    and self.tokens[self.tokens[noun.head].head].pos in VERB_POS:
                # "voted on a resolution to expel X": the voter expels
                return self.subject(self.tokens[noun.head].head, depth + 1)
            infinitive = self.to_infinitive(v)
            if (tok.dep == "acl" or infinitive) and not self.np_entities(noun.i) and \
                    noun.dep == "dobj" and self.tokens[noun.head].pos in VERB_POS:
                # "issued a declaration demanding ...": the issuer demands
                return self.subject(noun.head, depth + 1)
            return [tok.head]
        if tok.dep == "pcomp" and self.tokens[tok.head].lemma.lower() in ("for", "of"):
            prep = self.tokens[tok.head]
            objs = [o.i for o in self.kids(prep.head, "dobj")] if prep.head != prep.i else []
            if objs and self.tokens[prep.head].pos in VERB_POS:
                return objs  # "sentenced X for ordering", "accused X of attacking": X
        if tok.dep in ("xcomp", "advcl", "conj", "pcomp", "dep", "acomp") and tok.head != v:
            head = self.tokens[tok.head]
            if tok.dep == "xcomp":
                objs = [o.i for o in self.kids(head.i, "dobj")]
                if objs and head.lemma.lower() in OBJECT_CONTROL_VERBS:
                    return objs
                if self.is_passive(head.i):  # "are scheduled to continue"
                    pas = [c.i for c in self.kids(head.i, "nsubjpass")]
                    if pas:
                        return pas
            if head.pos in VERB_POS or head.dep == "acomp":
                return self.subject(head.i, depth + 1)
            if head.pos == "ADP" and head.head != head.i:
                return self.subject(head.head, depth + 1)
        return []

    def _outside_according(self, v: int, subs: list[int]) -> list[int]:
        """Subjects the parser took from an "according to X, ..." phrase are the source,
        not the subject: "According to agency X, the prosecutor, Y, said" → Y."""
        acc = [c.i for c in self.kids(v, "prep") if c.text.lower() == "according"]
        if not acc:
            return subs
        sent = self.tokens[acc[0]].sent
        end = next((t.i for t in self.tokens[acc[0]:] if t.text == "," or t.sent != sent),
                   len(self.tokens))
        out: list[int] = []
        for s in subs:
            if acc[0] < s < end:
                out.extend(c.i for c in self.kids(s, "appos") if c.i > end)
            else:
                out.append(s)
        return out

    def clause_chain(self, i: int) -> tuple[list[int], Token | None]:
        """Token ``i`` and its heads up to its clause, and the token above that clause."""
        chain = [i]
        cur = self.tokens[i]
        while cur.head != cur.i and cur.dep not in ("ccomp", "parataxis", "ROOT"):
            cur = self.tokens[cur.head]
            chain.append(cur.i)
        above = self.tokens[cur.head] if cur.head != cur.i else None
        return chain, above


def anchor_tokens(d: Draft) -> list[int]:
    return ([d.trigger] if d.light is None else [d.trigger, d.light]) + d.extra
