"""Visit pages at a million posts: a post's site read from an index.

- `ix_posts_id_source` (id, source): the visit charts count visits per site (the posts'
  `source`) for up to 10,000 visits; read from this index, not from the posts themselves (on
  SQLite the column lies past each post's body, in its overflow pages: 0.2 s for 10,000
  visits at 100,000 posts).
- `ix_visits_span`, the visits' span in days (archive.filters.SPAN, an expression of each
  engine): "visits since a day" (those ending on or after it) start at the earliest that day
  less the longest span, a bound the date index can use.

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


#: archive.filters.SPAN as it was written here (a migration does not change with the code).
SPAN = {
    "postgresql": "coalesce(end_date, start_date) - start_date",
    "sqlite": "julianday(coalesce(end_date, start_date)) - julianday(start_date)",
}


def upgrade() -> None:
    op.create_index("ix_posts_id_source", "posts", ["id", "source"])
    op.execute(f"CREATE INDEX ix_visits_span ON visits (({SPAN[op.get_bind().dialect.name]}))")


def downgrade() -> None:
    op.execute("DROP INDEX ix_visits_span")
    op.drop_index("ix_posts_id_source", "posts")
