"""Where the archive lives: one URL picks the engine (SQLite by default, PostgreSQL on demand)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB_PATH = Path("data") / "ministry-news.sqlite"
ENV_VAR = "MINISTRY_NEWS_DB"


class ArchiveError(Exception):
    """A problem with the archive a user can act on; the CLI prints it as one line."""


def default_url() -> str:
    return os.environ.get(ENV_VAR) or f"sqlite:///{DEFAULT_DB_PATH}"


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine if isinstance(url_or_engine, str) else str(url_or_engine.url)
    return url.startswith("sqlite")


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    # WAL lets a reader (search, export) run while a crawl writes; foreign keys are off by default.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (its query string aside); None for PostgreSQL or memory."""
    if not is_sqlite(url) or "///" not in url:
        return None
    path = url.split("///", 1)[1].split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def wait_writable(url: str, seconds: float) -> bool:
    """True once this process could take a SQLite archive's write lock, waiting up to `seconds`
    for another writer (a long `extract`) to let go; False if it held on. A crawl asks before it
    starts rather than die at its first write, 30 s (busy_timeout) into Scrapy. A server
    database has row locks: always True."""
    path = sqlite_file(url)
    if path is None or not path.exists():
        return True
    conn = sqlite3.connect(path, timeout=seconds, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return False
        raise ArchiveError(f"cannot open database {url!r}: {exc}") from exc
    finally:
        conn.close()
    return True


_engines: dict[str, Engine] = {}


def get_engine(url: str | None = None) -> Engine:
    """One engine per URL per process; a SQLite file's folder is created on first use."""
    url = url or default_url()
    if url in _engines:
        return _engines[url]
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # bad URL, missing driver
        raise ArchiveError(f"cannot open database {url!r}: {exc}") from exc
    if is_sqlite(url):
        event.listen(engine, "connect", _sqlite_pragmas)
    _engines[url] = engine
    return engine


def dispose_all() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


def analyze(url: str) -> None:
    """Refresh the planner's statistics after a bulk load (PostgreSQL: VACUUM ANALYZE)."""
    from sqlalchemy import text

    engine = get_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


@contextmanager
def session_scope(url: str | Engine | None = None) -> Iterator[Session]:
    """A transaction: committed when the block ends, rolled back (nothing half-written) on error."""
    engine = url if isinstance(url, Engine) else get_engine(url)
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
