"""A calculation asked for after telling of oneself, or after correcting what was just said,
through ConversationService, with phrasings written for these tests (none from a held-out
set): facts about oneself in clauses of their own, then how many points (我今年29，硕士毕业，
社保交了3年，大概多少分), start the questions; so does a request said after 不是 / 哦不 / I
mean, whatever the words it replaces asked. One fact and how many points it gives is a
question about its rule, asked back as before."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, started


@pytest.mark.parametrize(
    "said",
    [
        "我今年29，硕士毕业，社保交了3年，大概多少分",
        "本人40岁，大专，交了6年社保，能拿多少分？",
        "想查查积分够不够落户，哦不，够不够120分",
        "帮我转人工…不是，帮我算一下积分",
    ],
)
async def test_a_calculation_asked_after_telling_or_correcting_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("/start")
    shown = await u.say(said)
    assert started(u, shown), shown
    assert not handed_off(u, shown), shown


async def test_one_fact_and_its_points_is_still_asked_back(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("/start")
    replies = await u.send("我本科学历，能有多少分")
    assert any(c.id == "intent:score:" for r in replies for c in r.choices), replies
