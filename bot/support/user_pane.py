"""The right pane of the inbox: who the user is as far as the bot knows, in the agent's
language: channel and language, the points answers and the score item by item, pending
reminders, and the user's earlier handoffs."""

from __future__ import annotations

from datetime import date

from bot.clock import SHANGHAI
from bot.support.inbox import Case
from bot.support.pages import esc, local_time, shown
from bot.support.profile_words import Progress, answer_items, progress
from bot.support.wording import channel_words, locale_words, reason_words, say, status_words
from dialogs.locales import has, text


def _facts(case: Case, locale: str) -> str:
    rows = (
        ("channel", channel_words(case.channel, locale)),
        ("user-language", locale_words(case.user_locale, locale)),
        ("reason", reason_words(case.reason, locale)),
        ("agent", case.agent_name or say(locale, "nobody")),
        ("queued-at", local_time(case.created_at)),
    )
    items = "".join(f"<dt>{esc(say(locale, key))}</dt><dd>{esc(value)}</dd>" for key, value in rows)
    return f'<dl class="facts">{items}</dl>'


def _answers(case: Case, locale: str) -> str:
    items = answer_items(case.answers, case.extra or {}, locale)
    if not items:
        return f'<p class="muted" id="answers">{esc(say(locale, "no-answers"))}</p>'
    rows = "".join(f"<dt>{esc(name)}</dt><dd>{shown(value)}</dd>" for name, value in items)
    return f'<dl class="facts" id="answers">{rows}</dl>'


def _points(seen: Progress, locale: str) -> str:
    score = seen.score
    if score is None:
        if not seen.answered:
            return f'<p class="muted" id="points">{esc(say(locale, "score-nothing"))}</p>'
        words = say(locale, "score-partial", answered=seen.answered, left=seen.left)
        return f'<p class="muted" id="points">{esc(words)}</p>'
    en = locale == "en"
    rows = "".join(
        f"<tr><td>{esc(text(locale, f'indicator-{item.indicator}'))}</td>"
        f'<td class="num">{item.points:+d}</td>'
        f"<td>{esc(item.note_en if en else item.note)}</td></tr>"
        for item in score.items
    )
    if score.vetoed:
        verdict = say(locale, "score-vetoed")
    elif not score.eligible:
        verdict = say(locale, "score-not-eligible")
    elif score.reaches_standard:
        verdict = say(locale, "score-reached")
    else:
        verdict = say(locale, "score-gap", gap=score.gap)
    total = say(locale, "score-total", total=score.total, standard=score.standard)
    reasons = "".join(f"<li>{esc(r)}</li>" for r in (score.reasons_en if en else score.reasons))
    return (
        f'<div id="points"><p class="total"><strong>{esc(total)}</strong> · {esc(verdict)}</p>'
        f'<table class="score">{rows}</table>'
        f"{f'<ul>{reasons}</ul>' if reasons else ''}</div>"
    )


def _reminders(case: Case, locale: str) -> str:
    if not case.reminders:
        return f'<p class="muted" id="reminders">{esc(say(locale, "no-reminders"))}</p>'
    items = []
    for due, kind in case.reminders:
        key = f"reminders.kind.{kind}"
        words = text(locale, key) if has(locale, key) else kind
        items.append(f"<li>{esc(due.astimezone(SHANGHAI).date().isoformat())} {esc(words)}</li>")
    return f'<ul id="reminders">{"".join(items)}</ul>'


def _earlier(case: Case, locale: str) -> str:
    if not case.earlier:
        return f'<p class="muted" id="earlier">{esc(say(locale, "no-earlier"))}</p>'
    items = []
    for old in case.earlier:
        parts = [local_time(old.created_at), status_words(old.status, locale)]
        if old.agent_name:
            parts.append(f"{say(locale, 'agent')} {old.agent_name}")
        note = f"<br>{shown(say(locale, 'earlier-note', note=old.note))}" if old.note else ""
        items.append(f"<li>{esc(' · '.join(parts))}{note}</li>")
    return f'<ul id="earlier">{"".join(items)}</ul>'


def user_pane(case: Case, locale: str, today: date) -> str:
    seen = progress(case.answers, case.extra or {}, today)
    return (
        f"<h2>{esc(say(locale, 'about-user'))}</h2>{_facts(case, locale)}"
        f"<h3>{esc(say(locale, 'answers'))}</h3>{_answers(case, locale)}"
        f"<h3>{esc(say(locale, 'points'))}</h3>{_points(seen, locale)}"
        f"<h3>{esc(say(locale, 'reminders'))}</h3>{_reminders(case, locale)}"
        f"<h3>{esc(say(locale, 'earlier'))}</h3>{_earlier(case, locale)}"
    )
