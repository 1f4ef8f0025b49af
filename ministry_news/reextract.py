"""`ministry-news reextract`: posts and facts rebuilt from the WARC files alone, no network.

The WARC files hold every page a crawl received; the posts are what one version of the parser
made of them. After a parser or nlp improvement, reextract reads the pages back (offsets from
the `warc_records` index, or by scanning the files when the index is lost) and parses them with
the spider's own code (`scraper.pages`), in the order they were fetched: listings first give each
post its categories and card date, as during the crawl.

- In place (default): each post's newest page is parsed again; a post whose text comes out
  differently is stored as a new version (the earlier one stays readable), then facts are
  extracted again for every post rebuilt.
- `--into URL`: every page is replayed, oldest first, into another, empty archive: the posts
  with all their versions, as if the crawls had run with today's code.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import func, select

from archive import migrate, store, warc
from archive.db import session_scope
from archive.encodings import TooLarge
from archive.models import Post, WarcRecord
from archive.sources import source_of_host
from scraper import extract_html as X
from scraper.pages import as_response, page_kind, read_post


@dataclass(frozen=True)
class _Entry:
    file: str
    offset: int
    url: str
    kind: str
    post_id: int | None  # the site's id of a post's page
    source: str  # the site (archive.sources)


@dataclass
class ReextractReport:
    pages: int = 0  # listing and post pages read back
    posts: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    unusable: int = 0  # pages the parser cannot make a post of (as during the crawl)
    unreadable: int = 0  # index rows whose record could not be read
    too_large: int = (
        0  # records over the size limit, sent or decompressed (bombs the crawl refused)
    )
    facts: int = 0
    visits: int = 0
    seconds: float = 0.0
    post_ids: list[int] = field(default_factory=list)  # the archive's ids of the posts rebuilt


def _from_index(db_url: str) -> Iterator[_Entry]:
    with session_scope(db_url) as session:
        rows = session.execute(
            select(
                WarcRecord.file,
                WarcRecord.offset,
                WarcRecord.url,
                WarcRecord.kind,
                WarcRecord.post_id,
                WarcRecord.source,
            )
            .where(WarcRecord.status == 200, WarcRecord.kind.in_(("listing", "post")))
            .order_by(WarcRecord.id)
        ).all()
    for file, offset, url, kind, post_id, source in rows:
        yield _Entry(file, offset, url, kind, post_id, source)


def _from_files(directory: warc.Location) -> Iterator[_Entry]:
    for found in warc.scan(directory):
        kind = page_kind(found.url)
        if found.status == 200 and kind in ("listing", "post"):
            pid = X.post_id(found.url) if kind == "post" else None
            # Without the index, a page's site is its host's (a mirror's pages: the first site's).
            source = source_of_host(urlsplit(found.url).hostname or "")
            yield _Entry(found.file, found.offset, found.url, kind, pid, source)


def reextract(
    db_url: str,
    into: str | None = None,
    warc_dir: Path | None = None,
    scan: bool = False,
    extract: bool = True,
    max_size: int = warc.MAX_BODY,
) -> ReextractReport:
    """Rebuild posts (and their facts, unless `extract` is False) from WARC files.

    A record whose body is over `max_size` bytes, sent or decompressed, is counted too_large and
    skipped, as the crawl refused it. Raises ValueError, with a message for the user, when `into` already holds posts or there is
    nothing to read.
    """
    started = time.perf_counter()
    target = into or db_url
    directory = warc.location(db_url, warc_dir)
    if not scan:
        migrate.upgrade(db_url)
    migrate.upgrade(target)
    if into:
        with session_scope(target) as session:
            if session.scalar(select(func.count()).select_from(Post)):
                raise ValueError(f"{into} already holds posts: --into needs an empty archive")
    entries = list(_from_files(directory) if scan else _from_index(db_url))
    if not entries:
        where = directory.directory if scan else "the archive's WARC index"
        raise ValueError(f"no listing or post pages recorded in {where}")
    # Posts by (site, site's id): two sites number their posts alike.
    newest = {(e.source, e.post_id): i for i, e in enumerate(entries) if e.kind == "post"}

    report = ReextractReport()
    cards: dict[tuple[str, int], tuple[set[str], str | None]] = {}
    touched: dict[int, None] = {}
    for i, entry in enumerate(entries):
        key = (entry.source, entry.post_id)
        if entry.kind == "post" and into is None and newest.get(key) != i:
            continue  # in place: only the newest page of each post
        try:
            page = warc.read(directory, entry.file, entry.offset, limit=max_size)
        except TooLarge:
            report.too_large += 1
            continue
        except (OSError, ValueError, StopIteration):
            report.unreadable += 1
            continue
        report.pages += 1
        response = as_response(page.url, page.status, page.response_headers, page.body)
        if entry.kind == "listing":
            category = X.category_id(entry.url)
            if not hasattr(response, "selector"):
                continue
            for card in X.cards(response.selector, response.url):
                categories, published = cards.get((entry.source, card.post_id), (set(), None))
                if category:
                    categories.add(category)
                cards[entry.source, card.post_id] = (categories, card.published or published)
            continue
        assert entry.post_id is not None
        categories, published = cards.get((entry.source, entry.post_id), (set(), None))
        parsed = read_post(response, entry.post_id, categories, published, page.fetched_at)
        if parsed.item is None:
            report.unusable += 1
            continue
        parsed.item["source"] = entry.source
        with session_scope(target) as session:
            outcome = store.save_post(session, parsed.item)
            post = store.find_post(session, entry.source, entry.post_id)
            assert post is not None  # just stored
        setattr(report, outcome, getattr(report, outcome) + 1)
        touched[post.id] = None
    report.post_ids = list(touched)
    report.posts = len(touched)
    if extract and touched:
        from ministry_news.extract import extract_posts

        done = extract_posts(target, report.post_ids)
        report.facts, report.visits = done.facts, done.visits
    report.seconds = time.perf_counter() - started
    return report
