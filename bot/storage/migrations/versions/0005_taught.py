"""learning: taught variants, negatives and drafts (with their audit), the FAQ version row,
and the kind of a kept question (unknown, suggest, rated_down)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), server_default="unknown", nullable=False)
        )
    op.create_table(
        "taught",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("group_id", ID, nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", bot.storage.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column("undone_by", sa.String(length=100), nullable=True),
        sa.Column("undone_at", bot.storage.base.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taught")),
    )
    with op.batch_alter_table("taught", schema=None) as batch_op:
        batch_op.create_index("ix_taught_group_id", ["group_id"])
    op.create_table(
        "faq_version",
        sa.Column("id", ID, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("changed_at", bot.storage.base.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_version")),
    )


def downgrade() -> None:
    op.drop_table("faq_version")
    with op.batch_alter_table("taught", schema=None) as batch_op:
        batch_op.drop_index("ix_taught_group_id")
    op.drop_table("taught")
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.drop_column("kind")
