"""ConversationService: dedupe -> load -> step -> persist (one transaction) -> hand back replies.

Messages that arrive together are stepped together, in one transaction per batch
(`bot.batched`); a message whose step needs more than the dialog (staff hold the
conversation, or the step has effects) goes the full way alone, here, with the ORM, after its
batch and in order for its user. Delivery happens after the commit (see `bot.delivery`), so a
crash at any point either loses the whole step (the channel retries the message) or keeps it
with its replies queued.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.batched import Arrival, BatchedSteps
from bot.clock import Clock, shanghai_now
from bot.observability.metrics import count_inbound, step_timer
from bot.sent_marks import SentMarks
from bot.step_batch import Handled
from bot.storage import conversations as store
from bot.storage.database import Database
from bot.storage.models import User
from bot.storage.personal import forget_user
from bot.support import ratings
from bot.user_data import overwriting_deletes, truncate_log
from dialogs.conversation import Conversation
from dialogs.machine import step
from dialogs.types import Effect, Inbound, Reply, StepResult

log = logging.getLogger(__name__)

# Times a step is run again when a concurrent step of the same user (another process)
# committed first; past that the request fails and the channel delivers it again.
STEP_RETRIES = 8
# Steps run at once in a process, at most; more wait their turn. Enough to keep a core busy
# while steps wait on the database (bench/scale.py shows no loss at 8), few enough that the
# event loop is never piled up: replies are sent on the same loop, and a send that waits there
# to be marked sent is a reply sent twice if the process dies then (bench/crash.py).
STEPS_AT_ONCE = 8
# The dialog's state machine is shared by every step; steps run on the event loop (the full
# way) and in the batch thread, so they take turns.
_ONE_STEP_AT_A_TIME = threading.Lock()


def step_alone(conversation: Conversation, inbound: Inbound, now: datetime) -> StepResult:
    with _ONE_STEP_AT_A_TIME:
        return step(conversation, inbound, now)


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
        sent_marks: SentMarks | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.effects = dict(effects or {})
        self.held = held
        self.default_locale = default_locale
        self._steps = asyncio.Semaphore(STEPS_AT_ONCE)
        self._batched = BatchedSteps(
            db, clock, self._new_conversation, step_alone, describe_inbound, sent_marks
        )
        self.started = self._batched.started

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
        outcome = await self._batched.submit(Arrival(inbound, on_slow, slow_after))
        if isinstance(outcome, Handled):
            count_inbound(inbound.channel, outcome.replies, duplicate=outcome.duplicate)
            return outcome
        try:
            if outcome.after is not None:
                await asyncio.wait([outcome.after])
            async with self._steps:
                with _slow_timer(on_slow, slow_after):
                    return await self._handle_with_retries(inbound)
        finally:
            self._batched.end(inbound, outcome)

    def _new_conversation(self, inbound: Inbound) -> Conversation:
        return Conversation.new(locale_from_hint(inbound.locale_hint, self.default_locale))

    async def _handle_with_retries(self, inbound: Inbound) -> Handled:
        for attempt in range(1, STEP_RETRIES + 1):
            try:
                with step_timer():
                    handled = await self._handle_once(inbound)
                count_inbound(inbound.channel, handled.replies, duplicate=handled.duplicate)
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
                    left_over=tuple(
                        row.id
                        for row in rows
                        if row.status == "pending" and row.created_at < self.started
                    ),
                )
            user, row = await store.user_and_conversation(
                session, inbound.channel, inbound.user, now
            )
            if row is None:
                conversation = self._new_conversation(inbound)
                mode, version = "bot", None
            else:
                conversation = Conversation.from_record(
                    row.state, row.locale, row.answers, row.context
                )
                mode, version = row.mode, row.version
            context = StepContext(session, user, conversation, inbound, now, mode)
            context.transcript.append(("user", describe_inbound(inbound)))
            replies = await self._replies(context)
            async with overwriting_deletes(session, context.forget_user):
                await store.save_conversation(
                    session, user.id, context.conversation.to_record(), context.mode, version, now
                )
                if context.forget_user:
                    await forget_user(session, user.id)
            if not context.forget_user:
                context.transcript += [("bot", reply.text) for reply in replies]
                await store.add_transcript_lines(session, user.id, context.transcript, now)
            await ratings.record_outcomes(session, inbound, replies, now)
            ids = await store.enqueue_replies(session, user.id, replies, now)
            store.mark_processed(session, inbound.channel, inbound.message_id, user.id, ids, now)
        if context.forget_user:  # as `jifen user delete` does (bot/user_data.py)
            await truncate_log(self.db)
        return Handled(user.id, tuple(replies), tuple(ids))

    async def _replies(self, context: StepContext) -> list[Reply]:
        replies: list[Reply] = []
        if context.mode != "bot" and self.held is not None:
            replies += await self.held(context)
            if not context.resume_dialog:
                return replies
        result = step_alone(context.conversation, context.inbound, context.now)
        replies += result.replies
        for effect in result.effects:
            handler = self.effects.get(effect.kind)
            if handler is None:
                log.warning("no handler for effect %s", effect.kind)
                continue
            replies.extend(await handler(context, effect))
        return replies


@contextlib.contextmanager
def _slow_timer(on_slow: Callable[[], object] | None, after: float) -> Iterator[None]:
    timer = asyncio.get_running_loop().call_later(after, on_slow) if on_slow else None
    try:
        yield
    finally:
        if timer is not None:
            timer.cancel()
