"""The dialog's reminder effects, run as the service runs them: inside a step's transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, select

from bot.clock import SHANGHAI
from bot.reminders.effects import EFFECTS
from bot.reminders.models import Reminder
from bot.reminders.worker import ReminderWorker, WorkerOptions
from bot.service import StepContext
from bot.storage.conversations import get_or_create_user
from bot.storage.database import Database
from bot.storage.models import User
from dialogs.conversation import Conversation
from dialogs.types import Effect, Inbound


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


@pytest.fixture
def effect(db: Database, clock):  # type: ignore[no-untyped-def]
    """`await effect(kind, locale=..., **data)` -> the reply texts, committed like a step."""

    async def run(kind: str, locale: str = "zh-CN", user: str = "u1", **data: str) -> list[str]:
        async with db.transaction() as session:
            person = await get_or_create_user(session, "telegram", user, clock())
            inbound = Inbound("telegram", user, f"m-{clock().isoformat()}", clock(), text="…")
            context = StepContext(
                session, person, Conversation.new(locale), inbound, clock(), "bot"
            )
            replies = await EFFECTS[kind](context, Effect(kind, data))
        return [reply.text for reply in replies]

    return run


async def reminders(db: Database) -> list[tuple[str, datetime, str]]:
    async with db.transaction() as session:
        rows = await session.scalars(select(Reminder).order_by(Reminder.id))
        return [(row.kind, row.due_at, row.status) for row in rows]


async def pending(db: Database) -> list[tuple[str, datetime]]:
    return [(kind, due) for kind, due, status in await reminders(db) if status == "pending"]


async def test_set_reminder_stores_the_plan_and_lists_its_dates(db, effect) -> None:
    [reply] = await effect("set_reminder", expiry="2026-12-31")
    assert reply == (
        "好的，您的居住证 2026-12-31 到期，我会在这些时间提醒您签注：\n"
        "· 2026年12月1日 09:00 签注开始办理\n"
        "· 2026年12月24日 09:00 到期前 7 天签注提醒\n"
        "· 2026年12月30日 09:00 到期前 1 天签注提醒"
    )
    assert await pending(db) == [
        ("endorsement_window_open", at("2026-12-01 09:00")),
        ("endorsement_7_days", at("2026-12-24 09:00")),
        ("endorsement_1_day", at("2026-12-30 09:00")),
    ]


async def test_english_reply_uses_iso_dates(effect) -> None:
    [reply] = await effect("set_reminder", locale="en", expiry="2026-12-31")
    assert "· 2026-12-01 09:00 endorsement window opens" in reply


async def test_setting_a_new_expiry_replaces_the_unsent_endorsement_reminders(db, effect) -> None:
    await effect("set_reminder", expiry="2026-12-31")
    await effect("set_reminder", expiry="2026-11-30")
    assert [due for _, due in await pending(db)] == [
        at("2026-10-31 09:00"),
        at("2026-11-23 09:00"),
        at("2026-11-29 09:00"),
    ]
    assert [status for *_, status in await reminders(db)].count("cancelled") == 3


async def test_expiry_inside_the_window_says_endorse_now_and_skips_past_dates(db, effect) -> None:
    [reply] = await effect("set_reminder", expiry="2026-03-20")  # now: 2026-03-02 10:00
    assert "签注开始办理" not in reply
    assert "· 2026年3月13日 09:00 到期前 7 天签注提醒" in reply
    assert "现在已经在签注期内" in reply
    assert [kind for kind, _ in await pending(db)] == ["endorsement_7_days", "endorsement_1_day"]


async def test_expiry_tomorrow_after_nine_sets_nothing_and_says_so(db, effect, clock) -> None:
    [reply] = await effect("set_reminder", expiry="2026-03-03")
    assert "签注提醒的时间都已经过了" in reply
    assert await pending(db) == []


async def test_endorsed_moves_to_the_points_confirmation_on_the_third_working_day(
    db, effect
) -> None:
    await effect("set_reminder", expiry="2026-03-20")
    [reply] = await effect("endorsed", date="2026-03-05")  # Thu: Fri, Mon, Tue
    assert reply == (
        "已记下您在 2026-03-05 签注。签注数据约 3 个工作日后到达积分系统，"
        "我会在 2026年3月10日 09:00 提醒您登录积分系统确认积分。"
    )
    assert await pending(db) == [("points_confirmation", at("2026-03-10 09:00"))]


async def test_endorsed_three_working_days_ago_says_confirm_now(db, effect) -> None:
    [reply] = await effect("endorsed", date="2026-02-24")
    assert "现在就可以登录积分系统" in reply
    assert await pending(db) == []


async def test_endorsed_at_year_end_warns_that_next_years_holidays_are_unknown(
    db, effect, clock
) -> None:
    clock.now = at("2026-12-30 15:00")
    [reply] = await effect("endorsed", date="2026-12-30")
    assert "2027年1月4日 09:00" in reply
    assert "国家节假日安排目前只公布到 2026 年，2027 年暂按周一至周五为工作日计算" in reply


async def test_list_shows_pending_reminders_in_time_order(effect) -> None:
    await effect("goal_reminder", month="2026-10")
    await effect("set_reminder", expiry="2026-06-30")
    [reply] = await effect("list_reminders")
    assert reply == (
        "您的提醒：\n"
        "· 2026年5月31日 09:00 签注开始办理\n"
        "· 2026年6月23日 09:00 到期前 7 天签注提醒\n"
        "· 2026年6月29日 09:00 到期前 1 天签注提醒\n"
        "· 2026年10月8日 09:00 达到 120 分、申请积分提醒"
    )


async def test_list_without_reminders_says_none(effect) -> None:
    assert await effect("list_reminders") == [
        "您目前没有待发送的提醒。发送“设置提醒”可以设一个签注提醒。"
    ]


async def test_cancel_cancels_all_pending_and_only_this_users(db, effect) -> None:
    await effect("set_reminder", expiry="2026-12-31")
    await effect("goal_reminder", month="2026-10")
    await effect("set_reminder", user="someone-else", expiry="2026-12-31")
    assert await effect("cancel_reminders") == ["已取消您的 4 条提醒。需要时发送“设置提醒”再设。"]
    assert await effect("cancel_reminders") == ["您目前没有待发送的提醒。"]
    assert len(await pending(db)) == 3


async def test_goal_reminder_on_the_first_working_day_of_the_month(db, effect) -> None:
    [reply] = await effect("goal_reminder", month="2026-10")
    assert reply == (
        "好的。按现在的情况，您将在 2026 年 10 月达到 120 分，"
        "我会在 2026年10月8日 09:00 提醒您请单位申请积分。"
    )
    await effect("goal_reminder", month="2026-11")
    assert await pending(db) == [("goal_month", at("2026-11-02 09:00"))]


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("set_reminder", {"expiry": "2026-02-30"}),
        ("set_reminder", {}),
        ("endorsed", {"date": "yesterday"}),
        ("goal_reminder", {"month": "2026-13"}),
    ],
)
async def test_unreadable_date_asks_again_and_stores_nothing(db, effect, kind, data) -> None:
    assert await effect(kind, **data) == [
        "这个日期我没有看懂，请换一种写法再说一次，例如 2027-03-01。"
    ]
    assert await reminders(db) == []


async def test_set_reminders_are_pushed_on_their_days(db, effect, clock, sender) -> None:
    await effect("set_reminder", expiry="2026-04-10")
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=WorkerOptions(rate=None))
    pushed = []
    for day in ("2026-03-11", "2026-04-03", "2026-04-09"):
        clock.now = at(f"{day} 08:59")
        assert await worker.run_once() == 0
        clock.now = at(f"{day} 09:00")
        assert await worker.run_once() == 1
        pushed.append(sender.sent[-1][1])
    assert pushed == [
        "【签注提醒】您的居住证将于 2026-04-10 到期，从今天起可以签注了（到期前 30 天内办理）。"
        "请到社区事务受理服务中心办理。签注后发送“已签注”，我会提醒您确认积分。",
        "【签注提醒】您的居住证 2026-04-10 到期，还有 7 天。"
        "还没签注的话请尽快到社区事务受理服务中心办理：逾期超过 60 天要重新办理居住证，"
        "积分也要重新申请。",
        "【签注提醒】您的居住证明天（2026-04-10）到期，请今天办理签注。已经办好的话发送“已签注”，"
        "我会提醒您确认积分。",
    ]


async def test_goal_push_says_when_the_standard_is_reached(db, effect, clock, sender) -> None:
    await effect("goal_reminder", month="2026-10")
    clock.now = at("2026-10-08 09:00")
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=WorkerOptions(rate=None))
    assert await worker.run_once() == 1
    assert sender.sent == [
        ("u1", "【积分提醒】按现在的情况，您将在 2026 年 10 月达到 120 分，记得请单位申请积分。")
    ]


async def test_deleting_a_user_deletes_their_reminders(db, effect) -> None:
    await effect("set_reminder", expiry="2026-12-31")
    async with db.transaction() as session:
        await session.execute(delete(User))
    assert await reminders(db) == []


async def test_worker_catches_up_after_downtime_but_not_at_night(db, effect, clock, sender) -> None:
    await effect("set_reminder", expiry="2026-04-10")
    clock.now = at("2026-04-09 22:00")  # all three due, the worker was down
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=WorkerOptions(rate=None))
    assert await worker.run_once() == 0
    clock.advance(timedelta(hours=11))
    assert await worker.run_once() == 3
