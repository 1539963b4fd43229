"""Whole conversations on Telegram: real aiogram, the real app and database, a fake Bot API."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy import text as sql

from bot.channels.telegram import channel
from bot.channels.telegram.channel import TYPING_AFTER
from bot.storage.models import Conversation, OutboxReply, TranscriptLine, User
from dialogs.locales import text
from tests.telegram.conftest import (
    App,
    message_update,
    sticker_message,
    text_message,
)
from tests.telegram.conftest import User as TelegramUser


def _score_message(texts: list[str]) -> str:
    score = next((t for t in texts if "合计" in t), None)
    assert score is not None, f"no score among {texts}"
    return score


TYPED = ["30", "本科", "有", "没有", "3年", "1倍", "都没有", "否"]


async def test_points_conversation_typed_ends_with_the_score(user: TelegramUser) -> None:
    assert (await user.say("/start"))[0].startswith("您好")
    await user.say("算积分")
    for answer in TYPED[:-1]:
        assert await user.say(answer)
    score = _score_message(await user.say(TYPED[-1]))
    assert "· 年龄：30 分（30 周岁）" in score
    assert "· 社保缴费年限：9 分" in score


async def test_points_conversation_by_buttons_ends_with_the_same_score(app: App) -> None:
    typing, pressing = TelegramUser(app, 1), TelegramUser(app, 2)
    for said in ["/start", "算积分", *TYPED]:
        await typing.say(said)
    await pressing.say("/start")
    await pressing.press("算积分")
    await pressing.say("30")
    await pressing.press("本科+学士学位")
    await pressing.press("没有")
    await pressing.say("3年")
    await pressing.press("1 倍以上")
    await pressing.press("都没有")
    score = _score_message(await pressing.press("否"))
    assert score == _score_message(typing.texts)
    assert len(app.fake.calls_to("answerCallbackQuery")) == 6


async def test_pressed_question_shows_the_answer_and_loses_its_keyboard(
    user: TelegramUser,
) -> None:
    await user.say("/start")
    welcome = user.seen[0]
    await user.press("算积分")
    assert welcome.text.endswith("\n\n✓ 算积分")
    assert welcome.keyboard == []


async def test_every_keyboard_fits_telegrams_64_byte_callback_data(app: App) -> None:
    """Walk the questions picking the first and then the last choice each time, then the other
    menus; the fake refuses oversize data too (BUTTON_DATA_INVALID), as Telegram does."""
    for chat_id, pick in [(1, 0), (2, -1)]:
        user = TelegramUser(app, chat_id)
        await user.say("/start")
        await user.press("算积分")
        for _ in range(20):
            last = user.seen[-1]
            choices = last.labels[: len(last.labels) - len(NAVIGATION & set(last.labels))]
            # A pick earlier answers rule out (a shortage major without education) is refused.
            index = -1 if "对不上" in last.text else pick
            if any(label.startswith("✓ ") for label in choices):  # the multi-select: submit,
                index = -2 if "对不上" in last.text else -1  # or none when the pick is refused
            replies = await (user.press(choices[index]) if choices else user.say("30"))
            if any("合计" in reply for reply in replies):
                break
        else:
            raise AssertionError(f"no score after 20 answers: {user.texts[-3:]}")
        for command in ["/faq", "/remind", "/language", "/delete_my_data", "积分不够怎么办"]:
            await user.say(command)
    sent = app.fake.calls_to("sendMessage")
    keyboards = [
        call.params["reply_markup"]["inline_keyboard"]
        for call in sent
        if "reply_markup" in call.params
    ]
    data = [button["callback_data"] for rows in keyboards for row in rows for button in row]
    assert len(data) > 50
    assert max(len(d.encode()) for d in data) <= 64
    assert len(sent) == sum(len(messages) for messages in app.fake.chats.values())  # none refused


NAVIGATION = {"上一步", "菜单", "转人工"}


async def test_sticker_gets_a_please_type_answer(user: TelegramUser) -> None:
    await user.say("/start")
    replies = await user._send(message_update(sticker_message(user.chat_id)))
    assert text("zh-CN", "please-type-text") in replies


async def test_english_app_language_gets_english_replies(app: App) -> None:
    english = TelegramUser(app, chat_id=555002)
    update = message_update(
        {
            "message_id": 1,
            "date": 1_790_000_000,
            "chat": {"id": 555002, "type": "private"},
            "from": {"id": 555002, "is_bot": False, "first_name": "Ann", "language_code": "en"},
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        }
    )
    (welcome,) = await english._send(update)
    assert welcome.startswith(text("en", "welcome").splitlines()[0])


async def test_a_quick_answer_comes_without_a_typing_action(
    user: TelegramUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step answered before the typing threshold sends no typing action. The threshold is
    raised far above any step's time: late in a full run one garbage collection of the
    suite's heap made /start outrun the real half second (a clean-clone CI failure), which
    says nothing about the rule."""
    monkeypatch.setattr(channel, "TYPING_AFTER", 30.0)
    assert (await user.say("/start"))[0].startswith("您好")
    assert user.app.fake.calls_to("sendChatAction") == []


async def test_typing_is_shown_while_a_slow_step_is_handled(user: TelegramUser) -> None:
    db = user.app.runtime.db
    async with db.transaction() as session:  # the database is busy: the step has to wait
        if not db.is_sqlite:  # SQLite's one writer is this transaction already
            await session.execute(sql("LOCK TABLE outbox IN EXCLUSIVE MODE"))
        answering = asyncio.create_task(user.say("/start"))
        await user.app.fake.wait_for(lambda: bool(user.app.fake.calls_to("sendChatAction")))
        assert not answering.done()
    (action,) = user.app.fake.calls_to("sendChatAction")
    assert (str(action.params["chat_id"]), action.params["action"]) == (str(user.chat_id), "typing")
    assert (await answering)[0].startswith("您好")


async def test_waiting_behind_a_slow_step_shows_no_typing(user: TelegramUser) -> None:
    """Typing is shown for a step's own time, never for its wait in line: the second message
    waits for the first one's slow step, and no typing is sent for it while it waits. (Once
    its turn comes, its own step may still be slow on a loaded machine and show typing then,
    TYPING_AFTER after the wait at the earliest.)"""
    db = user.app.runtime.db
    async with db.transaction() as session:
        if not db.is_sqlite:
            await session.execute(sql("LOCK TABLE outbox IN EXCLUSIVE MODE"))
        slow = asyncio.create_task(user.say("/start"))
        await user.app.fake.wait_for(lambda: bool(user.app.fake.calls_to("sendChatAction")))
        waiting = asyncio.create_task(user.say("/menu"))
        await asyncio.sleep(0.7)  # longer than TYPING_AFTER, all of it in line
        turn_comes = time.monotonic()
    await asyncio.gather(slow, waiting)
    first, *later = user.app.fake.calls_to("sendChatAction")
    assert first.at < turn_comes
    assert all(call.at >= turn_comes + TYPING_AFTER for call in later)


async def test_edited_message_is_ignored(user: TelegramUser) -> None:
    await user.say("/start")
    edited = {"update_id": 99_001, "edited_message": {**user.seen[0].as_telegram(), "text": "40"}}
    assert await user.app.post(edited) == 200
    assert len(user.seen) == 1


async def test_delete_my_data_asks_then_forgets_the_answers_and_transcript(
    user: TelegramUser,
) -> None:
    await user.say("/start")
    await user.say("算积分")
    await user.say("30")
    assert await user.say("/delete_my_data") == [text("zh-CN", "delete-confirm")]
    replies = await user.press(text("zh-CN", "choice-delete-yes"))
    assert replies == [text("zh-CN", "data-deleted")]
    async with user.app.runtime.db.transaction() as session:
        person = await session.scalar(select(User).where(User.external_id == str(user.chat_id)))
        assert person is not None
        transcript = await session.scalar(
            select(func.count()).where(TranscriptLine.user_id == person.id)
        )
        conversation = await session.get(Conversation, person.id)
    assert transcript == 0
    assert conversation is not None and conversation.answers == {}


async def test_same_update_twice_gets_one_reply(user: TelegramUser) -> None:
    update = message_update(text_message(user.chat_id, "/start"))
    assert await user.app.post(update) == 200
    assert await user.app.post(update) == 200
    assert len(user.seen) == 1
    assert len(user.app.fake.calls_to("sendMessage")) == 1


async def test_flood_wait_then_the_reply_arrives_once(user: TelegramUser) -> None:
    user.app.fake.flood("sendMessage", count=1, retry_after=1)
    replies = await user.say("/start")
    assert len(replies) == 1
    assert len(user.app.fake.calls_to("sendMessage")) == 2  # the refused one and the retry


async def test_blocked_user_is_marked_unreachable_and_sent_nothing_more(
    user: TelegramUser,
) -> None:
    user.app.fake.block(user.chat_id)
    assert await user.say("/start") == []
    runtime = user.app.runtime
    async with runtime.db.transaction() as session:
        person = await session.scalar(select(User).where(User.external_id == str(user.chat_id)))
        statuses = list(await session.scalars(select(OutboxReply.status)))
    assert person is not None and person.unreachable
    assert statuses == ["failed"]
    await runtime.outbox.deliver_due()
    assert len(user.app.fake.calls_to("sendMessage")) == 1


async def test_only_private_chats_are_answered(user: TelegramUser) -> None:
    in_a_group = text_message(-100123, "/start")
    in_a_group["chat"] = {"id": -100123, "type": "supergroup", "title": "积分交流群"}
    assert await user.app.post(message_update(in_a_group)) == 200
    assert user.app.fake.calls_to("sendMessage") == []
    assert (await user.say("/start"))[0].startswith("您好")
