"""The web chat: a page at / and its JSON API at /api/chat (contract in ARCHITECTURE.md).

A visitor is whoever holds the random key the page keeps in localStorage; the key is the
only credential, so the page makes it long (128 bits) and the API refuses short ones.
The web channel has no sender: replies made outside a request (an agent's answer, a
reminder) wait in the outbox until the page asks for them at /api/chat/updates.
"""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.runtime import RUNTIME, Runtime
from bot.service import Handled
from bot.storage.conversations import find_user, recent_transcript
from bot.storage.database import DATABASE_UNAVAILABLE
from dialogs.locales import text
from dialogs.types import Inbound, Reply

STATIC = Path(__file__).with_name("static")
MAX_TEXT = 4000
USER_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
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
    app.router.add_get("/", page)
    app.router.add_post("/api/chat", chat)
    app.router.add_get("/api/chat/updates", updates)
    app.router.add_get("/api/chat/history", history)


async def page(_request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


async def chat(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    try:
        inbound = inbound_from_body(await _json_body(request), runtime)
    except BadRequest as error:
        return web.json_response(error.body(runtime.settings.default_locale), status=error.status)
    try:
        handled = await runtime.service.handle(inbound)
        replies = await _replies(runtime, handled)
    except DATABASE_UNAVAILABLE:
        log.exception("database unavailable for a web message")
        locale = runtime.settings.default_locale
        return web.json_response(
            {"error": "database unavailable", "message": text(locale, "service-unavailable")},
            status=503,
        )
    return web.json_response({"replies": [r.to_json() for r in replies]})


async def updates(request: web.Request) -> web.Response:
    """Replies that arrived since the last request (staff answers, reminders)."""
    runtime = request.app[RUNTIME]
    user_id = await _known_user(request)
    replies = await runtime.outbox.take_for(user_id) if user_id is not None else []
    return web.json_response({"replies": [r.to_json() for r in replies]})


async def history(request: web.Request) -> web.Response:
    """The last lines of the visitor's conversation, to redraw the page on a return visit."""
    runtime = request.app[RUNTIME]
    user_id = await _known_user(request)
    if user_id is None:
        return web.json_response({"lines": []})
    async with runtime.db.transaction() as session:
        lines = await recent_transcript(session, user_id, HISTORY_LINES)
    return web.json_response({"lines": [{"author": a, "text": t} for a, t in lines]})


async def _known_user(request: web.Request) -> int | None:
    user = request.query.get("user", "")
    if not USER_KEY.match(user):
        raise web.HTTPBadRequest(
            text='{"error": "user: 8-64 letters, digits, - or _"}', content_type="application/json"
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


def inbound_from_body(body: Any, runtime: Runtime) -> Inbound:
    if not isinstance(body, dict):
        raise BadRequest("body: a JSON object with user and text or choice")
    unknown = set(body) - {"user", "text", "choice", "message_id"}
    if unknown:
        raise BadRequest(f"{sorted(unknown)[0]}: unknown field")
    user, text, choice = body.get("user"), body.get("text"), body.get("choice")
    if not isinstance(user, str) or not USER_KEY.match(user):
        raise BadRequest("user: a string of 8-64 letters, digits, - or _")
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
        text=text,
        choice=choice,
    )


async def _replies(runtime: Runtime, handled: Handled) -> list[Reply]:
    if handled.duplicate:
        return list(handled.replies)
    return await runtime.outbox.take_for(handled.user_id)
