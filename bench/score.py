"""Scores per second over a few thousand random valid profiles. Prints figures, asserts nothing.

Run: python bench/score.py [COUNT]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date

from scoring.calculator import calculate
from scoring.policy import edition_in_force
from scoring.profile import AWARDS, BASE_TIERS, EDUCATIONS, TITLES, Profile

AS_OF = date(2025, 6, 1)


def random_profile(rng: random.Random) -> Profile:
    return Profile.from_json(
        {
            "age": rng.randint(18, 60),
            "education": rng.choice(EDUCATIONS),
            "title": rng.choice(("none",) * 8 + TITLES),
            "title_matches_job": rng.random() < 0.8,
            "base_1x_6_of_last_12": rng.random() < 0.7,
            "social_insurance_months": rng.randint(0, 240),
            "insurance_base_tier": rng.choice(("none",) * 6 + BASE_TIERS),
            "shortage_major": rng.random() < 0.1,
            "investment_tax_yuan": rng.choice([0, 0, 0, rng.uniform(0, 2_000_000)]),
            "local_hires": rng.choice([0, 0, 0, rng.randint(0, 200)]),
            "remote_area_years": rng.choice([0, 0, rng.randint(0, 15)]),
            "fresh_graduate": rng.random() < 0.1,
            "award": rng.choice(("none",) * 20 + AWARDS),
            "spouse_hukou_years": rng.choice([0, rng.randint(0, 15)]),
            "detention_count": rng.choice([0] * 20 + [1]),
            "serious_crime": rng.random() < 0.01,
        }
    )


def main(count: int) -> None:
    rng = random.Random(20180101)
    profiles = [random_profile(rng) for _ in range(count)]
    edition = edition_in_force(AS_OF)
    start = time.perf_counter()
    scores = [calculate(profile, edition, AS_OF) for profile in profiles]
    elapsed = time.perf_counter() - start
    reaching = sum(score.reaches_standard for score in scores)
    rate = count / elapsed
    print(
        f"jifen score: {count} random profiles in {elapsed:.3f} s = {rate:,.0f} scores/s "
        f"(with advice; {reaching} reach 120)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
