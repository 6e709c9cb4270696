"""An article's tone, in the spirit of GDELT's ``AvgTone``: how negative or positive the
body reads, from -10 (extremely negative) to +10 (extremely positive), 0 neutral.

The score is VADER's (Hutto and Gilbert 2014, the ``vaderSentiment`` package, whose lexicon
ships inside the package): the body is split into sentences (``dyads.nlp.sentences``), each
sentence gets VADER's compound score in [-1, 1], and the tone is the mean of those scores
times 10, rounded to three decimals. The mean over sentences, rather than one compound over
the whole body, keeps a long article from saturating at the ends of the scale (VADER's
compound normalises a sum that grows with the text). GDELT's own AvgTone (the percentage
of positive words minus that of negative words) may range over -100..+100 but nearly always
lies within -10..+10; this scale lands in that range without being the same measure.

VADER's lexicon is English: an article in another language, or one with no sentence, has no
tone (None). The analyser, which reads the lexicon, is built once per process.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from dyads.nlp.sentences import split_sentences
from dyads.records import Article

SCALE = 10.0  # VADER's compound is in [-1, 1]; GDELT's AvgTone mostly in [-10, 10]
DIGITS = 3  # VADER's compound has four decimals; a mean times ten needs no more than three
LEXICON_LANGUAGE = "en"


@cache
def _analyser() -> Any:
    """VADER's analyser (reads its lexicon files): one per process."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise ImportError(
            "an article's tone needs vaderSentiment: pip install vaderSentiment"
        ) from exc
    return SentimentIntensityAnalyzer()


def has_lexicon(language: str | None) -> bool:
    """Whether VADER's lexicon reads text of ``language`` (a code such as ``en-GB``)."""
    return language is not None and language.lower().split("-")[0] == LEXICON_LANGUAGE


def sentence_score(text: str) -> float:
    """VADER's compound score of one sentence, in [-1, 1]."""
    return float(_analyser().polarity_scores(text)["compound"])


def article_tone(article: Article) -> float | None:
    """The mean VADER compound of the body's sentences times 10; None when the article is
    not in English or has no sentence."""
    if not has_lexicon(article.language):
        return None
    sentences = split_sentences(article)
    if not sentences:
        return None
    mean = sum(sentence_score(s.text) for s in sentences) / len(sentences)
    return round(mean * SCALE, DIGITS)
