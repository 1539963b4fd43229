"""A yes said only inside a yes/no question about the rule (超生这种事情如今还有人管吗) is not
said of oneself: through the real service it is confirmed, never stored (stored, it would be a
veto). A yes or a no said in a clause that asks nothing is the answer, as before."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)


async def test_a_yes_inside_a_question_about_the_rule_is_confirmed(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "family_planning_violation",
        ["超生这种事情如今还有人管吗", "超生現在還會查嗎？", "违反计划生育还有影响吗"],
    )
    await assert_asked_not_stored(service, "serious_crime", ["判过五年以上的也不能办吗？"])


async def test_the_confirm_says_the_question_is_about_the_user(service: Any) -> None:
    # A rule question the FAQ has no sure answer for, at a question with no rule of its own to
    # tell (判了五年以上就一定不能申请了吗 at the sentence now gets its rule: asked_rule.py).
    applicant, reply = await answer(service, "title_matches_job", "跨专业的算不算？")
    assert "问规定" in reply and "您本人" in reply
    await applicant.type("否")
    _state, answers, _ = await applicant.stored()
    assert answers["title_matches_job"] is False


async def test_an_answer_said_beside_the_question_is_the_answer(service: Any) -> None:
    cases = [("有过，现在还查吗", True), ("是，这个还有影响吗", True), ("没有，现在还查吗", False)]
    for text, value in cases:  # the last question: the result follows
        applicant, _ = await answer(service, "family_planning_violation", text)
        _state, answers, _ = await applicant.stored()
        assert answers["family_planning_violation"] is value, text
