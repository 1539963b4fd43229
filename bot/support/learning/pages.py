"""The HTML of the review queue, the teach page, its confirmation and the audit trail, in the
admin's language (console texts `console-learn-*`).

Like bot.support.pages: small functions over escaped strings, no inline script.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.support.accounts import LoggedIn
from bot.support.learning.decisions import Decision
from bot.support.learning.models import DRAFT, NEGATIVE, VARIANT
from bot.support.learning.regression import SHOWN, Verdict
from bot.support.learning.review import Line, QueueGroup
from bot.support.pages import esc, layout, local_time, shown
from bot.support.wording import has_words, say, say_html
from faq.entries import Entry, load_entries

BASE = "/console/admin"
DECISIONS = (VARIANT, NEGATIVE, DRAFT)
OTHER = "other"


def _csrf(staff: LoggedIn) -> str:
    return f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'


def _notice(notice: str) -> str:
    return f'<p class="error" role="alert">{esc(notice)}</p>' if notice else ""


def _kind(kind: str, locale: str) -> str:
    """Why a question is in the queue (unknown, suggest, rated_down) in words."""
    return has_words(locale, f"learn-kind-{kind}", kind)


def decision_words(kind: str, locale: str) -> str:
    return has_words(locale, f"learn-decision-{kind}", kind)


def _links(locale: str) -> str:
    return (
        f'<p><a href="{BASE}/review">{esc(say(locale, "learn-queue"))}</a> · '
        f'<a href="{BASE}/review?order=newest">{esc(say(locale, "learn-newest"))}</a> · '
        f'<a href="{BASE}/taught">{esc(say(locale, "learn-taught"))}</a></p>'
    )


def queue_page(
    staff: LoggedIn,
    groups: Sequence[QueueGroup],
    newest_first: bool,
    notice: str = "",
    locale: str = "zh-CN",
) -> str:
    comma = "、" if locale == "zh-CN" else ", "
    rows = "".join(
        f'<tr class="group" data-group="{g.id}"><td>{g.count}</td>'
        f"<td>{esc(local_time(g.last_at))}</td>"
        f"<td>{esc(comma.join(_kind(k, locale) for k in g.kinds))}</td>"
        f'<td><a href="{BASE}/review/{g.id}">{shown(g.example.text)}</a></td>'
        f"<td>{shown('；'.join(w.text for w in g.wordings[1:])[:500])}</td></tr>"
        for g in groups
    )
    order = say(locale, "learn-newest" if newest_first else "learn-commonest")
    heads = ("admin-count", "learn-last", "learn-why", "admin-question", "admin-similar")
    body = (
        f"{_notice(notice)}{_links(locale)}"
        f'<p class="muted">{esc(say(locale, "learn-queue-note", order=order))}</p>'
        f'<table id="review"><tr>{_heads(heads, locale)}</tr>{rows}</table>'
    )
    return layout(say(locale, "learn-queue"), body, staff, locale=locale)


def _heads(keys: Sequence[str], locale: str) -> str:
    return "".join(f"<th>{esc(say(locale, key)) if key else ''}</th>" for key in keys)


def _conversation(lines: Sequence[Line], locale: str) -> str:
    items = "".join(
        f'<li class="{"asked" if line.asked else esc(line.author)}">'
        f'<span class="who">{esc(has_words(locale, f"author-{line.author}", line.author))} '
        f"{esc(local_time(line.at))}</span> {shown(line.text)}</li>"
        for line in lines
    )
    return f'<ol id="around" class="transcript">{items}</ol>' if items else ""


def teach_page(
    staff: LoggedIn,
    group: QueueGroup,
    chosen: int,
    masked: str,
    lines: Sequence[Line],
    nearest: Sequence[Entry],
    topics: Sequence[Entry],
    notice: str = "",
    locale: str = "zh-CN",
) -> str:
    wordings = "".join(
        f"<li>{'<strong>' if w.question_id == chosen else ''}"
        f'<a href="{BASE}/review/{group.id}?q={w.question_id}">{shown(w.text)}</a>'
        f"{'</strong>' if w.question_id == chosen else ''}"
        f"{esc(say(locale, 'learn-times', count=w.count))}</li>"
        for w in group.wordings
    )
    # Nothing is chosen for the admin: a pre-ticked first guess gets saved by a tired click.
    picks = "".join(
        f'<div><label><input type="radio" name="topic" value="{esc(e.id)}">'
        f" {esc(_titled(e, locale))}</label></div>"
        for e in nearest
    )
    options = "".join(f'<option value="{esc(e.id)}">{esc(e.question)}</option>' for e in topics)

    def words(key: str) -> str:
        return esc(say(locale, key))

    body = (
        f"{_notice(notice)}{_links(locale)}<h2>{words('learn-wordings')}</h2>"
        f'<ul id="wordings">{wordings}</ul>'
        f"<h2>{words('learn-around')}</h2>{_conversation(lines, locale)}"
        f'<form method="post" action="{BASE}/review/{group.id}/check" id="teach">{_csrf(staff)}'
        f"<h2>{words('learn-text')}</h2>"
        f'<textarea name="text" id="masked" rows="3" cols="60" maxlength="500" required>'
        f"{esc(masked)}</textarea><h2>{words('learn-this-is')}</h2>"
        f'<div><label><input type="radio" name="kind" value="{VARIANT}" required> '
        f"{words('learn-as-variant')}</label></div>"
        f'<div id="nearest">{picks}'
        f'<div><label><input type="radio" name="topic" value="{OTHER}"> '
        f"{words('learn-other-topic')}</label>"
        '<input name="other_topic" id="other-topic" list="topics" '
        f'placeholder="{words("learn-search-topic")}" autocomplete="off">'
        f'<datalist id="topics">{options}</datalist></div></div>'
        f'<div><label><input type="radio" name="kind" value="{NEGATIVE}"> '
        f"{words('learn-as-negative')}</label></div>"
        f'<div><label><input type="radio" name="kind" value="{DRAFT}"> '
        f"{words('learn-as-draft')}</label></div>"
        f'<p><button type="submit" id="check">{words("learn-check")}</button></p></form>'
    )
    return layout(say(locale, "learn-teach-title"), body, staff, locale=locale)


def confirm_page(
    staff: LoggedIn,
    group_id: int,
    kind: str,
    topic: Entry | None,
    text: str,
    verdict: Verdict | None,
    locale: str = "zh-CN",
) -> str:
    """`verdict` None on a variant or a negative: the guard is still checking; the page asks
    for its verdict (guard.js) and shows it in place. A draft is not checked."""
    what = decision_words(kind, locale)
    if topic:
        what = say(locale, "learn-decision-of", decision=what, topic=_titled(topic, locale))
    if kind == DRAFT:
        guard = f'<p id="guard" class="muted">{esc(say(locale, "learn-draft-harmless"))}</p>'
    else:
        inside = guard_pending(locale) if verdict is None else guard_verdict(verdict, locale)
        poll = f' data-poll="{BASE}/review/{group_id}/guard"' if verdict is None else ""
        guard = f'<div id="guard-result" aria-live="polite"{poll}>{inside}</div>'
    body = (
        f"{guard}<dl><dt>{esc(say(locale, 'learn-save-as'))}</dt>"
        f'<dd id="decision">{esc(what)}</dd>'
        f"<dt>{esc(say(locale, 'learn-masked-text'))}</dt>"
        f'<dd id="final-text">{shown(text)}</dd></dl>'
        f'<form method="post" action="{BASE}/review/{group_id}/teach" id="save-form">'
        f"{_csrf(staff)}"
        f'<input type="hidden" name="kind" value="{esc(kind)}">'
        f'<input type="hidden" name="topic" value="{esc(topic.id if topic else "")}">'
        f'<input type="hidden" name="text" value="{esc(text)}">'
        f'<button type="submit" id="save">{esc(say(locale, "learn-confirm"))}</button></form>'
        f'<p><a href="{BASE}/review/{group_id}">{esc(say(locale, "learn-back"))}</a></p>'
    )
    return layout(say(locale, "learn-confirm-title"), body, staff, "guard.js", locale)


def guard_pending(locale: str) -> str:
    return f'<p id="guard-pending" class="muted">{esc(say(locale, "learn-guard-pending"))}</p>'


def guard_verdict(verdict: Verdict, locale: str) -> str:
    if verdict.broken:
        items = "".join(
            "<li>"
            + say_html(
                locale,
                "learn-guard-broken",
                question=shown(b.question),
                expected=esc(b.expected or say(locale, "learn-guard-refused")),
                now=esc(b.now or say(locale, "learn-guard-not-answered")),
            )
            + "</li>"
            for b in verdict.broken[:SHOWN]
        )
        breaks = say(locale, "learn-guard-breaks", count=len(verdict.broken))
        warning = (
            f'<p id="guard" class="error" role="alert">{esc(breaks)}</p>'
            f'<ul id="broken">{items}</ul>'
        )
    else:
        warning = f'<p id="guard">{esc(say(locale, "learn-guard-safe"))}</p>'
    if verdict.others:
        others = say(
            locale,
            "learn-guard-others",
            others=verdict.others,
            following=verdict.others_following,
        )
        warning += f'<p id="others">{esc(others)}</p>'
    return warning


def _titled(entry: Entry, locale: str) -> str:
    """A topic as the admin knows it: its question (Chinese, bot content) and its id."""
    return say(locale, "learn-topic-titled", question=entry.question, id=entry.id)


def _topic(topic: str | None, locale: str) -> str:
    entry = next((e for e in load_entries() if e.id == topic), None)
    return _titled(entry, locale) if entry else topic or ""


def taught_page(
    staff: LoggedIn, decisions: Sequence[Decision], notice: str = "", locale: str = "zh-CN"
) -> str:
    rows = "".join(
        f'<tr data-id="{d.id}"><td>{esc(decision_words(d.kind, locale))}</td>'
        f"<td>{esc(_topic(d.topic, locale))}</td><td>{shown(d.text)}</td>"
        f"<td>{esc(d.decided_by)} {esc(local_time(d.decided_at))}</td><td>"
        + (
            f'<form method="post" action="{BASE}/taught/{d.id}/undo">{_csrf(staff)}'
            f'<button type="submit">{esc(say(locale, "learn-undo"))}</button></form>'
            if d.active
            else esc(
                say(
                    locale,
                    "learn-undone-by",
                    who=d.undone_by or "",
                    at=local_time(d.undone_at) if d.undone_at else "",
                )
            )
        )
        + "</td></tr>"
        for d in decisions
    )
    note = say_html(
        locale,
        "learn-taught-note",
        export="<code>jifen variants export</code>",
        **{"import": "<code>jifen variants import</code>"},
    )
    heads = ("learn-decision", "learn-topic", "learn-wording", "learn-who-when", "")
    body = (
        f'{_notice(notice)}{_links(locale)}<p class="muted">{note}</p>'
        f'<table id="taught"><tr>{_heads(heads, locale)}</tr>{rows}</table>'
    )
    return layout(say(locale, "learn-taught-title"), body, staff, locale=locale)
