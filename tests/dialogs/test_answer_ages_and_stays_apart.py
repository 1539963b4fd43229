"""Round 16's last classes of silent wrongs, through the real service with phrasings written
for this test: an ID card said to give another age than the real one is asked; months paid over two
stays in Shanghai with the years away between them are asked again, never one span over
them."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)


async def test_an_id_card_age_apart_from_the_real_one_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "age", ["身份证上比实际小两岁，证上是1990年的"])


async def test_months_of_two_stays_are_not_one_span(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "social_insurance_months",
        ["2013年3月开始交，2017年3月离开上海，2019年3月又回来一直交到现在"],
    )
