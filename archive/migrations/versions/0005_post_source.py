"""Every post says its site: `posts.source` and the site's id `posts.source_id`, one post per pair.

`posts.id` becomes the archive's own id, generated for each new post: the site's ids would
collide as soon as a second site is archived (www.thaigov.go.th numbers its posts 2…98884, as
www.mdes.go.th does its own). Posts already archived are MDES's and keep their ids, so links
cited to them keep working. Fetch failures and WARC records say their site too, since their
URLs' ids are the site's.

On SQLite the columns are added in place (ALTER TABLE ADD COLUMN, with a default for the rows
already there): rebuilding `posts` would, with foreign keys on, delete every fact and visit by
cascade. SQLite numbers a new row past the largest id by itself; PostgreSQL gets a sequence,
started past the largest id.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: The only site archived before this revision (archive.sources.DEFAULT_SOURCE, as it was then).
FIRST_SOURCE = "mdes"
#: The tables whose rows name their site, besides `posts`.
SITED = ("fetch_failures", "warc_records")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    first = sa.text(f"'{FIRST_SOURCE}'")
    for table in ("posts", *SITED):
        op.add_column(table, sa.Column("source", sa.Text, nullable=False, server_default=first))
    op.add_column(
        "posts", sa.Column("source_id", sa.Integer, nullable=False, server_default=sa.text("0"))
    )
    op.execute("UPDATE posts SET source_id = id")
    op.create_index("uq_posts_source_source_id", "posts", ["source", "source_id"], unique=True)
    if postgres:
        # The model declares no defaults: each writer says the site (and the id) it stores.
        for table in ("posts", *SITED):
            op.alter_column(table, "source", server_default=None)
        op.alter_column("posts", "source_id", server_default=None)
        op.execute("CREATE SEQUENCE posts_id_seq OWNED BY posts.id")
        op.execute("ALTER TABLE posts ALTER COLUMN id SET DEFAULT nextval('posts_id_seq')")
        op.execute("SELECT setval('posts_id_seq', COALESCE(MAX(id), 0) + 1, false) FROM posts")


def downgrade() -> None:
    bind = op.get_bind()
    others = bind.scalar(
        sa.text("SELECT COUNT(*) FROM posts WHERE source <> :first OR source_id <> id"),
        {"first": FIRST_SOURCE},
    )
    if others:
        raise RuntimeError(
            f"cannot downgrade: {others} posts are not {FIRST_SOURCE}'s under their site's id"
        )
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE posts ALTER COLUMN id DROP DEFAULT")
        op.execute("DROP SEQUENCE posts_id_seq")
    op.drop_index("uq_posts_source_source_id", "posts")
    op.drop_column("posts", "source_id")
    for table in ("posts", *SITED):
        op.drop_column(table, "source")
