"""Initial schema: posts, versions, facts, visits, search documents, crawl runs, failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("categories", sa.JSON, nullable=False),
        sa.Column("category_name", sa.Text),
        sa.Column("images", sa.JSON, nullable=False),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("encoding", sa.String(32)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("first_fetched_at", sa.DateTime, nullable=False),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_posts_published", "posts", ["published"])
    op.create_table(
        "post_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE")),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("post_id", "version"),
    )
    op.create_index("ix_post_versions_post_id", "post_versions", ["post_id"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("attrs", sa.JSON, nullable=False),
    )
    op.create_index("ix_facts_kind_value", "facts", ["kind", "value"])
    op.create_index("ix_facts_post_version", "facts", ["post_id", "pipeline_version"])
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("dates", sa.JSON, nullable=False),
        sa.Column("provinces", sa.JSON, nullable=False),
        sa.Column("districts", sa.JSON, nullable=False),
        sa.Column("subdistricts", sa.JSON, nullable=False),
        sa.Column("officials", sa.JSON, nullable=False),
        sa.Column("sites", sa.JSON, nullable=False),
    )
    op.create_index("ix_visits_start_date", "visits", ["start_date"])
    op.create_index("ix_visits_post_version", "visits", ["post_id", "pipeline_version"])
    op.create_table(
        "search_docs",
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("title_words", sa.Text, nullable=False),
        sa.Column("body_words", sa.Text, nullable=False),
    )
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("start_urls", sa.JSON, nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("new_posts", sa.Integer, nullable=False),
        sa.Column("changed_posts", sa.Integer, nullable=False),
        sa.Column("unchanged_posts", sa.Integer, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("message", sa.Text),
    )
    op.create_table(
        "fetch_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("crawl_runs.id")),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_fetch_failures_run_id", "fetch_failures", ["run_id"])

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Words are pre-segmented by PyThaiNLP; unicode61 only needs to split on the spaces.
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title_words, body_words, tokenize = 'unicode61 remove_diacritics 0')"
        )
        # Deleting a post (or its search doc) removes it from the index in the same transaction.
        op.execute(
            "CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN "
            "DELETE FROM search_fts WHERE rowid = old.post_id; END"
        )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_search_docs_tsv ON search_docs USING GIN ("
            "to_tsvector('simple', title_words || ' ' || body_words))"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_docs_ad")
        op.execute("DROP TABLE IF EXISTS search_fts")
    for table in (
        "fetch_failures",
        "crawl_runs",
        "search_docs",
        "visits",
        "facts",
        "post_versions",
        "posts",
    ):
        op.drop_table(table)
