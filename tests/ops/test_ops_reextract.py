"""`reextract` from the WARC files of a crawl reproduces the crawl's posts and facts, with the
site gone: from the index's offsets, or by scanning the files when the index is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from archive import warc
from archive.db import session_scope
from archive.models import Fact, Visit
from ministry_news.extract import extract_posts
from ministry_news.reextract import reextract
from scraper.mirror.posts import posts
from scraper.mirror.server import MirrorServer
from tests.ops.helpers import FAST, cli, crawl, sqlite_url, stored

pytestmark = pytest.mark.slow

POST_FIELDS = (
    "url", "title", "published", "body", "categories", "category_name", "images", "attachments",
    "content_hash", "encoding", "version",
)  # fmt: skip


def posts_of(db_url: str) -> dict[int, tuple[Any, ...]]:
    return {pid: tuple(getattr(p, f) for f in POST_FIELDS) for pid, p in stored(db_url).items()}


def facts_of(db_url: str) -> tuple[set[tuple], set[tuple]]:
    with session_scope(db_url) as session:
        facts = {
            (f.post_id, f.pipeline_version, f.kind, f.value, f.source, f.start, f.end, f.surface)
            for f in session.scalars(select(Fact))
        }
        visits = {
            (v.post_id, v.seq, tuple(v.dates), tuple(v.provinces), tuple(v.officials))
            for v in session.scalars(select(Visit))
        }
    return facts, visits


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A crawl of the mirror, extracted; the mirror is gone afterwards."""
    folder = tmp_path_factory.mktemp("crawled")
    db_url = sqlite_url(folder / "archive.sqlite")
    with MirrorServer(port=0) as server:
        crawl(db_url, *(a for u in server.start_urls() for a in ("--start-url", u)), *FAST)
    extract_posts(db_url)
    return db_url, folder


def test_reextract_into_a_new_archive_gives_the_same_posts_and_facts(
    crawled: tuple[str, Path], tmp_path: Path
) -> None:
    db_url, _ = crawled
    again = sqlite_url(tmp_path / "again.sqlite")
    report = reextract(db_url, into=again)
    expected = posts_of(db_url)
    assert len(expected) == len([p for p in posts() if p.stored])
    assert posts_of(again) == expected
    assert (report.new, report.changed, report.unusable) == (len(expected), 0, 0)
    facts, visits = facts_of(db_url)
    assert facts and facts_of(again) == (facts, visits)


def test_with_the_index_lost_the_files_alone_suffice(
    crawled: tuple[str, Path], tmp_path: Path
) -> None:
    db_url, _ = crawled
    rebuilt = sqlite_url(tmp_path / "rebuilt.sqlite")
    gone = sqlite_url(tmp_path / "no-index.sqlite")  # an archive that never saw these files
    report = reextract(
        gone, into=rebuilt, warc_dir=warc.default_warc_dir(db_url), scan=True, extract=False
    )
    assert report.posts == len(posts_of(db_url))
    assert posts_of(rebuilt) == posts_of(db_url)


def test_in_place_the_same_parser_changes_nothing(crawled: tuple[str, Path]) -> None:
    db_url, _ = crawled
    before = posts_of(db_url)
    report = reextract(db_url, extract=False)
    assert (report.new, report.changed, report.unchanged) == (0, 0, len(before))
    assert posts_of(db_url) == before


def test_the_command_refuses_a_target_that_holds_posts(crawled: tuple[str, Path]) -> None:
    db_url, _ = crawled
    done = cli("--db", db_url, "reextract", "--into", db_url, "--no-extract")
    assert done.returncode == 2
    assert (
        done.stderr.strip() == f"error: {db_url} already holds posts: --into needs an empty archive"
    )
