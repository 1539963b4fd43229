"""Crash: kill -9 a `jifen serve` process under continuous Telegram webhook load on PostgreSQL,
start it again (several times in one run), and check that every update it answered 200 got
its reply; count duplicates.

Each update comes from a chat of its own (a new user's /start), so what the fake Bot API
received per chat says what became of that update: fewer messages than a /start gets is a
lost reply, more is a duplicate (a reply sent by the killed process but not yet marked sent,
sent again by the outbox sweep once its 60-second lease ran out). Updates not answered 200
(connection refused while the process is down) are posted again, as Telegram does.
Target: no lost reply, duplicates <= 0.1 % of replies.
The process is killed --kills times, each after --kill-after seconds of load.
Usage: JIFEN_TEST_POSTGRES_URL=... python bench/crash.py [--updates 6000] [--kills 3]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import sys
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import (
    TOKEN,
    Load,
    Serve,
    fresh_database,
    post_until_answered,
    update,
)

from tests.telegram.fake_bot_api import FakeBotApi

SETTLE = 150.0  # seconds to wait for the sweep to send what the killed process left


async def send_all(
    target: str, chats: list[int], concurrency: int, load: Load, give_up_after: float
) -> None:
    queue = iter(chats)
    turn = itertools.count()
    give_up_at = time.monotonic() + give_up_after
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:

        async def worker() -> None:
            for chat in queue:
                await post_until_answered(
                    http, [target], update(chat, "/start"), load, turn, give_up_at
                )

        await asyncio.gather(*(worker() for _ in range(concurrency)))


async def crash(args: argparse.Namespace) -> None:
    fake = FakeBotApi(TOKEN)
    api_base = await fake.start()
    async with fresh_database() as database_url:
        serve = Serve(database_url, api_base)
        serve.start()
        try:
            await serve.ready()
            calibration = Load()
            await send_all(serve.url, [1], 1, calibration, 60)
            await fake.wait_for(lambda: bool(fake.chats[1]), timeout=30)
            await asyncio.sleep(1)
            per_start = len(fake.chats[1])

            load = Load()
            chats = list(range(1000, 1000 + args.updates))
            sending = asyncio.create_task(
                send_all(serve.url, chats, args.concurrency, load, give_up_after=600)
            )
            answered_at_kills, downtimes = [], []
            for _ in range(args.kills):
                await asyncio.sleep(args.kill_after)
                answered_at_kills.append(len(load.answered))
                serve.kill()
                killed_at = time.monotonic()
                serve.start()
                await serve.ready()
                downtimes.append(time.monotonic() - killed_at)
            await sending

            answered = set(load.answered.values())
            deadline = time.monotonic() + SETTLE
            while time.monotonic() < deadline:
                if all(len(fake.chats[chat]) >= per_start for chat in answered):
                    break
                await asyncio.sleep(1)
        finally:
            serve.stop()
    await fake.close()

    lost = [chat for chat in answered if len(fake.chats[chat]) < per_start]
    replies = sum(len(fake.chats[chat]) for chat in answered)
    duplicates = sum(max(0, len(fake.chats[chat]) - per_start) for chat in answered)
    print(f"updates answered 200: {len(answered)} of {args.updates}")
    for number, (before, down) in enumerate(zip(answered_at_kills, downtimes, strict=True), 1):
        print(f"kill -9 #{number} after {before} answered; down {down:.1f} s incl. start")
    if answered_at_kills and answered_at_kills[-1] >= args.updates:
        print("WARNING: the load was over before the last kill; raise --updates")
    print(f"posts refused or failed and retried: {load.refused}")
    print(f"replies per /start: {per_start}; replies received: {replies}")
    print(f"updates answered 200 without their reply: {len(lost)}")
    print(
        f"duplicate replies: {duplicates} = {100 * duplicates / max(replies, 1):.2f} % "
        "(target <= 0.1 %)"
    )
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--updates", type=int, default=6000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument(
        "--kill-after", type=float, default=8.0, help="seconds of load before each kill"
    )
    asyncio.run(crash(parser.parse_args()))


if __name__ == "__main__":
    main()
