"""Answers that say the counted part apart, or leave unsaid what decides the points, through
the real service: the Shanghai-hukou hires among all hires are the count; 研究生 names both
graduate degrees (硕士研究生, 博士研究生), which score differently, so it is asked; a record
said to be long ago, with no date, may be inside or outside its window, so it is asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_the_shanghai_hukou_hires_said_apart_are_the_count(service: Any) -> None:
    for said, count in (
        ("公司一共60个员工，其中上海户籍的有20个", 20),
        ("雇了35人，上海户口的15个，我一个人的公司", 15),
        ("we employ 50 people and 30 of them have Shanghai hukou", 30),
    ):
        assert await stored_value(service, "local_hires", said) == count, said


async def test_a_graduate_students_word_naming_neither_degree_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "education", ["研究生毕业的", "我是全日制研究生"])
    assert await stored_value(service, "education", "研究生，拿的硕士学位") == "master"


async def test_a_record_long_ago_with_no_date_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "deductions", ["很久以前有过一次", "早些年有过"])
    await assert_asked_not_stored(service, "detention_count", ["多年以前被拘过一回"])
