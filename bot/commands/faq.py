"""`jifen faq QUESTION [--json]` and `jifen faq --file FILE [--json]`: answer procedure questions.

JSON, one object per question: `id` is the best topic when the retriever answers or offers
choices (`decision` "answer" or "suggest"), null only when it would say it does not know
("unknown"); `answer` is that topic's rendered Chinese answer (null with a null id); `score`
is the retriever's confidence; `suggestions` are the other offered topic ids (suggest only).
With --file, one question per line in and one line out per question, in the same order.

It answers from what staff taught too, as `jifen serve` does, when the configured database
(JIFEN_DATABASE_URL) is there: a fresh checkout has none, and this command never creates one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import make_url

from bot.config import Settings
from bot.storage.database import DATABASE_UNAVAILABLE, Database
from bot.support.learning.watch import Follower
from dialogs.faq_answer import faq_answer
from faq import live
from faq.retrieve import Decision
from scoring.policy import Edition, NoEditionError, edition_in_force

# Shanghai has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tzdata.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
UNKNOWN_REPLY = "不知道，可以转人工"


class InputError(Exception):
    """Bad input, already phrased as one line."""


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__
    parser.add_argument("question", nargs="?", help="the question, in Chinese or English")
    parser.add_argument("--file", metavar="FILE", help="one question per line (- for stdin)")
    parser.add_argument("--json", action="store_true", help="print JSON, one object per line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        questions = _questions(args.question, args.file)
        edition = edition_in_force(datetime.now(SHANGHAI).date())
    except (InputError, NoEditionError) as error:
        print(f"jifen faq: {error}", file=sys.stderr)
        return 2
    asyncio.run(_taught(Settings().database_url))
    retriever = live.current()
    for question in questions:
        decision = retriever.ask(question)
        if args.json:
            print(json.dumps(to_json(decision, edition), ensure_ascii=False), flush=True)
        else:
            print(render(decision, edition), end="\n\n" if args.file else "\n")
    return 0


async def _taught(url: str) -> None:
    """Swap in the retriever of what is taught (faq.live) when the database is there; else the
    data files' retriever answers."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        if not path or path == ":memory:" or not Path(path).exists():
            return
    db = Database(url, timeout=10)
    try:
        await Follower(db).refresh()
    except DATABASE_UNAVAILABLE as error:
        print(
            f"jifen faq: what staff taught was not read ({error.__class__.__name__}); "
            "answering from the FAQ files",
            file=sys.stderr,
        )
    finally:
        await db.dispose()


def _questions(question: str | None, file: str | None) -> list[str]:
    if file is None:
        if question is None:
            raise InputError("give a QUESTION or --file FILE")
        return [question]
    if question is not None:
        raise InputError("give a QUESTION or --file FILE, not both")
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"{file}: cannot read as UTF-8 text ({error.__class__.__name__})"
        ) from None
    return text.splitlines()


def to_json(decision: Decision, edition: Edition) -> dict[str, object]:
    entry = decision.entry
    return {
        "id": entry.id if entry else None,
        "score": round(decision.score, 4),
        "answer": faq_answer(entry, "zh-CN", edition) if entry else None,
        "suggestions": [e.id for e in decision.suggestions if e is not entry],
        "decision": decision.kind,
    }


def render(decision: Decision, edition: Edition) -> str:
    if decision.kind == "answer" and decision.entry is not None:
        return f"{decision.entry.question}\n\n{faq_answer(decision.entry, 'zh-CN', edition)}"
    if decision.kind == "suggest":
        choices = [f"  {n}. {e.question}（{e.id}）" for n, e in enumerate(decision.suggestions, 1)]
        return "\n".join(["您想问的是不是：", *choices])
    return UNKNOWN_REPLY
