"""kill -9 of a real `jifen serve` process after a reply went out but before the database took
its mark: the process that starts next knows it was sent, and the user gets it once.

The database is held by another client when the Bot API answers, so the mark cannot be
written; the process is killed then. Before the journal, the reply stayed pending and the
sweep sent it again once the killed process's 60-second lease ran out.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp

from bot.sent_marks_journal import Journal
from bot.storage.database import Database
from bot.storage.migrate import require_current
from tests.database_held import held
from tests.serve_process import ServeProcess, pending_replies
from tests.telegram.conftest import SECRET, TOKEN, message_update, text_message
from tests.telegram.fake_bot_api import FakeBotApi

CHAT = 7_500_001
# Guards for a hung run, not measures: the journal is written within milliseconds of the send;
# the replies are settled once the restarted process swept (every 2 s), or after the lease.
JOURNALED_AT_MOST = 60.0
SETTLE_AT_MOST = 180.0


def journaled(journal: Journal) -> bool:
    return any(path.read_bytes().strip() for path in journal.folder.glob(f"{journal.prefix}-*"))


async def test_a_reply_sent_just_before_kill_9_is_not_sent_again(
    database_url: str, tmp_path: Path
) -> None:
    fake = FakeBotApi(TOKEN)
    await fake.start()
    fake.delay("sendMessage", 1.0)  # the answer comes once the database is held
    serve = ServeProcess(database_url, fake.url, TOKEN, SECRET, tmp_path)
    db = Database(database_url)
    await require_current(db)
    journal = Journal(db)
    try:
        serve.start()
        async with aiohttp.ClientSession() as http:
            await serve.ready()
            start = message_update(text_message(CHAT, "/start"))
            assert await serve.post_update(http, start) == 200
            await fake.wait_for(lambda: bool(fake.calls_to("sendMessage")))
            async with held(database_url, "outbox"):  # no mark can be written
                deadline = time.monotonic() + JOURNALED_AT_MOST
                while not journaled(journal):
                    assert time.monotonic() < deadline, serve.output()
                    await asyncio.sleep(0.05)
                serve.kill()
            assert await pending_replies(database_url), "the mark never reached the database"

            serve.start()
            await serve.ready()
            deadline = time.monotonic() + SETTLE_AT_MOST
            while await pending_replies(database_url):
                assert time.monotonic() < deadline, "replies still pending"
                await asyncio.sleep(0.5)
    finally:
        serve.stop()
        await fake.close()
        await db.dispose()
    assert len(fake.texts(CHAT)) == 1, fake.texts(CHAT)
    assert not journaled(journal), "the dead process's journal was written and removed"
