"""Silent wrongs of round 19 (a dev set since its first measure), by class, through the real
service with phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_title_with_the_job_it_does_not_match_is_the_title(service: Any) -> None:
    """工作 after a bare level is no trade (中级工): 有中级，但跟目前的工作不对口 is the title."""
    await assert_stored(
        service,
        "title",
        [("有中级，但跟目前的工作不对口", "title_intermediate"), ("中级电工", "skill_4")],
    )


async def test_a_title_with_exams_still_to_pass_is_not_held(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("中级经济师考过了两科，还差一科", "none"),
            ("有初级会计，中级还差一门", "title_junior"),
        ],
    )


async def test_the_base_as_the_pay_then_a_multiple_and_unpaid_months_said_first(
    service: Any,
) -> None:
    await assert_stored(
        service, "base_1x_6_of_last_12", [("基数跟工资一样，是平均工资的七成", False)]
    )
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["有五个月没工作"])
    await assert_stored(
        service, "base_1x_6_of_last_12", [("没有，待业了五个月，别的月份也是最低档", False)]
    )


async def test_no_local_named_beside_numbers_of_no_locals_is_none(service: Any) -> None:
    await assert_stored(
        service,
        "local_hires",
        [("上海户口的一个都没有，今年招了8个", 0), ("一个上海户口的也没有，我占股30%", 0)],
    )
