"""A database dropped and created again at the same URL (a test's, a dev database restored from
another) numbers its replies from 1 again. The sent marks a process of the old database left in
its journal when it died are not applied to the new one: its replies still reach the user."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import asyncpg
from sqlalchemy import make_url

from bot.delivery import Outbox
from bot.storage.conversations import REPLY_LEASE as LEASE
from bot.storage.database import Database
from bot.storage.migrate import require_current, upgrade
from tests.bot.test_outbox import Clock, FakeChannel, queue
from tests.serve_process import REPO

# A process of the database that journals the marks of replies it sent, then is killed before
# it writes them to the database.
SENT_THEN_KILLED = """
import asyncio, os, signal, sys
from pathlib import Path
from bot.sent_marks_journal import Journal
from bot.storage.database import Database
from bot.storage.migrate import require_current

async def main() -> None:
    db = Database(sys.argv[1])
    await require_current(db)
    Journal(db, Path(sys.argv[2])).append([int(i) for i in sys.argv[3:]])
    os.kill(os.getpid(), signal.SIGKILL)

asyncio.run(main())
"""


async def sent_then_killed(database_url: str, folder: Path, ids: list[int]) -> None:
    command = [sys.executable, "-c", SENT_THEN_KILLED, database_url, str(folder)]
    died = await asyncio.to_thread(
        subprocess.run, [*command, *map(str, ids)], cwd=REPO, capture_output=True
    )
    assert died.returncode == -9, died.stderr.decode()
    assert any(path.read_bytes().strip() for path in folder.glob("*.sent")), "nothing journaled"


async def create_again(database_url: str) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{url.database}{suffix}").unlink(missing_ok=True)
    else:
        admin = url.set(drivername="postgresql", database="postgres")
        connection = await asyncpg.connect(admin.render_as_string(hide_password=False))
        try:
            await connection.execute(f'DROP DATABASE "{url.database}" WITH (FORCE)')
            await connection.execute(f'CREATE DATABASE "{url.database}"')
        finally:
            await connection.close()
    db = Database(database_url)
    await upgrade(db)
    await db.dispose()


async def test_a_database_created_again_at_the_same_url_gets_its_replies_sent(
    database_url: str, tmp_path: Path
) -> None:
    clock, folder = Clock(), tmp_path / "sent-marks"
    old = Database(database_url)
    try:
        sent = await queue(old, clock, "42", "旧库的回复")
    finally:
        await old.dispose()
    await sent_then_killed(database_url, folder, sent)

    await create_again(database_url)
    db = Database(database_url)
    try:
        await require_current(db)
        await queue(db, clock, "42", "新库的回复")  # committed by a process killed before sending
        clock.now += LEASE * 2
        channel = FakeChannel()
        await Outbox(db, {"telegram": channel}, clock, folder).deliver_due()
    finally:
        await db.dispose()
    assert channel.sent == [("42", "新库的回复")]
