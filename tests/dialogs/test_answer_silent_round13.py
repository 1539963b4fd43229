"""Round 13's silent wrongs, by class, through the real service with phrasings written for this
test: a total said net of the back-paid months is the answer (not the gross less the part
taken off twice), and back-paid months said before a total are in it (taken off, as when
said after it); a little said smaller or longer (差一点点, 差一丁点, 差那么一点儿) is a shortfall
as 差一点 is; 亿 is a unit of yuan, and 个 between a number and 亿 or 万 is said, not counted
(两个亿, 八个万); the Shanghai-hukou staff said as a share of the head count (本地户口的一半)
are that share of it, besides the applicant's own share of the company; an item said of
someone else (在临港上班的是她) or denied of oneself (不是我) is not the applicant's; a
certificate said to be bought or fake is not the level held; months said beside a clause
saying all of them were paid in a way that does not count (都是自己交的) are asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_total_said_net_of_back_paid_months_is_the_answer(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("六年，其中补交的一年去掉的话就是五年", 60),
            ("一共3年，扣掉补缴的4个月还剩32个月", 32),
            ("交了4年，补缴的不算的话有三年半", 42),
            ("5 years in all, without the back-paid months it's 4 years", 48),
        ],
    )


async def test_back_paid_months_said_before_a_total_are_in_it(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("补交过半年，加起来一共交了4年", 42),
            ("有5个月是补缴的，累计交了50个月", 45),
            # the story's own durations add up to the total: the total is said net already
            ("交了两年，其中补缴了2个月，总共算下来22个月", 22),
        ],
    )


async def test_a_little_said_smaller_is_still_a_shortfall(service: Any) -> None:
    await assert_stored(
        service,
        "insurance_base_tier",
        [("就差一点点到三倍", "2x"), ("差那么一点儿才到两倍", "1x"), ("离两倍还差一丁点", "1x")],
    )
    # just under whole years: the full years below them
    await assert_stored(
        service, "social_insurance_months", [("还差一丁点满四年", 45), ("差一点点到三年", 33)]
    )


async def test_hundred_millions_and_a_measure_word_before_the_unit(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [("两个亿吧", 200_000_000), ("每年交税1.2亿", 120_000_000), ("一年交八十个万", 800_000)],
    )


async def test_local_hires_said_as_a_share_of_the_staff(service: Any) -> None:
    await assert_stored(
        service,
        "local_hires",
        [
            ("员工60个，上海户口的占三分之一", 20),
            ("一共50人，有两成是沪籍", 10),
            ("公司80人，本地户籍的有一半，我占股一半", 20),
        ],
    )
    await assert_asked_not_stored(service, "local_hires", ["公司40人，上海户口的大概一半"])


async def test_an_item_said_of_someone_else_is_not_the_applicants(service: Any) -> None:
    for text in ("爱人是上海户口，临港那边上班的是她不是我", "老公是上海户口，拿过劳模的是他"):
        assert list(await stored_value(service, "bonus", text)) == ["spouse_hukou"], text


async def test_a_certificate_bought_or_fake_is_not_the_level_held(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [("中专毕业，本科文凭是假的", "none"), ("初中，后来买了个大专文凭", "none")],
    )
    await assert_asked_not_stored(service, "education", ["本科，不过是花钱买的"])


async def test_months_all_paid_in_a_way_that_does_not_count_are_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "social_insurance_months", ["都是个人交的，交了两年半", "交了4年，全是补缴的"]
    )
