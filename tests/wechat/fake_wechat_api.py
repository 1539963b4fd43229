"""A fake WeChat API (api.weixin.qq.com) on 127.0.0.1: records every call, injects errors.

Only the paths jifen-bot uses: /cgi-bin/token, /cgi-bin/message/custom/send,
/cgi-bin/menu/create, /cgi-bin/message/subscribe/bizsend. A call with a token the fake did
not issue (or one it expired) gets 40001, like the real API.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Call:
    path: str
    access_token: str | None
    body: dict[str, Any]
    errcode: int = 0


@dataclass
class FakeWeChatApi:
    appid: str = "wx-test-app"
    secret: str = "test-secret"
    calls: list[Call] = field(default_factory=list)
    errors: dict[str, deque[int]] = field(default_factory=dict)
    delay: float = 0.0
    _valid: set[str] = field(default_factory=set)
    _serial: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None
    base_url: str = ""

    def fail_next(self, path: str, *errcodes: int) -> None:
        """The next calls of `path` (e.g. "message/custom/send") answer these errcodes, in order."""
        self.errors.setdefault(path, deque()).extend(errcodes)

    def expire_tokens(self) -> None:
        self._valid.clear()

    def sent(self, path: str = "message/custom/send") -> list[dict[str, Any]]:
        """Bodies of the successful calls of `path`."""
        return [call.body for call in self.calls if call.path == path and call.errcode == 0]

    def tokens_issued(self) -> int:
        return sum(1 for call in self.calls if call.path == "token")

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/cgi-bin/token", self._token)
        app.router.add_post("/cgi-bin/{path:.+}", self._api)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _token(self, request: web.Request) -> web.Response:
        self.calls.append(Call("token", None, dict(request.query)))
        query = request.query
        if (query.get("grant_type"), query.get("appid"), query.get("secret")) != (
            "client_credential",
            self.appid,
            self.secret,
        ):
            return web.json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
        token = f"token-{next(self._serial)}"
        self._valid.add(token)
        return web.json_response({"access_token": token, "expires_in": 7200})

    async def _api(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        token = request.query.get("access_token")
        body: dict[str, Any] = json.loads(await request.read() or b"{}")
        if self.delay:
            await asyncio.sleep(self.delay)
        pending = self.errors.get(path)
        errcode = 40001 if token not in self._valid else pending.popleft() if pending else 0
        if errcode in (40001, 42001):
            self._valid.discard(token or "")
        self.calls.append(Call(path, token, body, errcode))
        errmsg = "injected" if errcode else "ok"
        return web.json_response({"errcode": errcode, "errmsg": errmsg})
