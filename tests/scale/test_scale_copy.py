"""`ministry-news copy` moves an archive between SQLite and PostgreSQL with nothing lost, proves
it with counts and checksums, and leaves the target empty when anything differs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from archive_data import CORPUS, MINISTER, add_field_visits, add_post, add_visits
from sqlalchemy import func, select, text

from archive.copy import copy_archive, tables
from archive.db import ArchiveError, get_engine, session_scope
from archive.filters import Filters
from archive.models import CrawlRun, Post
from archive.search import search
from archive.store import record_failure, start_run
from nlp.facts import Visit
from tests.ops.helpers import cli

pytestmark = pytest.mark.postgres  # every copy here has PostgreSQL on one side

OTHER = {"sqlite": "postgresql", "postgresql": "sqlite"}
QUERIES = ["เน็ตประชารัฐ", "จังหวัดตาก", '"ตรวจเยี่ยม โรงเรียน"', "ดิจิทัล เชียงใหม่", "Internet"]


def fill(url: str) -> None:
    """Every kind of row: posts with visits and terms, two pipeline versions, a changed post
    (an earlier version), search documents, a crawl run and a failure."""
    with session_scope(url) as session:
        add_field_visits(session)
        for post_id, (title, body) in CORPUS.items():
            add_post(session, post_id, title, body)
        add_visits(session, 101, [Visit(dates=["2022-11-05"], provinces=["ตาก"])])
    with session_scope(url) as session:
        add_post(session, 101, "รัฐมนตรีตรวจเยี่ยมโรงเรียน (แก้ไข)", MINISTER + " แก้ไขแล้ว")
        run = start_run(session, ["https://www.mdes.go.th/news/119"])
        record_failure(session, "https://www.mdes.go.th/news/detail/9-x", "HTTP 404", 404, run.id)


def every_row(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Each table's rows as Python values, in primary-key order (compared as values)."""
    out = {}
    with get_engine(url).connect() as conn:
        for table in tables():
            rows = conn.execute(select(*table.columns)).all()
            key = [list(table.columns).index(c) for c in table.primary_key.columns]
            out[table.name] = sorted((tuple(r) for r in rows), key=lambda r: [r[k] for k in key])
    return out


def found(url: str, q: str) -> tuple[int, list[int]]:
    with session_scope(url) as session:
        page = search(session, Filters(q=q), limit=50)
    return page.total, [h.post_id for h in page.hits]


@pytest.mark.parametrize("source_engine", ["sqlite", "postgresql"])
def test_copy_moves_every_row_to_the_other_engine(
    source_engine: str, make_archive: Callable[[str], str]
) -> None:
    source, target = make_archive(source_engine), make_archive(OTHER[source_engine])
    fill(source)

    report = copy_archive(source, target, batch=3)  # batches smaller than most tables

    assert report.ok
    rows = every_row(source)
    assert every_row(target) == rows
    counted = {t.table: t.source_rows for t in report.tables}
    assert counted == {name: len(r) for name, r in rows.items()}
    assert (counted["posts"], counted["post_versions"], counted["crawl_runs"]) == (8, 1, 1)
    assert counted["visit_terms"] > counted["visits"] > 4


@pytest.mark.parametrize("source_engine", ["sqlite", "postgresql"])
def test_the_copy_finds_what_the_original_finds(
    source_engine: str, make_archive: Callable[[str], str]
) -> None:
    source, target = make_archive(source_engine), make_archive(OTHER[source_engine])
    fill(source)
    assert copy_archive(source, target).ok
    for q in QUERIES:
        total, ids = found(source, q)
        assert total > 0, q
        assert found(target, q) == (total, ids), q


def test_a_copy_on_postgresql_goes_on_numbering_after_the_copied_rows(
    make_archive: Callable[[str], str],
) -> None:
    source, target = make_archive("sqlite"), make_archive("postgresql")
    fill(source)
    assert copy_archive(source, target).ok
    with session_scope(target) as session:
        copied = session.scalar(select(func.max(CrawlRun.id)))
        assert start_run(session, ["https://www.mdes.go.th/news/3"]).id == copied + 1
        add_visits(session, 102, [Visit(dates=["2021-03-31"], provinces=["เชียงใหม่"])])


def test_a_target_with_rows_is_refused_and_left_alone(make_archive: Callable[[str], str]) -> None:
    source, target = make_archive("sqlite"), make_archive("postgresql")
    fill(source)
    with session_scope(target) as session:
        add_post(session, 500, "ข่าวที่มีอยู่แล้ว", "เนื้อความ")
    with pytest.raises(ArchiveError, match=r"not empty \(.*posts: 1 rows"):
        copy_archive(source, target)
    with session_scope(target) as session:
        assert session.scalars(select(Post.source_id)).all() == [500]


def test_the_same_archive_or_a_missing_one_is_refused(
    make_archive: Callable[[str], str], tmp_path: Path
) -> None:
    source = make_archive("sqlite")
    with pytest.raises(ValueError, match="same archive"):
        copy_archive(source, source)
    with pytest.raises(ArchiveError, match="no archive at"):
        copy_archive(f"sqlite:///{tmp_path / 'typo.sqlite'}", make_archive("postgresql"))
    assert not (tmp_path / "typo.sqlite").exists()


def test_the_command_prints_counts_and_checksums(
    make_archive: Callable[[str], str], tmp_path: Path
) -> None:
    source = make_archive("postgresql")
    fill(source)
    target = f"sqlite:///{tmp_path / 'new' / 'archive.sqlite'}"  # created by the copy

    done = cli("copy", "--from", source, "--to", target)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    posts_line = next(line for line in lines if line.split()[:1] == ["posts"])
    assert posts_line.split()[1:3] == ["8", "8"] and posts_line.endswith(" ok")
    assert lines[-1].startswith(f"copy: {len(tables())} tables, ")
    assert "identical" in lines[-1]
    assert every_row(target) == every_row(source)


def test_a_value_that_does_not_survive_the_trip_is_caught(
    make_archive: Callable[[str], str],
) -> None:
    """SQLite keeps 1.5 in an integer column; PostgreSQL would store 2. The checksums differ,
    the command exits 1, and the target is left as empty as it was."""
    source, target = make_archive("sqlite"), make_archive("postgresql")
    fill(source)
    with get_engine(source).begin() as conn:
        conn.execute(text("UPDATE posts SET version = 1.5 WHERE source_id = 102"))

    done = cli("copy", "--from", source, "--to", target)

    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: copy: posts differ after copying; the target was left empty"
    ]
    assert "posts" in done.stdout and "DIFFERS" in done.stdout
    assert all(not rows for rows in every_row(target).values())
