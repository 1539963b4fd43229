"""The staff console at /console: login, the live queue (WebSocket), conversations; the admin
pages are a sub-app (`bot.support.admin_app`). `bot.support.guard` checks every request."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import weakref
from collections.abc import Awaitable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from bot.background import while_app_runs
from bot.clock import SHANGHAI
from bot.runtime import Runtime
from bot.support import accounts, admin, admin_app, pages
from bot.support.accounts import LoggedIn, same_token
from bot.support.desk import Desk
from bot.support.guard import PREFIX, SESSION_COOKIE, guard, logged_in, redirect, staff_of
from bot.support.inbox_page import inbox_page
from bot.support.invisible import visible
from bot.support.language import language, locale_of
from bot.support.login import Outcome, log_in
from bot.support.models import LIVE, WAITING
from bot.support.options import SupportOptions
from bot.support.state import STATE, ConsoleState, number
from bot.support.wording import note_words, say, status_words

log = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")
LOGIN_COOKIE = "jifen_console_login"
PUSH_INTERVAL = 1.0

ROUTES = web.RouteTableDef()
# The open queue sockets: closed when the server shuts down, which otherwise waits for each
# (up to its shutdown timeout) since a socket's handler returns only when the socket closes.
SOCKETS: web.AppKey[weakref.WeakSet[web.WebSocketResponse]] = web.AppKey("console_sockets")


def setup(app: web.Application, runtime: Runtime, options: SupportOptions | None = None) -> None:
    state = ConsoleState.of(runtime, options or SupportOptions.from_settings(runtime.settings))
    console = web.Application(middlewares=[language, guard])
    console[STATE] = state
    console[SOCKETS] = weakref.WeakSet()
    console.on_shutdown.append(_close_sockets)
    console.on_cleanup.append(lambda _console: state.guard_jobs.close())
    console.add_routes(ROUTES)
    console.router.add_static("/static/", STATIC)
    console.add_subapp("/admin", admin_app.build())
    app.add_subapp(PREFIX, console)
    app.router.add_get(PREFIX, _to_console)
    app.cleanup_ctx.append(
        while_app_runs(lambda _app: _release_forever(state.desk, state.options.claim_timeout))
    )


async def _to_console(_request: web.Request) -> web.StreamResponse:
    return redirect(f"{PREFIX}/")


async def _close_sockets(console: web.Application) -> None:
    sockets = console[SOCKETS]
    for ws in tuple(sockets):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")


async def _release_forever(desk: Desk, timeout: timedelta) -> None:
    interval = max(1.0, min(10.0, timeout.total_seconds() / 4))
    while True:
        try:
            await desk.release_stale(timeout)
        except Exception:
            log.exception("returning stale claims to the queue failed")
        await asyncio.sleep(interval)


def _state(request: web.Request) -> ConsoleState:
    return request.config_dict[STATE]


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html")


def _secure(request: web.Request) -> bool:
    return request.secure or _state(request).options.secure_cookies


def _bounded_int(value: object, default: int = 0) -> int:
    """A number from a query or a form; junk and numbers beyond a BIGINT give `default`."""
    text = str(value or "")
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return default
    return int(text)


# -- login and logout ---------------------------------------------------------------------


@ROUTES.get("/login")
async def login_form(request: web.Request) -> web.StreamResponse:
    if await logged_in(request) is not None:
        return redirect(f"{PREFIX}/")
    return _login_response(request, "", "", 200)


def _login_response(request: web.Request, message: str, name: str, status: int) -> web.Response:
    """The login form with a fresh token that the POST must echo (login CSRF)."""
    token = secrets.token_urlsafe(32)
    response = _html(pages.login_page(token, message, name, locale_of(request)), status)
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        path=f"{PREFIX}/login",
        httponly=True,
        samesite="Strict",
        secure=_secure(request),
    )
    return response


@ROUTES.post("/login")
async def login(request: web.Request) -> web.StreamResponse:
    state = _state(request)
    limits, lifetime = state.options.login_limits, state.options.session_lifetime
    form = await request.post()
    name, password = str(form.get("name", "")).strip()[:64], str(form.get("password", ""))
    locale = locale_of(request)
    expected = request.cookies.get(LOGIN_COOKIE)
    if not expected or not same_token(str(form.get("csrf", "")), expected):
        return _login_response(request, say(locale, "login-expired"), name, 403)
    login = (name, password, request.remote or "unknown")
    attempt = await log_in(state.db, state.logins, limits, login, state.clock(), lifetime)
    if attempt.outcome is Outcome.REFUSED:
        minutes = int(limits.window.total_seconds() // 60)
        return _login_response(request, say(locale, "login-refused", minutes=minutes), name, 429)
    if attempt.outcome is Outcome.BUSY:
        return _login_response(request, say(locale, "login-busy"), name, 429)
    if attempt.token is None:
        return _login_response(request, say(locale, "login-wrong"), name, 401)
    response = redirect(f"{PREFIX}/")
    response.set_cookie(
        SESSION_COOKIE,
        attempt.token,
        path=PREFIX,
        max_age=int(lifetime.total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=_secure(request),
    )
    response.del_cookie(LOGIN_COOKIE, path=f"{PREFIX}/login")
    return response


@ROUTES.post("/logout")
async def logout(request: web.Request) -> web.StreamResponse:
    async with _state(request).db.transaction() as session:
        await accounts.close_session(session, request.cookies[SESSION_COOKIE])
    response = redirect(f"{PREFIX}/login")
    response.del_cookie(SESSION_COOKIE, path=PREFIX)
    return response


# -- the inbox --------------------------------------------------------------------------


def _today(request: web.Request) -> date:
    return _state(request).clock().astimezone(SHANGHAI).date()


@ROUTES.get("/")
async def queue_page(request: web.Request) -> web.Response:
    return _html(inbox_page(staff_of(request), locale_of(request), _today(request)))


async def _snapshot(desk: Desk, staff: LoggedIn, locale: str) -> dict[str, Any]:
    """The three lists: waiting, held by this agent, held by colleagues."""
    entries = await desk.open_entries()
    held = [e for e in entries if e.status == LIVE]
    return {
        "queue": [e.to_json(locale) for e in entries if e.status == WAITING],
        "mine": [e.to_json(locale) for e in held if e.agent_id == staff.staff_id],
        "others": [e.to_json(locale) for e in held if e.agent_id != staff.staff_id],
    }


@ROUTES.get("/ws")
async def queue_socket(request: web.Request) -> web.WebSocketResponse:
    """Pushes the lists whenever they change; polls the database, so that a change made by
    any process (or on SQLite) shows up within about a second."""
    ws = web.WebSocketResponse(heartbeat=30)
    await ws.prepare(request)
    request.app[SOCKETS].add(ws)
    pusher = asyncio.create_task(_push(request, ws, _state(request).desk, staff_of(request)))
    try:
        async for message in ws:
            if message.type == WSMsgType.ERROR:
                break
    finally:
        pusher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pusher
    return ws


async def _push(
    request: web.Request, ws: web.WebSocketResponse, desk: Desk, staff: LoggedIn
) -> None:
    last: dict[str, Any] | None = None
    locale = locale_of(request)
    while not ws.closed:
        if await logged_in(request) is None:  # logged out or disabled meanwhile
            await ws.close(code=4001, message=b"session ended")
            return
        snapshot = await _snapshot(desk, staff, locale)
        if snapshot != last:
            await ws.send_str(json.dumps({**snapshot, "now": desk.clock().timestamp()}))
            last = snapshot
        await asyncio.sleep(PUSH_INTERVAL)


@ROUTES.post("/api/handoffs/{id}/claim")
async def claim(request: web.Request) -> web.Response:
    staff = staff_of(request)
    handoff_id = number(request)
    if await _state(request).desk.claim(handoff_id, staff.staff_id, staff.name):
        return web.json_response(
            {"claimed": handoff_id, "url": f"{PREFIX}/conversations/{handoff_id}"}
        )
    return web.json_response({"error": "taken"}, status=409)


@ROUTES.get("/api/handoffs/{id}/lines")
async def case_lines(request: web.Request) -> web.Response:
    after = _bounded_int(request.query.get("after"))
    case = await _state(request).desk.case(number(request), after)
    if case is None:
        return web.json_response({"error": "no such conversation"}, status=404)
    locale = locale_of(request)
    return web.json_response(
        {
            "status": case.status,
            "status_words": status_words(case.status, locale),
            "agent_id": case.agent_id,
            "lines": [
                {
                    "id": line.id,
                    "author": line.author,
                    "text": visible(
                        note_words(line.text, locale) if line.author == "system" else line.text
                    ),
                    "at": line.at.isoformat(),
                    "time": pages.local_time(line.at),
                }
                for line in case.lines
            ],
        }
    )


# -- one conversation ---------------------------------------------------------------------


async def _case_response(request: web.Request, notice: str = "", status: int = 200) -> web.Response:
    state = _state(request)
    case = await state.desk.case(number(request))
    if case is None:
        raise web.HTTPNotFound()
    async with state.db.transaction() as session:
        canned = await admin.canned_replies(session)
        members = await admin.staff_list(session)
    page = inbox_page(
        staff_of(request), locale_of(request), _today(request), case, canned, members, notice
    )
    return _html(page, status)


@ROUTES.get("/conversations/{id}")
async def case_page(request: web.Request) -> web.Response:
    return await _case_response(request)


def _refused(request: web.Request, key: str) -> Awaitable[web.Response]:
    return _case_response(request, say(locale_of(request), key), 409)


@ROUTES.post("/conversations/{id}/reply")
async def reply(request: web.Request) -> web.StreamResponse:
    """From the page's script (`X-Requested-With: fetch`) a JSON answer, so that the agent
    stays where they are; from a plain form post, the page again."""
    form = await request.post()
    handoff_id = number(request)
    sent = await _state(request).desk.reply(
        handoff_id, staff_of(request).staff_id, str(form.get("text", ""))
    )
    if request.headers.get("X-Requested-With") == "fetch":
        if sent:
            return web.json_response({"sent": True})
        return web.json_response({"error": say(locale_of(request), "not-sent")}, status=409)
    if not sent:
        return await _refused(request, "not-sent")
    return redirect(f"{PREFIX}/conversations/{handoff_id}")


@ROUTES.post("/conversations/{id}/transfer")
async def transfer(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    to = _bounded_int(form.get("to"))
    if not await _state(request).desk.transfer(number(request), staff_of(request).staff_id, to):
        return await _refused(request, "not-transferred")
    return redirect(f"{PREFIX}/")


@ROUTES.post("/conversations/{id}/resolve")
async def resolve(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    note = str(form.get("note", ""))
    if not await _state(request).desk.resolve(number(request), staff_of(request).staff_id, note):
        return await _refused(request, "not-yours")
    return redirect(f"{PREFIX}/")
