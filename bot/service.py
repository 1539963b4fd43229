"""ConversationService: dedupe -> load -> step -> persist (one transaction) -> hand back replies.

Delivery happens after the commit (see `bot.delivery`), so a crash at any point either loses
the whole step (the channel retries the message) or keeps it with its replies queued.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, shanghai_now
from bot.keyed_lock import KeyedLock
from bot.observability.metrics import count_inbound, step_timer
from bot.storage import conversations as store
from bot.storage.database import Database
from bot.storage.models import User
from bot.storage.personal import forget_user
from dialogs.conversation import Conversation
from dialogs.machine import step
from dialogs.types import Effect, Inbound, Reply

log = logging.getLogger(__name__)

# Times a step is run again when a concurrent step of the same user (another process)
# committed first; past that the request fails and the channel delivers it again.
STEP_RETRIES = 8
# Steps run at once in a process, at most; more wait their turn. Enough to keep a core busy
# while steps wait on the database (bench/scale.py shows no loss at 8), few enough that the
# event loop is never piled up: replies are sent on the same loop, and a send that waits there
# to be marked sent is a reply sent twice if the process dies then (bench/crash.py).
STEPS_AT_ONCE = 8


@dataclass
class StepContext:
    """What an effect handler or the handoff hook may read and change during one step."""

    session: AsyncSession
    user: User
    conversation: Conversation
    inbound: Inbound
    now: datetime
    mode: str
    transcript: list[tuple[str, str]] = field(default_factory=list)
    forget_user: bool = False
    # Set by the handoff hook when it gave the conversation back to the dialog, which then
    # steps this same message.
    resume_dialog: bool = False


EffectHandler = Callable[[StepContext, Effect], Awaitable[Sequence[Reply]]]
HeldHandler = Callable[[StepContext], Awaitable[Sequence[Reply]]]


@dataclass(frozen=True)
class Handled:
    user_id: int
    replies: tuple[Reply, ...]
    outbox_ids: tuple[int, ...]
    duplicate: bool = False


def locale_from_hint(hint: str | None, default: str) -> str:
    if not hint:
        return default
    return (
        "zh-CN"
        if hint.lower().startswith("zh")
        else "en"
        if hint.lower().startswith("en")
        else default
    )


def without_nul(inbound: Inbound) -> Inbound:
    """NUL can't be stored in PostgreSQL text, and no one means it."""
    if "\x00" not in (inbound.text or "") + (inbound.choice or ""):
        return inbound
    return replace(
        inbound,
        text=inbound.text and inbound.text.replace("\x00", ""),
        choice=inbound.choice and inbound.choice.replace("\x00", ""),
    )


def describe_inbound(inbound: Inbound) -> str:
    """The transcript line for what the user did."""
    if inbound.text is not None:
        return inbound.text
    if inbound.choice is not None:
        return f"[{inbound.choice}]"
    return f"/{inbound.command}"


class ConversationService:
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = shanghai_now,
        effects: Mapping[str, EffectHandler] | None = None,
        held: HeldHandler | None = None,
        default_locale: str = "zh-CN",
    ) -> None:
        self.db = db
        self.clock = clock
        self.effects = dict(effects or {})
        self.held = held
        self.default_locale = default_locale
        self._users = KeyedLock()
        self._steps = asyncio.Semaphore(STEPS_AT_ONCE)

    async def handle(
        self,
        inbound: Inbound,
        *,
        on_slow: Callable[[], object] | None = None,
        slow_after: float = 0.5,
    ) -> Handled:
        """Apply one inbound message exactly once; a redelivery returns the first result.

        `on_slow` is called if the step itself, not counting its wait for its turn, runs
        longer than `slow_after` seconds (Telegram shows "typing…" then).
        """
        inbound = without_nul(inbound)
        # Steps of one user run one after the other in this process; across processes the
        # version check in save_conversation serialises them.
        async with self._users.hold((inbound.channel, inbound.user)), self._steps:
            slow = (
                asyncio.get_running_loop().call_later(slow_after, on_slow)
                if on_slow is not None
                else None
            )
            try:
                return await self._handle_with_retries(inbound)
            finally:
                if slow is not None:
                    slow.cancel()

    async def _handle_with_retries(self, inbound: Inbound) -> Handled:
        for attempt in range(1, STEP_RETRIES + 1):
            try:
                with step_timer():
                    handled = await self._handle_once(inbound)
                count_inbound(inbound.channel, duplicate=handled.duplicate)
                return handled
            except (store.ConversationOvertaken, IntegrityError) as race:
                log.info(
                    "step raced, retrying",
                    extra={"attempt": attempt, "error": type(race).__name__},
                )
        raise RuntimeError(f"conversation of {inbound.channel} user kept changing under the step")

    async def _handle_once(self, inbound: Inbound) -> Handled:
        now = self.clock()
        async with self.db.transaction() as session:
            seen = await store.processed(session, inbound.channel, inbound.message_id)
            if seen is not None:
                rows = await store.outbox_replies(session, seen.outbox_ids)
                return Handled(
                    seen.user_id,
                    tuple(Reply.from_json(row.payload) for row in rows),
                    tuple(seen.outbox_ids),
                    duplicate=True,
                )
            user, row = await store.user_and_conversation(
                session, inbound.channel, inbound.user, now
            )
            if row is None:
                conversation = Conversation.new(
                    locale_from_hint(inbound.locale_hint, self.default_locale)
                )
                mode, version = "bot", None
            else:
                conversation = Conversation.from_record(
                    row.state, row.locale, row.answers, row.context
                )
                mode, version = row.mode, row.version
            context = StepContext(session, user, conversation, inbound, now, mode)
            context.transcript.append(("user", describe_inbound(inbound)))
            replies = await self._replies(context)
            await store.save_conversation(
                session, user.id, context.conversation.to_record(), context.mode, version, now
            )
            if context.forget_user:
                await forget_user(session, user.id)
            else:
                context.transcript += [("bot", reply.text) for reply in replies]
                await store.add_transcript_lines(session, user.id, context.transcript, now)
            ids = await store.enqueue_replies(session, user.id, replies, now)
            store.mark_processed(session, inbound.channel, inbound.message_id, user.id, ids, now)
        return Handled(user.id, tuple(replies), tuple(ids))

    async def _replies(self, context: StepContext) -> list[Reply]:
        replies: list[Reply] = []
        if context.mode != "bot" and self.held is not None:
            replies += await self.held(context)
            if not context.resume_dialog:
                return replies
        result = step(context.conversation, context.inbound, context.now)
        replies += result.replies
        for effect in result.effects:
            handler = self.effects.get(effect.kind)
            if handler is None:
                log.warning("no handler for effect %s", effect.kind)
                continue
            replies.extend(await handler(context, effect))
        return replies
