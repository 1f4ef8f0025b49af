"""The migrations build exactly the schema the models declare, on both engines.

The code reads and writes through the models while real archives are built by Alembic: a column
nullable in one and NOT NULL in the other is a crash (or a silent NULL) waiting for real data.
"""

from __future__ import annotations

import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from archive.models import Base

# What Alembic cannot compare with a model: the engines' own full-text tables (FTS5's virtual
# table and its shadow tables, the tsvector table) and an index on an expression written in
# each engine's SQL (archive.filters.SPAN), made by raw SQL in the migrations.
ENGINE_OWN = ("search_fts", "search_vectors", "alembic_version", "ix_visits_span")


def _ignored(diff: tuple) -> bool:
    for obj in diff[1:]:
        name = obj if isinstance(obj, str) else getattr(obj, "name", None)
        table = getattr(getattr(obj, "table", None), "name", None)
        if any(str(n).startswith(ENGINE_OWN) for n in (name, table) if n):
            return True
    return False


def _differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn, warnings.catch_warnings():
            # SQLite's reflection cannot read the expression index named above, and says so.
            warnings.filterwarnings(
                "ignore", "Skipped unsupported reflection of expression-based index ix_visits_span"
            )
            context = MigrationContext.configure(conn, opts={"compare_type": False})
            diffs = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    flat = []
    for diff in diffs:
        flat.extend(diff if isinstance(diff, list) else [diff])
    return [d for d in flat if not _ignored(d)]


def test_the_migrations_build_the_models_schema(archive_url: str) -> None:
    assert _differences(archive_url) == []
