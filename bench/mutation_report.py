"""The end of a record-and-replay run (bench/mutation_replay.py): each survivor as its diff,
the counts by verdict, and with a sample of the candidates confirmed, the estimate it gives."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any


def report(verdicts: dict[str, dict[str, Any]], confirmed: bool) -> None:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    def survived(found: dict[str, Any]) -> bool:
        confirmed = found.get("pytest", "")
        return found["verdict"] in ("same", "unreached") or confirmed.startswith("survived")

    survivors = sorted(name for name, found in verdicts.items() if survived(found))
    for name in survivors:
        found = verdicts[name]
        by_pytest = f", pytest {found['pytest']}" if "pytest" in found else ""
        print(f"-- {name}: {found['verdict']}{by_pytest}")
        print("\n".join(get_diff_for_mutant(name).splitlines()[:20]))
    counts = defaultdict(int)
    for found in verdicts.values():
        counts[found["verdict"]] += 1
        counts[found.get("pytest", "").split(" ")[0]] += 1
    print(
        f"== replay: {counts['same']} same on every recorded call, {counts['unreached']} reached by"
        f" no recorded call, {counts['differs']} differ, {counts['timed out']} timed out =="
    )
    if confirmed:
        killed, survived_pytest = counts["killed"], counts["survived"]
        print(f"== pytest on the candidates: {killed} killed, {survived_pytest} survived ==")
        _estimate(verdicts, len(survivors))
    else:
        print("== candidates not run through pytest (--no-confirm): counted killed ==")
    share = 100 * len(survivors) / max(1, len(verdicts))
    print(f"== {len(survivors)} survived of {len(verdicts)} mutants ({share:.1f} %) ==")


def _estimate(verdicts: dict[str, dict[str, Any]], survivors: int) -> None:
    """With a sample confirmed: the candidates left unconfirmed are counted killed above; the
    estimate counts them surviving at the sample's rate (and its 95 % normal interval)."""
    differ = [found for found in verdicts.values() if found["verdict"] == "differs"]
    run = [found for found in differ if "pytest" in found]
    if not run or len(run) == len(differ):
        return
    rate = sum(found["pytest"].startswith("survived") for found in run) / len(run)
    left = len(differ) - len(run)
    margin = 1.96 * math.sqrt(rate * (1 - rate) / len(run)) * left
    estimate, total = survivors + rate * left, len(verdicts)
    print(
        f"== sample: {len(run)} of {len(differ)} candidates confirmed, {100 * rate:.1f} % survived"
    )
    print(
        f"== estimate: {estimate:.0f} (+- {margin:.0f}) survived of {total} mutants"
        f" ({100 * estimate / total:.1f} %, +- {100 * margin / total:.1f}) =="
    )
