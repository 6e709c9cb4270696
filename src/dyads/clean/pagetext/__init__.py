"""The page-text cleaner: finds the article in a rendered page flattened to text.

A dump from lynx, w3m or a crawler holds the article among menus, "MOST POPULAR" lists,
teasers, share bars, captions and footers. ``clean_page_text`` splits the page into logical
lines (rejoining wrapped paragraphs), weighs each line by its shape, takes the heaviest run of
prose as the body and names every other block.
"""

from __future__ import annotations

from dyads.clean.pagetext.cleaner import PageTextOptions, clean_page_text

__all__ = ["PageTextOptions", "clean_page_text"]
