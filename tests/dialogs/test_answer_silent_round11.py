"""Round 11's silent wrongs, by class, through the real service with phrasings written for this
test: a title of one field and work in another is no match, though 是 is said; half a match or
some months of the base are asked; a record said "before" with no date (the question asks about
the last 3 or 5 years), a "small problem" or an answer declined politely (不太想说) are never a
value; a false contract handed in is a false material; near Lingang or an office post at a
sanitation company are asked; between two multiples is the lower tier; a spouse's years when
not married, or years in an item said not held, are none; sound-alike typos of levels and
numbers are read."""

from __future__ import annotations

from typing import Any

from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_title_of_one_field_and_work_in_another_is_no_match(service: Any) -> None:
    await assert_stored(service, "title_matches_job", [("我是会计职称，目前干销售", False)])


async def test_half_a_match_or_some_months_of_the_base_are_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "title_matches_job", ["算是半对口"])
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["有几个月达到了"])


async def test_a_record_of_no_date_or_a_small_problem_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "deductions", ["之前被行政拘留过", "出过一点小问题"])
    assert await stored_value(service, "deductions", "去年交过假合同") is True


async def test_an_answer_declined_politely_is_explained_not_recorded(service: Any) -> None:
    applicant, replied = await answer(service, "deductions", "这个我不太想说")
    _state, answers, context = await applicant.stored()
    assert "deductions" not in context.get("extra", {}) and "deductions" not in answers
    assert text("zh-CN", "unsure-general") in replied


async def test_near_lingang_or_an_office_post_at_sanitation_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "bonus", ["单位在临港旁边", "在环卫所做财务"])


async def test_between_two_multiples_is_the_lower_tier(service: Any) -> None:
    await assert_stored(service, "insurance_base_tier", [("基数在两到三倍之间", "2x")])


async def test_years_of_an_item_said_not_held_are_none(service: Any) -> None:
    await assert_stored(
        service, "spouse_hukou_years", [("我还单身", 0), ("离异", 0), ("老公不是上海户口", 0)]
    )
    await assert_stored(service, "remote_area_years", [("我不在临港上班", 0)])


async def test_sound_alike_typos_of_levels_and_numbers_are_read(service: Any) -> None:
    await assert_stored(service, "education", [("高仲毕业", "none"), ("搏士学位", "doctor")])
    await assert_stored(service, "insurance_base_tier", [("按亮倍交", "2x")])
    await assert_stored(service, "age", [("今年四十无岁", 45)])
