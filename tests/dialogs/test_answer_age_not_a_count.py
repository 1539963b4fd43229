"""An age typed at a count question (how many Shanghai-hukou hires, how many detentions) is no
count: 35岁 there was recorded as 35 hires or 35 detentions, a confident wrong score. It is
asked again; a count said beside an age (我25岁那年被拘留过一次) is the count."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_an_age_at_a_count_question_is_asked_again_not_counted(service: Any) -> None:
    for question in ("local_hires", "detention_count", "false_material_count", "criminal_count"):
        await assert_asked_not_stored(service, question, ["35岁", "三十五周岁", "I'm 35 years old"])


async def test_a_count_said_beside_an_age_is_the_count(service: Any) -> None:
    await assert_stored(service, "detention_count", [("我25岁那年被拘留过一次", 1), ("2次", 2)])
    await assert_stored(service, "local_hires", [("12个", 12)])
