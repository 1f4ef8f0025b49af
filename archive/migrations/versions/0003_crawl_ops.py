"""Crawl operations: the WARC index, what each run did to each post, a run's mode and report.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("crawl_runs") as batch:
        batch.add_column(sa.Column("mode", sa.String(16)))
        batch.add_column(sa.Column("report", sa.JSON))
    op.create_table(
        "warc_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("crawl_runs.id")),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("post_id", sa.Integer),
        sa.Column("content_type", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("file", sa.String(255), nullable=False),
        sa.Column("offset", sa.BigInteger, nullable=False),
        sa.Column("length", sa.Integer, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
    )
    op.create_index("ix_warc_records_run_id", "warc_records", ["run_id"])
    op.create_index("ix_warc_records_url", "warc_records", ["url"])
    op.create_index("ix_warc_records_post_id", "warc_records", ["post_id"])
    op.create_table(
        "crawl_run_posts",
        sa.Column("run_id", sa.Integer, sa.ForeignKey("crawl_runs.id"), primary_key=True),
        sa.Column("post_id", sa.Integer, primary_key=True),
        sa.Column("outcome", sa.String(16), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("crawl_run_posts")
    op.drop_table("warc_records")
    with op.batch_alter_table("crawl_runs") as batch:
        batch.drop_column("report")
        batch.drop_column("mode")
