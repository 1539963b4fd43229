"""Through the real service: graduating this year said with the month and the degree between
(今年6月全日制本科毕业) is the fresh-graduate item, full-time study kept as said; a child
beside a fine (生了老二，交了罚款) is a recorded family-planning violation at the deductions
gate, not a fine of no item; a single false document in English is a deduction."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_graduating_this_year_with_words_between_is_the_item(service: Any) -> None:
    said = "今年6月全日制本科毕业，专业是紧缺的"
    assert await stored_value(service, "bonus", said) == ("shortage_major", "fresh_graduate")
    assert await stored_value(service, "bonus", "今年博士毕业，全日制的") == ("fresh_graduate",)
    await assert_asked_not_stored(service, "bonus", ["今年7月硕士毕业"])


async def test_a_child_beside_a_fine_is_a_violation(service: Any) -> None:
    assert await stored_value(service, "deductions", "2012年生了老二，当时罚了钱") is True
    assert await stored_value(service, "deductions", "闯红灯被罚款200") is False
