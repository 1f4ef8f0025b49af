"""Crawls in their own processes (as `ministry-news crawl` runs them) and reads of what they left:
the archive's rows, the WARC index."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import select

from archive.db import session_scope
from archive.models import CrawlRun, CrawlRunPost, FetchFailure, Post, WarcRecord

ROOT = Path(__file__).resolve().parents[2]
#: Politeness off: these servers are ours, on 127.0.0.1.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


def crawl_command(db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "ministry_news.crawl", "--db", db_url, *args]


def crawl(db_url: str, *args: str, timeout: float = 120, codes: tuple[int, ...] = (0,)) -> dict:
    """One crawl; its JSON summary."""
    done = subprocess.run(
        crawl_command(db_url, *args), cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode in codes, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ministry_news", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def copy_archive(src_url: str, dst: Path) -> str:
    """A copy of a SQLite archive (consistent, WAL included) at `dst`."""
    with sqlite3.connect(src_url.removeprefix("sqlite:///")) as src:
        dst_conn = sqlite3.connect(dst)
        src.backup(dst_conn)
        dst_conn.close()
    return sqlite_url(dst)


def stored(db_url: str) -> dict[int, Post]:
    """The archived posts by the site's ids (the mirror's), not the archive's own."""
    with session_scope(db_url) as session:
        return {p.source_id: p for p in session.scalars(select(Post))}


def runs(db_url: str) -> list[CrawlRun]:
    with session_scope(db_url) as session:
        return list(session.scalars(select(CrawlRun).order_by(CrawlRun.id)))


def records(db_url: str, run_id: int | None = None) -> list[WarcRecord]:
    with session_scope(db_url) as session:
        query = select(WarcRecord).order_by(WarcRecord.id)
        if run_id is not None:
            query = query.where(WarcRecord.run_id == run_id)
        return list(session.scalars(query))


def failures(db_url: str, run_id: int | None = None) -> list[FetchFailure]:
    with session_scope(db_url) as session:
        query = select(FetchFailure).order_by(FetchFailure.id)
        if run_id is not None:
            query = query.where(FetchFailure.run_id == run_id)
        return list(session.scalars(query))


def run_posts(db_url: str) -> list[tuple[int, int, str]]:
    """(run, the site's id of the post, outcome) of what each run did."""
    with session_scope(db_url) as session:
        rows = session.execute(
            select(CrawlRunPost.run_id, Post.source_id, CrawlRunPost.outcome).join(
                Post, Post.id == CrawlRunPost.post_id
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def path_of(url: str) -> str:
    """`/news/119?page=2` from a URL, percent-decoded: servers and Scrapy quote alike."""
    parts = urlsplit(url)
    return unquote(parts.path + (f"?{parts.query}" if parts.query else ""))


def summary_of(summary: dict[str, Any], *keys: str) -> tuple[Any, ...]:
    return tuple(summary[k] for k in keys)
