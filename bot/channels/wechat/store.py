"""What the WeChat channel reads and writes in the shared tables."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, update

from bot.channels.wechat.inbound import CHANNEL
from bot.storage.database import Database
from bot.storage.models import ApiToken, User

CONSENT_KEEP = timedelta(days=366)


async def set_unreachable(db: Database, openid: str, unreachable: bool) -> None:
    """Unsubscribed users get nothing more (the outbox and reminders skip them)."""
    async with db.transaction() as session:
        await session.execute(
            update(User)
            .where(User.channel == CHANNEL, User.external_id == openid)
            .values(unreachable=unreachable)
        )


def _consent_name(openid: str) -> str:
    return f"wechat-consent:{openid}"


async def record_consent(db: Database, openid: str, template_id: str, now: datetime) -> None:
    """One accepted 订阅通知 allows one message with that template; kept until used."""
    async with db.transaction() as session:
        row = await session.get(ApiToken, _consent_name(openid))
        if row is None:
            session.add(
                ApiToken(
                    name=_consent_name(openid), value=template_id, expires_at=now + CONSENT_KEEP
                )
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
