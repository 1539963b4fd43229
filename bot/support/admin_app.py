"""The admin pages, an aiohttp sub-app at /console/admin with its own check (`admins_only`):
figures, staff accounts, canned replies, the questions the bot could not answer, and the review
queue where admins teach the bot (bot.support.learning.routes)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from bot.support import accounts, admin, figures_page, pages, ratings, unanswered
from bot.support.guard import PREFIX, admins_only, redirect, staff_of
from bot.support.language import locale_of
from bot.support.learning import routes as learning
from bot.support.state import STATE, ConsoleState, number
from bot.support.wording import say

ROUTES = web.RouteTableDef()
HOME = f"{PREFIX}/admin"


def build() -> web.Application:
    app = web.Application(middlewares=[admins_only])
    app.add_routes(ROUTES)
    app.add_routes(learning.ROUTES)  # the review queue and teaching (issue 16)
    app.add_routes(figures_page.ROUTES)
    return app


@ROUTES.get("")
async def admin_page(request: web.Request) -> web.Response:
    return await _admin_response(request)


async def _admin_response(
    request: web.Request, notice: str = "", status: int = 200
) -> web.Response:
    state = request.config_dict[STATE]
    figures = await state.desk.figures()
    async with state.db.transaction() as session:
        members = await admin.staff_list(session)
        canned = await admin.canned_replies(session)
        groups = await unanswered.groups(session, state.clock())
        stats = await ratings.topic_stats(session, state.clock())
    locale = locale_of(request)
    topics = figures_page.topics_section(stats, locale)
    page = pages.admin_page(
        staff_of(request), figures, members, canned, groups, notice, topics, locale
    )
    return web.Response(text=page, status=status, content_type="text/html")


@ROUTES.get("/api/figures")
async def figures(request: web.Request) -> web.Response:
    result = await request.config_dict[STATE].desk.figures()
    median = result.median_wait_today
    return web.json_response(
        {
            "waiting_now": result.waiting_now,
            "median_wait_today_seconds": None if median is None else median.total_seconds(),
            "resolved_today": result.resolved_today,
        }
    )


@ROUTES.post("/staff/{id}/enabled")
async def set_enabled(request: web.Request) -> web.StreamResponse:
    state: ConsoleState = request.config_dict[STATE]
    form = await request.post()
    staff_id = number(request)
    if staff_id == staff_of(request).staff_id:
        return await _admin_response(request, say(locale_of(request), "admin-not-yourself"), 409)
    async with state.db.transaction() as session:
        await accounts.set_enabled(session, staff_id, form.get("enabled") == "1")
    return redirect(HOME)


Change = Callable[[AsyncSession], Awaitable[None]]


async def _canned_change(request: web.Request, change: Change) -> web.StreamResponse:
    try:
        async with request.config_dict[STATE].db.transaction() as session:
            await change(session)
    except ValueError:
        return await _admin_response(request, say(locale_of(request), "admin-canned-invalid"), 400)
    return redirect(HOME)


@ROUTES.post("/canned")
async def canned_add(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    title, text = str(form.get("title", "")), str(form.get("text", ""))
    now = request.config_dict[STATE].clock()
    return await _canned_change(
        request, lambda session: admin.add_canned(session, title, text, now)
    )


@ROUTES.post("/canned/{id}")
async def canned_change(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    title, text = str(form.get("title", "")), str(form.get("text", ""))
    now, canned_id = request.config_dict[STATE].clock(), number(request)
    return await _canned_change(
        request, lambda session: admin.change_canned(session, canned_id, title, text, now)
    )


@ROUTES.post("/canned/{id}/delete")
async def canned_remove(request: web.Request) -> web.StreamResponse:
    canned_id = number(request)
    return await _canned_change(request, lambda session: admin.remove_canned(session, canned_id))
