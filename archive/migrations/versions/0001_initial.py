"""Initial schema: posts, versions, facts, visits (and their terms), extractions, search documents
with each engine's full-text index, crawl runs, failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

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
        sa.Column("current", sa.Boolean, nullable=False),
    )
    op.create_index("ix_visits_period", "visits", ["start_date", "end_date", "current", "post_id"])
    op.create_index("ix_visits_lookup", "visits", ["id", "current", "post_id"])
    op.create_index("ix_visits_post_version", "visits", ["post_id", "pipeline_version"])
    op.create_table(
        "visit_terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "visit_id", sa.Integer, sa.ForeignKey("visits.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("post_id", sa.Integer, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("key", sa.Text),
        sa.Column("detail", sa.Text),
    )
    op.create_index("ix_visit_terms_visit_id", "visit_terms", ["visit_id"])
    for name, column in (
        ("ix_visit_terms_kind_value", "value"),
        ("ix_visit_terms_kind_key", "key"),
    ):
        op.create_index(name, "visit_terms", ["kind", column, "visit_id", "post_id", "current"])
    op.create_table(
        "extractions",
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("pipeline_version", sa.String(32), primary_key=True),
        sa.Column("extracted_at", sa.DateTime, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("facts", sa.Integer, nullable=False),
        sa.Column("visits", sa.Integer, nullable=False),
    )
    op.create_index("ix_extractions_current", "extractions", ["current"])
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
        _sqlite_fts()
    elif bind.dialect.name == "postgresql":
        _postgresql_fts()


def _sqlite_fts() -> None:
    # search_docs holds words already segmented by PyThaiNLP and cleaned to letters, marks and
    # digits, one space apart. The `ascii` tokenizer splits on those spaces only (unicode61 would
    # also split at Thai vowel and tone marks). External content: the text is stored once, in
    # search_docs; the triggers keep the index in step with every insert, update and delete
    # (including the cascade from deleting a post).
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(title_words, body_words, "
        "content='search_docs', content_rowid='post_id', tokenize='ascii')"
    )
    insert = (
        "INSERT INTO search_fts(rowid, title_words, body_words) "
        "VALUES (new.post_id, new.title_words, new.body_words);"
    )
    remove = (
        "INSERT INTO search_fts(search_fts, rowid, title_words, body_words) "
        "VALUES ('delete', old.post_id, old.title_words, old.body_words);"
    )
    op.execute(f"CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN {remove} {insert} END"
    )


def _postgresql_fts() -> None:
    # The tsvector is built from the words as they are (split on spaces, position = rank), never
    # by PostgreSQL's own parser: its idea of a word depends on the server's locale, and the
    # index must hold exactly the words SQLite's holds. Title words weigh A, body words B; the
    # body starts one position after a gap (`||` shifts it past the title), so a phrase never
    # runs from the headline into the body, as FTS5 keeps a phrase inside one column.
    op.execute(
        """CREATE FUNCTION search_words_tsvector(words text, weight "char", first integer)
        RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT setweight(coalesce(
                   string_agg(quote_literal(w) || ':' || least(i + first - 1, 16383), ' ')
                     ::tsvector,
                   ''::tsvector), weight)
          FROM unnest(string_to_array(words, ' ')) WITH ORDINALITY AS t(w, i)
          WHERE w <> ''
        $$"""
    )
    # The vectors live in a narrow table of their own, kept by a trigger: ranking reads every
    # match's vector, and beside the words (in search_docs) it would be compressed and toasted,
    # which measured five times slower at 100,000 posts.
    op.create_table(
        "search_vectors",
        sa.Column(
            "post_id",
            sa.Integer,
            sa.ForeignKey("search_docs.post_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tsv", postgresql.TSVECTOR, nullable=False),
    )
    op.execute("ALTER TABLE search_vectors ALTER COLUMN tsv SET STORAGE MAIN")
    op.execute("CREATE INDEX ix_search_vectors_tsv ON search_vectors USING GIN (tsv)")
    op.execute(
        """CREATE FUNCTION search_docs_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO search_vectors (post_id, tsv)
          VALUES (NEW.post_id, search_words_tsvector(NEW.title_words, 'A', 1)
                               || search_words_tsvector(NEW.body_words, 'B', 2))
          ON CONFLICT (post_id) DO UPDATE SET tsv = EXCLUDED.tsv;
          RETURN NULL;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER search_docs_vector AFTER INSERT OR UPDATE ON search_docs "
        "FOR EACH ROW EXECUTE FUNCTION search_docs_vector()"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("search_docs_ai", "search_docs_ad", "search_docs_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    if bind.dialect.name == "postgresql":
        op.drop_table("search_vectors")
    for table in (
        "fetch_failures",
        "crawl_runs",
        "search_docs",
        "extractions",
        "visit_terms",
        "visits",
        "facts",
        "post_versions",
        "posts",
    ):
        op.drop_table(table)
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS search_docs_vector()")
        op.execute('DROP FUNCTION IF EXISTS search_words_tsvector(text, "char", integer)')
