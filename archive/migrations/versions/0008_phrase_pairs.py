"""Phrases from the index: each pair of adjacent words is a lexeme of the vector too.

PostgreSQL's GIN index holds no positions, so a phrase (every Thai compound is one:
ศูนย์ดำรงธรรม is ศูนย์ ดำรง ธรรม) was found as the posts holding all its words, each of them
rechecked from its (toasted) vector: 0.5–1.4 s at a million posts, for the page and again for
the total up to 10,001. Now a headline's or body's adjacent words w1 w2 are also the lexeme
'w1 w2' at w1's position (a space never occurs inside a word), and the query asks for the
pairs (archive.search.tsquery_expression): a two-word phrase is one lexeme, read from the
index alone; a longer one is its pairs one position apart ('a b' <-> 'b c'), whose candidates
are the few posts holding every pair. Pairs stop where positions do (16,383, the tsvector's
limit), as phrases did. SQLite's FTS5 reads phrases from its own positions: nothing changes
there.

Upgrading rebuilds every post's vector and the two GIN indexes on them: 14 minutes for
100,000 posts on a loaded 2-core machine, so an hour or two per million, the vectors' table
locked meanwhile (docs/scaling-out.md, fourth pass); the archive grows some 2.4 times.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: The words of one column as a tsvector: each word at its rank, from `first` (0001's body).
_WORDS = """
  SELECT setweight(coalesce(
           string_agg(quote_literal(w) || ':' || least(i + first - 1, 16383), ' ')::tsvector,
           ''::tsvector), weight)
  FROM unnest(string_to_array(words, ' ')) WITH ORDINALITY AS t(w, i)
  WHERE w <> ''
"""

#: The same words, and each pair of adjacent ones as the lexeme 'w1 w2' at w1's position: the
#: words zipped with themselves one further on (a window function over them cost a third more).
_WORDS_AND_PAIRS = """
  SELECT setweight(coalesce(
           (string_agg(quote_literal(w) || ':' || least(i + first - 1, 16383), ' ')
            || coalesce(' ' || string_agg(quote_literal(w || ' ' || next_w) || ':'
                                            || (i + first - 1), ' ')
                                 FILTER (WHERE next_w <> '' AND i + first < 16383), '')
           )::tsvector,
           ''::tsvector), weight)
  FROM (SELECT string_to_array(words, ' ') AS a) AS split,
       unnest(split.a, split.a[2:]) WITH ORDINALITY AS t(w, next_w, i)
  WHERE w <> ''
"""


def _rebuild(body: str) -> None:
    """Define search_words_tsvector as `body` and rebuild every vector and its indexes with it
    (the indexes dropped first: building them once is much cheaper than updating them)."""
    op.execute(
        'CREATE OR REPLACE FUNCTION search_words_tsvector(words text, weight "char", '
        f"first integer) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $${body}$$"
    )
    op.execute("DROP INDEX IF EXISTS ix_search_vectors_headline")
    op.execute("DROP INDEX IF EXISTS ix_search_vectors_tsv")
    op.execute("TRUNCATE search_vectors")
    op.execute(
        "INSERT INTO search_vectors (post_id, tsv) SELECT post_id, "
        "search_words_tsvector(title_words, 'A', 1) || search_words_tsvector(body_words, 'B', 2) "
        "FROM search_docs"
    )
    op.execute("CREATE INDEX ix_search_vectors_tsv ON search_vectors USING GIN (tsv)")
    op.execute(
        "CREATE INDEX ix_search_vectors_headline ON search_vectors "
        "USING GIN (ts_filter(tsv, '{a}'))"
    )
    op.execute("ANALYZE search_vectors")  # the planner's counts of the new lexemes


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _rebuild(_WORDS_AND_PAIRS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _rebuild(_WORDS)
