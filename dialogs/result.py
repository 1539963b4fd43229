"""The score as the user reads it: item table, total, gap, reasons, suggestions, next steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogs.output import Out
from scoring.advice import months_to_standard_by_insurance
from scoring.calculator import Score, calculate
from scoring.policy import cited, edition_in_force
from scoring.profile import Profile
from scoring.wording import sources_line

__all__ = ["Outcome", "score_answers", "show_score"]

MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Outcome:
    score: Score
    goal_month: str | None  # "YYYY-MM" when more social-insurance months alone reach 120


def score_answers(answers: dict[str, Any], today: date) -> Outcome:
    """Raises scoring.profile.ProfileError (a ValueError) when an answer does not fit."""
    profile = Profile.from_json({**answers, "as_of": today.isoformat()})
    edition = edition_in_force(today)
    score = calculate(profile, edition, today)
    months = None
    if not score.reaches_standard and score.eligible and not score.vetoed:
        months = months_to_standard_by_insurance(profile, edition, today)
    goal = None
    if months:
        index = today.year * 12 + today.month - 1 + months
        goal = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return Outcome(score, goal)


def show_score(out: Out, outcome: Outcome, en: bool, whom: str = "") -> None:
    """`whom`: the person the points are for (老公), "" for the user's own."""
    score = outcome.score
    items = [
        {
            "name": out.t(f"indicator-{item.indicator}"),
            "points": f"{item.points:+d}" if item.points < 0 else str(item.points),
            "note": item.note_en if en else item.note,
        }
        for item in score.items
    ]
    total = out.t("result-total", total=score.total, standard=score.standard)
    if score.vetoed:
        verdict = out.t("result-vetoed")
    elif not score.eligible:
        verdict = out.t("result-not-eligible")
    elif score.reaches_standard:
        verdict = out.t("result-reached", standard=score.standard)
    else:
        verdict = out.t("result-gap", gap=score.gap, standard=score.standard)
    notes = [out.t("result-reason", reason=r) for r in (score.reasons_en if en else score.reasons)]
    source = edition_in_force(score.policy).source_of("standard").shown(en)
    notes.append(out.t("result-policy", source=source, policy=score.policy.isoformat()))
    title = out.t("result-title-whom", whom=whom) if whom else out.t("result-title")
    lines = [title, *(out.t("result-item", **item) for item in items), total, verdict, *notes]
    table = {"kind": "score", "title": title, "total": total, "verdict": verdict}
    out.say("\n".join(lines), data={**table, "items": items, "notes": notes})

    more: list[str] = []
    if score.suggestions:
        more.append(out.t("result-suggestions"))
        for s in score.suggestions[:MAX_SUGGESTIONS]:
            more.append(
                out.t(
                    "result-suggestion",
                    change=s.change_en if en else s.change,
                    gain=s.gain,
                    total=s.total_after,
                )
            )
    if outcome.goal_month:
        year, month = outcome.goal_month.split("-")
        more.append(out.t("result-goal", year=year, month=int(month), standard=score.standard))
    if score.next_steps:
        more.append(out.t("result-next-steps"))
        more.extend(f"{i}. {g.en if en else g.zh}" for i, g in enumerate(score.next_steps, 1))
    if score.materials:
        more.append(out.t("result-materials"))
        more.extend(f"- {g.en if en else g.zh}" for g in score.materials)
    if score.next_steps or score.materials:
        guidance = cited((*score.next_steps, *score.materials))
        more.append(sources_line(guidance, "en" if en else "zh"))
    if more:
        out.say("\n".join(more), data={"kind": "details"})
