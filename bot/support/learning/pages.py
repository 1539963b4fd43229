"""The HTML of the review queue, the teach page, its confirmation and the audit trail.

Like bot.support.pages: small functions over escaped strings, no inline script.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.support.accounts import LoggedIn
from bot.support.learning.decisions import Decision
from bot.support.learning.models import DRAFT, NEGATIVE, VARIANT
from bot.support.learning.regression import SHOWN, Verdict
from bot.support.learning.review import Line, QueueGroup
from bot.support.pages import AUTHORS, esc, layout, local_time, shown
from faq.entries import Entry, load_entries

BASE = "/console/admin"
KIND_WORDS = {"unknown": "没答上", "suggest": "没把握（给了选项）", "rated_down": "用户点了没用"}
DECISION_WORDS = {VARIANT: "某主题的说法", NEGATIVE: "不归我们管", DRAFT: "需要新主题"}
OTHER = "other"


def _csrf(staff: LoggedIn) -> str:
    return f'<input type="hidden" name="csrf" value="{esc(staff.csrf_token)}">'


def _notice(notice: str) -> str:
    return f'<p class="error" role="alert">{esc(notice)}</p>' if notice else ""


def _links() -> str:
    return (
        f'<p><a href="{BASE}/review">复核队列</a> · '
        f'<a href="{BASE}/review?order=newest">最新的在前</a> · '
        f'<a href="{BASE}/taught">教过的（可撤销）</a></p>'
    )


def queue_page(
    staff: LoggedIn, groups: Sequence[QueueGroup], newest_first: bool, notice: str = ""
) -> str:
    rows = "".join(
        f'<tr class="group" data-group="{g.id}"><td>{g.count}</td>'
        f"<td>{esc(local_time(g.last_at))}</td>"
        f"<td>{esc('、'.join(KIND_WORDS.get(k, k) for k in g.kinds))}</td>"
        f'<td><a href="{BASE}/review/{g.id}">{shown(g.example.text)}</a></td>'
        f"<td>{shown('；'.join(w.text for w in g.wordings[1:])[:500])}</td></tr>"
        for g in groups
    )
    order = "最新的在前" if newest_first else "问得最多的在前，同样多的最新的在前"
    body = (
        f'{_notice(notice)}{_links()}<p class="muted">近 30 天，按相似度归组；{order}。'
        "点一个问题：教机器人怎么答。</p>"
        '<table id="review"><tr><th>次数</th><th>最近</th><th>情况</th><th>问题</th>'
        f"<th>类似说法</th></tr>{rows}</table>"
    )
    return layout("复核队列", body, staff)


def _conversation(lines: Sequence[Line]) -> str:
    items = "".join(
        f'<li class="{"asked" if line.asked else esc(line.author)}">'
        f'<span class="who">{esc(AUTHORS.get(line.author, line.author))} '
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
) -> str:
    wordings = "".join(
        f"<li>{'<strong>' if w.question_id == chosen else ''}"
        f'<a href="{BASE}/review/{group.id}?q={w.question_id}">{shown(w.text)}</a>'
        f"{'</strong>' if w.question_id == chosen else ''}（{w.count} 次）</li>"
        for w in group.wordings
    )
    # Nothing is chosen for the admin: a pre-ticked first guess gets saved by a tired click.
    picks = "".join(
        f'<div><label><input type="radio" name="topic" value="{esc(e.id)}">'
        f" {esc(e.question)}（{esc(e.id)}）</label></div>"
        for e in nearest
    )
    options = "".join(f'<option value="{esc(e.id)}">{esc(e.question)}</option>' for e in topics)
    body = (
        f'{_notice(notice)}{_links()}<h2>这一组的说法</h2><ul id="wordings">{wordings}</ul>'
        f"<h2>前后对话</h2>{_conversation(lines)}"
        f'<form method="post" action="{BASE}/review/{group.id}/check" id="teach">{_csrf(staff)}'
        "<h2>要教的说法（个人信息已遮盖，请核对）</h2>"
        f'<textarea name="text" id="masked" rows="3" cols="60" maxlength="500" required>'
        f"{esc(masked)}</textarea><h2>这是</h2>"
        f'<div><label><input type="radio" name="kind" value="{VARIANT}" required> '
        "某个主题的说法（机器人最接近的三个主题，或搜索其他主题）：</label></div>"
        f'<div id="nearest">{picks}'
        f'<div><label><input type="radio" name="topic" value="{OTHER}"> 其他主题：</label>'
        '<input name="other_topic" id="other-topic" list="topics" '
        f'placeholder="输入关键词搜索主题" autocomplete="off"><datalist id="topics">{options}'
        "</datalist></div></div>"
        f'<div><label><input type="radio" name="kind" value="{NEGATIVE}"> '
        "不归我们管（机器人要拒答）</label></div>"
        f'<div><label><input type="radio" name="kind" value="{DRAFT}"> '
        "需要新主题（留给内容负责人）</label></div>"
        '<p><button type="submit" id="check">检查</button></p></form>'
    )
    return layout("教机器人", body, staff)


def confirm_page(
    staff: LoggedIn,
    group_id: int,
    kind: str,
    topic: Entry | None,
    text: str,
    verdict: Verdict | None,
) -> str:
    """`verdict` None on a variant or a negative: the guard is still checking; the page asks
    for its verdict (guard.js) and shows it in place. A draft is not checked."""
    what = DECISION_WORDS[kind] + (f"：{topic.question}（{topic.id}）" if topic else "")
    if kind == DRAFT:
        guard = '<p id="guard" class="muted">草稿不影响机器人的回答。</p>'
    else:
        inside = guard_pending() if verdict is None else guard_verdict(verdict)
        poll = f' data-poll="{BASE}/review/{group_id}/guard"' if verdict is None else ""
        guard = f'<div id="guard-result" aria-live="polite"{poll}>{inside}</div>'
    body = (
        f'{guard}<dl><dt>保存为</dt><dd id="decision">{esc(what)}</dd>'
        f'<dt>说法（已遮盖个人信息）</dt><dd id="final-text">{shown(text)}</dd></dl>'
        f'<form method="post" action="{BASE}/review/{group_id}/teach" id="save-form">'
        f"{_csrf(staff)}"
        f'<input type="hidden" name="kind" value="{esc(kind)}">'
        f'<input type="hidden" name="topic" value="{esc(topic.id if topic else "")}">'
        f'<input type="hidden" name="text" value="{esc(text)}">'
        '<button type="submit" id="save">确认保存</button></form>'
        f'<p><a href="{BASE}/review/{group_id}">返回修改</a></p>'
    )
    return layout("确认", body, staff, script="guard.js")


def guard_pending() -> str:
    return (
        '<p id="guard-pending" class="muted">正在后台检查这次修改会不会让已知问题答错，'
        "结果出来会显示在这里；不必等它也可以保存。</p>"
    )


def guard_verdict(verdict: Verdict) -> str:
    if verdict.broken:
        items = "".join(
            f"<li>{shown(b.question)}：应答 {esc(b.expected or '拒答')}，"
            f"改后 {esc(b.now or '拒答或给选项')}</li>"
            for b in verdict.broken[:SHOWN]
        )
        warning = (
            f'<p id="guard" class="error" role="alert">这次修改会让 {len(verdict.broken)} '
            f'个已知问题答错：</p><ul id="broken">{items}</ul>'
        )
    else:
        warning = '<p id="guard">这次修改不会让已知问题答错。</p>'
    if verdict.others:
        warning += (
            f'<p id="others">这一组另外 {verdict.others} 种说法里，改后 '
            f"{verdict.others_following} 种也会这样处理。</p>"
        )
    return warning


def _topic(topic: str | None) -> str:
    entry = next((e for e in load_entries() if e.id == topic), None)
    return f"{entry.question}（{entry.id}）" if entry else topic or ""


def taught_page(staff: LoggedIn, decisions: Sequence[Decision], notice: str = "") -> str:
    rows = "".join(
        f'<tr data-id="{d.id}"><td>{esc(DECISION_WORDS.get(d.kind, d.kind))}</td>'
        f"<td>{esc(_topic(d.topic))}</td><td>{shown(d.text)}</td>"
        f"<td>{esc(d.decided_by)} {esc(local_time(d.decided_at))}</td><td>"
        + (
            f'<form method="post" action="{BASE}/taught/{d.id}/undo">{_csrf(staff)}'
            '<button type="submit">撤销</button></form>'
            if d.active
            else f"已撤销：{esc(d.undone_by or '')} "
            f"{esc(local_time(d.undone_at) if d.undone_at else '')}"
        )
        + "</td></tr>"
        for d in decisions
    )
    body = (
        f'{_notice(notice)}{_links()}<p class="muted">每个决定记着谁、什么时候；'
        "<code>jifen variants export</code> 导出给 git 审阅，<code>jifen variants import</code> "
        "导回。</p>"
        '<table id="taught"><tr><th>决定</th><th>主题</th><th>说法</th><th>谁、何时</th><th></th>'
        f"</tr>{rows}</table>"
    )
    return layout("教过的", body, staff)
