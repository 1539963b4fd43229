"""Months of social insurance told as a story, through the real service: the part of a total
said to be paid in another city is left out of it; a sum the story ends with is the answer;
a date in the clause before "一直交到现在" is the start; a value taken back before a closing
remark (我记错了) is the one after it. Phrasings written for this test; today is 2026-11-29."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)


async def test_months_told_as_a_story_are_read(service: Any) -> None:
    # each was asked again
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("一共交了6年，其中头两年是在无锡交的", 48),
            ("交了4年，第一年在南京交的", 36),
            ("在上海交了五年，中间断过两个月，算下来一共58个月", 58),
            ("2020年3月来的上海，然后一直交到现在", 80),
            ("3年，哦不，4年，刚才说错了", 48),
        ],
    )
