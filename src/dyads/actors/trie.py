"""A regular expression that matches any of many literal phrases, built as a character trie.

Python's ``re`` tries the branches of an alternation one after another, so a flat
``a|b|c|...`` over thousands of names costs thousands of attempts at every position of the
text. Factoring the phrases into a trie (``Tur(?:key|kish|ks)``) lets a failing position be
rejected after one or two characters, which keeps the cheap sentence prefilter cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # a trie key that marks "a phrase ends here"; no real character is the empty string


def trie_pattern(phrases: Iterable[str]) -> str:
    """The regex source matching exactly the given phrases, longest alternatives first."""
    root: dict[str, dict[str, object]] = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for char in phrase:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[_END] = {}
    return _emit(root)


def _emit(node: dict[str, dict[str, object]]) -> str:
    branches = [
        re.escape(char) + _emit(child)  # type: ignore[arg-type]
        for char, child in sorted(node.items())
        if char != _END
    ]
    optional = _END in node
    if not branches:
        return ""
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    # a phrase may end here, but a longer phrase through this node is tried first (greedy ?)
    return body + "?" if optional else body
