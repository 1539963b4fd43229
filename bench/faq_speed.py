"""FAQ retrieval speed: index build time and questions per second, the full retriever (BM25
plus the classifier, trained on the variants and what is not ours) against BM25 alone as the
baseline, in the same run.

    python bench/faq_speed.py [--rounds N]

(Not bench/faq.py: a script of that name would shadow the faq package for every script in
bench/ that imports it, directly or through dialogs.)

Prints figures only; never asserts on time (CI runs it as a smoke). The index is built once,
before serving (bot/app.py warms it in a thread), never on the request path.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from faq.entries import load_entries
from faq.retrieve import Retriever, Thresholds
from faq.text import default_analyzer
from faq.training import load_training

HELD_OUT = Path(__file__).resolve().parents[1] / "tests" / "faq" / "heldout.json"


def _timed(retriever: Retriever, questions: list[str], rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for question in questions:
            retriever.ask(question)
    return (time.perf_counter() - started) / (rounds * len(questions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the question set")
    args = parser.parse_args()

    started = time.perf_counter()
    analyzer = default_analyzer()
    print(f"analyzer start (jieba dictionary, OpenCC): {time.perf_counter() - started:.2f} s")

    entries = load_entries()
    started = time.perf_counter()
    baseline = Retriever(entries, analyzer, Thresholds(classifier_weight=0))
    baseline_build = time.perf_counter() - started
    training = load_training()
    started = time.perf_counter()
    full = Retriever(entries, analyzer, training=training)
    full_build = time.perf_counter() - started

    questions = [case["q"] for case in json.loads(HELD_OUT.read_text(encoding="utf-8"))]
    questions += [
        "",
        "😀" * 20,
        "积分通知书丢了怎么补？另外续签要什么材料",
        "积分通知书丢了？" * 300,
    ]
    baseline_latency = _timed(baseline, questions, args.rounds)
    full_latency = _timed(full, questions, args.rounds)

    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"index build: BM25 {baseline_build:.2f} s, BM25 + classifier {full_build:.2f} s")
    print(
        f"mean latency: BM25 {baseline_latency * 1000:.2f} ms, "
        f"BM25 + classifier {full_latency * 1000:.2f} ms "
        f"(ratio {full_latency / baseline_latency:.1f}x, {1 / full_latency:.0f} questions/s)"
    )


if __name__ == "__main__":
    main()
