"""The mirror's pages served on 127.0.0.1 by a server that notes when each request arrived:
the distributed crawl test reads the fleet's politeness from it."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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
