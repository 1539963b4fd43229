"""A value the user takes back in the same message (34，哦不对，35; 一次，不对，两次; 30, no wait,
31): the value after the retraction is stored, through the real service, with phrasings written
for this test. At a yes/no question 不对 and 不是 stay the answer."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_the_value_after_a_retraction_is_the_answer(service: Any) -> None:
    await assert_stored(service, "age", [("41，噢不对，我42了", 42), ("38, no wait, 39", 39)])
    await assert_stored(service, "criminal_count", [("两次，说错了，一次", 1)])
    await assert_stored(service, "detention_count", [("没有，不对不对，有过一次", 1)])
    await assert_stored(
        service, "award", [("市级专项的吧，我记错了，是市级综合表彰", "city_comprehensive")]
    )
    await assert_stored(service, "social_insurance_months", [("5年，哦不是，4年", 48)])


async def test_at_a_yes_no_question_the_retraction_words_are_the_answer(service: Any) -> None:
    assert await stored_value(service, "title_matches_job", "不对口，不是一个方向") is False


async def test_one_after_an_ordinal_is_a_pronoun_not_the_first_item(service: Any) -> None:
    # "the 3rd one" picked the third item and the first ("one" read as 1)
    three = await stored_value(service, "bonus", "3")
    assert three and len(three) == 1
    for said in ("the 3rd one", "3rd one"):
        assert await stored_value(service, "bonus", said) == three, said
