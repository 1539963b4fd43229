"""support: unanswered questions grouped as they arrive; login counters replace failures

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 21:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_id", ID, nullable=True))
        batch_op.drop_index("ix_unanswered_questions_at")
        batch_op.create_index("ix_unanswered_questions_at_group_id", ["at", "group_id"])
        batch_op.create_index("ix_unanswered_questions_user_id_at", ["user_id", "at"])
    op.execute("UPDATE unanswered_questions SET group_id = id")  # each earlier one its own group
    op.create_table(
        "unanswered_buckets",
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("question_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["unanswered_questions.id"],
            name=op.f("fk_unanswered_buckets_question_id_unanswered_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("bucket", "question_id", name=op.f("pk_unanswered_buckets")),
    )
    with op.batch_alter_table("unanswered_buckets", schema=None) as batch_op:
        batch_op.create_index("ix_unanswered_buckets_question_id", ["question_id"])

    with op.batch_alter_table("staff_login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_login_failures_name_at")
        batch_op.drop_index("ix_staff_login_failures_ip_at")
    op.drop_table("staff_login_failures")
    op.create_table(
        "staff_login_counters",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("window_start", bot.storage.base.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_staff_login_counters")),
    )


def downgrade() -> None:
    op.drop_table("staff_login_counters")
    op.create_table(
        "staff_login_failures",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("at", bot.storage.base.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_login_failures")),
    )
    with op.batch_alter_table("staff_login_failures", schema=None) as batch_op:
        batch_op.create_index("ix_staff_login_failures_ip_at", ["ip", "at"])
        batch_op.create_index("ix_staff_login_failures_name_at", ["name", "at"])
    with op.batch_alter_table("unanswered_buckets", schema=None) as batch_op:
        batch_op.drop_index("ix_unanswered_buckets_question_id")
    op.drop_table("unanswered_buckets")
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.drop_index("ix_unanswered_questions_user_id_at")
        batch_op.drop_index("ix_unanswered_questions_at_group_id")
        batch_op.create_index("ix_unanswered_questions_at", ["at"])
        batch_op.drop_column("group_id")
