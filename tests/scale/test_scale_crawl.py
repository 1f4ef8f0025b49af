"""A distributed crawl: two crawler processes against the mirror, sharing one Redis queue and one
PostgreSQL archive, as `ministry-news crawl --redis` runs on two machines."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import select

from archive.db import session_scope
from archive.models import CrawlRun, Post
from scraper.mirror.posts import by_role, posts
from tests.scale.timed_mirror import TimedMirror

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
DELAY = 0.1  # seconds between two requests to the mirror, for the fleet as a whole
EXPECTED = {p.id: p for p in posts() if p.stored}


def crawler(db_url: str, start_url: str, *settings: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ministry_news.crawl", "--db", db_url, "--start-url", start_url]
        + [arg for s in settings for arg in ("-s", s)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(*procs: subprocess.Popen[str]) -> list[dict[str, Any]]:
    summaries = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        summaries.append(json.loads(out))
    return summaries


@dataclass
class FleetCrawl:
    db_url: str
    settings: list[str]
    summaries: list[dict[str, Any]]
    arrivals: list[tuple[float, str]]


@pytest.fixture(scope="module")
def fleet(
    make_archive: Callable[[str], str],
    redis_url: str,
    timed_mirror: TimedMirror,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[FleetCrawl]:
    """Two processes started together on one crawl of the whole mirror."""
    db_url = make_archive("postgresql")
    key = f"ministry-news-test:{uuid.uuid4().hex[:12]}"
    settings = [
        f"REDIS_URL={redis_url}",
        f"FLEET_KEY={key}",
        f"WARC_DIR={tmp_path_factory.mktemp('warc')}",
    ]
    procs = [crawler(db_url, f"{timed_mirror.url}/news/", *settings, f"DOWNLOAD_DELAY={DELAY}")]
    procs.append(crawler(db_url, f"{timed_mirror.url}/news/", *settings, f"DOWNLOAD_DELAY={DELAY}"))
    summaries = finish(*procs)
    with timed_mirror.lock:
        arrivals = sorted(timed_mirror.arrivals)
        timed_mirror.arrivals.clear()
    yield FleetCrawl(db_url, settings, summaries, arrivals)
    server = redis.Redis.from_url(redis_url)
    for k in server.scan_iter(match=f"{key}:*"):
        server.delete(k)


def stored(db_url: str) -> dict[int, Post]:
    """The archived posts by the site's ids (the mirror's)."""
    with session_scope(db_url) as session:
        return {p.source_id: p for p in session.scalars(select(Post))}


def test_every_post_is_stored_once_and_both_processes_did_work(fleet: FleetCrawl) -> None:
    assert sorted(stored(fleet.db_url)) == sorted(EXPECTED)
    assert [s["finish_reason"] for s in fleet.summaries] == ["finished", "finished"]
    assert all(s["post_pages"] > 0 and s["new"] > 0 for s in fleet.summaries), fleet.summaries
    assert sum(s["new"] for s in fleet.summaries) == len(EXPECTED)
    assert sum(s["failed"] for s in fleet.summaries) == 1  # the mirror's 404 post, once
    with session_scope(fleet.db_url) as session:
        runs = session.scalars(select(CrawlRun)).all()
    assert sorted(r.new_posts for r in runs) == sorted(s["new"] for s in fleet.summaries)
    assert {r.status for r in runs} == {"ok"}


def test_each_page_is_fetched_once_by_the_fleet(fleet: FleetCrawl) -> None:
    fetched = Counter(path for _, path in fleet.arrivals)
    assert fetched.pop("/robots.txt") == 2  # each process reads it for itself
    two_listings = by_role("two categories")
    # Sent again only if its second listing was read after the post was fetched: the process
    # that read the listing cannot tell whether another has stored the post yet.
    assert 1 <= fetched.pop(next(p for p in fetched if f"/{two_listings.id}-" in p)) <= 2
    assert set(fetched.values()) == {1}, [p for p, n in fetched.items() if n > 1]
    assert sum(1 for p in fetched if "/news/detail/" in p) == len(EXPECTED)  # and the 404


def test_what_one_process_read_reaches_the_post_another_stored(fleet: FleetCrawl) -> None:
    rows = stored(fleet.db_url)
    assert rows[by_role("two categories").id].categories == ["119", "3"]
    for post_id, post in EXPECTED.items():
        # the listing card's date (the listing and the post may be read by different processes)
        expected = post.published if post.card_date else post.truth.dates[0]
        assert str(rows[post_id].published) == str(expected), post_id
        assert rows[post_id].categories == sorted(post.categories), post_id


def test_the_delay_holds_for_the_fleet_not_per_process(fleet: FleetCrawl) -> None:
    times = [t for t, _ in fleet.arrivals]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) > 70
    # One request at a time from the whole fleet, DELAY after each answer: two processes each
    # keeping DELAY on their own would often send closer together.
    assert min(gaps) >= 0.95 * DELAY, sorted(gaps)[:5]


def test_the_next_crawl_on_the_same_key_starts_afresh(
    fleet: FleetCrawl, timed_mirror: TimedMirror
) -> None:
    """What the finished crawl left in Redis (seen URLs, listings) must not hide the posts from
    the next one: its first process clears it."""
    [summary] = finish(
        crawler(
            fleet.db_url,
            f"{timed_mirror.url}/news/",
            *fleet.settings,
            "DOWNLOAD_DELAY=0",
            "INCREMENTAL=False",  # fetch known posts again: the archive has them all
        )
    )
    assert summary["finish_reason"] == "finished"
    assert (summary["new"], summary["unchanged"]) == (0, len(EXPECTED))
    assert sorted(stored(fleet.db_url)) == sorted(EXPECTED)


def command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ministry_news", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("db", "redis_at", "code", "says"),
    [
        ("sqlite", "redis://127.0.0.1:63799/0", 1, "--redis needs an archive every crawler"),
        ("postgresql", "http://127.0.0.1:63799/0", 2, "--redis: not a Redis URL"),
        ("postgresql", "redis://127.0.0.1:1/0", 1, "cannot reach Redis at redis://127.0.0.1:1/0"),
    ],
)
def test_a_fleet_that_cannot_work_is_refused_in_one_line(
    db: str, redis_at: str, code: int, says: str, make_archive: Callable[[str], str]
) -> None:
    done = command("--db", make_archive(db), "crawl", "--redis", redis_at, "--start-url", "x")
    assert done.returncode == code
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {says}"), line
