"""A real crawl of a small www.thaigov.go.th (tests/scraper/thaigov_site.py) over HTTP: the id
walk, the soft 404s, the furniture and publication line, the generic extractor's flag; and the
archive that refuses to mix a mirror's posts with the real site's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from archive import store
from archive.db import session_scope
from archive.models import CrawlRun, Post
from ministry_news.crawl import run_report
from scraper.items import PostItem
from scraper.pages import content_hash
from tests.ops import helpers as ops
from tests.ops.helpers import FAST, stored
from tests.scraper import thaigov_site

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with thaigov_site.serve() as url:
        yield url


@pytest.fixture(scope="module")
def walked(site: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """One crawl of the fixture, walking ids upward from 1001."""
    db_url = f"sqlite:///{tmp_path_factory.mktemp('thaigov') / 'archive.sqlite'}"
    start = f"{site}/news/contents/details/1001"
    return db_url, ops.crawl(db_url, "--site", "thaigov", "--start-url", start, *FAST)


def test_the_walk_stores_each_post_once_with_its_source_and_skips_the_gaps(
    walked: tuple[str, dict[str, Any]],
) -> None:
    db_url, summary = walked
    assert sorted(stored(db_url, "thaigov")) == list(thaigov_site.POSTS)
    assert stored(db_url, "mdes") == {}
    # 1002, then the 20 missing ids after 1004 that end the walk: counted, never stored.
    assert summary["outcomes"]["soft_404"] == 1 + 20
    assert summary["failed"] == 0


def test_furniture_is_stripped_and_the_publication_line_is_the_date(
    walked: tuple[str, dict[str, Any]],
) -> None:
    db_url, _ = walked
    post = stored(db_url, "thaigov")[1001]
    assert post.title == "นายกรัฐมนตรีลงพื้นที่ตรวจราชการจังหวัดขอนแก่น"
    assert post.published.isoformat() == "2017-07-14"
    assert post.category_name == "ด้านเศรษฐกิจ"
    lines = post.body.split("\n")
    assert lines[0].startswith("วันนี้ (14 ก.ค. 60)")
    for furniture in ("1,234", "พิมพ์", "วันศุกร์ที่ 14 กรกฎาคม 2560", post.title):
        assert furniture not in lines
    thai_digits = stored(db_url, "thaigov")[1004]
    assert thai_digits.published.isoformat() == "2017-07-17"
    assert "57" not in thai_digits.body.split("\n")


def test_changed_markup_is_read_by_the_generic_extractor_and_flagged(
    walked: tuple[str, dict[str, Any]],
) -> None:
    db_url, _ = walked
    post = stored(db_url, "thaigov")[thaigov_site.CHANGED_MARKUP]
    assert "อำเภอสันป่าตอง" in post.body and "สำนักโฆษก" not in post.body
    with session_scope(db_url) as session:
        run = session.scalars(select(CrawlRun)).one()
    assert run.report["counts"]["generic_extractor"] == 1
    [flag] = [line for line in run_report(db_url, run.id) if "without the site's selectors" in line]
    assert "1 of 24 post pages" in flag and "/details/1003" in flag


def test_a_second_crawl_starts_after_the_highest_id_and_stores_nothing(
    site: str, walked: tuple[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    db_url = ops.copy_archive(walked[0], tmp_path_factory.mktemp("again") / "archive.sqlite")
    summary = ops.crawl(db_url, "--site", "thaigov", "--start-url", site, *FAST)
    assert summary["new"] == summary["changed"] == 0
    assert summary["outcomes"] == {"soft_404": 20}  # 1005 … 1024: nothing below was asked
    assert sorted(stored(db_url, "thaigov")) == list(thaigov_site.POSTS)


def _archive_holding(db_url: str, url: str) -> None:
    item = PostItem(
        source="thaigov",
        post_id=5,
        url=url,
        categories=[],
        title="ข่าว",
        body="เนื้อข่าว",
        published="2017-07-14",
        images=[],
        attachments=[],
        fetched_at="2024-01-01T00:00:00+00:00",
        content_hash=content_hash("ข่าว", "เนื้อข่าว"),
        encoding="utf-8",
    )
    with session_scope(db_url) as session:
        store.save_post(session, item)


def test_a_mirror_crawl_into_an_archive_of_real_posts_is_refused(site: str, db_url: str) -> None:
    _archive_holding(db_url, "https://www.thaigov.go.th/news/contents/details/5")
    start = f"{site}/news/contents/details/1001"
    done = ops.cli("--db", db_url, "crawl", "--site", "thaigov", "--start-url", start, *FAST)
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "--db" in line and "127.0.0.1" in line
    with session_scope(db_url) as session:
        assert session.scalars(select(Post.source_id)).all() == [5]
        assert session.scalars(select(CrawlRun)).all() == []
    allowed = ops.cli(
        "--db",
        db_url,
        "crawl",
        "--site",
        "thaigov",
        "--start-url",
        start,
        "--allow-other-host",
        "--no-extract",
        *FAST,
    )
    assert allowed.returncode == 0, allowed.stderr
    assert sorted(stored(db_url, "thaigov")) == [5, *thaigov_site.POSTS]


def test_a_real_crawl_into_an_archive_of_mirror_posts_is_refused(db_url: str) -> None:
    _archive_holding(db_url, "http://127.0.0.1:8124/news/contents/details/5")
    done = ops.cli("--db", db_url, "crawl", "--site", "thaigov")  # refused before any request
    assert done.returncode == 2, done.stderr
    assert "--db" in done.stderr and "127.0.0.1:8124" in done.stderr


def test_sites_lists_each_profile_and_an_unknown_site_is_bad_usage(db_url: str) -> None:
    listed = ops.cli("sites")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t")[:3] for line in listed.stdout.splitlines()]
    assert rows == [
        ["mdes", "www.mdes.go.th", "listing"],
        ["thaigov", "www.thaigov.go.th", "id_walk"],
    ]
    unknown = ops.cli("--db", db_url, "crawl", "--site", "nosuch")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "error: no site 'nosuch': the sites are mdes, thaigov"
