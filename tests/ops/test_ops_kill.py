"""The machine dies mid-crawl: a real SIGKILL of the crawl process, then a crawl again. Nothing
committed is lost, nothing is stored twice, nothing is half-written; the killed run is closed as
such. A crawl stopped cleanly (SIGINT, as Ctrl-C or systemd) continues with --resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from archive import warc
from archive.db import session_scope
from archive.models import Post, SearchDoc
from scraper.mirror.posts import posts
from scraper.mirror.server import MirrorServer
from scraper.pages import content_hash
from tests.ops.helpers import (
    FAST,
    ROOT,
    crawl,
    crawl_command,
    records,
    run_posts,
    runs,
    sqlite_url,
    stored,
)

pytestmark = pytest.mark.slow

EXPECTED = sorted(p.id for p in posts() if p.stored)
#: Slow enough to stop half-way, fast enough for a test: ~80 requests at 0.04 s.
SLOW = ["-s", "DOWNLOAD_DELAY=0.04", "-s", "AUTOTHROTTLE_ENABLED=False"]


def count_posts(db_url: str) -> int:
    try:
        with session_scope(db_url) as session:
            return session.scalar(select(func.count()).select_from(Post)) or 0
    except Exception:  # the schema may not exist yet
        return 0


def start_and_stop(
    db_url: str, start: str, sig: int, after: int, command: list[str] | None = None
) -> subprocess.Popen[str]:
    """Start a crawl process (`command`, else `python -m ministry_news.crawl`) and send it `sig`
    once `after` posts are committed."""
    process = subprocess.Popen(
        command or crawl_command(db_url, "--start-url", start, *SLOW),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while count_posts(db_url) < after:
        assert process.poll() is None, "the crawl ended before it could be stopped"
        assert time.monotonic() < deadline, "the crawl stored too little in a minute"
        time.sleep(0.05)
    os.kill(process.pid, sig)
    process.wait(timeout=60)
    return process


def assert_whole(db_url: str) -> None:
    """Every post once, each complete: text, hash of that text, its listings and card date (what
    the crawl learnt on listing pages, kept across a resume), its search document."""
    rows = stored(db_url)
    assert sorted(rows) == EXPECTED
    for post in posts():
        if post.stored:
            assert rows[post.id].categories == sorted(post.categories), post.id
            if post.card_date:
                assert rows[post.id].published == post.published, post.id
    with session_scope(db_url) as session:
        indexed = set(session.scalars(select(Post.source_id).join(SearchDoc)))
    for row in rows.values():
        assert row.title and row.body and row.content_hash == content_hash(row.title, row.body)
        assert row.version == 1
    assert indexed == set(rows)


def test_sigkill_mid_crawl_loses_nothing_and_a_crawl_again_completes(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    with MirrorServer(port=0) as server:
        start = f"{server.url}/news/"
        killed = start_and_stop(db_url, start, signal.SIGKILL, after=20)
        assert killed.returncode == -signal.SIGKILL
        before = set(stored(db_url))
        assert 20 <= len(before) < len(EXPECTED)
        [run] = runs(db_url)
        assert run.status == "running"  # nobody closed it: the process was killed
        summary = crawl(db_url, "--start-url", start, *FAST)
    assert_whole(db_url)
    assert summary["new"] == len(EXPECTED) - len(before)
    first, second = runs(db_url)
    assert first.status == "killed" and first.new_posts == len(before)
    assert second.status == "ok" and "closed run(s) 1" in summary["notes"][0]
    outcomes = Counter((run_id, outcome) for run_id, _, outcome in run_posts(db_url))
    assert outcomes[(1, "new")] + outcomes[(2, "new")] == len(EXPECTED)
    # the pages of every stored post are in the WARC files, a torn last record or not
    post_pages = {r.post_id for r in records(db_url) if r.kind == "post" and r.status == 200}
    assert post_pages >= set(EXPECTED)
    scanned = list(warc.scan(warc.default_warc_dir(db_url)))
    assert len(scanned) >= len(records(db_url)) - 1


def test_a_clean_stop_resumes_from_its_saved_queue(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    with MirrorServer(port=0) as server:
        start = f"{server.url}/news/"
        stopped = start_and_stop(db_url, start, signal.SIGINT, after=15)
        assert stopped.returncode == 130  # stopped by a signal, as the shell sees it
        [run] = runs(db_url)
        assert run.status == "interrupted"
        summary = crawl(db_url, "--resume", "--start-url", start, *FAST)
    assert summary["notes"] == ["resuming run 1 from its saved queue"]
    assert_whole(db_url)
    first, second = runs(db_url)
    assert second.mode == "resume" and second.status == "ok"
    # the saved queue, not a new walk: no page fetched by both runs (robots.txt aside)
    fetched = Counter(r.url for r in records(db_url) if r.kind in ("listing", "post"))
    assert [url for url, n in fetched.items() if n > 1] == []
    assert first.new_posts + second.new_posts == len(EXPECTED)
    assert not (tmp_path / "archive.crawl-job").exists()  # finished: nothing left to resume


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_the_command_stopped_by_a_signal_exits_130_with_its_run_recorded(
    tmp_path: Path, sig: int
) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    with MirrorServer(port=0) as server:
        start = f"{server.url}/news/"
        command = [sys.executable, "-m", "ministry_news", "--db", db_url, "crawl",
                   "--start-url", start, *SLOW]  # fmt: skip
        stopped = start_and_stop(db_url, start, sig, after=5, command=command)
    _, err = stopped.communicate()
    assert stopped.returncode == 130, err[-2000:]
    assert err.strip().splitlines()[-1].startswith("interrupted: run 1 stopped")
    [run] = runs(db_url)
    assert run.status == "interrupted" and 5 <= run.new_posts < len(EXPECTED)
