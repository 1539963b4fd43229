"""Request signatures of the WeChat server, compared in constant time, and replay windows.

wechatpy's `check_signature` compares with `==`; the digest is computed with its signer but
compared here with `hmac.compare_digest`.
"""

from __future__ import annotations

import hmac
from datetime import datetime

from wechatpy.utils import WeChatSigner

REPLAY_WINDOW = 300  # seconds a signed timestamp may lie from now


class Forbidden(Exception):
    """The request is not from the WeChat server, or is a replay: answer 403."""


def signature(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return str(signer.signature)


def verify(token: str, query: dict[str, str], now: datetime, *extra: str) -> None:
    """Check `signature` (or `msg_signature` when `extra` holds the encrypted body) and the time.

    WeChat sends all three of signature, timestamp and nonce: a request without one is refused
    even when the rest is signed over an empty value (the nonce is what a replay is told by)."""
    given = query.get("msg_signature" if extra else "signature")
    timestamp, nonce = query.get("timestamp"), query.get("nonce")
    if not (given and timestamp and nonce):
        raise Forbidden("unsigned")
    expected = signature(token, timestamp, nonce, *extra)
    if not hmac.compare_digest(expected.encode(), given.encode()):
        raise Forbidden("bad signature")
    if not timestamp.isdigit() or abs(int(timestamp) - now.timestamp()) > REPLAY_WINDOW:
        raise Forbidden("timestamp outside the replay window")
