"""Words of a request that, at a points question, tell rather than ask: the answer is stored,
nothing is started and nothing is asked back. An edit naming the question being asked is an
answer to it (年龄改成150 at the age: 150 is read there, refused with its reason); a request
verb told done (重新算了一遍，结婚5年: what the user did before answering) or part of an idiom
(重新做人: turned over a new leaf); 提醒一下 pointing something out after an answer (六年，提醒
一下中间换过单位), not asking for a reminder; one's own job in customer service (客服组长，没有
证书), not a person asked for. Through ConversationService, with phrasings written for these
tests (none from a held-out set), in simplified and traditional Chinese and in English."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_stored,
    service_fixture,
)


@pytest.mark.parametrize(
    ("question", "said", "reason"),
    [
        ("age", "年龄改成150", text("zh-CN", "error-age-range", value=150)),
        ("age", "歲數改為一百五", text("zh-CN", "error-age-range", value=150)),
        ("social_insurance_months", "社保年限改成90年", "1080"),
    ],
)
async def test_an_edit_naming_the_open_question_is_answered_with_its_reason(
    service: Any, question: str, said: str, reason: str
) -> None:
    """The new value is read as the answer: one that cannot be right is asked again, saying
    why, as when typed alone (not the bare question again, as an edit of it would)."""
    applicant, shown = await answer(service, question, said)
    assert reason in shown, shown
    _, answers, _ = await applicant.stored()
    assert question not in answers


TOLD = [
    # a request verb told done, before the answer
    ("age", "我重新算了下，今年44岁", 44),
    ("spouse_hukou_years", "重新算了一遍，结婚5年", 5),
    ("age", "重新測了一下，44歲", 44),
    # an idiom with a restart's words
    ("detention_count", "没有，出来以后重新做人了", 0),
    ("criminal_count", "没有，早就重新开始生活了", 0),
    # 提醒一下 pointing something out, after the answer
    ("social_insurance_months", "六年，提醒一下中间换过单位", 72),
    ("detention_count", "没有，提醒一下我一直遵纪守法", 0),
    # one's own job in customer service
    ("title", "客服部门的，没职称", "none"),
    ("title", "客服组长，没有证书", "none"),
    ("title", "I work in customer service, no certificate", "none"),
]


@pytest.mark.parametrize(("question", "said", "value"), TOLD)
async def test_words_of_a_request_that_tell_leave_the_answer_stored(
    service: Any, question: str, said: str, value: Any
) -> None:
    await assert_stored(service, question, [(said, value)])
