"""Answers that take back what they said, or say a level left unfinished, read as the user
meant them, never as the words taken back: a retraction that begins the clause of the value
(高级，不对是中级), a retraction between two yes/no answers (有，不对，…我没有), a graduate
level completed without its diploma (硕士结业: asked like 本科结业), a level graduated before the
one in progress (高中毕业在读大专: the 高中), and an age said with 虚岁 at a count question."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_retraction_beginning_the_clause_of_the_value_takes_back_the_one_before(
    service: Any,
) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("副高，不对是中级，副高还没评下来", "title_intermediate"),
            ("中级职称，哦说错了，是助理，中级要明年评", "title_junior"),
        ],
    )
    await assert_stored(service, "detention_count", [("两次，记错了一次", 1)])


async def test_a_retraction_between_two_yes_no_answers_takes_back_the_first(service: Any) -> None:
    # the last question: the answer is stored and the dialog goes on to the read-back
    cases = [("有，不对，那是我姐家超生，我自己没有", False), ("没有，说错了，有的", True)]
    for said, value in cases:
        applicant, _ = await answer(service, "family_planning_violation", said)
        _state, answers, _ = await applicant.stored()
        assert answers.get("family_planning_violation") is value, said


async def test_a_graduate_level_completed_without_its_diploma_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "education", ["博士生结业", "硕士读完结业了"])


async def test_a_level_graduated_before_the_one_in_progress_is_the_level_held(
    service: Any,
) -> None:
    await assert_stored(
        service, "education", [("高中毕业正在读大专", "none"), ("专科毕业在读本科", "college")]
    )


async def test_an_age_said_with_xusui_at_a_count_question_is_no_count(service: Any) -> None:
    for question in ("detention_count", "local_hires"):
        await assert_asked_not_stored(service, question, ["42虚岁", "虚岁三十", "实岁35"])
