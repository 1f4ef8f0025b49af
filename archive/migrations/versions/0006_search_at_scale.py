"""Search and facets at a million posts: a post's visit terms by post, headline matches by index.

- `ix_visit_terms_post` (post_id, kind, current, value, key): facets count the terms of the
  selected posts (at most 10,000 of them) by post id, from the index alone.
- PostgreSQL: `ix_search_vectors_headline`, a GIN index on the headline's words
  (`ts_filter(tsv, '{a}')`: weight A marks them, see 0001). Hits rank headline matches first;
  without it, finding them meant rechecking the weights of every match's vector.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

POST_TERMS = ["post_id", "kind", "current", "value", "key"]


def upgrade() -> None:
    op.create_index("ix_visit_terms_post", "visit_terms", POST_TERMS)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_search_vectors_headline ON search_vectors "
            "USING GIN (ts_filter(tsv, '{a}'))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_search_vectors_headline")
    op.drop_index("ix_visit_terms_post", "visit_terms")
