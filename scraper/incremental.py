"""What the archive already holds, as a crawl walking a listing needs to know it.

A daily crawl should cost a few requests: a category's listing is walked newest first, a card
whose post is archived (and whose card shows nothing new) is not fetched, and once
INCREMENTAL_OVERLAP listing pages in a row show only settled posts the walk of that category
stops.

"Settled" is stricter than "archived": a post counts toward stopping only if it was archived
before the last run that walked the category to its end and finished cleanly. A crawl killed
half-way stores posts in no particular order, so its posts prove nothing about the pages it
never reached; the next run walks past them, fetching only what is missing, until it reaches
what a complete run left behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from archive.db import session_scope
from archive.models import CrawlRun, FetchFailure, Post
from archive.sources import DEFAULT_SOURCE
from scraper import extract_html as X
from scraper.pages import GONE

#: Run statuses after which every category the run walked is complete.
COMPLETE = ("ok",)
#: How many recent complete runs to read when looking for a category's last complete walk.
RECENT_RUNS = 200


@dataclass(frozen=True)
class Known:
    title: str
    published: dt.date | None
    categories: frozenset[str]
    first_fetched_at: dt.datetime


def _same_title(card_title: str | None, title: str) -> bool:
    """A card may shorten a long headline ("…"): a prefix of the stored one is the same."""
    if not card_title:
        return True
    shown = " ".join(card_title.split()).rstrip(".… ")
    return " ".join(title.split()).startswith(shown)


class ArchiveMemory:
    """The archive at `db_url` seen from a crawl of one site (`source`): which of the site's posts
    (by the site's ids) are known, gone, settled. Another site's posts and runs are not looked at."""

    def __init__(self, db_url: str, source: str = DEFAULT_SOURCE) -> None:
        self.db_url = db_url
        self.source = source
        self._frontiers: dict[str, dt.datetime | None] | None = None
        self._gone: set[int] | None = None

    def _load(self) -> None:
        frontiers: dict[str, dt.datetime | None] = {}
        with session_scope(self.db_url) as session:
            runs = session.execute(
                select(CrawlRun.finished_at, CrawlRun.report)
                .where(CrawlRun.status.in_(COMPLETE), CrawlRun.finished_at.is_not(None))
                .order_by(CrawlRun.id.desc())
                .limit(RECENT_RUNS)
            )
            for finished_at, report in runs:
                if run_source(report) != self.source:
                    continue
                for category in (report or {}).get("walked", []):
                    frontiers.setdefault(str(category), finished_at)
            failed = session.scalars(
                select(FetchFailure.url).where(
                    FetchFailure.source == self.source, FetchFailure.status.in_(GONE)
                )
            )
            self._gone = {pid for url in failed if (pid := X.post_id(url)) is not None}
        self._frontiers = frontiers

    def frontier(self, category: str | None) -> dt.datetime | None:
        """When the last complete walk of `category` ended (None: never, walk it all)."""
        if self._frontiers is None:
            self._load()
        assert self._frontiers is not None
        return self._frontiers.get(str(category)) if category else None

    def gone(self, post_id: int) -> bool:
        """The post's page answered 404/410 before: `--full` checks it again, nothing else."""
        if self._gone is None:
            self._load()
        assert self._gone is not None
        return post_id in self._gone

    def known(self, post_ids: Iterable[int]) -> dict[int, Known]:
        """The archived posts among the site's ids, by those ids."""
        ids = list(post_ids)
        if not ids:
            return {}
        with session_scope(self.db_url) as session:
            rows = session.execute(
                select(
                    Post.source_id,
                    Post.title,
                    Post.published,
                    Post.categories,
                    Post.first_fetched_at,
                ).where(Post.source == self.source, Post.source_id.in_(ids))
            )
            return {
                pid: Known(title, published, frozenset(map(str, cats or [])), first)
                for pid, title, published, cats, first in rows
            }


def run_source(report: dict[str, Any] | None) -> str:
    """The site a crawl run walked, as its report says (scraper.pipelines); runs from before
    there was more than one site were the first site's."""
    return str((report or {}).get("source") or DEFAULT_SOURCE)


def shows_something_new(card: X.Card, category: str | None, known: Known | None) -> bool:
    """Whether the card alone says the post must be fetched: not archived, listed under a new
    category, or with another headline or date than the archived one."""
    if known is None:
        return True
    if category and category not in known.categories:
        return True
    if not _same_title(card.title, known.title):
        return True
    published = known.published.isoformat() if known.published else None
    return bool(card.published and published and card.published != published)


def settled(
    card: X.Card, category: str | None, known: Known | None, frontier: dt.datetime | None
) -> bool:
    """Whether the card is part of what an earlier complete crawl left behind."""
    if known is None or frontier is None or shows_something_new(card, category, known):
        return False
    return known.first_fetched_at <= frontier
