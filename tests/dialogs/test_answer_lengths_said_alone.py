"""Answers of round 7 asked again though they say the value (phrasings written anew for this
test): at the serious-crime question a sentence's length said alone (七年, 四年零六个月, I served
seven years) is the sentence; an age said with its months in Chinese numerals (三十九岁零十个月)
is its full years."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)


async def test_a_sentence_length_said_alone_is_the_sentence(service: Any) -> None:
    await assert_stored(
        service,
        "serious_crime",
        [("七年", True), ("四年零六个月", False), ("I served seven years", True)],
    )


async def test_an_age_with_months_in_chinese_numerals_is_its_years(service: Any) -> None:
    await assert_stored(service, "age", [("三十九岁零十个月", 39)])
