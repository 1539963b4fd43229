"""The ages an answer leaves, and whether they score alike: one age is taken only when every
possible age gives the same points (the age table: scoring/policy); otherwise the user picks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dialogs.parsing.text import Ambiguous, Unclear

__all__ = ["ELIGIBLE", "MAX_AGE", "MIN_AGE", "age_on", "checked", "of_ages", "one_of"]

MIN_AGE, MAX_AGE = 14, 100
ELIGIBLE = (18, 60)


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def checked(age: int) -> int:
    if not MIN_AGE <= age <= MAX_AGE:
        raise Unclear("error-age-range", value=age)
    return age


def _points(age: int) -> int:
    """Only to tell whether two ages score differently (the table: scoring/policy)."""
    if not ELIGIBLE[0] <= age <= ELIGIBLE[1]:
        return -1
    return 5 if age >= 56 else min(30, 5 + 2 * (56 - age))


def one_of(younger: int, older: int, key: str = "confirm-age") -> int | Ambiguous:
    checked(younger)
    checked(older)
    if _points(younger) == _points(older):
        return older
    return Ambiguous((older, younger), key)


def of_ages(
    ages: set[int], pick: Callable[[set[int]], int] = max, key: str = "confirm-age"
) -> int | Ambiguous:
    """One age when all the possible ages give the same points (`pick` of them); where they
    score two ways, `pick`'s and the nearest to it that scores the other way, asked (四十来岁:
    40 or 44); three ways or more: asked again. `key`: confirm-age when a birthday this month
    leaves two ages, confirm-which for a hedge (四十来岁, 三十五六岁)."""
    for age in ages:
        checked(age)
    scores = {_points(a) for a in ages}
    if len(scores) == 1:
        return pick(ages)
    if len(ages) == 2:
        return one_of(min(ages), max(ages), key)
    if len(scores) > 2:
        raise Unclear()
    first = pick(ages)
    other = min((a for a in ages if _points(a) != _points(first)), key=lambda a: abs(a - first))
    return Ambiguous((first, other), key)
