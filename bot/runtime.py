"""What one `jifen serve` process builds once and every part of it shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from aiohttp import web

from bot.clock import Clock, shanghai_now
from bot.config import Settings
from bot.delivery import Outbox, Sender
from bot.effects import all_effects
from bot.service import ConversationService
from bot.storage.database import Database
from bot.support.handoff import HandoffDesk


@dataclass
class Runtime:
    settings: Settings
    db: Database
    service: ConversationService
    outbox: Outbox
    senders: dict[str, Sender] = field(default_factory=dict)
    clock: Clock = shanghai_now


def build_runtime(
    settings: Settings,
    *,
    clock: Clock = shanghai_now,
    handoff: HandoffDesk | None = None,
) -> Runtime:
    """Everything a process shares; `handoff` only for tests that set staff hours directly."""
    db = Database(settings.database_url, timeout=settings.database_timeout)
    handoff = handoff or HandoffDesk.from_settings(settings)
    senders: dict[str, Sender] = {}
    # The outbox reads `senders` live: channels add theirs when the app starts.
    outbox = Outbox(db, senders, clock, settings.sent_marks_folder)
    service = ConversationService(
        db,
        clock=clock,
        effects=all_effects(handoff),
        held=handoff.held,
        default_locale=settings.default_locale,
        sent_marks=outbox.marks,
    )
    return Runtime(settings, db, service, outbox, senders, clock)


RUNTIME = web.AppKey("runtime", Runtime)
