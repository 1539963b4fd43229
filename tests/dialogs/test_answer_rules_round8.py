"""Round 8's silent wrongs, by class, through the real service with phrasings written for this
test: an answer declined (不想说) or "don't know" in Cantonese (唔知) is no value but explained,
as 不知道 is; whole years reached next month (下个月就满4年) are one month short of them now."""

from __future__ import annotations

from typing import Any

from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_an_answer_declined_or_not_known_in_cantonese_is_explained_not_recorded(
    service: Any,
) -> None:
    for question, said in (
        ("deductions", "不想说"),
        ("serious_crime", "这个不方便透露"),
        ("base_1x_6_of_last_12", "唔知"),
        ("title_matches_job", "唔清楚喔"),
        ("criminal_count", "I'd rather not say"),
    ):
        applicant, replied = await answer(service, question, said)
        _state, answers, context = await applicant.stored()
        assert question not in answers and question not in context.get("extra", {}), said
        assert context["q"] == question, said
        assert text("zh-CN", "unsure-general") in replied, said
    await assert_asked_not_stored(service, "deductions", ["保密"])
    # a refusal of the details, then the answer: the answer (三十多 scores alike, 39 stored)
    applicant, _ = await answer(service, "age", "不方便说具体的，反正三十多")
    assert "age" in (await applicant.stored())[1]


async def test_whole_years_reached_soon_are_not_reached_yet(service: Any) -> None:
    await assert_stored(
        service,
        "spouse_hukou_years",
        [("下个月就满4年", 3), ("月底满两年", 1), ("马上就5年了", 4), ("再过两个月就满6年", 5)],
    )
    await assert_stored(
        service,
        "social_insurance_months",
        [("下个月就满3年", 35), ("交了23个月，下个月就满两年", 23)],
    )
