"""Through the real service: a calendar month something began in (8月入职) is no number of
months; its year said in the clause before (about coming to Shanghai, otherwise not the
answer) dates it, and with no year it is asked. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_month_begun_in_dates_the_start(service: Any) -> None:
    # today is 2026-11-29: from 2021-08 to 2026-11, the month of the start counted, is 64
    await assert_stored(
        service, "social_insurance_months", [("2021年毕业就来上海了，8月入职开始交的", 64)]
    )
    # was 8 months stored silently
    await assert_asked_not_stored(service, "social_insurance_months", ["8月入职一直交到现在"])
