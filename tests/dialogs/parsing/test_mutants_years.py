"""Full years of a bonus item (dialogs/parsing/years.py `parse_years`): found by mutation
testing (docs/mutation.md, the runs of 2026-12-01 19:40 and 2026-12-02 07:30). At the years in
the remote area (临港), working outside it is none of its years, living outside it while working
there is asked; a hukou got lately is asked only when said in one clause with its time."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.parsing.text import Ambiguous, Unclear
from dialogs.parsing.years import parse_years
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "years"),
    [
        ("没结婚", 0),  # the item not held: none of its years
        ("老婆不是上海户口", 0),
        ("2021年11月30号领的证", 5),  # by the day: five full years today
        # a Shanghai hukou had long before, the time in the marriage's clause: the years married
        ("结婚才3年，老婆从小就落户在上海", 3),
    ],
)
def test_the_full_years_of_an_item_held_or_not(said: str, years: int) -> None:
    assert parse_years(said, TODAY) == years


def test_a_spouse_s_hukou_got_lately_is_asked_again() -> None:
    """老婆去年才落户: the years since the hukou may be fewer than the marriage's."""
    with pytest.raises(Unclear) as asked:
        parse_years("老婆去年才落户，结婚8年了", TODAY)
    assert asked.value.key == ""


@pytest.mark.parametrize(
    ("said", "years"),
    [
        ("在临港6年", 6),  # nothing said of working or living elsewhere
        ("在临港工作3年，之前在市区上班2年", 3),  # working there said too: its years stand
        ("在临港住了6年，上班在市区", 0),  # working outside the area: not the item
        ("在临港住了6年，在陆家嘴上班", 0),
    ],
)
def test_the_years_in_the_remote_area_and_working_outside_it(said: str, years: int) -> None:
    assert parse_years(said, TODAY) == years


@pytest.mark.parametrize("said", ["公司在临港，我住市区，干了6年", "临港上班6年，住在浦西"])
def test_living_outside_the_remote_area_is_asked_between_its_years_and_none(said: str) -> None:
    assert parse_years(said, TODAY) == Ambiguous((6, 0), "confirm-remote-area")


async def test_the_remote_area_s_years_stored_or_asked_through_the_service(service: Any) -> None:
    await assert_stored(
        service, "remote_area_years", [("在临港住了6年，上班在市区", 0), ("在临港6年", 6)]
    )
    await assert_asked_not_stored(service, "remote_area_years", ["公司在临港，我住市区，干了6年"])
    await assert_stored(service, "spouse_hukou_years", [("结婚才3年，老婆从小就落户在上海", 3)])
