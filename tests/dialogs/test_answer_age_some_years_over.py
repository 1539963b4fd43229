"""Some years over a round age (三十好几, 二十好几了) is more than a few over it: 34 to 39 (33 is
rather 三十出头), all of one score today, so one age of them is stored, never the round age
plus three (round 13's silent wrong, by class, with phrasings written for this test); where
they score apart (四十好几) it is asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_some_years_over_a_round_age_is_more_than_three(service: Any) -> None:
    for text, low, high in (("我都三十好几的人了", 34, 39), ("二十好几", 24, 29)):
        assert low <= await stored_value(service, "age", text) <= high, text
    await assert_asked_not_stored(service, "age", ["四十好几喽"])
