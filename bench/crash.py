"""Crash: kill -9 a `jifen serve` process under continuous Telegram webhook load on PostgreSQL or
SQLite, start it again (several times in one run), and check that every update it answered 200
got its reply; count duplicates.

Each update comes from a chat of its own (a new user's /start), so what the fake Bot API
received per chat says what became of that update: fewer messages than a /start gets is a
lost reply, more is a duplicate (a reply sent by the killed process but not yet marked sent,
sent again by the outbox sweep once its 60-second lease ran out). Updates not answered 200
(connection refused while the process is down) are posted again, as Telegram does. The load
generator runs in a process of its own (bench/scale.py's), so the fake Bot API here answers
from an otherwise idle event loop.
Target: no lost reply, duplicates <= 0.1 % of replies.
The process is killed --kills times, each after --kill-after seconds of load.
Duplicates are told apart by the update they answer: one the load had to post again (it was
not answered 200 before the kill: a redelivery) or one answered 200 at once.
Usage: JIFEN_TEST_POSTGRES_URL=... python bench/crash.py [--database postgres|sqlite]
       [--updates 6000] [--kills 3]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
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
    fresh_sqlite,
    generator_command,
    post_until_answered,
    update,
)

from tests.serve_process import pending_replies
from tests.telegram.fake_bot_api import FakeBotApi

SETTLE = 150.0  # seconds to wait, at most, for the sweep to send what the killed process left
FIRST_CHAT = 1000  # the load's chats; chat 1 calibrates
# Seconds a start or restart may take: on a machine shared with other work (load average 13-17 on 2
# cores) starts took 70-135 s, and one more than tests' STARTUP_SECONDS (180), which ended the run.
RESTART_SECONDS = 400.0


async def load_process(target: str, args: argparse.Namespace) -> asyncio.subprocess.Process:
    """The load generator (bench/scale.py's), in a process of its own: one /start from each
    of --updates new chats, --concurrency at a time, each posted again until answered 200."""
    load = argparse.Namespace(
        updates=args.updates, chats=args.updates, concurrency=args.concurrency, per_chat=1
    )
    command = generator_command([target], load, first_chat=FIRST_CHAT)
    return await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)


async def replies_per_start(target: str, fake: FakeBotApi) -> int:
    """How many messages a new user's /start gets, from one calibration chat."""
    async with aiohttp.ClientSession() as http:
        give_up_at = time.monotonic() + 60
        await post_until_answered(
            http, [target], update(1, "/start", 0), Load(), itertools.count(), give_up_at
        )
    await fake.wait_for(lambda: bool(fake.chats[1]), timeout=30)
    await asyncio.sleep(1)
    return len(fake.chats[1])


async def crash(args: argparse.Namespace) -> None:
    fake = FakeBotApi(TOKEN)
    api_base = await fake.start()
    first_sent: dict[int, float] = {}  # chat -> when its first message arrived
    fake.on_sent = lambda sent: first_sent.setdefault(sent.chat_id, time.monotonic())
    kills: list[float] = []
    fresh = fresh_sqlite() if args.database == "sqlite" else fresh_database()
    async with fresh as database_url:
        serve = Serve(database_url, api_base)
        serve.start()
        try:
            await serve.ready(RESTART_SECONDS)
            per_start = await replies_per_start(serve.url, fake)
            load = await load_process(serve.url, args)
            replied_at_kills, downtimes = [], []
            for _ in range(args.kills):
                await asyncio.sleep(args.kill_after)
                replied_at_kills.append(len(fake.chats) - 1)
                killed_at = time.monotonic()  # before kill(), which waits for the process to go
                serve.kill()
                kills.append(killed_at)
                serve.start()
                await serve.ready(RESTART_SECONDS)
                downtimes.append(time.monotonic() - killed_at)
            output, _ = await load.communicate()
            result = json.loads(output.decode().strip().splitlines()[-1])
            answered = set(result["answered_chats"])
            # Until nothing is left to send: a reply sent twice goes the second time when the
            # lease of the killed process runs out, after every chat may have its first copy.
            deadline = time.monotonic() + SETTLE
            while time.monotonic() < deadline and await pending_replies(database_url):
                await asyncio.sleep(1)
        finally:
            serve.stop()
    await fake.close()

    lost = [chat for chat in answered if len(fake.chats[chat]) < per_start]
    replies = sum(len(fake.chats[chat]) for chat in answered)
    extra = {chat: len(fake.chats[chat]) - per_start for chat in answered}
    duplicates = sum(max(0, n) for n in extra.values())
    redelivered = sum(max(0, extra[chat]) for chat in set(result["retried_chats"]) & answered)
    print(f"{args.database}: updates answered 200: {len(answered)} of {args.updates}")
    for number, (replied, down) in enumerate(zip(replied_at_kills, downtimes, strict=True), 1):
        print(f"kill -9 #{number} when {replied} chats had replies; down {down:.1f} s incl. start")
    if replied_at_kills and replied_at_kills[-1] >= args.updates:
        print("WARNING: the load was over before the last kill; raise --updates")
    print(f"posts refused or failed and retried: {result['refused']}")
    print(f"replies per /start: {per_start}; replies received: {replies}")
    print(f"updates answered 200 without their reply: {len(lost)}")
    print(
        f"duplicate replies: {duplicates} = {100 * duplicates / max(replies, 1):.2f} % "
        "(target <= 0.1 %)"
    )
    print(f"  of them answering an update posted again after a kill: {redelivered}")
    # The kill nearest each duplicated reply's first copy, and how long before it that copy came
    # (negative: it was in flight when the process died): the window in which a reply was sent
    # but its mark not yet written.
    per_kill, before = [0] * len(kills), []
    for chat in answered:
        if extra[chat] > 0 and kills:
            nearest = min(range(len(kills)), key=lambda n: abs(kills[n] - first_sent[chat]))
            per_kill[nearest] += extra[chat]
            before.append(1000 * (kills[nearest] - first_sent[chat]))
    if before:
        print(f"  by the kill nearest their first copy: {per_kill}")
        median, longest = statistics.median(before), max(before)
        print(f"  first copy came before that kill by {median:.0f} ms (median), {longest:.0f} max")
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--updates", type=int, default=6000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument(
        "--kill-after", type=float, default=8.0, help="seconds of load before each kill"
    )
    asyncio.run(crash(parser.parse_args()))


if __name__ == "__main__":
    main()
