"""The user's side of a handoff: the effects of the dialog and the hook that runs instead of the
dialog while staff hold the conversation. Pure database work in the step's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import SHANGHAI
from bot.config import Settings
from bot.service import EffectHandler, StepContext
from bot.support import queue, unanswered
from bot.support.hours import StaffHours
from bot.support.models import WAITING, Handoff
from bot.support.options import SupportOptions
from dialogs.commands import route
from dialogs.locales import text
from dialogs.types import Choice, Effect, Inbound, Reply

BOT = "bot"
CANCEL_CHOICE = "support:cancel"
CANCEL_WORDS = frozenset({"取消", "取消人工", "取消转人工", "cancel", "/cancel"})
# Messages a waiting user sends closer together than this are one burst: only its first is
# acknowledged, so that someone typing their question in several lines is not answered each time.
BURST_GAP = timedelta(minutes=10)
DELETION_NOTE = "用户要求删除其数据，本次人工服务已结束。"


def wants_to_cancel(inbound: Inbound) -> bool:
    if inbound.choice == CANCEL_CHOICE or inbound.command == "cancel":
        return True
    said = (inbound.text or "").strip().strip("。.!！").lower()
    return said in CANCEL_WORDS


def when_text(locale: str, at: datetime) -> str:
    local = at.astimezone(SHANGHAI)
    return text(
        locale,
        "support-when",
        month=local.month,
        day=local.day,
        weekday=text(locale, f"support-weekday-{local.weekday()}"),
        time=local.strftime("%H:%M"),
    )


@dataclass(frozen=True)
class HandoffDesk:
    """What the service needs from support: `effects` for its registry and `held`."""

    hours: StaffHours

    @classmethod
    def from_settings(cls, settings: Settings) -> HandoffDesk:
        return cls(SupportOptions.from_settings(settings).hours)

    @property
    def effects(self) -> dict[str, EffectHandler]:
        return {"handoff": self.handoff, "faq_unanswered": self.faq_unanswered}

    async def handoff(self, context: StepContext, effect: Effect) -> Sequence[Reply]:
        if context.mode != BOT:
            return ()
        reason = str(effect.data.get("reason") or "user_request")[:32]
        handoff = await queue.enqueue(context.session, context.user.id, reason, context.now)
        context.mode = WAITING
        context.transcript.append(("system", f"handoff: {reason}"))
        locale = context.conversation.locale
        cancel = (Choice(CANCEL_CHOICE, text(locale, "support-cancel-button")),)
        if self.hours.is_open(context.now):
            place = await queue.place_in_queue(context.session, handoff)
            return (Reply(text(locale, "support-queued", n=place), buttons=cancel),)
        back = when_text(locale, self.hours.next_opening(context.now))
        return (Reply(text(locale, "support-closed", when=back), buttons=cancel),)

    async def faq_unanswered(self, context: StepContext, effect: Effect) -> Sequence[Reply]:
        question = str(effect.data.get("question") or "")
        kind = "suggest" if effect.data.get("suggested") else "unknown"
        await unanswered.record(context.session, context.user.id, question, context.now, kind)
        return ()

    async def held(self, context: StepContext) -> Sequence[Reply]:
        """Staff hold the conversation: the user's message is in the transcript for the agent
        and the bot answers only what only it can (ARCHITECTURE.md, step 4): a withdrawn
        request nobody claimed yet, "delete my data", and the first message of a burst while
        the user waits."""
        handoff = await queue.open_handoff(context.session, context.user.id)
        locale = context.conversation.locale
        if handoff is None:  # the handoff was closed from outside without resetting the mode
            context.mode = BOT
            return (Reply(text(locale, "support-resolved")),)
        if route(context.inbound)[0] == "delete_data":
            await queue.end(context.session, handoff.id, context.now)
            context.transcript.append(("system", DELETION_NOTE))
            context.mode = BOT
            context.resume_dialog = True  # the dialog asks to confirm the deletion
            return ()
        if handoff.status != WAITING:
            return ()
        if wants_to_cancel(context.inbound) and await queue.cancel(
            context.session, handoff.id, context.now
        ):
            context.mode = BOT
            return (Reply(text(locale, "support-cancelled")),)
        if not await self._starts_a_burst(context, handoff.created_at):
            return ()
        return (await self._kept_for_staff(context, handoff),)

    async def _starts_a_burst(self, context: StepContext, since: datetime) -> bool:
        lines, last = await queue.user_lines_since(context.session, context.user.id, since)
        # The first of `lines` is the message that asked for a person.
        return lines <= 1 or last is None or context.now - last > BURST_GAP

    async def _kept_for_staff(self, context: StepContext, handoff: Handoff) -> Reply:
        locale = context.conversation.locale
        place = await queue.place_in_queue(context.session, handoff)
        cancel = (Choice(CANCEL_CHOICE, text(locale, "support-cancel-button")),)
        if self.hours.is_open(context.now):
            return Reply(text(locale, "support-kept", n=place), buttons=cancel)
        back = when_text(locale, self.hours.next_opening(context.now))
        return Reply(text(locale, "support-kept-closed", n=place, when=back), buttons=cancel)
