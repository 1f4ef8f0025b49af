"""Scheduled crawls: intervals and cron expressions, runs that never overlap (the archive's lock),
one row per run, and `runs` that lists them."""

from __future__ import annotations

import datetime as dt
import fcntl
import subprocess
import sys
from pathlib import Path

import pytest

from archive import migrate
from ministry_news.crawl import lock_path
from ministry_news.schedule import parse_schedule
from scraper.mirror.posts import posts
from scraper.mirror.server import MirrorServer
from tests.ops.helpers import FAST, cli, crawl, runs, sqlite_url, stored

JOBS = sorted(p.id for p in posts() if "7" in p.categories)


def test_intervals_and_cron_expressions() -> None:
    at = dt.datetime(2026, 3, 1, 5, 30)
    six_hours = parse_schedule("6h", None)
    assert six_hours.first(at) == at and six_hours.after(at) == at + dt.timedelta(hours=6)
    assert parse_schedule("90s", None).seconds == 90
    cron = parse_schedule(None, "0 */6 * * *")
    assert cron.first(at) == dt.datetime(2026, 3, 1, 6, 0)
    assert cron.after(dt.datetime(2026, 3, 1, 6, 0)) == dt.datetime(2026, 3, 1, 12, 0)
    for every, expr in (("6 hours", None), ("0h", None), (None, "61 * * * *"), ("6h", "* * * * *")):
        with pytest.raises(ValueError):
            parse_schedule(every, expr)


def hold_lock(db_url: str) -> subprocess.Popen[str]:
    """Another process holding the archive's crawl lock, as a running crawl does."""
    path = lock_path(db_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    code = (
        "import fcntl, sys, time\n"
        f"f = open({str(path)!r}, 'a+'); fcntl.flock(f, fcntl.LOCK_EX)\n"
        "f.write('pid 4242 since then'); f.flush(); print('held', flush=True); time.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.slow
def test_two_crawls_never_overlap(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    holder = hold_lock(db_url)
    try:
        with MirrorServer(port=0) as server:
            done = cli("--db", db_url, "crawl", "--start-url", f"{server.url}/news/7", "--fast")
            assert server.requests == []  # not a single request
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 4
    assert done.stderr.strip() == (
        "error: another crawl of this archive is running (pid 4242 since then): not started"
    )
    with open(lock_path(db_url)) as fh:  # free again once its holder is gone
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)


@pytest.mark.slow
def test_schedule_runs_crawl_and_extract_each_time_and_runs_lists_them(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    with MirrorServer(port=0) as server:
        schedule = ["schedule", "--every", "1s", "--times", "3", "--full-every", "3"]
        done = cli("--db", db_url, *schedule, "--start-url", f"{server.url}/news/7", *FAST)
    assert done.returncode == 0, done.stderr
    first, second, third = runs(db_url)
    assert [r.status for r in (first, second, third)] == ["ok", "ok", "ok"]
    assert [r.mode for r in (first, second, third)] == ["incremental", "incremental", "full"]
    assert (first.new_posts, second.new_posts, second.pages) == (3, 0, 1)
    assert (third.new_posts, third.unchanged_posts) == (0, 3)  # the full walk fetched them all
    assert second.started_at >= first.finished_at and third.started_at >= second.finished_at
    assert sorted(stored(db_url)) == JOBS
    out = done.stdout
    assert out.count("posts: 3 new") == 1 and out.count("posts: 0 new") == 2
    assert "not extracted" not in out  # each run's posts were extracted before its report
    listed = cli("--db", db_url, "runs").stdout.splitlines()
    assert listed[0].split()[:3] == ["run", "started", "(UTC)"]
    assert [line.split()[0] for line in listed[1:]] == ["3", "2", "1"]


@pytest.mark.slow
def test_a_scheduled_run_due_while_another_crawl_runs_is_skipped(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    holder = hold_lock(db_url)
    try:
        done = cli("--db", db_url, "schedule", "--every", "1s", "--times", "1", "--no-extract")
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 0, done.stderr
    assert "skipped: another crawl of this archive is running (pid 4242 since then)" in done.stdout
    assert runs(db_url) == []


def test_a_crawl_summary_says_when_the_archive_is_busy(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    holder = hold_lock(db_url)
    try:
        summary = crawl(db_url, "--start-url", "http://127.0.0.1:9/news/7", codes=(4,))
    finally:
        holder.kill()
        holder.wait()
    assert summary == {
        "busy": True,
        "message": "another crawl of this archive is running (pid 4242 since then)",
    }


def hold_write_lock(db_url: str, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the SQLite archive's write lock for `seconds`, as a long `extract`
    transaction does."""
    migrate.upgrade(db_url)
    code = (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({db_url.removeprefix('sqlite:///')!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); print('held', flush=True)\n"
        f"time.sleep({seconds}); c.execute('ROLLBACK')\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.slow
def test_a_crawl_waits_for_a_long_write_to_end(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    with MirrorServer(port=0) as server:
        holder = hold_write_lock(db_url, 3)
        try:
            done = cli("--db", db_url, "crawl", "--no-extract", "--start-url",
                       f"{server.url}/news/7", *FAST)  # fmt: skip
        finally:
            holder.kill()
            holder.wait()
    assert done.returncode == 0, done.stderr[-2000:]
    [run] = runs(db_url)
    assert run.status == "ok" and sorted(stored(db_url)) == JOBS


def test_a_write_held_past_the_wait_ends_the_crawl_in_one_line_exit_4(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    holder = hold_write_lock(db_url, 120)
    try:
        done = cli("--db", db_url, "crawl", "--start-url", "http://127.0.0.1:9/news/7",
                   "-s", "ARCHIVE_BUSY_TIMEOUT=1")  # fmt: skip
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 4
    assert done.stderr.strip().splitlines() == [
        "error: the archive is busy: another process (an extract?) held its write lock for over "
        "1 s (ARCHIVE_BUSY_TIMEOUT): not started"
    ]
    assert runs(db_url) == []
