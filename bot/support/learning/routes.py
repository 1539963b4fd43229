"""The console's review queue and teach pages, routes of the admin sub-app (admins only, forms
with the session's CSRF token: bot.support.guard checks both before these run).

Teaching goes in two steps: "check" masks the text, starts the regression guard in the
background (bot.support.learning.guard_jobs) and shows what would be saved; the page asks
"guard" for how many known questions it breaks until the answer is there; "teach" saves what
the admin confirmed (masked once more: a hand-edited text is checked too).
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.storage.database import DATABASE_UNAVAILABLE
from bot.support.guard import redirect, staff_of
from bot.support.language import locale_of
from bot.support.learning import decisions, pages, regression, review, version
from bot.support.learning.decisions import TeachError
from bot.support.learning.guard_jobs import Proposal
from bot.support.learning.masking import mask
from bot.support.learning.models import DRAFT
from bot.support.state import STATE, ConsoleState, number
from bot.support.wording import say
from faq import live
from faq.retrieve import load_entries

ROUTES = web.RouteTableDef()


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html")


@ROUTES.get("/review")
async def queue_page(request: web.Request) -> web.Response:
    state: ConsoleState = request.config_dict[STATE]
    newest = request.query.get("order") == "newest"
    async with state.db.transaction() as session:
        groups = await review.queue(session, state.clock(), newest_first=newest)
    locale = locale_of(request)
    notice = say(locale, "learn-saved") if request.query.get("saved") else ""
    return _html(pages.queue_page(staff_of(request), groups, newest, notice, locale))


@ROUTES.get("/review/{id}")
async def teach_page(request: web.Request) -> web.Response:
    return await _teach_response(request, number(request))


async def _teach_response(
    request: web.Request, group_id: int, notice: str = "", status: int = 200
) -> web.Response:
    state: ConsoleState = request.config_dict[STATE]
    async with state.db.transaction() as session:
        group = await review.group(session, group_id, state.clock())
        if group is None:
            raise web.HTTPNotFound()
        wanted = request.query.get("q", "")
        ids = {w.question_id for w in group.wordings}
        chosen = group.example.question_id
        if wanted.isdigit() and int(wanted) in ids:
            chosen = int(wanted)
        asked = await review.question(session, chosen)
        if asked is None:
            raise web.HTTPNotFound()
        lines = await review.around(session, asked)
    nearest = live.current().nearest(asked.question, 3)
    # Off the event loop: the first masking in a process loads jieba's tagger (a second).
    masked = await asyncio.to_thread(mask, asked.question)
    page = pages.teach_page(
        staff_of(request),
        group,
        chosen,
        masked,
        lines,
        nearest,
        load_entries(),
        notice,
        locale_of(request),
    )
    return _html(page, status)


def _proposed(form: dict[str, str]) -> tuple[str, str | None, str]:
    topic = form.get("topic", "")
    if topic == pages.OTHER:
        topic = form.get("other_topic", "").strip()
    return decisions.checked(form.get("kind", ""), topic or None, form.get("text", ""))


async def _form(request: web.Request) -> dict[str, str]:
    return {key: value for key, value in (await request.post()).items() if isinstance(value, str)}


@ROUTES.post("/review/{id}/check")
async def check(request: web.Request) -> web.Response:
    group_id = number(request)
    try:
        kind, topic, text = await asyncio.to_thread(_proposed, await _form(request))
    except TeachError as error:
        return await _teach_response(request, group_id, error.said(locale_of(request)), 400)
    verdict = None
    if kind != DRAFT:
        verdict = await _verdict(request, Proposal(group_id, kind, topic, text))
    entry = next((e for e in load_entries() if e.id == topic), None)
    page = pages.confirm_page(
        staff_of(request), group_id, kind, entry, text, verdict, locale_of(request)
    )
    return _html(page)


@ROUTES.post("/review/{id}/guard")
async def guard(request: web.Request) -> web.Response:
    """The guard's verdict on the confirmed form's decision: 200 with it, or 202 while the
    check runs."""
    group_id, locale = number(request), locale_of(request)
    form = await _form(request)
    try:
        kind, topic, text = decisions.checked(
            form.get("kind", ""), form.get("topic") or None, form.get("text", "")
        )
    except TeachError as error:
        raise web.HTTPBadRequest(text=error.said(locale)) from None
    if kind == DRAFT:
        raise web.HTTPBadRequest(text=say(locale, "learn-guard-draft"))
    verdict = await _verdict(request, Proposal(group_id, kind, topic, text))
    if verdict is None:
        return _html(pages.guard_pending(locale), 202)
    return _html(pages.guard_verdict(verdict, locale))


async def _verdict(request: web.Request, proposal: Proposal) -> regression.Verdict | None:
    """None while the guard runs; a check that failed on the database is a 503 (the page asks
    again, which starts it again)."""
    state: ConsoleState = request.config_dict[STATE]
    try:
        async with state.db.transaction() as session:
            found = await version.current(session)
        return state.guard_jobs.verdict(proposal, found)
    except DATABASE_UNAVAILABLE:
        raise web.HTTPServiceUnavailable() from None


@ROUTES.post("/review/{id}/teach")
async def teach(request: web.Request) -> web.StreamResponse:
    state: ConsoleState = request.config_dict[STATE]
    group_id = number(request)
    form = await _form(request)
    try:
        async with state.db.transaction() as session:
            if await review.group(session, group_id, state.clock()) is None:
                raise web.HTTPNotFound()
            await decisions.teach(
                session,
                form.get("kind", ""),
                form.get("topic") or None,
                form.get("text", ""),
                staff_of(request).name,
                state.clock(),
                group_id,
            )
    except TeachError as error:
        return await _teach_response(request, group_id, error.said(locale_of(request)), 400)
    return redirect(f"{pages.BASE}/review?saved=1")


@ROUTES.get("/taught")
async def taught_page(request: web.Request) -> web.Response:
    state: ConsoleState = request.config_dict[STATE]
    async with state.db.transaction() as session:
        history = await decisions.history(session)
    locale = locale_of(request)
    notice = say(locale, "learn-undone") if request.query.get("undone") else ""
    return _html(pages.taught_page(staff_of(request), history, notice, locale))


@ROUTES.post("/taught/{id}/undo")
async def undo(request: web.Request) -> web.StreamResponse:
    state: ConsoleState = request.config_dict[STATE]
    decision_id = number(request)
    async with state.db.transaction() as session:
        found = await decisions.undo(session, decision_id, staff_of(request).name, state.clock())
    if not found:
        raise web.HTTPNotFound()
    return redirect(f"{pages.BASE}/taught?undone=1")
