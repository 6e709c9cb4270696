"""Sentences and the spaCy parse: a cheap splitter, and the parser for chosen sentences."""

from dyads.nlp.sentences import Sentence, split_sentences

__all__ = ["Sentence", "split_sentences"]
