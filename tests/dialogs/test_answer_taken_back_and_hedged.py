"""Round 12's re-asks, by class, through the real service with phrasings written for this test:
a retraction inside a clause (38 no wait 39); a doubt the answer itself answers (the month of a
birth year forgotten, which of two ages offered); a remark beside an age; a pair of digits
after a hundred (两百三四十万); years still to come beside the years so far; a bare level
offered as its readings; no certificate at all; a vocational college's name."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_retraction_inside_a_clause_takes_back_the_value_before_it(service: Any) -> None:
    await assert_stored(service, "age", [("38 no wait 39", 39), ("三十二 不对 三十三", 33)])
    await assert_stored(service, "social_insurance_months", [("5年 sorry 6年", 72)])
    assert list(await stored_value(service, "bonus", "2 哦不 4")) == ["remote_area"]


async def test_a_doubt_the_answer_itself_answers_is_no_doubt_of_it(service: Any) -> None:
    # born in 1988: 37 or 38 today, the same age points, so no question
    assert await stored_value(service, "age", "88年的，具体哪天忘了") in (37, 38)
    # two ages offered with the same points: taken; with different points: asked
    assert await stored_value(service, "age", "二十八或者二十九，记不太清了") in (28, 29)
    await assert_asked_not_stored(service, "age", ["三十或者五十，记不清了"])


async def test_a_remark_beside_an_age_is_no_part_of_it(service: Any) -> None:
    await assert_stored(
        service, "age", [("29岁 刚毕业", 29), ("年紀三十八", 38), ("满打满算41", 41)]
    )


async def test_a_pair_of_digits_after_a_hundred_is_a_range(service: Any) -> None:
    tax = await stored_value(service, "investment_tax_yuan", "两百三四十万")
    assert 2_300_000 <= tax <= 2_400_000
    assert 350 <= await stored_value(service, "local_hires", "三百五六十个") <= 360


async def test_years_still_to_come_leave_the_years_so_far(service: Any) -> None:
    await assert_stored(service, "remote_area_years", [("三年，明年就满四年了", 3)])
    await assert_stored(
        service,
        "public_service_years",
        [("五年多，还差几个月满六年", 5), ("差几个月满三年", 2)],
    )


async def test_a_bare_level_is_offered_as_its_readings(service: Any) -> None:
    applicant, said = await answer(service, "title", "一级")
    assert "只说了级别" in said
    assert applicant.choices[:3] == ["职业资格一级（高级技师）", "高级职称", "中级职称"]
    _state, answers, _context = await applicant.stored()
    assert "title" not in answers


async def test_no_certificate_taken_is_no_title(service: Any) -> None:
    await assert_stored(service, "title", [("从来没拿过任何证书", "none"), ("没考过证", "none")])


async def test_a_vocational_college_is_college_level(service: Any) -> None:
    await assert_stored(
        service, "education", [("XX职业技术学院毕业", "college"), ("上海某某职业学院", "college")]
    )
    await assert_asked_not_stored(service, "education", ["XX职业技术大学毕业"])
