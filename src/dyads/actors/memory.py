"""What an article has said so far about its actors: coreference inside one article.

News text names a person in full once ("Turkey's Deputy National Defense Minister Muhsin
Dere") and then by surname ("Dere"), by office ("the minister") or by pronoun ("he"). The
memory keeps, in article order:

- persons by full name and by surname (the last token of the name),
- the last party named with each role word: a person with an office ("minister",
  "president", "spokesperson") or a body a state owns ("the Trump administration", "Iraq's
  Human Rights Ministry"), for a later "the minister", "the administration", "the ministry",
- the last person named at all (what "he" / "she" refers to; gender is not tracked),
- the countries named so far, for role nouns that name none ("police"), for the halves of
  a divided country ("the North" once North Korea is named: ``dyads.actors.units``), and the
  last one where the article placed something ("in northern Iraq"), for armed groups
  ("militants"),
- the last two parties of different states named together ("China and Russia"), for "both
  countries", and the last two such persons, for "the two leaders",
- the last subject that was not a person: a country or body ("Iran said", "the government
  said") for "it" / "its", a group ("the rebels", "Greek and Turkish officials") for "they" /
  "their",
- the acronyms the article defined ("the joint investigation team (JIT)"), for a later
  "JIT" (``dyads.actors.acronyms``).

One memory serves one article and is filled sentence by sentence by ``ActorFinder.find``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

from dyads.nlp.parser import ROMANISED_NAME
from dyads.records import ActorRef


class ArticleMemory:
    """Per-article coreference memory (mutable, never shared between articles)."""

    def __init__(self, *, default_country: str | None = None, day: date | None = None) -> None:
        """``default_country``: the country of the dateline, when the article has one;
        ``day``: the article's publication day, which decides the code of a person who
        held different offices over time (``dyads.actors.petrarch``)."""
        self.default_country = default_country
        self.day = day
        self._by_name: dict[str, ActorRef] = {}
        self._by_role: dict[str, ActorRef] = {}
        self._last_person: ActorRef | None = None
        self._countries: list[str] = []
        self._place: str | None = None
        self._body: tuple[ActorRef, ...] = ()
        self._body_plural = False
        self._pair: tuple[ActorRef, ActorRef] | None = None
        self._person_pair: tuple[ActorRef, ActorRef] | None = None
        self._acronyms: dict[str, ActorRef] = {}
        # how often each pair of countries was named together, and the rank of the kept pairs
        self._pair_counts: dict[frozenset[str], int] = {}
        self._pair_count = 0  # how often the kept pair was named together
        self._person_count = 0

    @property
    def last_person(self) -> ActorRef | None:
        """The person most recently named: what "he" or "she" refers to."""
        return self._last_person

    def remember_person(self, person: ActorRef) -> ActorRef:
        """Store ``person`` (merged with what is known of the same name) and return the merge."""
        known = self.person_by_name(person.name)
        if known is not None and person.name.split()[-1] in (
            known.name.split()[-1],
            surname_of(known),
        ):
            person = replace(
                person,
                name=known.name if len(known.name) > len(person.name) else person.name,
                country=person.country or known.country,
                sector=person.sector or known.sector,
                title=person.title or known.title,
            )
        surname = surname_of(person).lower()
        self._by_name[person.name.lower()] = person
        if known is not None or surname not in self._by_name:
            # a namesake ("widow Akie Abe" after "Shinzo Abe") leaves the bare surname to
            # the one named first, whom the article goes on to call by it
            self._by_name[surname] = person
        if person.title:
            self._by_role[person.title.split()[-1].lower()] = person
        self._last_person = person
        if person.country:
            self.remember_country(person.country)
        return person

    def copy(self) -> ArticleMemory:
        """An independent copy: what is learnt through it leaves this memory unchanged."""
        other = ArticleMemory(default_country=self.default_country, day=self.day)
        other._by_name = dict(self._by_name)
        other._by_role = dict(self._by_role)
        other._last_person = self._last_person
        other._countries = list(self._countries)
        other._place = self._place
        other._body = self._body
        other._body_plural = self._body_plural
        other._pair = self._pair
        other._person_pair = self._person_pair
        other._acronyms = dict(self._acronyms)
        other._pair_counts = dict(self._pair_counts)
        other._pair_count = self._pair_count
        other._person_count = self._person_count
        return other

    def remember_acronym(self, acronym: str, body: ActorRef) -> None:
        """``acronym`` stands for ``body`` from here on in the article."""
        self._acronyms[acronym.upper()] = body

    def acronym(self, acronym: str) -> ActorRef | None:
        """The body the article defined ``acronym`` for, if any."""
        return self._acronyms.get(acronym.upper())

    def focus_body(self, actors: tuple[ActorRef, ...], *, plural: bool) -> None:
        """Make ``actors`` (a subject that is not a person) what "it" / "they" refer to next."""
        self._body = actors
        self._body_plural = plural

    def body_for(self, pronoun: str) -> tuple[ActorRef, ...]:
        """What "it" / "its" (one singular body) or "they" / "their" (a plural subject) mean.

        Empty when the last such subject does not fit the pronoun's number: "it" after "Iran
        and Iraq said" is left unresolved rather than guessed.
        """
        plural = pronoun.lower() in _PLURAL_PRONOUNS
        if plural != self._body_plural or (not plural and len(self._body) != 1):
            return ()
        return self._body

    def recent_country(self, *, excluding: str | None = None) -> str | None:
        """The last state named so far other than ``excluding`` (IGO/NGO codes aside)."""
        for code in reversed(self._countries):
            if code != excluding and len(code) == _ISO_LENGTH and code not in _NOT_STATES:
                return code
        return None

    def remember_pair(self, pair: tuple[ActorRef, ActorRef], *, persons: bool) -> None:
        """Two parties of different states named together ("China and Russia", "Abe and
        Trump"): what "both countries" or "the two leaders" may refer to next."""
        key = frozenset(a.country or "" for a in pair)
        count = self._pair_counts.get(key, 0) + 1
        self._pair_counts[key] = count
        # ">=": the later pair wins a tie
        if count >= self._pair_count:
            self._pair, self._pair_count = pair, count
        if persons and count >= self._person_count:
            self._person_pair, self._person_count = pair, count

    def pair_for(self, *, persons: bool) -> tuple[ActorRef, ...]:
        """The two parties the article has named together most often, the later pair on a
        tie: a story of Chile and Peru that names "Brazil and Argentina" once still means
        Chile and Peru by "the two neighbours". For "the two leaders" the two
        persons so named, else the two states ("Ghana and Nigeria ... the two ministers")."""
        pair = (self._person_pair or self._pair) if persons else self._pair
        return pair or ()

    def focus(self, person: ActorRef) -> None:
        """Make ``person`` what "he" / "she" refers to next (the subject of a sentence)."""
        known = self.person_by_name(person.name)
        self._last_person = known or person

    def remember_country(self, code: str) -> None:
        self._countries.append(code)

    def has_named(self, code: str) -> bool:
        """Whether the article has named the state ``code`` so far."""
        return code in self._countries

    def remember_place(self, code: str) -> None:
        """The article places something in the state ``code`` ("strikes in northern Iraq")."""
        self.remember_country(code)
        if len(code) == _ISO_LENGTH and code not in _NOT_STATES:
            self._place = code

    @property
    def last_place(self) -> str | None:
        """The state the article last placed something in: where its armed groups fight."""
        return self._place

    def person_by_name(self, name: str) -> ActorRef | None:
        """A remembered person called ``name`` in full or by surname.

        A full name is the person remembered by its surname only when the given names agree
        ("Tony Molina" is not "Dominique Molina"; "T. Molina" may be "Tony Molina").
        """
        key = name.lower()
        found = self._by_name.get(key)
        if found is not None or not key:
            return found
        words = name.split()
        known = self._by_name.get(words[-1].lower())
        if known is None or len(words) == 1:
            return known
        given = known.name.split()[:-1]
        return known if not given or any(_same_given(words[-2], g) for g in given) else None

    def person_by_role(self, word: str) -> ActorRef | None:
        """The last party remembered with the role word ``word`` ("minister", "ministry")."""
        return self._by_role.get(word.lower())

    def remember_role(self, word: str, actor: ActorRef) -> None:
        """A body named with the role word ``word`` and its state ("the Trump administration",
        "Chinese police"): what a later "the administration" or "the police" refers to."""
        if actor.country:
            self._by_role[word.lower()] = actor

    def context_country(self) -> str | None:
        """The country an unqualified role noun most likely belongs to, when that is clear.

        The dateline country when there is one; otherwise the country named so far when the
        article has named exactly one (IGO/NGO codes aside); otherwise None, since guessing
        between two countries gets the actor wrong half the time.
        """
        if self.default_country:
            return self.default_country
        named = {
            code for code in self._countries if len(code) == _ISO_LENGTH and code not in _NOT_STATES
        }
        return next(iter(named)) if len(named) == 1 else None


# Words of address before a surname ("Mr Elmi", "Dr. Ruto"): they are no given name.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "lady", "lord"})
# English given names and their usual short forms ("Mike Flynn" is "Michael Flynn").
_SHORT_FORMS = frozenset(
    frozenset(pair)
    for pair in (
        ("michael", "mike"),
        ("robert", "bob"),
        ("robert", "rob"),
        ("william", "bill"),
        ("william", "will"),
        ("james", "jim"),
        ("joseph", "joe"),
        ("thomas", "tom"),
        ("richard", "dick"),
        ("richard", "rick"),
        ("anthony", "tony"),
        ("christopher", "chris"),
        ("daniel", "dan"),
        ("david", "dave"),
        ("steven", "steve"),
        ("stephen", "steve"),
        ("benjamin", "ben"),
        ("samuel", "sam"),
        ("alexander", "alex"),
        ("edward", "ed"),
        ("charles", "chuck"),
        ("nicholas", "nick"),
        ("elizabeth", "liz"),
        ("katherine", "kate"),
        ("jennifer", "jen"),
        ("andrew", "andy"),
        ("gregory", "greg"),
        ("matthew", "matt"),
        ("patrick", "pat"),
        ("timothy", "tim"),
        ("kenneth", "ken"),
        ("ronald", "ron"),
        ("donald", "don"),
        ("lawrence", "larry"),
        ("frederick", "fred"),
    )
)
# Codes in the country column that name no state, so they never become a context country.
_NOT_STATES = frozenset({"IGO", "NGO", "IMG"})
_ISO_LENGTH = 3
_PLURAL_PRONOUNS = frozenset({"they", "their", "them"})


def _same_given(first: str, other: str) -> bool:
    """Whether two given names may be one person's: equal, one an initial of the other, or
    one a word of address ("Mr. Tillerson" is "Rex Tillerson")."""
    if not (first.istitle() and other.istitle()):
        return True  # "FIRE MUELLER" in a headline, "• Hollande": no given name to compare
    first, other = _plain(first.lower()), _plain(other.lower())
    if first == other or first.rstrip(".") in HONORIFICS or other.rstrip(".") in HONORIFICS:
        return True
    if frozenset((first, other)) in _SHORT_FORMS:
        return True
    short, long = sorted((first, other), key=len)
    if len(short) > 1 and "." not in short:
        return False
    return long.startswith(short[:1])  # an initial: "T." of "Tony", "J.P." of "Juan Pedro"


def _plain(word: str) -> str:
    """``word`` without accents: "François" and "Francois" are one name."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def surname_of(person: ActorRef) -> str:
    """The name a person is called by alone: the last word, but the family name before a
    romanised given name ("Moon" of "Moon Jae-in", "Kim" of "Kim Jong-un", as written or as
    the tables spell it)."""
    for name in (person.text, person.name):
        words = name.split()
        for i, word in enumerate(words[1:], start=1):
            if ROMANISED_NAME.fullmatch(word):
                return words[i - 1]
    return person.name.split()[-1]
