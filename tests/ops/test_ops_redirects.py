"""Redirects between posts and off the site, on 127.0.0.1: each post keeps its own text under its
own id, and the page that moved gets an outcome of its own in the run report (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.mirror.posts import posts
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import Page, Site, listing
from tests.ops.helpers import FAST, crawl, failures, sqlite_url, stored

pytestmark = pytest.mark.slow

FIRST = listing("119")[:10]
MOVED, TARGET, OFFSITE = FIRST[0], FIRST[1], FIRST[2]
SITE = Site(tuple(posts()))


def fault(path: str, hit: int) -> Page | None:
    if path.startswith("/news/119?page=2"):
        return Page(200, "text/html; charset=utf-8", "<html><body><p>ไม่มีข่าว</p></body></html>")
    if path.startswith(f"/news/detail/{MOVED.id}-") or path == f"/news/detail/{MOVED.id}":
        return Page(301, "text/html", b"", headers=(("Location", f"/news/detail/{TARGET.id}"),))
    if path.startswith(f"/news/detail/{OFFSITE.id}"):
        where = f"http://elsewhere.invalid/news/detail/{OFFSITE.id}"
        return Page(302, "text/html", b"", headers=(("Location", where),))
    return None


@pytest.fixture(scope="module")
def redirected(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    db_url = sqlite_url(tmp_path_factory.mktemp("redirects") / "archive.sqlite")
    with MirrorServer(port=0, mirror=SITE, fault=fault) as server:
        summary = crawl(db_url, "--start-url", f"{server.url}/news/119", *FAST,
                        "-s", "ATTACHMENTS_FETCH=False", timeout=300)  # fmt: skip
    return db_url, summary


def test_a_post_redirected_to_another_is_not_stored_under_the_others_text(
    redirected: tuple[str, dict],
) -> None:
    db_url, _ = redirected
    archive = stored(db_url)
    assert MOVED.id not in archive  # its page is TARGET's: storing it as MOVED would be false
    assert archive[TARGET.id].title == TARGET.title
    assert [p.title for p in archive.values()].count(TARGET.title) == 1


def test_each_redirect_is_one_outcome_in_the_run_report(redirected: tuple[str, dict]) -> None:
    db_url, _ = redirected
    reasons = {
        pid: f.reason
        for f in failures(db_url)
        for pid in (MOVED.id, OFFSITE.id)
        if f"/news/detail/{pid}" in f.url
    }
    assert f"redirects to post {TARGET.id}" in reasons[MOVED.id]
    assert "off-site" in reasons[OFFSITE.id] and "elsewhere.invalid" in reasons[OFFSITE.id]
    assert OFFSITE.id not in stored(db_url)


def test_nothing_is_lost_on_the_way(redirected: tuple[str, dict], tmp_path: Path) -> None:
    db_url, _ = redirected
    archive = stored(db_url)
    others = [p for p in FIRST if p.id not in (MOVED.id, OFFSITE.id) and not p.missing]
    assert all(archive[p.id].title == p.title for p in others)


def test_reextract_reads_the_redirected_page_back_as_the_post_it_is(
    redirected: tuple[str, dict], tmp_path: Path
) -> None:
    from ministry_news.reextract import reextract

    db_url, _ = redirected
    rebuilt = sqlite_url(tmp_path / "rebuilt.sqlite")
    reextract(db_url, into=rebuilt, extract=False)
    again, before = stored(rebuilt), stored(db_url)
    assert sorted(again) == sorted(before)  # no duplicate of the target, no moved post
    assert again[TARGET.id].title == TARGET.title
