"""Real crawls: the mirror served on 127.0.0.1, the crawler in its own process (as `ministry-news
crawl` runs it), and assertions on what landed in the SQLite archive."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from archive.db import session_scope
from archive.models import CrawlRun, FetchFailure
from scraper.mirror.posts import by_role, posts
from scraper.mirror.server import MirrorServer
from tests.ops import helpers as ops
from tests.ops.helpers import FAST, stored
from tests.scraper.furniture import BOILERPLATE

EXPECTED = {p.id: p for p in posts() if p.stored}

pytestmark = pytest.mark.slow


def crawl(db_url: str, *args: str) -> dict[str, Any]:
    """`python -m ministry_news.crawl` in a subprocess (Twisted's reactor runs once a process);
    3 is the exit of a site that could not be reached."""
    return ops.crawl(db_url, *args, codes=(0, 3))


@pytest.fixture(scope="module")
def first_crawl(mirror: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    """One crawl of the whole mirror, from its news root page."""
    db_url = f"sqlite:///{tmp_path_factory.mktemp('crawl') / 'archive.sqlite'}"
    return db_url, crawl(db_url, "--start-url", f"{mirror}/news/", *FAST)


def test_every_reachable_post_is_stored_exactly_once(first_crawl: tuple[str, dict]) -> None:
    db_url, summary = first_crawl
    rows = stored(db_url)
    assert sorted(rows) == sorted(EXPECTED)
    assert summary["new"] == len(EXPECTED) >= 60
    assert summary["finish_reason"] == "finished" and not summary["unreachable"]
    for post_id, row in rows.items():
        post = EXPECTED[post_id]
        assert row.title == post.title
        assert " ".join(row.body.split()) == " ".join(" ".join(post.paragraphs).split())
        assert row.body.count("\n\n") == len(post.paragraphs) - 1
        assert f"/news/detail/{post_id}-" in row.url


def test_dates_are_converted_from_the_buddhist_era(first_crawl: tuple[str, dict]) -> None:
    rows = stored(first_crawl[0])
    for post_id, post in EXPECTED.items():
        # the card's date; for the card without one, the date the body opens with
        expected = post.published.isoformat() if post.card_date else post.truth.dates[0]
        assert rows[post_id].published.isoformat() == expected, post_id
    seed = by_role("seed")
    assert rows[seed.id].published.isoformat() == "2020-07-23"  # card: 23/07/2563


def test_no_boilerplate_in_any_body(first_crawl: tuple[str, dict]) -> None:
    for row in stored(first_crawl[0]).values():
        assert not [b for b in BOILERPLATE if b in row.body], row.id
        assert row.body.strip() and "\n\n\n" not in row.body


def test_the_404_post_is_counted_as_failed_not_stored(first_crawl: tuple[str, dict]) -> None:
    db_url, summary = first_crawl
    missing = by_role("404")
    assert missing.id not in stored(db_url)
    assert summary["failed"] == 1
    with session_scope(db_url) as session:
        [failure] = session.scalars(select(FetchFailure)).all()
        [run] = session.scalars(select(CrawlRun)).all()
    assert failure.status == 404 and f"/news/detail/{missing.id}-" in failure.url
    assert failure.run_id == run.id
    assert (run.status, run.new_posts, run.errors) == ("ok", len(EXPECTED), 1)
    assert run.finished_at is not None and run.pages == summary["pages"] >= len(EXPECTED) + 5


def test_awkward_posts_arrive_whole(first_crawl: tuple[str, dict], mirror: str) -> None:
    rows = stored(first_crawl[0])
    assert rows[by_role("two categories").id].categories == ["119", "3"]
    pdf = by_role("pdf")
    assert rows[pdf.id].attachments == [f"{mirror}/uploads/files/{pdf.attachment}"]
    thai = by_role("windows-874")
    assert rows[thai.id].encoding == "cp874" and rows[thai.id].title == thai.title
    for row in rows.values():
        assert row.images and all(
            i.startswith(f"{mirror}/uploads/news/{row.source_id}/") for i in row.images
        )
        assert row.content_hash and row.fetched_at


def test_a_second_crawl_leaves_one_row_per_post(
    first_crawl: tuple[str, dict], mirror: str, tmp_path: Path
) -> None:
    copy = tmp_path / "again.sqlite"
    with sqlite3.connect(first_crawl[0].removeprefix("sqlite:///")) as src:
        src.backup(dst := sqlite3.connect(copy))
        dst.close()
    db_url = f"sqlite:///{copy}"
    # the categories by id this time, from the site root, as `--category` does
    categories = [a for c in ("119", "115", "3", "7") for a in ("--category", c)]
    summary = crawl(db_url, "--full", "--start-url", mirror, *categories, *FAST)
    assert (summary["new"], summary["changed"]) == (0, 0)
    assert summary["unchanged"] == len(EXPECTED)
    rows = stored(db_url)
    assert sorted(rows) == sorted(EXPECTED)
    assert {r.version for r in rows.values()} == {1}
    with session_scope(db_url) as session:
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
    assert [(r.new_posts, r.unchanged_posts) for r in runs] == [
        (len(EXPECTED), 0),
        (0, len(EXPECTED)),
    ]


def test_refusals_are_retried_with_back_off(db_url: str) -> None:
    """The live site answers bursts with 429/403: every page here refuses once, then answers."""
    settings = ["-s", "RETRY_BACKOFF_BASE=0.05", "-s", "RETRY_BACKOFF_MAX=0.2", *FAST]
    with MirrorServer(port=0, refuse_first=1, refuse_status=429) as server:
        summary = crawl(db_url, "--start-url", f"{server.url}/news/7", *settings)
        requested = server.requests
    jobs = [p.id for p in posts() if "7" in p.categories]
    assert summary["new"] == len(jobs) and summary["failed"] == 0
    # every page and the one attachment (a job post's PDF) was refused once
    assert summary["retries"] == summary["pages"] + summary["attachments"]
    assert summary["pages"] == len(jobs) + 1 and summary["attachments"] == 1
    assert requested.count("/news/7") == 2  # refused, then fetched after backing off
    assert sorted(stored(db_url)) == sorted(jobs)


def test_an_unreachable_site_is_reported_as_such(db_url: str) -> None:
    with MirrorServer(port=0) as server:
        closed = server.url  # a port that was just ours and now refuses connections
    summary = crawl(db_url, "--start-url", f"{closed}/news/119", "-s", "RETRY_TIMES=0", *FAST)
    assert summary["unreachable"] and summary["finish_reason"] == "unreachable"
    assert stored(db_url) == {}
    with session_scope(db_url) as session:
        [run] = session.scalars(select(CrawlRun)).all()
    assert run.status == "failed" and run.message == "unreachable"
