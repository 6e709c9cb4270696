"""Exceptions raised by dyads, each named for what went wrong.

Tree::

    DyadsError
    ├── InputError                   an input cannot be read as a document
    │   ├── UnreadableInput          missing file, a directory where a file was wanted, I/O error
    │   ├── EmptyInput               no bytes, or only whitespace
    │   ├── BinaryInput              looks like an image, archive or executable, not text
    │   ├── InputTooLarge            over the configured size limit
    │   ├── UnknownEncoding          bytes that no supported encoding decodes cleanly
    │   ├── MalformedRecord          a JSONL line that is not a JSON object of the expected shape
    │   └── CorruptArchive           a truncated or damaged WARC / gzip stream
    ├── ExtractionError              a page was read but holds no article
    │   ├── NoArticleFound
    │   └── ArticleTooLong           over the characters or the sentences one article may have
    ├── CodingError                  the event coder could not run (missing model, bad lexicon)
    │   ├── ModelNotInstalled
    │   └── LexiconError             a lexicon or code table file that does not parse
    ├── PipelineError                stages that do not fit together, an unknown stage name
    └── StoreError                   the database refused a write or a schema is out of date
        └── QueryError               a read the store cannot answer: a malformed cursor or filter
"""

from __future__ import annotations


class DyadsError(Exception):
    """Base class of every error dyads raises on purpose."""


class InputError(DyadsError):
    """An input cannot be read as a document."""


class UnreadableInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class UnknownEncoding(InputError):
    pass


class MalformedRecord(InputError):
    pass


class CorruptArchive(InputError):
    pass


class ExtractionError(DyadsError):
    """A page was read but yields no article."""


class NoArticleFound(ExtractionError):
    pass


class ArticleTooLong(ExtractionError):
    """Longer than ``Settings.max_article_chars`` or with more sentences to code than
    ``Settings.max_coded_sentences``: many stories in one page, not one article."""


class CodingError(DyadsError):
    pass


class ModelNotInstalled(CodingError):
    pass


class LexiconError(CodingError):
    pass


class PipelineError(DyadsError):
    pass


class StoreError(DyadsError):
    pass


class QueryError(StoreError):
    """A read the store cannot answer: a malformed cursor, an unknown period, a bad filter."""
