"""The years in the remote area beside where one works and lives, through the real service:
working outside it (上班在市区) is none of its years, unless working there is said too (a
past job elsewhere leaves the years there); living outside it while working there is asked
between the years and none (the item is for working and living there)."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_working_outside_the_area_is_none_of_its_years(service: Any) -> None:
    await assert_stored(
        service,
        "remote_area_years",
        [
            ("家在滴水湖那边，七年了，不过我在陆家嘴上班", 0),
            ("新片区待了4年，但是工作地点在市中心", 0),
            ("在临港上班5年，以前在浦西工作过", 5),
        ],
    )


async def test_living_outside_while_working_there_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "remote_area_years", ["在洋山上班三年，人住在市区"])
