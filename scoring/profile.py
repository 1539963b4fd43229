"""Profile: what a user told us, validated exactly as shared/contracts/profile.md says."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal, cast, get_args

__all__ = [
    "AWARDS",
    "BASE_TIERS",
    "EDUCATIONS",
    "TITLES",
    "Award",
    "BaseTier",
    "Education",
    "Profile",
    "ProfileError",
    "Title",
    "full_years_between",
]

Education = Literal["none", "college", "bachelor", "bachelor_degree", "master", "doctor"]
Title = Literal[
    "none",
    "skill_5",
    "skill_4",
    "skill_3",
    "skill_2",
    "skill_1",
    "title_junior",
    "title_intermediate",
    "title_senior",
]
BaseTier = Literal["none", "0.8x", "1x", "2x", "3x"]
Award = Literal["none", "city_specific", "city_comprehensive", "national"]

EDUCATIONS: tuple[Education, ...] = get_args(Education)
TITLES: tuple[Title, ...] = get_args(Title)
BASE_TIERS: tuple[BaseTier, ...] = get_args(BaseTier)
AWARDS: tuple[Award, ...] = get_args(Award)

MAX_AGE = 130
MAX_MONTHS = 12 * 100
MAX_YEARS = 100
MAX_COUNT = 100


class ProfileError(ValueError):
    """A profile field is wrong; str() is one line naming the field and what it accepts."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True)
class Profile:
    as_of: date | None = None
    age: int | None = None
    birth_date: date | None = None
    education: Education = "none"
    title: Title = "none"
    title_matches_job: bool = True
    base_1x_6_of_last_12: bool = True
    social_insurance_months: int = 0
    insurance_base_tier: BaseTier = "none"
    shortage_major: bool = False
    investment_tax_yuan: float = 0
    local_hires: float = 0
    public_service_years: int = 0
    remote_area_years: int = 0
    fresh_graduate: bool = False
    award: Award = "none"
    spouse_hukou_years: int = 0
    entrepreneur_talent: bool = False
    false_material_count: int = 0
    detention_count: int = 0
    criminal_count: int = 0
    family_planning_violation: bool = False
    serious_crime: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Profile:
        if not isinstance(data, Mapping):
            raise ProfileError("profile", "must be a JSON object of profile fields")
        for name in data:
            if name not in _FIELD_NAMES:
                accepted = ", ".join(f.name for f in fields(cls))
                raise ProfileError(name, f"unknown field; accepted fields: {accepted}")
        values = {
            name: _parse(name, value)
            for name, value in data.items()
            if not (value is None and name in _NULLABLE)
        }
        profile = cls(**cast(dict[str, Any], values))
        if profile.as_of is not None:
            profile.age_on(profile.as_of)
        return profile

    def age_on(self, as_of: date) -> int | None:
        """Age in full years (周岁) on `as_of`; checks that `age` and `birth_date` agree."""
        if self.birth_date is None:
            return self.age
        if self.birth_date > as_of:
            raise ProfileError("birth_date", f"{self.birth_date} is after as_of {as_of}")
        computed = full_years_between(self.birth_date, as_of)
        if self.age is not None and self.age != computed:
            raise ProfileError(
                "age",
                f"{self.age} disagrees with birth_date {self.birth_date}: {computed} on {as_of}",
            )
        return computed

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != f.default:
                out[f.name] = value.isoformat() if isinstance(value, date) else value
        return out


def _parse(name: str, value: object) -> object:
    parser, arguments = _PARSERS[name]
    return parser(name, value, *arguments)


def full_years_between(start: date, end: date) -> int:
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years


def _date(name: str, value: object) -> date:
    try:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ProfileError(name, f'accepts a date "YYYY-MM-DD", got {value!r}')


def _integer(name: str, value: object, maximum: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProfileError(name, f"accepts an integer {what} 0-{maximum}, got {value!r}")
    if not 0 <= value <= maximum:
        raise ProfileError(name, f"accepts an integer {what} 0-{maximum}, got {value}")
    return value


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProfileError(name, f"accepts a number >= 0, got {value!r}")
    if value < 0:
        raise ProfileError(name, f"accepts a number >= 0, got {value}")
    return value


def _boolean(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ProfileError(name, f"accepts true or false, got {value!r}")
    return value


def _choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    if isinstance(value, str) and value in choices:
        return value
    raise ProfileError(name, f"accepts one of {', '.join(choices)}, got {value!r}")


_NULLABLE = frozenset({"as_of", "age", "birth_date"})
_FIELD_NAMES = frozenset(f.name for f in fields(Profile))
# field -> (parser, its extra arguments): plain functions called at parse time.
_PARSERS: dict[str, tuple[Callable[..., object], tuple[object, ...]]] = {
    "as_of": (_date, ()),
    "age": (_integer, (MAX_AGE, "(full years)")),
    "birth_date": (_date, ()),
    "education": (_choice, (EDUCATIONS,)),
    "title": (_choice, (TITLES,)),
    "title_matches_job": (_boolean, ()),
    "base_1x_6_of_last_12": (_boolean, ()),
    "social_insurance_months": (_integer, (MAX_MONTHS, "of months")),
    "insurance_base_tier": (_choice, (BASE_TIERS,)),
    "shortage_major": (_boolean, ()),
    "investment_tax_yuan": (_number, ()),
    "local_hires": (_number, ()),
    "public_service_years": (_integer, (MAX_YEARS, "of full years")),
    "remote_area_years": (_integer, (MAX_YEARS, "of full years")),
    "fresh_graduate": (_boolean, ()),
    "award": (_choice, (AWARDS,)),
    "spouse_hukou_years": (_integer, (MAX_YEARS, "of full years")),
    "entrepreneur_talent": (_boolean, ()),
    "false_material_count": (_integer, (MAX_COUNT, "count")),
    "detention_count": (_integer, (MAX_COUNT, "count")),
    "criminal_count": (_integer, (MAX_COUNT, "count")),
    "family_planning_violation": (_boolean, ()),
    "serious_crime": (_boolean, ()),
}
