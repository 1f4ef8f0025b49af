"""The archive pipeline on its own, built from a Crawler with chosen settings, over a real SQLite
file: what it stores, what it refuses, and how it accounts for the run."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from sqlalchemy import select

from archive.db import session_scope
from archive.models import CrawlRun, FetchFailure, Post
from archive.store import find_post
from scraper.items import ListingItem, PostItem
from scraper.pipelines import ArchivePipeline
from scraper.spiders.news import NewsSpider, content_hash


def item(post_id: int = 4445, body: str = "ย่อหน้าแรก\n\nย่อหน้าที่สอง") -> PostItem:
    title = "ผู้ตรวจราชการฯ ลงพื้นที่จังหวัดสุโขทัย"
    return PostItem(
        post_id=post_id,
        url=f"http://127.0.0.1/news/detail/{post_id}-x",
        categories=["119"],
        title=title,
        published="2020-07-23",
        body=body,
        images=[],
        attachments=[],
        fetched_at="2026-01-01T00:00:00+00:00",
        content_hash=content_hash(title, body),
        encoding="utf-8",
    )


@pytest.fixture
def pipeline(db_url: str) -> ArchivePipeline:
    crawler = get_crawler(NewsSpider, {"MINISTRY_NEWS_DB": db_url})
    crawler.spider = NewsSpider.from_crawler(
        crawler, site="mdes", start_url="http://127.0.0.1/news/119"
    )
    pipe = ArchivePipeline.from_crawler(crawler)
    pipe.open_spider()
    return pipe


def stats(pipe: ArchivePipeline) -> dict[str, int]:
    prefix = "ministry_news/"
    values = pipe.crawler.stats.get_stats()
    return {k.removeprefix(prefix): v for k, v in values.items() if k.startswith(prefix)}


def test_new_unchanged_and_changed_posts_are_counted_and_kept_once(
    pipeline: ArchivePipeline, db_url: str
) -> None:
    pipeline.process_item(item())
    pipeline.process_item(item(4446))
    again = ArchivePipeline.from_crawler(pipeline.crawler)  # the next run (sharing the stats)
    again.open_spider()
    again.process_item(item())
    again.process_item(item(4446, body="ย่อหน้าแรก แก้ไขแล้ว"))
    with session_scope(db_url) as session:
        rows = {p.source_id: p for p in session.scalars(select(Post))}
    assert sorted(rows) == [4445, 4446]
    assert rows[4446].version == 2 and rows[4446].body == "ย่อหน้าแรก แก้ไขแล้ว"
    counts = stats(pipeline)
    assert (counts["new_posts"], counts["unchanged_posts"], counts["changed_posts"]) == (2, 1, 1)


def test_the_same_post_twice_in_a_run_is_a_category_merge(
    pipeline: ArchivePipeline, db_url: str
) -> None:
    pipeline.process_item(item())
    pipeline.process_item(item())
    second = item()
    second["categories"] = ["119", "3"]
    pipeline.process_item(second)
    with session_scope(db_url) as session:
        assert find_post(session, "mdes", 4445).categories == ["119", "3"]
    assert stats(pipeline)["new_posts"] == 1 and stats(pipeline)["category_merges"] == 2


def test_a_further_listing_adds_its_category_to_the_stored_post(
    pipeline: ArchivePipeline, db_url: str
) -> None:
    pipeline.process_item(ListingItem(post_id=4446, category="3"))  # before its post: held
    pipeline.process_item(item())
    pipeline.process_item(ListingItem(post_id=4445, category="115"))
    pipeline.process_item(item(4446))
    with session_scope(db_url) as session:
        assert find_post(session, "mdes", 4445).categories == ["115", "119"]
        assert find_post(session, "mdes", 4446).categories == ["119", "3"]
        assert find_post(session, "mdes", 4445).version == 1
    assert stats(pipeline)["new_posts"] == 2 and stats(pipeline)["category_merges"] == 2


def test_two_sites_posts_under_the_same_site_id_are_two_posts(
    pipeline: ArchivePipeline, db_url: str
) -> None:
    thaigov = item(body="ข่าวทำเนียบรัฐบาล")
    thaigov["source"] = "thaigov"
    thaigov["url"] = "http://127.0.0.1/news/contents/details/4445"
    pipeline.process_item(item())  # no source: MDES's, as every item before a second site
    pipeline.process_item(thaigov)
    pipeline.process_item(ListingItem(source="thaigov", post_id=4445, category="3"))
    pipeline.process_item(thaigov)  # the same thaigov post again: one row still
    with session_scope(db_url) as session:
        rows = {(p.source, p.source_id): p for p in session.scalars(select(Post))}
    assert sorted(rows) == [("mdes", 4445), ("thaigov", 4445)]
    mdes, gov = rows["mdes", 4445], rows["thaigov", 4445]
    assert mdes.id != gov.id
    assert (mdes.body, gov.body) == (item()["body"], "ข่าวทำเนียบรัฐบาล")
    assert (mdes.categories, gov.categories) == (["119"], ["119", "3"])
    assert stats(pipeline)["new_posts"] == 2


def test_a_failure_names_the_site_whose_page_failed(pipeline: ArchivePipeline, db_url: str) -> None:
    half = item()
    half["source"], half["title"] = "thaigov", ""
    with pytest.raises(DropItem):
        pipeline.process_item(half)
    pipeline.record_failure(url="http://127.0.0.1/news/detail/9-x", status=404, reason="gone")
    with session_scope(db_url) as session:
        failures = session.scalars(select(FetchFailure).order_by(FetchFailure.id)).all()
    assert [f.source for f in failures] == ["thaigov", "mdes"]  # the spider's own: NewsSpider's


@pytest.mark.parametrize("missing", ["title", "body", "content_hash"])
def test_a_half_post_is_refused_and_recorded(
    pipeline: ArchivePipeline, db_url: str, missing: str
) -> None:
    half = item()
    if missing == "body":
        del half["body"]  # absent; an empty body ("") is a picture post's, and is stored
    else:
        half[missing] = ""
    with pytest.raises(DropItem, match=missing):
        pipeline.process_item(half)
    with session_scope(db_url) as session:
        assert session.scalars(select(Post)).all() == []
        [failure] = session.scalars(select(FetchFailure)).all()
    assert failure.url == half["url"] and missing in failure.reason
    assert failure.run_id == pipeline.run_id
    assert stats(pipeline)["failed"] == 1


@pytest.mark.parametrize(
    ("reason", "status"),
    [("finished", "ok"), ("shutdown", "interrupted"), ("unreachable", "failed")],
)
def test_the_run_is_closed_with_its_counts(
    pipeline: ArchivePipeline, db_url: str, reason: str, status: str
) -> None:
    pipeline.crawler.stats.set_value("ministry_news/pages", 3)
    pipeline.process_item(item())
    pipeline.finish_run(pipeline.crawler.spider, reason)
    with session_scope(db_url) as session:
        run = session.get(CrawlRun, pipeline.run_id)
    assert (run.status, run.message, run.pages, run.new_posts) == (status, reason, 3, 1)
    assert run.start_urls == ["http://127.0.0.1/news/119"] and run.finished_at is not None
