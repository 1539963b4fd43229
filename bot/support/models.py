"""Support tables: handoffs (the queue), staff accounts and sessions, login attempts, canned
replies, and the questions the FAQ could not answer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime
from bot.storage.models import Id

WAITING, LIVE, RESOLVED, CANCELLED = "waiting", "live", "resolved", "cancelled"
AGENT, ADMIN = "agent", "admin"


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # agent | admin
    password_hash: Mapped[str] = mapped_column(String(256))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Handoff(Base):
    """One request of a user for a person: waiting -> live -> resolved (or cancelled).

    The conversation's `mode` mirrors the open handoff ("waiting" or "live"); a claim is the
    conditional update waiting -> live, so of two agents claiming at once exactly one wins.
    """

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default=WAITING)
    reason: Mapped[str] = mapped_column(String(32))
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_agent_reply_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (
        Index("ix_handoffs_status_id", "status", "id"),
        Index("ix_handoffs_user_id_status", "user_id", "status"),
    )


class StaffSession(Base):
    """A console login; the cookie holds a random token, the table only its SHA-256."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LoginCounter(Base):
    """Failed (or not yet decided) logins of one key in its window: a name from an address,
    an address, or a name. Counted by one upsert before the password is checked."""

    __tablename__ = "staff_login_counters"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime)


class CannedReply(Base):
    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class UnansweredQuestion(Base):
    """Kept with its asker only so that "delete my data" removes it too. `group_id` is the id
    of the first question of its group (decided when the question arrives)."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    group_id: Mapped[int | None] = mapped_column(Id, nullable=True)
    # unknown (not answered) | suggest (choices offered: below the answer threshold) |
    # rated_down (an answer the user rated down); the review queue shows them together.
    kind: Mapped[str] = mapped_column(String(16), default="unknown", server_default="unknown")

    __table_args__ = (
        Index("ix_unanswered_questions_at_group_id", "at", "group_id"),
        Index("ix_unanswered_questions_user_id_at", "user_id", "at"),
    )


class UnansweredBucket(Base):
    """A MinHash bucket of a group's first question (see `bot.support.similar`)."""

    __tablename__ = "unanswered_buckets"

    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("unanswered_questions.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index("ix_unanswered_buckets_question_id", "question_id"),)


class FaqRating(Base):
    """A user's 👍 or 👎 of one FAQ answer, with the question they had asked (cut to 500
    characters; None when they picked the topic from a list), kept with its asker so that
    "delete my data" removes it. A second press on the same answer changes the rating."""

    __tablename__ = "faq_ratings"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(64))
    helpful: Mapped[bool] = mapped_column(Boolean)
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    channel: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        Index("ix_faq_ratings_at", "at"),
        Index("ix_faq_ratings_user_id_topic", "user_id", "topic"),
    )


class FaqOutcome(Base):
    """What the FAQ made of one question (answered, suggested, refused) or of a topic picked
    from a list: only counts for the figures, nothing about who asked or what."""

    __tablename__ = "faq_outcomes"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str | None] = mapped_column(String(64), nullable=True)
    channel: Mapped[str] = mapped_column(String(16))

    __table_args__ = (Index("ix_faq_outcomes_at", "at"),)
