"""Rules behind round 4's silent misreads (a dev set), typed into the real service with
phrasings of our own: occurrences dated by calendar year (2018年, 去年, 前年) or years ago
are counted against the deduction's window, one by one; months paid only outside Shanghai are
none; staff who are all from elsewhere are no local hires; a clause about now turns one about
the past."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_occurrences_each_dated_count_only_inside_the_window(service: Any) -> None:
    # today is 2026-11-29; false material counts for 3 years, a detention for 5
    await assert_stored(
        service,
        "false_material_count",
        [("今年一次，去年也有一次", 2), ("2019年被查出来过一次", 0)],
    )
    await assert_stored(
        service,
        "detention_count",
        [
            ("三次，一次是2018年，两次是今年", 2),
            ("拘留了7天，那是八年前的事", 0),  # 7天 is how long, not how many times
        ],
    )
    # a year on the window's edge, or dates that leave some occurrences undated: asked
    await assert_asked_not_stored(
        service, "detention_count", ["2021年拘留过一次", "三次，其中一次是八年前"]
    )


async def test_a_calendar_year_at_the_deductions_gate_is_weighed_against_the_window(
    service: Any,
) -> None:
    for text, value in [("2017年被拘留过10天，后来没再有过", False), ("前年被行政拘留过", True)]:
        assert await stored_value(service, "deductions", text) is value, text
    await assert_asked_not_stored(service, "deductions", ["2021年拘留过"])


async def test_months_paid_only_outside_shanghai_are_none(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("前年5月在老家交的，上海这边还没交", 0),
            ("2021年在杭州交的，上海还没开始交", 0),
        ],
    )
    # not yet three full years in Shanghai is no "none"
    _applicant, _ = await answer(service, "social_insurance_months", "在上海还没交满3年")
    _state, answers, _context = await _applicant.stored()
    assert 24 <= answers["social_insurance_months"] < 36


async def test_staff_all_from_elsewhere_are_no_local_hires(service: Any) -> None:
    await assert_stored(
        service,
        "local_hires",
        [("招了25个员工，全是外地户籍", 0), ("员工40人，其中上海户口6个", 6)],
    )


async def test_a_clause_about_now_turns_one_about_the_past(service: Any) -> None:
    await assert_stored(
        service,
        "title_matches_job",
        [
            ("原来对口，现在调岗做行政了", False),
            ("以前不对口，现在对口了", True),
            ("之前对口，去年调岗了", False),
        ],
    )
