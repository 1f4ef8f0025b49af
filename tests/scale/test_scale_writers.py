"""Several crawlers writing into one PostgreSQL archive at once: one row per post because the
database says so (primary key, row locks, a migration lock), whatever the timing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from archive_data import PG_ENV, post_item
from sqlalchemy import create_engine, func, select, text

from archive import db
from archive.db import session_scope
from archive.migrate import current_revision, head_revision
from archive.models import Post, PostVersion, SearchDoc
from archive.store import find_post, save_post

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_archive(make_archive: Callable[[str], str]) -> str:
    return make_archive("postgresql")


def _store_holding(
    url: str, item: dict[str, Any], pid: list[int], stored: threading.Event, go: threading.Event
) -> str:
    """save_post, then keep the transaction open until `go` before committing."""
    with session_scope(url) as session:
        outcome = save_post(session, item)
        pid.append(session.scalar(text("SELECT pg_backend_pid()")))
        stored.set()
        assert go.wait(60)
    return outcome


def _store(url: str, item: dict[str, Any]) -> str:
    with session_scope(url) as session:
        return save_post(session, item)


def _blocked_by(url: str, pid: int, seconds: float = 60) -> bool:
    """True once some session waits for a lock that backend `pid` holds (the first writer's
    uncommitted row): the second writer is inside its write, not before or after it."""
    engine = create_engine(url)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with engine.connect() as conn:
                waiting = conn.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"
                    ),
                    {"pid": pid},
                )
            if waiting:
                return True
            time.sleep(0.05)
        return False
    finally:
        engine.dispose()


def _race(url: str, first: dict[str, Any], second: dict[str, Any]) -> tuple[str, str]:
    """The second writer stores the same post while the first has inserted it, uncommitted: the
    first commits only once the database shows the second waiting on its row."""
    inserted, go, pid = threading.Event(), threading.Event(), []
    with ThreadPoolExecutor(2) as pool:
        a = pool.submit(_store_holding, url, first, pid, inserted, go)
        try:
            assert inserted.wait(30)
            b = pool.submit(_store, url, second)
            raced = _blocked_by(url, pid[0])
        finally:
            go.set()
        assert raced, "the second writer never waited on the first one's row: no race"
        return a.result(timeout=60), b.result(timeout=60)


def test_the_same_post_stored_twice_at_once_is_one_row(pg_archive: str) -> None:
    item = post_item(7001, "ข่าวเดียวกัน", "เนื้อความเดียวกัน")
    assert _race(pg_archive, item, dict(item)) == ("new", "unchanged")
    with session_scope(pg_archive) as session:
        assert session.scalar(select(func.count()).select_from(Post)) == 1
        assert session.scalar(select(func.count()).select_from(SearchDoc)) == 1


def test_a_changed_copy_stored_at_once_becomes_the_next_version(pg_archive: str) -> None:
    old = post_item(7002, "หัวข้อเดิม", "เนื้อความเดิม", categories=["119"])
    new = post_item(7002, "หัวข้อใหม่", "เนื้อความใหม่", categories=["3"])
    assert _race(pg_archive, old, new) == ("new", "changed")
    with session_scope(pg_archive) as session:
        post = find_post(session, "mdes", 7002)
        assert post is not None
        assert (post.title, post.version, post.categories) == ("หัวข้อใหม่", 2, ["119", "3"])
        [version] = session.scalars(select(PostVersion)).all()
        assert (version.version, version.title) == (1, "หัวข้อเดิม")
        doc = session.get(SearchDoc, post.id)
        assert doc is not None and "ใหม่" in doc.title_words.split()


def test_many_writers_storing_the_same_posts_leave_one_row_each(pg_archive: str) -> None:
    ids = range(8001, 8021)

    def crawler(n: int) -> list[str]:
        out = []
        for post_id in ids:
            with session_scope(pg_archive) as session:
                item = post_item(post_id, f"ข่าว {post_id}", "การตรวจเยี่ยมศูนย์ดิจิทัลชุมชน")
                out.append(save_post(session, item))
        return out

    with ThreadPoolExecutor(4) as pool:
        outcomes = [o for done in pool.map(crawler, range(4)) for o in done]
    assert outcomes.count("new") == len(ids)
    assert outcomes.count("unchanged") == 3 * len(ids)
    with session_scope(pg_archive) as session:
        assert sorted(session.scalars(select(Post.source_id))) == list(ids)
        assert session.scalar(select(func.count()).select_from(SearchDoc)) == len(ids)


@pytest.fixture
def empty_pg_schema() -> Iterator[str]:
    """A PostgreSQL URL whose schema holds nothing yet: not even the archive's tables."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.fail(f'{PG_ENV} is not set (eval "$(bash .ci/services.sh)")', pytrace=False)
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    db.dispose_all()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def test_crawlers_starting_at_once_on_a_new_archive_migrate_it_once(empty_pg_schema: str) -> None:
    # Processes, as crawlers on several machines are (Alembic's context is one per process).
    code = "import sys; from archive.migrate import upgrade; upgrade(sys.argv[1])"
    crawlers = [
        subprocess.Popen(
            [sys.executable, "-c", code, empty_pg_schema],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for proc in crawlers:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err  # none fails with "relation already exists"
    assert current_revision(empty_pg_schema) == head_revision()
