"""The rules behind round 3's misreads, typed into the real service (ConversationService on
SQLite) with phrasings of our own: what is stored, and what is asked instead of guessed."""

from __future__ import annotations

from typing import Any

from dialogs.questions import by_id, recorded
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round2 import assert_stored


async def stored_value(service: Any, question: str, text: str) -> Any:
    applicant, _ = await answer(service, question, text)
    _state, answers, context = await applicant.stored()
    return recorded(by_id(question), answers, context.get("extra", {}))


async def test_months_with_each_employer_add_up(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("上一家单位交了30个月，现在的公司交了1年", 42),
            ("第一份工作交了三年，第二份交了两年半", 66),
            ("跳槽前交了2年，跳槽后又交了10个月", 34),
            # a place outside Shanghai named beside Shanghai: only Shanghai's months
            ("在上海这边交了4年，之前在杭州交了3年", 48),
        ],
    )
    # the same amount said twice is one amount: four full years
    assert 49 <= await stored_value(service, "social_insurance_months", "四年多，不到五年") <= 59
    # two amounts, neither a part nor the same amount: asked again, never the first alone
    await assert_asked_not_stored(service, "social_insurance_months", ["交了3年，1年半"])


async def test_months_said_at_the_tier_question_are_how_long_not_how_many_times(
    service: Any,
) -> None:
    await assert_stored(
        service,
        "insurance_base_tier",
        [
            ("近两年半都是按3倍交，差不多30个月", "3x"),  # 3x needs 24 months in 3 years
            ("按2倍交了4年多", "2x"),
            ("最近1年才按3倍，之前一直2倍", "2x"),  # 12 months at 3x do not count yet
        ],
    )
    # not enough months at the tier said, and nothing said before it: asked what came before
    _applicant, text = await answer(service, "insurance_base_tier", "3倍，交了一年多")
    assert "36 个月" in text and "24 个月" in text
    await assert_stored(service, "social_insurance_months", [("按2倍交了40个月", 40)])


async def test_a_spouse_whose_hukou_is_not_in_shanghai_brings_no_bonus(service: Any) -> None:
    await assert_stored(
        service,
        "bonus",
        [
            ("我老公是上海本地的，但户口一直在农村老家", ()),
            ("媳妇上海人，户口还没迁回来", ()),
            ("my husband is shanghainese but his hukou is still in his hometown", ()),
            ("爱人是上海人，户口也在上海", ("spouse_hukou",)),
        ],
    )


async def test_a_tax_total_over_years_is_divided_only_where_the_text_says_so(
    service: Any,
) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [
            ("两年总共纳税60万", 300_000.0),
            ("公司近三年累计交税150万，我占股40%", 200_000.0),
            ("每年交税45万，已经交了三年", 450_000.0),
        ],
    )
    # three years and an amount, but neither 一共 nor 每年: which one is asked
    applicant, text = await answer(service, "investment_tax_yuan", "这三年交了120万")
    assert "3 年加起来的总数" in text
    assert applicant.choices == ["400000 元", "1200000 元"]
    _state, answers, _context = await applicant.stored()
    assert "investment_tax_yuan" not in answers
    await assert_asked_not_stored(service, "investment_tax_yuan", ["三年多一共交了100万"])


async def test_tens_of_years_and_more_are_a_range_above_the_ten(service: Any) -> None:
    # 十多年 is 11 to 19 years: the spouse item is capped from 10 years, so all score alike
    assert 11 <= await stored_value(service, "spouse_hukou_years", "结婚十多年了") <= 19
    # social insurance counts every year: 十多年 is too many readings, asked again
    await assert_asked_not_stored(service, "social_insurance_months", ["交了十多年"])


async def test_a_topic_particle_inside_an_answer_is_no_question(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [("本科毕业，学士学位嘛也拿了", "bachelor_degree"), ("硕士，学位呢有的", "master")],
    )
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [("一年里面有9个月够了", True), ("12个月中只有3个月达到", False)],
    )


async def test_an_age_said_as_a_bound_or_by_a_birthday_days_away(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [
            ("后天就满50了", 49),
            ("今天正好满38", 38),
            ("不方便说，反正不到35", 34),  # every age up to 43 scores alike
            ("四十岁以下", 39),
            ("三十多岁", 31),  # 31 to 39, not 30
        ],
    )
    # 不到五十 leaves ages that score differently: asked again
    await assert_asked_not_stored(service, "age", ["不到五十"])


async def test_an_old_detention_or_false_material_counts_only_inside_its_window(
    service: Any,
) -> None:
    # detentions count 5 years, false material 3 years (scoring/policy)
    await assert_stored(
        service,
        "deductions",
        [
            ("八年前被行政拘留过，后来没有了", False),
            ("两年前拘留过一次", True),
            ("五年多以前被拘过", False),
            ("四年前交过假材料", False),
            ("一年前交过假材料", True),
        ],
    )
    # the window's own year, a range across it, or a sentence (a veto at any age): asked
    await assert_asked_not_stored(
        service, "deductions", ["五年前被拘留过", "大概四五年前拘留过", "十二年前判过刑"]
    )


async def test_a_negated_getting_of_an_item_or_none_said_as_a_sentence(service: Any) -> None:
    await assert_stored(
        service,
        "bonus",
        [
            ("没得过什么奖，也不是应届", ()),
            ("从来没评上过劳模", ()),
            ("我没有任何加分项", ()),
            ("none of these fit", ()),
            ("除了配偶那一项，别的都不符合", ("spouse_hukou",)),
        ],
    )


async def test_a_holiday_of_a_year_said_relative_to_today_is_a_date(service: Any) -> None:
    # 前年国庆: October 2024, two full years on 29 November 2026
    await assert_stored(service, "spouse_hukou_years", [("前年国庆节领的证", 2)])


async def test_ones_pay_as_a_multiple_is_not_the_base_on_the_record(service: Any) -> None:
    for text in ["我的工资大概是社平的2倍", "月收入是平均工资3倍左右"]:
        _applicant, reply = await answer(service, "insurance_base_tier", text)
        assert "随申办" in reply and "缴费基数" in reply, text
    await assert_stored(
        service,
        "insurance_base_tier",
        [("按实际工资交的，是社平的2倍", "2x"), ("社平工资的1.5倍", "1x")],
    )


async def test_english_decades_hedges_and_titles(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [("early 30s", 33), ("in my late thirties", 39), ("I just turned 41", 41)],
    )
    # a little over is just above, not the open-ended "over"
    assert (
        36
        <= await stored_value(service, "social_insurance_months", "a bit more than 3 years")
        <= 47
    )
    await assert_stored(
        service,
        "title",
        [
            ("I'm a chief physician", "title_senior"),
            ("attending doctor", "title_intermediate"),
            ("senior accountant", "title_senior"),
        ],
    )


async def test_months_to_a_birthday_and_a_zodiac_beside_the_year(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [("快到40了，还差三个月", 39), ("还差半年满50", 49), ("84年属鼠的", 42)],
    )


async def test_a_later_clause_answers_when_the_first_says_no_yes_or_no(service: Any) -> None:
    await assert_stored(
        service,
        "title_matches_job",
        [
            ("我还是做工程这块，一直没转行", True),
            ("证是会计的，现在跑外卖", False),  # two fields named
            ("职称是工程师，现在做机械设计", True),  # one field, named twice, nothing denied
        ],
    )
    # a bare negator in a later clause denies what that clause says, not the question
    await assert_asked_not_stored(
        service, "family_planning_violation", ["老二2014年生的，没办准生证"]
    )
    await assert_stored(service, "family_planning_violation", [("不算超生，政策内的", False)])


async def test_no_problem_asked_about_a_record_is_a_clean_record(service: Any) -> None:
    await assert_stored(service, "deductions", [("没毛病", False), ("都没问题，清清白白", False)])
    await assert_stored(service, "serious_crime", [("没问题", False)])
    await assert_stored(service, "family_planning_violation", [("没啥问题", False)])
    # elsewhere 没问题 is a yes
    await assert_stored(service, "title_matches_job", [("没问题，对口", True)])


async def test_a_later_clause_saying_the_opposite_is_asked_not_overruled(service: Any) -> None:
    await assert_asked_not_stored(service, "title_matches_job", ["对口，现在不做这行"])
    await assert_stored(service, "title_matches_job", [("对口，但现在不做这行了", False)])


async def test_a_clause_about_someone_else_is_not_the_answer(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [("我老公是博士，我自己大专", "college"), ("我和老婆都是本科，有学位", "bachelor_degree")],
    )
    await assert_stored(service, "age", [("女儿12岁，我37", 37)])
    # only someone else's title said: asked, never taken as the user's
    await assert_asked_not_stored(service, "title", ["我老婆是主任医师"])


async def test_a_clause_about_something_else_than_the_question_is_left_out(
    service: Any,
) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [("来上海十年了，社保交了五年", 60), ("公积金交了6年，社保交了4年", 48)],
    )
    await assert_stored(service, "insurance_base_tier", [("公积金按最高交，社保是社平的1倍", "1x")])
    await assert_stored(service, "spouse_hukou_years", [("谈了八年恋爱，结婚两年", 2)])
    await assert_stored(service, "investment_tax_yuan", [("年营业额800万，纳税20万", 200_000.0)])
    await assert_stored(service, "local_hires", [("员工一共40个，上海户籍的有20个", 20)])


async def test_a_tax_amount_vague_bare_or_in_millions(service: Any) -> None:
    await assert_stored(service, "investment_tax_yuan", [("1.5 million a year", 1_500_000.0)])
    await assert_asked_not_stored(service, "investment_tax_yuan", ["一年几十万", "30"])
    await assert_stored(service, "age", [("42 next week", 41), ("36 this year", 36)])
