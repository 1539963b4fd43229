"""An anonymous visitor posts many long, distinct questions the FAQ cannot answer, hoping that
grouping them freezes the service when an admin opens the admin page (it was quadratic, on the
event loop, inside a transaction: 1,500 questions of 4,000 characters froze every request for
117 s).

What happens: a question is cut to 500 characters and grouped when it arrives (its look-alikes
found through MinHash buckets, the CPU work in a worker thread); a visitor's questions beyond
ten a day are not kept; the admin page counts the stored groups in SQL. Measured in
bench/admin_page.py (20,000 questions); here the event loop is watched while it happens.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import User
from bot.support import unanswered
from bot.support.models import UnansweredQuestion
from tests.bot.helpers import say
from tests.security.conftest import Site
from tests.support.conftest import log_in

STALL = 1.0  # seconds: asyncio reports a callback that holds the loop longer (the old grouping
# held it for seconds here; a loaded 2-core machine stalls a few hundred ms now and then)


async def test_a_flood_of_long_questions_is_bounded_and_the_admin_page_stalls_nothing(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    await site.add_staff("root", role="admin")
    async with site.runtime.db.transaction() as session:
        users = [await _visitor(session, n) for n in range(20)]
        for n in range(200):  # what 20 visitors may leave in a day, each 4,000 characters long
            user = users[n // 10]
            rng = random.Random(n)  # distinct questions: the old grouping held the loop 4 s
            long = f"问题{n}：" + "".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(4000))
            await unanswered.record(session, user, long, site.clock())
    replies = await say(
        site.client, "visitor-flooder-00000000000", "北京的猫可以落户吗" + "喵" * 3900
    )
    assert replies, "the flooder is still answered"

    loop = asyncio.get_running_loop()
    loop.slow_callback_duration, debug = STALL, loop.get_debug()
    loop.set_debug(True)
    caplog.set_level(logging.WARNING, logger="asyncio")
    try:
        await log_in(site.client, "root")
        page = await site.client.get("/console/admin")
        assert page.status == 200
        html = await page.text()
    finally:
        loop.set_debug(debug)
    stalls = [r.getMessage() for r in caplog.records if "took" in r.getMessage()]
    assert stalls == [], "nothing held the event loop while the admin page was built"
    assert html.count("<tr>") <= unanswered.GROUPS_SHOWN + 50

    async with site.runtime.db.transaction() as session:
        longest = await session.scalar(select(func.max(func.length(UnansweredQuestion.question))))
    assert longest == unanswered.QUESTION_CHARS


async def _visitor(session: AsyncSession, n: int) -> int:
    user = User(channel="web", external_id=f"visitor-flood-{n:020d}", created_at=datetime.now(UTC))
    session.add(user)
    await session.flush()
    return user.id
