"""A text that asks to be calculated and how the score is worked out as a whole (怎样算积分,
how should I work out my points) is asked back, through ConversationService: the explanation
offered is how the points are made up, not a narrow topic the FAQ found for the words (the
education rule for 怎么算积分); tapping it shows that overview with the way to calculate, and
in the middle of the questions the open question again."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.types import Reply
from tests.dialogs.test_intents import User

OVERVIEW = "faq:points_overview"


def explanations(replies: list[Reply]) -> list[str]:
    return [c.id for r in replies for c in r.choices if c.id.startswith("faq:")]


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("zh-CN", "怎样算积分？"),
        ("zh-CN", "如何计算积分"),
        ("en", "how should I work out my points"),
    ],
)
async def test_the_explanation_offered_is_how_the_points_are_made_up(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    replies = await u.send(said)
    assert explanations(replies) == [OVERVIEW], replies
    [offered] = [c for r in replies for c in r.choices if c.id == OVERVIEW]
    assert offered.label == u.t("points-overview-label")
    shown = await u.send(choice=OVERVIEW)
    assert any(c.id == "menu:score" for r in shown for c in r.choices), shown
    assert u.t("faq-gone") not in "\n".join(r.text for r in shown)


async def test_mid_question_the_overview_is_shown_then_the_open_question(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("算积分", "35")
    replies = await u.send("怎样算积分？")
    assert explanations(replies) == [OVERVIEW], replies
    shown = "\n".join(r.text for r in await u.send(choice=OVERVIEW))
    assert u.t("q-education") in shown and u.t("faq-gone") not in shown, shown
