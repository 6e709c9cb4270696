"""Legal proceedings: charges and investigations, told from either side.

PLOVER codes a state's investigation of a matter or a party as ACCUSE (mode investigate,
CAMEO 09x) and its charges and indictments as ACCUSE (mode allege, CAMEO 11x): the actor is
the body that investigates or charges, the recipient the one investigated or charged.
News often tells these acts from the side of the one who undergoes them, or with no party
acted on at all:

- the one charged or investigated as the subject of the verb over the noun: "X is facing
  charges of fraud", "X faces an investigation", "X is under investigation", "X's dealings
  are part of an FBI investigation". ``undergoer`` finds that subject; the body acting is
  named on the noun ("an investigation by prosecutors", "an FBI investigation") or, when
  unnamed, is the authority of the place (``coder``).
- an investigation of a crime or a matter, not of a party: "police are investigating the
  assaults". It is an event when a body of the state investigates (``authority_inquiry``);
  an inquiry by anyone else into a thing ("scientists are investigating the cause") and an
  inquiry into an accident are not political events.

"Charge" has other senses that must report nothing: a duty ("the officials charged with
enforcing the law", "charged with the task of"), a price ("charged customers a fee",
"charges $5 for entry"). ``not_an_accusation`` reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyads.coding.frames import VERB_TAGS, chain, framed_by_intent, future
from dyads.coding.lexicon import TriggerEntry
from dyads.records import ActorRef

# Verbs whose subject undergoes the proceeding named by their object: "faces charges",
# "underwent questioning".
UNDERGOING_VERBS = frozenset({"face", "undergo"})
# Nouns that put their subject inside a proceeding named in their "of" phrase: "is the
# subject of an investigation", "are part of a probe".
INSIDE_NOUNS = frozenset({"subject", "target", "focus", "part", "centre", "center", "object"})
# Prepositions that put their subject inside a proceeding: "is under investigation".
INSIDE_PREPS = frozenset({"under"})
PROCEEDING_MODES = frozenset({"investigate", "allege"})
# Bodies of a state that investigate as part of their office: police, prosecutors and
# courts, intelligence services, ministries and parliaments, the armed forces.
AUTHORITY_SECTORS = frozenset({"COP", "JUD", "GOV", "LEG", "MIL"})
# What an inquiry into an accident names: such an inquiry is no political event.
ACCIDENT_WORDS = frozenset(
    {"crash", "accident", "collision", "derailment", "fire", "blaze", "explosion", "blast",
     "flood", "flooding", "landslide", "collapse", "sinking", "outage", "leak", "spill",
     "malfunction", "cause", "causes"}
)  # fmt: skip
# Duties one is charged with: "charged with investigating", "charged with the task of". Verbs
# that also name crimes ("charged with running a brothel", "with making false statements",
# "with providing support") are left out: a crime charge is the commoner sense.
DUTY_VERBS = frozenset(
    {"investigate", "oversee", "enforce", "implement", "monitor", "supervise", "coordinate",
     "ensure", "regulate", "administer", "examine", "probe", "evaluate", "assess", "review",
     "draft", "negotiate", "safeguard", "uphold", "protect", "maintain", "overhaul", "reform",
     "rebuild", "restore", "audit", "inspect", "verify", "study", "tackle", "combat",
     "prevent", "resolve", "mediate", "broker", "steer", "chair", "police", "develop",
     "design", "devise", "formulate", "select", "choose", "advise", "recommend", "handle",
     "manage", "look", "prosecute", "determine", "decide"}
)  # fmt: skip
DUTY_NOUNS = frozenset(
    {"task", "tasks", "responsibility", "responsibilities", "duty", "duties", "job", "mission",
     "role", "oversight", "supervision", "management", "implementation", "enforcement",
     "administration", "care", "custody", "protection", "security", "running", "mandate",
     "portfolio", "remit", "brief", "organisation", "organization", "coordination"}
)  # fmt: skip
# What a price is charged in or for: "charged a fee", "charged customers $5".
PRICE_WORDS = frozenset(
    {"fee", "fees", "price", "prices", "rate", "rates", "interest", "tax", "taxes", "toll",
     "tolls", "premium", "premiums", "rent", "commission", "money", "dollar", "dollars",
     "cent", "cents", "euro", "euros", "pound", "pounds", "rupee", "rupees", "customer",
     "customers", "consumer", "consumers", "user", "users", "passenger", "passengers",
     "tenant", "tenants", "client", "clients", "buyer", "buyers", "battery", "batteries",
     "phone", "phones", "car", "cars", "vehicle", "vehicles", "device", "devices", "$"}
)  # fmt: skip
PRICE_ENTITIES = frozenset({"MONEY"})


def undergoer(token: Any) -> Any | None:
    """The subject that undergoes the proceeding noun ``token``, or None: "X" of "X faces
    charges", "X is under investigation", "X is the subject of an inquiry"."""
    head = token.head
    verb = None
    if token.dep_ == "dobj" and head.lemma_.lower() in UNDERGOING_VERBS:
        verb = head
    elif token.dep_ == "pobj" and head.lower_ in INSIDE_PREPS and head.head.pos_ in VERB_TAGS:
        verb = head.head
    elif token.dep_ == "pobj" and head.lower_ == "of":
        frame = head.head
        if frame.lemma_.lower() in INSIDE_NOUNS and frame.dep_ == "attr":
            verb = frame.head
    if verb is None or verb.i == token.i:
        return None
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def is_proceeding(entry: TriggerEntry) -> bool:
    """A row of an investigation or a charge, which a subject may undergo."""
    return entry.event == "ACCUSE" and entry.mode in PROCEEDING_MODES and entry.pos == "N"


def authority_inquiry(token: Any, entry: TriggerEntry, *, actors: Sequence[ActorRef]) -> bool:
    """An investigation with no party investigated that still reports an event: a body of a
    state investigates a crime or a matter ("police are investigating the assaults"), not an
    accident ("investigating the crash", "the cause of the fire")."""
    if entry.mode != "investigate":
        return False
    if not any(a.sector in AUTHORITY_SECTORS for a in actors):
        return False
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children]
    if not objects:
        return False  # "after investigating, the office found ...": the inquiry is told done
    words = {w.lemma_.lower() for o in objects for w in o.subtree}
    return not words & ACCIDENT_WORDS


def planned(verb: Any, entry: TriggerEntry) -> bool:
    """A proceeding announced, not under way: "will investigate", "will be charged", "is
    going to carry out an investigation", "planned to file a complaint" (plans are not
    coded; a noun's own frame, "could face charges", is read by ``nominal.unreal``)."""
    if entry.event != "ACCUSE" or entry.mode not in PROCEEDING_MODES:
        return False
    return future(verb) or any(framed_by_intent(v) for v in chain(verb))


def not_an_accusation(token: Any, entry: TriggerEntry) -> str | None:
    """Why the verb "charge" names no charge, or None: a duty given ("the officials charged
    with enforcing the law"), a price asked ("charged customers a fee")."""
    if entry.lemma != "charge" or entry.pos != "V":
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"):
        for complement in prep.children:
            if complement.dep_ == "pcomp" and complement.lemma_.lower() in DUTY_VERBS:
                return "charged with a duty, not a crime"
            if complement.dep_ == "pobj" and complement.lower_ in DUTY_NOUNS:
                return "charged with a duty, not a crime"
    words = [
        t for c in token.children if c.dep_ in {"dobj", "dative", "npadvmod"} for t in c.subtree
    ]
    if any(t.lower_ in PRICE_WORDS or t.ent_type_ in PRICE_ENTITIES for t in words):
        return "a price, not a charge"
    return None
