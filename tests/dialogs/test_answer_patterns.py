"""The patterns of issue 19's misreads, typed into the real service (ConversationService on
SQLite) at the question they answer: what is stored, what the user is asked to confirm, and
that nothing vague or unsure is ever stored as a value."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    BEFORE,
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_words_with_no_or_not_that_mean_yes(service: Any) -> None:
    await assert_stored(
        service,
        "title_matches_job",
        [
            ("没毛病", True),
            ("没问题", True),
            ("不错", True),
            ("不太对口", False),
            ("不对口", False),
        ],
    )


async def test_unfinished_education_counts_the_level_below(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [
            ("大三在读", "none"),
            ("专升本在读", "college"),
        ],
    )
    # an unfinished bachelor alone: after 高中 or after 大专? asked
    await assert_asked_not_stored(service, "education", ["本科肄业"])
    # a doctorate in progress may follow a bachelor directly (直博): asked
    await assert_asked_not_stored(service, "education", ["博士在读"])
    _applicant, text = await answer(service, "education", "研一在读")
    assert "学士学位" in text  # the bachelor below: its degree is asked
    await assert_asked_not_stored(service, "education", ["读了三年退学了", "自考"])


async def test_adult_and_upgrade_routes_with_and_without_degree(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [
            ("专升本，拿到了学位", "bachelor_degree"),
            ("专接本 单证", "bachelor"),
            ("自考本科没学位", "bachelor"),
            ("成考大专", "college"),
            ("函授本科 双证", "bachelor_degree"),
            ("国家开放大学专科", "college"),
            ("英国硕士", "master"),
        ],
    )


async def test_two_digit_and_chinese_numeral_years_are_dates(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        # September 2017 to November 2026; March 2019 to November 2026
        [("17年9月入职就开始交", 110), ("2019.3开始交的", 92)],
    )
    await assert_stored(service, "age", [("八七年的", 39), ("1992.3", 34)])
    applicant, text = await answer(service, "social_insurance_months", "二零一六年起")
    assert "满 9 年" in text and "满 10 年" in text  # some month of 2016: asked which
    assert applicant.choices == ["119 个月", "120 个月"]


async def test_hedges_count_full_years_and_ask_when_they_straddle_one(service: Any) -> None:
    cases = [("将近六年", 5), ("三年出头", 3), ("30来个月", 2), ("不满3年", 2), ("交了半年多", 0)]
    for text, years in cases:
        applicant, _ = await answer(service, "social_insurance_months", text)
        _, answers, _ = await applicant.stored()
        assert answers["social_insurance_months"] // 12 == years, text
    await assert_asked_not_stored(service, "social_insurance_months", ["5年左右", "30多个月"])


async def test_half_years_and_words_around_ages(service: Any) -> None:
    applicant, _ = await answer(service, "social_insurance_months", "一年半不到")
    _, answers, _ = await applicant.stored()
    assert 12 <= answers["social_insurance_months"] < 18
    await assert_stored(service, "age", [("下个月满40", 39), ("周岁42", 42)])
    applicant, text = await answer(service, "age", "虚岁42")
    assert "周岁" in text and applicant.choices == ["41 岁", "40 岁"]
    await assert_asked_not_stored(service, "age", ["虚岁42", "四十多岁"])


async def test_title_levels_follow_the_official_series(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("主任医师", "title_senior"),
            ("二级教师", "title_junior"),
            ("一级教师", "title_intermediate"),
            ("一级律师", "title_senior"),
            ("软件设计师", "title_intermediate"),
            ("特种作业操作证", "none"),
            ("驾驶证", "none"),
            ("电工三级", "skill_3"),
        ],
    )
    _, text = await answer(service, "title", "一级建造师")
    assert "本市目录" in text  # a practising qualification: confirmed, not guessed
    _, text = await answer(service, "title", "三级教练")
    assert "初级、中级还是高级" in text  # a series without a source: its level is asked
    await assert_asked_not_stored(service, "title", ["一级建造师", "三级教练"])


async def test_picks_by_ordinal_or_negation(service: Any) -> None:
    # 最后一个 there is asked (tests/dialogs/test_answer_asked_not_guessed.py)
    for text, picked in [("选第三个", ["public_service"]), ("都不符合", [])]:
        applicant, _ = await answer(service, "bonus", text)
        _, _, context = await applicant.stored()
        assert context["extra"]["bonus"] == picked, text
    applicant, _ = await answer(service, "education", "选第三个")
    _, answers, _ = await applicant.stored()
    assert answers["education"] == "bachelor"  # the third option shown


async def test_a_typed_number_that_is_also_a_multiple_is_confirmed(service: Any) -> None:
    applicant, _ = await answer(service, "insurance_base_tier", "2")  # option 2, or 2倍?
    _, answers, context = await applicant.stored()
    assert "insurance_base_tier" not in answers
    assert context["pending"]["options"] == ["tier:0.8x", "tier:2x"]


async def test_a_salary_is_never_turned_into_a_base_tier(service: Any) -> None:
    for text in ["月薪一万五左右", "工资15000", "基数8000左右"]:
        _applicant, reply = await answer(service, "insurance_base_tier", text)
        assert "随申办" in reply and "缴费基数" in reply, text
    await assert_asked_not_stored(service, "insurance_base_tier", ["月薪一万五左右", "2倍左右"])


async def test_i_do_not_know_is_never_stored_as_an_answer(service: Any) -> None:
    for question in BEFORE:
        await assert_asked_not_stored(service, question, ["我也不确定", "不知道"])
