"""support: ratings of FAQ answers, and what the FAQ made of each question (for the figures)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
AT = bot.storage.base.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "faq_ratings",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("at", AT, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_faq_ratings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_ratings")),
    )
    with op.batch_alter_table("faq_ratings", schema=None) as batch_op:
        batch_op.create_index("ix_faq_ratings_at", ["at"])
        batch_op.create_index("ix_faq_ratings_user_id_topic", ["user_id", "topic"])
    op.create_table(
        "faq_outcomes",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("at", AT, nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_outcomes")),
    )
    with op.batch_alter_table("faq_outcomes", schema=None) as batch_op:
        batch_op.create_index("ix_faq_outcomes_at", ["at"])


def downgrade() -> None:
    with op.batch_alter_table("faq_outcomes", schema=None) as batch_op:
        batch_op.drop_index("ix_faq_outcomes_at")
    op.drop_table("faq_outcomes")
    with op.batch_alter_table("faq_ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_faq_ratings_user_id_topic")
        batch_op.drop_index("ix_faq_ratings_at")
    op.drop_table("faq_ratings")
