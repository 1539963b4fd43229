"""The console's gate: every request below /console passes `guard`, the admin sub-app's requests
pass `admins_only` too. The routes never check this themselves.

- no session: a page goes to the login page, an API or the WebSocket gets 401;
- a state-changing request without the session's own CSRF token: 403;
- the WebSocket from another origin: 403;
- an agent in the admin sub-app: 403.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

from bot.runtime import RUNTIME
from bot.support import accounts, pages
from bot.support.accounts import LoggedIn, same_token
from bot.support.language import locale_of
from bot.support.wording import say

PREFIX = "/console"
SESSION_COOKIE = "jifen_console"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "media-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
        "base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
STAFF = web.RequestKey("support_staff", LoggedIn)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def redirect(location: str) -> web.Response:
    """A 303, returned (not raised) so that it keeps the cookies set on it."""
    return web.Response(status=303, headers={"Location": location})


def staff_of(request: web.Request) -> LoggedIn:
    return request[STAFF]


async def logged_in(request: web.Request) -> LoggedIn | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    runtime = request.config_dict[RUNTIME]
    async with runtime.db.transaction() as session:
        return await accounts.session_of(session, token, runtime.clock())


def _is_public(path: str) -> bool:
    return path == f"{PREFIX}/login" or path.startswith(f"{PREFIX}/static/")


def _is_api(path: str) -> bool:
    return "/api/" in path or path == f"{PREFIX}/ws"


def refuse(request: web.Request, status: int, message: str) -> web.Response:
    """`message` is a console text's key (`console-<message>`), said in the agent's language."""
    if _is_api(request.path):
        return web.json_response({"error": message}, status=status)
    locale = locale_of(request)
    words = say(locale, message)
    page = pages.message_page(words, words, locale=locale)
    return web.Response(text=page, status=status, content_type="text/html")


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await _guarded(request, handler)
    if not isinstance(response, web.FileResponse):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
    return response


async def _guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
    if _is_public(request.path):
        return await handler(request)
    staff = await logged_in(request)
    if staff is None:
        if _is_api(request.path):
            return web.json_response({"error": "not logged in"}, status=401)
        return redirect(f"{PREFIX}/login")
    if request.method not in SAFE_METHODS and not await _csrf_ok(request, staff):
        return refuse(request, 403, "expired-request")
    if request.path == f"{PREFIX}/ws" and not _same_origin(request):
        return refuse(request, 403, "cross-origin")
    request[STAFF] = staff
    return await handler(request)


@web.middleware
async def admins_only(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The admin sub-app's own check; runs after `guard`, so the staff member is known."""
    if not staff_of(request).is_admin:
        return refuse(request, 403, "admins-only")
    return await handler(request)


async def _csrf_ok(request: web.Request, staff: LoggedIn) -> bool:
    """The token of this very session, in a header (scripts) or a form field (forms)."""
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
