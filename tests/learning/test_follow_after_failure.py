"""A process keeps following taught changes after one rebuild failed: the failure is logged and
the next turn builds the version (a race in a stemmer once killed the follower for good)."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from bot.storage.database import Database
from bot.support.learning import decisions
from bot.support.learning.models import VARIANT
from bot.support.learning.watch import Follower, follow_forever
from faq import live
from tests.bot.helpers import FakeClock

TAUGHT = "积分能不能用来办健身卡"
BOUND = 600  # turns of 0.05 s: a bound on waiting for the follower, not a measurement


class FailsOnce(Follower):
    """The real follower, whose first rebuild fails as a crashing build would."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.failed = False

    async def refresh(self) -> bool:
        if not self.failed:
            self.failed = True
            raise IndexError("a rebuild failed")
        return await super().refresh()


async def test_a_failed_rebuild_is_logged_and_the_next_turn_builds_the_change(
    sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    db = Database(sqlite_url)
    async with db.transaction() as session:
        await decisions.teach(session, VARIANT, "points_benefits", TAUGHT, "alice", FakeClock()())
    follower = FailsOnce(db)
    following = asyncio.create_task(follow_forever(db, poll=0.05, fallback=0.05, follower=follower))
    try:
        for _ in range(BOUND):
            if follower.built or following.done():
                break
            await asyncio.sleep(0.05)
        assert not following.done(), following.exception()
        assert follower.failed and follower.built == 1
        decision = live.current().ask(TAUGHT)
        assert decision.kind == "answer" and decision.entry is not None
        assert decision.entry.id == "points_benefits"
        assert "taught changes not built" in caplog.text
    finally:
        following.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await following
        await db.dispose()
