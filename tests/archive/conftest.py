"""Archives on both engines: every test over the archive runs once on SQLite, once on PostgreSQL.

PostgreSQL gets a fresh schema per archive (the URL's search_path points at it), so tests and
other engineers' runs on the same server never see each other's rows. Without
MINISTRY_NEWS_TEST_PG_URL the PostgreSQL runs fail, loudly: CI always sets it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from archive_data import ENGINES, PG_ENV, add_field_visits
from sqlalchemy import create_engine, text

from archive import db
from archive.db import session_scope
from archive.migrate import upgrade

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


def _pg_base() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.fail(
            f"{PG_ENV} is not set: the archive tests run on PostgreSQL too. Start it with "
            '`eval "$(bash .ci/services.sh)"` (make test and CI do).',
            pytrace=False,
        )
    return url


@pytest.fixture(scope="session")
def make_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., str]]:
    """A factory: engine name → URL of a freshly migrated, empty archive on that engine (at the
    schema `revision`, default the newest)."""
    schemas: list[str] = []

    def make(engine: str, revision: str = "head") -> str:
        if engine == "sqlite":
            path: Path = tmp_path_factory.mktemp("archive") / "archive.sqlite"
            url = f"sqlite:///{path}"
        else:
            base = _pg_base()
            schema = f"test_{uuid.uuid4().hex[:16]}"
            admin = create_engine(base)
            with admin.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {schema}"))
            admin.dispose()
            schemas.append(schema)
            sep = "&" if "?" in base else "?"
            url = f"{base}{sep}options=-csearch_path%3D{schema}"
        upgrade(url, revision)
        return url

    yield make
    db.dispose_all()
    if schemas:
        admin = create_engine(_pg_base())
        with admin.begin() as conn:
            for schema in schemas:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=ENGINES)
def archive_url(request: pytest.FixtureRequest, make_archive: Callable[[str], str]) -> str:
    """A fresh, empty archive for this test, on each engine in turn."""
    return make_archive(request.param)


@pytest.fixture(scope="module", params=ENGINES)
def field_visits(request: pytest.FixtureRequest, make_archive: Callable[[str], str]) -> str:
    """An archive holding archive_data's field visits, one per test module and engine."""
    url = make_archive(request.param)
    with session_scope(url) as session:
        add_field_visits(session)
    return url
