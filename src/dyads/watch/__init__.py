"""Keep the store current from news feeds: RSS, RDF, Atom, news sitemaps and sitemap indexes.

- ``sources``: feed bodies to entries (feedparser; lxml for sitemaps)
- ``urls``: the normalised URL that makes one article one item
- ``fetch``: polite asynchronous HTTP (robots.txt, a gate per host, conditional GET, backoff)
- ``state``: feeds, items seen and the fetch log in the store
- ``rounds``: one round of polling feeds and fetching their new pages
- ``sink``: the one place pages enter the pipeline and the store
- ``loop``: ``Watcher``, rounds on a schedule until stopped
"""

from dyads.watch.base import Feed, RoundReport, WatchError
from dyads.watch.loop import Watcher, WatchOptions, WatchSummary

__all__ = ["Feed", "RoundReport", "WatchError", "WatchOptions", "WatchSummary", "Watcher"]
