"""The `ministry-news` command: a thin layer over scraper, archive and nlp.

Every subcommand prints one clear line and exits non-zero on bad input; nothing it stored before
the error is lost (each write is its own transaction).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from archive.db import ArchiveError, default_url

REAL_SITE = "https://www.mdes.go.th"

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3


class Context:
    def __init__(self, db: str) -> None:
        self.db = db


pass_ctx = click.make_pass_decorator(Context)


def _fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    default=default_url,
    show_default="sqlite:///data/ministry-news.sqlite, or $MINISTRY_NEWS_DB",
    help="SQLAlchemy URL of the archive: a SQLite file (the default, created on first use) or "
    "postgresql+psycopg://user@host/dbname.",
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
    ctx.obj = Context(db)


# --- fetch -------------------------------------------------------------------------------------


@cli.command()
@click.option(
    "--start-url",
    "start_urls",
    multiple=True,
    metavar="URL",
    help="Listing page(s) to start from instead of the real site's news categories "
    "(e.g. http://127.0.0.1:8123/news/119). Repeatable.",
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
    "--extract/--no-extract", default=True, show_default=True, help="Extract facts after."
)
@pass_ctx
def crawl(
    obj: Context,
    start_urls: tuple[str, ...],
    categories: tuple[str, ...],
    fast: bool,
    extract: bool,
) -> None:
    """Crawl the ministry's news into the archive (polite: robots.txt, ~1 s per request).

    Posts already archived and unchanged are left as they are; a changed post is stored as a new
    version. Exits 3 when the site cannot be reached at all.
    """
    from ministry_news.crawl import run_crawl

    settings = _fast_settings() if fast else None
    stats = run_crawl(
        obj.db,
        start_urls=list(start_urls) or None,
        categories=list(categories) or None,
        settings=settings,
        progress=sys.stderr.isatty(),
    )
    _print_crawl(stats)
    if stats.get("unreachable"):
        _fail(
            f"cannot reach {', '.join(start_urls) or REAL_SITE} (offline?); "
            "try `make demo` to crawl the bundled mirror instead",
            EXIT_UNREACHABLE,
        )
    if extract:
        _run_extract(obj.db)


def _fast_settings() -> dict[str, Any]:
    return {
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "RETRY_TIMES": 1,
    }


def _print_crawl(stats: dict[str, Any]) -> None:
    click.echo(
        "crawl: {pages} pages, {new} new, {changed} changed, {unchanged} unchanged posts, "
        "{failed} failed ({finish_reason})".format(
            **{
                k: stats.get(k, 0)
                for k in ("pages", "new", "changed", "unchanged", "failed", "finish_reason")
            }
        )
    )


@cli.command()
@click.option("--port", default=8123, show_default=True, help="Port on 127.0.0.1.")
def mirror(port: int) -> None:
    """Serve the bundled mirror of the ministry's news section on 127.0.0.1 (Ctrl-C stops)."""
    from scraper.mirror.server import serve

    click.echo(f"mirror: serving http://127.0.0.1:{port}/news/ (Ctrl-C to stop)")
    try:
        serve(port)
    except OSError as exc:
        _fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        pass


@cli.command()
@pass_ctx
def demo(obj: Context) -> None:
    """Crawl the bundled mirror (started on a free port), extract, and print a summary."""
    from ministry_news.demo import run_demo

    run_demo(obj.db)


# --- extract -----------------------------------------------------------------------------------


@cli.command()
@click.option("--post", "post_ids", multiple=True, type=int, help="Only this post id. Repeatable.")
@pass_ctx
def extract(obj: Context, post_ids: tuple[int, ...]) -> None:
    """Extract visit facts from the stored posts (re-runnable; replaces this version's facts)."""
    _run_extract(obj.db, list(post_ids) or None)


def _run_extract(db: str, post_ids: list[int] | None = None) -> None:
    from ministry_news.extract import extract_posts

    report = extract_posts(db, post_ids, progress=sys.stderr.isatty())
    rate = report.posts / report.seconds if report.seconds else 0.0
    click.echo(
        f"extract: {report.posts} posts, {report.facts} facts, {report.visits} visits "
        f"(pipeline {report.version}, {rate:.0f} posts/s)"
    )


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


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except (ArchiveError, ValueError) as exc:
        _fail(str(exc), EXIT_USAGE if isinstance(exc, ValueError) else EXIT_ERROR)
    except KeyboardInterrupt:
        click.echo("interrupted: everything committed before stays stored", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # an unexpected failure still gets one line, not a traceback
        if os.environ.get("MINISTRY_NEWS_DEBUG"):
            raise
        _fail(f"{type(exc).__name__}: {exc} (set MINISTRY_NEWS_DEBUG=1 for the traceback)")
