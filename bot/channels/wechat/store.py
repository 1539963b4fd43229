"""What the WeChat channel reads and writes in the shared tables."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.wechat.inbound import CHANNEL, Consent, Event, Unsubscribed
from bot.storage import inbox
from bot.storage.database import Database
from bot.storage.inbox import INBOX
from bot.storage.models import ApiToken, ProcessedMessage, User

CONSENT_KEEP = timedelta(days=366)


async def apply(db: Database, event: Event, now: datetime, inbox_key: str) -> None:
    """An unsubscribe or a consent, and its inbox row marked done, in one transaction: WeChat
    does not post the event again once answered, so one whose transaction failed after the
    answer is applied by the inbox sweep (`bot.channels.wechat.inbox`).

    An unsubscribe applied late (by the sweep) does not undo a later subscribe or message: the
    user is marked unreachable only if none of theirs was stepped since it arrived."""
    async with db.transaction() as session:
        match event:
            case Unsubscribed():
                received = select(INBOX.c.received_at).where(INBOX.c.key == inbox_key)
                since = select(ProcessedMessage.user_id).where(
                    ProcessedMessage.user_id == User.id,
                    ProcessedMessage.at > received.scalar_subquery(),
                )
                await session.execute(
                    update(User)
                    .where(User.channel == CHANNEL, User.external_id == event.user)
                    .where(~since.exists())
                    .values(unreachable=True)
                )
            case Consent():
                for template_id in event.template_ids:
                    await _consent(session, event.user, template_id, now)
        await session.execute(inbox.done(inbox_key))


def _consent_name(openid: str) -> str:
    return f"wechat-consent:{openid}"


async def record_consent(db: Database, openid: str, template_id: str, now: datetime) -> None:
    async with db.transaction() as session:
        await _consent(session, openid, template_id, now)


async def _consent(session: AsyncSession, openid: str, template_id: str, now: datetime) -> None:
    """One accepted 订阅通知 allows one message with that template; kept until used."""
    row = await session.get(ApiToken, _consent_name(openid))
    if row is None:
        session.add(
            ApiToken(name=_consent_name(openid), value=template_id, expires_at=now + CONSENT_KEEP)
        )
    else:
        row.value, row.expires_at = template_id, now + CONSENT_KEEP


async def use_consent(db: Database, openid: str, template_id: str, now: datetime) -> bool:
    async with db.transaction() as session:
        result = await session.execute(
            delete(ApiToken).where(
                ApiToken.name == _consent_name(openid),
                ApiToken.value == template_id,
                ApiToken.expires_at > now,
            )
        )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]
