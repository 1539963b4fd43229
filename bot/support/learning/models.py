"""What staff taught the FAQ, and the version every process watches to rebuild its index.

`taught` has no `user_id` on purpose: a taught phrasing is bot content, stored only after its
personal data was masked (bot.support.learning.masking), so retention and `jifen user delete`
leave it behind. It keeps no link to the question it came from either, only the group id of
the review queue, so that a handled group leaves the queue.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime
from bot.storage.models import Id

VARIANT, NEGATIVE, DRAFT = "variant", "negative", "draft"
KINDS = (VARIANT, NEGATIVE, DRAFT)


class Taught(Base):
    """One decision of an admin: a variant of `topic`, out of scope (a negative), or a draft
    for a new topic. Undoing sets `undone_at`/`undone_by`; the row stays as the audit trail."""

    __tablename__ = "taught"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str | None] = mapped_column(String(64), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    group_id: Mapped[int | None] = mapped_column(Id, nullable=True)
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    undone_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (Index("ix_taught_group_id", "group_id"),)


class FaqVersion(Base):
    """One row (id 1): bumped in the transaction that changes what is taught."""

    __tablename__ = "faq_version"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
