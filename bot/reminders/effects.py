"""The dialog's reminder effects, carried out inside the step's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bot.reminders import store
from bot.reminders.messages import calendar_note, local_time, reminder_lines
from bot.reminders.plan import (
    CONFIRMATION,
    ENDORSEMENT_KINDS,
    GOAL,
    SHANGHAI,
    WINDOW_DAYS,
    confirmation_plan,
    endorsement_plan,
    goal_plan,
)
from bot.service import EffectHandler, StepContext
from dialogs.locales import text
from dialogs.types import Effect, Reply


async def set_reminder(context: StepContext, effect: Effect) -> Sequence[Reply]:
    locale = context.conversation.locale
    try:
        expiry = date.fromisoformat(str(effect.data["expiry"]))
    except (KeyError, ValueError):
        return [Reply(text(locale, "reminders.invalid_date"))]
    plan = endorsement_plan(expiry, now=context.now)
    await store.cancel_pending(context.session, context.user.id, ENDORSEMENT_KINDS)
    store.schedule(
        context.session, context.user.id, plan, locale, {"expiry": expiry.isoformat()}, context.now
    )
    if plan.reminders:
        lines = reminder_lines(locale, [(p.kind, p.at) for p in plan.reminders])
        parts = [text(locale, "reminders.set", expiry=expiry.isoformat(), lines=lines)]
    else:
        parts = [text(locale, "reminders.set_none", expiry=expiry.isoformat())]
    today = context.now.astimezone(SHANGHAI).date()
    if expiry - timedelta(days=WINDOW_DAYS) <= today <= expiry:
        parts.append(text(locale, "reminders.window_open_now", expiry=expiry.isoformat()))
    return [Reply("\n".join(parts))]


async def endorsed(context: StepContext, effect: Effect) -> Sequence[Reply]:
    locale = context.conversation.locale
    try:
        day = date.fromisoformat(str(effect.data["date"]))
    except (KeyError, ValueError):
        return [Reply(text(locale, "reminders.invalid_date"))]
    plan = confirmation_plan(day, now=context.now)
    await store.cancel_pending(context.session, context.user.id, (*ENDORSEMENT_KINDS, CONFIRMATION))
    store.schedule(
        context.session, context.user.id, plan, locale, {"endorsed": day.isoformat()}, context.now
    )
    if plan.reminders:
        at = local_time(locale, plan.reminders[0].at)
        parts = [text(locale, "reminders.endorsed", date=day.isoformat(), at=at)]
    else:
        parts = [text(locale, "reminders.endorsed_due_now", date=day.isoformat())]
    return [Reply("\n".join(parts + calendar_note(locale, plan)))]


async def cancel_reminders(context: StepContext, effect: Effect) -> Sequence[Reply]:
    locale = context.conversation.locale
    count = await store.cancel_pending(context.session, context.user.id)
    if count == 0:
        return [Reply(text(locale, "reminders.cancelled_none"))]
    return [Reply(text(locale, "reminders.cancelled", count=count))]


async def list_reminders(context: StepContext, effect: Effect) -> Sequence[Reply]:
    locale = context.conversation.locale
    rows = await store.pending(context.session, context.user.id)
    if not rows:
        return [Reply(text(locale, "reminders.list_none"))]
    lines = reminder_lines(locale, [(row.kind, row.due_at) for row in rows])
    return [Reply(text(locale, "reminders.list", lines=lines))]


async def goal_reminder(context: StepContext, effect: Effect) -> Sequence[Reply]:
    locale = context.conversation.locale
    try:
        year, month = (int(part) for part in str(effect.data["month"]).split("-"))
        plan = goal_plan(year, month, now=context.now)
    except (KeyError, ValueError):
        return [Reply(text(locale, "reminders.invalid_date"))]
    await store.cancel_pending(context.session, context.user.id, (GOAL,))
    values = {"year": year, "month": month}
    store.schedule(context.session, context.user.id, plan, locale, values, context.now)
    if plan.reminders:
        at = local_time(locale, plan.reminders[0].at)
        parts = [text(locale, "reminders.goal_set", at=at, **values)]
    else:
        parts = [text(locale, "reminders.goal_now", **values)]
    return [Reply("\n".join(parts + calendar_note(locale, plan)))]


EFFECTS: dict[str, EffectHandler] = {
    "set_reminder": set_reminder,
    "endorsed": endorsed,
    "cancel_reminders": cancel_reminders,
    "list_reminders": list_reminders,
    "goal_reminder": goal_reminder,
}
