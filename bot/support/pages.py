"""The console's HTML: small functions over escaped strings (no template engine installed).

Every value that comes from a user or the database passes through `esc`; the pages carry no
inline script, so the Content-Security-Policy can forbid it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from html import escape

from bot.clock import SHANGHAI
from bot.support.accounts import LoggedIn
from bot.support.admin import Canned, Member
from bot.support.inbox import Figures
from bot.support.invisible import visible
from bot.support.unanswered import Group
from bot.support.wording import say

# Transcript authors in Chinese, for the admin pages (the inbox says them in the agent's language).
AUTHORS = {a: say("zh-CN", f"author-{a}") for a in ("user", "bot", "agent", "system")}


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def shown(text: object) -> str:
    """A user's words for the page: invisible characters visible, then escaped."""
    return esc(visible(str(text)))


def local_time(at: datetime) -> str:
    return at.astimezone(SHANGHAI).strftime("%m-%d %H:%M")


LANGUAGES = (("zh-CN", "中文"), ("en", "English"))  # each in its own words
CURRENT = ' aria-current="true"'


def layout(
    title: str,
    body: str,
    staff: LoggedIn | None = None,
    script: str | tuple[str, ...] = "",
    locale: str = "zh-CN",
    main_class: str = "",
) -> str:
    """A whole page; `title` is its <h1> too, except on the inbox (`main_class`), whose panes
    carry their own headings."""
    meta = ""
    links = "".join(
        f'<a href="?lang={code}" lang="{code}" class="lang"{CURRENT if code == locale else ""}>'
        f"{name}</a>"
        for code, name in LANGUAGES
    )
    nav = f'<nav><span class="brand">{esc(say(locale, "brand"))}</span>'
    if staff is not None:
        meta = (
            f'<meta name="csrf-token" content="{esc(staff.csrf_token)}">'
            f'<meta name="staff-id" content="{staff.staff_id}">'
        )
        admin = (
            f'<a href="/console/admin">{esc(say(locale, "nav-admin"))}</a>'
            if staff.is_admin
            else ""
        )
        role = say(locale, f"role-{staff.role}") if staff.role in ("agent", "admin") else staff.role
        nav += (
            f'<a href="/console/">{esc(say(locale, "nav-inbox"))}</a>{admin}'
            f'<span class="langs">{links}</span>'
            f'<span class="who">{esc(say(locale, "who", name=staff.name, role=role))}</span>'
            '<form method="post" action="/console/logout" class="inline">'
            f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'
            f'<button type="submit" id="logout">{esc(say(locale, "logout"))}</button></form>'
        )
    else:
        nav += f'<span class="langs">{links}</span>'
    nav += "</nav>"
    scripts = "".join(
        f'<script src="/console/static/{esc(name)}" defer></script>'
        for name in ((script,) if isinstance(script, str) else script)
        if name
    )
    css = f' class="{esc(main_class)}"' if main_class else ""
    heading = "" if main_class else f"<h1>{esc(title)}</h1>"
    return (
        f'<!doctype html><html lang="{esc(locale)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{meta}<title>{esc(title)} · {esc(say(locale, 'brand'))}</title>"
        '<link rel="stylesheet" href="/console/static/console.css">'
        f"{scripts}</head><body>{nav}<main{css}>{heading}{body}</main></body></html>"
    )


def login_page(form_token: str, message: str = "", name: str = "", locale: str = "zh-CN") -> str:
    notice = f'<p class="error" role="alert">{esc(message)}</p>' if message else ""
    body = (
        f"{notice}"
        '<form method="post" action="/console/login" class="login">'
        f'<input type="hidden" name="csrf" value="{esc(form_token)}">'
        f"<label>{esc(say(locale, 'login-name'))} "
        f'<input name="name" autocomplete="username" value="{esc(name)}" required></label>'
        f"<label>{esc(say(locale, 'login-password'))} "
        '<input name="password" type="password" autocomplete="current-password" required></label>'
        f'<button type="submit" id="login">{esc(say(locale, "login-button"))}</button></form>'
    )
    return layout(say(locale, "login-title"), body, locale=locale)


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


def message_page(
    title: str, message: str, staff: LoggedIn | None = None, locale: str = "zh-CN"
) -> str:
    return layout(title, f'<p role="alert">{esc(message)}</p>', staff, locale=locale)
