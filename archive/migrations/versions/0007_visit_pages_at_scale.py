"""Visit pages at a million posts: a post's site read from an index.

- `ix_posts_id_source` (id, source): the visit charts count visits per site (the posts'
  `source`) for up to 10,000 visits; read from this index, not from the posts themselves (on
  SQLite the column lies past each post's body, in its overflow pages: 0.2 s for 10,000
  visits at 100,000 posts).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_posts_id_source", "posts", ["id", "source"])


def downgrade() -> None:
    op.drop_index("ix_posts_id_source", "posts")
