"""The inbox: three panes on a desktop, one at a time on a phone (tabs switch them).

Left, the lists (mine, waiting, with colleagues), filled and kept current by queue.js over the
WebSocket; middle, the open conversation with its reply box at the bottom (case.js); right,
the user (`user_pane`). With no conversation open the middle says to pick one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from bot.support.accounts import LoggedIn
from bot.support.admin import Canned, Member
from bot.support.inbox import Case, Line
from bot.support.pages import esc, layout, local_time, shown
from bot.support.user_pane import user_pane
from bot.support.wording import note_words, say, status_words
from dialogs.locales import template

# The texts the scripts draw with, in the agent's language ({name} filled in by the script).
SCRIPT_WORDS = (
    "connecting", "connected", "reconnecting", "none-waiting", "none-mine", "none-others",
    "claim", "taken", "waited", "minutes-seconds", "seconds", "held-by", "user-said",
    "author-user", "author-bot", "author-agent", "author-system", "canned-none",
    "new-for-you", "not-sent",
)  # fmt: skip


def _json_block(element_id: str, value: object) -> str:
    """Data for a script, in a block the browser does not run (the CSP allows no inline
    script); '<' escaped so that no text can close the block."""
    data = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{data}</script>'


def _tabs(locale: str) -> str:
    tabs = "".join(
        f'<button type="button" role="tab" id="tab-{pane}" data-pane="{pane}">'
        f"{esc(say(locale, f'pane-{pane}'))}{badge}</button>"
        for pane, badge in (
            ("queue", '<span class="badge" id="tab-badge" hidden></span>'),
            ("case", ""),
            ("user", ""),
        )
    )
    return f'<div class="tabs" role="tablist">{tabs}</div>'


def _queue_pane(locale: str) -> str:
    def section(list_id: str, heading: str, empty_id: str, empty: str, badge: str = "") -> str:
        return (
            f"<h2>{esc(say(locale, heading))}{badge}</h2>"
            f'<ul id="{list_id}" class="cases"></ul>'
            f'<p id="{empty_id}" class="muted" hidden>{esc(say(locale, empty))}</p>'
        )

    return (
        '<section id="queue-pane" class="pane">'
        f'<p id="status" class="muted">{esc(say(locale, "connecting"))}</p>'
        '<p id="notice" role="status"></p>'
        + section(
            "mine", "mine", "none-mine", "none-mine",
            f'<span class="badge" id="mine-badge" title="{esc(say(locale, "new-for-you"))}" '
            "hidden></span>",
        )
        + section("queue", "waiting", "empty", "none-waiting")
        + section("others", "others", "none-others", "none-others")
        + f'<label class="sound"><input type="checkbox" id="sound"> {esc(say(locale, "sound"))}'
        f'</label><p class="muted shortcuts">{esc(say(locale, "shortcuts"))}</p></section>'
    )  # fmt: skip


def _line(line: Line, locale: str) -> str:
    said = note_words(line.text, locale) if line.author == "system" else line.text
    author = say(locale, f"author-{line.author}")
    return (
        f'<li class="line {esc(line.author)}" data-id="{line.id}">'
        f'<span class="author">{esc(author)}</span>'
        f"<time>{esc(local_time(line.at))}</time><p>{shown(said)}</p></li>"
    )


def _reply_box(case: Case, csrf: str, canned: Sequence[Canned], locale: str) -> str:
    replies = [{"title": c.title, "text": c.text} for c in canned]
    return (
        f'<form method="post" action="/console/conversations/{case.id}/reply" id="reply">{csrf}'
        '<div class="composer"><ul id="canned-menu" role="listbox" hidden></ul>'
        '<textarea name="text" id="reply-text" rows="3" required maxlength="4000" '
        f'placeholder="{esc(say(locale, "reply-placeholder"))}" aria-autocomplete="list" '
        'aria-controls="canned-menu"></textarea></div>'
        '<div class="reply-row">'
        f'<button type="button" id="canned-open">{esc(say(locale, "canned"))}</button>'
        f'<span class="muted" id="reply-error" role="alert"></span>'
        f'<button type="submit" id="send">{esc(say(locale, "send"))}</button></div></form>'
        f"{_json_block('canned-data', replies)}"
    )


def _holder_actions(case: Case, csrf: str, others: Sequence[Member], locale: str) -> str:
    if others:
        choices = "".join(f'<option value="{m.id}">{esc(m.name)}</option>' for m in others)
        transfer = (
            f'<form method="post" action="/console/conversations/{case.id}/transfer" '
            f'class="inline">{csrf}'
            f'<label>{esc(say(locale, "transfer-to"))} <select name="to">{choices}</select>'
            f'</label><button type="submit" id="transfer">{esc(say(locale, "transfer"))}</button>'
            "</form>"
        )
    else:
        transfer = f'<p class="muted">{esc(say(locale, "no-colleague"))}</p>'
    return (
        f'<div class="case-actions">{transfer}'
        f'<form method="post" action="/console/conversations/{case.id}/resolve" '
        f'class="inline">{csrf}'
        f'<label>{esc(say(locale, "note"))} <input name="note" maxlength="2000"></label>'
        f'<button type="submit" id="resolve">{esc(say(locale, "resolve"))}</button></form></div>'
    )


def _case_pane(
    staff: LoggedIn,
    case: Case,
    canned: Sequence[Canned],
    colleagues: Iterable[Member],
    notice: str,
    locale: str,
) -> str:
    csrf = f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'
    if case.status == "live" and case.agent_id == staff.staff_id:
        others = [m for m in colleagues if m.enabled and m.id != staff.staff_id]
        actions = _reply_box(case, csrf, canned, locale) + _holder_actions(
            case, csrf, others, locale
        )
    elif case.status == "waiting":
        actions = (
            f'<p class="muted read-only">{esc(say(locale, "is-waiting"))} '
            f'<button type="button" class="claim" id="claim-case" data-id="{case.id}">'
            f"{esc(say(locale, 'claim'))}</button></p>"
        )
    elif case.status == "live":
        words = say(locale, "read-only", agent=case.agent_name or say(locale, "nobody"))
        actions = f'<p class="muted read-only">{esc(words)}</p>'
    else:
        actions = f'<p class="muted read-only">{esc(say(locale, "read-only-closed"))}</p>'
    notice_html = f'<p class="error" role="alert">{esc(notice)}</p>' if notice else ""
    lines = "".join(_line(line, locale) for line in case.lines)
    return (
        '<section id="case-pane" class="pane">'
        f'<header class="case-head"><h1>{esc(say(locale, "conversation", id=case.id))}</h1>'
        f'<span id="case-status" class="status">{esc(status_words(case.status, locale))}</span>'
        f"</header>{notice_html}"
        f'<div class="transcript"><ol id="lines" data-case="{case.id}">{lines}</ol>'
        f'<button type="button" id="new-lines" hidden>{esc(say(locale, "new-lines"))}</button>'
        f"</div>{actions}</section>"
    )


def inbox_page(
    staff: LoggedIn,
    locale: str,
    today: date,
    case: Case | None = None,
    canned: Sequence[Canned] = (),
    colleagues: Iterable[Member] = (),
    notice: str = "",
) -> str:
    words = {key: template(locale, f"console-{key}") for key in SCRIPT_WORDS}
    if case is None:
        title = say(locale, "nav-inbox")
        middle = (
            '<section id="case-pane" class="pane">'
            f'<p class="muted pick">{esc(say(locale, "pick"))}</p></section>'
        )
        right = '<section id="user-pane" class="pane"></section>'
        show, current = "queue", ""
    else:
        title = say(locale, "conversation", id=case.id)
        middle = _case_pane(staff, case, canned, colleagues, notice, locale)
        right = f'<section id="user-pane" class="pane">{user_pane(case, locale, today)}</section>'
        show, current = "case", str(case.id)
    body = (
        f'<div id="panes" class="panes" data-show="{show}" data-case="{current}">'
        f"{_tabs(locale)}{_queue_pane(locale)}{middle}{right}</div>"
        f"{_json_block('console-words', words)}"
    )
    scripts = ("queue.js",) if case is None else ("queue.js", "case.js")
    return layout(title, body, staff, scripts, locale, main_class="inbox")
