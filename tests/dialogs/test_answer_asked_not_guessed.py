"""Answers that leave the value open are asked, never taken as a yes, a no or a pick: half the
months said loosely, a yes and a no at once, some months back-paid (they do not count), a job
half in the title's field; the last one at the bonus list (the last item, or the submit
button after it, nothing ticked?); how long the social insurance was paid, typed at the
spouse or remote-area question. A job changed to another field since reads as a no."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_loose_half_a_yes_and_no_or_back_paid_months_at_the_base_question_are_asked(
    service: Any,
) -> None:
    await assert_asked_not_stored(
        service,
        "base_1x_6_of_last_12",
        ["一半的月份吧", "好像够，好像又没有", "够的，就是有两个月是补交的"],
    )


async def test_a_job_half_in_the_field_is_asked_and_one_changed_since_is_a_no(
    service: Any,
) -> None:
    await assert_asked_not_stored(service, "title_matches_job", ["一半一半，有时做财务有时做行政"])
    await assert_stored(
        service, "title_matches_job", [("以前对口，去年跳到别家做完全不一样的工作", False)]
    )


async def test_the_last_one_at_the_bonus_list_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "bonus", ["最后一个", "选最后那个"])


async def test_years_of_social_insurance_at_another_years_question_are_asked_again(
    service: Any,
) -> None:
    for question in ("spouse_hukou_years", "remote_area_years"):
        await assert_asked_not_stored(service, question, ["社保交了6年", "社会保险交满5年了"])
