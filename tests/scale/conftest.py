"""Fixtures for the scale tests: the archive tests' engines (reused, not redefined), Redis, and
the mirror served by a server that notes when each request arrived.

Without MINISTRY_NEWS_TEST_PG_URL or MINISTRY_NEWS_TEST_REDIS_URL the tests that need them fail,
loudly: `eval "$(bash .ci/services.sh)"` starts both (make test and CI do).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# The archive tests' fixtures: a fresh archive per engine, PostgreSQL in a schema of its own.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
from tests.archive.conftest import archive_url, make_archive  # noqa: E402, F401

REDIS_ENV = "MINISTRY_NEWS_TEST_REDIS_URL"


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get(REDIS_ENV)
    if not url:
        pytest.fail(
            f"{REDIS_ENV} is not set: the distributed crawl tests need Redis. Start it with "
            '`eval "$(bash .ci/services.sh)"` (make test and CI do).',
            pytrace=False,
        )
    return url


class _Handler(BaseHTTPRequestHandler):
    server: TimedMirror
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        arrived = time.monotonic()
        page = self.server.site.resolve(self.path)
        body = page.render(f"http://{self.headers.get('Host')}")
        with self.server.lock:
            self.server.arrivals.append((arrived, self.path))
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class TimedMirror(ThreadingHTTPServer):
    """The mirror's pages (scraper.mirror.site), each request's arrival time and path noted."""

    daemon_threads = True

    def __init__(self) -> None:
        from scraper.mirror.site import site

        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site()
        self.lock = threading.Lock()
        self.arrivals: list[tuple[float, str]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def timed_mirror() -> Iterator[TimedMirror]:
    server = TimedMirror()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
