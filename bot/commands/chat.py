"""`jifen chat`: the conversation on standard input and output, one line at a time.

It answers from what staff taught too, as `jifen serve` does: the taught retriever is built
before the first answer and followed while the chat runs (bot.support.learning.watch)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import uuid

from bot.channels.marks import marked
from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from bot.storage.conversations import find_user, recent_transcript
from bot.storage.migrate import prepare
from bot.support.learning.watch import Follower, follow_forever
from dialogs.types import Inbound, Reply


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default="me", help="whose conversation it is [me]")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_chat(build_runtime(Settings()), args.user))


def render(reply: Reply) -> str:
    lines = [marked(reply)]
    lines += [f"  {number}. {choice.label}" for number, choice in enumerate(reply.choices, 1)]
    words = [*reply.rating, *reply.buttons]  # a rating is typed (有用/没用), as on WeChat
    if words:
        lines.append("  " + " · ".join(f"[{word.label}]" for word in words))
    return "\n".join(lines)


async def _chat(runtime: Runtime, user: str) -> int:
    await prepare(runtime.db)
    follower = Follower(runtime.db)
    await follower.refresh()
    following = asyncio.create_task(follow_forever(runtime.db, follower=follower))
    try:
        if not await _resume(runtime, user):
            await _say(
                runtime,
                Inbound("console", user, uuid.uuid4().hex, runtime.clock(), command="start"),
            )
        while line := await asyncio.to_thread(sys.stdin.readline):
            if text := line.strip():
                await _say(
                    runtime, Inbound("console", user, uuid.uuid4().hex, runtime.clock(), text=text)
                )
    finally:
        following.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await following
        await runtime.db.dispose()
    return 0


async def _resume(runtime: Runtime, user: str) -> bool:
    """A returning user sees the bot's last message again and goes on from there."""
    async with runtime.db.transaction() as session:
        known = await find_user(session, "console", user)
        lines = await recent_transcript(session, known.id, 1) if known is not None else []
    for _author, text in lines:
        print(text, end="\n\n", flush=True)
    return bool(lines)


async def _say(runtime: Runtime, inbound: Inbound) -> None:
    handled = await runtime.service.handle(inbound)
    await runtime.outbox.mark_sent(handled.outbox_ids)
    for reply in handled.replies:
        print(render(reply), end="\n\n", flush=True)
