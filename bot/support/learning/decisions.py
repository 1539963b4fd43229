"""Teach decisions: stored with who and when, undone by marking, never deleted.

Each change bumps the FAQ version row in the same transaction, so every process sees a new
version exactly when the change is committed (bot.support.learning.watch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.support.learning import version
from bot.support.learning.masking import mask, without_labels
from bot.support.learning.models import DRAFT, KINDS, NEGATIVE, VARIANT
from bot.support.learning.models import Taught as Row
from bot.support.wording import say
from faq.retrieve import load_entries

TEXT_CHARS = 500
# The label taught negatives train the classifier on: one more kind of "not ours", with no
# pointer to another office (faq/retrieve.py refuses it with the plain "don't know").
OUT_OF_SCOPE = "taught_out_of_scope"


class TeachError(ValueError):
    """A decision that cannot be stored, phrased for the admin: in Chinese (the CLI's import),
    and by `key` (a console text) in the console's language."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key

    def said(self, locale: str) -> str:
        return say(locale, self.key) if self.key else str(self)


def _refused(key: str) -> TeachError:
    return TeachError(say("zh-CN", key), key)


@dataclass(frozen=True)
class Decision:
    id: int
    kind: str
    topic: str | None
    text: str
    group_id: int | None
    decided_by: str
    decided_at: datetime
    undone_by: str | None
    undone_at: datetime | None

    @property
    def active(self) -> bool:
        return self.undone_at is None


@dataclass(frozen=True)
class Lessons:
    """What is taught now: the variants by topic and the out-of-scope questions."""

    variants: Mapping[str, tuple[str, ...]]
    negatives: Mapping[str, tuple[str, ...]]

    @property
    def empty(self) -> bool:
        return not self.variants and not self.negatives


def _decision(row: Row) -> Decision:
    return Decision(
        row.id,
        row.kind,
        row.topic,
        row.text,
        row.group_id,
        row.decided_by,
        row.decided_at,
        row.undone_by,
        row.undone_at,
    )


def checked(kind: str, topic: str | None, text: str) -> tuple[str, str | None, str]:
    """The decision as it would be stored: text masked and cut, topic known (variants only)."""
    if kind not in KINDS:
        raise _refused("learn-error-kind")
    text = mask(_storable(text).strip())[:TEXT_CHARS]
    if not text:
        raise _refused("learn-error-empty")
    if kind != VARIANT:
        return kind, None, text
    if topic not in {entry.id for entry in load_entries()}:
        raise _refused("learn-error-topic")
    return kind, topic, text


def _storable(said: str) -> str:
    """Without NUL (PostgreSQL text refuses it) and with lone surrogates as "?"."""
    return said.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


async def teach(
    session: AsyncSession,
    kind: str,
    topic: str | None,
    text: str,
    by: str,
    now: datetime,
    group_id: int | None = None,
) -> Decision:
    kind, topic, text = checked(kind, topic, text)
    row = Row(kind=kind, topic=topic, text=text, group_id=group_id, decided_by=by, decided_at=now)
    session.add(row)
    await session.flush()
    if kind != DRAFT:
        await version.bump(session, now)
    return _decision(row)


async def undo(session: AsyncSession, decision_id: int, by: str, now: datetime) -> bool:
    """False when there is no such decision or it was already undone."""
    kind = await session.scalar(
        update(Row)
        .where(Row.id == decision_id, Row.undone_at.is_(None))
        .values(undone_by=by, undone_at=now)
        .returning(Row.kind)
    )
    if kind is None:
        return False
    if kind != DRAFT:
        await version.bump(session, now)
    return True


async def history(session: AsyncSession, limit: int = 200) -> list[Decision]:
    """The audit trail, newest first."""
    rows = await session.scalars(select(Row).order_by(Row.id.desc()).limit(limit))
    return [_decision(row) for row in rows]


async def active(session: AsyncSession) -> list[Decision]:
    rows = await session.scalars(select(Row).where(Row.undone_at.is_(None)).order_by(Row.id))
    return [_decision(row) for row in rows]


def lessons_of(decisions: Sequence[Decision]) -> Lessons:
    """What the retriever learns from the decisions in force (drafts teach it nothing)."""
    variants: dict[str, tuple[str, ...]] = {}
    negatives: list[str] = []
    for decision in decisions:
        if not decision.active:
            continue
        learnt = without_labels(decision.text)
        if decision.kind == VARIANT and decision.topic:
            variants[decision.topic] = (*variants.get(decision.topic, ()), learnt)
        elif decision.kind == NEGATIVE:
            negatives.append(learnt)
    return Lessons(variants, {OUT_OF_SCOPE: tuple(negatives)} if negatives else {})


async def lessons_now(session: AsyncSession) -> Lessons:
    return lessons_of(await active(session))
