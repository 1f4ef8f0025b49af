"""The web app over an archive: `create_app(db_url)` builds it, `ministry-news serve` runs it.

Read-only: it never writes to the archive, so it can serve while a crawl or an extraction runs.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.errors import ServerErrorMiddleware

from archive.db import ArchiveError, get_engine
from archive.migrate import require_readable
from archive.search import TOTAL_CAP
from ministry_news.web import api, downloads, errors, pages
from ministry_news.web.middleware import HeadAsGet, SecurityHeaders

STATIC = Path(__file__).parent / "static"

DESCRIPTION = """\
Search the archive of Thai ministry news, list the field visits extracted from it, and read
each post with its facts. Every endpoint takes the same filters as the `ministry-news` command;
malformed input is a 400 with `{"error": "one line"}`. Pages: `/` (search), `/visits`,
`/posts/{id}`; downloads of the same rows: `/export/{visits|posts|officials}.{csv|jsonl|parquet}`.
"""


def _version() -> str:
    try:
        return version("ministry-news")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0"


def create_app(db_url: str, total_cap: int = TOTAL_CAP) -> FastAPI:
    """The app over the archive at `db_url`, counting totals exactly up to `total_cap`;
    ArchiveError when there is no archive there yet."""
    engine = get_engine(db_url)
    try:
        with engine.connect() as conn:
            require_readable(conn)
    except ArchiveError:
        raise
    except Exception as exc:  # unreachable server, unreadable file
        raise ArchiveError(f"cannot open the archive {db_url!r}: {exc}") from exc

    app = FastAPI(
        title="ministry-news",
        version=_version(),
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; /api renders the schema locally
        redoc_url=None,
    )
    app.state.db_url = db_url
    app.state.total_cap = total_cap

    errors.install(app)
    # Innermost first: a crash becomes its one-line page inside SecurityHeaders, so the 500
    # carries the headers too (Starlette's own outermost handler would answer past them).
    app.add_middleware(ServerErrorMiddleware, handler=errors.crashed)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(downloads.router)
    app.include_router(pages.router)
    return app
