"""Answers that were asked again though they say the value (round 10 of the dev sets, phrasings
written anew for this test): an age with filler, dialect or a typo around it (嗯, 阿拉, 岁 typed
隋, a gender beside it, ～), and a "none" said twice or with a courtesy (没有没有, none, thanks)."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_an_age_with_filler_dialect_or_a_typo_is_read(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [("嗯，我今年四十了嗯", 40), ("阿拉三十六岁", 36), ("29隋", 29), ("男 33岁", 33)],
    )
    await assert_stored(service, "age", [("二十八岁啦~", 28)])


async def test_a_none_said_twice_or_with_a_courtesy_is_none(service: Any) -> None:
    assert await stored_value(service, "bonus", "没有 没有") == ()
    assert await stored_value(service, "bonus", "none, thanks") == ()
    await assert_stored(service, "detention_count", [("没有没有", 0)])
