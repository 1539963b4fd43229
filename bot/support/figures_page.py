"""The admin's figures page (/console/admin/figures: the weeks as a table and a chart) and the
per-topic section of the admin page (answer rate, 👍 share, the commonest 👎 questions)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from aiohttp import web

from bot.support import figures, ratings
from bot.support.chart import weekly_chart
from bot.support.guard import staff_of
from bot.support.pages import esc, layout, shown
from bot.support.state import STATE
from faq.retrieve import load_entries

ROUTES = web.RouteTableDef()


@ROUTES.get("/figures")
async def figures_page(request: web.Request) -> web.Response:
    state = request.config_dict[STATE]
    async with state.db.transaction() as session:
        weeks = await figures.weekly(session, state.clock())
    page = layout("每周数字", weeks_body(weeks), staff_of(request))
    return web.Response(text=page, content_type="text/html")


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def weeks_body(weeks: Sequence[figures.Week]) -> str:
    rows = "".join(
        f"<tr><td>{w.monday:%Y-%m-%d}</td><td>{w.asked}</td><td>{w.answered}</td>"
        f"<td>{w.suggested}</td><td>{w.refused}</td><td>{w.handed_off}</td>"
        f"<td>{esc(_share(w.up_share))}</td><td>{w.up + w.down}</td><td>{w.taught}</td></tr>"
        for w in reversed(weeks)
    )
    return (
        '<p><a href="/console/admin">← 管理</a></p>'
        f'<figure class="chart">{weekly_chart(weeks)}</figure>'
        '<table id="weeks"><tr><th>周（周一）</th><th>问题</th><th>直接回答</th><th>给出建议</th>'
        "<th>答不上来</th><th>转人工</th><th>好评率</th><th>评价数</th><th>教过的说法</th></tr>"
        f"{rows}</table>"
        '<p class="muted">问题：用户用自己的话问、机器人回答、建议或答不上来的次数'
        "（从列表点选的不算）。转人工：这一周新开的人工会话。好评率：这一周的评价里点“有用”的比例。"
        "教过的说法：管理员在客服台把用户的问题教成某个话题的说法的次数（撤销的不算）。</p>"
    )


@cache
def _titles() -> dict[str, str]:
    return {entry.id: str(entry.question) for entry in load_entries()}


def topics_section(stats: Sequence[ratings.TopicStats]) -> str:
    """The admin page's table of topics over the last 30 days."""
    if not stats:
        rows = '<tr><td colspan="6" class="muted">近 30 天还没有人问到常见问题。</td></tr>'
    else:
        rows = "".join(
            f'<tr data-topic="{esc(s.topic)}"><td>{esc(_titles().get(s.topic, s.topic))}</td>'
            f"<td>{s.answered}</td><td>{esc(_share(s.answer_rate))}</td>"
            f"<td>{esc(_share(s.up_share))}</td><td>{s.up} / {s.down}</td>"
            f"<td>{_down_questions(s)}</td></tr>"
            for s in stats
        )
    return (
        '<h2>常见问题的回答（近 30 天）</h2><p><a href="/console/admin/figures" id="figures-link">'
        "每周数字和图表 →</a></p>"
        '<table id="topics"><tr><th>话题</th><th>直接回答</th><th>回答率</th><th>好评率</th>'
        f"<th>有用 / 没用</th><th>最常被评“没用”的问题</th></tr>{rows}</table>"
        '<p class="muted">回答率：直接回答 ÷（直接回答 + 只作为第一个建议给出）。</p>'
    )


def _down_questions(stats: ratings.TopicStats) -> str:
    if not stats.down_questions:
        return ""
    items = "".join(f"<li>{shown(q)}（{n}）</li>" for q, n in stats.down_questions)
    return f'<ul class="down">{items}</ul>'
