"""Round 8's silent wrongs, by class, through the real service with phrasings written for this
test: an answer declined (不想说) or "don't know" in Cantonese (唔知) is no value but explained,
as 不知道 is; whole years reached next month (下个月就满4年) are one month short of them now;
digits before 百万 (2百万) are millions; a count of the others (外地的有50个) after "no Shanghai
hukou staff" is no local hire; two levels in doubt (中级还是高级来着) are asked, never the first;
a title not yet appointed to or evaluated in another province is confirmed against none; the same
industry but another post is neither a yes nor a no; a spouse's hukou got lately, beside the years
married, is asked again (which years count?); the age after this year's birthday is one less
until the birthday's month comes (today is 29 November)."""

from __future__ import annotations

from typing import Any

from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_an_answer_declined_or_not_known_in_cantonese_is_explained_not_recorded(
    service: Any,
) -> None:
    for question, said in (
        ("deductions", "不想说"),
        ("serious_crime", "这个不方便透露"),
        ("base_1x_6_of_last_12", "唔知"),
        ("title_matches_job", "唔清楚喔"),
        ("criminal_count", "I'd rather not say"),
    ):
        applicant, replied = await answer(service, question, said)
        _state, answers, context = await applicant.stored()
        assert question not in answers and question not in context.get("extra", {}), said
        assert context["q"] == question, said
        assert text("zh-CN", "unsure-general") in replied, said
    await assert_asked_not_stored(service, "deductions", ["保密"])
    # a refusal of the details, then the answer: the answer (三十多 scores alike, 39 stored)
    applicant, _ = await answer(service, "age", "不方便说具体的，反正三十多")
    assert "age" in (await applicant.stored())[1]


async def test_whole_years_reached_soon_are_not_reached_yet(service: Any) -> None:
    await assert_stored(
        service,
        "spouse_hukou_years",
        [("下个月就满4年", 3), ("月底满两年", 1), ("马上就5年了", 4), ("再过两个月就满6年", 5)],
    )
    await assert_stored(
        service,
        "social_insurance_months",
        [("下个月就满3年", 35), ("交了23个月，下个月就满两年", 23)],
    )


async def test_digits_before_hundreds_of_ten_thousands_are_millions(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [("2百万", 2_000_000), ("每年1.5百万", 1_500_000), ("3千万", 30_000_000)],
    )


async def test_staff_of_no_shanghai_hukou_counted_apart_are_no_local_hires(service: Any) -> None:
    await assert_stored(
        service,
        "local_hires",
        [
            ("没有上海户口的员工，外地的有50个", 0),
            ("没有本地户籍的，其他的有12个", 0),
            ("上海户口的10个，外地的50个", 10),
        ],
    )


async def test_two_levels_said_in_doubt_are_asked_never_the_first_taken(service: Any) -> None:
    applicant, _ = await answer(service, "title", "电工证，好像是中级还是高级来着")
    assert applicant.choices[:2] == [text("zh-CN", "title-skill_4"), text("zh-CN", "title-skill_3")]
    await assert_asked_not_stored(
        service, "title", ["焊工证三级还是四级来着", "焊工证，三级还是四级吧"]
    )
    await assert_stored(service, "insurance_base_tier", [("还是2倍", "2x")])


async def test_a_title_not_appointed_or_from_another_province_is_confirmed(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "title",
        ["有个高级职称，但还没聘，是外省评审的", "中级工程师，还没被聘任", "外地评的中级"],
    )
    await assert_stored(service, "title", [("中级工程师，已经聘了", "title_intermediate")])


async def test_the_same_industry_but_another_post_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "title_matches_job", ["同一个行业但岗位不一样", "同行业但是岗位不同"]
    )
    await assert_stored(service, "title_matches_job", [("不是同一个行业", False)])


async def test_a_spouse_hukou_newer_than_the_marriage_is_asked_again(service: Any) -> None:
    await assert_asked_not_stored(
        service, "spouse_hukou_years", ["老婆去年才落户上海，我们结婚8年了", "老公刚落户，结婚5年"]
    )
    await assert_stored(service, "spouse_hukou_years", [("认识十年，结婚3年", 3)])


async def test_the_age_after_this_years_birthday_waits_for_its_month(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [
            ("今年过完生日就36了，生日在12月", 35),
            ("过完生日就40了，3月份的生日", 40),
            ("生日过了就满45，生日是12月", 44),
        ],
    )
    # the month not said, or this month: 55 or 56 score apart, asked
    await assert_asked_not_stored(service, "age", ["过完生日就56了", "11月生日，过完生日就56了"])
