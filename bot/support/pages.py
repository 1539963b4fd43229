"""The console's HTML: small functions over escaped strings (no template engine installed).

Every value that comes from a user or the database passes through `esc`; the pages carry no
inline script, so the Content-Security-Policy can forbid it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from html import escape

from bot.clock import SHANGHAI
from bot.support.accounts import LoggedIn
from bot.support.admin import Canned, Member
from bot.support.desk import Case, Figures, Line
from bot.support.invisible import visible
from bot.support.unanswered import Group
from bot.support.wording import channel_words, note_words, reason_words, status_words

AUTHORS = {"user": "用户", "bot": "机器人", "agent": "客服", "system": "系统"}


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def shown(text: object) -> str:
    """A user's words for the page: invisible characters visible, then escaped."""
    return esc(visible(str(text)))


def local_time(at: datetime) -> str:
    return at.astimezone(SHANGHAI).strftime("%m-%d %H:%M")


def layout(title: str, body: str, staff: LoggedIn | None = None, script: str = "") -> str:
    nav = ""
    meta = ""
    if staff is not None:
        meta = f'<meta name="csrf-token" content="{esc(staff.csrf_token)}">'
        admin = '<a href="/console/admin">管理</a>' if staff.is_admin else ""
        nav = (
            '<nav><a href="/console/">排队</a>'
            f"{admin}"
            f'<span class="who">{esc(staff.name)}（{esc(staff.role)}）</span>'
            '<form method="post" action="/console/logout" class="inline">'
            f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'
            '<button type="submit" id="logout">退出</button></form></nav>'
        )
    scripts = f'<script src="/console/static/{esc(script)}" defer></script>' if script else ""
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{meta}<title>{esc(title)} · 积分助手客服台</title>"
        '<link rel="stylesheet" href="/console/static/console.css">'
        f"{scripts}</head><body>{nav}<main><h1>{esc(title)}</h1>{body}</main></body></html>"
    )


def login_page(form_token: str, message: str = "", name: str = "") -> str:
    notice = f'<p class="error" role="alert">{esc(message)}</p>' if message else ""
    body = (
        f"{notice}"
        '<form method="post" action="/console/login" class="login">'
        f'<input type="hidden" name="csrf" value="{esc(form_token)}">'
        f'<label>用户名 <input name="name" autocomplete="username" value="{esc(name)}" required>'
        "</label>"
        '<label>密码 <input name="password" type="password" autocomplete="current-password" '
        "required></label>"
        '<button type="submit" id="login">登录</button></form>'
    )
    return layout("客服登录", body)


def queue_page(staff: LoggedIn) -> str:
    body = (
        '<p id="status" class="muted">正在连接…</p>'
        '<p id="notice" role="status"></p>'
        '<section><h2>我的会话</h2><ul id="mine" class="cases"></ul></section>'
        '<section><h2>等待中</h2><ul id="queue" class="cases"></ul>'
        '<p id="empty" class="muted" hidden>现在没有人在排队。</p></section>'
    )
    return layout("排队", body, staff, "queue.js")


def _answers(answers: dict[str, object]) -> str:
    if not answers:
        return '<p class="muted">还没有回答积分问题。</p>'
    rows = "".join(
        f"<tr><th>{esc(key)}</th><td>{shown(json.dumps(value, ensure_ascii=False))}</td></tr>"
        for key, value in sorted(answers.items())
    )
    return f'<table class="answers">{rows}</table>'


def _said(line: Line) -> str:
    return note_words(line.text) if line.author == "system" else line.text


def _lines(case: Case) -> str:
    return "".join(
        f'<li class="line {esc(line.author)}" data-id="{line.id}">'
        f'<span class="author">{esc(AUTHORS.get(line.author, line.author))}</span>'
        f"<time>{esc(local_time(line.at))}</time><p>{shown(_said(line))}</p></li>"
        for line in case.lines
    )


def case_page(
    staff: LoggedIn,
    case: Case,
    canned: Sequence[Canned],
    colleagues: Iterable[Member],
    notice: str = "",
) -> str:
    holder = case.status == "live" and case.agent_id == staff.staff_id
    score = "—" if case.score is None else f"{case.score} 分"
    facts = (
        f'<dl class="facts"><dt>渠道</dt><dd>{esc(channel_words(case.channel))}</dd>'
        f"<dt>原因</dt><dd>{esc(reason_words(case.reason))}</dd>"
        f'<dt>状态</dt><dd id="case-status">{esc(status_words(case.status))}</dd>'
        f"<dt>客服</dt><dd>{esc(case.agent_name or '—')}</dd>"
        f"<dt>开始排队</dt><dd>{esc(local_time(case.created_at))}</dd>"
        f"<dt>目前积分</dt><dd>{esc(score)}</dd></dl>"
    )
    transcript = (
        f'<div class="transcript"><ol id="lines" data-case="{case.id}">{_lines(case)}</ol>'
        '<button type="button" id="new-lines" hidden>有新消息 ↓</button></div>'
    )
    notice_html = f'<p class="error" role="alert">{esc(notice)}</p>' if notice else ""
    csrf = f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'
    if holder:
        options = "".join(
            f'<option value="{c.id}" data-text="{esc(c.text)}">{esc(c.title)}</option>'
            for c in canned
        )
        others = "".join(
            f'<option value="{m.id}">{esc(m.name)}</option>'
            for m in colleagues
            if m.enabled and m.id != staff.staff_id
        )
        actions = (
            f'<form method="post" action="/console/conversations/{case.id}/reply" id="reply">'
            f"{csrf}"
            '<label>常用回复 <select id="canned"><option value="">—</option>'
            f"{options}</select></label>"
            '<textarea name="text" id="reply-text" rows="4" required maxlength="4000" '
            'placeholder="回复用户…"></textarea>'
            '<button type="submit" id="send">发送</button></form>'
            f'<form method="post" action="/console/conversations/{case.id}/transfer" '
            f'class="inline">{csrf}'
            f'<label>转给 <select name="to">{others}</select></label>'
            '<button type="submit" id="transfer">转接</button></form>'
            f'<form method="post" action="/console/conversations/{case.id}/resolve" '
            f'class="inline">{csrf}'
            '<label>备注 <input name="note" maxlength="2000"></label>'
            '<button type="submit" id="resolve">结束，交还机器人</button></form>'
        )
    elif case.status == "waiting":
        actions = '<p class="muted">这个会话还在排队，请在排队页面接入。</p>'
    else:
        actions = '<p class="muted">只读：这个会话不在你手上。</p>'
    body = (
        f"{notice_html}{facts}<h2>回答</h2>{_answers(case.answers)}"
        f"<h2>对话记录</h2>{transcript}{actions}"
    )
    return layout(f"会话 #{case.id}", body, staff, "case.js")


def _duration(value: timedelta | None) -> str:
    if value is None:
        return "—"
    minutes, seconds = divmod(int(value.total_seconds()), 60)
    return f"{minutes} 分 {seconds} 秒"


def admin_page(
    staff: LoggedIn,
    figures: Figures,
    members: Sequence[Member],
    canned: Sequence[Canned],
    groups: Sequence[Group],
    notice: str = "",
    topics: str = "",
) -> str:
    """`topics`: the per-topic section, HTML made by `bot.support.figures_page`."""
    csrf = f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'
    stats = (
        '<dl class="figures">'
        f'<dt>正在排队</dt><dd id="waiting-now">{figures.waiting_now}</dd>'
        f"<dt>今天等待时间中位数</dt><dd>{esc(_duration(figures.median_wait_today))}</dd>"
        f'<dt>今天已解决</dt><dd id="resolved-today">{figures.resolved_today}</dd></dl>'
    )
    member_rows = "".join(
        f"<tr><td>{esc(m.name)}</td><td>{esc(m.role)}</td>"
        f"<td>{'启用' if m.enabled else '停用'}</td><td>"
        f'<form method="post" action="/console/admin/staff/{m.id}/enabled">{csrf}'
        f'<input type="hidden" name="enabled" value="{0 if m.enabled else 1}">'
        f'<button type="submit">{"停用" if m.enabled else "启用"}</button></form></td></tr>'
        for m in members
    )
    canned_rows = "".join(
        f'<li><form method="post" action="/console/admin/canned/{c.id}">{csrf}'
        f'<input name="title" value="{esc(c.title)}" maxlength="100" required>'
        f'<textarea name="text" rows="2" maxlength="4000" required>{esc(c.text)}</textarea>'
        '<button type="submit">保存</button></form>'
        f'<form method="post" action="/console/admin/canned/{c.id}/delete" class="inline">'
        f'{csrf}<button type="submit">删除</button></form></li>'
        for c in canned
    )
    group_rows = "".join(
        f"<tr><td>{g.count}</td><td>{shown(g.example)}</td>"
        f"<td>{shown('；'.join(v for v in g.variants if v != g.example)[:500])}</td></tr>"
        for g in groups
    )
    notice_html = f'<p class="error" role="alert">{esc(notice)}</p>' if notice else ""
    body = (
        f"{notice_html}<h2>数字</h2>{stats}{topics}"
        '<h2>客服账号</h2><p class="muted">新账号用 <code>jifen staff add</code> 建。</p>'
        f'<table id="staff"><tr><th>名字</th><th>角色</th><th>状态</th><th></th></tr>'
        f"{member_rows}</table>"
        f'<h2>常用回复</h2><ul id="canned-list" class="canned">{canned_rows}</ul>'
        f'<form method="post" action="/console/admin/canned" id="canned-new">{csrf}'
        '<input name="title" placeholder="标题" maxlength="100" required>'
        '<textarea name="text" rows="2" placeholder="内容" maxlength="4000" required></textarea>'
        '<button type="submit">添加</button></form>'
        "<h2>机器人答不上来的问题（近 30 天，按相似度归组）</h2>"
        '<p><a href="/console/admin/review" id="review-link">复核队列：教机器人怎么答</a></p>'
        '<table id="unanswered"><tr><th>次数</th><th>问题</th><th>类似说法</th></tr>'
        f"{group_rows}</table>"
    )
    return layout("管理", body, staff)


def message_page(title: str, message: str, staff: LoggedIn | None = None) -> str:
    return layout(title, f'<p role="alert">{esc(message)}</p>', staff)
