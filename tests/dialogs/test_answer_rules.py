"""The rules of issue 19's answer patterns, each with phrasings of our own (not those of the
dev sets), typed into the real service at the question they answer: the value stored, or a
confirm or re-ask with nothing stored. Simplified, traditional and English."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    BEFORE,
    answer,
    assert_asked_not_stored,
    service_fixture,
)

DIALOG_ONLY = ("bonus", "deductions")  # kept beside the Profile fields, in context["extra"]


async def stored(service: Any, question: str, text: str) -> Any:
    applicant, _ = await answer(service, question, text)
    state, answers, context = await applicant.stored()
    assert state != "confirming", (question, text)
    if question in DIALOG_ONLY:
        return context["extra"].get(question)
    return answers.get("birth_date") or answers.get(question)


async def assert_values(service: Any, question: str, cases: list[tuple[str, Any]]) -> None:
    for text, value in cases:
        assert await stored(service, question, text) == value, text


async def test_every_question_of_the_table_is_reached_as_the_dialog_asks_it(service: Any) -> None:
    for question in BEFORE:
        applicant, _ = await answer(service, question, "")
        _, _, context = await applicant.stored()
        assert context["q"] == question


async def test_a_no_word_after_a_negator_is_a_yes(service: Any) -> None:
    await assert_values(
        service,
        "title_matches_job",
        [
            ("从没转过行", True),
            ("没有不符合的", True),
            ("沒有換過行", True),  # traditional
            ("👍", True),
            ("係呀", True),
            ("风马牛不相及", False),
            ("早就改行了", False),
            ("人在做销售，证书是会计的", False),  # two fields named
            ("做会计的，证也是会计", True),
        ],
    )


async def test_the_base_condition_is_read_against_six_of_twelve_months(service: Any) -> None:
    await assert_values(
        service,
        "base_1x_6_of_last_12",
        [
            ("最近半年都达到了", True),
            ("只有两个月超过社平", False),
            ("有五个月没达到", True),
            ("刚入职两个月", False),
            ("一直按封顶交", True),
            ("从未低于社平", True),
        ],
    )
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["五六个月吧"])


async def test_unfinished_and_adult_education(service: Any) -> None:
    await assert_values(
        service,
        "education",
        [
            ("网教专升本，学位证没拿到", "bachelor"),
            ("国家开放大学本科，有学位", "bachelor_degree"),
            ("成考本科，学位证没去申请", "bachelor"),
            ("中专，后来读了个自考大专，还有一门没考完", "none"),
            ("高中以下", "none"),
            ("大專以下", "none"),  # traditional
            ("bachelor without a degree", "bachelor"),
        ],
    )
    _, text = await answer(service, "education", "硕士读了一年就退学了")
    assert "学士学位" in text  # the bachelor before it: its degree asked
    await assert_asked_not_stored(
        service, "education", ["本科以下", "正在读博", "非全日制研究生，只有学位证"]
    )


async def test_two_digit_chinese_and_english_dates(service: Any) -> None:
    await assert_values(
        service,
        "age",
        [
            ("九一年五月三号", "1991-05-03"),
            ("88.10.2", "1988-10-02"),
            ("born March 3, 1990", "1990-03-03"),
            ("25/12/1989", "1989-12-25"),  # only one reading is a date
            ("九零年农历正月", 36),  # Jan-Mar 1990: 36 whichever month
        ],
    )
    await assert_values(
        service,
        "social_insurance_months",
        [("一八年三月开始交的", 104), ("since March 2022", 56), ("壹佰个月", 100)],
    )
    await assert_values(service, "spouse_hukou_years", [("2019年元旦领的证", 7)])


async def test_hedged_durations_count_full_years_and_ask_on_a_straddle(service: Any) -> None:
    await assert_values(
        service,
        "social_insurance_months",
        [("差不多三年半", 42)],
    )
    for text, years in [("不到两年", 1), ("两年多点", 2), ("快满四年了", 3)]:
        assert await stored(service, "social_insurance_months", text) // 12 == years, text
    await assert_asked_not_stored(service, "social_insurance_months", ["五年左右", "十几年"])
    # remote area: every reading below 5 years scores 0; 十多年 (11 to 19) all score 20
    await assert_values(service, "remote_area_years", [("两三年", 2), ("十多年", 11)])
    await assert_asked_not_stored(service, "remote_area_years", ["七八年"])


async def test_months_that_do_not_count_are_left_out(service: Any) -> None:
    await assert_values(
        service,
        "social_insurance_months",
        [
            ("五年，其中一年是补交的", 48),
            ("外地交过三年，来上海后交了四年", 48),
            ("四年，不过前半年是自己按灵活就业交的", 42),
        ],
    )
    await assert_asked_not_stored(service, "social_insurance_months", ["三年，中间断了两个月"])


async def test_half_years_and_words_around_ages(service: Any) -> None:
    await assert_values(
        service,
        "age",
        [
            ("再过两个月就满三十", 29),
            ("周岁三十六", 36),
            ("三十出头", 31),
            ("二十七岁，明年本命年", 27),
        ],
    )
    await assert_asked_not_stored(service, "age", ["虚岁三十八", "四十好几了"])


async def test_title_series_and_levels(service: Any) -> None:
    await assert_values(
        service,
        "title",
        [
            ("副主任护师", "title_senior"),
            ("主管护师", "title_intermediate"),
            ("三级教师", "title_junior"),
            ("助理社会工作师", "title_junior"),
            ("叉车证", "none"),
            ("英语六级", "none"),
            ("计算机二级", "none"),
            ("五级", "skill_5"),
            ("焊工二级，另有初级职称", "skill_2"),
            ("中级经济师还没考下来，目前是初级经济师", "title_junior"),
            ("senior title", "title_senior"),
        ],
    )
    _, text = await answer(service, "title", "四级")
    assert "全称" in text  # 四级律师 or a skill level: asked what it is
    await assert_asked_not_stored(service, "title", ["四级", "建造师"])


async def test_picks_by_ordinal_negation_and_exception(service: Any) -> None:
    await assert_values(
        service,
        "bonus",
        [
            ("除了第二项其他都没有", ["investment"]),
            ("以上都不是", []),
            ("nothing applies to me", []),
            ("全部都没有呢", []),
            ("开了个公司，每年交不少税", ["investment"]),
            ("前夫是上海户口", []),
            ("紧缺专业毕业，但已经转行了", []),
            ("公司年会评的优秀员工", []),
        ],
    )
    await assert_values(service, "education", [("最后一个", "doctor")])
    await assert_values(service, "insurance_base_tier", [("第二个", "0.8x")])
    await assert_values(service, "award", [("人社部颁发的", "national")])
    applicant, text = await answer(service, "bonus", "老婆是本地人")
    assert "户籍" in text and applicant.choices  # the hukou is not said: asked
    await assert_asked_not_stored(service, "bonus", ["老婆是本地人", "公司注册地在临港"])


async def test_money_is_never_silently_a_tier_and_limits_are_multiples(service: Any) -> None:
    for text in ["税前两万", "一个月到手一万二"]:
        _, reply = await answer(service, "insurance_base_tier", text)
        assert "随申办" in reply, text
    await assert_values(
        service,
        "insurance_base_tier",
        [
            ("基数是社平的两倍多", "2x"),
            ("按最低基数的三倍交", "1x"),  # 3 x 0.6 = 1.8
            ("去年才开始按三倍交，之前是两倍", "2x"),  # 3x needs 24 months
            ("double the average wage", "2x"),
        ],
    )
    await assert_asked_not_stored(service, "insurance_base_tier", ["今年才开始按两倍交"])


async def test_shares_hedged_counts_and_window(service: Any) -> None:
    await assert_values(
        service, "investment_tax_yuan", [("公司年纳税六十万，我持股三成", 180000.0)]
    )
    await assert_values(service, "local_hires", [("四十个本地员工，我占一半", 20), ("十几个", 11)])
    await assert_asked_not_stored(service, "local_hires", ["二十来个", "没数过"])
    await assert_values(service, "false_material_count", [("叁次", 3), ("twice", 2)])
    await assert_values(service, "detention_count", [("两趟", 2), ("拘过一次，七年前了", 0)])
    await assert_asked_not_stored(service, "detention_count", ["拘过一次，五年前的事"])


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("deductions", "被行政拘留过一次", True),
        ("deductions", "只有违停罚款", False),
        ("deductions", "没有任何违法犯罪", False),
        ("serious_crime", "判了七年", True),
        ("serious_crime", "判过两年", False),
        ("serious_crime", "缓刑两年", False),
        ("family_planning_violation", "二孩政策内生的", False),
        ("family_planning_violation", "交过社会抚养费", True),
        ("family_planning_violation", "no kids", False),
    ],
)
async def test_deductions_and_vetoes(service: Any, question: str, text: str, value: Any) -> None:
    assert await stored(service, question, text) == value


async def test_records_that_may_or_may_not_count_are_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "deductions", ["很多年前判过刑", "不太确定"])
    await assert_asked_not_stored(service, "family_planning_violation", ["先生孩子后领的证"])
