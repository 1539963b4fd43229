"""Where the months were paid, and a count said as "at most": a part of the total paid at a
former employer (其中前两年是在老公司交的) is still Shanghai's, months said to be another
city's do not count and months said with no place beside them are Shanghai's, months said
only of another city are asked again; 不超过2次 (2 or fewer: which?) is asked, not read as
"2 or more" (found by mutation testing); an age said with the next one to come (四十四，过两个月
四十五) is the first. Each was stored wrong without a question before."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_months_at_a_former_employer_count_and_another_citys_do_not(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [("一共交了5年，其中前两年是在老公司交的", 60), ("在苏州交了2年，后来又交了3年", 36)],
    )


async def test_months_said_only_of_another_city_are_asked_again(service: Any) -> None:
    await assert_asked_not_stored(service, "social_insurance_months", ["在无锡交了4年"])


async def test_at_most_a_count_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "detention_count", ["不超过2次", "最多两次吧"])


async def test_an_age_said_with_the_next_one_to_come_is_the_first(service: Any) -> None:
    # 44, 45 in two months: 44 (before, 43: the months to go were taken as the first's)
    await assert_stored(service, "age", [("四十四，过两个月四十五", 44), ("还有两个月，满40", 39)])
