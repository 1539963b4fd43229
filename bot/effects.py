"""Every feature's handlers of the dialog's effects, in one registry for the service."""

from __future__ import annotations

from bot import personal_data
from bot.reminders.effects import EFFECTS as REMINDER_EFFECTS
from bot.service import EffectHandler


def all_effects() -> dict[str, EffectHandler]:
    return {**personal_data.EFFECTS, **REMINDER_EFFECTS}
