"""Messages per second through ConversationService on SQLite, against the bare dialog step.

Both run in the same process and the same run, on the same scripted conversations, so the
ratio says what persistence, dedupe and the transaction cost on this machine today.
Usage: python bench/dialog.py [--users 50] [--concurrency 10]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import tempfile
import time
from pathlib import Path

from bot.clock import shanghai_now
from bot.service import ConversationService
from bot.storage.database import Database
from bot.storage.migrate import upgrade
from dialogs.conversation import Conversation
from dialogs.machine import step
from dialogs.types import Inbound

SCRIPT = ("/start", "算积分", "35", "本科有学位", "没有", "54个月", "0", "无", "否")
ids = itertools.count()


def inbound(user: str, text: str) -> Inbound:
    return Inbound("web", user, f"m{next(ids)}", shanghai_now(), text=text)


def bare(users: int) -> float:
    started = time.perf_counter()
    for n in range(users):
        conversation = Conversation.new("zh-CN")
        for text in SCRIPT:
            step(conversation, inbound(f"u{n}", text), shanghai_now())
    return users * len(SCRIPT) / (time.perf_counter() - started)


async def through_service(users: int, concurrency: int, directory: Path) -> float:
    db = Database(f"sqlite+aiosqlite:///{directory / 'bench.db'}")
    await upgrade(db)
    service = ConversationService(db)
    gate = asyncio.Semaphore(concurrency)

    async def one_user(n: int) -> None:
        async with gate:
            for text in SCRIPT:
                await service.handle(inbound(f"s{n}", text))

    started = time.perf_counter()
    await asyncio.gather(*(one_user(n) for n in range(users)))
    elapsed = time.perf_counter() - started
    await db.dispose()
    return users * len(SCRIPT) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    bare(5)  # warm up: imports, jieba, the policy files
    machine = bare(args.users)
    with tempfile.TemporaryDirectory() as directory:
        service = asyncio.run(through_service(args.users, args.concurrency, Path(directory)))
    print(f"bare dialog step:          {machine:8.0f} messages/s")
    print(f"ConversationService/SQLite: {service:8.0f} messages/s")
    print(f"ratio service/bare:         {service / machine:8.3f}")


if __name__ == "__main__":
    main()
