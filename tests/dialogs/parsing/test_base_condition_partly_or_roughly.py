"""Through the real service, at the base condition of a 中级 title (6 of the last 12 months at
or above the average wage): sometimes yes and sometimes no is asked, and so is a loose half year
said as only just; exactly six months is a yes. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_partly_or_roughly_at_the_threshold_is_asked(service: Any) -> None:
    # were a no and a yes stored silently
    await assert_asked_not_stored(
        service,
        "base_1x_6_of_last_12",
        ["有时候达到有时候达不到", "近半年基数才调上去，以前都不够"],
    )
    assert await stored_value(service, "base_1x_6_of_last_12", "刚满6个月") is True
