"""WeChat's signed (timestamp, nonce) pairs, each good for one message body.

In plain mode the signature covers only the token, the timestamp and the nonce, not the body:
anyone who saw one signed URL could post other bodies with it for the whole replay window.
So each pair is remembered, in the database (every process sees it), with a digest of the
body it came with, until its timestamp leaves the window: the same pair with another body is
refused; with the same body it is WeChat's retry of that message, which the dedupe answers.
Safe mode signs the encrypted body too; the pair is checked there all the same.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.channels.wechat.signing import REPLAY_WINDOW, Forbidden
from bot.storage.database import Database
from bot.storage.models import ApiToken

PREFIX = "wechat-nonce:"  # api_tokens rows; retention deletes them once expired
NAME_LENGTH = 64  # api_tokens.name


async def use_once(db: Database, timestamp: str, nonce: str, body: bytes) -> None:
    """Raise Forbidden if this pair came before with another body."""
    name = f"{PREFIX}{timestamp}:{nonce}"
    if len(name) > NAME_LENGTH:
        raise Forbidden("nonce too long")
    digest = hashlib.sha256(body).hexdigest()
    expires = datetime.fromtimestamp(int(timestamp), UTC) + timedelta(seconds=REPLAY_WINDOW)
    try:
        async with db.transaction() as session:
            session.add(ApiToken(name=name, value=digest, expires_at=expires))
    except IntegrityError:
        async with db.transaction() as session:
            first = await session.scalar(select(ApiToken.value).where(ApiToken.name == name))
        if first != digest:
            raise Forbidden("signature used before with another body") from None
