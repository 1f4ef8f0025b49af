"""Every record a crawl keeps reads back, in bounded memory: pages sent as brotli or zstd, a gzip
bomb (kept in the WARC file as sent, refused by the crawl), the old CMS's 500 unclosed tags; in
`reextract`, in `warcio check`, and through the 304 path of a second crawl (`--full`).

The bomb is 50 MB of zeros gzip'd (about 50 KB) against a 1 MB DOWNLOAD_MAXSIZE: the same bound
as 1 GiB against the real 8 MB, at a size a test can build.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from functools import cache
from pathlib import Path

import brotli
import pytest
from backports import zstd

from archive import warc
from ministry_news.reextract import reextract
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import Page, listing, site
from tests.ops.helpers import FAST, crawl, sqlite_url, stored
from tests.scraper.test_scraper_parsing import unclosed_cms_page

pytestmark = pytest.mark.slow

LIMIT = 2**20
FIRST = listing("119")[:10]
BROTLI, ZSTD, BOMB, UNCLOSED = (p.id for p in FIRST[:4])
PLAIN = sorted(p.id for p in FIRST[4:])
HTML = "text/html; charset=utf-8"


@cache
def bomb() -> bytes:
    return gzip.compress(b"\0" * 50_000_000, compresslevel=6)


def page_of(post_id: int) -> bytes:
    return site().post_pages[post_id].render("")


def encoded(path: str, hit: int) -> Page | None:
    """Each faulty post answers the same bytes every time (so the mirror's ETag gives a 304)."""
    if path.startswith("/news/119?page=2"):  # one listing page: these ten posts
        return Page(200, HTML, "<html><body><p>ไม่มีข่าว</p></body></html>")
    for post_id, body, encoding in (
        (BROTLI, lambda: brotli.compress(page_of(BROTLI)), "br"),
        (ZSTD, lambda: zstd.compress(page_of(ZSTD)), "zstd"),
        (BOMB, bomb, "gzip"),
    ):
        if path.startswith(f"/news/detail/{post_id}-"):
            return Page(200, HTML, body(), headers=(("Content-Encoding", encoding),))
    if path.startswith(f"/news/detail/{UNCLOSED}-"):
        return Page(200, HTML, unclosed_cms_page(500))
    return None


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, dict, dict]:
    """Two crawls, the second `--full` (every post asked again: 304s), then the site is gone."""
    folder = tmp_path_factory.mktemp("encoded")
    db_url = sqlite_url(folder / "archive.sqlite")
    args = [*FAST, "-s", f"DOWNLOAD_MAXSIZE={LIMIT}", "-s", "ATTACHMENTS_FETCH=False"]
    with MirrorServer(port=0, fault=encoded, validators=True) as server:
        start = ["--start-url", f"{server.url}/news/119"]
        first = crawl(db_url, *start, *args)
        second = crawl(db_url, *start, "--full", *args)
    return db_url, folder, first, second


def test_brotli_zstd_and_unclosed_pages_are_stored_and_the_bomb_is_too_large(
    crawled: tuple[str, Path, dict, dict],
) -> None:
    db_url, _, first, _ = crawled
    rows = stored(db_url)
    assert sorted(rows) == sorted([BROTLI, ZSTD, UNCLOSED, *PLAIN])
    assert first["outcomes"].get("too_large") == 1 and "error" not in first["outcomes"]
    assert rows[UNCLOSED].body.count("\n\n") == 499


def test_the_warc_files_pass_warcio_check(crawled: tuple[str, Path, dict, dict]) -> None:
    db_url, _, _, _ = crawled
    files = sorted(str(p) for p in warc.default_warc_dir(db_url).glob("*.warc.gz"))
    warcio = Path(sys.executable).with_name("warcio")
    done = subprocess.run([warcio, "check", *files], capture_output=True, text=True, timeout=300)
    assert files and done.returncode == 0, (done.stdout + done.stderr)[-2000:]


def test_a_304_reads_the_archived_copy_and_the_archived_bomb_stays_too_large(
    crawled: tuple[str, Path, dict, dict],
) -> None:
    _, _, _, second = crawled
    outcomes = second["outcomes"]
    assert second["not_modified"] >= len(PLAIN) + 3  # brotli, zstd and the unclosed page too
    assert outcomes.get("too_large") == 1 and "error" not in outcomes
    assert second["unchanged"] == len(PLAIN) + 3 and second["new"] == 0


def test_reextract_reads_every_record_back_and_bounds_the_bomb(
    crawled: tuple[str, Path, dict, dict], tmp_path: Path
) -> None:
    db_url, _, _, _ = crawled
    again = sqlite_url(tmp_path / "again.sqlite")
    report = reextract(db_url, into=again, extract=False, max_size=LIMIT)
    assert (report.too_large, report.unreadable, report.unusable) == (1, 0, 0)
    assert {k: v.body for k, v in stored(again).items()} == {
        k: v.body for k, v in stored(db_url).items()
    }
