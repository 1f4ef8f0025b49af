"""Create or upgrade an archive's schema in place with Alembic."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, inspect, text

from archive.db import ArchiveError, get_engine

MIGRATIONS = Path(__file__).with_name("migrations")
#: PostgreSQL advisory lock held while migrating (any number; it names the lock).
MIGRATION_LOCK = 7_316_504_001


def _config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolates %
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config("sqlite://"))


def head_revision() -> str:
    return _scripts().get_current_head() or ""


def require_readable(conn: Connection) -> None:
    """ArchiveError, one line saying what to run, unless the database holds an archive at this
    version's schema: a reader on an older schema would crash on a missing column or, worse,
    answer short (before 0008's pairs, PostgreSQL finds no phrase), and one on a newer
    schema may misread it."""
    if not inspect(conn).has_table("posts"):
        raise ArchiveError(
            "no archive in this database yet: run `ministry-news crawl` (or `demo`) first"
        )
    revision, head = MigrationContext.configure(conn).get_current_revision(), head_revision()
    if revision == head:
        return
    try:
        known = revision is not None and _scripts().get_revision(revision) is not None
    except CommandError:
        known = False
    if revision is not None and not known:
        raise ArchiveError(
            f"this archive's schema ({revision}) is newer than this version of ministry-news "
            f"reads ({head}): upgrade ministry-news"
        )
    raise ArchiveError(
        f"this archive's schema is at revision {revision or 'none'}, this version reads {head}: "
        "run `ministry-news migrate` first (it upgrades the archive in place)"
    )


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
