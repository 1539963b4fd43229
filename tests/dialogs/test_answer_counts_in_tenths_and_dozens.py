"""Counts said with tenths or in dozens, through the real service: a yearly average of hires
said exactly with tenths keeps them (not cut down to the whole number below); a dozen is
twelve; a count of times with tenths, or tenths said roughly, is asked, never cut."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_an_average_with_tenths_keeps_them(service: Any) -> None:
    await assert_stored(service, "local_hires", [("年均12.5人", 12.5), ("19.5个", 19.5)])


async def test_dozens_are_twelves(service: Any) -> None:
    await assert_stored(service, "local_hires", [("three dozen", 36), ("half a dozen", 6)])


async def test_tenths_of_times_or_rough_tenths_are_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "criminal_count", ["2.5次"])
    await assert_asked_not_stored(service, "local_hires", ["差不多10.5个", "dozens of them"])
