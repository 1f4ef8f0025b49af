"""A tiny www.thaigov.go.th on 127.0.0.1: the pages in `thaigov/` at their post ids, in the
markup of ../shared/site-notes-thaigov.md; every other id is the site's soft 404 (HTTP 200, bare
title, no article), as a gap in the ids is on the real site."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "thaigov"
POST = re.compile(r"^/news/contents/details/(\d+)$")
#: The posts the fixture holds; 1002 is a gap, 1003 is in markup the profile does not know.
POSTS = (1001, 1003, 1004)
CHANGED_MARKUP = 1003


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        match = POST.match(self.path)
        if not match:
            self.send_error(404)
            return
        page = PAGES / f"{match.group(1)}.html"
        body = (page if page.exists() else PAGES / "missing.html").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # quiet: the tests read the archive
        pass


@contextmanager
def serve() -> Iterator[str]:
    """The site's base URL while it is served."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
