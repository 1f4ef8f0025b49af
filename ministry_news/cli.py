"""The `ministry-news` command: a thin layer over scraper, archive and nlp.

Every subcommand prints one clear line and exits non-zero on bad input; nothing it stored before
the error is lost (each write is its own transaction).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import click

from archive.db import ENV_VAR, ArchiveError, default_url
from ministry_news.exits import (
    EXIT_BUSY,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
)
from ministry_news.terminal import shown
from scraper.mirror.server import PORTS as MIRROR_PORTS

DEMO_DB = "sqlite:///data/demo.sqlite"


class Terminated(KeyboardInterrupt):
    """SIGTERM as an exception where the process is, so it cleans up as for Ctrl-C."""


def _terminate_cleanly() -> None:
    """From now on SIGTERM (kill, systemd, a closed CI job) unwinds like Ctrl-C: an export
    removes its `.part` file and the command exits 143."""
    import signal

    def raise_terminated(_signum: int, _frame: Any) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, raise_terminated)


def _quiet_teardown() -> None:
    """An interruption can land inside a driver's constructor (psycopg's server cursor, say):
    the half-built object's `__del__` then fails as it is freed, and Python would print that
    traceback after our one line. Once we are stopping, such cleanup noise is not the user's."""
    sys.unraisablehook = lambda _unraisable: None


class Context:
    def __init__(self, db: str, db_given: bool = True) -> None:
        self.db = db
        self.db_given = db_given  # False: the default archive, neither --db nor $MINISTRY_NEWS_DB


def _db_here(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """`visits --db URL`: the archive given after the subcommand, where many type it."""
    if value is None:
        return
    obj = ctx.find_object(Context)
    before = ctx.parent.get_parameter_source("db") if ctx.parent else None
    if obj is None:
        return
    if before is click.core.ParameterSource.COMMANDLINE and value != obj.db:
        raise click.BadParameter(f"also given before {ctx.info_name} as {obj.db}: give one")
    obj.db, obj.db_given = value, True


def pass_ctx(func: Any) -> Any:
    """The command gets the Context, and takes --db after its name as well as before it."""
    func = click.make_pass_decorator(Context)(func)
    return click.option(
        "--db",
        "db_here",
        default=None,
        metavar="URL",
        expose_value=False,
        callback=_db_here,
        help="The archive's URL, as `ministry-news --db URL` before the subcommand.",
    )(func)


def read_only(func: Any) -> Any:
    """A command that only reads refuses a SQLite archive that does not exist, in one line, exit
    2, rather than creating an empty one (and its folders) and answering "0"."""
    import functools

    from archive.db import sqlite_file

    @functools.wraps(func)
    def checked(obj: Context, *args: Any, **kwargs: Any) -> Any:
        path = sqlite_file(obj.db)
        if path is not None and not path.exists():
            _fail(f"no archive at {path}; crawl first or give --db", EXIT_USAGE)
        return func(obj, *args, **kwargs)

    return checked


def _fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"error: {shown(message)}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    default=default_url,
    show_default="sqlite:///data/ministry-news.sqlite, or $MINISTRY_NEWS_DB",
    help="SQLAlchemy URL of the archive: a SQLite file (the default; crawl, demo and migrate "
    "create it, the commands that only read refuse a missing one) or "
    "postgresql+psycopg://user@host/dbname. May also follow the subcommand.",
)
@click.version_option(package_name="ministry-news")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Archive Thai ministry news, extract who visited where and when, search and export it.

    \b
    Typical session:
      ministry-news crawl              # fetch new posts from www.mdes.go.th
      ministry-news extract            # extract visit facts from stored posts
      ministry-news visits --province สุโขทัย --since 2020-01-01
      ministry-news export visits -o visits.csv
    Offline? `ministry-news demo` crawls a bundled local mirror of the site instead.
    """
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    source = ctx.get_parameter_source("db")
    ctx.obj = Context(
        db, db_given=source is not click.core.ParameterSource.DEFAULT or ENV_VAR in os.environ
    )


# --- fetch -------------------------------------------------------------------------------------


WARC_DIR_HELP = (
    "Folder of this archive's WARC files.  [default: <name>.warc/ beside a SQLite archive "
    "(data/demo.sqlite → data/demo.warc/); for PostgreSQL ~/.local/share/ministry-news/warc/"
    "<database>-<hash>/]"
)


@cli.command()
@click.option(
    "--site",
    "sites",
    multiple=True,
    metavar="NAME",
    help="Only this site (see `ministry-news sites`), e.g. thaigov. Repeatable; default: all.",
)
@click.option(
    "--start-url",
    "start_urls",
    multiple=True,
    metavar="URL",
    help="Where to start instead of the real site: a listing (mdes: "
    "http://127.0.0.1:8123/news/119) or the first post of an id walk (thaigov: "
    "http://127.0.0.1:8124/news/contents/details/1001). Repeatable.",
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="ID",
    help="Only these news category ids (e.g. 119). Repeatable.",
)
@click.option("--fast", is_flag=True, help="No politeness delays: ONLY for a local mirror.")
@click.option(
    "--full",
    is_flag=True,
    help="Walk every listing page and fetch every post (the default stops where the archive "
    "already holds everything). Changed posts whose card looks the same are found this way.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Continue the last crawl if it was stopped cleanly (Ctrl-C, SIGTERM) from its saved "
    "queue; otherwise crawl as usual, from what the archive holds.",
)
@click.option(
    "--redis",
    "redis_url",
    metavar="URL",
    help="Share the crawl with other processes through the Redis at URL (redis://host:6379/0): "
    "run the same command on each machine. Each page is fetched once, the delay between requests "
    "holds for all of them together. Needs a PostgreSQL --db. See docs/scaling-out.md.",
)
@click.option(
    "-s",
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="A crawler setting (scraper/settings.py), e.g. -s INCREMENTAL_OVERLAP=2, "
    "-s DOWNLOAD_DELAY=3. Repeatable.",
)
@click.option("--warc-dir", type=click.Path(file_okay=False, path_type=Path), help=WARC_DIR_HELP)
@click.option(
    "--max-posts",
    type=click.IntRange(min=1),
    help="An id walk (thaigov) stops after storing this many posts (default for a first crawl "
    "of an empty archive: the site's window, see `sites`).",
)
@click.option(
    "--history",
    is_flag=True,
    help="An id walk (thaigov) from the site's first id: its whole history (days, politely).",
)
@click.option(
    "--allow-other-host",
    is_flag=True,
    help="Crawl a host other than the site's own (a mirror) into an archive of real posts, or "
    "the real site into an archive of a mirror's posts (both refused by default).",
)
@click.option(
    "--extract/--no-extract", default=True, show_default=True, help="Extract facts after."
)
@pass_ctx
def crawl(
    obj: Context,
    sites: tuple[str, ...],
    start_urls: tuple[str, ...],
    categories: tuple[str, ...],
    fast: bool,
    full: bool,
    resume: bool,
    redis_url: str | None,
    overrides: tuple[str, ...],
    max_posts: int | None,
    history: bool,
    allow_other_host: bool,
    warc_dir: Path | None,
    extract: bool,
) -> None:
    """Crawl the sites' news into the archive (polite: robots.txt, ~1 s per request).

    Incremental: each category's listing is walked newest first and the walk stops where the
    archive already holds everything; an id walk starts after the highest id archived and stops
    after a run of missing ids; so a daily crawl costs a few requests. A changed post is
    stored as a new version; every response is kept in WARC files beside the archive. Prints the
    run's report (see `runs`). Exits 3 when the site cannot be reached at all, 1 when it kept
    refusing until the crawl stopped, 4 when another crawl of this archive is running (or
    another process held the archive's write lock past ARCHIVE_BUSY_TIMEOUT), 130 when stopped
    by SIGINT / SIGTERM (`--resume` continues it).
    """
    settings = _fast_settings() if fast else {}
    if max_posts:
        settings["MAX_POSTS"] = max_posts
    if history:
        settings["HISTORY"] = True
    if warc_dir:
        settings["WARC_DIR"] = str(warc_dir)
    if redis_url:
        from scraper.fleet import FleetError, fleet_settings

        try:
            settings.update(fleet_settings(redis_url, obj.db))
        except FleetError as exc:
            _fail(str(exc))
    stats = _run_crawl(
        obj.db,
        start_urls=list(start_urls) or None,
        categories=list(categories) or None,
        settings=settings,
        progress=sys.stderr.isatty(),
        full=full,
        resume=resume,
        overrides=overrides,
        sites=list(sites) or None,
        allow_other_host=allow_other_host,
        extract_facts=extract,
    )
    from ministry_news.crawl import interrupted as stopped_by_signal

    interrupted = stopped_by_signal(stats)
    if stats.get("unreachable"):
        from scraper.profiles import get

        hosts = start_urls or [get(name).site for name in stats["sites"]]
        _fail(
            f"cannot reach {', '.join(hosts)} (offline?); "
            "try `make demo` to crawl the bundled mirrors instead",
            EXIT_UNREACHABLE,
        )
    run_id = stats.get("run_id")
    if stats.get("refused"):
        _fail(f"the site kept refusing: {stats.get('stop_reason')}; stopped (see `runs {run_id}`)")
    if interrupted:
        click.echo(
            f"interrupted: run {run_id} stopped, everything stored so far stays stored; "
            "`crawl --resume` continues it",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)


def _run_crawl(db: str, overrides: tuple[str, ...] = (), **options: Any) -> dict[str, Any]:
    from ministry_news.crawl import CrawlBusy
    from ministry_news.harvest import crawl_then_extract

    settings = dict(options.pop("settings", None) or {})
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            _fail(f"-s takes NAME=VALUE, not {item!r}", EXIT_USAGE)
        settings[name.strip()] = value
    options["settings"] = settings
    try:
        return crawl_then_extract(db, **options)
    except CrawlBusy as exc:
        _fail(f"{exc}: not started", EXIT_BUSY)
        raise  # not reached: _fail exits


def _fast_settings() -> dict[str, Any]:
    from ministry_news.harvest import FAST_SETTINGS

    return dict(FAST_SETTINGS)


@cli.command()
def sites() -> None:
    """The sites a crawl reads (scraper/profiles/*.toml): name, host, discovery, start."""
    from scraper.profiles import profiles

    for profile in profiles().values():
        click.echo(
            f"{profile.name}\t{profile.host}\t{profile.discovery.kind}\t"
            f"{profile.describe_start()}\t{profile.label}"
        )


@cli.command()
@click.option(
    "--site",
    "site_name",
    type=click.Choice(sorted(MIRROR_PORTS)),
    default="mdes",
    show_default=True,
    help="Which bundled mirror: mdes (invented posts, www.mdes.go.th's markup) or thaigov "
    "(real public-domain posts, www.thaigov.go.th's markup).",
)
@click.option(
    "--port", type=int, default=None, help="Port on 127.0.0.1 [default: mdes 8123, thaigov 8124]."
)
def mirror(site_name: str, port: int | None) -> None:
    """Serve a bundled mirror of a news site on 127.0.0.1 (Ctrl-C stops)."""
    from scraper.mirror.server import SITES, serve

    port = MIRROR_PORTS[site_name] if port is None else port
    start = SITES[site_name]().start_urls(f"http://127.0.0.1:{port}")[0]
    try:
        serve(
            port,
            site=site_name,
            ready=lambda: click.echo(f"mirror: serving {site_name} at {start} (Ctrl-C to stop)"),
        )
    except OSError as exc:
        _fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        pass


@cli.command()
@pass_ctx
def demo(obj: Context) -> None:
    """Crawl the bundled mirror (started on a free port), extract, and print a summary.

    The mirror's posts are invented, so unless --db names an archive they go to their own file,
    data/demo.sqlite, never into the real archive.
    """
    from ministry_news.demo import run_demo

    run_demo(obj.db if obj.db_given else DEMO_DB)


@cli.command()
@click.option(
    "--every",
    metavar="INTERVAL",
    help="Run now and then every INTERVAL: a number and s, m, h or d (6h, 30m, 1d).",
)
@click.option(
    "--cron",
    metavar="EXPR",
    help="Run at the times of a cron expression instead, e.g. '0 */6 * * *' (local time).",
)
@click.option("--times", type=click.IntRange(min=1), help="Stop after this many runs.")
@click.option("--start-url", "start_urls", multiple=True, metavar="URL", help="As for crawl.")
@click.option("--category", "categories", multiple=True, metavar="ID", help="As for crawl.")
@click.option("--fast", is_flag=True, help="No politeness delays: ONLY for a local mirror.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="As for crawl.")
@click.option(
    "--full-every",
    type=click.IntRange(min=1),
    help="Make every Nth run a --full crawl (finds posts whose text changed under the same card).",
)
@click.option(
    "--extract/--no-extract", default=True, show_default=True, help="Extract facts after each."
)
@pass_ctx
def schedule(
    obj: Context,
    every: str | None,
    cron: str | None,
    times: int | None,
    start_urls: tuple[str, ...],
    categories: tuple[str, ...],
    fast: bool,
    overrides: tuple[str, ...],
    full_every: int | None,
    extract: bool,
) -> None:
    """Crawl + extract on a schedule, in the foreground, until stopped (Ctrl-C, SIGTERM).

    Runs never overlap: a run due while another crawl of the archive is running (from cron, by
    hand) is skipped and said so. Stopping mid-crawl stops it cleanly; the next run resumes it.
    Each run prints its report; `ministry-news runs` lists them. For systemd and cron, see the
    README.
    """
    from ministry_news.schedule import parse_schedule, run_schedule

    plan = parse_schedule(every, cron)
    args = [a for u in start_urls for a in ("--start-url", u)]
    args += [a for c in categories for a in ("--category", c)]
    for name, value in (_fast_settings() if fast else {}).items():
        args += ["-s", f"{name}={value}"]
    args += [a for o in overrides for a in ("-s", o)]
    run_schedule(
        obj.db, plan, args, times=times, full_every=full_every, extract=extract, echo=click.echo
    )


@cli.command()
@click.argument("run_id", required=False, type=int)
@click.option("--last", default=20, show_default=True, help="How many runs to list.")
@pass_ctx
@read_only
def runs(obj: Context, run_id: int | None, last: int) -> None:
    """List past crawl runs, newest first; with RUN_ID, that run's report: pages, posts,
    outcomes by kind (timeouts, refusals, pages without headline...), pages not stored and why,
    and data quality (new or changed posts without date, province or official)."""
    from ministry_news.crawl import list_runs, run_report

    for line in run_report(obj.db, run_id) if run_id is not None else list_runs(obj.db, last):
        click.echo(shown(line))


@cli.command()
@click.option(
    "--into",
    metavar="URL",
    help="Rebuild into this other, empty archive, replaying every page (all versions) instead "
    "of updating this one in place.",
)
@click.option(
    "--warc-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=WARC_DIR_HELP,
)
@click.option(
    "--scan",
    is_flag=True,
    help="Read every WARC file in the folder instead of the archive's index (the index is lost).",
)
@click.option(
    "--extract/--no-extract", default=True, show_default=True, help="Extract facts after."
)
@pass_ctx
def reextract(
    obj: Context, into: str | None, warc_dir: Path | None, scan: bool, extract: bool
) -> None:
    """Rebuild posts and their facts from the WARC files alone (no network), with today's parser
    and nlp pipeline. A post whose text now comes out differently is stored as a new version; the
    earlier one stays readable."""
    from ministry_news.reextract import reextract as run

    report = run(obj.db, into=into, warc_dir=warc_dir, scan=scan, extract=extract)
    click.echo(
        f"reextract: {report.pages} pages read, {report.posts} posts: {report.new} new, "
        f"{report.changed} changed, {report.unchanged} unchanged; {report.unusable} unusable, "
        f"{report.unreadable} unreadable, {report.too_large} too large records; {report.facts} facts, {report.visits} visits "
        f"({report.seconds:.1f} s)"
    )


# --- extract -----------------------------------------------------------------------------------


@cli.command()
@click.option("--post", "post_ids", multiple=True, type=int, help="Only this post id. Repeatable.")
@pass_ctx
def extract(obj: Context, post_ids: tuple[int, ...]) -> None:
    """Extract visit facts from the stored posts (re-runnable; replaces this version's facts)."""
    _run_extract(obj.db, list(post_ids) or None)


def _run_extract(db: str, post_ids: list[int] | None = None) -> None:
    from ministry_news.harvest import extract

    extract(db, post_ids)


@cli.command()
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write one JSON line per post with the predicted facts.",
)
@click.option("--misses", is_flag=True, help="List missed and spurious values per post.")
def evaluate(corpus_dir: Path, predictions: Path | None, misses: bool) -> None:
    """Score the extraction on an annotated corpus: precision, recall, F1 per field, speed."""
    from ministry_news.evaluate import run

    sys.exit(run(corpus_dir, predictions=predictions, misses=misses))


# --- query -------------------------------------------------------------------------------------


def filter_options(func: Any) -> Any:
    """The filters every query command shares, as archive.filters declares them (the text
    query aside: each command takes it its own way)."""
    from archive.filters import FILTERS

    for spec in reversed(FILTERS):
        if spec.name != "q":
            func = click.option(spec.flag, spec.name, metavar="VALUE", help=spec.help)(func)
    return func


def _filters(q: str | None, options: dict[str, Any]) -> Any:
    """The filters as typed, checked against the gazetteer and the known types before any
    database is opened; what only the archive knows is checked by `_in_archive`."""
    from archive.filters import parse_filters

    return parse_filters(q=q, **options)


def _in_archive(session: Any, filters: Any) -> Any:
    """The filters with their categories and officials checked against the archive itself."""
    from archive.filters import known_in_archive

    _require_archive(session)
    return known_in_archive(session, filters)


@cli.command()
@click.argument("query", required=False)
@filter_options
@click.option("--limit", default=20, show_default=True, help="Hits per page (1-1000).")
@click.option("--offset", default=0, show_default=True, help="Skip this many hits.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.option("--facets", "show_facets", is_flag=True, help="Also print facet counts.")
@pass_ctx
@read_only
def search(
    obj: Context,
    query: str | None,
    limit: int,
    offset: int,
    as_json: bool,
    show_facets: bool,
    **options: Any,
) -> None:
    """Find posts by Thai words, best first, with a snippet ([matches] marked).

    \b
    Words are found inside unbroken Thai text (เน็ตประชารัฐ finds ...ใช้ประโยชน์เน็ตประชารัฐและ...).
    Several words must all occur; "a quoted phrase" must occur as written.
    Examples:
      ministry-news search เน็ตประชารัฐ --province สุโขทัย
      ministry-news search '"ศูนย์ดิจิทัลชุมชน"' --since 2563 --until 2563
    """
    from archive.db import session_scope
    from archive.export import json_line
    from archive.search import Facets, facets
    from archive.search import search as run_search

    filters = _filters(query, options)
    with session_scope(obj.db) as session:
        filters = _in_archive(session, filters)
        page = run_search(session, filters, limit=limit, offset=offset)
        facet_counts = facets(session, filters) if show_facets else Facets({})
    if as_json:
        for hit in page.hits:
            click.echo(
                json_line(
                    {
                        "post_id": hit.post_id,
                        "source": hit.source,
                        "url": hit.url,
                        "title": hit.title,
                        "published": hit.published,
                        "score": round(hit.score, 4),
                        "snippet": hit.snippet.marked(),
                    }
                )
            )
    else:
        span = f"{offset + 1}-{offset + len(page.hits)}" if page.hits else "0"
        more = "" if page.total_is_exact else "more than "
        click.echo(f"{more}{page.total:,} posts found (showing {span})")
        for hit in page.hits:
            date = hit.published.isoformat() if hit.published else "----------"
            click.echo(
                f"\n{date}  #{hit.post_id} [{hit.source}]  {shown(hit.title)}\n"
                f"  {shown(unquote(hit.url))}"
            )
            click.echo(f"  {shown(hit.snippet.marked())}")
    if show_facets and not facet_counts.exact:
        click.echo(
            f"facets: counted among the {facet_counts.among:,} latest archived of these posts",
            err=as_json,
        )
    for name, counts in facet_counts.items():
        if counts:
            listed = ", ".join(f"{v} ({n})" for v, n in counts)
            click.echo(f"{name}: {shown(listed)}", err=as_json)


@cli.command()
@filter_options
@click.option(
    "--q", "query", default=None, metavar="WORDS", help="Only posts matching these words."
)
@click.option(
    "--limit", default=0, type=click.IntRange(min=0), help="At most this many visits (0: all)."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per visit.")
@pass_ctx
@read_only
def visits(obj: Context, query: str | None, limit: int, as_json: bool, **options: Any) -> None:
    """List extracted visits: when, where, who, which sites, and the post they come from.

    \b
    Examples:
      ministry-news visits --province สุโขทัย --since 2563 --until 2563
      ministry-news visits --official "ชัยวุฒิ" --role visitor   # the visits he made
      ministry-news visits --official "ปิยนุช วุฒิสอน"
    """
    import dataclasses
    from collections import Counter

    from archive import queries
    from archive.db import session_scope
    from archive.export import json_line
    from nlp.facts import ROLES

    filters = _filters(query, options)
    n = 0
    per_source: Counter[str] = Counter()
    with session_scope(obj.db) as session:
        filters = _in_archive(session, filters)
        for row in queries.visits(session, filters, limit or None):
            n += 1
            per_source[row.source] += 1
            if as_json:
                click.echo(json_line(dataclasses.asdict(row)))
                continue
            when = row.start_date.isoformat() if row.start_date else "(no date)"
            if row.end_date and row.end_date != row.start_date:
                when += f"..{row.end_date.isoformat()}"
            where = " / ".join(x for x in ("; ".join(row.provinces), "; ".join(row.districts)) if x)
            click.echo(
                f"{when}  {shown(where or '(no place)')}  #{row.post_id} [{row.source}] "
                f"{shown(row.title)}"
            )
            if row.officials:
                who = [
                    f"{name} ({ROLES[role]})" if role in ROLES else name
                    for name, role in zip(row.officials, row.roles, strict=False)
                ]
                click.echo(f"    who:   {shown('; '.join(who))}")
            if row.sites:
                click.echo(f"    sites: {shown('; '.join(row.sites))}")
    if not as_json:
        by_site = ", ".join(f"{s} {k}" for s, k in per_source.most_common())
        click.echo(f"{n} visits" + (f" ({by_site})" if by_site else ""), err=True)


@cli.command()
@click.argument("what", type=click.Choice(["visits", "posts", "officials"]))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default="csv",
    show_default=True,
    help="csv is UTF-8 with BOM (opens in Excel); jsonl one object per line; parquet for pandas/R.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: stdout; parquet needs a file).",
)
@click.option(
    "--q", "query", default=None, metavar="WORDS", help="Only posts matching these words."
)
@filter_options
@pass_ctx
@read_only
def export(
    obj: Context, what: str, fmt: str, output: Path | None, query: str | None, **options: Any
) -> None:
    """Write visits (one row per visit), posts or officials (one row per person) to a file.

    Streams rows, so any archive size fits in memory; a failed or interrupted export (Ctrl-C:
    exit 130, SIGTERM: 143) leaves no half file. A FIFO or device given as -o is written into.
    """
    from archive.db import session_scope
    from archive.export import export as run_export

    _terminate_cleanly()
    filters = _filters(query, options)
    with session_scope(obj.db) as session:
        filters = _in_archive(session, filters)
        if output is None:
            if fmt == "parquet":
                raise click.UsageError("parquet needs -o FILE")
            n = run_export(session, what, fmt, sys.stdout.buffer, filters)  # type: ignore[arg-type]
        else:
            n = run_export(session, what, fmt, output, filters, progress=sys.stderr.isatty())
    click.echo(f"export: {n} {what} rows" + (f" to {output}" if output else ""), err=True)


@cli.command()
@pass_ctx
@read_only
def stats(obj: Context) -> None:
    """Counts: posts, visits, facts; per category, per province, per year; the last crawl."""
    from archive.db import session_scope
    from ministry_news.summary import print_summary

    with session_scope(obj.db) as session:
        _require_archive(session)
    print_summary(obj.db, top=100)


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. The default is this machine only; 0.0.0.0 shows the archive "
    "to the whole network.",
)
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@pass_ctx
@read_only
def serve(obj: Context, host: str, port: int) -> None:
    """Serve the archive as a web app and JSON API (read-only; Ctrl-C stops).

    \b
    Pages:  /  search with facets · /visits  table, charts · /posts/ID  a post with its facts
    JSON:   /api/search, /api/visits, /api/posts/ID (schema: /openapi.json, readable at /api)
    Files:  /export/visits.csv (posts, officials; csv, jsonl, parquet) with the page's filters
    """
    import socket

    import uvicorn

    from ministry_news.web import create_app

    app = create_app(obj.db)
    try:  # bound here, so a busy port is one line rather than a server log
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.create_server((host, port), family=family)
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {os.strerror(exc.errno) if exc.errno else exc}")
    address = f"[{host}]" if ":" in host else host
    click.echo(f"serve: http://{address}:{sock.getsockname()[1]}/ (Ctrl-C to stop)")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()


@cli.command()
@pass_ctx
def migrate(obj: Context) -> None:
    """Create the archive's schema, or upgrade it in place to this version (Alembic)."""
    from archive import migrate as schema

    before = schema.current_revision(obj.db)
    schema.upgrade(obj.db)
    after = schema.current_revision(obj.db)
    click.echo(
        f"migrate: {before or 'empty'} -> {after}" if before != after else f"migrate: at {after}"
    )


@cli.command("copy")
@click.option(
    "--from", "source", required=True, metavar="URL", help="The archive to copy (only read)."
)
@click.option(
    "--to",
    "target",
    required=True,
    metavar="URL",
    help="A new or empty archive to copy into (its schema is created); one with rows is refused.",
)
def copy_command(source: str, target: str) -> None:
    """Copy a whole archive to another database, e.g. the SQLite file to a PostgreSQL server.

    Every table is then compared, row counts and checksums; any difference exits 1 and leaves the
    target as empty as it was. Stop crawls into the source first.

    \b
      ministry-news copy --from sqlite:///data/ministry-news.sqlite \\
                         --to postgresql+psycopg://archive@db.example.org/ministry_news
    """
    from archive.copy import copy_archive, shown

    def progress(table: str, rows: int) -> None:
        click.echo(f"\rcopy: {table} {rows:,} rows ", nl=False, err=True)

    report = copy_archive(source, target, progress=progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(f"copy: {shown(source)} -> {shown(target)}")
    click.echo(f"  {'table':<16}{'source rows':>12}{'target rows':>12}  checksum")
    for t in report.tables:
        same = "ok" if t.ok else f"DIFFERS (target {t.target_sum[:16]})"
        click.echo(
            f"  {t.table:<16}{t.source_rows:>12,}{t.target_rows:>12,}  {t.source_sum[:16]} {same}"
        )
    if not report.ok:
        differ = ", ".join(t.table for t in report.tables if not t.ok)
        _fail(f"copy: {differ} differ after copying; the target was left empty")
    click.echo(
        f"copy: {len(report.tables)} tables, {report.rows:,} rows, identical "
        f"({report.seconds:.1f} s)"
    )


def _require_archive(session: Any) -> None:
    """A query on a database with no archive, or an archive of another schema, says so (and
    what to run) instead of an SQL error or a short answer."""
    from archive.migrate import require_readable

    require_readable(session.connection())


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort as exc:  # click's word for a KeyboardInterrupt (or SIGTERM)
        click.echo("aborted", err=True)
        _quiet_teardown()
        sys.exit(EXIT_TERMINATED if isinstance(exc.__cause__, Terminated) else EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except (ArchiveError, ValueError) as exc:
        _fail(str(exc), EXIT_USAGE if isinstance(exc, ValueError) else EXIT_ERROR)
    except KeyboardInterrupt as exc:
        click.echo("interrupted: everything committed before stays stored", err=True)
        _quiet_teardown()
        sys.exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED)
    except SystemExit:
        raise
    except Exception as exc:  # an unexpected failure still gets one line, not a traceback
        if os.environ.get("MINISTRY_NEWS_DEBUG"):
            raise
        _fail(_one_line(exc) + " (set MINISTRY_NEWS_DEBUG=1 for the traceback)")


def _one_line(exc: Exception) -> str:
    """The first line of what went wrong; a database error names the driver's own reason."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError):
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        return f"database unavailable: {reason}"
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return f"database error: {str(exc.orig).strip().splitlines()[0]}"
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"
