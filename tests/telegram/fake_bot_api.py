"""A fake Telegram Bot API server (aiohttp, 127.0.0.1, ephemeral port) that records every call.

It answers the methods the channel uses the way Telegram does (including its errors: 429 with
retry_after, 403 for a user who blocked the bot, 400 for a message over 4,096 characters or
callback data over 64 bytes), keeps the messages it "delivered" per chat as the user would see
them, and serves queued updates to getUpdates with a short long-poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

JSON_PARAMS = frozenset(
    {"reply_markup", "commands", "scope", "allowed_updates", "link_preview_options", "entities"}
)
BOT_ID = 424242
MAX_POLL_WAIT = 0.2  # seconds; getUpdates answers at the latest after this


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic, compare=False)  # when it reached us


@dataclass
class Sent:
    """A message as the user's app shows it: plain text and its buttons."""

    message_id: int
    chat_id: int
    text: str
    keyboard: list[list[dict[str, str]]] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [button["text"] for row in self.keyboard for button in row]

    def as_telegram(self) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self.message_id,
            "date": int(time.time()),
            "chat": {"id": self.chat_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "jifen"},
            "text": self.text,
        }
        if self.keyboard:
            message["reply_markup"] = {"inline_keyboard": self.keyboard}
        return message


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


class FakeBotApi:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.chats: dict[int, list[Sent]] = defaultdict(list)
        self.blocked: set[int] = set()
        self._failures: dict[str, deque[Failure]] = defaultdict(deque)
        self._delays: dict[str, float] = {}
        self._holding: set[str] = set()
        self._dropped = asyncio.Event()
        self.held: list[Call] = []  # calls kept on their way by `hold`
        self._updates: list[dict[str, Any]] = []
        self._changed = asyncio.Condition()
        self._message_ids = 0
        self._runner: web.AppRunner | None = None
        self.url = ""
        self.on_sent: Callable[[Sent], None] | None = None  # for the benchmark's clock

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # What tests set up

    def fail_next(self, method: str, count: int, failure: Failure) -> None:
        self._failures[method.lower()].extend([failure] * count)

    def flood(self, method: str, count: int = 1, retry_after: int = 1) -> None:
        self.fail_next(
            method,
            count,
            Failure(429, f"Too Many Requests: retry after {retry_after}", retry_after),
        )

    def delay(self, method: str, seconds: float) -> None:
        """Answer every later call of `method` only after `seconds` (a slow Bot API)."""
        self._delays[method.lower()] = seconds

    def hold(self, method: str) -> None:
        """Keep every later call of `method` on its way, not yet arrived, until `drop_held`."""
        self._holding.add(method.lower())
        self._dropped.clear()

    def drop_held(self) -> None:
        """The held calls never arrive, as requests cut off in the network (their sender is
        told 502); later calls arrive again."""
        self._holding.clear()
        self._dropped.set()

    def block(self, chat_id: int) -> None:
        self.blocked.add(chat_id)

    async def queue_update(self, update: dict[str, Any]) -> None:
        self._updates.append(update)
        await self._notify()

    # What tests read

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method.lower()]

    def texts(self, chat_id: int) -> list[str]:
        return [message.text for message in self.chats[chat_id]]

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(condition), timeout)

    # The server

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(Failure(401, "Unauthorized"))
        method = request.match_info["method"].lower()
        params = await _params(request)
        if method in self._holding:
            self.held.append(Call(method, params))
            await self._notify()
            await self._dropped.wait()
            return web.Response(status=502)
        self.calls.append(Call(method, params))
        try:
            if delay := self._delays.get(method):
                await self._notify()  # the call is seen at once, its answer comes later
                await asyncio.sleep(delay)
            failures = self._failures[method]
            if failures:
                return _error(failures.popleft())
            answer = getattr(self, f"_{method}", None)
            if answer is None:
                return _error(Failure(404, "Not Found: method not found"))
            result = await answer(params)
            if isinstance(result, Failure):
                return _error(result)
            return web.json_response({"ok": True, "result": result})
        finally:
            await self._notify()

    async def _getme(self, params: dict[str, Any]) -> object:
        return {"id": BOT_ID, "is_bot": True, "first_name": "jifen", "username": "jifen_bot"}

    async def _sendmessage(self, params: dict[str, Any]) -> object:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return Failure(403, "Forbidden: bot was blocked by the user")
        text = _displayed(params["text"], params.get("parse_mode"))
        if not text.strip():
            return Failure(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return Failure(400, "Bad Request: message is too long")
        keyboard = (params.get("reply_markup") or {}).get("inline_keyboard", [])
        for row in keyboard:
            for button in row:
                if len(button.get("callback_data", "").encode()) > 64:
                    return Failure(400, "Bad Request: BUTTON_DATA_INVALID")
        self._message_ids += 1
        message = Sent(self._message_ids, chat_id, text, keyboard)
        self.chats[chat_id].append(message)
        if self.on_sent is not None:
            self.on_sent(message)
        return message.as_telegram()

    async def _editmessagetext(self, params: dict[str, Any]) -> object:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        for message in self.chats[chat_id]:
            if message.message_id == message_id:
                text = _displayed(params["text"], params.get("parse_mode"))
                keyboard = (params.get("reply_markup") or {}).get("inline_keyboard", [])
                if text == message.text and keyboard == message.keyboard:
                    return Failure(400, "Bad Request: message is not modified")
                message.text, message.keyboard = text, keyboard
                return message.as_telegram()
        return Failure(400, "Bad Request: message to edit not found")

    async def _answercallbackquery(self, params: dict[str, Any]) -> object:
        return True

    async def _sendchataction(self, params: dict[str, Any]) -> object:
        return True

    async def _setmycommands(self, params: dict[str, Any]) -> object:
        return True

    async def _setwebhook(self, params: dict[str, Any]) -> object:
        return True

    async def _deletewebhook(self, params: dict[str, Any]) -> object:
        return True

    async def _getupdates(self, params: dict[str, Any]) -> object:
        offset = int(params.get("offset", 0))
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates:
            wait = min(float(params.get("timeout", 0)), MAX_POLL_WAIT)
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._updates)), wait
                    )
        return list(self._updates)


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        return dict(await request.json())
    form = await request.post()
    return {
        key: json.loads(value) if key in JSON_PARAMS and isinstance(value, str) else value
        for key, value in form.items()
    }


def _displayed(text: str, parse_mode: str | None) -> str:
    if parse_mode and parse_mode.upper() == "HTML":
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


def _error(failure: Failure) -> web.Response:
    body: dict[str, Any] = {
        "ok": False,
        "error_code": failure.status,
        "description": failure.description,
    }
    if failure.retry_after is not None:
        body["parameters"] = {"retry_after": failure.retry_after}
    return web.json_response(body, status=failure.status)
