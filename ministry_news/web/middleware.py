"""What every response of the app shares, whatever produced it (a page, a file, an error, a
crash): the security headers, redirects that stay on this site, and HEAD answered as GET.

Plain ASGI, so a streamed download and an error page pass through the same way.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Nothing but this app's own stylesheet and fonts, no script at all: even if text from a crawled
# page slipped into the markup, the browser would not run it nor fetch anything for it.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def on_site(location: str) -> str:
    """A redirect's target as a path on this site: the Host header a client sent (which the
    framework builds absolute URLs from) is never sent back, and `//host` is no path."""
    parts = urlsplit(location)
    return urlunsplit(("", "", "/" + parts.path.lstrip("/"), parts.query, parts.fragment))


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.update(HEADERS)
                if "location" in headers:
                    headers["location"] = on_site(headers["location"])
            await send(message)

        await self.app(scope, receive, secured)


class HeadAsGet:
    """HEAD is GET without the body: same status and headers (Content-Length included), so a
    link checker or `curl -I` learns what a GET would get."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # A copy: the server keeps reading its own scope's method, HEAD, and sends no body.
        await self.app({**scope, "method": "GET"}, receive, headers_only)
