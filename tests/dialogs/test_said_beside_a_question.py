"""A few words that answer the open question, said in a clause of their own beside a question
(60，还能申请吗; 中级职称能加多少？我就是中级), are the answer: through the real service they are
stored, as 没有，交通违章算吗 is. A question alone (中级职称能加多少分？) or beside a story that
is no answer of its own (在临港工作了三年，能加分吗 at the months) stays a question; so does
几年才开始加分？, asking how long it takes."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_bare_answer_beside_a_question_is_stored(service: Any) -> None:
    await assert_stored(service, "age", [("60，还能申请吗", 60)])
    await assert_stored(service, "title", [("中级职称能加多少？我就是中级", "title_intermediate")])


async def test_a_question_alone_or_beside_a_story_is_not_an_answer(service: Any) -> None:
    await assert_asked_not_stored(service, "title", ["中级职称能加多少分？"])
    await assert_asked_not_stored(
        service, "social_insurance_months", ["在临港工作了三年，能加分吗"]
    )
    await assert_asked_not_stored(service, "public_service_years", ["环卫满几年才开始加分？"])
