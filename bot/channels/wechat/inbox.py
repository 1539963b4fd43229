"""Each message WeChat posts is written down before it is answered, and stepped at least once.

WeChat does not post a message again once it was answered ("success" or a passive reply). A
step still running at the passive-reply deadline is answered "success" and goes on; if it then
fails (the database stalled past its timeout, the process died), only the inbox row is left,
and the sweep here steps it (the dedupe by MsgId makes a second step of the same message a
redelivery, answered from the first). An unsubscribe or a consent is kept the same way, until
the transaction that applies it marks its row done (`store.apply`).

The inbox row is keyed by the request's signed (timestamp, nonce) pair, with a digest of the
body it came with. In plain mode the signature covers only the token, the timestamp and the
nonce, not the body: anyone who saw one signed URL could post other bodies with it for the
whole replay window. The same pair with another body is refused; with the same body it is
WeChat's retry of that request. Safe mode signs the encrypted body too; the pair is checked
there all the same. Rows written by requests that arrive together share one transaction.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from datetime import UTC, datetime, timedelta

from bot.batching import Batches
from bot.channels.wechat import store
from bot.channels.wechat.inbound import CHANNEL, Arrival, restored, stored
from bot.channels.wechat.signing import REPLAY_WINDOW, Forbidden
from bot.runtime import Runtime
from bot.service import without_nul
from bot.storage import inbox
from dialogs.types import Inbound

log = logging.getLogger(__name__)

BATCH_SIZE = 64
# A message is left to its own request's step this long before the sweep steps it: the step
# may still be waiting for the database (its timeout), and two steps would only be deduped.
GRACE = timedelta(seconds=30)
LOOKBACK = timedelta(days=1)  # at start-up, how far back the sweep looks for left-overs
SKEW = timedelta(seconds=60)  # between the clocks of processes sharing the database
SWEEP_LIMIT = 100
SWEEP_INTERVAL = 5.0


class Inbox:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._batches: Batches[inbox.Arrived, bool] = Batches(self._write, BATCH_SIZE)
        self._swept_until = runtime.clock() - LOOKBACK

    async def record(self, timestamp: str, nonce: str, body: bytes, arrival: Arrival) -> str:
        """Write the arrival down and return its row's key; raise Forbidden if this pair came
        before with another body."""
        key = f"{timestamp}:{nonce}"
        if len(key) > inbox.KEY_LENGTH:
            raise Forbidden("nonce too long")
        expires = datetime.fromtimestamp(int(timestamp), UTC) + timedelta(seconds=REPLAY_WINDOW)
        if isinstance(arrival, Inbound):
            arrival = without_nul(arrival)
        arrived = inbox.Arrived(
            key,
            hashlib.sha256(body).hexdigest(),
            CHANNEL,
            arrival.message_id if isinstance(arrival, Inbound) else None,
            stored(arrival),
            expires,
        )
        if not await self._batches.submit(arrived):
            raise Forbidden("signature used before with another body")
        return key

    async def _write(self, arrived: list[inbox.Arrived]) -> list[bool]:
        """Received when written, not when queued: the sweep looks back a bounded time from its
        last pass, and a row written long after the time it claims would be missed."""
        db, clock = self.runtime.db, self.runtime.clock
        return await db.run_batch(lambda _lock: inbox.record(arrived, clock(), db.is_sqlite))

    async def sweep(self, grace: timedelta = GRACE) -> int:
        """Step the messages written down more than `grace` ago and never stepped, deliver
        their replies, apply the events never applied; returns how many. A failure leaves them
        for the next pass."""
        db, clock = self.runtime.db, self.runtime.clock
        until = clock() - grace
        left = await inbox.left_over(db, self._swept_until - SKEW, until, SWEEP_LIMIT)
        for _received, key, work in left:
            match restored(work):
                case Inbound() as message:
                    log.warning("stepping wechat message %s left unstepped", message.message_id)
                    handled = await self.runtime.service.handle(message)
                    if not handled.duplicate:
                        await self.runtime.outbox.deliver(handled.outbox_ids)
                case event:
                    log.warning("applying wechat %s left unapplied", type(event).__name__)
                    await store.apply(db, event, clock(), key)
        self._swept_until = left[-1][0] if len(left) == SWEEP_LIMIT else until
        return len(left)

    async def sweep_forever(self) -> None:
        while True:
            try:
                while await self.sweep() == SWEEP_LIMIT:
                    pass
            except Exception:
                log.exception("wechat inbox sweep failed; the next pass tries again")
            await asyncio.sleep(SWEEP_INTERVAL)
