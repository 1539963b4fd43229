"""The reminders table: one row per reminder to push, claimed by the worker with a lease."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime
from bot.storage.models import Id

PENDING, SENT, CANCELLED, FAILED = "pending", "sent", "cancelled", "failed"


class Reminder(Base):
    """`payload` holds what to say: {"locale", "key", "values"}, rendered when sent.

    A claimed row stays pending with `lease_until` in the future; if its worker dies the
    lease runs out and the next due-scan claims it again (`attempts` counts the claims).
    """

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        Index("ix_reminders_status_due_at", "status", "due_at"),
        Index("ix_reminders_user_id_status", "user_id", "status"),
    )
