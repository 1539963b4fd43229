"""The weekly figures as an SVG drawn on the server (no script, no library, no CDN): per week a
stacked bar of the questions asked (answered, suggested, refused), a thin bar of the
conversations handed to a person, and the 👍 share (好评率) as a line on its own 0-100 % scale.
Words, not emoji, label it (console texts, in the admin's language): a staff member's
computer may have no emoji font."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.support.figures import Week
from bot.support.wording import say

WIDTH, HEIGHT = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 52, 44, 36
# (label's console text, colour) of the series, in the order they are stacked and listed in
# the legend
ANSWERED = ("figures-answered", "#2e7d32")
SUGGESTED = ("figures-suggested", "#f9a825")
REFUSED = ("figures-refused", "#c62828")
HANDED_OFF = ("figures-handed-off", "#455a64")
UP_SHARE = ("figures-up-share", "#1565c0")


def _nice_top(value: int) -> int:
    """The axis' top: `value` rounded up to 1, 2 or 5 times a power of ten, at least 5 (the
    grid has five steps, each a whole number)."""
    top = max(value, 5)
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor * 5 >= top:
                return step * factor * 5
        step *= 10


def _text(x: float, y: float, words: str, anchor: str = "middle", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="#333">{escape(words)}</text>'
    )


def _rect(x: float, y: float, width: float, height: float, colour: str, title: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'fill="{colour}"><title>{escape(title)}</title></rect>'
    )


def _width(words: str) -> int:
    """About how wide `words` are at 12 px: a Chinese character 13 px, a Latin one 7."""
    return sum(13 if ord(c) > 0x2E80 else 7 for c in words)


def _bars(
    week: Week, x: float, width: float, scale: float, bottom: float, locale: str
) -> list[str]:
    """The stacked questions (left, wide) and the conversations handed off (right, thin)."""
    day = f"{week.monday:%m-%d}"
    parts, y = [], bottom
    for (key, colour), count in (
        (ANSWERED, week.answered),
        (SUGGESTED, week.suggested),
        (REFUSED, week.refused),
    ):
        label = say(locale, key)
        if count:
            y -= count * scale
            parts.append(_rect(x, y, width * 0.72, count * scale, colour, f"{day} {label} {count}"))
    if week.handed_off:
        key, colour = HANDED_OFF
        label = say(locale, key)
        height = week.handed_off * scale
        title = f"{day} {label} {week.handed_off}"
        parts.append(_rect(x + width * 0.76, bottom - height, width * 0.24, height, colour, title))
    return parts


def weekly_chart(weeks: Sequence[Week], locale: str = "zh-CN") -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h
    top = _nice_top(max([max(w.asked, w.handed_off) for w in weeks] or [0]))
    slot = plot_w / max(len(weeks), 1)
    bar = slot * 0.5
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" id="weekly-chart" '
        f'aria-label="{escape(say(locale, "figures-chart"))}" font-family="sans-serif">'
    ]
    for fraction in (0, 0.2, 0.4, 0.6, 0.8, 1):  # grid, questions on the left, share on the right
        y = bottom - fraction * plot_h
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#ddd"/>'
        )
        parts.append(_text(LEFT - 6, y + 4, f"{round(top * fraction)}", "end", 11))
        parts.append(_text(WIDTH - RIGHT + 6, y + 4, f"{round(100 * fraction)}%", "start", 11))
    points = []
    for index, week in enumerate(weeks):
        middle = LEFT + index * slot + slot / 2
        parts += _bars(week, middle - bar / 2, bar, plot_h / top, bottom, locale)
        parts.append(_text(middle, bottom + 16, f"{week.monday:%m-%d}", size=11))
        if week.up_share is not None:
            points.append((middle, bottom - plot_h * week.up_share, week))
    if points:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{UP_SHARE[1]}" stroke-width="2"/>'
        )
        for x, y, week in points:
            rated = f"{week.up}/{week.up + week.down}"
            share = say(
                locale,
                "figures-chart-point",
                day=f"{week.monday:%m-%d}",
                share=f"{week.up_share:.0%}",
                rated=rated,
            )
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{UP_SHARE[1]}">'
                f"<title>{escape(share)}</title></circle>"
            )
    x = LEFT
    for key, colour in (ANSWERED, SUGGESTED, REFUSED, HANDED_OFF, UP_SHARE):
        label = say(locale, key)
        parts.append(f'<rect x="{x}" y="14" width="12" height="12" fill="{colour}"/>')
        parts.append(_text(x + 16, 25, label, "start"))
        x += 24 + _width(label)
    parts.append(_text(LEFT, HEIGHT - 4, say(locale, "figures-chart-axis"), "start", 11))
    parts.append("</svg>")
    return "".join(parts)
