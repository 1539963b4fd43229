"""Round 7's silent wrongs, by class, through the real service with phrasings written for this
test: an unfinished word is said of the level nearest it, not of every level in the clause (大专
和本科在读: the 大专 is finished); children had as the policy allowed are within the rules of the
family-planning veto, never a "yes" read off 是."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_an_unfinished_word_leaves_unfinished_only_the_level_it_is_said_of(
    service: Any,
) -> None:
    await assert_stored(
        service,
        "education",
        [
            ("大专毕业 现在专升本在读", "college"),
            ("大专，再加一个本科还没读完", "college"),
            ("高职毕业+本科在念", "college"),
            ("大专 正在读本科", "college"),
        ],
    )


async def test_children_had_as_the_policy_allowed_are_no_family_planning_violation(
    service: Any,
) -> None:
    # the last question: answered, the dialog reads everything back (no longer "asking")
    for said in (
        "两个娃都是按政策生的",
        "是按照规定生的二胎",
        "从来没违反过",
        "both kids within the policy",
    ):
        assert await stored_value(service, "family_planning_violation", said) is False, said
