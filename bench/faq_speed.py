"""FAQ retrieval speed: index build time and questions per second.

    python bench/faq_speed.py [--rounds N]

(Not bench/faq.py: a script of that name would shadow the faq package for every script in
bench/ that imports it, directly or through dialogs.)

Prints figures only; never asserts on time (CI runs it as a smoke).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from faq.entries import load_entries
from faq.retrieve import Retriever
from faq.text import default_analyzer

HELD_OUT = Path(__file__).resolve().parents[1] / "tests" / "faq" / "heldout.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the question set")
    args = parser.parse_args()

    started = time.perf_counter()
    analyzer = default_analyzer()
    analyzer_seconds = time.perf_counter() - started

    entries = load_entries()
    started = time.perf_counter()
    retriever = Retriever(entries, analyzer)
    build_seconds = time.perf_counter() - started
    documents = sum(2 + len(entry.variants) for entry in entries)

    questions = [case["q"] for case in json.loads(HELD_OUT.read_text(encoding="utf-8"))]
    questions += ["", "😀" * 20, "积分通知书丢了怎么补打？" * 300]
    started = time.perf_counter()
    for _ in range(args.rounds):
        for question in questions:
            retriever.ask(question)
    asked = args.rounds * len(questions)
    ask_seconds = time.perf_counter() - started

    print(f"analyzer start (jieba dictionary, OpenCC): {analyzer_seconds * 1000:.0f} ms")
    print(
        f"index build: {build_seconds * 1000:.0f} ms ({len(entries)} topics, {documents} documents)"
    )
    print(f"questions: {asked} in {ask_seconds:.2f} s = {asked / ask_seconds:.0f} per second")
    print(f"mean latency: {ask_seconds / asked * 1000:.2f} ms per question")


if __name__ == "__main__":
    main()
