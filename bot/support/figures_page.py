"""The admin's figures page (/console/admin/figures: the weeks as a table and a chart) and the
per-topic section of the admin page (answer rate, 👍 share, the commonest 👎 questions)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from aiohttp import web

from bot.support import figures, ratings
from bot.support.chart import weekly_chart
from bot.support.guard import staff_of
from bot.support.language import locale_of
from bot.support.pages import esc, layout, shown
from bot.support.state import STATE
from bot.support.wording import say
from faq.retrieve import load_entries

ROUTES = web.RouteTableDef()


@ROUTES.get("/figures")
async def figures_page(request: web.Request) -> web.Response:
    state = request.config_dict[STATE]
    async with state.db.transaction() as session:
        weeks = await figures.weekly(session, state.clock())
    locale = locale_of(request)
    body = weeks_body(weeks, locale)
    page = layout(say(locale, "figures-title"), body, staff_of(request), locale=locale)
    return web.Response(text=page, content_type="text/html")


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _heads(keys: Sequence[str], locale: str) -> str:
    return "".join(f"<th>{esc(say(locale, key))}</th>" for key in keys)


WEEK_HEADS = (
    "figures-week",
    "figures-asked",
    "figures-answered",
    "figures-suggested",
    "figures-refused",
    "figures-handed-off",
    "figures-up-share",
    "figures-ratings",
    "figures-taught",
)
TOPIC_HEADS = (
    "topics-topic",
    "figures-answered",
    "topics-answer-rate",
    "figures-up-share",
    "topics-up-down",
    "topics-down-questions",
)


def weeks_body(weeks: Sequence[figures.Week], locale: str = "zh-CN") -> str:
    rows = "".join(
        f"<tr><td>{w.monday:%Y-%m-%d}</td><td>{w.asked}</td><td>{w.answered}</td>"
        f"<td>{w.suggested}</td><td>{w.refused}</td><td>{w.handed_off}</td>"
        f"<td>{esc(_share(w.up_share))}</td><td>{w.up + w.down}</td><td>{w.taught}</td></tr>"
        for w in reversed(weeks)
    )
    return (
        f'<p><a href="/console/admin">{esc(say(locale, "figures-back"))}</a></p>'
        f'<figure class="chart">{weekly_chart(weeks, locale)}</figure>'
        f'<table id="weeks"><tr>{_heads(WEEK_HEADS, locale)}</tr>{rows}</table>'
        f'<p class="muted">{esc(say(locale, "figures-notes"))}</p>'
    )


@cache
def _titles() -> dict[str, str]:
    return {entry.id: str(entry.question) for entry in load_entries()}


def topics_section(stats: Sequence[ratings.TopicStats], locale: str = "zh-CN") -> str:
    """The admin page's table of topics over the last 30 days."""
    if not stats:
        none = esc(say(locale, "topics-none"))
        rows = f'<tr><td colspan="6" class="muted">{none}</td></tr>'
    else:
        rows = "".join(
            f'<tr data-topic="{esc(s.topic)}"><td>{esc(_titles().get(s.topic, s.topic))}</td>'
            f"<td>{s.answered}</td><td>{esc(_share(s.answer_rate))}</td>"
            f"<td>{esc(_share(s.up_share))}</td><td>{s.up} / {s.down}</td>"
            f"<td>{_down_questions(s)}</td></tr>"
            for s in stats
        )
    return (
        f'<h2>{esc(say(locale, "topics-title"))}</h2><p><a href="/console/admin/figures" '
        f'id="figures-link">{esc(say(locale, "topics-link"))}</a></p>'
        f'<table id="topics"><tr>{_heads(TOPIC_HEADS, locale)}</tr>{rows}</table>'
        f'<p class="muted">{esc(say(locale, "topics-note"))}</p>'
    )


def _down_questions(stats: ratings.TopicStats) -> str:
    if not stats.down_questions:
        return ""
    items = "".join(f"<li>{shown(q)}（{n}）</li>" for q, n in stats.down_questions)
    return f'<ul class="down">{items}</ul>'
