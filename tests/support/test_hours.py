"""Staff hours: Shanghai time, working days by the State Council calendar."""

from __future__ import annotations

from datetime import datetime

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.clock import SHANGHAI
from bot.support.hours import StaffHours
from tests.bot.helpers import FakeClock, say
from tests.support.conftest import build_stack

HOURS = StaffHours()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        ("2026-11-23 10:00", True),  # Monday
        ("2026-11-23 08:59", False),
        ("2026-11-23 18:00", False),
        ("2026-11-28 10:00", False),  # Saturday
        ("2026-10-02 10:00", False),  # National Day holiday
        ("2026-09-20 10:00", True),  # Sunday made a working day before National Day
        ("2026-10-10 10:00", True),  # Saturday made a working day after it
    ],
)
def test_staff_are_at_work_on_working_days_within_hours(now: str, is_open: bool) -> None:
    assert HOURS.is_open(at(now)) is is_open


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        ("2026-11-23 07:30", "2026-11-23 09:00"),
        ("2026-11-23 19:00", "2026-11-24 09:00"),
        ("2026-11-27 18:30", "2026-11-30 09:00"),  # Friday evening -> Monday
        ("2026-09-30 20:00", "2026-10-08 09:00"),  # over the National Day holiday
    ],
)
def test_the_next_opening_skips_nights_weekends_and_holidays(now: str, opens: str) -> None:
    assert HOURS.next_opening(at(now)) == at(opens)


async def test_outside_staff_hours_the_user_is_told_when_staff_are_back(
    sqlite_url: str,
) -> None:
    stack = build_stack(sqlite_url, FakeClock(at("2026-11-27 19:30")))  # Friday evening
    async with TestClient(TestServer(stack.app)) as client:
        replies = await say(client, "web-visitor-key-late-00001", "转人工")
        told = "\n".join(r["text"] for r in replies)
        assert "11月30日（周一）09:00" in told
        assert "留言" in told

        [kept] = await say(client, "web-visitor-key-late-00001", "我的居住证下周到期，怎么签注？")
        assert "11月30日（周一）09:00" in kept["text"], "kept for staff, and when they are back"
        [entry] = await stack.desk.queue()
        assert entry.last_message == "我的居住证下周到期，怎么签注？", "the message waits"
