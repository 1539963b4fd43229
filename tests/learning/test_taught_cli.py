"""`jifen faq` and `jifen chat` answer from what staff taught too, as `jifen serve` does: a
question the bot did not know, taught as a variant, is answered with its topic; taught out of
scope, it is refused. Without a database file `jifen faq` answers from the FAQ files and makes
none."""

from __future__ import annotations

import json
from pathlib import Path

from bot.storage.database import Database
from bot.support.learning import decisions
from bot.support.learning.models import NEGATIVE, VARIANT
from tests.bot.helpers import FakeClock
from tests.bot.test_commands import jifen
from tests.learning.web_process import answer_of

TAUGHT = "积分对办健身卡有用吗"
TOPIC = "points_benefits"
KNOWN = "积分通知书丢了能补打吗"  # a dev-set question of notice_reprint


async def _teach(url: str, kind: str, topic: str | None, text: str) -> None:
    db = Database(url)
    try:
        async with db.transaction() as session:
            await decisions.teach(session, kind, topic, text, "alice", FakeClock()())
    finally:
        await db.dispose()


def _faq(url: str, question: str) -> dict[str, object]:
    [found] = _faq_ids(url, question)
    return found


def _faq_ids(url: str, *questions: str) -> list[dict[str, object]]:
    """`jifen faq --file - --json`: the questions asked in one process, one answer a line."""
    stdin = "".join(f"{question}\n" for question in questions)
    result = jifen("faq", "--file", "-", "--json", stdin=stdin, env={"JIFEN_DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(found) == len(questions), result.stdout
    return found


async def test_jifen_faq_answers_a_taught_variant_and_refuses_a_taught_negative(
    sqlite_url: str,
) -> None:
    taught, known = _faq_ids(sqlite_url, TAUGHT, KNOWN)
    assert taught["id"] is None
    assert known["id"] == "notice_reprint"
    await _teach(sqlite_url, VARIANT, TOPIC, TAUGHT)
    await _teach(sqlite_url, NEGATIVE, None, KNOWN)
    taught, known = _faq_ids(sqlite_url, TAUGHT, KNOWN)
    assert taught["id"] == TOPIC
    assert known["id"] is None


def test_jifen_faq_without_a_database_answers_from_the_files_and_makes_none(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "none.db"
    found = _faq(f"sqlite+aiosqlite:///{missing}", KNOWN)
    assert found["id"] == "notice_reprint"
    assert not missing.exists()


async def test_jifen_chat_answers_a_taught_variant(sqlite_url: str) -> None:
    env = {"JIFEN_DATABASE_URL": sqlite_url}
    before = jifen("chat", "--user", "alice", stdin=f"{TAUGHT}\n", env=env)
    assert before.returncode == 0, before.stderr
    assert answer_of(TOPIC) not in before.stdout
    await _teach(sqlite_url, VARIANT, TOPIC, TAUGHT)
    after = jifen("chat", "--user", "bob", stdin=f"{TAUGHT}\n", env=env)
    assert after.returncode == 0, after.stderr
    assert answer_of(TOPIC) in after.stdout
