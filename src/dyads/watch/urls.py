"""URL normalisation: one key per article however a feed decorates its link.

courlan lower-cases the host, drops default ports, sorts the query and removes tracking
parameters (``utm_*``, ``fbclid``, ``gclid``, ``ref``, ...). On top of that the fragment goes
(it never names another page) and ``http`` is read as ``https``: sites that moved to TLS
keep old links in their feeds, and the two name the same article.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

logger = logging.getLogger(__name__)


def normalise(url: str) -> str | None:
    """The key of ``url``, or ``None`` when it is no absolute http(s) URL."""
    from courlan import normalize_url

    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    try:
        cleaned = normalize_url(url.strip())
    except ValueError as exc:  # a port that is not a number, a host courlan cannot read
        logger.debug("%s: not a URL: %s", url, exc)
        return None
    parts = urlsplit(cleaned)
    return urlunsplit(("https", parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """What politeness limits are kept per: scheme, host and port (as robots.txt is)."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
