"""The web chat: a page at / and its JSON API at /api/chat (contract in ARCHITECTURE.md).

A visitor is whoever holds the random key the page keeps in localStorage; the key is the
only credential, so the page makes it long (128 bits) and the API refuses short ones. The
page's GETs carry it in a header (`X-Jifen-User`), never in a URL that logs and Referers keep.
The web channel has no sender: replies made outside a request (an agent's answer, a
reminder) wait in the outbox until the page asks for them at /api/chat/updates.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.channels.web.guard import API_HEADERS, TokenBucket, limited, page_headers
from bot.channels.web.history import conversation_locale, history_lines
from bot.runtime import RUNTIME, Runtime
from bot.service import Handled
from bot.storage.conversations import find_user
from bot.storage.database import DATABASE_UNAVAILABLE
from dialogs.locales import text
from dialogs.types import Inbound, Reply

STATIC = Path(__file__).with_name("static")
MAX_TEXT = 4000
USER_KEY = re.compile(r"^[A-Za-z0-9_-]{22,64}$")  # 22 URL-safe characters: 132 bits
USER_HEADER = "X-Jifen-User"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON can say "\ud800"; no text can hold it
# A message id is the page's own, so unique only per visitor: it is stored as
# "<user>:<message id>" (at most 128 characters, the dedupe key's width).
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,63}$")
HISTORY_LINES = 30

log = logging.getLogger(__name__)


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status

    def body(self, locale: str) -> dict[str, str]:
        """The error for the program, and for a too-long text a sentence the page shows."""
        if self.status == 413:
            return {"error": str(self), "message": text(locale, "message-too-long", limit=MAX_TEXT)}
        return {"error": str(self)}


def setup(app: web.Application, runtime: Runtime) -> None:
    settings = runtime.settings
    messages = TokenBucket(settings.web_rate_per_second, settings.web_rate_burst)
    polls = TokenBucket(settings.web_poll_rate_per_second, settings.web_poll_rate_burst)
    headers = page_headers(settings.web_frame_ancestors)

    async def page(_request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html", headers={**headers, **NO_CACHE})

    app.router.add_get("/", page)
    for name in ("chat.js", "chat.css"):
        app.router.add_get(f"/{name}", _static(name))
    app.router.add_post("/api/chat", limited(messages, chat))
    app.router.add_get("/api/chat/updates", limited(polls, updates))
    app.router.add_get("/api/chat/history", limited(polls, history))


NO_CACHE = {"Cache-Control": "no-cache"}


def _static(name: str) -> Callable[[web.Request], Awaitable[web.FileResponse]]:
    async def serve(_request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / name, headers={**API_HEADERS, **NO_CACHE})

    return serve


def _json(body: Any, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, headers=API_HEADERS)


async def chat(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    try:
        if request.content_type != "application/json":  # a cross-site form or text/plain POST
            raise BadRequest("Content-Type: application/json", 415)
        body = await _json_body(request)
        locale = preferred_locale(request.headers.get("Accept-Language", ""))
        inbound = inbound_from_body(body, runtime, locale)
    except BadRequest as error:
        return _json(error.body(runtime.settings.default_locale), status=error.status)
    try:
        handled = await runtime.service.handle(inbound)
        replies = await _replies(runtime, handled)
        async with runtime.db.transaction() as session:  # the page's labels follow the dialog's
            locale = await conversation_locale(session, handled.user_id)
    except DATABASE_UNAVAILABLE:
        log.exception("database unavailable for a web message")
        locale = runtime.settings.default_locale
        return _json(
            {"error": "database unavailable", "message": text(locale, "service-unavailable")},
            status=503,
        )
    return _json({"replies": [r.to_json() for r in replies], "locale": locale})


async def updates(request: web.Request) -> web.Response:
    """Replies that arrived since the last request (staff answers, reminders)."""
    runtime = request.app[RUNTIME]
    user_id = await _known_user(request)
    replies = await runtime.outbox.take_for(user_id) if user_id is not None else []
    return _json({"replies": [r.to_json() for r in replies]})


async def history(request: web.Request) -> web.Response:
    """The last lines of the visitor's conversation, to redraw the page on a return visit."""
    runtime = request.app[RUNTIME]
    user_id = await _known_user(request)
    if user_id is None:
        return _json({"lines": []})
    async with runtime.db.transaction() as session:
        lines = await history_lines(session, user_id, HISTORY_LINES)
        locale = await conversation_locale(session, user_id)
    return _json({"lines": lines, "locale": locale})


async def _known_user(request: web.Request) -> int | None:
    user = request.headers.get(USER_HEADER, "")
    if not USER_KEY.match(user):
        raise web.HTTPBadRequest(
            text=f'{{"error": "{USER_HEADER}: 22-64 letters, digits, - or _"}}',
            content_type="application/json",
            headers=API_HEADERS,
        )
    async with request.app[RUNTIME].db.transaction() as session:
        known = await find_user(session, "web", user)
    return known.id if known is not None else None


async def _json_body(request: web.Request) -> Any:
    try:
        return await request.json()
    except (ValueError, RecursionError) as error:  # RecursionError: "[[[[…" nested too deep
        raise BadRequest("body: a JSON object") from error
    except web.HTTPRequestEntityTooLarge as error:
        raise BadRequest("body: too large", 413) from error


def inbound_from_body(body: Any, runtime: Runtime, locale_hint: str | None = None) -> Inbound:
    if not isinstance(body, dict):
        raise BadRequest("body: a JSON object with user and text or choice")
    unknown = set(body) - {"user", "text", "choice", "message_id"}
    if unknown:
        raise BadRequest(f"{sorted(unknown)[0]}: unknown field")
    user, text, choice = body.get("user"), body.get("text"), body.get("choice")
    if not isinstance(user, str) or not USER_KEY.match(user):
        raise BadRequest("user: a string of 22-64 letters, digits, - or _")
    if (text is None) == (choice is None):
        raise BadRequest("text or choice: exactly one of them")
    if text is not None and not isinstance(text, str):
        raise BadRequest("text: a string")
    if choice is not None and (not isinstance(choice, str) or len(choice) > 64):
        raise BadRequest("choice: a string of at most 64 characters")
    if isinstance(text, str) and len(text) > MAX_TEXT:
        raise BadRequest(f"text: at most {MAX_TEXT} characters", 413)
    message_id = body.get("message_id") or uuid.uuid4().hex
    if not isinstance(message_id, str) or not MESSAGE_ID.match(message_id):
        raise BadRequest("message_id: 1-63 letters, digits, - or _")
    return Inbound(
        channel="web",
        user=user,
        message_id=f"{user}:{message_id}",
        at=runtime.clock(),
        text=text and LONE_SURROGATE.sub("\ufffd", text),
        choice=choice and LONE_SURROGATE.sub("\ufffd", choice),
        locale_hint=locale_hint,
    )


def preferred_locale(accept_language: str) -> str | None:
    """The browser's first choice among the bot's languages ("en-US,en;q=0.9" -> "en"); for a
    new visitor only: a conversation keeps the language it has."""
    ranked = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, weight = part.strip().partition(";q=")
        try:
            quality = float(weight) if weight else 1.0
        except ValueError:
            continue
        language = tag.strip().lower().split("-")[0]
        if language in ("zh", "en") and quality > 0:
            ranked.append((-quality, position, "zh-CN" if language == "zh" else "en"))
    return min(ranked)[2] if ranked else None


async def _replies(runtime: Runtime, handled: Handled) -> list[Reply]:
    """The step's replies, taken from the outbox. A resent message gets its first replies
    again, and they are taken too: had its first request died after the commit (kill -9),
    they would otherwise still wait and come again with the next message."""
    if handled.duplicate:
        await runtime.outbox.mark_sent(handled.outbox_ids)
        return list(handled.replies)
    return await runtime.outbox.take_for(handled.user_id)
