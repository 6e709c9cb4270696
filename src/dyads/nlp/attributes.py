"""The attribute ruler's rules as a lookup table: the same token attributes, set faster.

A spaCy pipeline such as ``en_core_web_sm`` ends its tagging with an ``attribute_ruler``: rules
that map a fine-grained tag to the coarse part of speech and morphology (``NNS`` -> ``NOUN``,
``Number=Plur``), with exceptions for particular words ("'s" after a noun, "n't", ...). spaCy
runs them through its general ``Matcher``, which tries every rule's pattern at every token; on
news sentences that costs as much as the dependency parser.

The rules of those pipelines test a token's lower-case form, tag, dependency label or
whitespace: for equality, for membership of a list (``IN``, ``NOT_IN``) or, for the form, a
regular expression, on one or two tokens. ``AttributeTable`` looks the rules up by the first
token's lower-case form or tag, and remembers what the one-token rules give for each
combination of tested values it has seen; it sets the attributes the ruler would set, the later
rule winning where several match one token, as in the ruler. ``compile_rules`` returns
``None`` for a ruler with any other kind of test, and the pipeline keeps the ruler.
``tests/unit/nlp/test_attributes.py`` checks token for token that both give the same part of
speech, morphology, lemma and tag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The ruler's component name in spaCy's trained pipelines.
RULER = "attribute_ruler"
# The factory of the table that takes the ruler's place (under the ruler's name).
TABLE = "dyads_attribute_table"
# Token attributes a rule may test, as ``Doc.to_array`` columns, in this order.
TESTED = ("LOWER", "TAG", "DEP", "IS_SPACE")
LOWER, TAG = 0, 1
# Combinations of tested values remembered with their attributes: a few tens of thousands on
# a day of news; past this the memory is emptied and filled again.
CACHE_LIMIT = 500_000


@dataclass(frozen=True, slots=True)
class Test:
    """One token attribute's condition: equal to one value, in a set, out of it, or a match."""

    column: int
    values: frozenset[int] = frozenset()  # equal to one of these (IN or a plain value)
    excluded: frozenset[int] = frozenset()  # none of these (NOT_IN)
    pattern: re.Pattern[str] | None = None  # the lower-case form matches (REGEX)

    def holds(self, value: int, text: Callable[[int], str]) -> bool:
        if self.values and value not in self.values:
            return False
        if value in self.excluded:
            return False
        return self.pattern is None or self.pattern.search(text(value)) is not None


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of one ruler rule."""

    order: int  # the rule's place in the ruler: a later rule's attributes win
    tokens: tuple[tuple[Test, ...], ...]  # the tests of each pattern token
    target: int  # the pattern token that takes the attributes (counted from the start)
    attrs: Mapping[int, Any]  # the ruler's normalised attributes (attribute id -> value)

    def matches(
        self, rows: Sequence[tuple[int, ...]], start: int, text: Callable[[int], str]
    ) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        return all(
            test.holds(rows[start + offset][test.column], text)
            for offset, tests in enumerate(self.tokens)
            for test in tests
        )


@dataclass(frozen=True, slots=True)
class RuleIndex:
    """Rules by a value their first token must have (form or tag), and the rest."""

    by_lower: Mapping[int, tuple[Rule, ...]]
    by_tag: Mapping[int, tuple[Rule, ...]]
    others: tuple[Rule, ...]

    def candidates(self, row: tuple[int, ...]) -> Iterator[Rule]:
        yield from self.by_lower.get(row[LOWER], ())
        yield from self.by_tag.get(row[TAG], ())
        yield from self.others


@dataclass(frozen=True, slots=True)
class CompiledRules:
    single: RuleIndex  # one-token rules
    longer: RuleIndex  # rules over several tokens


def compile_rules(patterns: Sequence[Mapping[str, Any]], vocab: Any) -> CompiledRules | None:
    """Rules from an ``AttributeRuler``'s ``patterns``, or ``None`` if one cannot be looked up.

    Each entry is what ``AttributeRuler.add`` takes: ``patterns`` (token pattern lists),
    ``attrs`` (set on the target token, normalised here as the ruler does) and ``index``.
    """
    from spacy.tokens._retokenize import normalize_token_attrs

    single: list[Rule] = []
    longer: list[Rule] = []
    for order, entry in enumerate(patterns):
        attrs = normalize_token_attrs(vocab, dict(entry["attrs"]))
        index = int(entry.get("index", 0))
        for pattern in entry["patterns"]:
            tokens: list[tuple[Test, ...]] = []
            for token in pattern:
                tests = _token_tests(token)
                if tests is None:
                    return None
                tokens.append(tests)
            target = index if index >= 0 else len(pattern) + index
            if not tokens or not 0 <= target < len(tokens):
                return None
            rule = Rule(order=order, tokens=tuple(tokens), target=target, attrs=attrs)
            (single if len(tokens) == 1 else longer).append(rule)
    return CompiledRules(single=_index(single), longer=_index(longer))


def _index(rules: list[Rule]) -> RuleIndex:
    by_lower: dict[int, list[Rule]] = {}
    by_tag: dict[int, list[Rule]] = {}
    others: list[Rule] = []
    for rule in rules:
        first = {test.column: test for test in rule.tokens[0]}
        key = next((c for c in (LOWER, TAG) if c in first and first[c].values), None)
        if key is None:
            others.append(rule)
            continue
        table = by_lower if key == LOWER else by_tag
        for value in first[key].values:
            table.setdefault(value, []).append(rule)
    return RuleIndex(
        by_lower={value: tuple(found) for value, found in by_lower.items()},
        by_tag={value: tuple(found) for value, found in by_tag.items()},
        others=tuple(others),
    )


def _token_tests(token: Mapping[str, Any]) -> tuple[Test, ...] | None:
    from spacy.strings import get_string_id

    def ids(values: Any) -> frozenset[int]:
        return frozenset(get_string_id(str(value)) for value in values)

    tests: list[Test] = []
    for raw_name, condition in token.items():
        name = raw_name.upper()
        if name not in TESTED:
            return None
        column = TESTED.index(name)
        if name == "IS_SPACE":
            if not isinstance(condition, bool):
                return None
            tests.append(Test(column=column, values=frozenset({int(condition)})))
        elif isinstance(condition, str):
            tests.append(Test(column=column, values=ids([condition])))
        elif isinstance(condition, dict) and len(condition) == 1:
            ((operator, operand),) = condition.items()
            if operator == "IN":
                tests.append(Test(column=column, values=ids(operand)))
            elif operator == "NOT_IN":
                tests.append(Test(column=column, excluded=ids(operand)))
            elif operator == "REGEX" and name == "LOWER":
                tests.append(Test(column=column, pattern=re.compile(str(operand))))
            else:
                return None
        else:
            return None
    return tuple(tests)


class AttributeTable:
    """A pipeline component that sets what the ruler it was compiled from would set."""

    def __init__(self, rules: CompiledRules, *, strings: Any) -> None:
        self.rules = rules
        self._strings = strings
        # the one-token rules' attributes for a combination of tested values, merged in order
        self._cache: dict[tuple[int, ...], dict[int, Any]] = {}

    def _text(self, value: int) -> str:
        return str(self._strings[value])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(list(TESTED)).tolist()]
        matched: dict[int, list[tuple[int, Mapping[int, Any]]]] = {}
        for start, row in enumerate(rows):
            for rule in self.rules.longer.candidates(row):
                if rule.matches(rows, start, self._text):
                    matched.setdefault(start + rule.target, []).append((rule.order, rule.attrs))
        for position, row in enumerate(rows):
            attrs = self._single(row)
            if position in matched:
                attrs = self._with_longer(row, matched[position])
            if attrs:
                set_token_attrs(doc[position], attrs)
        return doc

    def _single(self, row: tuple[int, ...]) -> dict[int, Any]:
        attrs = self._cache.get(row)
        if attrs is None:
            attrs = {}
            for rule in self._single_matches(row):
                attrs.update(rule.attrs)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[row] = attrs
        return attrs

    def _single_matches(self, row: tuple[int, ...]) -> list[Rule]:
        found = {
            rule.order: rule
            for rule in self.rules.single.candidates(row)
            if rule.matches([row], 0, self._text)
        }
        return [found[order] for order in sorted(found)]

    def _with_longer(
        self, row: tuple[int, ...], longer: list[tuple[int, Mapping[int, Any]]]
    ) -> dict[int, Any]:
        hits = [(rule.order, rule.attrs) for rule in self._single_matches(row)] + longer
        attrs: dict[int, Any] = {}
        for _, rule_attrs in sorted(hits, key=lambda hit: hit[0]):
            attrs.update(rule_attrs)
        return attrs


def use_attribute_table(nlp: Language) -> bool:
    """Put an ``AttributeTable`` in place of ``nlp``'s attribute ruler; False if it stays."""
    from spacy.language import Language

    if RULER not in nlp.pipe_names:
        return False
    patterns = nlp.get_pipe(RULER).patterns  # type: ignore[attr-defined]
    if compile_rules(patterns, nlp.vocab) is None:
        return False
    if not Language.has_factory(TABLE):
        Language.factory(TABLE, func=_make_table)
    nlp.replace_pipe(RULER, TABLE, config={"patterns": patterns})
    return True


def _make_table(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> AttributeTable:
    rules = compile_rules(patterns, nlp.vocab)
    if rules is None:
        raise ValueError(f"{name}: a rule the attribute table cannot look up")
    return AttributeTable(rules, strings=nlp.vocab.strings)
