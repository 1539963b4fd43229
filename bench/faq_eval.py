"""FAQ retrieval quality on a labelled question set (default: tests/data/faq-dev.json,
a copy of shared/contracts/faq-dev.json).

    python bench/faq_eval.py [FILE ...]

Prints, per file: top-1 accuracy on in-domain questions (only an `answer` with the right topic
counts), how many in-domain questions got a `suggest` containing the right topic, the rejection
rate on out-of-domain questions (`unknown` = the CLI's id null), and every miss.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from faq.retrieve import Retriever, default_retriever

DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "faq-dev.json"


def evaluate(retriever: Retriever, path: Path) -> bool:
    cases = json.loads(path.read_text(encoding="utf-8"))
    in_domain = [c for c in cases if c["id"] is not None]
    out_of_domain = [c for c in cases if c["id"] is None]
    correct = suggested = rejected = 0
    misses: list[str] = []
    for case in cases:
        decision = retriever.ask(case["q"])
        got = decision.entry.id if decision.entry else None
        if case["id"] is None:
            rejected += decision.kind == "unknown"
            if decision.kind != "unknown":
                misses.append(
                    f"  OOD   {case['q']!r} -> {decision.kind} {got} {decision.score:.2f}"
                )
            continue
        if decision.kind == "answer" and got == case["id"]:
            correct += 1
            continue
        choices = [e.id for e in decision.suggestions]
        suggested += decision.kind == "suggest" and case["id"] in choices
        misses.append(
            f"  {case['id']:<26} {case['q']!r} -> {decision.kind} {got} "
            f"{decision.score:.2f} {choices if decision.kind == 'suggest' else ''}"
        )
    top1 = correct / len(in_domain) if in_domain else 0.0
    rejection = rejected / len(out_of_domain) if out_of_domain else 1.0
    print(f"{path.name}: {len(in_domain)} in-domain, {len(out_of_domain)} out-of-domain")
    print(f"  top-1 (answer, right topic): {correct}/{len(in_domain)} = {top1:.1%}")
    print(f"  right topic among suggestions: {suggested}")
    print(f"  out-of-domain rejected: {rejected}/{len(out_of_domain)} = {rejection:.1%}")
    print("  confusions:" if misses else "  confusions: none")
    print("\n".join(misses))
    return top1 >= 0.95 and rejection >= 0.90


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [DEV_SET]
    retriever = default_retriever()
    results = [evaluate(retriever, path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
