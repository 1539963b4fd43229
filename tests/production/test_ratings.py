"""👍/👎 under FAQ answers, from each channel: stored with the question asked, counted in
/metrics, and what the FAQ made of each question kept for the weekly figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.support.models import FaqOutcome, FaqRating, UnansweredQuestion
from tests.bot.helpers import pick, say
from tests.bot.test_commands import jifen
from tests.production.conftest import Service
from tests.production.test_metrics import scrape, value
from tests.telegram.conftest import callback_update, message_update, text_message

QUESTION = "积分通知书丢了怎么办"
TOPIC = "notice_reprint"
WEB_USER = "web-visitor-key-ratings-1"


async def ratings(service: Service) -> list[tuple[str, bool, str | None, str]]:
    async with service.runtime.db.transaction() as session:
        rows = await session.scalars(select(FaqRating).order_by(FaqRating.id))
        return [(r.topic, r.helpful, r.question, r.channel) for r in rows]


async def outcomes(service: Service) -> list[tuple[str, str | None, str]]:
    async with service.runtime.db.transaction() as session:
        rows = await session.scalars(select(FaqOutcome).order_by(FaqOutcome.id))
        return [(r.outcome, r.topic, r.channel) for r in rows]


def thumbs(reply: dict[str, Any]) -> dict[str, str]:
    return {r["label"]: r["id"] for r in reply.get("rating", [])}


async def test_web_chat_answer_offers_thumbs_and_a_thumb_up_is_stored_and_counted(
    service: Service,
) -> None:
    before = await scrape(service)
    answer = (await say(service.client, WEB_USER, QUESTION))[0]
    assert "补打" in answer["text"]
    assert thumbs(answer) == {"👍 有用": f"rate:up:{TOPIC}", "👎 没用": f"rate:down:{TOPIC}"}
    thanks = await pick(service.client, WEB_USER, f"rate:up:{TOPIC}")
    assert thanks[0]["text"] == "谢谢您的评价！"
    assert await ratings(service) == [(TOPIC, True, QUESTION, "web")]
    after = await scrape(service)
    assert value(after, "jifen_faq_ratings_total", channel="web", rating="up") == (
        value(before, "jifen_faq_ratings_total", channel="web", rating="up") + 1
    )
    assert value(after, "jifen_faq_outcomes_total", channel="web", outcome="answered") == (
        value(before, "jifen_faq_outcomes_total", channel="web", outcome="answered") + 1
    )


async def test_changing_a_rating_changes_the_row_and_a_thumb_down_offers_a_person(
    service: Service,
) -> None:
    await say(service.client, WEB_USER, QUESTION)
    await pick(service.client, WEB_USER, f"rate:up:{TOPIC}")
    sorry = await pick(service.client, WEB_USER, f"rate:down:{TOPIC}")
    assert "抱歉没帮上忙" in sorry[0]["text"]
    assert [b["id"] for b in sorry[0]["buttons"]] == ["nav:human"]
    assert await ratings(service) == [(TOPIC, False, QUESTION, "web")]


async def test_a_forged_rating_of_no_topic_stores_nothing(service: Service) -> None:
    await say(service.client, WEB_USER, "/start")
    for forged in ("rate:up:no_such_topic", "rate:sideways:notice_reprint", "rate:"):
        replies = await pick(service.client, WEB_USER, forged)
        assert replies, "the user still gets an answer"
    assert await ratings(service) == []


async def test_faq_outcomes_are_kept_per_question_without_who_or_what(service: Service) -> None:
    await say(service.client, WEB_USER, QUESTION)
    await say(service.client, WEB_USER, "信用卡积分怎么兑换")
    assert await outcomes(service) == [("answered", TOPIC, "web"), ("refused", None, "web")]


async def test_telegram_answer_has_a_thumbs_row_and_the_press_is_stored_and_counted(
    service: Service,
) -> None:
    chat = 424242
    before = await scrape(service)
    assert await service.telegram(message_update(text_message(chat, QUESTION))) == 200
    answer = service.fake.chats[chat][-1]
    assert ["👍 有用", "👎 没用"] in [[b["text"] for b in row] for row in answer.keyboard]
    assert await service.telegram(callback_update(chat, answer, "👎 没用")) == 200
    assert "抱歉没帮上忙" in service.fake.texts(chat)[-1]
    assert await ratings(service) == [(TOPIC, False, QUESTION, "telegram")]
    after = await scrape(service)
    assert value(after, "jifen_faq_ratings_total", channel="telegram", rating="down") == (
        value(before, "jifen_faq_ratings_total", channel="telegram", rating="down") + 1
    )


async def test_wechat_rating_is_a_word_typed_right_after_the_answer(service: Service) -> None:
    user = "o-wechat-ratings-1"
    before = await scrape(service)
    answer = await service.wechat.say(user, QUESTION)
    assert answer is not None and "「👍 有用」 「👎 没用」" in answer
    thanks = await service.wechat.say(user, "有用")
    assert thanks is not None and "谢谢您的评价" in thanks
    assert await ratings(service) == [(TOPIC, True, QUESTION, "wechat")]
    after = await scrape(service)
    assert value(after, "jifen_faq_ratings_total", channel="wechat", rating="up") == (
        value(before, "jifen_faq_ratings_total", channel="wechat", rating="up") + 1
    )


async def test_wechat_rating_word_later_on_is_no_rating(service: Service) -> None:
    """Only the message right after an answer can rate it: later, 有用 is just text."""
    user = "o-wechat-ratings-2"
    await service.wechat.say(user, QUESTION)
    await service.wechat.say(user, "菜单")
    await service.wechat.say(user, "有用")
    assert await ratings(service) == []


async def test_wechat_number_right_after_an_answer_still_picks_from_the_menu(
    service: Service,
) -> None:
    user = "o-wechat-ratings-3"
    await service.wechat.say(user, "菜单")
    await service.wechat.say(user, QUESTION)
    menu = await service.wechat.say(user, "菜单")
    assert menu is not None and "1. 算积分" in menu
    picked = await service.wechat.say(user, "1")
    assert picked is not None and "没用" not in picked
    assert await ratings(service) == []


async def test_an_answer_is_in_the_review_queue_while_its_rating_is_down_and_once(
    service: Service,
) -> None:
    """Pressed again, the same 👎 is one review; changed to 👍 it leaves; changed back, it is
    one review again (the queue holds what users think now, not every press)."""
    await say(service.client, WEB_USER, QUESTION)

    async def queued() -> list[tuple[str, str]]:
        async with service.runtime.db.transaction() as session:
            rows = await session.execute(
                select(UnansweredQuestion.question, UnansweredQuestion.kind)
            )
            return [tuple(row) for row in rows]

    for thumb, expected in (("down", 1), ("down", 1), ("up", 0), ("down", 1)):
        await pick(service.client, WEB_USER, f"rate:{thumb}:{TOPIC}")
        assert await queued() == [(QUESTION, "rated_down")] * expected, thumb


def test_console_chat_shows_the_rating_words_and_takes_a_typed_one(tmp_path: Path) -> None:
    env = {"JIFEN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"}
    result = jifen("chat", "--user", "carol", stdin=f"{QUESTION}\n有用\n", env=env)
    assert result.returncode == 0, result.stderr
    assert "[👍 有用] · [👎 没用] · [没有帮助？转人工] · [菜单]" in result.stdout
    assert "谢谢您的评价！" in result.stdout
