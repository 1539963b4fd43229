"""An answer told with which of two to take (有高级工也有中级职称，哪个高填哪个), through
ConversationService, with phrasings written for these tests: "whichever is higher" asks
nothing, so the answer is read as any answer naming two (the title parser takes the one worth
more), not sent to the FAQ; 中级职称和高级工哪个分高 still asks."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("有高级工也有中级职称，哪个高填哪个", "title_intermediate"),
        ("中级职称和三级证书都有，哪个分高就算哪个", "title_intermediate"),
        ("有中级职称，还有个高级工证，哪个高按哪个", "title_intermediate"),
    ],
)
async def test_whichever_is_higher_told_beside_two_answers_is_no_question(
    service: Any, said: str, value: str
) -> None:
    await assert_stored(service, "title", [(said, value)])


async def test_which_is_worth_more_asked_is_still_a_question(service: Any) -> None:
    await assert_asked_not_stored(service, "title", ["中级职称和高级工哪个分高"])
