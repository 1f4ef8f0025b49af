"""A site that misbehaves on purpose, on 127.0.0.1: each misbehaviour ends as a counted outcome and
a line in the run's report, never a crash and never a half-written post.

One crawl meets most of them at once (one faulty post each on the first listing page of 119, a
second listing page without cards); refusals get crawls of their own.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from scraper.middlewares import retry_after
from scraper.mirror.posts import Post, posts
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import Page, Site, listing, site
from scraper.pages import content_hash, thai_encoding
from tests.ops.helpers import FAST, cli, crawl, failures, runs, sqlite_url, stored

pytestmark = pytest.mark.slow

FIRST = listing("119")[:10]  # the first listing page of 119, one misbehaviour per post
ROLES = [
    "no charset",
    "wrong charset",
    "empty body",
    "no headline",
    "redirect loop",
    "10 MB",
    "slow",
    "500 then fine",
    "429 retry-after",
    "no date",
]
BY_ROLE = dict(zip(ROLES, FIRST, strict=True))
UNDATED = BY_ROLE["no date"]
SITE = Site(tuple(replace(p, card_date=False) if p.id == UNDATED.id else p for p in posts()))


def _html(post: Post) -> str:
    return SITE.post_pages[post.id].render("").decode("utf-8")


class Misbehaving:
    """The fault function of the server: what each faulty post page answers, and when it was
    asked (for Retry-After). The slow post answers only once `release` is set (after the crawl):
    it times out however loaded the machine, while every other page has a generous timeout."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.lock = threading.Lock()
        self.release = threading.Event()

    def __call__(self, path: str, hit: int) -> Page | None:
        with self.lock:
            self.times.setdefault(path, []).append(time.monotonic())
        if path.startswith("/news/119?page=2"):
            return Page(200, "text/html; charset=utf-8", "<html><body><p>ไม่มีข่าว</p></body></html>")
        role = next(
            (r for r, p in BY_ROLE.items() if path.startswith(f"/news/detail/{p.id}")), None
        )
        post = BY_ROLE.get(role or "")
        if post is None:
            return None
        if role == "no charset":  # TIS-620 bytes, no charset anywhere
            body = _html(post).replace('<meta charset="utf-8">', "").encode("cp874")
            return Page(200, "text/html", body)
        if role == "wrong charset":  # the header says UTF-8, the bytes are windows-874
            body = _html(post).replace('<meta charset="utf-8">', "").encode("cp874")
            return Page(200, "text/html; charset=utf-8", body)
        if role == "empty body":
            return Page(200, "text/html; charset=utf-8", b"")
        if role == "no headline":
            return Page(200, "text/html; charset=utf-8", "<html><body><div class='col-12'>"
                        "<p>ข้อความที่ไม่มีหัวข่าว ยาวพอสมควร</p></div></body></html>")  # fmt: skip
        if role == "redirect loop":
            return Page(302, "text/html", b"", headers=(("Location", path),))
        if role == "10 MB":
            return Page(200, "text/html; charset=utf-8", b"<html>" + b" " * 10_000_000)
        if role == "slow":
            self.release.wait(300)
            return None
        if role == "500 then fine" and hit <= 2:
            return Page(500, "text/plain", b"internal error\n")
        if role == "429 retry-after" and hit == 1:
            return Page(429, "text/plain", b"slow down\n", headers=(("Retry-After", "1"),))
        if role == "no date":  # no date on its card (SITE), none at the start of its text
            html = _html(post).replace(post.paragraphs[0], "ข่าวนี้ไม่ได้บอกวันที่ " + post.title)
            return Page(200, "text/html; charset=utf-8", html)
        return None


@pytest.fixture(scope="module")
def misbehaved(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict, Misbehaving]:
    db_url = sqlite_url(tmp_path_factory.mktemp("faults") / "archive.sqlite")
    fault = Misbehaving()
    settings = {
        "DOWNLOAD_TIMEOUT": 5,  # the slow post: three tries of 5 s; any other page: plenty
        "RETRY_TIMES": 2,
        "RETRY_BACKOFF_BASE": 0.05,
        "RETRY_BACKOFF_MAX": 5,
        "ATTACHMENTS_FETCH": False,
    }
    args = [a for k, v in settings.items() for a in ("-s", f"{k}={v}")]
    with MirrorServer(port=0, mirror=SITE, fault=fault) as server:
        try:
            summary = crawl(db_url, "--start-url", f"{server.url}/news/119", *FAST, *args,
                            timeout=300)  # fmt: skip
        finally:
            fault.release.set()
    return db_url, summary, fault


def test_the_crawl_ends_cleanly_with_each_outcome_counted(
    misbehaved: tuple[str, dict, Misbehaving],
) -> None:
    db_url, summary, _ = misbehaved
    assert summary["finish_reason"] == "finished"
    outcomes = summary["outcomes"]
    for outcome in ("empty_body", "no_headline", "redirect_loop", "too_large", "timeout"):
        assert outcomes.get(outcome) == 1, outcome
    # a page without charset Scrapy reads right by itself; one with the wrong charset is repaired
    assert outcomes["no_cards"] == 1 and outcomes["charset_corrected"] == 1
    [run] = runs(db_url)
    assert run.status == "ok" and run.report["outcomes"] == outcomes
    assert run.errors == summary["failed"] == 6  # five posts and the listing without cards
    assert run.report["walked"] == []  # 119's walk broke off: the next crawl walks it again


def test_good_posts_arrive_whole_and_bad_ones_not_at_all(
    misbehaved: tuple[str, dict, Misbehaving],
) -> None:
    db_url, _, _ = misbehaved
    rows = stored(db_url)
    good = ["no charset", "wrong charset", "500 then fine", "429 retry-after", "no date"]
    assert sorted(rows) == sorted(BY_ROLE[r].id for r in good)
    for role in good:
        row, post = rows[BY_ROLE[role].id], BY_ROLE[role]
        assert row.title == post.title, role  # Thai, whatever the charset said
        assert row.content_hash == content_hash(row.title, row.body) and row.body
    assert rows[UNDATED.id].published is None
    assert rows[BY_ROLE["no charset"].id].encoding == "cp874"


def test_every_failure_is_a_clear_line_in_the_run_report(
    misbehaved: tuple[str, dict, Misbehaving],
) -> None:
    db_url, _, _ = misbehaved
    reasons = {f.url.split("/news/detail/")[-1].split("-")[0]: f.reason for f in failures(db_url)}
    assert "empty response" in reasons[str(BY_ROLE["empty body"].id)]
    assert "no headline" in reasons[str(BY_ROLE["no headline"].id)]
    assert "redirect" in reasons[str(BY_ROLE["redirect loop"].id)]
    assert "too large" in reasons[str(BY_ROLE["10 MB"].id)]
    assert "timeout" in reasons[str(BY_ROLE["slow"].id)]
    done = cli("--db", db_url, "runs", "1")
    assert done.returncode == 0, done.stderr
    report = done.stdout
    assert "run 1: ok" in report and "listing without post links" in report
    assert report.count("not stored:") == 6
    undated = stored(db_url)[UNDATED.id].id  # the report names posts by the archive's ids
    assert f"1 no date ({undated})" in report  # the data-quality line


def test_retry_after_is_honoured(misbehaved: tuple[str, dict, Misbehaving]) -> None:
    _, summary, fault = misbehaved
    [asked] = [t for p, t in fault.times.items() if p.startswith(f"/news/detail/{BY_ROLE['429 retry-after'].id}")]  # fmt: skip
    assert len(asked) == 2 and asked[1] - asked[0] >= 0.95
    [failing] = [t for p, t in fault.times.items() if p.startswith(f"/news/detail/{BY_ROLE['500 then fine'].id}")]  # fmt: skip
    assert len(failing) == 3  # two 500s, then the page
    assert summary["retries"] >= 3


class Bursts:
    """403 to any request that comes less than `gap` seconds after the previous one."""

    def __init__(self, gap: float) -> None:
        self.gap, self.previous, self.refused = gap, -1e9, 0
        self.lock = threading.Lock()

    def __call__(self, path: str, hit: int) -> Page | None:
        with self.lock:
            now = time.monotonic()
            too_soon, self.previous = now - self.previous < self.gap, now
            if too_soon:
                self.refused += 1
                return Page(403, "text/plain", b"forbidden\n")
        return None


def test_bursts_of_403_are_outlasted_by_back_off(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")
    bursts = Bursts(gap=0.15)
    settings = ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", "RETRY_BACKOFF_BASE=0.3"]
    with MirrorServer(port=0, fault=bursts) as server:
        summary = crawl(db_url, "--start-url", f"{server.url}/news/7", *FAST, *settings)
    jobs = sorted(p.id for p in posts() if "7" in p.categories)
    assert bursts.refused > 0 and summary["outcomes"].get("http_403") is None
    assert (summary["new"], summary["failed"], summary["finish_reason"]) == (
        len(jobs),
        0,
        "finished",
    )
    assert sorted(stored(db_url)) == jobs


def test_a_site_that_keeps_refusing_stops_the_run_and_says_why(tmp_path: Path) -> None:
    db_url = sqlite_url(tmp_path / "archive.sqlite")

    def refuse_after_three(path: str, hit: int, served: list[str] = []) -> Page | None:  # noqa: B006
        served.append(path)
        return Page(403, "text/plain", b"go away\n") if len(served) > 3 else None

    settings = ["-s", "REFUSAL_LIMIT=4", "-s", "RETRY_BACKOFF_BASE=0.01", "-s", "RETRY_TIMES=5"]
    with MirrorServer(port=0, fault=refuse_after_three) as server:
        done = cli("--db", db_url, "crawl", "--no-extract", "--start-url", f"{server.url}/news/119",
                   *FAST, *settings)  # fmt: skip
        asked = len(server.requests)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("error: the site kept refusing: 4 ")
    [run] = runs(db_url)
    assert run.status == "refused" and "4 refusals in a row (last: HTTP 403" in run.message
    assert asked <= 3 + 4 + 8  # stopped soon after the limit, not after every retry of every page
    assert len(stored(db_url)) == run.new_posts  # what was stored before stays stored


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, 0, tzinfo=dt.UTC)
    assert retry_after(b"7", now) == 7.0
    assert retry_after(b"Thu, 01 Jan 2026 12:00:30 GMT", now) == 30.0
    assert retry_after(b"Thu, 01 Jan 2026 11:00:00 GMT", now) == 0.0
    assert retry_after(b"soon", now) == 0.0 and retry_after(None, now) == 0.0


def test_thai_pages_are_read_as_thai_whatever_their_charset_says() -> None:
    text = site().post_pages[FIRST[0].id].render("").decode("utf-8")
    assert thai_encoding(text.encode("cp874", "replace"), "cp1252") == "cp874"  # no charset
    assert thai_encoding(text.encode("cp874", "replace"), "utf-8") == "cp874"  # wrong one
    assert thai_encoding(text.encode("utf-8"), "cp874") == "utf-8"  # UTF-8 called TIS-620
    assert thai_encoding(text.encode("utf-8"), "utf-8") is None
    assert thai_encoding(text.encode("cp874", "replace"), "cp874") is None
    assert thai_encoding(b"<html><p>plain English</p></html>", "cp1252") is None
