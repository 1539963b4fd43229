"""Profile + edition -> Score: the items, the total, the gap and what to do next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scoring.advice import Suggestion, suggest
from scoring.policy import Edition, Guidance
from scoring.profile import Profile
from scoring.rules import Item, assess

__all__ = ["Item", "Score", "Suggestion", "calculate"]


@dataclass(frozen=True)
class Score:
    total: int
    standard: int
    reaches_standard: bool
    vetoed: bool
    eligible: bool
    reasons: tuple[str, ...]
    items: tuple[Item, ...]
    suggestions: tuple[Suggestion, ...]
    next_steps: tuple[Guidance, ...]
    materials: tuple[Guidance, ...]
    policy: date
    reasons_en: tuple[str, ...] = ()

    @property
    def gap(self) -> int:
        return max(0, self.standard - self.total)

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "standard": self.standard,
            "reaches_standard": self.reaches_standard,
            "vetoed": self.vetoed,
            "eligible": self.eligible,
            "reasons": list(self.reasons),
            "gap": self.gap,
            "items": [
                {"indicator": i.indicator, "points": i.points, "note": i.note} for i in self.items
            ],
            "suggestions": [
                {"change": s.change, "gain": s.gain, "total_after": s.total_after}
                for s in self.suggestions
            ],
            "next_steps": [_guidance_json(g) for g in self.next_steps],
            "materials": [_guidance_json(g) for g in self.materials],
            "policy": self.policy.isoformat(),
        }


def calculate(profile: Profile, edition: Edition, as_of: date) -> Score:
    now = assess(profile, edition, as_of)
    ready = now.reaches_standard and now.eligible
    return Score(
        total=now.total,
        standard=now.standard,
        reaches_standard=now.reaches_standard,
        vetoed=now.vetoed,
        eligible=now.eligible,
        reasons=now.reasons,
        items=now.items,
        suggestions=suggest(profile, edition, as_of, now),
        next_steps=edition.next_steps if ready else (),
        materials=edition.materials if ready else (),
        policy=edition.effective_from,
        reasons_en=now.reasons_en,
    )


def _guidance_json(guidance: Guidance) -> dict[str, str]:
    return {"zh": guidance.zh, "en": guidance.en, "source": guidance.source.title}
