"""Records to JSON values and back, losslessly, driven by the dataclasses' type hints.

Used where records leave the process as data rather than as pickles: the Parquet shards a
distributed run writes with ``--out`` and ``dyads load`` reads back.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

import dyads.records as records_module

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """A JSON value for a record, a tuple of records, a date, an enum or a plain value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple | list):
        return [to_jsonable(v) for v in value]
    return value


def from_jsonable(cls: type[T], value: Any) -> T:
    """The record of type ``cls`` that ``to_jsonable`` turned into ``value``."""
    result: T = _decode(cls, value)
    return result


def dumps(record: Any) -> str:
    return json.dumps(to_jsonable(record), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_jsonable(cls, json.loads(text))


@cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    # The module namespace is passed as locals too: a field named ``date`` would otherwise
    # shadow the ``date`` type while its own annotation is evaluated.
    namespace = {**vars(records_module), **vars(sys.modules[cls.__module__])}
    return typing.get_type_hints(cls, namespace, namespace)


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return _decode_union(get_args(tp), value)
    if origin is tuple:
        return _decode_tuple(get_args(tp), value)
    return _decode_plain(tp, value)


def _decode_tuple(args: tuple[Any, ...], value: Any) -> tuple[Any, ...]:
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_decode(args[0], v) for v in value)
    return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))


def _decode_plain(tp: Any, value: Any) -> Any:
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(**{name: _decode(hints[name], v) for name, v in value.items()})
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp is datetime:
        return datetime.fromisoformat(value["datetime"])
    if tp is date:
        return date.fromisoformat(value["date"])
    return value


def _decode_union(args: tuple[Any, ...], value: Any) -> Any:
    """Dates and datetimes are tagged, so a ``datetime | date`` union decodes unambiguously."""
    if isinstance(value, dict) and "datetime" in value and datetime in args:
        return datetime.fromisoformat(value["datetime"])
    if isinstance(value, dict) and "date" in value and date in args:
        return date.fromisoformat(value["date"])
    concrete = [a for a in args if a is not type(None)]
    if len(concrete) == 1:
        return _decode(concrete[0], value)
    for candidate in concrete:
        if isinstance(candidate, type) and dataclasses.is_dataclass(candidate):
            return _decode(candidate, value)
    return value
