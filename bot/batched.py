"""Messages stepped in batches, and the turns of those that must go the full way.

A message goes into the next batch (`bot.batching.Batches` forms them, `bot.step_batch` steps
one in one transaction) unless its user has a message on the full way. The batch answers None
for a message that needs more than the dialog (staff hold the conversation, or its step has
effects); that message, and every later one of its user until it is done, gets a `Turn` on the
full way (`ConversationService`), after the turn before it, so a user's messages keep their
order.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from bot import step_batch
from bot.batching import Batches
from bot.clock import Clock
from bot.observability.metrics import step_timer
from bot.sent_marks import SentMarks
from bot.step_batch import Handled
from bot.storage.conversations import ConversationOvertaken
from bot.storage.database import Batch, Database
from dialogs.conversation import Conversation
from dialogs.types import Inbound

log = logging.getLogger(__name__)

# Messages stepped in one transaction, at most (N), and no wait for more (T = 0: a batch is
# what arrived while the one before ran). Swept with bench/telegram.py --tune (150 users at
# concurrency 50, one round, ratio to the aiogram echo in the same run, load average 8-11):
# N=16 SQLite 0.75x, PostgreSQL 0.52x; N=64 0.70x, 0.33x; N=64 and T=5 ms 0.76x, 0.47x. A
# larger N makes the replies of a batch wait for all of it; a wait T gained nothing clear
# and delays a lone message.
BATCH_SIZE = 16
# Batches in flight at once on PostgreSQL, where a batch mostly waits on its round trips (SQLite
# has one writer: one batch at a time); the second starts once FILL messages wait for it.
BATCHES_AT_ONCE = 2
FILL = BATCH_SIZE // 2


@dataclass(frozen=True)
class Arrival:
    inbound: Inbound
    on_slow: Callable[[], object] | None  # called if the batch runs longer than slow_after
    slow_after: float


@dataclass(frozen=True)
class Turn:
    """A message's turn on the full way: after `after` (its user's message before it)."""

    after: asyncio.Future[None] | None
    done: asyncio.Future[None]


class BatchedSteps:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        new_conversation: Callable[[Inbound], Conversation],
        step: step_batch.Stepper,
        describe: Callable[[Inbound], str],
        sent_marks: SentMarks | None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.started = clock()
        self.new_conversation = new_conversation
        self.step = step
        self.describe = describe
        self.sent_marks = sent_marks
        self._batches: Batches[Arrival, Handled | Turn] = Batches(
            self._batch,
            BATCH_SIZE,
            in_flight=1 if db.is_sqlite else BATCHES_AT_ONCE,
            fill=FILL,
            key=lambda arrival: (arrival.inbound.channel, arrival.inbound.user),
        )
        # Per user (channel, user): the turn of their last message on the full way. Their
        # next messages go the full way too, after it, so a user's messages keep their order.
        self._last_turn: dict[tuple[str, str], asyncio.Future[None]] = {}

    async def submit(self, arrival: Arrival) -> Handled | Turn:
        return await self._batches.submit(arrival)

    def end(self, inbound: Inbound, turn: Turn) -> None:
        """The message's turn on the full way is over: its user's next may go."""
        turn.done.set_result(None)
        key = (inbound.channel, inbound.user)
        if self._last_turn.get(key) is turn.done:
            del self._last_turn[key]

    async def _batch(self, arrivals: list[Arrival]) -> list[Handled | Turn]:
        """Step the messages of users with nothing on the full way in one batch; give the
        others their turn on the full way, in arrival order."""
        now = self.clock()
        waiting = set(self._last_turn)
        batched = [
            a.inbound for a in arrivals if (a.inbound.channel, a.inbound.user) not in waiting
        ]
        timers = [
            asyncio.get_running_loop().call_later(a.slow_after, a.on_slow)
            for a in arrivals
            if a.on_slow is not None
        ]
        try:
            with step_timer():
                stepped = await self._run_batch(batched, now) if batched else []
        finally:
            for timer in timers:
                timer.cancel()
        results = iter(stepped)
        outcomes: list[Handled | Turn] = []
        for arrival in arrivals:
            key = (arrival.inbound.channel, arrival.inbound.user)
            handled = next(results) if key not in waiting else None
            if handled is None:
                done = asyncio.get_running_loop().create_future()
                outcomes.append(Turn(self._last_turn.get(key), done))
                self._last_turn[key] = done
            else:
                outcomes.append(handled)
        return outcomes

    async def _run_batch(self, inbounds: list[Inbound], now: datetime) -> Sequence[Handled | None]:
        marks: list[int] = []  # the sent marks the batch took, given back if it fails

        def take_marks() -> list[int]:
            if self.sent_marks is not None:
                marks[:] = self.sent_marks.take()
            return marks

        def batch(postgresql: bool) -> Batch[list[Handled | None]]:
            return step_batch.steps(
                inbounds, now, self.new_conversation, self.step, self.describe, take_marks,
                started=self.started, postgresql=postgresql,
            )  # fmt: skip

        try:
            stepped = await self.db.run_batch(batch)
        except BaseException as error:
            if self.sent_marks is not None:
                self.sent_marks.restore(marks)
            if not isinstance(error, IntegrityError | ConversationOvertaken):
                raise
            # another process created one of these users or stepped one of them meanwhile
            log.info("batch raced with another process; its messages go the full way")
            return [None] * len(inbounds)
        if self.sent_marks is not None:
            self.sent_marks.written(marks)
        return stepped
