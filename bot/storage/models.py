"""Core tables: users, their conversation, transcript, processed message ids, reply outbox,
the inbox of messages kept before they are answered, and the database's identity."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime

# BigInteger ids that are still SQLite's INTEGER PRIMARY KEY (rowid) there.
Id = BigInteger().with_variant(Integer(), "sqlite")


class User(Base):
    """A person as one channel knows them (a Telegram chat, a WeChat openid, a web visitor)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(128))
    unreachable: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("uq_users_channel_external_id", "channel", "external_id", unique=True),)


class Conversation(Base):
    """The dialog's durable state: the four fields of `dialogs.Conversation.to_record()`.

    `version` grows with every committed step; a step whose save finds another version was
    overtaken by a concurrent step of the same user and is run again.
    `mode` is "bot", or a handoff mode in which staff, not the dialog, hold the conversation.
    """

    __tablename__ = "conversations"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(8))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    context: Mapped[dict[str, Any]] = mapped_column(JSON)
    mode: Mapped[str] = mapped_column(String(16), default="bot")
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TranscriptLine(Base):
    __tablename__ = "transcript"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    author: Mapped[str] = mapped_column(String(16))  # "user" | "bot" | "agent" | "system"
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        Index("ix_transcript_user_id_id", "user_id", "id"),
        Index("ix_transcript_at", "at"),
    )


class ProcessedMessage(Base):
    """One row per (channel, message id) handled: the dedupe key and the replies it produced."""

    __tablename__ = "processed_messages"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    outbox_ids: Mapped[list[int]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class OutboxReply(Base):
    """A reply committed with the step that produced it, delivered afterwards (at least once)."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    # The sweep walks the pending rows in id order through a partial index: it stays as small
    # as what is in flight, so the planner starts from it even on a never-analyzed database
    # (tests/bot/test_outbox_sweep_plan.py), and sent rows cost it nothing to maintain.
    __table_args__ = (
        Index(
            "ix_outbox_pending",
            "id",
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
        Index("ix_outbox_user_id_id", "user_id", "id"),
    )


class ApiToken(Base):
    """Access tokens of external APIs (WeChat) shared by every process, with their expiry."""

    __tablename__ = "api_tokens"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class InboxMessage(Base):
    """A message as it arrived, kept before it is answered (WeChat: "success" promises it will
    be handled; a step that fails after that is stepped again by the inbox sweep), keyed by
    the signed (timestamp, nonce) pair of the request that brought it: the same row is the
    replay guard, so a message costs one write, not two. Kept until the pair leaves the replay
    window and the message was stepped (`processed_messages` holds its id)."""

    __tablename__ = "inbox"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # "<timestamp>:<nonce>"
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of the body posted with the pair
    channel: Mapped[str] = mapped_column(String(16))
    message_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    inbound: Mapped[dict[str, Any] | None] = mapped_column(  # NULL: nothing to step
        JSON(none_as_null=True), nullable=True
    )
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_inbox_received_at", "received_at"),)


class DatabaseIdentity(Base):
    """One row: a random id made by the migration that created the database. A database
    dropped and created again at the same URL (a test's, a dev database restored from another)
    has another, so what a process kept outside it (`bot.sent_marks_journal`) is not applied
    to it."""

    __tablename__ = "database_identity"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
