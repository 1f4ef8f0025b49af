"""Officials' roles and positions and sites' types on visits; retired visit ids answer still.

Also: a post's earlier version always belongs to a post (NOT NULL, as the model says).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM post_versions WHERE post_id IS NULL")
    with op.batch_alter_table("post_versions") as batch:
        batch.alter_column("post_id", existing_type=sa.Integer, nullable=False)
    with op.batch_alter_table("visits") as batch:
        for column in ("positions", "roles", "site_types"):
            batch.add_column(sa.Column(column, sa.JSON))
    with op.batch_alter_table("visit_terms") as batch:
        batch.add_column(sa.Column("role", sa.String(16)))
    op.create_table(
        "retired_visits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, nullable=False),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("replaced_by", sa.Integer),
        sa.Column("retired_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_retired_visits_post_id", "retired_visits", ["post_id"])


def downgrade() -> None:
    op.drop_index("ix_retired_visits_post_id", "retired_visits")
    op.drop_table("retired_visits")
    with op.batch_alter_table("visit_terms") as batch:
        batch.drop_column("role")
    with op.batch_alter_table("visits") as batch:
        for column in ("site_types", "roles", "positions"):
            batch.drop_column(column)
    with op.batch_alter_table("post_versions") as batch:
        batch.alter_column("post_id", existing_type=sa.Integer, nullable=True)
