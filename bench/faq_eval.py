"""FAQ retrieval quality on labelled question sets (default: tests/data/faq-dev.json, a copy
of shared/contracts/faq-dev.json).

    python bench/faq_eval.py [--quiet] [--half a|b] [FILE ...]

A case is {"q", "id"} (id: the topic, or null for a question that is not ours), optionally
with "kind" ("near_domain" / "everyday") and "style" (simplified, traditional, English, typos,
life story ...). Prints, per file: top-1 (only an `answer` with the right topic counts), how
many in-domain questions got a clarifying question containing the right topic, refusals
overall and per kind, how many refusals carried a pointer to where the question is handled,
top-1 per style, and every miss unless --quiet.

--half a / --half b takes every other case (a: the 1st, 3rd, ...; b: the 2nd, 4th, ...), so a
dev set can be tuned on one half and the gain checked on the half nobody looked at.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from faq.retrieve import Retriever, default_retriever

DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "faq-dev.json"


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.1%}" if total else "0/0"


def evaluate(
    retriever: Retriever, path: Path, quiet: bool = False, half: str | None = None
) -> tuple[float, float]:
    cases = json.loads(path.read_text(encoding="utf-8"))
    if half:
        cases = cases["ab".index(half) :: 2]
    right: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    misses: list[str] = []
    suggested = pointed = 0
    for case in cases:
        decision = retriever.ask(case["q"])
        got = decision.entry.id if decision.entry else None
        kind = case.get("kind") or ("in_domain" if case["id"] else "out_of_domain")
        style = case.get("style") or "-"
        if case["id"] is None:
            refused = decision.kind == "unknown"
            asked["refuse"] += 1
            asked[f"refuse:{kind}"] += 1
            right["refuse"] += refused
            right[f"refuse:{kind}"] += refused
            pointed += refused and decision.pointer is not None
            if not refused:
                misses.append(
                    f"  OOD {kind:<12} {case['q']!r} -> {decision.kind} {got} {decision.score:.2f}"
                )
            continue
        correct = decision.kind == "answer" and got == case["id"]
        asked["top1"] += 1
        asked[f"style:{style}"] += 1
        right["top1"] += correct
        right[f"style:{style}"] += correct
        choices = [e.id for e in decision.suggestions]
        suggested += decision.kind == "suggest" and case["id"] in choices
        if not correct:
            misses.append(
                f"  {case['id']:<26} {case['q']!r} -> {decision.kind} {got} "
                f"{decision.score:.2f} {choices if decision.kind == 'suggest' else ''}"
                f"{' pointer' if decision.pointer else ''}"
            )
    part = f" (half {half})" if half else ""
    print(f"{path.name}{part}: {asked['top1']} in-domain, {asked['refuse']} not ours")
    print(f"  top-1 (answer, right topic): {_rate(right['top1'], asked['top1'])}")
    print(f"  right topic in a clarifying question: {suggested}")
    print(f"  not ours refused: {_rate(right['refuse'], asked['refuse'])}")
    for key in sorted(k for k in asked if k.startswith("refuse:")):
        print(f"    {key.removeprefix('refuse:')}: {_rate(right[key], asked[key])}")
    print(f"  refusals with a pointer: {pointed}")
    styles = sorted(k for k in asked if k.startswith("style:"))
    if styles != ["style:-"]:
        for key in styles:
            print(f"    top-1 {key.removeprefix('style:')}: {_rate(right[key], asked[key])}")
    if not quiet:
        print("  misses:" if misses else "  misses: none")
        print("\n".join(misses))
    top1 = right["top1"] / asked["top1"] if asked["top1"] else 1.0
    refused = right["refuse"] / asked["refuse"] if asked["refuse"] else 1.0
    return top1, refused


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--quiet", action="store_true", help="figures only, no misses")
    parser.add_argument("--half", choices=("a", "b"), help="every other case only")
    args = parser.parse_args(argv)
    retriever = default_retriever()
    results = [evaluate(retriever, path, args.quiet, args.half) for path in args.files or [DEV_SET]]
    return 0 if all(top1 >= 0.95 and refused >= 0.95 for top1, refused in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
