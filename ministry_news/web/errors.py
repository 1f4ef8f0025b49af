"""Bad input answered in one line: HTTP 400 with {"error": ...} for the API and downloads, the
page with the message for a person, and never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from archive.filters import Refusal
from ministry_news.web.labels import language, refusal
from ministry_news.web.params import NOT_HERE
from ministry_news.web.render import render


class BadRequest(Exception):
    """A request the archive cannot answer as asked; the message is one line for the user,
    and a refused value (`refused`) is said on a page in the page's language."""

    def __init__(self, message: str, status: int = 400, refused: Refusal | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.refused = refused


class ErrorOut(BaseModel):
    error: str


@contextmanager
def bad_input() -> Iterator[None]:
    """The archive's one-line ValueErrors (a malformed date, a query with no words) as 400s."""
    try:
        yield
    except ValueError as exc:
        raise BadRequest(str(exc), refused=exc if isinstance(exc, Refusal) else None) from None


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/export/"))


def respond(
    request: Request, message: str, status: int, refused: Refusal | None = None
) -> Response:
    """Data (API, downloads) get the English line; a page gets it in the reader's language."""
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    if refused is not None:
        message = refusal(refused, language(request.query_params))
    return render(request, "error.html", {"message": message}, status=status)


def validation_message(exc: RequestValidationError) -> str:
    """The first problem, as `field: what is wrong`."""
    error: dict[str, Any] = exc.errors()[0]
    if error.get("type") == NOT_HERE:
        return str(error["msg"])
    name = str(error.get("loc", ("", "request"))[-1])
    message = str(error.get("msg", "invalid"))
    return f"{name}: {message[:1].lower()}{message[1:]}"


async def crashed(request: Request, exc: Exception) -> Response:
    """Logged with its traceback by the server; the user gets one line."""
    return respond(request, f"internal error ({type(exc).__name__}); see the server log", 500)


def install(app: FastAPI) -> None:
    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadRequest)
        return respond(request, str(exc), exc.status, exc.refused)

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, validation_message(exc), 400)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return respond(request, message, exc.status_code)

    app.add_exception_handler(BadRequest, bad_request)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
