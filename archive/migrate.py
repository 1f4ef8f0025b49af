"""Create or upgrade an archive's schema in place with Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from archive.db import get_engine

MIGRATIONS = Path(__file__).with_name("migrations")
#: PostgreSQL advisory lock held while migrating (any number; it names the lock).
MIGRATION_LOCK = 7_316_504_001


def _config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolates %
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config("sqlite://")).get_current_head() or ""


def current_revision(url: str) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the schema at `url` to the newest revision (or to `revision`, as an archive of an
    older version is); a no-op when it is already there."""
    engine = get_engine(url)
    target = head_revision() if revision == "head" else revision
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == target:
            return
    cfg = _config(url)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Crawlers started at once on a new archive: one migrates, the others wait, then
            # find the schema at head (Alembic checks again under the lock).
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
