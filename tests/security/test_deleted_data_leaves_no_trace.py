"""An attacker who gets a copy of the SQLite files after `jifen user delete` finds nothing
of the deleted person: not in the database file's free space, not in the write-ahead log."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from bot.cli import main
from bot.runtime import Runtime
from bot.storage.models import TranscriptLine, User
from bot.user_data import truncate_log
from tests.bot.helpers import FakeClock
from tests.production.data import POINTS, Person, converse, runtime_on

TARGET = Person("wechat", "o-target-openid-7Hq2")
BYSTANDER = Person("telegram", "555002")
PHONE, ID_NUMBER = "13812345678", "310101199001011234"


@pytest.fixture
async def runtime(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Runtime]:
    monkeypatch.setenv("JIFEN_DATABASE_URL", sqlite_url)
    running = runtime_on(sqlite_url, FakeClock())  # stays open, as a running `jifen serve`
    yield running
    await running.db.dispose()


def database_file(runtime: Runtime) -> Path:
    return Path(runtime.db.engine.url.database or "")


def raw_bytes(database: Path) -> bytes:
    """The database file and its -wal, as they are on disk."""
    wal = database.with_name(database.name + "-wal")
    return database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def test_after_jifen_user_delete_the_files_hold_no_trace_of_them(runtime: Runtime) -> None:
    secrets = await _a_person_with_secrets_on_disk(runtime)
    secrets += (TARGET.external_id.encode(),)

    assert await asyncio.to_thread(main, ["user", "delete", str(TARGET)]) == 0

    on_disk = raw_bytes(database_file(runtime))
    assert [secret for secret in secrets if secret in on_disk] == []
    assert BYSTANDER.external_id.encode() in on_disk, "everyone else's data is still there"
    await converse(runtime, BYSTANDER, "30")  # and the running service goes on


async def test_after_delete_my_data_in_the_chat_the_files_hold_no_trace_of_them(
    runtime: Runtime,
) -> None:
    """The same through the chat: "删除我的数据", confirmed. What is kept to answer them (their
    channel id, a fresh conversation, message ids) holds neither number."""
    secrets = await _a_person_with_secrets_on_disk(runtime)

    await converse(runtime, TARGET, "删除我的数据", "是")

    on_disk = raw_bytes(database_file(runtime))
    assert [secret for secret in secrets if secret in on_disk] == []
    assert BYSTANDER.external_id.encode() in on_disk, "everyone else's data is still there"
    await converse(runtime, BYSTANDER, "30")


async def _a_person_with_secrets_on_disk(runtime: Runtime) -> tuple[bytes, ...]:
    """The target's phone and ID number in enough rows to fill whole pages, in the database
    file (checkpointed, as a running service does every 1,000 pages) and in the log; a
    bystander in the middle of a conversation."""
    await converse(runtime, TARGET, *POINTS[:3], f"我的手机 {PHONE}，身份证 {ID_NUMBER}")
    async with runtime.db.transaction() as session:
        user_id = await session.scalar(
            select(User.id).where(User.external_id == TARGET.external_id)
        )
        line = {"user_id": user_id, "author": "user", "text": f"{PHONE} {ID_NUMBER}"}
        await session.execute(insert(TranscriptLine), [{**line, "at": runtime.clock()}] * 300)
    await truncate_log(runtime.db)
    await converse(runtime, TARGET, f"手机是 {PHONE}")
    await converse(runtime, BYSTANDER, "/start", "算积分")
    secrets = (PHONE.encode(), ID_NUMBER.encode())
    assert all(secret in database_file(runtime).read_bytes() for secret in secrets)
    return secrets
