"""Every feature's handlers of the dialog's effects, in one registry for the service."""

from __future__ import annotations

from bot import personal_data
from bot.reminders.effects import EFFECTS as REMINDER_EFFECTS
from bot.service import EffectHandler
from bot.support.handoff import HandoffDesk
from bot.support.ratings import EFFECTS as RATING_EFFECTS


def all_effects(handoff: HandoffDesk) -> dict[str, EffectHandler]:
    return {**personal_data.EFFECTS, **REMINDER_EFFECTS, **RATING_EFFECTS, **handoff.effects}
