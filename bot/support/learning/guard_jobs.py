"""The regression guard as a background job: the admin's "check" starts it and answers at once;
the confirmation page asks for the verdict until it is there (bot/support/static/guard.js).

A check reads what is taught, then builds and asks two retrievers in a worker thread
(bot.support.learning.regression): seconds of CPU that neither the admin's request nor the
event loop waits for. Jobs live in the process that started them; behind a load balancer a poll
that reaches another process starts the same check there. A verdict is kept for the FAQ version
it was asked at: once something else is taught, the same proposal is checked again.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass

from bot.clock import Clock
from bot.storage.database import Database
from bot.support.learning import decisions, regression, review
from bot.support.learning.regression import Verdict

KEEP = 32  # checks remembered per process, the oldest forgotten first


@dataclass(frozen=True)
class Proposal:
    """A teach decision as the admin confirms it (text masked, topic checked)."""

    group_id: int
    kind: str
    topic: str | None
    text: str


class GuardJobs:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._jobs: OrderedDict[Proposal, tuple[int, asyncio.Task[Verdict]]] = OrderedDict()

    def verdict(self, proposal: Proposal, version: int) -> Verdict | None:
        """The verdict on `proposal` at FAQ `version`; None while it is being checked (the check
        is started if it was not). A check that failed raises here once and is started again
        by the next call."""
        found = self._jobs.get(proposal)
        if found is None or found[0] != version:
            task = asyncio.create_task(self._check(proposal))
            self._jobs[proposal] = (version, task)
            self._forget_oldest()
            return None
        task = found[1]
        if not task.done():
            return None
        if task.cancelled() or task.exception() is not None:
            del self._jobs[proposal]
        return task.result()

    async def _check(self, proposal: Proposal) -> Verdict:
        async with self._db.transaction() as session:
            lessons = await decisions.lessons_now(session)
            group = await review.group(session, proposal.group_id, self._clock())
        others = [w.text for w in group.wordings] if group else []
        return await asyncio.to_thread(
            regression.check, lessons, proposal.kind, proposal.topic, proposal.text, others
        )

    def _forget_oldest(self) -> None:
        while len(self._jobs) > KEEP:
            _, (_, task) = self._jobs.popitem(last=False)
            task.cancel()

    async def close(self) -> None:
        """Cancel the checks still running (the app stops)."""
        tasks = [task for _, task in self._jobs.values()]
        self._jobs.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
