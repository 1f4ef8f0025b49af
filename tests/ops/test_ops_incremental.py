"""Incremental crawls: an unchanged site costs one listing page per category, new posts are
fetched and the walk stops at known ground, changed posts become versions, and a server that
offers validators answers 304 to what the archive holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from archive.db import session_scope
from archive.models import Post, PostVersion
from scraper.mirror.posts import CATEGORIES, posts
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import Site, listing
from tests.ops.helpers import (
    FAST,
    copy_archive,
    crawl,
    path_of,
    records,
    run_posts,
    runs,
    sqlite_url,
    stored,
)

pytestmark = pytest.mark.slow

#: The three newest posts of category 119 appear only after the first crawl.
LATE = [p.id for p in listing("119")[:3]]
BEFORE = tuple(p for p in posts() if p.id not in LATE)
STORED_BEFORE = sorted(p.id for p in BEFORE if p.stored)


def starts(server: MirrorServer) -> list[str]:
    return [a for url in server.start_urls() for a in ("--start-url", url)]


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An archive after one complete crawl of the site as it was before LATE appeared."""
    db_url = sqlite_url(tmp_path_factory.mktemp("first") / "archive.sqlite")
    with MirrorServer(port=0, mirror=Site(BEFORE)) as server:
        summary = crawl(db_url, *starts(server), *FAST)
    assert summary["new"] == len(STORED_BEFORE) and summary["finish_reason"] == "finished"
    return db_url


def test_an_unchanged_site_costs_one_listing_page_per_category(first: str, tmp_path: Path) -> None:
    db_url = copy_archive(first, tmp_path / "again.sqlite")
    before = {p.id: (p.content_hash, p.version, p.categories) for p in stored(db_url).values()}
    with MirrorServer(port=0, mirror=Site(BEFORE)) as server:
        summary = crawl(db_url, *starts(server), *FAST)
        asked = server.requests
    run = runs(db_url)[-1]
    fetched = sorted(path_of(r.url) for r in records(db_url, run.id))
    expected = sorted(["/robots.txt", *(f"/news/{c}" for c in CATEGORIES)])
    assert fetched == sorted(path_of(p) for p in asked) == expected
    assert (summary["new"], summary["changed"], summary["unchanged"], summary["failed"]) == (
        0,
        0,
        0,
        0,
    )
    after = {p.id: (p.content_hash, p.version, p.categories) for p in stored(db_url).values()}
    assert after == before
    assert (run.status, run.mode, run.new_posts, run.pages) == ("ok", "incremental", 0, 4)
    assert sorted(run.report["walked"]) == sorted(CATEGORIES)


def test_new_posts_are_fetched_and_the_walk_stops_at_known_ground(
    first: str, tmp_path: Path
) -> None:
    db_url = copy_archive(first, tmp_path / "later.sqlite")
    with MirrorServer(port=0) as server:
        summary = crawl(db_url, *starts(server), *FAST)
    run = runs(db_url)[-1]
    rows = records(db_url, run.id)
    assert sorted(r.post_id for r in rows if r.kind == "post") == sorted(LATE)
    listings = Counter(path_of(r.url).split("?")[0] for r in rows if r.kind == "listing")
    # 119's first page shows the new posts, so its second page is read too, and shows none
    assert listings == {"/news/119": 2, "/news/115": 1, "/news/3": 1, "/news/7": 1}
    assert (summary["new"], summary["changed"]) == (len(LATE), 0)
    assert sorted(stored(db_url)) == sorted([*STORED_BEFORE, *LATE])
    assert sorted(pid for r, pid, outcome in run_posts(db_url) if r == run.id) == sorted(LATE)


def test_changed_posts_become_versions_and_the_old_text_stays(first: str, tmp_path: Path) -> None:
    db_url = copy_archive(first, tmp_path / "changed.sqlite")
    retitled = listing("115")[0]  # the card shows the new headline: found by a daily crawl
    rewritten = listing("7")[0]  # only the text changed: found by a --full crawl
    edited = {
        retitled.id: replace(retitled, title=retitled.title + " (แก้ไข)"),
        rewritten.id: replace(rewritten, paragraphs=(*rewritten.paragraphs, "ย่อหน้าที่เพิ่มเข้ามา")),
    }
    site = Site(tuple(edited.get(p.id, p) for p in BEFORE))
    old_body = stored(db_url)[rewritten.id].body
    with MirrorServer(port=0, mirror=site) as server:
        daily = crawl(db_url, *starts(server), *FAST)
        assert (daily["new"], daily["changed"], daily["unchanged"]) == (0, 1, 0)
        assert stored(db_url)[retitled.id].title == edited[retitled.id].title
        assert stored(db_url)[rewritten.id].version == 1
        full = crawl(db_url, "--full", *starts(server), *FAST)
    assert (full["new"], full["changed"]) == (0, 1)
    assert full["unchanged"] == len(STORED_BEFORE) - 1
    now = stored(db_url)
    assert now[rewritten.id].version == 2 and "ย่อหน้าที่เพิ่มเข้ามา" in now[rewritten.id].body
    with session_scope(db_url) as session:
        rows = session.execute(select(Post.source_id, PostVersion).join(Post)).all()
        versions = {(site_id, v.version): v for site_id, v in rows}
    assert sorted(versions) == sorted([(retitled.id, 1), (rewritten.id, 1)])
    assert versions[(rewritten.id, 1)].body == old_body
    assert versions[(retitled.id, 1)].title == retitled.title
    assert [r.mode for r in runs(db_url)] == ["incremental", "incremental", "full"]


def test_a_server_with_validators_answers_304_and_nothing_is_stored_twice(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    with MirrorServer(port=0, validators=True) as server:
        crawl(db_url, "--start-url", f"{server.url}/news/7", *FAST)
        again = crawl(db_url, "--full", "--start-url", f"{server.url}/news/7", *FAST)
        not_modified = server.not_modified
    jobs = [p.id for p in posts() if "7" in p.categories]
    files = [p.attachment for p in posts() if "7" in p.categories and p.attachment]
    run = runs(db_url)[-1]
    rows = records(db_url, run.id)
    # robots.txt, the listing, the posts, their files: each asked conditionally, each a 304
    assert not_modified == len(rows) == again["not_modified"] == 2 + len(jobs) + len(files)
    assert {r.status for r in rows} == {304}
    assert (again["new"], again["changed"], again["unchanged"]) == (0, 0, len(jobs))
    assert {p.version for p in stored(db_url).values()} == {1}
