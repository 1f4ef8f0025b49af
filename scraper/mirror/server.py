"""Serve a mirror on 127.0.0.1: `ministry-news mirror`, the demo, and the crawl tests use it.

One stdlib ThreadingHTTPServer for every mirrored site (`SITES`: `mdes` is `scraper.mirror.site`,
`thaigov` is `scraper.mirror.thaigov.site`), over pages the site module renders once; nothing is
read from disk per request, so a crawl of a whole mirror takes a few seconds.

For tests of a crawl's robustness the server can misbehave on purpose: `fault(path, hit)` may
answer any request instead of the mirror (slowly, wrongly, refusing), and `validators=True` makes
it send ETag / Last-Modified and answer 304 to a request that already has the page.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Protocol

from scraper.mirror.response import Page

HOST = "127.0.0.1"
#: The mirror's pages never change while it runs: one date for every Last-Modified.
LAST_MODIFIED = "Wed, 01 Jul 2020 00:00:00 GMT"

#: A test's misbehaviour: (request path, how many times it was requested) → a page, or None to
#: let the mirror answer. It runs in the server's thread, so it may sleep.
Fault = Callable[[str, int], Page | None]


class Mirror(Protocol):
    """What a site module's site offers the server."""

    def resolve(self, raw_path: str, seen: int = 1) -> Page:
        """The page for a request path asked `seen` times so far (1 the first time)."""
        ...

    def start_urls(self, base: str) -> list[str]:
        """Where a crawl of this mirror starts."""
        ...


def _mdes() -> Mirror:
    from scraper.mirror.site import site

    return site()


def _thaigov() -> Mirror:
    from scraper.mirror.thaigov.site import site

    return site()


#: The mirrored sites by profile name, each built (once) on first use.
SITES: dict[str, Callable[[], Mirror]] = {"mdes": _mdes, "thaigov": _thaigov}
#: The port `ministry-news mirror --site NAME` listens on unless told otherwise.
PORTS = {"mdes": 8123, "thaigov": 8124}


class _Handler(BaseHTTPRequestHandler):
    server: _MirrorHTTPServer
    server_version = "mirror/1"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

    def _page(self) -> tuple[Page, bytes]:
        mirror = self.server.mirror
        with self.server.lock:
            self.server.requests.append(self.path)
            seen = self.server.hits[self.path] = self.server.hits.get(self.path, 0) + 1
        if seen <= self.server.refuse_first and self.path != "/robots.txt":
            # the live site answers bursts with 403/429; the spider must back off and retry
            return Page(self.server.refuse_status, "text/plain", b"slow down\n"), b"slow down\n"
        page = self.server.fault(self.path, seen) if self.server.fault else None
        page = page or mirror.resolve(self.path, seen)
        host = self.headers.get("Host") or f"{HOST}:{self.server.server_address[1]}"
        return page, page.render(f"http://{host}")

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        page, body = self._page()
        if self._head(page, body):
            self.wfile.write(body)

    def do_HEAD(self) -> None:  # noqa: N802
        page, body = self._page()
        self._head(page, body)

    def _head(self, page: Page, body: bytes) -> bool:
        """Send the status line and headers; False when the body must not follow (a 304)."""
        etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
        if self.server.validators and page.status == 200:
            asked = self.headers.get("If-None-Match")
            if asked == etag or (not asked and self.headers.get("If-Modified-Since")):
                with self.server.lock:
                    self.server.not_modified += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return False
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(body)))
        if page.status in (429, 503) and not any(k == "Retry-After" for k, _ in page.headers):
            self.send_header("Retry-After", "1")
        if self.server.validators and page.status == 200:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        for name, value in page.headers:
            self.send_header(name, value)
        self.end_headers()
        return True

    def log_message(self, format: str, *args: object) -> None:  # quiet: crawls log enough
        pass


class _MirrorHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (a crawl's timeout) is part of the tests, not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def __init__(
        self,
        port: int,
        host: str,
        refuse_first: int,
        refuse_status: int,
        mirror: Mirror | None = None,
        fault: Fault | None = None,
        validators: bool = False,
        site: str = "mdes",
    ) -> None:
        super().__init__((host, port), _Handler)
        self.mirror: Mirror = mirror or SITES[site]()
        self.lock = threading.Lock()
        self.requests: list[str] = []
        self.hits: dict[str, int] = {}
        self.refuse_first = refuse_first
        self.refuse_status = refuse_status
        self.fault = fault
        self.validators = validators
        self.not_modified = 0


class MirrorServer:
    """The mirror in a background thread: `with MirrorServer(port=0) as m: crawl(m.url)`.

    `refuse_first=N` makes every page answer `refuse_status` to its first N requests, as the live
    site does to bursts, to exercise the spider's retries. `site` names the mirrored site
    (`SITES`: `MirrorServer(port=0, site="thaigov")`); `mirror` serves another site object (posts
    added or changed), `fault` misbehaves on purpose, `validators` enables ETag / 304.
    """

    def __init__(
        self,
        port: int = 0,
        host: str = HOST,
        refuse_first: int = 0,
        refuse_status: int = 429,
        mirror: Mirror | None = None,
        fault: Fault | None = None,
        validators: bool = False,
        site: str = "mdes",
    ) -> None:
        self._server = _MirrorHTTPServer(
            port, host, refuse_first, refuse_status, mirror, fault, validators, site
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self._server.server_address[0]}:{self.port}"

    @property
    def requests(self) -> list[str]:
        """Paths requested so far, in order."""
        with self._server.lock:
            return list(self._server.requests)

    @property
    def not_modified(self) -> int:
        """How many requests were answered 304 Not Modified."""
        with self._server.lock:
            return self._server.not_modified

    def start_urls(self) -> list[str]:
        """Where a crawl of the served site starts (mdes: every category's listing)."""
        return self._server.mirror.start_urls(self.url)

    def start(self) -> MirrorServer:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="mirror", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    port: int, host: str = HOST, site: str = "mdes", ready: Callable[[], None] | None = None
) -> None:
    """Serve until Ctrl-C (`ministry-news mirror --site NAME --port N`); `ready` runs once the
    port is bound, so nothing announces a mirror that could not listen."""
    server = _MirrorHTTPServer(port, host, 0, 429, site=site)
    if ready is not None:
        ready()
    try:
        server.serve_forever()
    finally:
        server.server_close()
