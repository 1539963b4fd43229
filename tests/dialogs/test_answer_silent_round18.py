"""Round 18's silent wrongs, by class, through the real service with phrasings written for this
test: a bare number past working age may be a birth year said short; a title evaluated in
another province or inside a company, or passed with its certificate not yet issued, may not
count; a shortfall said with 没有到 is below the tier; whole years reached next month (in
English) are short of them today; two neighbouring amounts said in English with a hedge are
either; a hukou moved away is not a Shanghai hukou; a company's prize is no company held nor an
award; a founder may count either way; a degree not issued is not held; a share said without 占
(我100%) is a share; months said to be part of the years before them (back-paid, missed) are
not added to them."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_bare_number_past_working_age_may_be_a_birth_year(service: Any) -> None:
    await assert_asked_not_stored(service, "age", ["88", "91"])
    await assert_stored(service, "age", [("61", 61), ("88岁", 88)])


async def test_a_title_that_may_not_count_here_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "title",
        [
            "中级职称，浙江评的",
            "高级工程师，是集团内部评的",
            "中级会计考过了，证书还没有下来",
        ],
    )
    await assert_stored(service, "title", [("中级职称，上海评的", "title_intermediate")])


async def test_a_shortfall_and_years_reached_next_month(service: Any) -> None:
    await assert_stored(
        service,
        "insurance_base_tier",
        [("还没有到0.8倍", "none")],
    )
    await assert_stored(service, "remote_area_years", [("it'll be 5 years next month", 4)])


async def test_two_neighbouring_amounts_in_english_are_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "remote_area_years", ["about 4 or 5 years", "roughly 4-5 years"]
    )


async def test_bonus_items_said_of_something_else(service: Any) -> None:
    for said in ("老公是上海人，不过他户口转到深圳去了", "有个公司的优秀员工称号"):
        picked = await stored_value(service, "bonus", said)
        assert picked is not None and list(picked) == [], said
    await assert_asked_not_stored(service, "bonus", ["自己出来创业了，有创业补贴"])
    assert await stored_value(service, "bonus", "选最后那个，创业的") == ("entrepreneur_talent",)


async def test_a_degree_not_issued_and_a_share_said_short(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [("本科毕业，学位证书因为论文的问题一直没有发", "bachelor")],
    )
    await assert_stored(
        service, "investment_tax_yuan", [("前年10万，去年20万，今年30万，我50%", 100000.0)]
    )


async def test_months_said_as_part_of_the_years_before_them(service: Any) -> None:
    await assert_stored(
        service, "social_insurance_months", [("4 years, 3 months of it back-paid", 45)]
    )
    await assert_asked_not_stored(
        service, "social_insurance_months", ["eight years, but missed 2 months between jobs"]
    )
