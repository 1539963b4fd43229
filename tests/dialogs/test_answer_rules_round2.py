"""The rules behind round 2's misreads, typed into the real service (ConversationService on
SQLite) with phrasings of our own: what is stored, and what is asked instead of guessed."""

from __future__ import annotations

from typing import Any

from dialogs.questions import by_id, recorded
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)


async def assert_stored(service: Any, question: str, cases: list[tuple[str, Any]]) -> None:
    """Each answer stored as the value the dialog reads back for `question`."""
    for text, value in cases:
        applicant, _ = await answer(service, question, text)
        state, answers, context = await applicant.stored()
        assert state in ("asking", "menu"), text  # menu: the last question was answered
        assert recorded(by_id(question), answers, context.get("extra", {})) == value, text


async def test_a_negated_no_is_a_yes(service: Any) -> None:
    await assert_stored(
        service,
        "title_matches_job",
        [
            ("也不是不对口", True),
            ("并不是不相关", True),
            ("一直做老本行", True),
            ("后来做别的了", False),
        ],
    )
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [("没有一个月不够", True), ("从来没有一个月低于社平", True)],
    )


async def test_partly_is_neither_yes_nor_no(service: Any) -> None:
    await assert_asked_not_stored(service, "title_matches_job", ["有一点对口吧", "不完全对口"])


async def test_a_turning_clause_decides_and_a_share_of_months_counts_against_half(
    service: Any,
) -> None:
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [
            ("收入不低，不过单位按最低档给我交", False),
            ("大部分月份都够", True),
            ("不到一半的月份达到", False),
            ("前年5月起基数就调高了", True),  # since before the last 12 months: all of them
            ("去年8月开始降到下限了", False),
        ],
    )


async def test_a_start_month_is_asked_when_this_month_may_make_a_full_year(
    service: Any,
) -> None:
    # December 2021 to November 2026: 59 months, or 60 when November is paid already
    applicant, text = await answer(service, "social_insurance_months", "21年12月开始交的社保")
    assert "满 4 年" in text and "满 5 年" in text
    assert applicant.choices == ["59 个月", "60 个月"]
    # March 2020: 80 or 81 months, six full years either way
    await assert_stored(service, "social_insurance_months", [("2020年3月入职后开始交", 80)])


async def test_tens_of_years_with_more_are_not_one_number(service: Any) -> None:
    await assert_asked_not_stored(service, "social_insurance_months", ["断断续续交了二十多年"])
    await assert_asked_not_stored(service, "spouse_hukou_years", ["结婚十来年了"])


async def test_an_unrecognised_or_equivalent_degree_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "education",
        ["本科，学信网上查不到", "澳洲硕士，认证还没办", "以同等学力申请的硕士学位"],
    )
    await assert_stored(service, "education", [("英国 MA，已经做了认证", "master")])


async def test_a_spouse_counts_only_with_a_shanghai_hukou(service: Any) -> None:
    await assert_stored(service, "bonus", [("我爱人户口在老家", ()), ("均不符合", ())])
    await assert_asked_not_stored(service, "bonus", ["我有老公"])


async def test_ages_said_around_a_birthday_a_holiday_or_in_old_numerals(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [
            ("still 41, turning 42 next spring", 41),
            ("I'll be 45 in April", 44),
            ("过完年就三十了", 29),
            ("下星期五过36岁生日", 35),
            ("三十有二", 32),
            ("廿九", 29),
        ],
    )
    applicant, _ = await answer(service, "age", "九二年国庆节出生的")
    _state, answers, _context = await applicant.stored()
    assert answers["age"] == 34  # October 1992: 34 on 29 November 2026


async def test_certificates_that_are_no_title_and_a_title_never_earned(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("日语N2", "none"),
            ("只有会计从业资格证", "none"),
            ("从来没评过", "none"),
            ("住院医师", "title_junior"),
        ],
    )


async def test_percent_of_the_average_wage_is_a_multiple(service: Any) -> None:
    await assert_stored(
        service, "insurance_base_tier", [("基数是社平的200%", "2x"), ("120%", "1x")]
    )


async def test_picks_by_position_from_the_end_or_the_middle(service: Any) -> None:
    # the awards listed: 市级专项表彰, 市级综合表彰, 省部级及以上表彰
    applicant, _ = await answer(service, "award", "选中间的")
    _state, answers, _context = await applicant.stored()
    assert answers["award"] == "city_comprehensive"
    applicant, _ = await answer(service, "award", "倒数第二")
    _state, answers, _context = await applicant.stored()
    assert answers["award"] == "city_comprehensive"
    # a denied option is not the pick
    await assert_stored(service, "award", [("不是国家级的，是市级专项", "city_specific")])


async def test_this_years_class_and_a_workplace_outside_the_remote_area(service: Any) -> None:
    await assert_stored(
        service,
        "bonus",
        [
            ("2026届全日制硕士毕业生", ("fresh_graduate",)),
            ("我在陆家嘴上班", ()),
            ("我在徐家汇上班", ()),
        ],
    )
    # the remote-area item named, but the work said to be elsewhere: asked, never guessed
    await assert_asked_not_stored(service, "bonus", ["注册在临港，人在徐汇办公"])


async def test_a_yes_word_after_a_cantonese_negator_and_an_unsure_degree(service: Any) -> None:
    await assert_stored(service, "title_matches_job", [("唔符合", False)])
    await assert_asked_not_stored(service, "education", ["本科毕业，学位应该有吧"])
    await assert_stored(service, "education", [("读到高二就没读了", "none")])


async def test_an_occupations_level_is_a_skill_level(service: Any) -> None:
    await assert_stored(
        service, "title", [("养老护理员三级", "skill_3"), ("保育员初级", "skill_5")]
    )


async def test_multiples_near_a_limit_below_one_or_at_a_tier_floor(service: Any) -> None:
    await assert_asked_not_stored(service, "insurance_base_tier", ["差不多封顶", "below 1"])
    await assert_stored(
        service, "insurance_base_tier", [("1倍以上", "1x"), ("就是社平的0.6", "none")]
    )


async def test_only_occurrences_dated_inside_the_window_count(service: Any) -> None:
    # detentions count for 5 years: 2023 is inside, 2018 and 2020 are not
    await assert_stored(service, "detention_count", [("三次，2018年、2020年和2023年各一次", 1)])


async def test_two_hundred_ten_thousands_by_a_personal_share(service: Any) -> None:
    await assert_stored(
        service, "investment_tax_yuan", [("公司年纳税两百万，我持股一半", 1_000_000.0)]
    )


async def test_a_second_or_third_child_born_when_its_policy_allowed_it(service: Any) -> None:
    await assert_stored(
        service,
        "family_planning_violation",
        [("老二是2017年出生的", False), ("三胎2023年生的", False)],
    )
    await assert_asked_not_stored(service, "family_planning_violation", ["老三2021年生的"])


async def test_paid_months_from_graduation_a_record_count_or_none_in_shanghai(
    service: Any,
) -> None:
    # graduation is in summer: June to September 2018 until November 2026, 8 full years
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("2018年毕业后一直在上海交", 100),
            ("随申办里缴费月数是87", 87),
            ("about six and a half years", 78),
            ("一直在老家交，上海这边没交过", 0),
            ("前年6月开始交的", 29),  # June 2024: a date, not 6 months
        ],
    )


async def test_ages_as_a_pair_of_numbers_an_apostrophe_year_or_a_birthday_just_past(
    service: Any,
) -> None:
    await assert_stored(service, "age", [("前天刚满四十二", 42), ("三十二三岁", 33)])
    applicant, _ = await answer(service, "age", "born in '92")
    _state, answers, _context = await applicant.stored()
    assert answers["age"] in (33, 34)


async def test_none_of_the_bonus_items_said_as_a_whole_sentence(service: Any) -> None:
    await assert_stored(
        service,
        "bonus",
        [
            ("哪个都不沾边", ()),
            ("no, I don't qualify for any", ()),
            ("only number 5", ("fresh_graduate",)),
        ],
    )
    await assert_stored(service, "base_1x_6_of_last_12", [("单位一直按下限给我交", False)])
    await assert_stored(service, "deductions", [("伪造过学历证明", True)])


async def test_having_to_look_it_up_is_i_dont_know_at_any_question(service: Any) -> None:
    for question in ("insurance_base_tier", "social_insurance_months", "title", "education"):
        await assert_asked_not_stored(service, question, ["回头查查", "idk"])
    _applicant, text = await answer(service, "insurance_base_tier", "我得查一下")
    assert "随申办" in text  # where the base shows


async def test_a_denied_value_followed_by_the_right_one_is_the_right_one(service: Any) -> None:
    await assert_stored(service, "education", [("不是本科，是大专", "college")])
    await assert_stored(service, "social_insurance_months", [("不是五年，是四年", 48)])
    await assert_stored(service, "insurance_base_tier", [("不是两倍，是一倍", "1x")])
    await assert_stored(service, "age", [("并不是40，是41", 41)])
    # at a yes/no question the denial is the answer
    await assert_stored(service, "title_matches_job", [("不是，我现在做销售", False)])


async def test_a_year_of_the_minguo_calendar_is_read_as_its_western_year(service: Any) -> None:
    """Taiwan's 民國 years (民國元年 is 1912): 民國七十年 is 1981, not 1970."""
    applicant, _ = await answer(service, "age", "民國70年5月3日出生")
    _, answers, _ = await applicant.stored()
    assert answers["birth_date"] == "1981-05-03"
    await assert_stored(service, "age", [("民国七十五年生的，生日过了", 40)])
