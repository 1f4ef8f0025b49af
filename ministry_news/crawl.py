"""Run the `news` spider, once per site, into an archive and say what it did: `ministry-news crawl`, `demo`,
`schedule` and `runs`.

One crawl per process: Twisted's reactor cannot be started twice. Tests and scripts that need
several crawls run `python -m ministry_news.crawl --db URL ...` once per crawl; it prints the
summary as JSON.

One crawl per archive at a time: a lock file beside the archive (released by the OS when the
process ends, even by `kill -9`). Whoever takes the lock closes the runs that a dead process left
"running" (status "killed", with what they did according to the archive). Every crawl keeps its
queue in a JOBDIR beside the archive: a crawl stopped cleanly (Ctrl-C, SIGTERM) continues with
`--resume`; after a kill the saved queue cannot be trusted, and the archive itself tells the next
crawl what is missing (scraper.incremental).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

import click
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from sqlalchemy import func, select

from archive import migrate
from archive.db import is_sqlite, session_scope, wait_writable
from archive.models import (
    CrawlRun,
    CrawlRunPost,
    Fact,
    FetchFailure,
    Post,
    PostExtraction,
    WarcRecord,
    utcnow,
)
from archive.warc import data_dir
from ministry_news.exits import EXIT_BUSY, EXIT_INTERRUPTED, EXIT_UNREACHABLE, EXIT_USAGE
from ministry_news.terminal import shown
from scraper.pipelines import post_failed
from scraper.profiles import Profile, for_url, get, profiles
from scraper.spiders.news import STATS, UNREACHABLE, NewsSpider, plan_start_urls

_started = False


class CrawlBusy(Exception):
    """Another crawl of the same archive is running; this one did not start."""


def _settings(db_url: str, overrides: dict[str, Any] | None) -> Settings:
    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    # The caller prints a summary; Scrapy's own INFO lines would bury it. Warnings (one line per
    # page that could not be stored) still show.
    settings.set("LOG_LEVEL", "WARNING", priority="project")
    settings.set("MINISTRY_NEWS_DB", db_url, priority="cmdline")
    settings.update(overrides or {}, priority="cmdline")
    return settings


class _OneLine(logging.Filter):
    """Scrapy logs a robots.txt it could not fetch with a traceback; a CLI user needs the one
    line, and none when the host is unreachable: the pages fail the same way and the crawl
    reports that itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        record.exc_info, record.exc_text = None, None
        return not isinstance(error, UNREACHABLE)


class _Escaped(logging.Filter):
    """A crawl's log lines quote URLs and the site's text: shown escaped (ministry_news.terminal),
    so a hostile page cannot send escape sequences to the operator's terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = shown(record.getMessage()), None
        return True


def _escape_log_lines() -> None:
    """On the handler Scrapy installed for this crawl (it makes a new one per crawler)."""
    from scrapy.utils.log import get_scrapy_root_handler

    handler = get_scrapy_root_handler()
    if handler is not None and not any(isinstance(f, _Escaped) for f in handler.filters):
        handler.addFilter(_Escaped())


class _Progress:
    """One status line on stderr, rewritten as responses come in (at most four times a second)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.began = time.monotonic()
        self.shown = 0.0
        for signal in (signals.item_scraped, signals.item_dropped, post_failed):
            crawler.signals.connect(self.show, signal=signal)
        crawler.signals.connect(self.tick, signal=signals.response_received)
        crawler.signals.connect(self.done, signal=signals.spider_closed)

    def tick(self, **_: Any) -> None:
        if time.monotonic() - self.shown >= 0.25:
            self.show()

    def show(self, **_: Any) -> None:
        self.shown = time.monotonic()
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        s = _summary(stats, self.shown - self.began)
        rate = s["responses"] / s["seconds"] if s["seconds"] else 0.0
        sys.stderr.write(
            f"\rcrawl: {s['pages']} pages, {s['new']} new, {s['changed']} changed, "
            f"{s['unchanged']} unchanged, {s['failed']} errors, {rate:.1f} req/s "
        )
        sys.stderr.flush()

    def done(self, **_: Any) -> None:
        sys.stderr.write("\n")


def _summary(stats: dict[str, Any], seconds: float) -> dict[str, Any]:
    def n(key: str) -> int:
        return int(stats.get(f"{STATS}/{key}", 0))

    reason = stats.get("finish_reason") or "not started"
    prefix = f"{STATS}/outcome/"
    return {
        "pages": n("pages"),
        "listing_pages": n("listing_pages"),
        "post_pages": n("post_pages"),
        "known_posts": n("known_posts"),
        "attachments": n("attachments"),
        "new": n("new_posts"),
        "changed": n("changed_posts"),
        "unchanged": n("unchanged_posts"),
        "failed": n("failed"),
        "retries": int(stats.get("retry/count", 0)),
        "responses": int(stats.get("downloader/response_count", 0)),
        "not_modified": n("not_modified"),
        "warc_records": n("warc/records"),
        "warc_bytes": n("warc/bytes"),
        "outcomes": {k.removeprefix(prefix): v for k, v in stats.items() if k.startswith(prefix)},
        "finish_reason": reason,
        "unreachable": reason == "unreachable",
        "refused": reason == "refused",
        "stop_reason": stats.get(f"{STATS}/stop_reason"),
        "run_id": stats.get(f"{STATS}/run_id"),
        "seconds": round(seconds, 1),
    }


# --- one crawl per archive ----------------------------------------------------------------------


def _stem(db_url: str) -> str:
    if is_sqlite(db_url) and "///" in db_url:
        return Path(db_url.split("///", 1)[1].split("?", 1)[0]).stem or "archive"
    return "crawl-" + hashlib.sha1(db_url.encode()).hexdigest()[:10]


def lock_path(db_url: str) -> Path:
    return data_dir(db_url) / f"{_stem(db_url)}.crawl.lock"


def job_dir(db_url: str) -> Path:
    """Scrapy's JOBDIR for crawls of this archive: the queue of a crawl stopped cleanly."""
    return data_dir(db_url) / f"{_stem(db_url)}.crawl-job"


_held: dict[str, IO[str]] = {}


def acquire_lock(db_url: str) -> None:
    """Take the archive's crawl lock for the rest of this process, or raise CrawlBusy."""
    path = lock_path(db_url)
    if str(path) in _held:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 (held for the process's life)
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "another process"
        fh.close()
        raise CrawlBusy(f"another crawl of this archive is running ({holder})") from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}\n")
    fh.flush()
    _held[str(path)] = fh


def release_lock(db_url: str) -> None:
    fh = _held.pop(str(lock_path(db_url)), None)
    if fh is not None:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def _wait_writable(db_url: str, seconds: float) -> None:
    """Wait for another process's write (an `extract`) to end, or raise CrawlBusy."""
    if not wait_writable(db_url, seconds):
        release_lock(db_url)
        raise CrawlBusy(
            f"the archive is busy: another process (an extract?) held its write lock for over "
            f"{seconds:.0f} s (ARCHIVE_BUSY_TIMEOUT)"
        )


def close_stale_runs(db_url: str) -> list[int]:
    """Runs still "running" while we hold the lock belong to a process that died: mark them
    "killed" with what the archive says they did (posts, pages, errors). Returns their ids."""
    closed: list[int] = []
    with session_scope(db_url) as session:
        for run in session.scalars(select(CrawlRun).where(CrawlRun.status == "running")):
            outcomes = dict(
                session.execute(
                    select(CrawlRunPost.outcome, func.count())
                    .where(CrawlRunPost.run_id == run.id)
                    .group_by(CrawlRunPost.outcome)
                ).all()
            )
            last, pages = session.execute(
                select(func.max(WarcRecord.fetched_at), func.count()).where(
                    WarcRecord.run_id == run.id, WarcRecord.kind.in_(("listing", "post"))
                )
            ).one()
            errors = session.scalar(
                select(func.count()).select_from(FetchFailure).where(FetchFailure.run_id == run.id)
            )
            run.status = "killed"
            run.finished_at = last or run.started_at
            run.new_posts = outcomes.get("new", 0)
            run.changed_posts = outcomes.get("changed", 0)
            run.unchanged_posts = outcomes.get("unchanged", 0)
            run.pages = pages
            run.errors = errors or 0
            run.message = "the crawl process died without closing its run (killed?)"
            closed.append(run.id)
    return closed


def _last_run(db_url: str) -> CrawlRun | None:
    with session_scope(db_url) as session:
        return session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1)).first()


def plan_sites(
    sites: list[str] | None,
    start_urls: list[str] | None,
    categories: list[str] | None = None,
) -> list[tuple[Profile, list[str]]]:
    """Each site a crawl reads, with where it starts: the sites named (else every one), each
    from its own start URLs (a URL is the site's whose host or paths it has) or, given none,
    from its profile's start. Raises ValueError (ProfileError) for a site no profile has, or
    categories of a site found by id."""
    chosen = [get(name) for name in dict.fromkeys(sites or ())]
    by_site: dict[str, list[str]] = {}
    for url in start_urls or ():
        profile = for_url(url, chosen or None)
        by_site.setdefault(profile.name, []).append(url)
    if start_urls:
        chosen = [p for p in chosen if p.name in by_site] or [get(n) for n in by_site]
    chosen = chosen or list(profiles().values())
    plans = []
    for profile in chosen:  # categories are a listing site's; --category alone skips the others
        cats = categories if profile.discovery.kind == "listing" or len(chosen) == 1 else None
        plans.append((profile, plan_start_urls(by_site.get(profile.name), cats, profile)))
    return plans


def _like_hosts(hosts: tuple[str, ...]) -> Any:
    from sqlalchemy import or_

    return or_(
        *(Post.url.like(f"{scheme}://{host}/%") for host in hosts for scheme in ("http", "https"))
    )


def check_hosts(db_url: str, profile: Profile, urls: list[str]) -> None:
    """Invented posts never meet real ones: a crawl of a host that is not the site's own (a
    mirror) into an archive holding posts from the real sites is refused, and the reverse.
    Decided from the stored posts' URLs. Raises ValueError naming --db."""
    other = sorted({h for u in urls if (h := urlsplit(u).hostname or "") not in profile.hosts})
    real_hosts = tuple(h for p in profiles().values() for h in p.hosts)
    with session_scope(db_url) as session:
        if other:
            found = session.scalar(select(Post.url).where(_like_hosts(real_hosts)).limit(1))
            if found:
                raise ValueError(
                    f"{other[0]} is not {profile.name}'s site ({', '.join(profile.hosts)}) and "
                    "this archive holds posts from the real sites: crawl it into another --db "
                    "(or give --allow-other-host)"
                )
        else:
            found = session.scalar(select(Post.url).where(~_like_hosts(real_hosts)).limit(1))
            if found:
                host = urlsplit(found).netloc
                raise ValueError(
                    f"this archive holds posts from {host}, not a real site (a mirror?): crawl "
                    f"{profile.name}'s real site into another --db (or give --allow-other-host)"
                )


def _merge(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary for a crawl of several sites: counts added up, per site under `sites`."""
    if len(summaries) == 1:
        return {**summaries[0], "sites": {summaries[0]["site"]: summaries[0]}}
    merged: dict[str, Any] = {}
    for key in summaries[0]:
        values = [s[key] for s in summaries]
        if all(isinstance(v, bool) for v in values):
            merged[key] = all(values) if key == "unreachable" else any(values)
        elif all(isinstance(v, (int, float)) for v in values):
            merged[key] = max(values) if key == "seconds" else sum(values)
        elif all(isinstance(v, dict) for v in values):
            merged[key] = {k: sum(v.get(k, 0) for v in values) for k in set().union(*values)}
        else:
            merged[key] = next((v for v in values if v not in (None, "finished")), values[0])
    merged["run_ids"] = [s["run_id"] for s in summaries if s["run_id"] is not None]
    merged["run_id"] = merged["run_ids"][-1] if merged["run_ids"] else None
    merged["site"] = ",".join(s["site"] for s in summaries)
    merged["sites"] = {s["site"]: s for s in summaries}
    return merged


def run_crawl(
    db_url: str,
    start_urls: list[str] | None = None,
    categories: list[str] | None = None,
    settings: dict[str, Any] | None = None,
    progress: bool = False,
    full: bool = False,
    resume: bool = False,
    sites: list[str] | None = None,
    allow_other_host: bool = False,
) -> dict[str, Any]:
    """Crawl `sites` (default: every configured site, side by side) into the archive at
    `db_url` and return what happened: pages, new, changed, unchanged, failed, outcomes,
    finish_reason, unreachable (no start URL's host answered at all), refused (the site refused
    until the crawl stopped), run_id (the last site's; `run_ids`: each site's run), seconds, and
    the same per site under `sites`.

    Incremental unless `full`; `resume` continues the last crawl if it was stopped cleanly (its
    JOBDIR queue), else crawls as usual. Raises ValueError for a site, start URL or category that
    makes no sense or a crawl of a mirror into an archive of real posts (and the reverse) unless
    `allow_other_host`, ArchiveError for an archive that cannot be opened, CrawlBusy when another
    crawl of the archive is running: all before any request is sent.
    """
    global _started
    plans = plan_sites(sites, start_urls, categories)
    if _started:
        raise RuntimeError("one crawl per process (Twisted's reactor cannot restart)")
    migrate.upgrade(db_url)  # a bad archive fails here, in one line, not inside Scrapy
    if not allow_other_host:
        for profile, urls in plans:
            check_hosts(db_url, profile, urls)

    overrides = dict(settings or {})
    notes: list[str] = []
    fleet = bool(_settings(db_url, overrides).get("REDIS_URL"))
    job = job_dir(db_url)
    if not fleet:  # a fleet shares one crawl between processes: Redis coordinates them
        acquire_lock(db_url)
        _wait_writable(db_url, _settings(db_url, overrides).getfloat("ARCHIVE_BUSY_TIMEOUT"))
        killed = close_stale_runs(db_url)
        if killed:
            notes.append(f"closed run(s) {', '.join(map(str, killed))} left by a dead crawl")
        last = _last_run(db_url)
        resumable = any(job.glob("*/spider.state")) and last is not None
        resumable = resumable and last.status == "interrupted"
        if resume and resumable:
            assert last is not None
            notes.append(f"resuming run {last.id} from its saved queue")
            overrides.setdefault("CRAWL_MODE", "resume")
            full = full or last.mode == "full"
        else:
            if resume:
                why = "was killed" if last is not None and last.status == "killed" else "ended"
                notes.append(
                    f"nothing to resume: the last crawl {why}; crawling from what the archive holds"
                )
            shutil.rmtree(job, ignore_errors=True)
    overrides.setdefault("INCREMENTAL", not full)
    overrides.setdefault("CRAWL_MODE", "full" if full else "incremental")

    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_OneLine())
    process = CrawlerProcess(_settings(db_url, overrides))
    crawlers: list[tuple[Profile, Crawler]] = []
    for profile, urls in plans:
        crawler = process.create_crawler(NewsSpider)
        site_settings = crawler.settings
        for name, value in profile.scrapy_settings().items():  # under -s and --fast
            site_settings.set(name, value, priority="spider")
        if fleet:
            from scraper.fleet import FLEET_PRIORITY, crawler_settings

            site_settings.setdict(
                crawler_settings(site_settings, profile.name), priority=FLEET_PRIORITY
            )
        else:
            site_settings.set("JOBDIR", str(job / profile.name), priority="cmdline")
        crawler.signals.connect(_escape_log_lines, signal=signals.engine_started)
        if progress:
            _Progress(crawler)
        process.crawl(crawler, site=profile.name, start_url=urls)
        crawlers.append((profile, crawler))
    _started = True
    began = time.monotonic()
    process.start()
    seconds = time.monotonic() - began
    summaries = []
    for profile, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        summaries.append({**_summary(stats, seconds), "site": profile.name})
    summary = _merge(summaries)
    summary["notes"] = notes
    if not fleet and all(s["finish_reason"] == "finished" for s in summaries):
        shutil.rmtree(job, ignore_errors=True)  # done: nothing left to resume
    return summary


# --- what a run did -----------------------------------------------------------------------------


def interrupted(summary: dict[str, Any]) -> bool:
    """Stopped by SIGINT / SIGTERM (Scrapy's clean shutdown): the run is recorded interrupted."""
    from scraper.pipelines import RUN_STATUS

    return RUN_STATUS.get(summary.get("finish_reason", "")) == "interrupted"


QUALITY_FLAGS = ("no_date", "no_province", "no_official")


def run_posts(
    db_url: str, run_id: int, outcomes: tuple[str, ...] = ("new", "changed")
) -> list[int]:
    with session_scope(db_url) as session:
        return list(
            session.scalars(
                select(CrawlRunPost.post_id)
                .where(CrawlRunPost.run_id == run_id, CrawlRunPost.outcome.in_(outcomes))
                .order_by(CrawlRunPost.post_id)
            )
        )


def pending_extraction(db_url: str, run_id: int) -> list[int]:
    """Posts to extract after a run: those it stored new or changed, and any post the current
    pipeline has not run over (a crawl with --no-extract, a run killed before extracting)."""
    from nlp.pipeline import PIPELINE_VERSION

    with session_scope(db_url) as session:
        done = select(PostExtraction.post_id).where(
            PostExtraction.pipeline_version == PIPELINE_VERSION
        )
        never = set(session.scalars(select(Post.id).where(Post.id.not_in(done))))
    return sorted(never | set(run_posts(db_url, run_id)))


def quality(db_url: str, post_ids: list[int]) -> dict[str, list[int]]:
    """Posts without a date, without a province or without an official (in their current
    extraction), and posts not extracted yet: what a researcher would trip over."""
    flags: dict[str, list[int]] = {k: [] for k in (*QUALITY_FLAGS, "not_extracted")}
    if not post_ids:
        return flags
    with session_scope(db_url) as session:
        undated = set(
            session.scalars(select(Post.id).where(Post.id.in_(post_ids), Post.published.is_(None)))
        )
        extracted = dict(
            session.execute(
                select(PostExtraction.post_id, PostExtraction.pipeline_version).where(
                    PostExtraction.post_id.in_(post_ids), PostExtraction.current.is_(True)
                )
            ).all()
        )
        kinds: dict[int, set[str]] = {}
        for post_id, version, kind in session.execute(
            select(Fact.post_id, Fact.pipeline_version, Fact.kind).where(
                Fact.post_id.in_(post_ids), Fact.kind.in_(("province", "official"))
            )
        ):
            if extracted.get(post_id) == version:
                kinds.setdefault(post_id, set()).add(kind)
    for post_id in sorted(post_ids):
        if post_id in undated:
            flags["no_date"].append(post_id)
        if post_id not in extracted:
            flags["not_extracted"].append(post_id)
            continue
        for kind in ("province", "official"):
            if kind not in kinds.get(post_id, set()):
                flags[f"no_{kind}"].append(post_id)
    return flags


def _ids(ids: list[int], most: int = 8) -> str:
    shown = ", ".join(map(str, ids[:most]))
    return shown + (f" … (+{len(ids) - most})" if len(ids) > most else "")


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


def run_report(db_url: str, run_id: int, failures: int = 10) -> list[str]:
    """The run as an operator reads it: one line per aspect, one per page that failed."""
    with session_scope(db_url) as session:
        run = session.get(CrawlRun, run_id)
        if run is None:
            raise ValueError(f"no crawl run {run_id} in this archive")
        failed = session.execute(
            select(FetchFailure.url, FetchFailure.reason)
            .where(FetchFailure.run_id == run_id)
            .order_by(FetchFailure.id)
        ).all()
    report = run.report or {}
    counts = report.get("counts", {})
    seconds = report.get("seconds")
    if seconds is None and run.finished_at:
        seconds = (run.finished_at - run.started_at).total_seconds()
    responses = report.get("responses")
    lines = [
        f"run {run.id}: {run.status} ({run.message or '-'}), {run.mode or '-'}, "
        f"{_when(run.started_at)} → {_when(run.finished_at)} UTC"
        + (f", {seconds:.0f} s" if seconds is not None else "")
    ]
    pages = f"  pages: {run.pages}"
    if counts:
        pages += (
            f" ({counts.get('listing_pages', 0)} listing, {counts.get('post_pages', 0)} post), "
            f"{counts.get('attachments', 0)} attachments"
        )
    if responses is not None:
        rate = responses / seconds if seconds else 0.0
        pages += f"; {responses} responses ({rate:.1f}/s), {report.get('retries', 0)} retries"
        pages += f", {counts.get('not_modified', 0)} not modified"
    lines.append(pages)
    posts = (
        f"  posts: {run.new_posts} new, {run.changed_posts} changed, "
        f"{run.unchanged_posts} unchanged, {run.errors} errors"
    )
    if counts:
        posts += f"; {counts.get('known_posts', 0)} known posts not fetched"
    if report.get("walked") is not None:
        posts += f"; walked: {', '.join(report['walked']) or 'none'}"
    lines.append(posts)
    if report.get("outcomes"):
        lines.append("  outcomes: " + ", ".join(f"{k} {v}" for k, v in report["outcomes"].items()))
    if generic := report.get("generic_extractor"):
        posts_read = counts.get("post_pages", 0)
        lines.append(
            f"  extracted without the site's selectors: {len(generic)} of {posts_read} post pages"
            f" (markup changed?) — {', '.join(unquote(u) for u in generic[:failures])}"
        )
    for url, reason in failed[:failures]:
        lines.append(f"  not stored: {reason} — {unquote(url)}")
    if len(failed) > failures:
        lines.append(f"  … and {len(failed) - failures} more (fetch_failures, run {run_id})")
    flags = quality(db_url, run_posts(db_url, run_id))
    if any(flags.values()):
        parts = [f"{len(v)} {k.replace('_', ' ')} ({_ids(v)})" for k, v in flags.items() if v]
        lines.append("  quality: " + "; ".join(parts))
    if report.get("warc_files"):
        lines.append(f"  warc: {', '.join(report['warc_files'])}")
    return lines


def list_runs(db_url: str, last: int = 20) -> list[str]:
    """One line per run, newest first."""
    with session_scope(db_url) as session:
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(last)).all()
    lines = [
        f"{'run':>5}  {'started (UTC)':19}  {'secs':>6}  {'status':11}  {'mode':11}  "
        f"{'pages':>5}  {'new':>4}  {'chg':>4}  {'err':>4}  message"
    ]
    for run in runs:
        end = run.finished_at or (utcnow() if run.status == "running" else None)
        secs = f"{(end - run.started_at).total_seconds():.0f}" if end else "-"
        lines.append(
            f"{run.id:>5}  {_when(run.started_at):19}  {secs:>6}  {run.status:11}  "
            f"{run.mode or '-':11}  {run.pages:>5}  {run.new_posts:>4}  {run.changed_posts:>4}  "
            f"{run.errors:>4}  {run.message or ''}"
        )
    return lines


@click.command()
@click.option("--db", "db_url", required=True, help="SQLAlchemy URL of the archive.")
@click.option("--site", "sites", multiple=True, help="A site's name (repeatable; default: all).")
@click.option("--start-url", "start_urls", multiple=True, help="Start URL (repeatable).")
@click.option("--category", "categories", multiple=True, help="Category id (repeatable).")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="A setting.")
@click.option("--full", is_flag=True, help="Walk every listing page and fetch every post.")
@click.option("--resume", is_flag=True, help="Continue the last crawl if it stopped cleanly.")
@click.option("--allow-other-host", is_flag=True, help="A mirror into real posts, or the reverse.")
def main(
    db_url: str,
    sites: tuple[str, ...],
    start_urls: tuple[str, ...],
    categories: tuple[str, ...],
    overrides: tuple[str, ...],
    full: bool,
    resume: bool,
    allow_other_host: bool,
) -> None:
    """Crawl once and print the summary as JSON (exit status 2: refused, one line on stderr;
    3: no start URL was reachable; 4: another crawl of the archive is running; 130: stopped by a
    signal, the summary printed all the same)."""
    settings = dict(o.split("=", 1) for o in overrides)
    try:
        summary = run_crawl(
            db_url,
            list(start_urls) or None,
            list(categories) or None,
            settings,
            full=full,
            resume=resume,
            sites=list(sites) or None,
            allow_other_host=allow_other_host,
        )
    except ValueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except CrawlBusy as exc:
        click.echo(json.dumps({"busy": True, "message": str(exc)}))
        sys.exit(EXIT_BUSY)
    click.echo(json.dumps(summary))
    if summary["unreachable"]:
        sys.exit(EXIT_UNREACHABLE)
    sys.exit(EXIT_INTERRUPTED if interrupted(summary) else 0)


if __name__ == "__main__":
    main()
