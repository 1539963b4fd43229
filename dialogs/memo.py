"""What one step works out again and again, worked out once: inside a step the same answers
are checked against the same earlier answers by every `applicable`, `offered` and `record`
(the tier question's `ask_if` alone offers its five tiers each time), and the same text is
read for requests by the router, the reader and the reader's clauses.

The memo lives for one step (`machine.step` opens it) and in a context variable, so steps on
other threads or tasks never share it and nothing outlives the step; outside a step nothing is
remembered."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

__all__ = ["frozen", "one_step", "remembered"]

T = TypeVar("T")
_MEMO: ContextVar[dict[Hashable, Any] | None] = ContextVar("step_memo", default=None)


@contextmanager
def one_step() -> Iterator[None]:
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(key: Callable[[], Hashable], work: Callable[[], T]) -> T:
    """`work()`, or what it gave for the same `key()` earlier in this step."""
    memo = _MEMO.get()
    if memo is None:
        return work()
    found = key()
    if found not in memo:
        memo[found] = work()
    result: T = memo[found]
    return result


def frozen(value: Any) -> Hashable:
    """`value` (answers as stored: dicts, lists, numbers, strings, dates) as a key; a scalar
    with its type, as True and 1 are equal keys otherwise."""
    if isinstance(value, dict):
        return tuple(sorted((k, frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(frozen(v) for v in value)
    return type(value).__name__, value
