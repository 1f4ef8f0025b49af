"""Downloads of what a page shows: the archive's own exports (archive.export), same filters."""

from __future__ import annotations

import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from archive.db import session_scope
from archive.export import export
from ministry_news.web.errors import ErrorOut, bad_input
from ministry_news.web.params import FilterParams

router = APIRouter(tags=["downloads"])

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
SPOOL = 16 * 1024 * 1024  # bigger exports go to a temporary file, not memory
CHUNK = 64 * 1024


@router.get(
    "/export/{what}.{fmt}",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The rows as a file.",
            "content": {m: {} for m in MEDIA_TYPES.values()},
        },
        400: {"model": ErrorOut, "description": "A malformed parameter, named in one line."},
    },
)  # type: ignore[misc]
def download(
    request: Request,
    what: Literal["visits", "posts", "officials"],
    fmt: Literal["csv", "jsonl", "parquet"],
    params: Annotated[FilterParams, Query()],
) -> StreamingResponse:
    """Every visit, post or official (one row per person) the filters select, as CSV (UTF-8
    with BOM, opens in Excel), JSON Lines or Parquet: the columns of `ministry-news export`.

    The file is written completely before the first byte is sent, so an error is a 400, not a
    truncated download.
    """
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 (closed after sending)
    try:
        with bad_input(), session_scope(request.app.state.db_url) as session:
            rows = export(session, what, fmt, spool, params.filters(session))  # type: ignore[arg-type]
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return StreamingResponse(
        iter(lambda: spool.read(CHUNK), b""),
        media_type=MEDIA_TYPES[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="ministry-news-{what}.{fmt}"',
            "X-Rows": str(rows),
        },
        background=BackgroundTask(spool.close),
    )
