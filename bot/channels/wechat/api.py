"""wechatpy's (synchronous) client, pointed at the configured API host, run in threads, with
the access token from `AccessTokens` and one refresh on an invalid or expired token."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException

from bot.channels.wechat.tokens import AccessTokens
from bot.clock import Clock
from bot.storage.database import Database

T = TypeVar("T")
# 40001 invalid credential, 40014 invalid access_token, 42001 access_token expired
TOKEN_ERRORS = frozenset({40001, 40014, 42001})
TIMEOUT = 10.0


class WeChatApi(WeChatClient):
    """Each call runs in a worker thread with the token it was given (not wechatpy's cache)."""

    def __init__(self, base: str, appid: str, secret: str, timeout: float = TIMEOUT) -> None:
        super().__init__(appid, secret, timeout=timeout, auto_retry=False)
        self.API_BASE_URL = base.rstrip("/") + "/cgi-bin/"
        self._call = threading.local()

    @property
    def access_token(self) -> str:
        return str(self._call.token)

    def fetch_access_token(self) -> dict[str, Any]:
        result: dict[str, Any] = self._fetch_access_token(
            url=self.API_BASE_URL + "token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )
        return result

    def with_token(self, token: str, call: Callable[[WeChatApi], T]) -> T:
        self._call.token = token
        return call(self)

    def close(self) -> None:
        self._http.close()


class Gateway:
    def __init__(self, api: WeChatApi, db: Database, clock: Clock) -> None:
        self.api = api
        self.tokens = AccessTokens(db, f"wechat:{api.appid}", self._fetch_token, clock)

    async def call(self, call: Callable[[WeChatApi], T]) -> T:
        token = await self.tokens.current()
        try:
            return await asyncio.to_thread(self.api.with_token, token, call)
        except WeChatClientException as error:
            if error.errcode not in TOKEN_ERRORS:
                raise
        token = await self.tokens.refresh(stale=token)
        return await asyncio.to_thread(self.api.with_token, token, call)

    async def _fetch_token(self) -> tuple[str, int]:
        result = await asyncio.to_thread(self.api.fetch_access_token)
        return str(result["access_token"]), int(result.get("expires_in", 7200))
