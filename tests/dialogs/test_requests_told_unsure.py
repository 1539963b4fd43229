"""Facts told with a request to calculate whose reading is not sure (算积分，我本科: with the
degree or without? 我中级: a title or a skill level?), through ConversationService, with
phrasings written for these tests: when the questions reach that one, the words told are
confirmed with their readings as buttons, nothing recorded until one is picked; the question
is not asked as if nothing was said."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.questions import by_id
from tests.dialogs.test_intents import User


def buttons(replies: list) -> list[str]:
    return [c.id for r in replies for c in r.choices]


@pytest.mark.parametrize(
    ("said", "before", "confirm_key", "pick", "shown"),
    [
        ("算积分，我本科", ("35",), "confirm-bachelor",
         ("education", "bachelor_degree"), "本科+学士学位"),
        ("帮我算下积分，我是本科，32岁", (), "confirm-bachelor",
         ("education", "bachelor"), "本科（无学位）"),
        ("算积分，我中级", ("35", "硕士"), "confirm-level", ("title", "skill_4"), "职业资格四级"),
        ("我有中级，帮我算分", ("35", "大专"), "confirm-level",
         ("title", "title_intermediate"), "中级职称"),
    ],
)  # fmt: skip
async def test_an_unsure_fact_told_is_confirmed_when_its_question_comes(
    runtime: Runtime,
    said: str,
    before: tuple[str, ...],
    confirm_key: str,
    pick: tuple[str, str],
    shown: str,
) -> None:
    u = User(runtime)
    replies = await u.send(said)
    for answer in before:
        replies = await u.send(answer)
    text = "\n".join(r.text for r in replies)
    words = "中级" if confirm_key == "confirm-level" else ""
    assert u.t(confirm_key, said=words) in text, text
    choice = by_id(pick[0]).option_id(pick[1])
    assert choice in buttons(replies), buttons(replies)
    after = await u.send(choice=choice)
    summary = "\n".join(r.text for r in await u.send("修改"))
    assert shown in summary or any(shown in r.text for r in after), summary


async def test_nothing_is_recorded_until_a_pick(runtime: Runtime) -> None:
    u = User(runtime)
    await u.send("算积分，我本科")
    text = await u.say("30", "40")  # at the confirm, 40 is no reading offered: asked again
    assert u.t("confirm-bachelor") in text, text


async def test_a_sure_fact_is_still_taken_without_a_confirm(runtime: Runtime) -> None:
    u = User(runtime)
    text = await u.say("算积分，我本科有学位")
    assert u.t("confirm-bachelor") not in text and "本科+学士学位" in text, text
