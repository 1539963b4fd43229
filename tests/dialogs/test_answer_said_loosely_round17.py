"""Round 17's re-asks by class, through the real service with phrasings written for this test:
numbers typed loosely (the letter o for a zero, a digit after Chinese tens, the Japanese 歳);
a line of work said left with 在 (没在干这行了), or a field said of the title and of the job's
place or post (证是会计，现在还在财务部; a major, 专业是会计, is no title); the city's model
workers are confirmed as a provincial or a city award (writers disagree: the city government
names them); a record owned and said to be dealt with stays owned; tax exemption is no tax; a
year without work is short of the base condition; an upgrade said without 专 (后来升本了); a
record dated to the month is placed against its window by the month."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_numbers_typed_loosely(service: Any) -> None:
    await assert_stored(service, "age", [("4o岁", 40), ("三十7", 37), ("29歳", 29)])


async def test_a_line_left_or_a_field_said_of_both(service: Any) -> None:
    await assert_stored(
        service,
        "title_matches_job",
        [
            ("没在干这行了，现在做行政", False),
            ("证是会计的，现在还在财务部", True),
            ("证是护理的，现在在社区医院当护士", True),
        ],
    )


async def test_awards_records_and_tax_said_in_other_words(service: Any) -> None:
    # named by the city government, often taken for a city comprehensive award: which, asked
    applicant, _ = await answer(service, "award", "上海市劳模")
    state, _answers, context = await applicant.stored()
    assert (state, context["pending"]["options"]) == (
        "confirming",
        ["award:national", "award:city_comprehensive"],
    )
    for said in ("有，但是都处理完了", "有，不过罚款早就交了"):  # the last question: no "asking"
        assert await stored_value(service, "family_planning_violation", said) is True, said
    await assert_stored(service, "investment_tax_yuan", [("公司是免税的", 0), ("tax exempt", 0)])


async def test_a_year_without_work_and_an_upgrade_said_short(service: Any) -> None:
    # on 2026-11-29: no base this year leaves at most one month of the last twelve
    await assert_stored(service, "base_1x_6_of_last_12", [("今年一直没上班", False)])
    await assert_stored(service, "education", [("大专，后来升本了，有学位", "bachelor_degree")])


async def test_records_dated_to_the_month_or_beside_a_vague_time(service: Any) -> None:
    for said, owned in [
        ("年轻时被拘留过，那是十二年前了", False),  # the date said, not 年轻时, decides
        ("被拘留过一次，2021年12月", True),  # within five years of 2026-11-29
        ("2021年10月被拘留过一次", False),
        ("有刑事记录，2023年", True),  # within its window: a deduction, or a veto
    ]:
        assert await stored_value(service, "deductions", said) is owned, said
