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
from bot.support.wording import has_words, say, say_html


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


def _duration(value: timedelta | None, locale: str) -> str:
    if value is None:
        return "—"
    minutes, seconds = divmod(int(value.total_seconds()), 60)
    return say(locale, "admin-duration", minutes=minutes, seconds=seconds)


def admin_page(
    staff: LoggedIn,
    figures: Figures,
    members: Sequence[Member],
    canned: Sequence[Canned],
    groups: Sequence[Group],
    notice: str = "",
    topics: str = "",
    locale: str = "zh-CN",
) -> str:
    """`topics`: the per-topic section, HTML made by `bot.support.figures_page`."""

    def words(key: str) -> str:
        return esc(say(locale, key))

    csrf = f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'
    stats = (
        '<dl class="figures">'
        f'<dt>{words("admin-waiting-now")}</dt><dd id="waiting-now">{figures.waiting_now}</dd>'
        f"<dt>{words('admin-median-wait')}</dt>"
        f"<dd>{esc(_duration(figures.median_wait_today, locale))}</dd>"
        f"<dt>{words('admin-resolved-today')}</dt>"
        f'<dd id="resolved-today">{figures.resolved_today}</dd></dl>'
    )
    member_rows = "".join(
        f"<tr><td>{esc(m.name)}</td><td>{esc(has_words(locale, f'role-{m.role}', m.role))}</td>"
        f"<td>{words('admin-enabled' if m.enabled else 'admin-disabled')}</td><td>"
        f'<form method="post" action="/console/admin/staff/{m.id}/enabled">{csrf}'
        f'<input type="hidden" name="enabled" value="{0 if m.enabled else 1}">'
        f'<button type="submit">{words("admin-disable" if m.enabled else "admin-enable")}'
        "</button></form></td></tr>"
        for m in members
    )
    canned_rows = "".join(
        f'<li><form method="post" action="/console/admin/canned/{c.id}">{csrf}'
        f'<input name="title" value="{esc(c.title)}" maxlength="100" required>'
        f'<textarea name="text" rows="2" maxlength="4000" required>{esc(c.text)}</textarea>'
        f'<button type="submit">{words("admin-save")}</button></form>'
        f'<form method="post" action="/console/admin/canned/{c.id}/delete" class="inline">'
        f'{csrf}<button type="submit">{words("admin-delete")}</button></form></li>'
        for c in canned
    )
    group_rows = "".join(
        f"<tr><td>{g.count}</td><td>{shown(g.example)}</td>"
        f"<td>{shown('；'.join(v for v in g.variants if v != g.example)[:500])}</td></tr>"
        for g in groups
    )
    notice_html = f'<p class="error" role="alert">{esc(notice)}</p>' if notice else ""
    staff_hint = say_html(locale, "admin-staff-hint", command="<code>jifen staff add</code>")
    body = (
        f"{notice_html}<h2>{words('admin-figures')}</h2>{stats}{topics}"
        f'<h2>{words("admin-staff")}</h2><p class="muted">{staff_hint}</p>'
        f'<table id="staff"><tr><th>{words("admin-name")}</th><th>{words("admin-role")}</th>'
        f"<th>{words('admin-state')}</th><th></th></tr>{member_rows}</table>"
        f'<h2>{words("admin-canned")}</h2><ul id="canned-list" class="canned">{canned_rows}</ul>'
        f'<form method="post" action="/console/admin/canned" id="canned-new">{csrf}'
        f'<input name="title" placeholder="{words("admin-canned-title")}" maxlength="100" '
        "required>"
        f'<textarea name="text" rows="2" placeholder="{words("admin-canned-text")}" '
        'maxlength="4000" required></textarea>'
        f'<button type="submit">{words("admin-add")}</button></form>'
        f"<h2>{words('admin-unanswered')}</h2>"
        f'<p><a href="/console/admin/review" id="review-link">{words("admin-review-link")}</a></p>'
        f'<table id="unanswered"><tr><th>{words("admin-count")}</th>'
        f"<th>{words('admin-question')}</th><th>{words('admin-similar')}</th></tr>"
        f"{group_rows}</table>"
    )
    return layout(say(locale, "admin-title"), body, staff, locale=locale)


def message_page(
    title: str, message: str, staff: LoggedIn | None = None, locale: str = "zh-CN"
) -> str:
    return layout(title, f'<p role="alert">{esc(message)}</p>', staff, locale=locale)
