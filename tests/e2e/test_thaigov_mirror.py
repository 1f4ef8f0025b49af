"""A real Scrapy crawl over HTTP of the bundled www.thaigov.go.th mirror (400 real posts of the
shared corpus, the site's own gaps, a windows-874 page, broken HTML, other markup, a 5xx burst):
every reachable post stored once, as the site's, Gregorian dates, no furniture; gaps counted, never
stored; a second crawl fetches only what is new (issue 10)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from scraper.mirror.server import MirrorServer
from scraper.mirror.thaigov.posts import PRINT_LINE, posts
from tests.ops import helpers as ops

pytestmark = pytest.mark.slow

IDS = [p.id for p in posts()]
GAPS = len(range(IDS[0], IDS[-1] + 1)) - len(IDS)
MISSES = 20  # the profile's run of missing ids that ends a walk
RETRIES = ["-s", "RETRY_TIMES=3", "-s", "RETRY_BACKOFF_BASE=0.05", "-s", "RETRY_BACKOFF_MAX=2"]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, dict[str, Any]]:
    db_url = ops.sqlite_url(tmp_path_factory.mktemp("thaigov") / "archive.sqlite")
    with MirrorServer(port=0, site="thaigov") as server:
        start = f"{server.url}/news/contents/details/{IDS[0]}"
        summary = ops.crawl(db_url, "--site", "thaigov", "--start-url", start, *ops.FAST,
                            *RETRIES, timeout=600)  # fmt: skip
        yield db_url, server.url, summary


def test_every_post_of_the_mirror_is_stored_once_as_the_sites(
    crawled: tuple[str, str, dict[str, Any]],
) -> None:
    db_url, _, summary = crawled
    archive = ops.stored(db_url, "thaigov")
    assert sorted(archive) == IDS
    assert ops.stored(db_url, "mdes") == {}
    assert summary["failed"] == 0
    assert summary["outcomes"]["soft_404"] == GAPS + MISSES  # the gaps and the walk's end


def test_dates_are_gregorian_and_no_furniture_is_in_any_body(
    crawled: tuple[str, str, dict[str, Any]],
) -> None:
    db_url, _, _ = crawled
    view_count = re.compile(r"^[\d,]+$")
    for post in ops.stored(db_url, "thaigov").values():
        assert post.published is not None
        assert dt.date(2020, 5, 25) <= post.published <= dt.date(2020, 6, 15), post.source_id
        lines = post.body.split("\n")
        assert PRINT_LINE not in lines, post.source_id
        assert "ขนาดตัวอักษร" not in post.body, post.source_id  # the page's menus: not the post's
        assert not [li for li in lines if view_count.match(li)], post.source_id
        assert "รัฐบาลไทย-" not in post.title


def test_a_second_crawl_fetches_only_what_is_new(
    crawled: tuple[str, str, dict[str, Any]], tmp_path: Path
) -> None:
    db_url, url, _ = crawled
    again = ops.copy_archive(db_url, tmp_path / "again.sqlite")
    summary = ops.crawl(again, "--site", "thaigov", "--start-url", url, *ops.FAST, timeout=300)
    assert summary["new"] == summary["changed"] == 0
    assert summary["outcomes"] == {"soft_404": MISSES}  # only the ids after the highest archived
    assert sorted(ops.stored(again, "thaigov")) == IDS


def test_a_picture_post_keeps_its_headline_and_date_without_text(
    crawled: tuple[str, str, dict[str, Any]],
) -> None:
    """Real posts that are one infographic: the block holds the date and the headline alone."""
    db_url, _, _ = crawled
    archive = ops.stored(db_url, "thaigov")
    pictures = [p for p in posts() if set(p.body_lines) <= {p.headline}]
    assert pictures  # the sample has them (31927, 32134, 32246)
    for post in pictures:
        stored = archive[post.id]
        assert stored.title == post.headline and stored.body == ""
        assert stored.published is not None


def test_reextract_rebuilds_the_same_thaigov_posts_from_the_warc(
    crawled: tuple[str, str, dict[str, Any]], tmp_path: Path
) -> None:
    from ministry_news.reextract import reextract

    db_url, _, _ = crawled
    rebuilt = ops.sqlite_url(tmp_path / "rebuilt.sqlite")
    reextract(db_url, into=rebuilt, extract=False)
    before, again = ops.stored(db_url, "thaigov"), ops.stored(rebuilt, "thaigov")
    assert sorted(again) == IDS
    assert {i: (p.title, p.body, p.published) for i, p in again.items()} == {
        i: (p.title, p.body, p.published) for i, p in before.items()
    }
