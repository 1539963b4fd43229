"""The console's language, the dialog's mechanism (`dialogs.locales`): the one the agent chose
(`?lang=en` on any console page, kept in a cookie), else the browser's Accept-Language, else
Chinese. Choosing a language changes nothing but the words, so a plain link may do it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.channels.web import preferred_locale
from dialogs.locales import LOCALES

COOKIE = "jifen_console_locale"
COOKIE_PATH = "/console"  # guard.PREFIX (the guard imports this module)
LOCALE = web.RequestKey("console_locale", str)
YEAR = 365 * 24 * 3600


def chosen(request: web.Request) -> str:
    for candidate in (request.query.get("lang"), request.cookies.get(COOKIE)):
        if candidate in LOCALES:
            return str(candidate)
    return preferred_locale(request.headers.get("Accept-Language", "")) or LOCALES[0]


def locale_of(request: web.Request) -> str:
    return request.get(LOCALE) or chosen(request)


@web.middleware
async def language(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    request[LOCALE] = chosen(request)
    response = await handler(request)
    picked = request.query.get("lang")
    if picked in LOCALES and picked != request.cookies.get(COOKIE):
        response.set_cookie(COOKIE, str(picked), path=COOKIE_PATH, max_age=YEAR, samesite="Lax")
    return response
