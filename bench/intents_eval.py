"""Typed requests: does the dialog take each text for what its writer meant?

    python bench/intents_eval.py [FILE ...] [--misses] [--json]

Each FILE (default: bench/data/intents_example.json, a tiny example) is a JSON list of
{"where", "text", "expect"}: where is "menu" or "question:<question id>" (or the id alone:
the dialog has just asked that question), expect one of calculate | reminder | handoff | restart |
edit:<question id> | faq | answer. A FILE in the FAQ's format (bench/faq_eval.py) is read
as questions typed at the menu, each expecting faq: how many of them a request takes. The
text goes through the dialog's own `understand` (the step's first half: commands, typed
numbers, answer parsers, the intent cues, the FAQ), and what it made of it is sorted:

- right: taken for what was expected at once (leaving for the menu counts as a restart, and
  at the menu a calculation and a restart are one: see LABELS);
- confirmed: the dialog asked back "this, or the FAQ?" (or which of two questions an edit
  names, or whether a question about the rule asks or answers) and the expected reading was
  offered
  (one tap more: fine for a text that is both, a cost for one that is not);
- wrong: anything else (a request taken for a question or an answer, or the other way).

Prints a table per expected kind and the total. The lead scores the frozen blind set with
it; tune only on sets you may read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

if not __package__:  # run as a script: the repository root, for `bench.answers_eval`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.answers_eval import NOW, TODAY, at_question
from dialogs.asked_in_question import RULE_KEYS
from dialogs.conversation import Conversation
from dialogs.flows.points import either_named, named_question
from dialogs.intents import EITHER, PREVIOUS
from dialogs.machine import ELSEWHERE, understand
from dialogs.questions import QUESTIONS, applicable
from dialogs.types import Inbound

EXAMPLE = Path(__file__).parent / "data" / "intents_example.json"
# The request kinds the sets are written in: seeing or cancelling one's reminders is a reminder
# request too (我的提醒, 取消提醒), carried out by its own command.
LABELS = {
    "score": "calculate",
    "remind": "reminder",
    "reminders": "reminder",
    "unsubscribe": "reminder",
    "human": "handoff",
    "restart": "restart",
    # Leaving the questions for the menu (回主菜单, quit this) is no kind of the sets: their
    # writers file it under restart (round 5). The menu shown keeps the answers and offers to
    # start again: the request is carried out.
    "menu": "restart",
    # 取消 / cancel at a question leaves the questions for the menu the same way (menu.py).
    "cancel": "restart",
}
# At the menu with nothing answered (where every "menu" case starts) a calculation and a restart
# do the same: the questions from the first one, nothing kept (points.begin).
SAME_AT_THE_MENU = frozenset({"calculate", "restart"})
OUTCOMES = ("right", "confirmed", "wrong")
QUESTION_IDS = frozenset(q.id for q in QUESTIONS)
# 我也不确定 / 不知道 at a question is its answer "I don't know": the question says how to find out
# (flows/unsure.py), not the FAQ.
ANSWER_KINDS = frozenset(
    {"value", "ambiguous", "unclear", "invalid", "toggle", "stale", "empty", "unsure"}
)


def place(where: str) -> Conversation:
    if where == "menu":
        return Conversation.new("zh-CN")
    kind, _, question = where.partition(":")
    if not question and kind in QUESTION_IDS:  # round 7's sets name the question alone
        kind, question = "question", kind
    if kind != "question" or not question:
        raise SystemExit(f'where: "menu", "question:<id>" or "<id>", got {where!r}')
    conversation = at_question(question)
    # The questions before it were answered (上一题选错了 names the one just before).
    order = [q.id for q in applicable({**conversation.answers, **conversation.context["extra"]})]
    conversation.context["done"] = order[: order.index(question)]
    return conversation


def readings(where: str, text: str) -> tuple[str, set[str]]:
    """What the dialog made of `text` at `where`: one reading, or (for an ask-back) "?" and
    the readings it offered."""
    conversation = place(where)
    trigger, arg, reading, _ = understand(
        conversation, Inbound("console", "eval", "1", NOW, text=text), TODAY
    )
    if trigger == "edit" and EITHER in arg and len(either := either_named(conversation, arg)) > 1:
        return "?", {f"edit:{q.id}" for q in either}  # which of two questions: asked back
    if trigger == "back" and conversation.state in ELSEWHERE:  # nothing to go back to
        return LABELS["menu"], set()  # the machine shows the menu, as 回主菜单 does
    if trigger in ("edit", "back"):  # back asks the question before again: an edit of it
        question = named_question(conversation, arg if trigger == "edit" else PREVIOUS)
        return (f"edit:{question.id}" if question else f"{trigger}:?"), set()
    if trigger == "cancel" and arg:  # 取消转人工: a handoff cancelled, the questions not left
        return trigger, set()
    if trigger != "answer":
        return LABELS.get(trigger, trigger), set()
    if reading.kind == "maybe_intent":
        return "?", {reading.value.label, "faq"}
    if reading.kind == "request_or_answer":
        return "?", {reading.value.label, "answer"}
    if reading.kind == "ambiguous" and reading.ambiguous.key in RULE_KEYS:
        return "?", {"faq", "answer"}  # 交通违章算不算？: asking about the rule, or answering?
    if reading.kind in ANSWER_KINDS and where != "menu":
        return "answer", set()
    return "faq", set()


def as_request(case: dict[str, Any]) -> dict[str, Any]:
    """A case of an FAQ set ({"q", "id"}, for bench/faq_eval.py) is a question typed at the
    menu that no request may take: expect faq (its own answer, or a refusal, is the FAQ's)."""
    if "q" in case:
        return {"where": "menu", "text": case["q"], "expect": "faq"}
    return case


def outcome(case: dict[str, Any]) -> tuple[str, str]:
    got, offered = readings(case["where"], case["text"])
    same = case["where"] == "menu" and {got, case["expect"]} <= SAME_AT_THE_MENU
    if got == case["expect"] or same:
        return "right", got
    if got == "?" and case["expect"] in offered:
        return "confirmed", f"asked back {sorted(offered)}"
    return "wrong", got


def evaluate(path: Path, show_misses: bool, as_json: bool) -> None:
    cases = [as_request(c) for c in json.loads(path.read_text(encoding="utf-8"))]
    table: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    for case in cases:
        result, got = outcome(case)
        table[case["expect"].split(":")[0]][result] += 1
        if result != "right":
            misses.append(f"  {result:9} {case['where']:28} {case['text']!r} -> {got}")
    total: Counter[str] = sum(table.values(), Counter())
    if as_json:
        print(json.dumps({"total": dict(total), **{k: dict(v) for k, v in table.items()}}))
        return
    print(f"{path} ({len(cases)} texts)")
    print(f"{'expect':12}" + "".join(f"{o:>11}" for o in OUTCOMES) + f"{'right %':>10}")
    for kind, counts in [*sorted(table.items()), ("total", total)]:
        n = sum(counts.values())
        row = "".join(f"{counts[o]:>11}" for o in OUTCOMES)
        print(f"{kind:12}{row}{100 * counts['right'] / n:>9.1f}%")
    if show_misses and misses:
        print("\n".join(["", "not right:", *misses]))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=[EXAMPLE])
    parser.add_argument("--misses", action="store_true", help="list what was not right")
    parser.add_argument("--json", action="store_true", help="one JSON object of the counts")
    args = parser.parse_args(argv)
    for path in args.files:
        evaluate(path, args.misses, args.json)


if __name__ == "__main__":
    main(sys.argv[1:])
