"""The spaCy parser: loaded once per worker, run over the sentences worth parsing.

spaCy is imported inside ``open`` so that importing this module (and ``dyads --help``) stays
fast. ``parse`` runs the model's whole pipeline (tagger, dependency parser, lemmatizer, named
entities): the actor finder needs the parse and the entities, the event coder the lemmas. The
model's attribute ruler runs as a lookup table of the same rules (``dyads.nlp.attributes``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from dyads.errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# Texts handed to ``nlp.pipe`` at once. Sentences are short (about 30 tokens in news text), so
# a few hundred per batch keep the tagger's matrices well filled without holding much memory;
# spaCy's own default for ``pipe`` is 1,000 for texts of any length.
BATCH_SIZE = 256
# The pipeline component that finds named entities: in the small English pipeline it has its
# own token embedding and costs about as much as the tagger, parser and lemmatizer together.
ENTITIES = "ner"


# Prefixes of repetition, partnership and precedence: spaCy splits "re-imposed" at its hyphen
# into three tokens that parse as nonsense ("re" the verb, "imposed" an adjective); kept whole,
# the word parses as the verb it is.
KEPT_PREFIXES = ("re", "Re", "RE", "co", "Co", "CO", "pre", "Pre", "PRE")
# A given name in two romanised syllables ("Moon Jae-in", "Kim Jong-un", "Ban Ki-moon"): split
# at the hyphen, "Jae", "-", "in" parse as a name, a dash and a preposition or a subject of
# their own. A capitalised part of up to five letters and a lower-case one of two to five,
# unless the second is an English word that makes an adjective of a name ("Putin-led",
# "Tokyo-bound", "Kenya-born"), stays one token.
_SECOND_SYLLABLE_NOT = (
    "led", "run", "born", "bound", "wide", "made", "style", "era", "like", "owned", "based",
    "held", "free", "day", "year", "old", "type", "size", "area", "zone",
)  # fmt: skip
ROMANISED_NAME = re.compile(
    rf"[A-Z][a-z]{{1,4}}-(?!(?:{'|'.join(_SECOND_SYLLABLE_NOT)})\b)[a-z]{{2,5}}"
)


def keep_whole_words(nlp: Language) -> None:
    """Let the tokenizer keep a word whole across a hyphen after one of ``KEPT_PREFIXES``
    ("re-imposed", "co-hosted") and a romanised given name (``ROMANISED_NAME``); other hyphens
    split as before ("Mysuru-based")."""
    from spacy.util import compile_infix_regex

    guard = "".join(rf"(?<!\b{prefix})" for prefix in KEPT_PREFIXES)
    infixes = [
        guard + pattern if isinstance(pattern, str) and "(?:-|" in pattern else pattern
        for pattern in nlp.Defaults.infixes or ()
    ]
    tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer: its rules are plain attributes
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.token_match = ROMANISED_NAME.fullmatch


class SpacyParser:
    """A spaCy pipeline named by ``Settings.spacy_model``; nothing is loaded until ``open``."""

    def __init__(self, *, model: str, attribute_table: bool = True) -> None:
        self.model = model
        # the model's attribute ruler replaced by the same rules as a lookup table
        # (``dyads.nlp.attributes``): the same tags, parts of speech and lemmas, at a quarter
        # of the ruler's cost
        self.attribute_table = attribute_table
        self._nlp: Language | None = None

    def open(self) -> None:
        """Load the model (once); ``ModelNotInstalled`` with an install hint when it is missing."""
        if self._nlp is None:
            self._nlp = self._load()

    def _load(self) -> Language:
        try:
            import spacy
        except ImportError as error:  # spaCy is a core dependency; a broken install lands here
            raise ModelNotInstalled(
                "spaCy is not importable; install dyads with its dependencies: pip install dyads"
            ) from error
        try:
            nlp = spacy.load(self.model)
        except OSError as error:
            package = self.model.replace("_", "-")
            raise ModelNotInstalled(
                f"spaCy model {self.model!r} is not installed; install it with "
                f"`pip install {package}` or set DYADS_SPACY_MODEL to an installed pipeline"
            ) from error
        keep_whole_words(nlp)
        if self.attribute_table:
            from dyads.nlp.attributes import use_attribute_table

            if not use_attribute_table(nlp):
                logger.info("%s: its attribute rules stay with spaCy's ruler", self.model)
        logger.info("loaded spaCy model %s (%s)", self.model, ", ".join(nlp.pipe_names))
        return nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    def zone(self) -> AbstractContextManager[None]:
        """A spaCy memory zone: strings and lexemes added while it is open are freed on exit.

        A long-running worker parses millions of sentences; without a zone every new word,
        number and URL stays in the shared vocabulary for ever and memory grows with the
        input. Docs parsed inside the zone must not be used after it closes: take plain
        strings out of them first.
        """
        zone: AbstractContextManager[None] = self.nlp.memory_zone()
        return zone

    def parse(self, texts: Sequence[str], *, entities: bool = True) -> list[Doc]:
        """One parsed ``Doc`` per text, in order (the model is loaded on first use).

        With ``entities=False`` the named-entity recogniser is left out: ``recognise``
        adds the entities later to the Docs that need them.
        """
        if entities or ENTITIES not in self.nlp.pipe_names:
            return list(self.nlp.pipe(texts, batch_size=BATCH_SIZE))
        return list(self.nlp.pipe(texts, batch_size=BATCH_SIZE, disable=[ENTITIES]))

    def recognise(self, docs: Sequence[Doc]) -> None:
        """Set the named entities of ``docs`` (parsed with ``entities=False``), in place."""
        if ENTITIES in self.nlp.pipe_names:
            recogniser: Any = self.nlp.get_pipe(ENTITIES)  # a TrainablePipe: it has .pipe
            for _ in recogniser.pipe(docs, batch_size=BATCH_SIZE):
                pass
