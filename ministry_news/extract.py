"""Run the nlp pipeline over posts already in the archive: no crawling, re-runnable at will."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from archive import migrate
from archive.db import session_scope
from archive.models import Post
from archive.store import replace_facts

BATCH = 200


@dataclass
class ExtractReport:
    version: str
    posts: int = 0
    facts: int = 0
    visits: int = 0
    seconds: float = 0.0


def extract_posts(
    db_url: str, post_ids: Iterable[int] | None = None, progress: bool = False
) -> ExtractReport:
    """Extract facts for every post (or the given ones), committing batch by batch.

    Each batch is one transaction, so an interrupted run leaves every post either with its
    complete new facts or with its previous ones, never half of them.
    """
    from nlp.pipeline import PIPELINE_VERSION, extract

    migrate.upgrade(db_url)
    report = ExtractReport(version=PIPELINE_VERSION)
    started = time.perf_counter()
    with session_scope(db_url) as session:
        query = select(Post.id).order_by(Post.id)
        if post_ids is not None:
            query = query.where(Post.id.in_(list(post_ids)))
        ids = list(session.scalars(query))

    bar = _progress(progress, len(ids))
    for offset in range(0, len(ids), BATCH):
        chunk = ids[offset : offset + BATCH]
        with session_scope(db_url) as session:
            for post in session.scalars(select(Post).where(Post.id.in_(chunk))):
                result = extract(post.body, title=post.title, published=post.published)
                replace_facts(session, post.id, result)
                report.posts += 1
                report.facts += len(result.facts)
                report.visits += len(result.visits)
        if bar:
            bar.advance(len(chunk))
    if bar:
        bar.close()
    report.seconds = time.perf_counter() - started
    return report


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.progress import Progress

        self._progress = Progress(transient=True)
        self._progress.start()
        self._task = self._progress.add_task("extracting", total=total)

    def advance(self, n: int) -> None:
        self._progress.advance(self._task, n)

    def close(self) -> None:
        self._progress.stop()


def _progress(enabled: bool, total: int) -> _Bar | None:
    import sys

    return _Bar(total) if enabled and sys.stderr.isatty() and total else None
