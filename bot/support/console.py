"""The staff console at /console: login, the live queue (WebSocket), conversations, admin.

Everything below /console passes `guard`: no session -> the login page (HTML) or 401 (API,
WebSocket); an agent on an admin route -> 403; a state-changing request without the session's
CSRF token -> 403. The routes never check this themselves.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from bot.background import while_app_runs
from bot.runtime import RUNTIME, Runtime
from bot.support import accounts, admin, pages, unanswered
from bot.support.accounts import LoggedIn, same_token
from bot.support.desk import Desk
from bot.support.login import LoginGate, Outcome, log_in
from bot.support.options import SupportOptions

log = logging.getLogger(__name__)

PREFIX = "/console"
STATIC = Path(__file__).with_name("static")
SESSION_COOKIE = "jifen_console"
LOGIN_COOKIE = "jifen_console_login"
PUSH_INTERVAL = 1.0
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

DESK = web.AppKey("support_desk", Desk)
OPTIONS = web.AppKey("support_options", SupportOptions)
LOGINS = web.AppKey("support_logins", LoginGate)
STAFF = web.RequestKey("support_staff", LoggedIn)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def setup(app: web.Application, runtime: Runtime, options: SupportOptions | None = None) -> None:
    options = options or SupportOptions.from_settings(runtime.settings)
    console = web.Application(middlewares=[guard])
    console[DESK] = Desk(runtime.db, runtime.outbox, runtime.clock)
    console[OPTIONS] = options
    console[LOGINS] = LoginGate()
    console.add_routes(ROUTES)
    console.router.add_static("/static/", STATIC)
    app.add_subapp(PREFIX, console)
    app.router.add_get(PREFIX, _to_console)

    app.cleanup_ctx.append(
        while_app_runs(lambda _app: _release_forever(console[DESK], options.claim_timeout))
    )


async def _to_console(_request: web.Request) -> web.StreamResponse:
    raise _see(f"{PREFIX}/")


async def _release_forever(desk: Desk, timeout: timedelta) -> None:
    interval = max(1.0, min(10.0, timeout.total_seconds() / 4))
    while True:
        try:
            await desk.release_stale(timeout)
        except Exception:
            log.exception("returning stale claims to the queue failed")
        await asyncio.sleep(interval)


# -- the guard ----------------------------------------------------------------------------


def _is_public(path: str) -> bool:
    return path == f"{PREFIX}/login" or path.startswith(f"{PREFIX}/static/")


def _is_api(path: str) -> bool:
    return path.startswith(f"{PREFIX}/api/") or path == f"{PREFIX}/ws"


def _is_admin(path: str) -> bool:
    return path.startswith((f"{PREFIX}/admin", f"{PREFIX}/api/admin/"))


def _see(location: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(location)


def _redirect(location: str) -> web.Response:
    """A 303 to return (not raise), so that it keeps the cookies set on it."""
    return web.Response(status=303, headers={"Location": location})


def _refuse(api: bool, status: int, message: str) -> web.Response:
    if api:
        return web.json_response({"error": message}, status=status)
    return web.Response(
        text=pages.message_page(message, message), status=status, content_type="text/html"
    )


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await _guarded(request, handler)
    if not isinstance(response, web.FileResponse):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
    return response


async def _guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
    path = request.path
    if _is_public(path):
        return await handler(request)
    api = _is_api(path)
    staff = await _logged_in(request)
    if staff is None:
        if api:
            return web.json_response({"error": "not logged in"}, status=401)
        raise _see(f"{PREFIX}/login")
    if _is_admin(path) and not staff.is_admin:
        return _refuse(api, 403, "只有管理员可以这样做")
    if request.method not in SAFE_METHODS and not await _csrf_ok(request, staff):
        return _refuse(api, 403, "请求已过期，请刷新页面再试")
    if path == f"{PREFIX}/ws" and not _same_origin(request):
        return _refuse(api, 403, "cross-origin")
    request[STAFF] = staff
    return await handler(request)


async def _logged_in(request: web.Request) -> LoggedIn | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    runtime = request.config_dict[RUNTIME]
    async with runtime.db.transaction() as session:
        return await accounts.session_of(session, token, runtime.clock())


async def _csrf_ok(request: web.Request, staff: LoggedIn) -> bool:
    given = request.headers.get("X-CSRF-Token")
    if given is None and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        value = (await request.post()).get("csrf")
        given = value if isinstance(value, str) else None
    return same_token(given, staff.csrf_token)


def _same_origin(request: web.Request) -> bool:
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def _staff(request: web.Request) -> LoggedIn:
    return request[STAFF]


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html")


def _secure(request: web.Request) -> bool:
    return request.secure or request.app[OPTIONS].secure_cookies


def _number(request: web.Request, name: str = "id") -> int:
    try:
        return int(request.match_info[name])
    except ValueError as error:
        raise web.HTTPNotFound() from error


# -- login and logout ---------------------------------------------------------------------

ROUTES = web.RouteTableDef()


@ROUTES.get("/login")
async def login_form(request: web.Request) -> web.StreamResponse:
    if await _logged_in(request) is not None:
        raise _see(f"{PREFIX}/")
    return _login_response(request, "", "", 200)


def _login_response(request: web.Request, message: str, name: str, status: int) -> web.Response:
    """The login form with a fresh token that the POST must echo (login CSRF)."""
    token = secrets.token_urlsafe(32)
    response = _html(pages.login_page(token, message, name), status)
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
    runtime = request.config_dict[RUNTIME]
    options = request.app[OPTIONS]
    form = await request.post()
    name, password = str(form.get("name", "")).strip()[:64], str(form.get("password", ""))
    expected = request.cookies.get(LOGIN_COOKIE)
    if not expected or not same_token(str(form.get("csrf", "")), expected):
        return _login_response(request, "登录页已过期，请再试一次。", name, 403)
    attempt = await log_in(
        runtime.db,
        request.app[LOGINS],
        options.login_limits,
        (name, password, request.remote or "unknown"),
        runtime.clock(),
        options.session_lifetime,
    )
    if attempt.outcome is Outcome.REFUSED:
        minutes = int(options.login_limits.window.total_seconds() // 60)
        return _login_response(request, f"尝试次数太多，请 {minutes} 分钟后再试。", name, 429)
    if attempt.outcome is Outcome.BUSY:
        return _login_response(request, "登录的人太多，请稍后再试。", name, 429)
    if attempt.token is None:
        return _login_response(request, "用户名或密码不对。", name, 401)
    token = attempt.token
    response = _redirect(f"{PREFIX}/")
    response.set_cookie(
        SESSION_COOKIE,
        token,
        path=PREFIX,
        max_age=int(options.session_lifetime.total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=_secure(request),
    )
    response.del_cookie(LOGIN_COOKIE, path=f"{PREFIX}/login")
    return response


@ROUTES.post("/logout")
async def logout(request: web.Request) -> web.StreamResponse:
    runtime = request.config_dict[RUNTIME]
    async with runtime.db.transaction() as session:
        await accounts.close_session(session, request.cookies[SESSION_COOKIE])
    response = _redirect(f"{PREFIX}/login")
    response.del_cookie(SESSION_COOKIE, path=PREFIX)
    return response


# -- the queue ----------------------------------------------------------------------------


@ROUTES.get("/")
async def queue_page(request: web.Request) -> web.Response:
    return _html(pages.queue_page(_staff(request)))


async def _snapshot(desk: Desk, staff: LoggedIn) -> dict[str, Any]:
    return {
        "queue": [entry.to_json() for entry in await desk.queue()],
        "mine": await desk.mine(staff.staff_id),
    }


@ROUTES.get("/ws")
async def queue_socket(request: web.Request) -> web.WebSocketResponse:
    """Pushes the queue whenever it changes; polls the database, so that a change made by
    any process (or on SQLite) shows up within about a second."""
    desk, staff = request.app[DESK], _staff(request)
    ws = web.WebSocketResponse(heartbeat=30)
    await ws.prepare(request)
    pusher = asyncio.create_task(_push(request, ws, desk, staff))
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
    while not ws.closed:
        if await _logged_in(request) is None:  # logged out or disabled meanwhile
            await ws.close(code=4001, message=b"session ended")
            return
        snapshot = await _snapshot(desk, staff)
        if snapshot != last:
            await ws.send_str(json.dumps({**snapshot, "now": desk.clock().timestamp()}))
            last = snapshot
        await asyncio.sleep(PUSH_INTERVAL)


@ROUTES.post("/api/handoffs/{id}/claim")
async def claim(request: web.Request) -> web.Response:
    staff = _staff(request)
    handoff_id = _number(request)
    if await request.app[DESK].claim(handoff_id, staff.staff_id, staff.name):
        return web.json_response(
            {"claimed": handoff_id, "url": f"{PREFIX}/conversations/{handoff_id}"}
        )
    return web.json_response({"error": "taken"}, status=409)


@ROUTES.get("/api/handoffs/{id}/lines")
async def case_lines(request: web.Request) -> web.Response:
    try:
        after = int(request.query.get("after", "0"))
    except ValueError:
        after = 0
    case = await request.app[DESK].case(_number(request), after)
    if case is None:
        return web.json_response({"error": "no such conversation"}, status=404)
    return web.json_response(
        {
            "status": case.status,
            "agent_id": case.agent_id,
            "lines": [{**line.to_json(), "time": pages.local_time(line.at)} for line in case.lines],
        }
    )


# -- one conversation ---------------------------------------------------------------------


async def _case_response(request: web.Request, notice: str = "", status: int = 200) -> web.Response:
    runtime = request.config_dict[RUNTIME]
    case = await request.app[DESK].case(_number(request))
    if case is None:
        raise web.HTTPNotFound()
    async with runtime.db.transaction() as session:
        canned = await admin.canned_replies(session)
        members = await admin.staff_list(session)
    return _html(pages.case_page(_staff(request), case, canned, members, notice), status)


@ROUTES.get("/conversations/{id}")
async def case_page(request: web.Request) -> web.Response:
    return await _case_response(request)


@ROUTES.post("/conversations/{id}/reply")
async def reply(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    handoff_id = _number(request)
    sent = await request.app[DESK].reply(
        handoff_id, _staff(request).staff_id, str(form.get("text", ""))
    )
    if not sent:
        return await _case_response(request, "没有发出：这个会话不在你手上，或回复是空的。", 409)
    return _redirect(f"{PREFIX}/conversations/{handoff_id}")


@ROUTES.post("/conversations/{id}/transfer")
async def transfer(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    try:
        to = int(str(form.get("to", "")))
    except ValueError:
        to = 0
    if not await request.app[DESK].transfer(_number(request), _staff(request).staff_id, to):
        return await _case_response(request, "没有转接：请选一位启用的同事。", 409)
    return _redirect(f"{PREFIX}/")


@ROUTES.post("/conversations/{id}/resolve")
async def resolve(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    note = str(form.get("note", ""))
    if not await request.app[DESK].resolve(_number(request), _staff(request).staff_id, note):
        return await _case_response(request, "这个会话不在你手上。", 409)
    return _redirect(f"{PREFIX}/")


# -- admin --------------------------------------------------------------------------------


@ROUTES.get("/admin")
async def admin_page(request: web.Request) -> web.Response:
    return await _admin_response(request)


async def _admin_response(
    request: web.Request, notice: str = "", status: int = 200
) -> web.Response:
    runtime = request.config_dict[RUNTIME]
    desk = request.app[DESK]
    figures = await desk.figures()
    async with runtime.db.transaction() as session:
        members = await admin.staff_list(session)
        canned = await admin.canned_replies(session)
        groups = await unanswered.groups(session, runtime.clock())
    page = pages.admin_page(_staff(request), figures, members, canned, groups, notice)
    return _html(page, status)


@ROUTES.get("/api/admin/figures")
async def figures(request: web.Request) -> web.Response:
    result = await request.app[DESK].figures()
    median = result.median_wait_today
    return web.json_response(
        {
            "waiting_now": result.waiting_now,
            "median_wait_today_seconds": None if median is None else median.total_seconds(),
            "resolved_today": result.resolved_today,
        }
    )


@ROUTES.post("/admin/staff/{id}/enabled")
async def set_enabled(request: web.Request) -> web.StreamResponse:
    runtime = request.config_dict[RUNTIME]
    form = await request.post()
    staff_id = _number(request)
    if staff_id == _staff(request).staff_id:
        return await _admin_response(request, "不能停用自己的账号。", 409)
    async with runtime.db.transaction() as session:
        await accounts.set_enabled(session, staff_id, form.get("enabled") == "1")
    return _redirect(f"{PREFIX}/admin")


async def _canned_change(
    request: web.Request, change: Callable[[Any], Awaitable[None]]
) -> web.StreamResponse:
    runtime = request.config_dict[RUNTIME]
    try:
        async with runtime.db.transaction() as session:
            await change(session)
    except ValueError as error:
        return await _admin_response(request, str(error), 400)
    return _redirect(f"{PREFIX}/admin")


@ROUTES.post("/admin/canned")
async def canned_add(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    now = request.config_dict[RUNTIME].clock()
    return await _canned_change(
        request,
        lambda session: admin.add_canned(
            session, str(form.get("title", "")), str(form.get("text", "")), now
        ),
    )


@ROUTES.post("/admin/canned/{id}")
async def canned_change(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    now = request.config_dict[RUNTIME].clock()
    canned_id = _number(request)
    return await _canned_change(
        request,
        lambda session: admin.change_canned(
            session, canned_id, str(form.get("title", "")), str(form.get("text", "")), now
        ),
    )


@ROUTES.post("/admin/canned/{id}/delete")
async def canned_remove(request: web.Request) -> web.StreamResponse:
    canned_id = _number(request)
    return await _canned_change(request, lambda session: admin.remove_canned(session, canned_id))
