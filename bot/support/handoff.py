"""The user's side of a handoff: the effects of the dialog and the hook that runs instead of the
dialog while staff hold the conversation. Pure database work in the step's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.clock import SHANGHAI
from bot.config import Settings
from bot.service import EffectHandler, StepContext
from bot.support import queue
from bot.support.hours import StaffHours
from bot.support.models import WAITING
from bot.support.options import SupportOptions
from dialogs.locales import text
from dialogs.types import Choice, Effect, Inbound, Reply

BOT = "bot"
CANCEL_CHOICE = "support:cancel"
CANCEL_WORDS = frozenset({"取消", "取消人工", "取消转人工", "cancel", "/cancel"})


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
        question = str(effect.data.get("question") or "").strip()
        if question:
            queue.record_unanswered(context.session, context.user.id, question, context.now)
        return ()

    async def held(self, context: StepContext) -> Sequence[Reply]:
        """Staff hold the conversation: the user's message is in the transcript for the agent
        and the bot stays silent, unless the user withdraws a request nobody claimed yet."""
        handoff = await queue.open_handoff(context.session, context.user.id)
        locale = context.conversation.locale
        if handoff is None:  # the handoff was closed from outside without resetting the mode
            context.mode = BOT
            return (Reply(text(locale, "support-resolved")),)
        if (
            handoff.status == WAITING
            and wants_to_cancel(context.inbound)
            and await queue.cancel(context.session, handoff.id, context.now)
        ):
            context.mode = BOT
            return (Reply(text(locale, "support-cancelled")),)
        return ()
